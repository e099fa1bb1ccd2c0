//! Rolls staged for import: the rows of a file read and checked, kept in the database
//! between the preview and the import, and while it imports, so that an import that fails
//! or is stopped goes on where its last batch ended (each batch moves the import's cursor
//! and tally in its own transaction, see `imports::import_batch`).

use crate::BeginWrite as _;
use crate::{Db, Result};
use serde::{Deserialize, Serialize};

/// A staged roll, as the import and its pages need it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StagedImport {
    pub id: i64,
    pub owner_id: Option<i64>,
    pub token: String,
    pub file_hash: String,
    /// JSON array: the file's header row.
    pub headers: String,
    /// JSON object: the saved mapping, header to field.
    pub mapping: String,
    pub separator: i64,
    pub on_existing: String,
    /// `staging` (rows going in), `staged`, `importing` or `done`.
    pub state: String,
    pub row_count: i64,
    /// The lines before it are imported (or refused).
    pub next_line: i64,
    /// JSON: a `Tally`.
    pub tally: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub finished_at: Option<i64>,
}

const COLUMNS: &str = "id, owner_id, token, file_hash, headers, mapping, separator, on_existing, state, \
                       row_count, next_line, tally, created_at, updated_at, finished_at";

/// What an import has done so far: kept beside its cursor, written in each batch's
/// transaction, so a resumed import counts every row once.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub review: u64,
    pub referred: u64,
    pub rejected: u64,
}

/// A roll about to be staged.
pub struct NewStaged<'a> {
    pub owner_id: Option<i64>,
    pub token: &'a str,
    pub file_hash: &'a str,
    pub headers: &'a str,
    pub mapping: &'a str,
    pub separator: u8,
    pub on_existing: &'a str,
}

/// A staged row: its line, its cells (JSON array) and why it was refused, if it was.
pub type StagedRow = (i64, String, Option<String>);

/// Rows per statement while a roll is staged (give `stage_rows` a few thousand at a time:
/// each call is one transaction, so officers' writes pass between two).
pub(crate) const PER_INSERT: usize = 500;

/// Starts staging a roll: its row (`staging`); then `stage_rows`, chunk by chunk, then
/// `staged`. A staging that stops half-way stays `staging` and goes with the stale ones.
pub async fn begin_stage(db: &Db, new: &NewStaged<'_>) -> Result<i64> {
    let tally = serde_json::to_string(&Tally::default()).unwrap_or_default();
    Ok(on_pool!(db, p => sqlx::query_scalar(
        "INSERT INTO staged_imports (owner_id, token, file_hash, headers, mapping, separator, on_existing, state, row_count, tally, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'staging', 0, $8, $9, $9) RETURNING id",
    )
    .bind(new.owner_id).bind(new.token).bind(new.file_hash).bind(new.headers).bind(new.mapping)
    .bind(i64::from(new.separator)).bind(new.on_existing).bind(tally).bind(crate::now())
    .fetch_one(p).await)?)
}

