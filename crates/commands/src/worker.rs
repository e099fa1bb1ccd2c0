//! The server's worker: runs the queued jobs beside the requests, two at a time, each as
//! its owner (an export writes its file, an import its roll's batches, a close its
//! campaign's), recording their progress. Above the capabilities it runs, which never
//! import it back.

use crate::exports::{self, ExportParams};
use crate::jobs::{OnRecord, release_roll};
use crate::progress::Progress;
use crate::{Actor, App, Error, Result};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tanzim_domain::jobs::{ExportFormat, JobKind};
use tanzim_store::accounts;
use tanzim_store::jobs::{self, Job, Outcome};

/// Runs queued jobs as they come, writing their files into `dir`, until the process
/// ends.
pub async fn worker(app: App, dir: PathBuf) {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    // The files are rolls of members: the directory is the server's user's alone.
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    if let Err(e) = builder.create(&dir) {
        tracing::error!(dir = %dir.display(), error = %e, "the jobs' directory cannot be made");
    }
    // Two lanes: a national close or import does not hold an officer's export back.
    // A set, so that stopping the worker stops its lanes with it.
    let mut lanes = tokio::task::JoinSet::new();
    for _ in 0..LANES {
        let (app, dir) = (app.clone(), dir.clone());
        lanes.spawn(async move {
            loop {
                match run_next(&app, &dir).await {
                    Ok(true) => continue,
                    Ok(false) => {}
                    Err(e) => tracing::warn!(error = %e, "jobs"),
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        });
    }
    while lanes.join_next().await.is_some() {}
}

/// Jobs run at the same time.
const LANES: usize = 2;

/// Runs the oldest queued job, if any; returns whether there was one.
pub async fn run_next(app: &App, dir: &Path) -> Result<bool> {
    let Some(job) = jobs::claim_next(&app.db).await? else {
        return Ok(false);
    };
    let id = job.id;
    let outcome = run(app, &job, dir).await;
    let done = jobs::get(&app.db, id).await?.map_or(0, |j| j.done);
    match &outcome {
        Ok(Ran::File(path, name)) => {
            let file = path.to_string_lossy();
            jobs::finish(
                &app.db,
                id,
                done,
                Outcome::Done {
                    file: &file,
                    file_name: name,
                },
            )
            .await?;
        }
        Ok(Ran::Finished) => jobs::finish(&app.db, id, done, Outcome::Finished).await?,
        Ok(Ran::Cancelled) => jobs::finish(&app.db, id, done, Outcome::Cancelled).await?,
        Err(e) => {
            tracing::warn!(job = id, error = %e, "job failed");
            release_roll(app, &job).await?;
            jobs::finish(&app.db, id, done, Outcome::Failed(&e.to_string())).await?;
        }
    }
    Ok(true)
}

/// How a job's run ended.
enum Ran {
    /// It wrote a file, downloaded under that name.
    File(PathBuf, String),
    Finished,
    Cancelled,
}

/// Runs one job as its owner.
async fn run(app: &App, job: &Job, dir: &Path) -> Result<Ran> {
    // The owner's roles as they are now: a role revoked meanwhile exports or imports
    // less, an account disabled nothing. A close needs none: it was decided when it
    // began, and a campaign half closed must end closed whoever began it.
    let principal = match JobKind::parse(&job.kind) {
        Some(JobKind::CampaignClose) => None,
        _ => Some(
            accounts::principal(&app.db, job.owner_id)
                .await?
                .ok_or(Error::Forbidden)?
                .0,
        ),
    };
    let actor = principal.as_ref().map(|p| Actor::user(p, "job"));
    let actor = actor.as_ref().ok_or(Error::Forbidden);
    let decode = |e: serde_json::Error| Error::Internal(e.to_string());
    let ended = |finished: bool| {
        if finished {
            Ran::Finished
        } else {
            Ran::Cancelled
        }
    };
    match JobKind::parse(&job.kind) {
        Some(JobKind::MemberImport) => {
            let on: OnRecord = serde_json::from_str(&job.params).map_err(decode)?;
            let mut progress = Recorded::new(app, job.id);
            let tally = crate::imports::run(app, actor?, on.id, &mut progress).await?;
            Ok(ended(tally.is_some()))
        }
        Some(JobKind::CampaignClose) => {
            let on: OnRecord = serde_json::from_str(&job.params).map_err(decode)?;
            let mut progress = Recorded::new(app, job.id);
            crate::campaigns::run_close(app, on.id, crate::campaigns::CLOSE_BATCH, &mut progress)
                .await?;
            Ok(Ran::Finished)
        }
        Some(JobKind::MemberExport) => {
            let params: ExportParams = serde_json::from_str(&job.params).map_err(decode)?;
            let format = ExportFormat::parse(&params.format)
                .ok_or_else(|| Error::Internal(format!("format {}", params.format)))?;
            let path = dir.join(format!(
                "job-{}-{}.{}",
                job.id,
                crate::secrets::random_token(),
                format.as_str()
            ));
            // Recorded before the first row is written, so that a stop in the middle
            // leaves a part the next start can find and remove.
            jobs::writing(&app.db, job.id, &path.to_string_lossy()).await?;
            let mut progress = Recorded::new(app, job.id);
            let written = exports::write(
                app,
                actor?,
                &params.filter,
                format,
                &params.sheet_name,
                &path,
                &mut progress,
            )
            .await?;
            Ok(match written {
                Some(_) => Ran::File(path, exports::file_name(format)),
                None => Ran::Cancelled,
            })
        }
        None => Err(Error::Internal(format!("unknown job kind {}", job.kind))),
    }
}

/// Progress kept on the job's row, at most twice a second (each batch is a write).
struct Recorded<'a> {
    app: &'a App,
    id: i64,
    last: Option<Instant>,
}

impl<'a> Recorded<'a> {
    fn new(app: &'a App, id: i64) -> Recorded<'a> {
        Recorded {
            app,
            id,
            last: None,
        }
    }
}

impl Progress for Recorded<'_> {
    async fn report(&mut self, done: i64, total: Option<i64>) -> Result<bool> {
        let due = self
            .last
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(500));
        if !due && total != Some(done) {
            return Ok(true);
        }
        self.last = Some(Instant::now());
        let cancel = jobs::progress(&self.app.db, self.id, done, total).await?;
        Ok(!cancel)
    }
}
