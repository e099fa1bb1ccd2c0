//! `tanzim`: the one binary. `tanzim serve` runs the server; the other commands script
//! what administrators automate. Every command exits non-zero with a one-line error on bad
//! input.

mod bench_reports;
mod bench_timetable;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand};
use std::io::Read;
use std::process::ExitCode;
use tanzim_commands::accounts::{NewAccount, RoleGrant};
use tanzim_commands::{self as commands, Actor};
use tanzim_domain::accounts::{Role, RoleAssignment, Username};
use tanzim_domain::jobs::ExportFormat;
use tanzim_domain::org::Profile;
use tanzim_domain::territory::{Level, TerritoryCode, TerritoryPath};
use tanzim_store::accounts;
use tanzim_store::{Db, territory};
use tanzim_web::i18n::Lang;
use tanzim_web::{AppState, Config, auth};

#[derive(Parser)]
#[command(
    name = "tanzim",
    version,
    about = "The organization of a party: territories, bodies, members, meetings."
)]
struct Cli {
    /// Database: a SQLite file path (created if missing) or a postgres:// URL.
    #[arg(
        long,
        env = "TANZIM_DATABASE_URL",
        default_value = "sqlite:tanzim.db",
        global = true
    )]
    database_url: String,
    /// Organization profile (TOML); the built-in default profile when absent.
    #[arg(long, env = "TANZIM_PROFILE", global = true)]
    profile: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server and JSON API (runs migrations and loads territories first).
    Serve(ServeArgs),
    /// Bring the database schema up to date and load the territories, then exit.
    Migrate,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Look up Morocco's territories.
    #[command(subcommand)]
    Territory(TerritoryCommand),
    /// Import files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export files.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Fill the database with realistic synthetic members (names in both scripts with their
    /// spelling variants, spread over communes by population).
    Demo {
        #[arg(long, default_value_t = 1000)]
        members: u64,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Write a backup of the whole database to FILE (a new file) while the server runs: a
    /// SQLite file that `tanzim restore` loads into either engine.
    Backup {
        /// The backup to write, or with --verify-only the one to check.
        file: std::path::PathBuf,
        /// Then prove it: restore it into a scratch database and compare every table.
        #[arg(long)]
        verify: bool,
        /// Only prove FILE, an existing backup.
        #[arg(long, conflicts_with = "verify")]
        verify_only: bool,
    },
    /// Load the backup FILE into this database, which must be new (SQLite or PostgreSQL,
    /// whichever engine made the backup).
    Restore { file: std::path::PathBuf },
    /// Measure import, search and statistics on this database with N synthetic members and
    /// print the figures as Markdown rows for BENCHMARKS.md.
    Bench {
        #[arg(long, default_value_t = 100_000)]
        members: u64,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Put every member in this region (its code, e.g. 03), whose reports' figures are
        /// then measured; without it the region with the most members.
        #[arg(long)]
        region: Option<String>,
    },
    /// Fill an empty database with bodies and a year of activities, then time the
    /// timetable's month pages (national, regional, provincial).
    BenchTimetable {
        #[arg(long, default_value_t = 10_000)]
        bodies: usize,
        #[arg(long, default_value_t = 100_000)]
        activities: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import a member roll (CSV: UTF-8 or Windows-1256, `,` or `;`, Arabic or French headers).
    /// Prints `imported N, updated N, rejected N, review N, referred N`; rejected rows are written to
    /// FILE.rejected.csv with their line and reason.
    Members {
        file: std::path::PathBuf,
        /// A saved mapping: `header=field` lines (`field` `-` ignores a column).
        #[arg(long)]
        mapping: Option<std::path::PathBuf>,
        /// Check every row and report, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Members already present (same CIN) get the file's contact details; without it
        /// they are left alone and reported.
        #[arg(long)]
        update_existing: bool,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Write the member list to FILE (new; CSV, or XLSX when FILE ends in .xlsx) in
    /// constant memory, with a progress bar: the same code as the server's export job.
    /// The export is on the audit log.
    Members {
        file: std::path::PathBuf,
        /// active, lapsed, suspended, expelled, resigned, deceased.
        #[arg(long)]
        status: Option<String>,
        /// HCP code: members of that territory.
        #[arg(long)]
        territory: Option<String>,
        /// A name (either script), a CIN or a membership number.
        #[arg(long)]
        q: Option<String>,
        /// YYYY-MM-DD: members in good standing on that day.
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "TANZIM_LISTEN", default_value = "127.0.0.1:8080")]
    listen: String,
    /// Mark cookies Secure (set when a TLS proxy is in front).
    #[arg(long, env = "TANZIM_SECURE_COOKIES")]
    secure_cookies: bool,
    /// The public address of this server, printed in the cards' QR codes
    /// (e.g. https://members.example.ma); the listening address when absent (with a warning).
    #[arg(long, env = "TANZIM_PUBLIC_URL", value_parser = tanzim_web::parse_public_url)]
    public_url: Option<String>,
    /// Reverse proxies in front of the server (comma-separated IP addresses): their
    /// X-Forwarded-For gives the client's address; without any, the header is ignored.
    #[arg(long, env = "TANZIM_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_ip)]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// Where exports are written until they are downloaded (once) or a day old.
    #[arg(long, env = "TANZIM_JOBS_DIR", default_value = "tanzim-jobs")]
    jobs_dir: std::path::PathBuf,
}

fn parse_ip(s: &str) -> std::result::Result<std::net::IpAddr, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("{s:?} is not an IP address"))
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user with one role (an administrator without --scope is national).
    Add {
        username: String,
        #[arg(long)]
        role: String,
        /// The territory the role applies to, by HCP code or by name in Arabic or French
        /// ("تاونات", "Taounate"); national when absent.
        #[arg(long)]
        scope: Option<String>,
        /// Limit the role to one organization of the profile (e.g. women).
        #[arg(long)]
        organization: Option<String>,
        /// The name shown in the interface; the username when absent.
        #[arg(long)]
        display_name: Option<String>,
        /// Read the password from standard input (required: passwords never go on the command line).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for a user and print it (shown once).
    Create {
        username: String,
        /// What the token is for.
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

#[derive(Subcommand)]
enum TerritoryCommand {
    /// Print a territory and its children.
    Show { code: String },
}

async fn open(cli: &Cli) -> Result<Db> {
    let db = Db::connect(&cli.database_url)
        .await
        .with_context(|| "cannot open the database".to_owned())?;
    db.migrate().await.context("cannot migrate the database")?;
    tanzim_store::members::backfill_search_keys(&db)
        .await
        .context("cannot prepare member search")?;
    // The profile's organization abroad is loaded with Morocco's territories.
    let diaspora = load_profile(cli)?.diaspora;
    territory::install(diaspora.as_ref());
    let report = territory::load(&db, diaspora.as_ref())
        .await
        .context("cannot load the territories")?;
    if report.changed {
        tracing::info!(territories = report.loaded, "territories loaded");
    }
    Ok(db)
}

/// The database as it is, for a restore (which migrates it and brings its own
/// territories).
async fn open_unloaded(cli: &Cli) -> Result<Db> {
    Db::connect(&cli.database_url)
        .await
        .with_context(|| "cannot open the database".to_owned())
}

fn load_profile(cli: &Cli) -> Result<Profile> {
    Ok(match &cli.profile {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read profile {}", path.display()))?;
            Profile::parse(&text)?
        }
        None => Profile::default_profile()?,
    })
}

async fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Command::Serve(args) => {
            let profile = load_profile(&cli)?;
            let db = open(&cli).await?;
            if accounts::count_administrators(&db).await? == 0 {
                println!(
                    "No administrator yet. Create the first one with:\n  \
                     printf '%s' 'a long passphrase' | tanzim user add admin --role administrator --password-stdin\n\
                     (with cargo: cargo run --release -- user add admin --role administrator --password-stdin)"
                );
            }
            let listener = tokio::net::TcpListener::bind(&args.listen)
                .await
                .with_context(|| format!("cannot listen on {}", args.listen))?;
            println!(
                "tanzim is serving on http://{} ({} database)",
                listener.local_addr()?,
                db.engine()
            );
            let state = AppState::new(
                db.clone(),
                profile,
                Config {
                    secure_cookies: args.secure_cookies,
                    public_url: args.public_url.clone(),
                    trusted_proxies: args.trusted_proxies.clone(),
                    jobs_dir: Some(args.jobs_dir.clone()),
                },
            )?;
            tanzim_web::serve(state, listener).await?;
            db.close().await;
        }
        Command::Migrate => {
            let db = open(&cli).await?;
            println!(
                "database ready: {} territories",
                territory::count(&db).await?
            );
        }
        Command::User(UserCommand::Add {
            username,
            role,
            scope,
            organization,
            display_name,
            password_stdin: _,
        }) => {
            let profile = load_profile(&cli)?;
            let username = Username::parse(username).map_err(|_| anyhow!("invalid username {username:?}: 3 to 64 of a-z 0-9 . _ -, starting with a letter"))?;
            let role = Role::parse(role).map_err(|_| anyhow!("unknown role {role:?}: one of administrator, officer, committee_member, communication_officer, analyst"))?;
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("cannot read the password from standard input")?;
            let new = NewAccount {
                display_name: display_name
                    .clone()
                    .unwrap_or_else(|| username.as_str().to_owned()),
                username: username.clone(),
                password: password.trim_end_matches(['\n', '\r']).to_owned(),
                role: RoleGrant {
                    role,
                    scope: None,
                    organization: organization.clone(),
                },
            };
            let app = commands::App::new(open(&cli).await?, profile);
            // A name of several territories is refused with them listed, as on the page.
            let lookup = tanzim_domain::gazetteer::Lookup::exact(tanzim_domain::Field::Scope);
            let scope = match commands::territories::resolve_given(scope.as_deref(), lookup) {
                Ok(place) => place.map(|p| p.code.clone()),
                Err(commands::Error::Invalid(e)) => {
                    let listed: Vec<&str> =
                        e.candidates.iter().map(TerritoryCode::as_str).collect();
                    return Err(anyhow!(
                        "unknown or ambiguous territory {:?}{}",
                        scope.as_deref().unwrap_or_default(),
                        if listed.is_empty() {
                            String::new()
                        } else {
                            format!(": one of {}", listed.join(", "))
                        }
                    ));
                }
                Err(e) => return Err(anyhow!("cannot read the territories: {e}")),
            };
            let new = NewAccount {
                role: RoleGrant { scope, ..new.role },
                ..new
            };
            let id = commands::accounts::create_user(&app, &Actor::console(), &new)
                .await
                .map_err(|e| match e {
                    commands::Error::Conflict(_) => {
                        anyhow!("username {} is taken", username.as_str())
                    }
                    commands::Error::Invalid(e) => anyhow!("refused: {} ({:?})", e.code, e.field),
                    other => anyhow!(other),
                })?;
            println!("created user {} (id {id})", username.as_str());
        }
        Command::Token(TokenCommand::Create { username, name }) => {
            let app = commands::App::new(open(&cli).await?, load_profile(&cli)?);
            let creds = accounts::credentials(&app.db, &username.to_ascii_lowercase())
                .await?
                .ok_or_else(|| anyhow!("no user {username:?}"))?;
            let token = commands::accounts::create_token(&app, &Actor::console(), creds.id, name)
                .await
                .map_err(|e| match e {
                    commands::Error::Conflict(_) => anyhow!("user {username} is disabled"),
                    commands::Error::Invalid(_) => anyhow!("invalid token name"),
                    other => anyhow!(other),
                })?;
            println!("{token}");
        }
        Command::Import(ImportCommand::Members {
            file,
            mapping,
            dry_run,
            update_existing,
        }) => {
            let profile = load_profile(&cli)?;
            // Bounded before it is read: the reader bounds the rest (see `import::Bounds`).
            let size = std::fs::metadata(file)
                .with_context(|| format!("cannot read {}", file.display()))?
                .len();
            if size > tanzim_reports::import::Bounds::command_line().file_bytes as u64 {
                bail!("{} is larger than a roll may be", file.display());
            }
            let bytes =
                std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
            let mapping = match mapping {
                Some(m) => tanzim_reports::import::parse_mapping(
                    &std::fs::read_to_string(m)
                        .with_context(|| format!("cannot read {}", m.display()))?,
                ),
                None => Default::default(),
            };
            let db = open(&cli).await?;
            let on_existing = if *update_existing {
                tanzim_store::imports::OnExisting::Update
            } else {
                tanzim_store::imports::OnExisting::Report
            };
            if *dry_run {
                let options = tanzim_reports::roll::Options {
                    on_existing,
                    dry_run: true,
                    actor: "cli",
                    actor_id: None,
                    token: &auth::random_token,
                    scope: None,
                    reach: None,
                    today: tanzim_web::today(),
                };
                let (summary, rejected) =
                    tanzim_reports::roll::import_file(&db, &profile, &bytes, &mapping, &options)
                        .await
                        .map_err(|e| anyhow!("{e}"))?;
                write_rejected(file, &summary.rejected, &rejected)?;
                println!("{}", summary.line());
                return Ok(());
            }
            // Staged in the database, then imported batch by batch: a run that stops
            // (killed, a full disk) is resumed by the next run of the same file.
            let app = commands::App::new(db, profile);
            let hash = commands::imports::file_hash(&bytes);
            let id = match commands::imports::console_unfinished(&app, &hash, on_existing, &mapping)
                .await?
            {
                Some((id, so_far)) => {
                    eprintln!(
                        "resuming the unfinished import of {}: {} rows done",
                        file.display(),
                        tanzim_reports::staged::rows_done(&so_far)
                    );
                    id
                }
                None => {
                    let bounds = tanzim_reports::import::Bounds::command_line();
                    let mut rows = tanzim_reports::import::open(&bytes, &mapping, &bounds)
                        .map_err(|e| anyhow!("{e}"))?;
                    drop(bytes);
                    eprintln!("checking and staging {}", file.display());
                    commands::imports::console_stage(&app, &mut rows, on_existing, &hash, &mapping)
                        .await?
                        .map_err(|e| anyhow!("{e}"))?
                }
            };
            let mut bar = Bar::new();
            let tally = commands::imports::run(&app, &commands::Actor::console(), id, &mut bar)
                .await?
                .ok_or_else(|| anyhow!("the import stopped"))?;
            bar.0.finish_and_clear();
            let (first, rejected) = commands::imports::console_refused(&app, id, 20).await?;
            write_rejected(file, &first, &rejected)?;
            println!("{}", tanzim_reports::staged::tally_line(&tally));
        }
        Command::Demo { members, seed } => {
            let profile = load_profile(&cli)?;
            let db = open(&cli).await?;
            let summary = demo_import(&db, &profile, *members, *seed, None).await?;
            println!("{}", summary.line());
            let words = tanzim_web::i18n::I18n::load().map_err(|e| anyhow!("{e:?}"))?;
            let en = |code: &str| words.format(Lang::En, &format!("error-{code}"), None);
            println!("{}", summary.rejections_explained(en).join("\n"));
            // One member in eight did not renew; one application per 200 members waits.
            let today = tanzim_web::today().to_string();
            let lapsed = tanzim_store::members::lapse_for_demo(&db, 8, &today).await?;
            let app = commands::App::new(db, profile);
            let pending = demo_applications(&app, (*members / 200).max(1), *seed).await?;
            println!("lapsed {lapsed}, applications pending {pending}");
        }
        Command::Export(ExportCommand::Members {
            file,
            status,
            territory,
            q,
            as_of,
        }) => {
            let profile = load_profile(&cli)?;
            let db = open(&cli).await?;
            let app = commands::App::new(db.clone(), profile);
            let format = match file.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("xlsx") => ExportFormat::Xlsx,
                _ => ExportFormat::Csv,
            };
            let filter = commands::member_lists::ListFilter {
                q: q.clone(),
                status: status.clone(),
                territory: territory.clone(),
                as_of: as_of.clone(),
            };
            let mut bar = Bar::new();
            let rows = commands::exports::to_file(
                &app,
                &Actor::console(),
                &filter,
                format,
                file,
                &mut bar,
            )
            .await?;
            bar.0.finish_and_clear();
            println!("exported {rows} members to {}", file.display());
        }
        Command::Backup {
            file,
            verify,
            verify_only,
        } => {
            let db = open(&cli).await?;
            let sums = if *verify_only {
                Some(commands::operations::verify(&db, file).await?)
            } else {
                let sums =
                    commands::operations::backup(&db, Actor::console(), file, *verify).await?;
                println!("backup written to {}", file.display());
                sums
            };
            if let Some(sums) = sums {
                for s in &sums {
                    println!("{:<28} {:>10} rows  {}", s.table, s.rows, &s.checksum[..16]);
                }
                let rows: u64 = sums.iter().map(|s| s.rows).sum();
                println!(
                    "verified: {} tables, {rows} rows restored exactly",
                    sums.len()
                );
            }
        }
        Command::Restore { file } => {
            let db = open_unloaded(&cli).await?;
            let copied = commands::operations::restore(&db, Actor::console(), file).await?;
            let rows: u64 = copied.iter().map(|(_, n)| n).sum();
            println!(
                "restored {rows} rows in {} tables from {} into the {} database",
                copied.len(),
                file.display(),
                db.engine()
            );
        }
        Command::Bench {
            members,
            seed,
            region,
        } => {
            let profile = load_profile(&cli)?;
            let db = open(&cli).await?;
            bench(&db, &profile, *members, *seed, region.as_deref()).await?;
        }
        Command::BenchTimetable {
            bodies,
            activities,
            seed,
        } => {
            let profile = load_profile(&cli)?;
            let db = open(&cli).await?;
            bench_timetable::run(&db, &profile, *bodies, *activities, *seed).await?;
        }
        Command::Territory(TerritoryCommand::Show { code }) => {
            let code = TerritoryCode::parse(code)
                .map_err(|_| anyhow!("invalid territory code {code:?}"))?;
            let db = open(&cli).await?;
            let t = territory::get(&db, &code)
                .await?
                .ok_or_else(|| anyhow!("no territory has code {code}"))?;
            let adults = t
                .adult_population
                .map(|n| n.to_string())
                .unwrap_or_else(|| "-".into());
            println!(
                "{}\t{}\t{}\t{}\tpopulation {}\tadults {}",
                t.code, t.kind, t.name_ar, t.name_fr, t.population, adults
            );
            for c in territory::children(&db, Some(&code)).await? {
                println!(
                    "  {}\t{}\t{}\t{}\tpopulation {}",
                    c.code, c.kind, c.name_ar, c.name_fr, c.population
                );
            }
        }
    }
    Ok(())
}

