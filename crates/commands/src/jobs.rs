//! Jobs as their owners see them (progress, cancel, waiting for one, the one download),
//! and what a start does with those a stop left running; `worker` runs them. A job is its
//! owner's alone: anyone else is told there is no such job.

use crate::exports::ExportParams;
use crate::permit;
use crate::reads::{self, Read};
use crate::{Actor, App, Error, Result};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tanzim_domain::jobs::{self as rules, ExportFormat, JobKind, JobState};
use tanzim_domain::policy::Action;
use tanzim_store::jobs::{self, Job};

/// A job with its state read and its progress worked out.
#[derive(Debug, Clone)]
pub struct JobView {
    pub job: Job,
    pub state: JobState,
    pub progress: rules::Progress,
}

impl JobView {
    pub fn of(job: Job) -> JobView {
        let state = JobState::parse(&job.state).unwrap_or(JobState::Failed);
        let elapsed = job
            .started_at
            .map(|s| job.finished_at.unwrap_or_else(tanzim_store::now) - s);
        let progress = rules::Progress::new(job.done, job.total, elapsed);
        JobView {
            job,
            state,
            progress,
        }
    }

    /// Still open, and of a kind that may stop half-way.
    pub fn cancellable(&self) -> bool {
        self.state.is_open() && JobKind::parse(&self.job.kind).is_some_and(JobKind::cancellable)
    }

    /// Done, its file not yet taken nor removed.
    pub fn downloadable(&self) -> bool {
        self.state == JobState::Done && self.job.downloaded_at.is_none() && self.job.file.is_some()
    }
}

/// The actor's job `id`: 404 for anyone but its owner.
pub async fn get(app: &App, actor: &Actor<'_>, id: i64) -> Result<JobView> {
    let owner = actor.user_id().ok_or(Error::NotFound)?;
    match jobs::get(&app.db, id).await? {
        Some(job) if job.owner_id == owner => Ok(JobView::of(job)),
        _ => Err(Error::NotFound),
    }
}

/// The actor's latest jobs, the newest first.
pub async fn mine(app: &App, actor: &Actor<'_>, limit: i64) -> Result<Vec<JobView>> {
    let Some(owner) = actor.user_id() else {
        return Ok(Vec::new());
    };
    Ok(jobs::of_owner(&app.db, owner, limit)
        .await?
        .into_iter()
        .map(JobView::of)
        .collect())
}

/// Stops the actor's job: a queued one at once, a running one at its next batch (the
/// partial file is removed). 409 `job-ended` when it had ended, `job-not-cancellable`
/// for a kind that may not stop half-way (a campaign's close).
pub async fn cancel(app: &App, actor: &Actor<'_>, id: i64) -> Result<()> {
    let view = get(app, actor, id).await?;
    if view.state.is_open() && !view.cancellable() {
        return Err(Error::Conflict("job-not-cancellable"));
    }
    match jobs::request_cancel(&app.db, id).await? {
        true if view.state == JobState::Queued => release_roll(app, &view.job).await,
        true => Ok(()),
        false => Err(Error::Conflict("job-ended")),
    }
}

