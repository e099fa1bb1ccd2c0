//! Importing a roll from the browser: upload, a preview of the rows and of every rejected
//! line, then confirmation; the rejected rows download as a file to fix and import again.

use crate::auth::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::views::{self, Layout};
use crate::{AppState, permit, today};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tanzim_domain::policy::{Action, Decision, decide, decide_member, scopes_for};
use tanzim_domain::territory::TerritoryPath;
use tanzim_reports::import::{self, Roll};
use tanzim_reports::roll::{self, Options, Summary};
use tanzim_store::imports::OnExisting;

/// Uploaded rolls waiting for confirmation, an hour at most, each visible to its uploader
/// only. What is kept is the file as uploaded (never its parsed rows, which take ten times
/// the room): a few per user, a bounded total, the oldest dropped first; the roll is read
/// again to import it or to list its rejected rows.
pub struct Uploads {
    staged: Mutex<Vec<(String, Upload)>>,
    /// Rolls being read at once: reading a roll holds its rows in memory for a while.
    reading: tokio::sync::Semaphore,
}

/// Files a user may have waiting at once.
pub const STAGED_PER_USER: usize = 2;
/// Bytes of files waiting, all users together.
pub const STAGED_BYTES: usize = 64 * 1024 * 1024;
/// Rolls read at the same time (each up to `MAX_UPLOAD_BYTES`).
pub const READING_AT_ONCE: usize = 2;
const STAGED_FOR: Duration = Duration::from_secs(3600);

impl Default for Uploads {
    fn default() -> Self {
        Uploads {
            staged: Mutex::new(Vec::new()),
            reading: tokio::sync::Semaphore::new(READING_AT_ONCE),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Previewed,
    Importing,
    Done,
}

struct Upload {
    user_id: i64,
    at: Instant,
    bytes: axum::body::Bytes,
    on_existing: OnExisting,
    stage: Stage,
    /// The last report (preview, then result), for the rejected rows' file.
    summary: Summary,
}

impl Uploads {
    fn put(&self, id: String, upload: Upload) {
        let Ok(mut staged) = self.staged.lock() else {
            return;
        };
        staged.retain(|(_, u)| u.at.elapsed() < STAGED_FOR);
        let user = upload.user_id;
        while staged.iter().filter(|(_, u)| u.user_id == user).count() >= STAGED_PER_USER {
            match staged.iter().position(|(_, u)| u.user_id == user) {
                Some(oldest) => staged.remove(oldest),
                None => break,
            };
        }
        while !staged.is_empty()
            && staged.iter().map(|(_, u)| u.bytes.len()).sum::<usize>() + upload.bytes.len()
                > STAGED_BYTES
        {
            staged.remove(0);
        }
        staged.push((id, upload));
    }
    fn with<T>(&self, id: &str, user_id: i64, f: impl FnOnce(&mut Upload) -> T) -> Option<T> {
        let mut staged = self.staged.lock().ok()?;
        staged
            .iter_mut()
            .find(|(key, u)| key == id && u.user_id == user_id && u.at.elapsed() < STAGED_FOR)
            .map(|(_, u)| f(u))
    }
    /// Bytes of files waiting (for tests of the bound).
    pub fn staged_bytes(&self) -> usize {
        self.staged
            .lock()
            .map(|s| s.iter().map(|(_, u)| u.bytes.len()).sum())
            .unwrap_or(0)
    }

    /// Reads a roll off the request path, a few at a time.
    async fn read(
        &self,
        bytes: axum::body::Bytes,
    ) -> Result<Result<Roll, import::ImportError>, AppError> {
        let _turn = self
            .reading
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            import::read_bounded(&bytes, &HashMap::new(), &import::Bounds::upload())
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
    }
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    layout: Layout,
    upload_id: String,
    preview: Vec<Vec<String>>,
    headers: Vec<String>,
    rejected: Vec<(u64, String)>,
    summary: String,
    /// The summary in the page's language.
    sentence: String,
    /// Rows referred to a higher level (said without saying where, or whom).
    referred: u64,
    done: bool,
    error: Option<String>,
}

fn page(
    state: &AppState,
    ctx: &Ctx,
    upload_id: String,
    roll: Option<&Roll>,
    summary: Option<&Summary>,
    done: bool,
    error: Option<String>,
) -> Response {
    views::html(ImportPage {
        layout: Layout::new(state, ctx, "import-title"),
        upload_id,
        headers: roll.map(|r| r.headers.clone()).unwrap_or_default(),
        preview: roll
            .map(|r| r.rows.iter().take(10).map(|row| row.raw.clone()).collect())
            .unwrap_or_default(),
        rejected: summary
            .map(|s| {
                s.rejected
                    .iter()
                    .take(50)
                    .map(|(l, r)| (*l, ctx.tr.t(&format!("error-{r}"))))
                    .collect()
            })
            .unwrap_or_default(),
        summary: summary.map(Summary::line).unwrap_or_default(),
        sentence: summary
            .map(|s| {
                let key = if done {
                    "import-summary-done"
                } else {
                    "import-summary-preview"
                };
                let n = |x: u64| x.to_string();
                ctx.tr.with(
                    key,
                    &[
                        ("imported", &n(s.imported)),
                        ("updated", &n(s.updated)),
                        ("rejected", &s.rejected.len().to_string()),
                        ("review", &n(s.review)),
                        ("referred", &n(s.referred)),
                    ],
                )
            })
            .unwrap_or_default(),
        referred: summary.map(|s| s.referred).unwrap_or(0),
        done,
        error,
    })
}

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ManageMembers, None))?;
    Ok(page(&state, &ctx, String::new(), None, None, false, None))
}

