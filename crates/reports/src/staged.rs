//! Imports through the database: a roll is checked and staged (its rows kept with the
//! reason each refused one got, the preview), then imported batch by batch from there,
//! each batch moving the import's cursor and tally in its own transaction, so that an
//! import stopped by a failure, a cancel or a restart goes on where it was and counts
//! every row once. The server's worker and the command line run the same steps.

use crate::import::{self, Row, Rows};
use crate::roll::{self, ANALYZE_AFTER, ANALYZE_EVERY, Checks, ImportFailure, Options, Summary};
use std::collections::HashMap;
use tanzim_domain::audit::AuditAction;
use tanzim_store::audit::AuditEntry;
use tanzim_store::imports::{self, OnExisting};
use tanzim_store::staged_imports::{
    self as staged, Checkpoint, NewStaged, StagedImport, StagedRow, Tally,
};
use tanzim_store::{Db, StoreError};

/// Rows staged per transaction.
const STAGE_CHUNK: usize = 2_000;

/// Who stages a roll and how it is named.
pub struct Staging<'a> {
    pub owner_id: Option<i64>,
    pub token: &'a str,
    pub file_hash: &'a str,
    pub mapping: &'a HashMap<String, String>,
}

/// A roll checked and staged: its id, what its import would do, and its first rows.
pub struct StagedRoll {
    pub id: i64,
    pub preview: Summary,
    pub first_rows: Vec<Vec<String>>,
}

/// Rows of the preview a page shows.
const FIRST_ROWS: usize = 10;

/// Checks a roll's rows as its import would (the preview) and stages them, a chunk at a
/// time as they are read: the roll is never held whole. A file broken half-way is
/// refused, and what was staged of it removed.
pub async fn stage(
    db: &Db,
    profile: &tanzim_domain::org::Profile,
    rows: &mut Rows,
    opts: &Options<'_>,
    who: &Staging<'_>,
) -> Result<StagedRoll, ImportFailure> {
    let checks = Checks::load(db, profile)
        .await
        .map_err(ImportFailure::Store)?;
    let new = NewStaged {
        owner_id: who.owner_id,
        token: who.token,
        file_hash: who.file_hash,
        headers: &serde_json::to_string(&rows.headers).unwrap_or_default(),
        mapping: &serde_json::to_string(who.mapping).unwrap_or_default(),
        separator: rows.separator,
        on_existing: on_existing_name(opts.on_existing),
    };
    let id = staged::begin_stage(db, &new)
        .await
        .map_err(ImportFailure::Store)?;
    let mut preview = Summary::default();
    let mut first_rows = Vec::new();
    let mut seen = HashMap::new();
    let mut earlier = HashMap::new();
    let mut count = 0u64;
    loop {
        let read: Vec<Result<Row, import::ImportError>> = rows.by_ref().take(STAGE_CHUNK).collect();
        if read.is_empty() {
            break;
        }
        let mut chunk: Vec<StagedRow> = Vec::with_capacity(read.len());
        let mut items = Vec::new();
        for row in read {
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    staged::discard(db, id)
                        .await
                        .map_err(ImportFailure::Store)?;
                    return Err(ImportFailure::File(e));
                }
            };
            let reason = match checks.check(&row, opts, &mut seen) {
                Ok(item) => {
                    items.push(item);
                    None
                }
                Err(code) => {
                    preview.rejected.push((row.line, code.to_owned()));
                    Some(code.to_owned())
                }
            };
            let cells = serde_json::to_string(&row.raw).unwrap_or_default();
            if first_rows.len() < FIRST_ROWS {
                first_rows.push(row.raw);
            }
            chunk.push((row.line as i64, cells, reason));
            count += 1;
        }
        // What the import will do with the rows that pass: the same look-ups and rules
        // (a member already there, a probable duplicate, one out of reach).
        roll::preview_items(db, &items, opts, &mut earlier, &mut preview)
            .await
            .map_err(ImportFailure::Store)?;
        staged::stage_rows(db, id, &chunk)
            .await
            .map_err(ImportFailure::Store)?;
    }
    preview.rejected.sort();
    staged::end_stage(db, id, count)
        .await
        .map_err(ImportFailure::Store)?;
    Ok(StagedRoll {
        id,
        preview,
        first_rows,
    })
}

pub fn on_existing_name(o: OnExisting) -> &'static str {
    match o {
        OnExisting::Update => "update",
        OnExisting::Report => "report",
    }
}

pub fn on_existing_of(s: &StagedImport) -> OnExisting {
    match s.on_existing.as_str() {
        "update" => OnExisting::Update,
        _ => OnExisting::Report,
    }
}

pub fn tally_of(s: &StagedImport) -> Result<Tally, StoreError> {
    serde_json::from_str(&s.tally).map_err(|e| StoreError::ImportStopped(format!("tally: {e}")))
}

/// Rows an import has gone through (each counted in exactly one of the tally's figures).
pub fn rows_done(t: &Tally) -> u64 {
    t.imported + t.updated + t.unchanged + t.review + t.referred + t.rejected
}