/// Waits up to `within` for job `id` to end (a request that would rather answer with the
/// result when the work is short); the state it is in then.
pub async fn wait(app: &App, id: i64, within: Duration) -> Result<JobState> {
    let deadline = Instant::now() + within;
    loop {
        let job = jobs::get(&app.db, id).await?.ok_or(Error::NotFound)?;
        let state = JobState::parse(&job.state).unwrap_or(JobState::Failed);
        if !state.is_open() || Instant::now() >= deadline {
            return Ok(state);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A file to send.
pub struct Download {
    pub path: PathBuf,
    pub file_name: String,
    pub content_type: &'static str,
}

/// The job's file, once: the first download takes it (and is audited with the export's
/// query and rows); later ones answer 409 `job-downloaded`, and a file removed after its
/// day 409 `job-expired`.
pub async fn download(app: &App, actor: &Actor<'_>, id: i64, dir: &Path) -> Result<Download> {
    let view = get(app, actor, id).await?;
    // The right as it is now: a role revoked since the job ran takes the file with it.
    permit(actor.decide(Action::ViewMembers, None))?;
    if view.state != JobState::Done {
        return Err(Error::Conflict("job-not-done"));
    }
    let (Some(file), Some(file_name)) = (&view.job.file, &view.job.file_name) else {
        return Err(Error::Conflict("job-expired"));
    };
    if !written_here(dir, id, Path::new(file)) {
        return Err(Error::Conflict("job-expired"));
    }
    if !jobs::take_download(&app.db, id).await? {
        return Err(Error::Conflict("job-downloaded"));
    }
    let params: ExportParams =
        serde_json::from_str(&view.job.params).map_err(|e| Error::Internal(e.to_string()))?;
    let f = &params.filter;
    let detail = serde_json::json!({ "q": f.q, "status": f.status, "territory": f.territory,
        "as_of": f.as_of, "format": params.format, "rows": view.job.done, "job": id });
    if let Err(e) = reads::record(app, actor, Read::Members(detail)).await {
        jobs::give_back_download(&app.db, id).await?;
        return Err(e);
    }
    let format = ExportFormat::parse(&params.format).unwrap_or(ExportFormat::Csv);
    Ok(Download {
        path: PathBuf::from(file),
        file_name: file_name.clone(),
        content_type: format.content_type(),
    })
}

/// Queues again the jobs a stop left running, after removing the part of a file each had
/// written; the worker starts them over.
pub async fn resume(app: &App, dir: &Path) -> Result<u64> {
    for job in jobs::running(&app.db).await? {
        if job.cancel_requested {
            release_roll(app, &job).await?;
        }
        if let Some(file) = job
            .file
            .as_deref()
            .filter(|f| written_here(dir, job.id, Path::new(f)))
        {
            let _ = std::fs::remove_file(file);
        }
    }
    Ok(jobs::requeue_running(&app.db).await?)
}

/// An import's job that ends before its roll (cancelled while it waited or by a stop,
/// failed before it ran): the roll waits again, to be confirmed, where it was.
pub(crate) async fn release_roll(app: &App, job: &Job) -> Result<()> {
    if JobKind::parse(&job.kind) != Some(JobKind::MemberImport) {
        return Ok(());
    }
    if let Ok(on) = serde_json::from_str::<OnRecord>(&job.params) {
        tanzim_store::staged_imports::back_to_staged(&app.db, on.id).await?;
    }
    Ok(())
}

/// What a job of a kind that works on one record is given.
#[derive(serde::Deserialize)]
pub(crate) struct OnRecord {
    #[serde(alias = "campaign", alias = "import")]
    pub(crate) id: i64,
}

/// Whether `file` is one the worker writes for job `id` in `dir`: a job's row is never
/// trusted to name any other file (a restored or altered row could name any file).
pub(crate) fn written_here(dir: &Path, id: i64, file: &Path) -> bool {
    let prefix = format!("job-{id}-");
    file.parent() == Some(dir)
        && file
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&prefix) && !n.contains('/'))
}

/// Removes the files downloaded, and those older than a day; returns how many.
pub async fn remove_old_files(app: &App, dir: &Path) -> Result<usize> {
    let before = tanzim_store::now() - rules::KEPT_SECS;
    let files = jobs::files_to_remove(&app.db, before).await?;
    for (id, file) in &files {
        if !written_here(dir, *id, Path::new(file)) {
            jobs::forget_file(&app.db, *id).await?;
            continue;
        }
        match std::fs::remove_file(file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                tracing::warn!(job = id, error = %e, "a job's file was not removed");
                continue;
            }
        }
        jobs::forget_file(&app.db, *id).await?;
    }
    Ok(files.len())
}
