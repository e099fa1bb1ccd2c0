//! A job's page (its progress bar refreshes over htmx while it runs), its cancel and its
//! one download, and the jobs API. A job is its owner's alone: anyone else gets 404.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_form;
use crate::problems::{BadRequest, Conflict, NotFound, Unauthenticated};
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::jobs::{self, JobView};
use tanzim_domain::jobs::{JobKind, JobState};

/// A job as the API shows it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct JobJson {
    pub id: i64,
    /// `member-export`, `member-import` or `campaign-close`.
    pub kind: String,
    /// queued, running, done, failed, cancelled.
    pub state: String,
    pub done: i64,
    pub total: Option<i64>,
    pub percent: Option<i64>,
    /// Rows a second.
    pub rate: Option<i64>,
    pub seconds_left: Option<i64>,
    pub error: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
    /// The page that downloads the file (a browser session with its password typed in the
    /// last ten minutes), once, while it is there.
    pub download: Option<String>,
}

fn json(v: &JobView) -> JobJson {
    JobJson {
        id: v.job.id,
        kind: v.job.kind.clone(),
        state: v.state.as_str().to_owned(),
        done: v.progress.done,
        total: v.progress.total,
        percent: v.progress.percent,
        rate: v.progress.rate,
        seconds_left: v.progress.seconds_left,
        error: v.job.error.clone(),
        created_at: v.job.created_at,
        finished_at: v.job.finished_at,
        download: v
            .downloadable()
            .then(|| format!("/jobs/{}/download", v.job.id)),
    }
}

#[derive(Template)]
#[template(path = "job.html")]
struct JobPage {
    layout: Layout,
    id: i64,
    state_key: &'static str,
    state: String,
    open: bool,
    percent: i64,
    /// "1,200 of 20,000 · 800 a second · 18 s left", in the user's language.
    figures: String,
    error: Option<String>,
    downloadable: bool,
    downloaded: bool,
    expired: bool,
    cancellable: bool,
    /// The cancel button's message.
    cancel_key: String,
    /// Where the page leads back, and what that link says.
    back: (String, &'static str),
}

/// How pages name a job of each kind: the prefix of its messages (`{prefix}-title`,
/// `{prefix}-state-done`, `{prefix}-ready`...) and where its page leads back.
pub(crate) fn kind_of(v: &JobView) -> (&'static str, (String, &'static str)) {
    let on = |prefix: &str| {
        v.job
            .subject
            .strip_prefix(prefix)
            .unwrap_or_default()
            .to_owned()
    };
    match JobKind::parse(&v.job.kind) {
        Some(JobKind::MemberImport) => (
            "job-import",
            (
                format!("/members/import/{}", on("import-")),
                "job-back-import",
            ),
        ),
        Some(JobKind::CampaignClose) => (
            "job-close",
            (
                format!("/campaigns/{}", on("campaign-")),
                "job-back-campaign",
            ),
        ),
        Some(JobKind::MemberExport) | None => ("job", ("/members".to_owned(), "export-back")),
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let v = jobs::get(&state.app(), &user.actor(&ctx), id).await?;
    let p = v.progress;
    let mut figures = match p.total {
        Some(total) => ctx.tr.with(
            "job-done-of",
            &[
                ("done", &ctx.tr.number(p.done)),
                ("total", &ctx.tr.number(total)),
            ],
        ),
        None => ctx.tr.with("job-done", &[("done", &ctx.tr.number(p.done))]),
    };
    if v.state.is_open() {
        if let Some(rate) = p.rate {
            figures.push_str(" · ");
            figures.push_str(&ctx.tr.count("job-rate", rate));
        }
        if let Some(left) = p.seconds_left {
            figures.push_str(" · ");
            figures.push_str(&ctx.tr.count("job-seconds-left", left));
        }
    }
    let state_key = v.state.as_str();
    let (prefix, back) = kind_of(&v);
    Ok(views::html(JobPage {
        layout: Layout::new(&state, &ctx, &format!("{prefix}-title")),
        id,
        state_key,
        state: ctx.tr.t(&format!("{prefix}-state-{state_key}")),
        cancellable: v.cancellable(),
        cancel_key: format!("{prefix}-cancel"),
        back,
        open: v.state.is_open(),
        percent: p.percent.unwrap_or(0),
        figures,
        error: v.job.error.clone(),
        downloadable: v.downloadable(),
        downloaded: v.job.downloaded_at.is_some(),
        expired: prefix == "job"
            && v.state == JobState::Done
            && v.job.file.is_none()
            && v.job.downloaded_at.is_none(),
    }))
}

#[derive(Deserialize)]
struct CancelForm {}

pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let _: CancelForm = parse_form(&body)?;
    jobs::cancel(&state.app(), &user.actor(&ctx), id).await?;
    Ok(Redirect::to(&format!("/jobs/{id}")).into_response())
}

