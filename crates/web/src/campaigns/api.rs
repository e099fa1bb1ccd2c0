//! The campaigns API: JSON over the same use cases as the pages.

use super::pages::{
    CampaignInput, PageQuery, Reopen, close_campaign, create_campaign, reopen_campaign,
};
use crate::access::Loaded;
use crate::committed::Committed;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::Confirm;
use crate::input::parse_json;
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tanzim_domain::policy::Action;
use tanzim_store::Page;
use tanzim_store::campaigns::{self, Campaign, Payment};

#[derive(Serialize, utoipa::ToSchema)]
pub struct CampaignDetail {
    #[serde(flatten)]
    pub campaign: Campaign,
    pub categories: Vec<CategoryDoc>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CategoryDoc {
    pub key: String,
    pub label: String,
    /// Centimes of a dirham.
    pub amount: i64,
}

pub(super) async fn detail(state: &AppState, c: Campaign) -> Result<CampaignDetail, AppError> {
    let categories = campaigns::categories(&state.db, c.id)
        .await?
        .into_iter()
        .map(|k| CategoryDoc {
            key: k.key,
            label: k.label,
            amount: k.amount,
        })
        .collect();
    Ok(CampaignDetail {
        campaign: c,
        categories,
    })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CampaignList {
    pub items: Vec<Campaign>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Campaigns in the caller's scope.
#[utoipa::path(get, path = "/api/v1/campaigns", tag = "campaigns", params(("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = CampaignList), BadRequest, Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<PageQuery>,
) -> Result<Json<CampaignList>, AppError> {
    let p = campaigns::list(
        &state.db,
        &crate::access::scope_for(&user, Action::ViewCampaigns),
        Page::new(q.page, q.page_size),
    )
    .await?;
    Ok(Json(CampaignList {
        items: p.items,
        total: p.total,
        page: p.page,
        page_size: p.page_size,
    }))
}

/// Launches a campaign.
#[utoipa::path(post, path = "/api/v1/campaigns", tag = "campaigns", request_body = CampaignInput,
    responses((status = 201, body = CampaignDetail), BadRequest, Unauthenticated, Forbidden, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: CampaignInput = parse_json(&body)?;
    let id = create_campaign(&state, &ctx, &user, &input)
        .await
        .map_err(|errors| {
            if errors.iter().any(|e| e.code == "campaign-exists") {
                AppError::Conflict("campaign-exists")
            } else {
                AppError::first_invalid(errors)
            }
        })?;
    Ok(answer(&state, Committed::created(id), id).await)
}

/// The answer to a committed write of the campaign `id`: the campaign as it now stands.
async fn answer(state: &AppState, committed: Committed, id: i64) -> Response {
    committed
        .at(format!("/api/v1/campaigns/{id}"))
        .json(|| async {
            let c = campaigns::get(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            detail(state, c).await
        })
        .await
}

/// One campaign with its dues schedule.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}", tag = "campaigns", params(("id" = i64, Path)),
    responses((status = 200, body = CampaignDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    Loaded(campaign): Loaded<Campaign>,
) -> Result<Json<CampaignDetail>, AppError> {
    let c = campaign.into_inner();
    Ok(Json(detail(&state, c).await?))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Closed {
    /// `closed`, or `closing` while its members still lapse (the campaign's `lapsed_count`
    /// counts them; it is `closed` when done).
    pub status: &'static str,
    /// Members who lapsed (so far, while closing).
    pub lapsed: i64,
    /// The job that closes it: `/api/v1/jobs/{job}` shows its progress.
    pub job: i64,
}

/// Closes a campaign: payments stop, and in the yearly model members not renewed lapse, a
/// batch at a time. Answers 200 when the close is done, 202 while it goes on (a national
/// close takes longer than a request; `Location` is the close's job, with its progress).
/// Body `{"confirm": "true"}`.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/close", tag = "campaigns", params(("id" = i64, Path)), request_body = Confirm,
    responses((status = 200, body = Closed), (status = 202, body = Closed), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_close(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Campaign>,
    body: Bytes,
) -> Result<Response, AppError> {
    parse_json::<Confirm>(&body)?.check()?;
    let id = c.id;
    let closing = close_campaign(&state, &ctx, &user, &c).await?;
    let job = closing.job;
    Ok(match closing.lapsed {
        Some(lapsed) => Json(Closed {
            status: "closed",
            lapsed,
            job,
        })
        .into_response(),
        None => {
            Committed::new(StatusCode::ACCEPTED, id)
                .at(format!("/api/v1/jobs/{job}"))
                .json(|| async {
                    let so_far = campaigns::get(&state.db, id)
                        .await?
                        .and_then(|c| c.lapsed_count);
                    Ok(Closed {
                        status: "closing",
                        lapsed: so_far.unwrap_or(0),
                        job,
                    })
                })
                .await
        }
    })
}

/// Reopens a closed campaign or extends an open one.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/reopen", tag = "campaigns", params(("id" = i64, Path)), request_body = Reopen,
    responses((status = 200, body = CampaignDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_reopen(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Campaign>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = c.id;
    let input: Reopen = parse_json(&body)?;
    reopen_campaign(&state, &ctx, &user, &c, &input).await?;
    Ok(answer(&state, Committed::ok(id), id).await)
}

/// One payment.
#[utoipa::path(get, path = "/api/v1/payments/{id}", tag = "payments", params(("id" = i64, Path)),
    responses((status = 200, body = Payment), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_payment(
    Loaded(found): Loaded<tanzim_commands::access::PaymentOf>,
) -> Result<Json<Payment>, AppError> {
    // The route loaded it as visible as its member.
    Ok(Json(found.into_inner().payment))
}