async fn run(
    state: &AppState,
    user: &CurrentUser,
    roll: &Roll,
    on_existing: OnExisting,
    dry_run: bool,
) -> Result<Summary, AppError> {
    let scopes: Vec<TerritoryPath> = scopes_for(&user.principal, Action::ManageMembers)
        .iter()
        .map(|a| a.scope_path.clone())
        .collect();
    let inside = move |p: &TerritoryPath| scopes.iter().any(|s| s.contains(p));
    let principal = &user.principal;
    let party = crate::members::party_key(state);
    // A member found by CIN or by name is the importer's only where the importer may
    // manage it; elsewhere the row is referred, and nothing of that member is shown.
    let reach = move |path: &TerritoryPath, affiliations: &str| {
        decide_member(principal, Action::ManageMembers, path, affiliations, party)
            == Decision::Allow
    };
    let options = Options {
        on_existing,
        dry_run,
        actor: user.username(),
        actor_id: Some(user.id()),
        token: &crate::auth::random_token,
        scope: Some(&inside),
        reach: Some(&reach),
        today: today(),
    };
    Ok(roll::import_roll(&state.db, &state.profile, roll, &options).await?)
}

/// A file that cannot be read as a roll, said on the import page.
fn unreadable(state: &AppState, ctx: &Ctx, e: import::ImportError) -> Response {
    let message = match e {
        import::ImportError::UnknownColumn(c) => {
            ctx.tr.with("import-unknown-column", &[("column", &c)])
        }
        import::ImportError::NoCin => ctx.tr.t("import-no-cin"),
        import::ImportError::TooLarge(what) => ctx.tr.t(&format!("import-too-large-{what}")),
        import::ImportError::Csv(line, _) | import::ImportError::CellTooLong(line) => ctx
            .tr
            .with("import-unreadable-line", &[("line", &line.to_string())]),
        _ => ctx.tr.t("import-unreadable"),
    };
    let mut response = page(state, ctx, String::new(), None, None, false, Some(message));
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    response
}

/// Reads the upload and shows what an import would do, writing nothing yet.
pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    request: axum::extract::Request,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ManageMembers, None))?;
    // Read the upload only once the user is known to be allowed.
    let mut multipart =
        <Multipart as axum::extract::FromRequest<AppState>>::from_request(request, &state)
            .await
            .map_err(|_| AppError::BadRequest("malformed-input"))?;
    let mut bytes = axum::body::Bytes::new();
    let mut on_existing = OnExisting::Report;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest("malformed-input"))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            bytes = field
                .bytes()
                .await
                .map_err(|_| AppError::BadRequest("body-too-large"))?;
        } else if name == "on_existing" && field.text().await.unwrap_or_default() == "update" {
            on_existing = OnExisting::Update;
        }
    }
    let roll = match state.uploads.read(bytes.clone()).await? {
        Ok(r) => r,
        Err(e) => return Ok(unreadable(&state, &ctx, e)),
    };
    let summary = run(&state, &user, &roll, on_existing, true).await?;
    let id = crate::auth::random_token();
    let response = page(
        &state,
        &ctx,
        id.clone(),
        Some(&roll),
        Some(&summary),
        false,
        None,
    );
    drop(roll);
    state.uploads.put(
        id,
        Upload {
            user_id: user.id(),
            at: Instant::now(),
            bytes,
            on_existing,
            stage: Stage::Previewed,
            summary,
        },
    );
    Ok(response)
}