/// The tally as the console prints it (see `roll::counts_line`).
pub fn tally_line(t: &Tally) -> String {
    roll::counts_line(
        [t.imported, t.updated, t.rejected],
        [t.review, t.referred, t.unchanged],
    )
}

/// What one step of an import did.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// A batch went in: rows gone through so far, of all.
    Batch { done: u64, total: u64 },
    /// Nothing was left: the import's tally.
    Finished(Tally),
}

/// Imports the next batch of a staged roll, `batch` rows at most (`roll::BATCH`).
pub async fn import_next(
    db: &Db,
    checks: &Checks<'_>,
    id: i64,
    batch: usize,
    opts: &Options<'_>,
) -> Result<Step, StoreError> {
    let s = staged::get(db, id).await?.ok_or(StoreError::NotFound)?;
    if s.state != "importing" {
        return Err(StoreError::Conflict("import-done"));
    }
    let before = tally_of(&s)?;
    let stopped = |what: &str, e: String| StoreError::ImportStopped(format!("{what}: {e}"));
    let headers: Vec<String> =
        serde_json::from_str(&s.headers).map_err(|e| stopped("headers", e.to_string()))?;
    let mapping: HashMap<String, String> =
        serde_json::from_str(&s.mapping).map_err(|e| stopped("mapping", e.to_string()))?;
    let fields =
        import::map_header(&headers, &mapping).map_err(|e| stopped("headers", e.to_string()))?;
    let rows = staged::rows_after(db, id, s.next_line, batch as i64).await?;
    let Some(last) = rows.last().map(|r| r.0) else {
        if rows_done(&before) != s.row_count as u64 {
            return Err(stopped(
                "rows",
                format!(
                    "{} of {} rows were gone through",
                    rows_done(&before),
                    s.row_count
                ),
            ));
        }
        if s.row_count as usize >= ANALYZE_AFTER {
            imports::analyze(db).await?;
        }
        return Ok(Step::Finished(before));
    };
    let n = rows_done(&before) as usize / batch.max(1);
    // As the in-memory import does: fresh planner statistics now and then.
    if n % ANALYZE_EVERY == 1 {
        imports::analyze(db).await?;
    }
    let (mut items, mut refused, mut at_staging) = (Vec::new(), Vec::new(), 0);
    let mut seen = HashMap::new();
    for (line, cells, reason) in rows {
        if reason.is_some() {
            at_staging += 1;
            continue;
        }
        let raw: Vec<String> =
            serde_json::from_str(&cells).map_err(|e| stopped("row", e.to_string()))?;
        let row = import::row_from(line as u64, raw, &fields);
        match checks.check(&row, opts, &mut seen) {
            Ok(item) => items.push(item),
            Err(code) => refused.push((line as u64, code.to_owned())),
        }
    }
    let checkpoint = Checkpoint {
        import_id: id,
        from_line: s.next_line,
        next_line: last,
        before: &before,
        refused_at_staging: at_staging,
        refused: &refused,
    };
    let audit = AuditEntry::new(
        opts.actor_id,
        opts.actor,
        AuditAction::MembersImported,
        Some("import"),
    );
    let report = imports::import_batch(
        db,
        &items,
        on_existing_of(&s),
        opts.reach,
        audit,
        Some(&checkpoint),
    )
    .await
    .map_err(|e| roll::in_batch(n, &items, (before.imported, before.updated), e))?;
    let after = before.with(&report, at_staging + refused.len() as u64);
    Ok(Step::Batch {
        done: rows_done(&after),
        total: s.row_count as u64,
    })
}

/// The refused rows of a staged roll with their line and reason, as a CSV to fix and
/// import again (the same file `import::rejected_csv` writes).
pub async fn rejected_csv(db: &Db, s: &StagedImport) -> Result<String, StoreError> {
    let headers: Vec<String> = serde_json::from_str(&s.headers).unwrap_or_default();
    let mut header = vec!["line".to_owned(), "reason".to_owned()];
    header.extend(headers);
    let mut records = vec![header];
    let mut after = 0;
    loop {
        let page = staged::refused_after(db, s.id, after, 5_000).await?;
        let Some(last) = page.last().map(|r| r.0) else {
            break;
        };
        for (line, cells, reason) in page {
            let mut rec = vec![line.to_string(), reason.unwrap_or_default()];
            rec.extend(serde_json::from_str::<Vec<String>>(&cells).unwrap_or_default());
            records.push(rec);
        }
        after = last;
    }
    let separator = u8::try_from(s.separator).unwrap_or(b',');
    Ok(crate::export::csv_records(separator, records))
}

/// The first refused rows, for the page.
pub async fn first_refused(db: &Db, id: i64, n: i64) -> Result<Vec<(u64, String)>, StoreError> {
    Ok(staged::refused_after(db, id, 0, n)
        .await?
        .into_iter()
        .map(|(line, _, reason)| (line as u64, reason.unwrap_or_default()))
        .collect())
}
