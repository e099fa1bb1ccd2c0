//! The test harness: a real server on port 0 over a fresh database (a copy of a prepared
//! SQLite file, or a PostgreSQL database made from a prepared template), and helpers to act
//! on it as users do.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use sqlx::postgres::PgConnectOptions;
use std::str::FromStr;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU32, Ordering};
use tanzim_domain::accounts::{Role, RoleAssignment, Username};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::org::Profile;
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_store::accounts::{self, NewUser};
use tanzim_store::audit::AuditEntry;
use tanzim_store::{Db, territory};
use tanzim_web::{AppState, Config, auth};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Runs a test body once per engine: `both_engines!(name, body_fn)` makes `name::sqlite`
/// and `name::postgres`. The PostgreSQL one fails, rather than passing silently, when
/// `TANZIM_TEST_POSTGRES_URL` is not set.
#[macro_export]
macro_rules! both_engines {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$body($crate::common::Engine::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$body($crate::common::Engine::Postgres).await
            }
        }
    };
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh, migrated database with the territories loaded: a copy of this process's
/// template (migrated and loaded once), not a migration and ~1,600 inserts per test.
pub async fn fresh_db(engine: Engine) -> Db {
    let (db, drop) = fresh_database(engine).await;
    // The caller keeps the database as long as it likes: the next test process drops it.
    std::mem::forget(drop);
    db
}

/// The database, and on PostgreSQL the guard that drops it when the test is done.
async fn fresh_database(engine: Engine) -> (Db, Option<DropDatabase>) {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let unique = format!("{}_{}_{}", std::process::id(), n, rand_suffix());
    match engine {
        Engine::Sqlite => {
            let template = sqlite_template().await;
            let path = test_dir().join(format!("t_{unique}.db"));
            std::fs::copy(template, &path).unwrap();
            let db = Db::connect_sqlite(path.to_str().unwrap()).await.unwrap();
            (db, None)
        }
        Engine::Postgres => {
            // A schema per test: creating one is cheap, where a database copied from a
            // template costs a second and dropping it a checkpoint.
            let template = postgres_template().await;
            let schema = format!("t_{unique}");
            let mut admin = pg_admin().await;
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
                .execute(&mut admin)
                .await
                .unwrap();
            sqlx::Connection::close(admin).await.unwrap();
            let db = Db::connect_postgres(pg_options().options([("search_path", schema.as_str())]))
                .await
                .unwrap();
            db.migrate().await.unwrap();
            // The territories come from the process's template schema in one statement.
            execute(
                &db,
                &format!("INSERT INTO territories SELECT * FROM {template}.territories"),
                &[],
            )
            .await;
            execute(
                &db,
                &format!(
                    "INSERT INTO meta SELECT * FROM {template}.meta WHERE key = 'territory_dataset' ON CONFLICT DO NOTHING"
                ),
                &[],
            )
            .await;
            (db, Some(DropDatabase(schema)))
        }
    }
}

pub fn test_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join("tanzim-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether the test process `pid` (a part of a test database's name) has ended.
fn ended(pid: &str) -> bool {
    pid.parse::<u32>().is_ok_and(|pid| {
        pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists()
    })
}

/// The SQLite file every test of this process copies, made once. Files that test
/// processes which have ended left behind are removed first.
async fn sqlite_template() -> &'static std::path::Path {
    static TEMPLATE: tokio::sync::OnceCell<std::path::PathBuf> = tokio::sync::OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let dir = test_dir();
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.split('_').nth(1).is_some_and(ended) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
            let path = dir.join(format!("tpl_{}_{}.db", std::process::id(), rand_suffix()));
            let db = Db::connect_sqlite(path.to_str().unwrap()).await.unwrap();
            db.migrate().await.unwrap();
            territory::load(&db, default_diaspora().as_ref())
                .await
                .unwrap();
            // Everything in the main file, so that a plain copy of it is the whole database.
            execute(&db, "PRAGMA wal_checkpoint(TRUNCATE)", &[]).await;
            db.close().await;
            path
        })
        .await
}

fn pg_options() -> PgConnectOptions {
    let url = std::env::var("TANZIM_TEST_POSTGRES_URL")
        .expect("TANZIM_TEST_POSTGRES_URL must point at a PostgreSQL server for the postgres tests (.ci/run sets it)");
    PgConnectOptions::from_str(&url).unwrap()
}