/// Imports a previewed upload.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ManageMembers, None))?;
    // Marked as importing while it imports, so that a second confirmation does not import
    // it twice (the lock is not held across the import).
    let taken = state.uploads.with(&id, user.id(), |u| {
        let before = u.stage;
        if before == Stage::Previewed {
            u.stage = Stage::Importing;
        }
        (before, u.bytes.clone(), u.on_existing)
    });
    // An unknown id is an upload that expired (or another user's): upload again.
    let (stage, bytes, on_existing) = taken.ok_or(AppError::BadRequest("import-expired"))?;
    if stage != Stage::Previewed {
        return Err(AppError::Conflict("import-done"));
    }
    let result = match state.uploads.read(bytes).await? {
        Ok(roll) => run(&state, &user, &roll, on_existing, false).await,
        Err(e) => Err(AppError::from(e)),
    };
    // What did not import can be confirmed again.
    let stage = if result.is_ok() {
        Stage::Done
    } else {
        Stage::Previewed
    };
    let summary = result.inspect_err(|_| {
        state.uploads.with(&id, user.id(), |u| u.stage = stage);
    })?;
    let response = page(&state, &ctx, id.clone(), None, Some(&summary), true, None);
    state.uploads.with(&id, user.id(), |u| {
        u.stage = stage;
        u.summary = summary;
    });
    Ok(response)
}

/// The rejected rows with their line and reason, to fix and import again.
pub async fn rejected(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::ManageMembers, None))?;
    let (bytes, rejected) = state
        .uploads
        .with(&id, user.id(), |u| {
            (u.bytes.clone(), u.summary.rejected.clone())
        })
        .ok_or(AppError::BadRequest("import-expired"))?;
    let roll = state.uploads.read(bytes).await?.map_err(AppError::from)?;
    let csv = import::rejected_csv(&roll, &rejected);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"rejected.csv\"",
            ),
        ],
        csv,
    )
        .into_response())
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/members/import",
            Policy(Action::ManageMembers, T::None),
            get(form),
        ),
        route(
            "POST",
            "/members/import",
            Policy(Action::ManageMembers, T::None),
            post(upload),
        ),
        route(
            "POST",
            "/members/import/{id}/confirm",
            Policy(Action::ManageMembers, T::None),
            post(confirm),
        ),
        route(
            "GET",
            "/members/import/{id}/rejected",
            Policy(Action::ManageMembers, T::None),
            get(rejected),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staged(user_id: i64, size: usize) -> Upload {
        Upload {
            user_id,
            at: Instant::now(),
            bytes: axum::body::Bytes::from(vec![b'x'; size]),
            on_existing: OnExisting::Report,
            stage: Stage::Previewed,
            summary: Summary::default(),
        }
    }

    #[test]
    fn staged_uploads_are_bounded_per_user_and_in_all() {
        let uploads = Uploads::default();
        let mib = 1024 * 1024;
        uploads.put("a1".into(), staged(1, mib));
        uploads.put("a2".into(), staged(1, mib));
        uploads.put("a3".into(), staged(1, mib));
        // Two per user: the oldest went.
        assert!(uploads.with("a1", 1, |_| ()).is_none());
        assert!(uploads.with("a2", 1, |_| ()).is_some());
        assert!(uploads.with("a3", 1, |_| ()).is_some());
        // Another user cannot reach them.
        assert!(uploads.with("a3", 2, |_| ()).is_none());
        // 64 MiB in all: three 20 MiB files from three users leave room for the next only
        // by dropping the oldest.
        for user in 2..=4 {
            uploads.put(format!("b{user}"), staged(user, 20 * mib));
        }
        assert_eq!(uploads.staged_bytes(), 62 * mib);
        uploads.put("b5".into(), staged(5, 20 * mib));
        assert!(uploads.staged_bytes() <= STAGED_BYTES);
        assert!(
            uploads.with("a2", 1, |_| ()).is_none(),
            "the oldest went first"
        );
        assert!(uploads.with("b5", 5, |_| ()).is_some());
    }
}
