//! Importing a roll from the browser: upload, a preview of the rows and of every rejected
//! line, then confirmation; the rejected rows download as a file to fix and import again.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use std::time::Duration;
use tanzim_commands::import_mappings;
use tanzim_commands::imports;
use tanzim_domain::jobs::ExportFormat;
use tanzim_reports::import;
use tanzim_store::imports::OnExisting;

pub(crate) mod staged;
pub use staged::Uploads;

mod page;
use page::{Mapped, Shown, page};

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
    let actor = user.actor(&ctx);
    // The columns the user mapped by hand before are read so again.
    let mapping = import_mappings::remembered(&state.app(), &actor).await?;
    let mut opened = match state.uploads.open(bytes, mapping.clone()).await? {
        Ok(r) => r,
        Err(e) => return Ok(unreadable(&state, &ctx, e)),
    };
    let rows = &mut opened.rows;
    let staged = imports::stage(&state.app(), &actor, rows, on_existing, &hash, &mapping).await?;
    match staged {
        Ok(s) => Ok(preview(&state, &ctx, s)),
        Err(e) => Ok(unreadable(&state, &ctx, e)),
    }
}

/// The preview of a staged roll: what its import will do, its first rows, and the
/// mapping step.
fn preview(state: &AppState, ctx: &Ctx, staged: imports::Staged) -> Response {
    let shown = Shown::preview(&staged.preview);
    let mapped = Mapped {
        headers: &staged.headers,
        fields: &staged.fields,
        first_rows: &staged.first_rows,
    };
    page(
        state,
        ctx,
        staged.token.clone(),
        Some(mapped),
        Some(&shown),
        None,
    )
}

/// The mapping step: the staged roll read again with the columns the user chose (one
/// `field` a column, in order), previewed again; the choices are remembered.
pub async fn remap(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(token): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let pairs: Vec<(String, String)> = crate::input::parse_form(&body)?;
    let fields: Vec<String> = pairs
        .into_iter()
        .filter(|(name, _)| name == "field")
        .map(|(_, value)| value)
        .collect();
    let actor = user.actor(&ctx);
    let staged = import_mappings::remap(&state.app(), &actor, &token, &fields)
        .await
        .map_err(expired)?;
    match staged {
        Ok(s) => Ok(preview(&state, &ctx, s)),
        Err(e) => Ok(unreadable(&state, &ctx, e)),
    }
}

/// The sample roll, with the accepted headers (Arabic), as a workbook or a CSV.
async fn sample(user: CurrentUser, ctx: Ctx, format: ExportFormat) -> Result<Response, AppError> {
    let (bytes, name) = import_mappings::sample(&user.actor(&ctx), format)?;
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub async fn sample_xlsx(ctx: Ctx, user: CurrentUser) -> Result<Response, AppError> {
    sample(user, ctx, ExportFormat::Xlsx).await
}

pub async fn sample_csv(ctx: Ctx, user: CurrentUser) -> Result<Response, AppError> {
    sample(user, ctx, ExportFormat::Csv).await
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
            "POST",
            "/members/import/{id}/mapping",
            Policy(Action::ManageMembers, T::None),
            post(remap),
        ),
        route(
            "GET",
            "/members/import/sample.xlsx",
            Policy(Action::ManageMembers, T::None),
            get(sample_xlsx),
        ),
        route(
            "GET",
            "/members/import/sample.csv",
            Policy(Action::ManageMembers, T::None),
            get(sample_csv),
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