/// The communes and arrondissements where members live, with their population.
async fn demo_communes(db: &Db) -> Result<Vec<(String, i64)>> {
    Ok(territory::all(db)
        .await?
        .into_iter()
        .filter(|t| {
            t.level == Level::Commune && t.kind != "urban_commune"
                || t.level == Level::Arrondissement
                || (t.level == Level::Commune && territory_has_no_arrondissements(&t.code))
        })
        .map(|t| (t.code, t.population))
        .collect())
}

async fn demo_import(
    db: &Db,
    profile: &Profile,
    members: u64,
    seed: u64,
    region: Option<&str>,
) -> Result<tanzim_reports::roll::Summary> {
    let mut communes = demo_communes(db).await?;
    if let Some(r) = region {
        communes.retain(|(code, _)| code.starts_with(&format!("{r}.")));
    }
    let year = chrono::Datelike::year(&tanzim_web::today());
    let rows = tanzim_reports::demo::members(members, seed, &communes, year);
    let roll = tanzim_reports::import::Roll {
        headers: Vec::new(),
        separator: b',',
        rows,
    };
    let options = tanzim_reports::roll::Options {
        on_existing: tanzim_store::imports::OnExisting::Report,
        dry_run: false,
        actor: "demo",
        actor_id: None,
        token: &auth::random_token,
        scope: None,
        reach: None,
        today: tanzim_web::today(),
    };
    Ok(tanzim_reports::roll::import_roll(db, profile, &roll, &options).await?)
}

