//! The API of disciplinary cases: JSON over the same use cases as the pages.

use super::cases::*;
use crate::access::Loaded;
use crate::access::found;
use crate::committed::Committed;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_json;
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use serde::Serialize;
use tanzim_domain::policy::Action;
use tanzim_store::Paged;
use tanzim_store::bodies::Body;
use tanzim_store::discipline::{self as store, Case, Document, Hearing};

#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseList {
    pub items: Vec<Case>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

impl From<Paged<Case>> for CaseList {
    fn from(p: Paged<Case>) -> Self {
        CaseList {
            items: p.items,
            total: p.total,
            page: p.page,
            page_size: p.page_size,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub case: Case,
    pub hearings: Vec<Hearing>,
    pub documents: Vec<Document>,
}

pub(super) async fn detail(state: &AppState, id: i64) -> Result<CaseDetail, AppError> {
    Ok(CaseDetail {
        case: store::get(&state.db, id).await?.ok_or(AppError::NotFound)?,
        hearings: store::hearings(&state.db, id).await?,
        documents: store::documents(&state.db, id).await?,
    })
}

/// The answer to a committed write of the case `id`: the case as it now stands.
async fn answer(state: &AppState, committed: Committed, id: i64) -> Response {
    committed
        .at(format!("/api/v1/cases/{id}"))
        .json(|| detail(state, id))
        .await
}

/// The disciplinary cases in the caller's scope, open ones first.
#[utoipa::path(get, path = "/api/v1/cases", tag = "discipline",
    params(("member" = Option<i64>, Query, description = "only this member's cases"),
           ("status" = Option<String>, Query, description = "open or decided"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = CaseList), BadRequest, Unauthenticated, Forbidden, Invalid), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Json<CaseList>, AppError> {
    Ok(Json(list(&state, &user, None, &q, None).await?.into()))
}

/// A body's disciplinary cases.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/cases", tag = "discipline", params(("id" = i64, Path),
           ("status" = Option<String>, Query, description = "open or decided"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = CaseList), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_body_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Loaded(body): Loaded<tanzim_store::bodies::Body>,
    Query(q): Query<ListQuery>,
) -> Result<Json<CaseList>, AppError> {
    let b = body.into_inner();
    Ok(Json(
        list(&state, &user, Some(b.id), &q, None).await?.into(),
    ))
}

/// Opens a case about a member before the body's ethics committee (409 when the body has
/// none).
#[utoipa::path(post, path = "/api/v1/bodies/{id}/cases", tag = "discipline", params(("id" = i64, Path)), request_body = OpenCase,
    responses((status = 201, body = CaseDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_open(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: OpenCase = parse_json(&body)?;
    let cid = open_case(&state, &ctx, &user, &b, &input).await?;
    Ok(answer(&state, Committed::created(cid), cid).await)
}

/// A case with its hearings and documents (the read is audited).
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "discipline", params(("id" = i64, Path)),
    responses((status = 200, body = CaseDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<CaseDetail>, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ViewCases, id)
        .await?
        .into_inner();
    audit_read(&state, &ctx, &user, &c).await?;
    Ok(Json(detail(&state, c.id).await?))
}

/// Records a hearing of an open case.
#[utoipa::path(post, path = "/api/v1/cases/{id}/hearings", tag = "discipline", params(("id" = i64, Path)), request_body = HearingInput,
    responses((status = 201, body = CaseDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_hearing(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: HearingInput = parse_json(&body)?;
    add_hearing(&state, &ctx, &user, &c, &input).await?;
    Ok(answer(&state, Committed::created(c.id), c.id).await)
}

/// Files a document in an open case (multipart: `title`, `file`).
#[utoipa::path(post, path = "/api/v1/cases/{id}/documents", tag = "discipline", params(("id" = i64, Path)),
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = Document), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_document(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let did = add_document(&state, &ctx, &user, &c, request).await?;
    let answer = Committed::created(did).at(format!("/api/v1/cases/{}/documents/{did}", c.id));
    Ok(answer
        .json(|| async {
            store::documents(&state.db, c.id)
                .await?
                .into_iter()
                .find(|d| d.id == did)
                .ok_or(AppError::NotFound)
        })
        .await)
}

/// A document's bytes, as an attachment with its stored content type (the download is
/// audited).
#[utoipa::path(get, path = "/api/v1/cases/{id}/documents/{document_id}", tag = "discipline",
    params(("id" = i64, Path), ("document_id" = i64, Path)),
    responses((status = 200, description = "The document, as an attachment"), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_download(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, document_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    download(&state, &ctx, &user, id, document_id).await
}

/// Decides an open case. A suspension or an expulsion changes the member's status in the
/// same transaction (their history names the case) and needs `"confirm": true`; a second
/// decision is 409.
#[utoipa::path(post, path = "/api/v1/cases/{id}/decision", tag = "discipline", params(("id" = i64, Path)), request_body = CaseDecisionInput,
    responses((status = 200, body = CaseDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_decide(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: CaseDecisionInput = parse_json(&body)?;
    let checked = check_decision(&state, &c, &input).await?;
    if checked.outcome.changes_status() && !input.confirm {
        return Err(AppError::BadRequest("confirmation-required"));
    }
    record_decision(&state, &ctx, &user, &c, &checked).await?;
    Ok(answer(&state, Committed::ok(c.id), c.id).await)
}

// ---- pages ----
