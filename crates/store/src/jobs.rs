//! The job table: long work the server's worker runs, its progress, and the file it
//! leaves. The worker claims one queued job at a time; a job left running by a stop is
//! queued again at the next start.

use crate::{Db, Result};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub owner_id: i64,
    /// What it works on, where a user may run several of its kind at once (a campaign's
    /// close: `campaign-ID`); empty otherwise.
    pub subject: String,
    /// What the job works on (JSON, its kind's own).
    pub params: String,
    pub state: String,
    pub cancel_requested: bool,
    pub done: i64,
    pub total: Option<i64>,
    /// Where the job's file lies on the server: never shown.
    #[serde(skip)]
    pub file: Option<String>,
    /// The name the file is downloaded under.
    pub file_name: Option<String>,
    pub error: Option<String>,
    pub created_at: i64,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub downloaded_at: Option<i64>,
}

const COLUMNS: &str = "id, kind, owner_id, subject, params, state, cancel_requested, done, total, file, file_name, \
                       error, created_at, started_at, finished_at, downloaded_at";

/// Queues a job of `kind` for `owner_id`, or finds the open one it would repeat (kept by
/// unique indexes): on a `subject`, the one open job on it, whoever asked (see
/// `jobs_one_per_subject`); without one, the owner's open job of that kind. Returns its id.
pub async fn create(
    db: &Db,
    kind: &str,
    owner_id: i64,
    subject: &str,
    params: &str,
) -> Result<i64> {
    on_pool!(db, p => {
        let new: Option<i64> = sqlx::query_scalar(
            "INSERT INTO jobs (kind, owner_id, subject, params, state, created_at) VALUES ($1, $2, $3, $4, 'queued', $5)
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(kind).bind(owner_id).bind(subject).bind(params).bind(crate::now())
        .fetch_optional(p).await?;
        match new {
            Some(id) => Ok(id),
            None => Ok(sqlx::query_scalar::<_, i64>(
                "SELECT id FROM jobs WHERE kind = $1 AND subject = $2 AND state IN ('queued', 'running')
                   AND (subject <> '' OR owner_id = $3)",
            )
            .bind(kind).bind(subject).bind(owner_id).fetch_one(p).await?),
        }
    })
}

/// The open job of `kind` on `subject`, if any (whoever owns it).
pub async fn open_on(db: &Db, kind: &str, subject: &str) -> Result<Option<Job>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM jobs WHERE kind = $1 AND subject = $2 AND state IN ('queued', 'running')"
    );
    on_pool!(db, p => Ok(sqlx::query_as::<_, Job>(sqlx::AssertSqlSafe(sql)).bind(kind).bind(subject).fetch_optional(p).await?))
}

