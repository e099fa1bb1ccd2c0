//! The applications API: JSON over the same use cases as the officers' pages.

use super::officers::{QueueQuery, Rejection, status_filter};
use crate::access::Loaded;
use crate::access::found;
use crate::committed::Committed;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_json;
use crate::members::PersonInputDoc;
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands as commands;
use tanzim_commands::applications::Submission;
use tanzim_domain::policy::Action;
use tanzim_store::Page;
use tanzim_store::applications::{self, Application};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApplicationList {
    pub items: Vec<Application>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Applications in the caller's scope (`status`: pending by default, accepted, rejected, all).
#[utoipa::path(get, path = "/api/v1/applications", tag = "applications",
    params(("status" = Option<String>, Query), ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = ApplicationList), BadRequest, Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<QueueQuery>,
) -> Result<Json<ApplicationList>, AppError> {
    let scope = crate::access::scope_for(&user, Action::ViewApplications);
    let p = applications::list(
        &state.db,
        &scope,
        status_filter(q.status.as_deref()),
        Page::new(q.page, q.page_size),
    )
    .await?;
    Ok(Json(ApplicationList {
        items: p.items,
        total: p.total,
        page: p.page,
        page_size: p.page_size,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ApplicationInput {
    #[serde(flatten)]
    pub person: PersonInputDoc,
    #[serde(default)]
    pub consent_contact: bool,
    #[serde(default)]
    pub consent_public: bool,
}

/// Enters an application on someone's behalf.
#[utoipa::path(post, path = "/api/v1/applications", tag = "applications", request_body = ApplicationInput,
    responses((status = 201, body = Application), BadRequest, Unauthenticated, Forbidden, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: ApplicationInput = parse_json(&body)?;
    let submission = Submission {
        person: input.person.into_input(),
        consent: true,
        consent_contact: input.consent_contact,
        consent_public: input.consent_public,
    };
    let id = commands::applications::enter(&state.app(), &user.actor(&ctx), &submission)
        .await?
        .id;
    Ok(answer(&state, Committed::created(id), id).await)
}

/// The answer to a committed write of the application `id`: the application as it now
/// stands.
async fn answer(state: &AppState, committed: Committed, id: i64) -> Response {
    committed
        .at(format!("/api/v1/applications/{id}"))
        .json(|| async {
            applications::get(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)
        })
        .await
}

/// One application.
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "applications", params(("id" = i64, Path)),
    responses((status = 200, body = Application), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<Application>, AppError> {
    let a = found::<Application>(&state, &ctx, &user, Action::ViewApplications, id)
        .await?
        .into_inner();
    tanzim_commands::reads::record(
        &state.app(),
        &user.actor(&ctx),
        tanzim_commands::reads::Read::Application(&a),
    )
    .await?;
    Ok(Json(a))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Accepted {
    pub member_id: i64,
}

/// Accepts an application (membership committee): creates the member.
#[utoipa::path(post, path = "/api/v1/applications/{id}/accept", tag = "applications", params(("id" = i64, Path)),
    responses((status = 201, body = Accepted), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_accept(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<Application>,
) -> Result<Response, AppError> {
    let member_id = commands::applications::accept(&state.app(), &user.actor(&ctx), &a).await?;
    Ok((StatusCode::CREATED, Json(Accepted { member_id })).into_response())
}

/// Rejects an application with a reason (membership committee).
#[utoipa::path(post, path = "/api/v1/applications/{id}/reject", tag = "applications", params(("id" = i64, Path)), request_body = Rejection,
    responses((status = 200, body = Application), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_reject(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<Application>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: Rejection = parse_json(&body)?;
    commands::applications::reject(&state.app(), &user.actor(&ctx), &a, &input.reason).await?;
    Ok(answer(&state, Committed::ok(a.id), a.id).await)
}
