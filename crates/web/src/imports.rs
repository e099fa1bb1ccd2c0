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
use tanzim_domain::policy::{Action, decide, scopes_for};
use tanzim_domain::territory::TerritoryPath;
use tanzim_reports::import::{self, Roll};
use tanzim_reports::roll::{self, Options, Summary};
use tanzim_store::imports::OnExisting;

/// Uploaded rolls waiting for confirmation, an hour at most, each visible to its uploader only.
#[derive(Default)]
pub struct Uploads(Mutex<HashMap<String, Upload>>);

struct Upload {
    user_id: i64,
    at: Instant,
    roll: Roll,
    on_existing: OnExisting,
    /// The last report (preview, then result), for the rejected rows' file.
    summary: Summary,
}

impl Uploads {
    fn put(&self, id: String, upload: Upload) {
        if let Ok(mut map) = self.0.lock() {
            map.retain(|_, u| u.at.elapsed() < Duration::from_secs(3600));
            map.insert(id, upload);
        }
    }
    fn with<T>(&self, id: &str, user_id: i64, f: impl FnOnce(&mut Upload) -> T) -> Option<T> {
        let mut map = self.0.lock().ok()?;
        map.get_mut(id).filter(|u| u.user_id == user_id).map(f)
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
                    ],
                )
            })
            .unwrap_or_default(),
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
    let options = Options {
        on_existing,
        dry_run,
        actor: user.username(),
        actor_id: Some(user.id()),
        token: &crate::auth::random_token,
        scope: Some(&inside),
        today: today(),
    };
    Ok(roll::import_roll(&state.db, &state.profile, roll, &options).await?)
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
    let mut bytes = Vec::new();
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
                .map_err(|_| AppError::BadRequest("body-too-large"))?
                .to_vec();
        } else if name == "on_existing" && field.text().await.unwrap_or_default() == "update" {
            on_existing = OnExisting::Update;
        }
    }
    let roll = match import::read(&bytes, &HashMap::new()) {
        Ok(r) => r,
        Err(e) => {
            let message = match e {
                import::ImportError::UnknownColumn(c) => {
                    ctx.tr.with("import-unknown-column", &[("column", &c)])
                }
                import::ImportError::NoCin => ctx.tr.t("import-no-cin"),
                _ => ctx.tr.t("import-unreadable"),
            };
            let mut response = page(
                &state,
                &ctx,
                String::new(),
                None,
                None,
                false,
                Some(message),
            );
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
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
    state.uploads.put(
        id,
        Upload {
            user_id: user.id(),
            at: Instant::now(),
            roll,
            on_existing,
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
    // Take the roll out while importing (the lock is not held across the import).
    let taken = state.uploads.with(&id, user.id(), |u| {
        (
            std::mem::replace(
                &mut u.roll,
                Roll {
                    headers: Vec::new(),
                    separator: b',',
                    rows: Vec::new(),
                },
            ),
            u.on_existing,
        )
    });
    // An unknown id is an upload that expired (or another user's): upload again.
    let (roll, on_existing) = taken.ok_or(AppError::BadRequest("import-expired"))?;
    if roll.rows.is_empty() {
        return Err(AppError::Conflict("import-done"));
    }
    let summary = run(&state, &user, &roll, on_existing, false).await?;
    let response = page(&state, &ctx, id.clone(), None, Some(&summary), true, None);
    state.uploads.with(&id, user.id(), |u| {
        u.summary = summary;
        u.roll = Roll {
            headers: roll.headers.clone(),
            separator: roll.separator,
            rows: Vec::new(),
        };
        u.roll.rows = roll.rows;
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
    let csv = state
        .uploads
        .with(&id, user.id(), |u| {
            import::rejected_csv(&u.roll, &u.summary.rejected)
        })
        .ok_or(AppError::BadRequest("import-expired"))?;
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