/// The latest job of `kind` on `subject`, whoever owns it (a campaign's close, for its page).
pub async fn latest_on(db: &Db, kind: &str, subject: &str) -> Result<Option<Job>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM jobs WHERE kind = $1 AND subject = $2 ORDER BY id DESC LIMIT 1"
    );
    on_pool!(db, p => Ok(sqlx::query_as::<_, Job>(sqlx::AssertSqlSafe(sql)).bind(kind).bind(subject).fetch_optional(p).await?))
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Job>> {
    let sql = format!("SELECT {COLUMNS} FROM jobs WHERE id = $1");
    on_pool!(db, p => Ok(sqlx::query_as::<_, Job>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The owner's jobs, the latest first.
pub async fn of_owner(db: &Db, owner_id: i64, limit: i64) -> Result<Vec<Job>> {
    let sql = format!("SELECT {COLUMNS} FROM jobs WHERE owner_id = $1 ORDER BY id DESC LIMIT $2");
    on_pool!(db, p => Ok(sqlx::query_as::<_, Job>(sqlx::AssertSqlSafe(sql)).bind(owner_id).bind(limit).fetch_all(p).await?))
}

/// Takes the oldest queued job for the worker, marking it running; `None` when none
/// waits. Two workers never take the same job: the update takes it only if still queued.
pub async fn claim_next(db: &Db) -> Result<Option<Job>> {
    let next: Option<i64> = on_pool!(db, p => sqlx::query_scalar(
        "SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1",
    ).fetch_optional(p).await)?;
    let Some(id) = next else { return Ok(None) };
    let taken: u64 = on_pool!(db, p => sqlx::query(
        "UPDATE jobs SET state = 'running', started_at = $1, done = 0 WHERE id = $2 AND state = 'queued'",
    ).bind(crate::now()).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    match taken {
        1 => get(db, id).await,
        _ => Ok(None),
    }
}

/// Queues again the jobs a stop left running (each kind starts over safely), or ends
/// them cancelled when their owner had asked; returns how many.
pub async fn requeue_running(db: &Db) -> Result<u64> {
    Ok(on_pool!(db, p => sqlx::query(
        "UPDATE jobs SET state = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'queued' END,
             done = 0, started_at = NULL, file = NULL, finished_at = CASE WHEN cancel_requested THEN $1 END
         WHERE state = 'running'",
    ).bind(crate::now()).execute(p).await.map(|r| r.rows_affected()))?)
}

/// The jobs running (at a start: those a stop interrupted).
pub async fn running(db: &Db) -> Result<Vec<Job>> {
    let sql = format!("SELECT {COLUMNS} FROM jobs WHERE state = 'running' ORDER BY id");
    on_pool!(db, p => Ok(sqlx::query_as::<_, Job>(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// Records the file a running job is writing (a part, until it is done).
pub async fn writing(db: &Db, id: i64, file: &str) -> Result<()> {
    on_pool!(db, p => sqlx::query("UPDATE jobs SET file = $1 WHERE id = $2")
        .bind(file).bind(id).execute(p).await.map(drop))?;
    Ok(())
}

/// Records how far a running job has gone; returns whether its owner asked to cancel it.
pub async fn progress(db: &Db, id: i64, done: i64, total: Option<i64>) -> Result<bool> {
    on_pool!(db, p => {
        sqlx::query("UPDATE jobs SET done = $1, total = COALESCE($2, total) WHERE id = $3")
            .bind(done).bind(total).bind(id).execute(p).await?;
        Ok(sqlx::query_scalar::<_, bool>("SELECT cancel_requested FROM jobs WHERE id = $1")
            .bind(id).fetch_one(p).await?)
    })
}

/// A job that ended: done (with its file, for a job that leaves one), failed (with the
/// error) or cancelled.
pub enum Outcome<'a> {
    Done { file: &'a str, file_name: &'a str },
    Finished,
    Failed(&'a str),
    Cancelled,
}

pub async fn finish(db: &Db, id: i64, done: i64, outcome: Outcome<'_>) -> Result<()> {
    let (state, file, file_name, error) = match outcome {
        Outcome::Done { file, file_name } => ("done", Some(file), Some(file_name), None),
        Outcome::Finished => ("done", None, None, None),
        Outcome::Failed(e) => ("failed", None, None, Some(e)),
        Outcome::Cancelled => ("cancelled", None, None, None),
    };
    on_pool!(db, p => sqlx::query(
        "UPDATE jobs SET state = $1, done = $2, file = $3, file_name = $4, error = $5, finished_at = $6 WHERE id = $7",
    )
    .bind(state).bind(done).bind(file).bind(file_name).bind(error).bind(crate::now()).bind(id)
    .execute(p).await.map(drop))?;
    Ok(())
}

/// Asks a job to stop: a queued one is cancelled at once, a running one stops at its next
/// step. Returns false when the job had ended already.
pub async fn request_cancel(db: &Db, id: i64) -> Result<bool> {
    on_pool!(db, p => {
        let queued = sqlx::query("UPDATE jobs SET state = 'cancelled', finished_at = $1 WHERE id = $2 AND state = 'queued'")
            .bind(crate::now()).bind(id).execute(p).await?.rows_affected();
        let running = sqlx::query("UPDATE jobs SET cancel_requested = TRUE WHERE id = $1 AND state = 'running'")
            .bind(id).execute(p).await?.rows_affected();
        Ok(queued + running == 1)
    })
}

/// Marks a done job's file as downloaded, once: true for the first download only.
pub async fn take_download(db: &Db, id: i64) -> Result<bool> {
    on_pool!(db, p => Ok(sqlx::query(
        "UPDATE jobs SET downloaded_at = $1 WHERE id = $2 AND state = 'done' AND downloaded_at IS NULL AND file IS NOT NULL",
    )
    .bind(crate::now()).bind(id).execute(p).await?.rows_affected() == 1))
}

/// Gives back a download that failed before the file was sent.
pub async fn give_back_download(db: &Db, id: i64) -> Result<()> {
    on_pool!(db, p => sqlx::query("UPDATE jobs SET downloaded_at = NULL WHERE id = $1")
        .bind(id).execute(p).await.map(drop))?;
    Ok(())
}

/// Files of jobs that finished before `before`, or were downloaded: (job, file).
pub async fn files_to_remove(db: &Db, before: i64) -> Result<Vec<(i64, String)>> {
    on_pool!(db, p => Ok(sqlx::query_as::<_, (i64, String)>(
        "SELECT id, file FROM jobs WHERE file IS NOT NULL AND (finished_at < $1 OR downloaded_at IS NOT NULL)",
    )
    .bind(before).fetch_all(p).await?))
}

/// Forgets a job's file once it is removed from the disk.
pub async fn forget_file(db: &Db, id: i64) -> Result<()> {
    on_pool!(db, p => sqlx::query("UPDATE jobs SET file = NULL WHERE id = $1")
        .bind(id).execute(p).await.map(drop))?;
    Ok(())
}