/// The job's file, once (see `jobs::download`), streamed from the disk.
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    crate::reauth::require_fresh_password(&user, &ctx.path)?;
    let d = jobs::download(
        &state.app(),
        &user.actor(&ctx),
        id,
        &state.config.jobs_dir(),
    )
    .await?;
    let file = tokio::fs::File::open(&d.path)
        .await
        .map_err(|e| AppError::Internal(format!("the job's file: {e}")))?;
    let length = file.metadata().await.map(|m| m.len()).ok();
    let mut response = (
        [
            (header::CONTENT_TYPE, d.content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", d.file_name),
            ),
        ],
        Body::from_stream(tokio_util::io::ReaderStream::new(file)),
    )
        .into_response();
    if let Some(n) = length
        && let Ok(v) = header::HeaderValue::from_str(&n.to_string())
    {
        response.headers_mut().insert(header::CONTENT_LENGTH, v);
    }
    Ok(response)
}

/// The caller's jobs, the newest first (twenty).
#[utoipa::path(get, path = "/api/v1/jobs", tag = "jobs",
    responses((status = 200, body = Vec<JobJson>), Unauthenticated), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Json<Vec<JobJson>>, AppError> {
    let mine = jobs::mine(&state.app(), &user.actor(&ctx), 20).await?;
    Ok(Json(mine.iter().map(json).collect()))
}

/// One of the caller's jobs, with its progress.
#[utoipa::path(get, path = "/api/v1/jobs/{id}", tag = "jobs", params(("id" = i64, Path)),
    responses((status = 200, body = JobJson), BadRequest, Unauthenticated, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<JobJson>, AppError> {
    Ok(Json(json(
        &jobs::get(&state.app(), &user.actor(&ctx), id).await?,
    )))
}

/// Cancels one of the caller's jobs that has not ended (409 `job-ended` otherwise).
#[utoipa::path(post, path = "/api/v1/jobs/{id}/cancel", tag = "jobs", params(("id" = i64, Path)),
    responses((status = 200, body = JobJson), BadRequest, Unauthenticated, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let app = state.app();
    let actor = user.actor(&ctx);
    jobs::cancel(&app, &actor, id).await?;
    Ok(crate::committed::Committed::ok(id)
        .at(format!("/api/v1/jobs/{id}"))
        .json(|| async { Ok(json(&jobs::get(&app, &actor, id).await?)) })
        .await)
}

pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, fresh_password, route};
    use axum::routing::{get, post};
    vec![
        route("GET", "/jobs/{id}", SignedIn, get(page)),
        route("POST", "/jobs/{id}/cancel", SignedIn, post(cancel)),
        fresh_password(route("GET", "/jobs/{id}/download", SignedIn, get(download))),
        route("GET", "/api/v1/jobs", SignedIn, get(api_list)),
        route("GET", "/api/v1/jobs/{id}", SignedIn, get(api_get)),
        route(
            "POST",
            "/api/v1/jobs/{id}/cancel",
            SignedIn,
            post(api_cancel),
        ),
    ]
}