/// Pending applications from synthetic people (their CINs follow the members').
async fn demo_applications(app: &commands::App, n: u64, seed: u64) -> Result<u64> {
    let communes: Vec<(String, i64)> = demo_communes(&app.db).await?;
    let year = chrono::Datelike::year(&tanzim_web::today());
    let mut filed = 0;
    for row in tanzim_reports::demo::members(n, seed.wrapping_add(1), &communes, year) {
        let mut person = row.person;
        person.cin = format!("DA{:07}", row.line);
        let submission = commands::applications::Submission {
            person,
            consent: true,
            consent_contact: true,
            consent_public: false,
        };
        // A synthetic person the rules refuse is left out, as the demo roll's rejects are.
        match commands::applications::submit(app, "demo", &submission).await {
            Ok(_) => filed += 1,
            Err(commands::Error::Rules(_) | commands::Error::Invalid(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(filed)
}

/// Big cities' communes (code ending in `.0`) are divided into arrondissements, where their
/// members live.
fn territory_has_no_arrondissements(code: &str) -> bool {
    !code.ends_with(".0")
}

pub(crate) fn percentiles(mut ms: Vec<f64>) -> (f64, f64, f64) {
    ms.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| {
        ms.get(((ms.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    (at(0.5), at(0.95), at(0.99))
}

async fn bench(
    db: &Db,
    profile: &Profile,
    members: u64,
    seed: u64,
    region: Option<&str>,
) -> Result<()> {
    use std::time::Instant;
    let engine = db.engine();
    let start = Instant::now();
    let summary = demo_import(db, profile, members, seed, region).await?;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "| {engine} | import of {members} generated members | {:.0} rows/s ({}, {secs:.1} s) |",
        summary.imported as f64 / secs,
        summary.line()
    );

    let queries = [
        "محمد",
        "Mohamed",
        "Mohammed",
        "Muhammad",
        "فاطمة الزهراء",
        "Fatima Zahra",
        "Cherkaoui",
        "الشرقاوي",
        "Hjira",
        "الحجيرة",
        "Abderrahim",
        "عبد الرحيم العلوي",
        "Abdelkader Tazi",
        "Ouafae",
        "وفاء",
        "Youssef Bennani",
        "يوسف بناني",
        "Khadija",
        "El Idrissi",
        "الإدريسي",
        "Bouchra",
        "Hicham Kettani",
        "هشام",
        "Driss",
        "إدريس",
        "Amrani",
        "Brahim Ouhammou",
        "أيت علي",
        "Naima",
        "Merabet",
    ];
    let national = tanzim_store::ScopeFilter::from_assignments(std::iter::once(&RoleAssignment {
        role: Role::Administrator,
        scope: None,
        scope_path: TerritoryPath::national(),
        organization: None,
    }));
    let mut times = Vec::new();
    let mut slowest: Vec<(f64, &str, i64)> = Vec::new();
    for _ in 0..3 {
        for q in queries {
            let query = tanzim_store::members::MemberQuery {
                q: Some(q.to_owned()),
                contact_scope: Some(national.clone()),
                ..Default::default()
            };
            let t = Instant::now();
            let found = tanzim_store::members::list(
                db,
                &national,
                &query,
                tanzim_store::Page::new(None, Some(20)),
            )
            .await?;
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            times.push(ms);
            slowest.push((ms, q, found.total));
        }
    }
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, q, total) in slowest.iter().take(5) {
        eprintln!("slow search: {q:?} {ms:.1} ms, {total} found");
    }
    let (p50, p95, p99) = percentiles(times);
    println!(
        "| {engine} | name search, {} queries (Arabic, Latin, cross-script), national scope, first page of 20 | p50 {p50:.1} ms, p95 {p95:.1} ms, p99 {p99:.1} ms |",
        queries.len() * 3
    );

    for (label, code) in [
        ("national", None),
        ("regional (05)", Some("05")),
        ("provincial (05.091)", Some("05.091")),
    ] {
        let mut times = Vec::new();
        for _ in 0..50 {
            let t = Instant::now();
            tanzim_store::counters::of(db, code).await?;
            tanzim_store::counters::children_of(db, code).await?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let (p50, p95, _) = percentiles(times);
        println!(
            "| {engine} | statistics {label}: counters and children's breakdown | p50 {p50:.2} ms, p95 {p95:.2} ms |"
        );
    }
    bench_reports::run(db, profile, region).await
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("TANZIM_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // One line: clap's first paragraph names the problem; --help tells the rest.
            let text = e.to_string();
            let first_paragraph = text.split("\n\n").next().unwrap_or_default();
            let one_line = first_paragraph
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            eprintln!("{one_line} (see --help)");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the rejected rows beside the roll, and says the first ones.
fn write_rejected(
    file: &std::path::Path,
    first: &[(u64, String)],
    rejected_csv: &str,
) -> Result<()> {
    if first.is_empty() {
        return Ok(());
    }
    let out = file.with_extension("rejected.csv");
    std::fs::write(&out, rejected_csv)
        .with_context(|| format!("cannot write {}", out.display()))?;
    for (line, reason) in first.iter().take(20) {
        eprintln!("line {line}: {reason}");
    }
    eprintln!("rejected rows written to {}", out.display());
    Ok(())
}

/// A progress bar on the terminal for long work: rows done of the total, rate, time left.
struct Bar(indicatif::ProgressBar);

impl Bar {
    fn new() -> Bar {
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} rows · {per_sec} · {eta} left",
        ) {
            bar.set_style(style);
        }
        Bar(bar)
    }
}

impl commands::progress::Progress for Bar {
    async fn report(&mut self, done: i64, total: Option<i64>) -> commands::Result<bool> {
        if let Some(total) = total {
            self.0.set_length(u64::try_from(total).unwrap_or(0));
        }
        self.0.set_position(u64::try_from(done).unwrap_or(0));
        Ok(true)
    }
}
