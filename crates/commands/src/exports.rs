//! Member exports: the filtered list, as the user may see it, written to a file in
//! constant memory, whatever its length. From the pages and the API an export is a job:
//! queued now, written by the server's worker, downloaded once by its owner (the download
//! is what the audit log records, with the rows it held), and removed after a day. The
//! console writes the same file in the foreground.

use crate::member_lists::{self, ListFilter, member_scope, shown_to};
use crate::progress::Progress;
use crate::{Actor, App, Error, Result, permit};
use serde::{Deserialize, Serialize};
use std::path::Path;
use tanzim_domain::jobs::{ExportFormat, JobKind};
use tanzim_domain::policy::Action;
use tanzim_reports::export::ExportFile;
use tanzim_store::members::{self, Member};
use tanzim_store::{Page, jobs};

/// Rows read from the database at a time.
pub const EXPORT_BATCH: i64 = 2_000;

/// What an export job is given.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportParams {
    pub filter: ListFilter,
    pub format: String,
    /// The workbook's sheet name, in the owner's language.
    pub sheet_name: String,
}

/// Queues an export of the filtered list for the signed-in `actor`; returns the job (the
/// one already waiting or running, if any). The filters are checked now, so a mistake is
/// said on the form, not later on the job.
pub async fn start(
    app: &App,
    actor: &Actor<'_>,
    filter: &ListFilter,
    format: ExportFormat,
    sheet_name: &str,
) -> Result<i64> {
    permit(actor.decide(Action::ViewMembers, None))?;
    let owner = actor.user_id().ok_or(Error::Forbidden)?;
    filter.check()?;
    let params = ExportParams {
        filter: filter.clone(),
        format: format.as_str().to_owned(),
        sheet_name: sheet_name.to_owned(),
    };
    let params = serde_json::to_string(&params).map_err(|e| Error::Internal(e.to_string()))?;
    // One export at a time per user (the job table keeps it): another click while one
    // waits or runs goes to it, so that no one fills the worker's queue.
    Ok(jobs::create(&app.db, JobKind::MemberExport.as_str(), owner, "", &params).await?)
}

/// Writes the filtered list, as `actor` may see it, to the new file `path`. Returns the
/// rows written, or `None` when `progress` stopped it (the partial file is removed).
pub async fn write(
    app: &App,
    actor: &Actor<'_>,
    filter: &ListFilter,
    format: ExportFormat,
    sheet_name: &str,
    path: &Path,
    progress: &mut impl Progress,
) -> Result<Option<i64>> {
    permit(actor.decide(Action::ViewMembers, None))?;
    let checked = filter.check()?;
    let file = ExportFile::create(format, path, sheet_name).map_err(file_error)?;
    let written = fill(app, actor, filter, &checked, file, progress).await;
    if !matches!(written, Ok(Some(_))) {
        let _ = std::fs::remove_file(path);
    }
    written
}

async fn fill(
    app: &App,
    actor: &Actor<'_>,
    filter: &ListFilter,
    checked: &member_lists::Checked,
    mut file: ExportFile,
    progress: &mut impl Progress,
) -> Result<Option<i64>> {
    let scope = member_scope(app, actor, Action::ViewMembers);
    let keyset = checked.q.is_none() && checked.as_of.is_none();
    let mut total = match keyset {
        true => {
            Some(members::count(&app.db, &scope, &member_lists::query(app, actor, checked)).await?)
        }
        false => None,
    };
    let mut done = 0i64;
    let mut after = 0i64;
    let mut page = 1u32;
    loop {
        // The plain list is read from where the last batch ended, in the order members
        // were entered; a search or a past day's list, ranked or built for the day, by
        // pages.
        let batch: Vec<Member> = if keyset {
            let query = member_lists::query(app, actor, checked);
            members::list_after(&app.db, &scope, &query, after, EXPORT_BATCH).await?
        } else {
            let paged = member_lists::list(
                app,
                actor,
                filter,
                Page::new(Some(page), Some(Page::MAX_SIZE)),
            )
            .await?;
            total = Some(paged.total);
            page += 1;
            paged.items
        };
        let last = batch.len() < batch_size(keyset);
        if let Some(m) = batch.last() {
            after = m.id;
        }
        for m in batch {
            file.push(&shown_to(app, actor, m)).map_err(file_error)?;
            done += 1;
        }
        if last {
            break;
        }
        if !progress.report(done, total).await? {
            return Ok(None);
        }
    }
    file.finish().map_err(file_error)?;
    progress.report(done, Some(done)).await?;
    Ok(Some(done))
}

/// The console's export: the file written in the foreground (the same code as the job's),
/// then on the audit log with its query and rows, as a download from the pages is.
pub async fn to_file(
    app: &App,
    actor: &Actor<'_>,
    filter: &ListFilter,
    format: ExportFormat,
    path: &Path,
    progress: &mut impl Progress,
) -> Result<i64> {
    let rows = write(app, actor, filter, format, "members", path, progress)
        .await?
        .ok_or(Error::Conflict("job-ended"))?;
    let detail = serde_json::json!({ "q": filter.q, "status": filter.status, "territory": filter.territory,
        "as_of": filter.as_of, "format": format.as_str(), "rows": rows, "file": path.display().to_string() });
    crate::reads::record(app, actor, crate::reads::Read::Members(detail)).await?;
    Ok(rows)
}

fn batch_size(keyset: bool) -> usize {
    match keyset {
        true => EXPORT_BATCH as usize,
        false => Page::MAX_SIZE as usize,
    }
}

fn file_error(e: tanzim_reports::export::ExportError) -> Error {
    Error::Internal(format!("writing the export: {e}"))
}

/// The file name an export is downloaded under.
pub fn file_name(format: ExportFormat) -> String {
    format!("members.{}", format.as_str())
}