/// Adds rows to a roll being staged, in one transaction.
pub async fn stage_rows(db: &Db, id: i64, rows: &[StagedRow]) -> Result<()> {
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        for part in rows.chunks(PER_INSERT) {
            let values: Vec<String> = (0..part.len())
                .map(|i| format!("({})", crate::placeholders(db, 4 * i + 1, 4)))
                .collect();
            let sql = format!("INSERT INTO staged_import_rows (import_id, line, cells, reason) VALUES {}", values.join(", "));
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (line, cells, reason) in part {
                q = q.bind(id).bind(*line).bind(cells).bind(reason.as_deref());
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

/// The roll is whole, `row_count` rows: it waits for its confirmation.
pub async fn end_stage(db: &Db, id: i64, row_count: u64) -> Result<()> {
    on_pool!(db, p => sqlx::query("UPDATE staged_imports SET state = 'staged', row_count = $1 WHERE id = $2 AND state = 'staging'")
        .bind(row_count as i64).bind(id).execute(p).await.map(drop))?;
    Ok(())
}

/// Removes a roll whose staging failed (a broken line half-way through the file).
pub async fn discard(db: &Db, id: i64) -> Result<()> {
    remove_if(db, id, "state = 'staging'").await.map(drop)
}

/// Removes a roll still waiting for its confirmation (staged again under another
/// mapping); false when it was confirmed meanwhile.
pub async fn withdraw(db: &Db, id: i64) -> Result<bool> {
    remove_if(db, id, "state = 'staged'").await
}

pub async fn get(db: &Db, id: i64) -> Result<Option<StagedImport>> {
    let sql = format!("SELECT {COLUMNS} FROM staged_imports WHERE id = $1");
    on_pool!(db, p => Ok(sqlx::query_as::<_, StagedImport>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?))
}

/// The staged roll that `token` names, whoever owns it (the caller checks).
pub async fn by_token(db: &Db, token: &str) -> Result<Option<StagedImport>> {
    let sql = format!("SELECT {COLUMNS} FROM staged_imports WHERE token = $1");
    on_pool!(db, p => Ok(sqlx::query_as::<_, StagedImport>(sqlx::AssertSqlSafe(sql)).bind(token).fetch_optional(p).await?))
}

/// The command line's unfinished import of the same file with the same choice and
/// mapping, to resume.
pub async fn unfinished_of_file(
    db: &Db,
    file_hash: &str,
    on_existing: &str,
    mapping: &str,
) -> Result<Option<StagedImport>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM staged_imports WHERE owner_id IS NULL AND file_hash = $1 AND on_existing = $2
         AND mapping = $3 AND state IN ('staged', 'importing') ORDER BY id DESC LIMIT 1"
    );
    on_pool!(db, p => Ok(sqlx::query_as::<_, StagedImport>(sqlx::AssertSqlSafe(sql))
        .bind(file_hash).bind(on_existing).bind(mapping).fetch_optional(p).await?))
}

/// Up to `limit` rows after `after`, in line order.
pub async fn rows_after(db: &Db, id: i64, after: i64, limit: i64) -> Result<Vec<StagedRow>> {
    on_pool!(db, p => Ok(sqlx::query_as::<_, StagedRow>(
        "SELECT line, cells, reason FROM staged_import_rows WHERE import_id = $1 AND line > $2 ORDER BY line LIMIT $3",
    )
    .bind(id).bind(after).bind(limit).fetch_all(p).await?))
}

/// Up to `limit` refused rows after line `after`, in line order (the rejected-rows file
/// is written page by page).
pub async fn refused_after(db: &Db, id: i64, after: i64, limit: i64) -> Result<Vec<StagedRow>> {
    on_pool!(db, p => Ok(sqlx::query_as::<_, StagedRow>(
        "SELECT line, cells, reason FROM staged_import_rows WHERE import_id = $1 AND line > $2 AND reason IS NOT NULL ORDER BY line LIMIT $3",
    )
    .bind(id).bind(after).bind(limit).fetch_all(p).await?))
}

/// Marks a staged roll as importing; false when it is not waiting (importing or done).
pub async fn begin_import(db: &Db, id: i64) -> Result<bool> {
    on_pool!(db, p => Ok(sqlx::query("UPDATE staged_imports SET state = 'importing', updated_at = $1 WHERE id = $2 AND state = 'staged'")
        .bind(crate::now()).bind(id).execute(p).await?.rows_affected() == 1))
}

/// An import that stopped before its end (failed, cancelled) waits again, where it was.
pub async fn back_to_staged(db: &Db, id: i64) -> Result<()> {
    on_pool!(db, p => sqlx::query("UPDATE staged_imports SET state = 'staged', updated_at = $1 WHERE id = $2 AND state = 'importing'")
        .bind(crate::now()).bind(id).execute(p).await.map(drop))?;
    Ok(())
}

pub async fn finish(db: &Db, id: i64) -> Result<()> {
    on_pool!(db, p => sqlx::query("UPDATE staged_imports SET state = 'done', finished_at = $1, updated_at = $1 WHERE id = $2 AND state = 'importing'")
        .bind(crate::now()).bind(id).execute(p).await.map(drop))?;
    Ok(())
}

/// Where a batch leaves its import, written in the batch's own transaction: the cursor
/// after its last line, and the tally with the batch in.
pub struct Checkpoint<'a> {
    pub import_id: i64,
    /// The cursor the batch started from: a batch written by another run meanwhile
    /// (two consoles on one file) rolls this one back instead of counting it twice.
    pub from_line: i64,
    pub next_line: i64,
    /// The tally before the batch.
    pub before: &'a Tally,
    /// Rows of the batch refused when the roll was staged (their reason is kept already).
    pub refused_at_staging: u64,
    /// Rows of the batch refused as it was prepared (a check that failed since staging).
    pub refused: &'a [(u64, String)],
}

