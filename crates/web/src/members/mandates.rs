//! A member's public mandates through the API: listed with the incompatible pairs,
//! recorded, ended.

use crate::access::Loaded;
use crate::committed::Committed;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_json;
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::mandates as cases;
use tanzim_domain::mandates::MandateInput;
use tanzim_store::mandates::Mandate;
use tanzim_store::members::Member;

/// A member's mandates, the latest first, and the pairs of them the profile's table of
/// incompatibilities forbids one person to hold at once (by id).
#[derive(Serialize, utoipa::ToSchema)]
pub struct MandatesView {
    pub mandates: Vec<Mandate>,
    pub incompatible: Vec<(i64, i64)>,
}

async fn view(
    state: &AppState,
    m: &tanzim_commands::Found<Member>,
) -> Result<MandatesView, AppError> {
    let v = cases::of_member(&state.app(), m).await?;
    Ok(MandatesView {
        mandates: v.mandates,
        incompatible: v.incompatible,
    })
}

/// A member's public mandates.
#[utoipa::path(get, path = "/api/v1/members/{id}/mandates", tag = "members", params(("id" = i64, Path)),
    responses((status = 200, body = MandatesView), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_mandates(
    State(state): State<AppState>,
    Loaded(m): Loaded<Member>,
) -> Result<Json<MandatesView>, AppError> {
    Ok(Json(view(&state, &m).await?))
}

/// A mandate as recorded: its kind (from the profile), dates, seat, and the party body
/// the official reports to.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct MandateBody {
    /// A kind key of the profile's `[mandates]` (`commune_president`, `representative`…).
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    #[schema(format = Date)]
    pub starts_on: String,
    /// Empty while it runs.
    #[serde(default)]
    #[schema(format = Date)]
    pub ends_on: String,
    /// The seat's territory code (commune, province, region) where the kind has one.
    #[serde(default)]
    pub territory: String,
    /// House of Representatives: `local` or `regional`.
    #[serde(default)]
    pub list: String,
    /// House of Councillors' college, or the professional chamber.
    #[serde(default)]
    pub body: String,
    /// A vice-president's rank (1 for the first).
    pub rank: Option<u32>,
    #[serde(default)]
    pub election: String,
    /// The party body the official reports to.
    pub body_id: Option<i64>,
}

/// Records a mandate on the member's file.
#[utoipa::path(post, path = "/api/v1/members/{id}/mandates", tag = "members", params(("id" = i64, Path)), request_body = MandateBody,
    responses((status = 201, body = MandatesView), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_record(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b: MandateBody = parse_json(&body)?;
    let input = MandateInput {
        kind: b.kind,
        starts_on: b.starts_on,
        ends_on: b.ends_on,
        territory: b.territory,
        list: b.list,
        body: b.body,
        rank: b.rank,
        election: b.election,
    };
    let (id, _) = cases::record(&state.app(), &user.actor(&ctx), &m, &input, b.body_id).await?;
    let member_id = m.id;
    Ok(Committed::created(id)
        .at(format!("/api/v1/members/{member_id}/mandates"))
        .json(|| async { view(&state, &m).await })
        .await)
}

/// Which running mandate ends, when and how.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct EndBody {
    pub mandate_id: i64,
    #[serde(default)]
    #[schema(format = Date)]
    pub ended_on: String,
    /// `term`, `resignation`, `annulment` or `death`.
    #[serde(default)]
    pub ending: String,
}

/// Ends one of the member's running mandates.
#[utoipa::path(post, path = "/api/v1/members/{id}/mandates/end", tag = "members", params(("id" = i64, Path)), request_body = EndBody,
    responses((status = 204), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_end(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<Member>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b: EndBody = parse_json(&body)?;
    cases::end(
        &state.app(),
        &user.actor(&ctx),
        &m,
        b.mandate_id,
        &b.ended_on,
        &b.ending,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    let manage = Policy(Action::ManageMembers, T::Member);
    vec![
        route(
            "GET",
            "/api/v1/members/{id}/mandates",
            Policy(Action::ViewMembers, T::Member),
            get(api_mandates),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/mandates",
            manage,
            post(api_record),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/mandates/end",
            manage,
            post(api_end),
        ),
    ]
}
