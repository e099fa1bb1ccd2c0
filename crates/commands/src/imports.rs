//! Member imports: a roll read from a file is checked and staged in the database (the
//! preview), confirmed by its owner, then imported by the server's worker as a job, batch
//! by batch; the command line runs the same steps in the foreground. A staged roll is its
//! owner's alone: anyone else is told it has expired.

use crate::jobs::JobView;
use crate::progress::Progress;
use crate::{Actor, App, Error, Result, permit};
use std::collections::HashMap;
use tanzim_domain::accounts::Principal;
use tanzim_domain::jobs::JobKind;
use tanzim_domain::policy::{Action, Decision, decide_member, scopes_for};
use tanzim_domain::territory::TerritoryPath;
use tanzim_reports::import::{ImportError, Rows};
use tanzim_reports::roll::{Checks, ImportFailure, Options, Summary};
use tanzim_reports::staged::{self, Staging, Step};
use tanzim_store::imports::OnExisting;
use tanzim_store::jobs;
use tanzim_store::staged_imports::{self as store, StagedImport, Tally};

/// Rolls a user may have waiting for confirmation at once (older ones are dropped).
pub const WAITING_PER_USER: i64 = 2;
/// A roll not confirmed within an hour is removed; an import's rows a day after its end.
pub const WAITING_SECS: i64 = 3600;
pub const KEPT_SECS: i64 = 24 * 3600;
/// Refused rows a page shows (the file has them all).
const REFUSED_SHOWN: i64 = 50;

/// Where an importer may add members and which existing members it reaches: the roles
/// that let it manage members, for a user; everywhere, for the console.
struct Bounds<'a> {
    principal: Option<&'a Principal>,
    scopes: Vec<TerritoryPath>,
    party: Option<&'a str>,
}

impl<'a> Bounds<'a> {
    fn of(app: &'a App, actor: &Actor<'a>) -> Bounds<'a> {
        let principal = actor.principal();
        Bounds {
            principal,
            scopes: principal
                .map(|p| {
                    scopes_for(p, Action::ManageMembers)
                        .iter()
                        .map(|a| a.scope_path.clone())
                        .collect()
                })
                .unwrap_or_default(),
            party: app.profile.party_key(),
        }
    }

    fn inside(&self, path: &TerritoryPath) -> bool {
        self.principal.is_none() || self.scopes.iter().any(|s| s.contains(path))
    }

    /// A member found by CIN or by name is the importer's only where it may manage that
    /// member; elsewhere the row is referred, and nothing of that member is shown.
    fn reaches(&self, path: &TerritoryPath, affiliations: &str) -> bool {
        self.principal.is_none_or(|p| {
            decide_member(p, Action::ManageMembers, path, affiliations, self.party)
                == Decision::Allow
        })
    }
}

/// The import's options for `actor` (the closures are the caller's, so they live as long).
fn options<'a>(
    actor: &'a Actor<'_>,
    on_existing: OnExisting,
    inside: &'a (dyn Fn(&TerritoryPath) -> bool + Sync),
    reach: &'a (dyn Fn(&TerritoryPath, &str) -> bool + Sync),
) -> Options<'a> {
    let username = actor.principal().map_or("cli", |p| p.username.as_str());
    Options {
        on_existing,
        dry_run: false,
        actor: username,
        actor_id: actor.user_id(),
        token: &crate::secrets::random_token,
        scope: Some(inside),
        reach: Some(reach),
        today: crate::today(),
    }
}

/// How an import's job names the roll it imports.
pub fn import_subject(token: &str) -> String {
    format!("import-{token}")
}

