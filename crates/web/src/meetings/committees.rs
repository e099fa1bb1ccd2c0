//! A body's committees, and its founding committee.

use super::holders::{Positions, positions};
use super::pages::back_to_body;
use super::shared::*;
use crate::access::Loaded;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct FoundingInput {
    /// When the founding meeting should be held, YYYY-MM-DD.
    pub target_date: String,
    /// The founding committee's members.
    #[serde(default)]
    pub committee: Vec<String>,
}

/// Puts a body in formation with its founding committee and target date; a founding
/// meeting's `constitute` decision constitutes it when its minutes are approved.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/founding", tag = "meetings", params(("id" = i64, Path)), request_body = FoundingInput,
    responses((status = 200, body = Body), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_founding(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: FoundingInput = parse_json(&body)?;
    let target = date(&input.target_date)?;
    let app = state.app();
    let actor = user.actor(&ctx);
    cmd::committees::found(&app, &actor, &b, target, &input.committee).await?;
    let id = b.id;
    let answer = Committed::ok(id).at(format!("/api/v1/bodies/{id}"));
    Ok(answer
        .json(|| async { bodies::get(&state.db, id).await?.ok_or(AppError::NotFound) })
        .await)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CommitteeInput {
    /// `membership`, `ethics` or a functional committee's key.
    pub committee: String,
    pub members: Vec<store::Seat>,
}

/// Records a committee of the body as it stands (created if the body has none of that
/// kind); its members are members of the party, named and, where known, linked to their
/// record. A meeting's `create_committee` decision does the same when its minutes are
/// approved.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/committees", tag = "meetings", params(("id" = i64, Path)), request_body = CommitteeInput,
    responses((status = 200, body = Positions), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_set_committee(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: CommitteeInput = parse_json(&body)?;
    cmd::committees::set(
        &state.app(),
        &user.actor(&ctx),
        &b,
        &input.committee,
        input.members,
    )
    .await?;
    let answer = Committed::ok(b.id).at(format!("/api/v1/bodies/{}/positions", b.id));
    Ok(answer.json(|| positions(&state, &b)).await)
}

#[derive(Deserialize)]
pub struct CommitteeForm {
    committee: String,
    #[serde(default)]
    members: String,
}

/// Records a committee from the body's page (one member a line).
pub async fn committee_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = b.id;
    let form: CommitteeForm = crate::input::parse_form(&body)?;
    let input = CommitteeInput {
        committee: form.committee,
        members: non_empty_lines(&form.members)
            .map(|name| store::Seat {
                name: name.to_owned(),
                member_id: None,
            })
            .collect(),
    };
    let result = cmd::committees::set(
        &state.app(),
        &user.actor(&ctx),
        &b,
        &input.committee,
        input.members,
    )
    .await
    .map(|_| format!("/bodies/{id}/meetings"))
    .map_err(AppError::from);
    back_to_body(&state, &ctx, &user, id, result).await
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::post;
    vec![
        route(
            "POST",
            "/api/v1/bodies/{id}/committees",
            Policy(Action::ManageMeetings, T::Body),
            post(api_set_committee),
        ),
        route(
            "POST",
            "/bodies/{id}/committees",
            Policy(Action::ManageMeetings, T::Body),
            post(committee_form),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/founding",
            Policy(Action::ManageBody, T::Body),
            post(api_founding),
        ),
    ]
}
