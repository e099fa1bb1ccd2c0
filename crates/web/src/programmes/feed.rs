//! A body's timetable as a calendar subscription: the secret address a user issues (shown
//! once, the previous one stops working), revokes, and that a calendar app fetches
//! without signing in.

use super::timetable::calendar;
use crate::access::Loaded;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use tanzim_commands::Found;
use tanzim_commands::timetable_feeds as cases;
use tanzim_domain::policy::Action;
use tanzim_store::bodies::Body;

/// A feed's address, shown once.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FeedAddress {
    /// The address a calendar app subscribes to (HTTPS).
    pub url: String,
    /// The same as a `webcal:` link, which phones open in their calendar app.
    pub webcal: String,
}

async fn issue(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Found<Body>,
) -> Result<FeedAddress, AppError> {
    let token = cases::issue(&state.app(), &user.actor(ctx), b).await?;
    let url = format!("{}/feeds/{token}/timetable.ics", state.config.public_base());
    let webcal = format!(
        "webcal://{}",
        url.split_once("://").map_or(url.as_str(), |(_, rest)| rest)
    );
    Ok(FeedAddress { url, webcal })
}

#[derive(Template)]
#[template(path = "timetable_feed.html")]
struct FeedPage {
    layout: Layout,
    body_id: i64,
    body_name: String,
    address: FeedAddress,
}

/// Issues the user's address for the body's timetable and shows it, once.
pub async fn issue_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
) -> Result<Response, AppError> {
    let address = issue(&state, &ctx, &user, &b).await?;
    Ok(views::html(FeedPage {
        layout: Layout::new(&state, &ctx, "timetable-feed-title"),
        body_id: b.id,
        body_name: b.name.clone(),
        address,
    }))
}

/// Revokes the user's address for the body's timetable.
pub async fn revoke_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
) -> Result<Response, AppError> {
    cases::revoke(&state.app(), &user.actor(&ctx), &b).await?;
    Ok(Redirect::to(&format!("/bodies/{}/timetable#feed", b.id)).into_response())
}

/// Issues the caller's secret calendar address for the body's timetable (the previous one
/// stops working). A calendar app fetches it without signing in; what it shows is read
/// with the caller's roles at every fetch.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/timetable/feed", tag = "programmes", params(("id" = i64, Path)),
    responses((status = 201, body = FeedAddress), crate::problems::BadRequest, crate::problems::Unauthenticated, crate::problems::Forbidden, crate::problems::NotFound), security(("bearer" = [])))]
pub async fn api_issue(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
) -> Result<Response, AppError> {
    let address = issue(&state, &ctx, &user, &b).await?;
    Ok((StatusCode::CREATED, Json(address)).into_response())
}

/// Revokes the caller's calendar address for the body's timetable.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/timetable/feed/revoke", tag = "programmes", params(("id" = i64, Path)),
    responses((status = 204), crate::problems::BadRequest, crate::problems::Unauthenticated, crate::problems::Forbidden, crate::problems::NotFound), security(("bearer" = [])))]
pub async fn api_revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
) -> Result<Response, AppError> {
    cases::revoke(&state.app(), &user.actor(&ctx), &b).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The calendar an address shows; an unknown, revoked or no longer permitted address is
/// answered alike, 404.
pub async fn fetch(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    // A token is 43 URL-safe characters; anything else is not looked up.
    if token.len() != 43
        || !token
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
    {
        return Err(AppError::NotFound);
    }
    let (_, items) = cases::read(&state.app(), &token, &ctx.address)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(calendar(&state, &ctx, &items))
}

pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    let view = Policy(Action::ViewMeetings, T::Body);
    vec![
        route(
            "POST",
            "/bodies/{id}/timetable/feed",
            view,
            post(issue_form),
        ),
        route(
            "POST",
            "/bodies/{id}/timetable/feed/revoke",
            view,
            post(revoke_form),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/timetable/feed",
            view,
            post(api_issue),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/timetable/feed/revoke",
            view,
            post(api_revoke),
        ),
        route("GET", "/feeds/{token}/timetable.ics", Public, get(fetch)),
    ]
}
