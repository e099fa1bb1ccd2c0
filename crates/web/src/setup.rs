//! The first run: a new administrator's organization starts from its national leadership
//! and a body in every region and province, created in one step from the territory tree.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_json;
use crate::problems::{BadRequest, Forbidden, Invalid, Unauthenticated};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::bodies::{self as cmd, TreeInput};
use tanzim_domain::org::{BodyLevel, Profile};

/// The tree to set up. Each kind defaults to the profile's first of its level for the
/// organization (the party's when none is given).
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct SetUpTree {
    #[serde(default)]
    pub organization: Option<String>,
    #[serde(default)]
    pub national_kind: Option<String>,
    #[serde(default)]
    pub region_kind: Option<String>,
    #[serde(default)]
    pub province_kind: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TreeSetUp {
    /// Bodies created now.
    pub created: usize,
    /// Bodies of those kinds that were there already, kept.
    pub existing: usize,
}

/// The first body kind of a level the organization may have, as the profile lists them.
pub(crate) fn first_kind(profile: &Profile, organization: &str, level: BodyLevel) -> String {
    profile
        .body_kinds
        .iter()
        .find(|k| k.level == level && k.organizations.iter().any(|o| o == organization))
        .map(|k| k.key.clone())
        .unwrap_or_default()
}

impl SetUpTree {
    fn input(&self, profile: &Profile) -> TreeInput {
        fn given(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|s| !s.is_empty())
        }
        let organization = given(&self.organization)
            .or(profile.party_key())
            .unwrap_or_default()
            .to_owned();
        let kind = |v: &Option<String>, level| {
            given(v)
                .map(str::to_owned)
                .unwrap_or_else(|| first_kind(profile, &organization, level))
        };
        TreeInput {
            national_kind: kind(&self.national_kind, BodyLevel::National),
            region_kind: kind(&self.region_kind, BodyLevel::Region),
            province_kind: kind(&self.province_kind, BodyLevel::Province),
            organization,
        }
    }
}

async fn set_up(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    request: &SetUpTree,
) -> Result<TreeSetUp, AppError> {
    let input = request.input(&state.profile);
    let report = cmd::set_up_tree(&state.app(), &user.actor(ctx), &input).await?;
    Ok(TreeSetUp {
        created: report.created,
        existing: report.existing,
    })
}

/// Creates the national leadership and a body in every region and province (abroad, in
/// the countries where the profile names cities), each under the one above; what exists
/// already is kept, so a second call fills only the gaps.
#[utoipa::path(post, path = "/api/v1/bodies/setup", tag = "bodies", request_body = Option<SetUpTree>,
    responses((status = 200, body = TreeSetUp), BadRequest, Unauthenticated, Forbidden, Invalid),
    security(("bearer" = [])))]
pub async fn api_set_up(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Json<TreeSetUp>, AppError> {
    let request: SetUpTree = if body.is_empty() {
        SetUpTree::default()
    } else {
        parse_json(&body)?
    };
    Ok(Json(set_up(&state, &ctx, &user, &request).await?))
}

/// The home page's first-run form.
pub async fn set_up_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let request: SetUpTree = crate::input::parse_form(&body)?;
    set_up(&state, &ctx, &user, &request).await?;
    Ok(Redirect::to("/bodies").into_response())
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::post;
    use tanzim_domain::policy::Action;
    vec![
        route(
            "POST",
            "/bodies/setup",
            Policy(Action::CreateBody, T::None),
            post(set_up_form),
        ),
        route(
            "POST",
            "/api/v1/bodies/setup",
            Policy(Action::CreateBody, T::None),
            post(api_set_up),
        ),
    ]
}