/// A connection to the database of `TANZIM_TEST_POSTGRES_URL`, to create and drop others.
async fn pg_admin() -> sqlx::PgConnection {
    use sqlx::Connection;
    sqlx::PgConnection::connect_with(&pg_options())
        .await
        .unwrap()
}

/// The PostgreSQL schema whose territories every test of this process copies, made once
/// under a name of its own, so that test processes running side by side (other branches,
/// other migrations) never share or race on one. The schemas that test processes which
/// have ended left behind are dropped first.
async fn postgres_template() -> &'static str {
    static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let mut admin = pg_admin().await;
            let names: Vec<String> = sqlx::query_scalar(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tpl\\_%' OR nspname LIKE 't\\_%'",
            )
            .fetch_all(&mut admin)
            .await
            .unwrap();
            for name in names {
                if name.split('_').nth(1).is_some_and(ended) {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP SCHEMA IF EXISTS {name} CASCADE"
                    )))
                    .execute(&mut admin)
                    .await;
                }
            }
            let name = format!("tpl_{}_{}", std::process::id(), rand_suffix());
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {name}")))
                .execute(&mut admin)
                .await
                .unwrap();
            sqlx::Connection::close(admin).await.unwrap();
            let db = Db::connect_postgres(pg_options().options([("search_path", name.as_str())]))
                .await
                .unwrap();
            db.migrate().await.unwrap();
            territory::load(&db, default_diaspora().as_ref()).await.unwrap();
            db.close().await;
            name
        })
        .await
}

/// Drops a test's PostgreSQL schema when the test ends (passed or failed), in the
/// background. One the process did not finish dropping before it exited, the next test
/// process drops.
struct DropDatabase(String);

impl Drop for DropDatabase {
    fn drop(&mut self) {
        let name = self.0.clone();
        // Its own thread and runtime: a test's runtime may be shutting down.
        std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async {
                let mut admin = pg_admin().await;
                let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DROP SCHEMA IF EXISTS {name} CASCADE"
                )))
                .execute(&mut admin)
                .await;
                let _ = sqlx::Connection::close(admin).await;
            });
        });
    }
}

fn rand_suffix() -> String {
    auth::random_token()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase()
}

pub const PASSWORD: &str = "a long passphrase for tests";
static PASSWORD_HASH: LazyLock<String> = LazyLock::new(|| {
    use argon2::PasswordHasher;
    argon2::Argon2::default()
        .hash_password(PASSWORD.as_bytes())
        .unwrap()
        .to_string()
});

pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub engine: Engine,
    _drop: Option<DropDatabase>,
}

pub async fn spawn(engine: Engine) -> TestApp {
    spawn_with(engine, Config::default()).await
}

/// A server with this configuration (trusted proxies, secure cookies, a public address).
pub async fn spawn_with(engine: Engine, mut config: Config) -> TestApp {
    let (db, drop) = fresh_database(engine).await;
    if config.jobs_dir.is_none() {
        config.jobs_dir =
            Some(test_dir().join(format!("jobs_{}_{}", std::process::id(), rand_suffix())));
    }
    let state = AppState::new(db.clone(), Profile::default_profile().unwrap(), config).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(tanzim_web::serve(state, listener));
    TestApp {
        base,
        db,
        engine,
        _drop: drop,
    }
}

/// A fresh database without a server (its users made as `spawn`'s are): for commands run
/// by hand, with no worker beside them.
pub async fn without_server(engine: Engine) -> TestApp {
    let (db, drop) = fresh_database(engine).await;
    TestApp {
        base: String::new(),
        db,
        engine,
        _drop: drop,
    }
}