/// A file's SHA-256, as a staged roll names it.
pub fn file_hash(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// A roll checked and staged: the token its pages use, what the import would do, and the
/// first rows.
pub struct Staged {
    pub id: i64,
    pub token: String,
    pub preview: Summary,
    pub first_rows: Vec<Vec<String>>,
    /// The file's header, and the field each column was read as (the mapping step).
    pub headers: Vec<String>,
    pub fields: Vec<&'static str>,
}

/// Checks an opened roll's rows and stages them for `actor` to confirm; `file_hash`
/// names the file (the console resumes an unfinished import of the same file). A file
/// broken half-way is the inner error, with nothing kept of it.
pub async fn stage(
    app: &App,
    actor: &Actor<'_>,
    rows: &mut Rows,
    on_existing: OnExisting,
    file_hash: &str,
    mapping: &HashMap<String, String>,
) -> Result<std::result::Result<Staged, ImportError>> {
    permit(actor.decide(Action::ManageMembers, None))?;
    if let Some(owner) = actor.user_id() {
        store::keep_latest(&app.db, owner, WAITING_PER_USER - 1).await?;
    }
    let bounds = Bounds::of(app, actor);
    let inside = |p: &TerritoryPath| bounds.inside(p);
    let reach = |p: &TerritoryPath, a: &str| bounds.reaches(p, a);
    let opts = options(actor, on_existing, &inside, &reach);
    let token = crate::secrets::random_token();
    let who = Staging {
        owner_id: actor.user_id(),
        token: &token,
        file_hash,
        mapping,
    };
    match staged::stage(&app.db, &app.profile, rows, &opts, &who).await {
        Ok(s) => Ok(Ok(Staged {
            id: s.id,
            token,
            preview: s.preview,
            first_rows: s.first_rows,
            headers: rows.headers.clone(),
            fields: rows.fields().to_vec(),
        })),
        Err(ImportFailure::File(e)) => Ok(Err(e)),
        Err(ImportFailure::Store(e)) => Err(e.into()),
    }
}

/// The actor's staged roll `token`; an unknown one, or another's, has expired.
pub(crate) async fn mine(app: &App, actor: &Actor<'_>, token: &str) -> Result<StagedImport> {
    match store::by_token(&app.db, token).await? {
        Some(s) if s.owner_id.is_some() && s.owner_id == actor.user_id() => Ok(s),
        _ => Err(Error::NotFound),
    }
}

/// Confirms a staged roll: its import is queued as a job; returns the job. 409
/// `import-done` when it was confirmed already (importing or imported).
pub async fn confirm(app: &App, actor: &Actor<'_>, token: &str) -> Result<i64> {
    let s = mine(app, actor, token).await?;
    let owner = actor.user_id().ok_or(Error::Forbidden)?;
    let subject = import_subject(&s.token);
    if !store::begin_import(&app.db, s.id).await? {
        // Importing with no job at work (its job was cancelled as a stop interrupted it):
        // confirmed again, it goes on.
        let latest = jobs::latest_on(&app.db, JobKind::MemberImport.as_str(), &subject).await?;
        let at_work = latest.is_some_and(|j| JobView::of(j).state.is_open());
        if s.state != "importing" || at_work {
            return Err(Error::Conflict("import-done"));
        }
    }
    let params = serde_json::json!({ "import": s.id }).to_string();
    let kind = JobKind::MemberImport.as_str();
    Ok(jobs::create(&app.db, kind, owner, &subject, &params).await?)
}

/// Confirms a staged roll and waits up to `wait` for its import (a short roll is
/// answered with its result); the job, and whether it ended.
pub async fn confirm_within(
    app: &App,
    actor: &Actor<'_>,
    token: &str,
    wait: std::time::Duration,
) -> Result<(i64, bool)> {
    let job = confirm(app, actor, token).await?;
    let state = crate::jobs::wait(app, job, wait).await?;
    Ok((job, !state.is_open()))
}

/// A staged roll as its page shows it: where it is, what it did so far, the first rows
/// it refused, and its job once confirmed.
pub struct ImportView {
    pub staged: StagedImport,
    pub tally: Tally,
    pub refused: Vec<(u64, String)>,
    pub job: Option<JobView>,
}

impl ImportView {
    pub fn is_done(&self) -> bool {
        self.staged.state == "done"
    }
}

pub async fn view(app: &App, actor: &Actor<'_>, token: &str) -> Result<ImportView> {
    let s = mine(app, actor, token).await?;
    let job = match jobs::latest_on(
        &app.db,
        JobKind::MemberImport.as_str(),
        &import_subject(&s.token),
    )
    .await?
    {
        Some(job) if Some(job.owner_id) == actor.user_id() => Some(JobView::of(job)),
        _ => None,
    };
    Ok(ImportView {
        tally: staged::tally_of(&s)?,
        refused: staged::first_refused(&app.db, s.id, REFUSED_SHOWN).await?,
        staged: s,
        job,
    })
}

/// The refused rows of the actor's staged roll, as a CSV to fix and import again.
pub async fn rejected_csv(app: &App, actor: &Actor<'_>, token: &str) -> Result<String> {
    let s = mine(app, actor, token).await?;
    Ok(staged::rejected_csv(&app.db, &s).await?)
}

/// Imports staged roll `id` as `actor` from where it stopped, batch by batch, telling
/// `progress`; the tally at the end, `None` when cancelled. A failed or cancelled import
/// waits again, to be confirmed (resumed) later.
pub async fn run(
    app: &App,
    actor: &Actor<'_>,
    id: i64,
    progress: &mut impl Progress,
) -> Result<Option<Tally>> {
    run_in_batches(app, actor, id, tanzim_reports::roll::BATCH, progress).await
}

/// `run`, `batch` rows a transaction (tests use small ones).
pub async fn run_in_batches(
    app: &App,
    actor: &Actor<'_>,
    id: i64,
    batch: usize,
    progress: &mut impl Progress,
) -> Result<Option<Tally>> {
    // The owner's right as it is now: a user who may no longer manage members imports
    // nothing (the roll waits, for whoever confirms it once allowed again).
    if let Err(e) = permit(actor.decide(Action::ManageMembers, None)) {
        store::back_to_staged(&app.db, id).await?;
        return Err(e);
    }
    let bounds = Bounds::of(app, actor);
    let inside = |p: &TerritoryPath| bounds.inside(p);
    let reach = |p: &TerritoryPath, a: &str| bounds.reaches(p, a);
    let s = store::get(&app.db, id).await?.ok_or(Error::NotFound)?;
    let opts = options(actor, staged::on_existing_of(&s), &inside, &reach);
    let checks = Checks::load(&app.db, &app.profile).await?;
    // Where a resumed import is, before its next batch.
    let so_far = staged::rows_done(&staged::tally_of(&s)?) as i64;
    progress.report(so_far, Some(s.row_count)).await?;
    let outcome = async {
        loop {
            match staged::import_next(&app.db, &checks, id, batch, &opts).await? {
                Step::Batch { done, total } => {
                    if !progress.report(done as i64, Some(total as i64)).await? {
                        return Ok(None);
                    }
                }
                Step::Finished(tally) => return Ok(Some(tally)),
            }
        }
    }
    .await;
    match &outcome {
        Ok(Some(_)) => store::finish(&app.db, id).await?,
        _ => store::back_to_staged(&app.db, id).await?,
    }
    outcome
}

/// The console's unfinished import of the same file with the same choice (a run that was
/// stopped), to resume: its id and tally so far.
pub async fn console_unfinished(
    app: &App,
    file_hash: &str,
    on_existing: OnExisting,
    mapping: &HashMap<String, String>,
) -> Result<Option<(i64, Tally)>> {
    let name = staged::on_existing_name(on_existing);
    let mapping = serde_json::to_string(mapping).unwrap_or_default();
    match store::unfinished_of_file(&app.db, file_hash, name, &mapping).await? {
        Some(s) => {
            store::begin_import(&app.db, s.id).await?;
            Ok(Some((s.id, staged::tally_of(&s)?)))
        }
        None => Ok(None),
    }
}

/// Stages a roll for the console and marks it importing; returns its id (the inner
/// error: a file broken half-way).
pub async fn console_stage(
    app: &App,
    rows: &mut Rows,
    on_existing: OnExisting,
    file_hash: &str,
    mapping: &HashMap<String, String>,
) -> Result<std::result::Result<i64, ImportError>> {
    let actor = Actor::console();
    Ok(
        match stage(app, &actor, rows, on_existing, file_hash, mapping).await? {
            Ok(s) => {
                store::begin_import(&app.db, s.id).await?;
                Ok(s.id)
            }
            Err(e) => Err(e),
        },
    )
}

/// A console import's first refused rows and the file of them all.
pub async fn console_refused(
    app: &App,
    id: i64,
    first: i64,
) -> Result<(Vec<(u64, String)>, String)> {
    let s = store::get(&app.db, id).await?.ok_or(Error::NotFound)?;
    let rows = staged::first_refused(&app.db, id, first).await?;
    Ok((rows, staged::rejected_csv(&app.db, &s).await?))
}

/// Removes the rolls left waiting past their hour and the imports' rows a day after.
pub async fn remove_stale(app: &App) -> Result<usize> {
    let now = tanzim_store::now();
    Ok(store::remove_stale(&app.db, now - WAITING_SECS, now - KEPT_SECS).await?)
}
