//! Importing a roll from the browser: upload, a preview of the rows and of every rejected
//! line, then confirmation; the rejected rows download as a file to fix and import again.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use std::time::Duration;
use tanzim_commands::imports::{self, ImportView};
use tanzim_reports::import;
use tanzim_reports::roll::{Summary, counts_line};
use tanzim_store::imports::OnExisting;

pub(crate) mod staged;
pub use staged::Uploads;

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    layout: Layout,
    /// The staged roll's token (empty on the upload form).
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
    /// The job importing it, while it runs.
    importing: Option<i64>,
    error: Option<String>,
}

/// What a page says of an import: its figures and the first rows refused.
struct Shown {
    counts: [u64; 6],
    rejected: Vec<(u64, String)>,
    done: bool,
    importing: Option<i64>,
}

impl Shown {
    fn preview(s: &Summary) -> Shown {
        let rejected = s.rejected.iter().take(50).cloned().collect();
        Shown {
            counts: [
                s.imported,
                s.updated,
                s.rejected.len() as u64,
                s.review,
                s.referred,
                s.unchanged,
            ],
            rejected,
            done: false,
            importing: None,
        }
    }

    fn of(v: &ImportView) -> Shown {
        let t = &v.tally;
        Shown {
            counts: [
                t.imported,
                t.updated,
                t.rejected,
                t.review,
                t.referred,
                t.unchanged,
            ],
            rejected: v.refused.clone(),
            done: v.is_done(),
            importing: v
                .job
                .as_ref()
                .filter(|j| j.state.is_open())
                .map(|j| j.job.id),
        }
    }
}

/// The file's header and its first rows, as the preview shows them.
type FirstRows<'a> = (&'a [String], &'a [Vec<String>]);

fn page(
    state: &AppState,
    ctx: &Ctx,
    upload_id: String,
    roll: Option<FirstRows<'_>>,
    shown: Option<&Shown>,
    error: Option<String>,
) -> Response {
    let sentence = |s: &Shown| {
        let key = if s.done {
            "import-summary-done"
        } else {
            "import-summary-preview"
        };
        let [imported, updated, rejected, review, referred, _] =
            s.counts.map(|n| ctx.tr.number(n as i64));
        ctx.tr.with(
            key,
            &[
                ("imported", &imported),
                ("updated", &updated),
                ("rejected", &rejected),
                ("review", &review),
                ("referred", &referred),
            ],
        )
    };
    views::html(ImportPage {
        layout: Layout::new(state, ctx, "import-title"),
        upload_id,
        headers: roll.map(|r| r.0.to_vec()).unwrap_or_default(),
        preview: roll.map(|r| r.1.to_vec()).unwrap_or_default(),
        rejected: shown
            .map(|s| {
                s.rejected
                    .iter()
                    .map(|(l, r)| (*l, ctx.tr.t(&format!("error-{r}"))))
                    .collect()
            })
            .unwrap_or_default(),
        summary: shown
            .map(|s| {
                let [a, b, c, d, e, f] = s.counts;
                counts_line([a, b, c], [d, e, f])
            })
            .unwrap_or_default(),
        sentence: shown.map(sentence).unwrap_or_default(),
        referred: shown.map(|s| s.counts[4]).unwrap_or(0),
        done: shown.is_some_and(|s| s.done),
        importing: shown.and_then(|s| s.importing),
        error,
    })
}

pub async fn form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    Ok(page(&state, &ctx, String::new(), None, None, None))
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
    let mut response = page(state, ctx, String::new(), None, None, Some(message));
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    response
}

/// Reads the upload, checks it and stages it: the page shows what an import would do,
/// writing no member yet.
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
    let hash = imports::file_hash(&bytes);
    let mut opened = match state.uploads.open(bytes).await? {
        Ok(r) => r,
        Err(e) => return Ok(unreadable(&state, &ctx, e)),
    };
    let rows = &mut opened.rows;
    let actor = user.actor(&ctx);
    let staged = imports::stage(
        &state.app(),
        &actor,
        rows,
        on_existing,
        &hash,
        &HashMap::new(),
    )
    .await?;
    let staged = match staged {
        Ok(s) => s,
        Err(e) => return Ok(unreadable(&state, &ctx, e)),
    };
    let shown = Shown::preview(&staged.preview);
    let first = (rows.headers.as_slice(), staged.first_rows.as_slice());
    Ok(page(
        &state,
        &ctx,
        staged.token,
        Some(first),
        Some(&shown),
        None,
    ))
}

/// How long a confirmation waits for its import before sending the user to the job's
/// page (it goes on, whatever happens to the request).
const IMPORT_WAIT: Duration = Duration::from_secs(5);

/// Confirms a staged roll: its import runs as a job; the result when it ends within a few
/// seconds, the job's page (its progress) otherwise.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let actor = user.actor(&ctx);
    let (job, ended) = imports::confirm_within(&state.app(), &actor, &token, IMPORT_WAIT)
        .await
        .map_err(expired)?;
    if !ended {
        return Ok(Redirect::to(&format!("/jobs/{job}")).into_response());
    }
    result(State(state), ctx, user, Path(token)).await
}

/// A staged roll that is not the user's, or no longer there, has expired: upload it again.
fn expired(e: tanzim_commands::Error) -> AppError {
    match e {
        tanzim_commands::Error::NotFound => AppError::BadRequest("import-expired"),
        e => AppError::from(e),
    }
}

/// Where an import is: its figures so far (or at its end) and the rows it refused.
pub async fn result(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let view = imports::view(&state.app(), &user.actor(&ctx), &token)
        .await
        .map_err(expired)?;
    let shown = Shown::of(&view);
    Ok(page(&state, &ctx, token, None, Some(&shown), None))
}

/// The rejected rows with their line and reason, to fix and import again.
pub async fn rejected(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let csv = imports::rejected_csv(&state.app(), &user.actor(&ctx), &token)
        .await
        .map_err(expired)?;
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
            "/members/import/{id}",
            Policy(Action::ManageMembers, T::None),
            get(result),
        ),
        route(
            "GET",
            "/members/import/{id}/rejected",
            Policy(Action::ManageMembers, T::None),
            get(rejected),
        ),
    ]
}