pub fn assignment(role: Role, scope: Option<&str>, organization: Option<&str>) -> RoleAssignment {
    let scope = scope.map(|c| TerritoryCode::parse(c).unwrap());
    RoleAssignment {
        role,
        scope,
        scope_path: TerritoryPath::national(),
        organization: organization.map(str::to_owned),
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Creates a user with these roles (scopes given as HCP codes) and the test password.
    pub async fn user(&self, username: &str, roles: &[(Role, Option<&str>, Option<&str>)]) -> i64 {
        let mut assignments = Vec::new();
        for (role, scope, org) in roles {
            let mut a = assignment(*role, *scope, *org);
            if let Some(code) = &a.scope {
                a.scope_path = territory::get(&self.db, code)
                    .await
                    .unwrap()
                    .unwrap()
                    .territory_path();
            }
            assignments.push(a);
        }
        let new = NewUser {
            username: Username::parse(username).unwrap(),
            display_name: format!("{username} name"),
            password_hash: PASSWORD_HASH.clone(),
        };
        accounts::create_user(
            &self.db,
            &new,
            &assignments,
            AuditEntry::new(None, "test", AuditAction::UserCreated, None),
        )
        .await
        .unwrap()
    }

    /// An API token for a user.
    pub async fn token(&self, user_id: i64) -> String {
        let token = auth::new_api_token();
        accounts::create_token(
            &self.db,
            user_id,
            "test",
            &auth::token_hash(&token),
            AuditEntry::new(None, "test", AuditAction::TokenCreated, None),
        )
        .await
        .unwrap();
        token
    }

    /// A browser-like client (cookies, no redirects followed) signed in as `username`.
    pub async fn browser(&self, username: &str) -> Browser {
        let b = Browser::new(self);
        let page = b.get("/login").await;
        assert_eq!(page.status, 200);
        let csrf = page.hidden("csrf");
        let r = b
            .post(
                "/login",
                &[
                    ("csrf", &csrf),
                    ("username", username),
                    ("password", PASSWORD),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "sign-in as {username} failed: {}", r.body);
        b
    }
}

pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
}

pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Page {
    /// The value of the hidden input `name` in the page's first form that has one.
    pub fn hidden(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self
            .body
            .find(&marker)
            .unwrap_or_else(|| panic!("no hidden {name} in page: {}", self.body))
            + marker.len();
        self.body[start..].split('"').next().unwrap().to_owned()
    }
}

impl Browser {
    pub fn new(app: &TestApp) -> Browser {
        Browser::with_headers(app, &[])
    }

    /// A browser whose every request carries these headers (as a proxy would add them).
    pub fn with_headers(app: &TestApp, headers: &[(&'static str, &str)]) -> Browser {
        let mut defaults = reqwest::header::HeaderMap::new();
        for (name, value) in headers {
            defaults.insert(*name, value.parse().unwrap());
        }
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(defaults)
            .build()
            .unwrap();
        Browser {
            client,
            base: app.base.clone(),
        }
    }

    async fn page(r: reqwest::Response) -> Page {
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let location = headers
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned());
        Page {
            status,
            location,
            body: r.text().await.unwrap(),
            headers,
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::page(
            self.client
                .get(format!("{}{}", self.base, path))
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// A download's status and bytes.
    pub async fn bytes(&self, path: &str) -> (u16, Vec<u8>) {
        let r = self
            .client
            .get(format!("{}{}", self.base, path))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.bytes().await.unwrap().to_vec())
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        Self::page(
            self.client
                .post(format!("{}{}", self.base, path))
                .form(form)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// Posts a form with the CSRF token of the page at `form_page`.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let csrf = self.get(form_page).await.hidden("csrf");
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }
}

impl Browser {
    /// A JSON API call made with the session (and its CSRF token in the header), as the
    /// pages' scripts would.
    pub async fn json(
        &self,
        method: &str,
        path: &str,
        body: serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let csrf = self.get("/account").await.hidden("csrf");
        let r = self
            .client
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                format!("{}{}", self.base, path),
            )
            .header("x-csrf-token", csrf)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }
}

/// Runs one SQL statement with these integer binds on whichever engine the test uses.
/// A count by SQL, on either engine (for what no API shows, like staged rows).
pub async fn count(db: &Db, sql: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    }
}

pub async fn execute(db: &Db, sql: &str, binds: &[i64]) {
    match db {
        Db::Sqlite(p) => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()));
            for b in binds {
                q = q.bind(*b);
            }
            q.execute(p).await.unwrap();
        }
        Db::Postgres(p) => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()));
            for b in binds {
                q = q.bind(*b);
            }
            q.execute(p).await.unwrap();
        }
    }
}