/// Removes a user's older staged rolls beyond the `keep` latest that wait for their
/// first confirmation (not one being staged in another tab, nor one an import began).
pub async fn keep_latest(db: &Db, owner_id: i64, keep: i64) -> Result<()> {
    let waiting: Vec<i64> = on_pool!(db, p => sqlx::query_scalar(
        "SELECT id FROM staged_imports WHERE owner_id = $1 AND state = 'staged' AND next_line = 0 ORDER BY id DESC",
    ).bind(owner_id).fetch_all(p).await)?;
    for id in waiting.get(keep.max(0) as usize..).unwrap_or_default() {
        remove_if(db, *id, "state = 'staged' AND next_line = 0").await?;
    }
    Ok(())
}

/// Which rolls are stale, at `$1` (an hour ago) and `$2` (a day ago): one waiting for its
/// first confirmation since an hour; one an import began (stopped, or stuck with no job
/// at work, a console run killed) or finished since a day.
const STALE: &str = "(state IN ('staging', 'staged') AND next_line = 0 AND updated_at < $1)
    OR (state IN ('staged', 'importing') AND next_line <> 0 AND updated_at < $2
        AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.kind = 'member-import'
            AND jobs.subject = 'import-' || staged_imports.token AND jobs.state IN ('queued', 'running')))
    OR (state = 'done' AND finished_at < $2)
    OR (state = 'staging' AND next_line = -1 AND updated_at < $1)";

/// Removes the stale rolls (see `STALE`); returns how many.
pub async fn remove_stale(db: &Db, hour_ago: i64, day_ago: i64) -> Result<usize> {
    let sql = format!("SELECT id FROM staged_imports WHERE {STALE}");
    let stale: Vec<i64> = on_pool!(db, p => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(hour_ago).bind(day_ago).fetch_all(p).await)?;
    let mut removed = 0;
    for id in &stale {
        // Judged again as it is taken: a roll confirmed meanwhile stays.
        let sql = format!("({STALE}) AND id = $3");
        if remove_marked(db, *id, &sql, Some((hour_ago, day_ago))).await? {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Rows deleted per statement: a million-row roll goes without holding the write lock
/// for the whole of it.
const REMOVE_CHUNK: i64 = 5_000;

/// Removes roll `id` if `condition` (SQL on `staged_imports`) still holds.
async fn remove_if(db: &Db, id: i64, condition: &str) -> Result<bool> {
    let sql = format!("({condition}) AND id = $1");
    remove_marked(db, id, &sql, None).await
}

/// Marks the roll as going (`staging` with no cursor: nothing confirms or imports it
/// then) in one statement that checks `condition` (binds: the two times of `STALE`, or
/// none, then the id), and removes its rows a chunk at a time, then the roll.
async fn remove_marked(
    db: &Db,
    id: i64,
    condition: &str,
    times: Option<(i64, i64)>,
) -> Result<bool> {
    let mark =
        format!("UPDATE staged_imports SET state = 'staging', next_line = -1 WHERE {condition}");
    let marked = on_pool!(db, p => {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(mark));
        if let Some((hour_ago, day_ago)) = times {
            q = q.bind(hour_ago).bind(day_ago);
        }
        q.bind(id).execute(p).await.map(|r| r.rows_affected())
    })?;
    if marked == 0 {
        return Ok(false);
    }
    on_pool!(db, p => {
        while sqlx::query(
            "DELETE FROM staged_import_rows WHERE import_id = $1 AND line IN
             (SELECT line FROM staged_import_rows WHERE import_id = $1 ORDER BY line LIMIT $2)",
        )
        .bind(id).bind(REMOVE_CHUNK).execute(p).await?.rows_affected() > 0
        {}
        sqlx::query("DELETE FROM staged_imports WHERE id = $1").bind(id).execute(p).await?;
    });
    Ok(true)
}
