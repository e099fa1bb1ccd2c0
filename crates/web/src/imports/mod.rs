//! Importing a roll from the browser: upload, a preview of the rows and of every rejected
//! line, then confirmation; the rejected rows download as a file to fix and import again.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::state::{AppState, today};
use crate::views::{self, Layout};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::time::Instant;
use tanzim_domain::policy::{Action, Decision, decide_member, scopes_for};
use tanzim_domain::territory::TerritoryPath;
use tanzim_reports::import::{self, Roll};
use tanzim_reports::roll::{self, Options, Summary};
use tanzim_store::imports::OnExisting;

pub(crate) mod staged;
pub use staged::Uploads;
use staged::{Stage, Upload};

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

pub async fn form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
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
    let party = state.profile.party_key();
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
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
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