impl Browser {
    /// Uploads a roll from the import page (multipart, with the page's CSRF token): the
    /// preview, or the refusal.
    pub async fn upload_roll(&self, file_name: &str, bytes: &[u8], on_existing: &str) -> Page {
        let csrf = self.get("/members/import").await.hidden("csrf");
        let boundary = "tanzimboundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"on_existing\"\r\n\r\n{on_existing}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let r = self
            .client
            .post(format!("{}/members/import", self.base))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        Self::page(r).await
    }

    /// Previews then confirms a CSV roll; the result's summary line
    /// (`imported N, updated N, rejected N, review N, referred N`).
    pub async fn import_roll(&self, csv: &str, on_existing: &str) -> String {
        let preview = self
            .upload_roll("roll.csv", csv.as_bytes(), on_existing)
            .await;
        assert_eq!(preview.status, 200, "{}", preview.body);
        let start = preview.body.find("/members/import/").unwrap() + "/members/import/".len();
        let id = preview.body[start..].split('/').next().unwrap().to_owned();
        let done = self
            .submit("/", &format!("/members/import/{id}/confirm"), &[])
            .await;
        assert_eq!(done.status, 200, "{}", done.body);
        summary_of(&done.body)
    }
}

/// An import page's figures (`imported N, updated N, rejected N, review N, referred N`),
/// which it carries beside the sentence it shows.
pub fn summary_of(page: &str) -> String {
    let marker = "id=\"import-summary\" data-counts=\"";
    let start = page.find(marker).unwrap() + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

impl Browser {
    /// Exports the member list filtered by `query` (`status=active&territory=05.091`, or
    /// empty) as `format` the way a user does: the export page, its form, the job's page
    /// until the file is ready, the download. Returns the job's id and the file.
    pub async fn export(&self, query: &str, format: &str) -> (i64, Vec<u8>) {
        let page = self.get(&format!("/members/export.{format}?{query}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let field = |name: &str| page.hidden(name);
        let fields = [
            ("csrf", field("csrf")),
            ("q", field("q")),
            ("status", field("status")),
            ("territory", field("territory")),
            ("as_of", field("as_of")),
            ("format", format.to_owned()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let started = self.post("/members/exports", &fields).await;
        assert_eq!(started.status, 303, "{}", started.body);
        let job_page = started.location.unwrap();
        let id: i64 = job_page.trim_start_matches("/jobs/").parse().unwrap();
        self.wait_for_job(id).await;
        let (status, bytes) = self.bytes(&format!("/jobs/{id}/download")).await;
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&bytes));
        (id, bytes)
    }

    /// Waits until the job's page says it has ended; returns its state.
    pub async fn wait_for_job(&self, id: i64) -> String {
        for _ in 0..600 {
            let page = self.get(&format!("/jobs/{id}")).await;
            assert_eq!(page.status, 200, "{}", page.body);
            let marker = "id=\"job-progress\" data-state=\"";
            let start = page.body.find(marker).unwrap() + marker.len();
            let state = page.body[start..].split('"').next().unwrap().to_owned();
            if !matches!(state.as_str(), "queued" | "running") {
                return state;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("job {id} did not end in a minute");
    }
}

/// A JSON API client with a bearer token.
pub struct Api {
    pub client: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub fn new(app: &TestApp, token: String) -> Api {
        Api {
            client: reqwest::Client::new(),
            base: app.base.clone(),
            token,
        }
    }
    pub async fn get(&self, path: impl AsRef<str>) -> (u16, serde_json::Value) {
        let r = self
            .client
            .get(format!("{}{}", self.base, path.as_ref()))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }
    pub async fn send(
        &self,
        method: &str,
        path: impl AsRef<str>,
        body: serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let r = self
            .client
            .request(method, format!("{}{}", self.base, path.as_ref()))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(serde_json::Value::Null))
    }
}

/// A valid person for the API (a member or an application), with this CIN and commune.
pub fn person(cin: &str, commune: &str) -> serde_json::Value {
    serde_json::json!({
        "first_name_ar": "فاطمة", "last_name_ar": "الزهراء", "first_name_lat": "Fatima", "last_name_lat": "Zahra",
        "sex": "F", "birth_date": "1990-12-08", "cin": cin, "phone": "0612345678", "commune": commune,
    })
}

/// The organization abroad of the profile the tests run with.
pub fn default_diaspora() -> Option<tanzim_domain::diaspora::Diaspora> {
    tanzim_domain::org::Profile::default_profile()
        .expect("the default profile")
        .diaspora
}
