//! Fresh password for sensitive actions. Creating a token, granting a role (creating an
//! account with one included) and exporting members need a browser session whose user
//! typed their password within the last ten minutes: a bearer token, a stolen cookie or
//! an unattended browser is not enough. Signing in counts; the confirmation page here asks
//! again and returns where the user was going.

use crate::ctx::{Ctx, CurrentUser, Via};
use crate::error::AppError;
use crate::input::parse_form;
use crate::state::AppState;
use crate::views::{self, Layout, safe_next};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_commands::sessions::{self, Confirmation};
use tanzim_domain::accounts::password_checked_recently;

/// The one check every sensitive handler makes, after its policy check (so that a caller
/// without the right still learns only 403 or 404) and before it reads its input. `back`
/// is the local page to return to once the password is confirmed: the request's own path
/// for a download, the form's page for a form.
pub fn require_fresh_password(user: &CurrentUser, back: &str) -> Result<(), AppError> {
    match &user.via {
        Via::Bearer => Err(AppError::SessionRequired),
        Via::Session {
            reauthenticated_at, ..
        } if password_checked_recently(*reauthenticated_at, tanzim_store::now()) => Ok(()),
        Via::Session { .. } => Err(AppError::ReauthRequired(safe_next(Some(back)))),
    }
}

/// The session's hash, or 403 for a bearer token: only a browser confirms its password.
fn session_hash(user: &CurrentUser) -> Result<&str, AppError> {
    match &user.via {
        Via::Session { token_hash, .. } => Ok(token_hash),
        Via::Bearer => Err(AppError::SessionRequired),
    }
}

#[derive(Template)]
#[template(path = "confirm_password.html")]
struct ConfirmPage {
    layout: Layout,
    username: String,
    next: String,
    error: Option<String>,
}

fn confirm_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    next: String,
    error: Option<String>,
) -> Response {
    views::html(ConfirmPage {
        layout: Layout::new(state, ctx, "confirm-title"),
        username: user.username().to_owned(),
        next,
        error,
    })
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    session_hash(&user)?;
    Ok(confirm_page(
        &state,
        &ctx,
        &user,
        safe_next(q.next.as_deref()),
        None,
    ))
}

#[derive(Deserialize)]
struct ConfirmForm {
    password: String,
    next: Option<String>,
}

/// Checks the password as sign-in does: the same throttle (the failures of either count
/// for both), every attempt audited.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let token_hash = session_hash(&user)?.to_owned();
    let form: ConfirmForm = parse_form(&body)?;
    let next = safe_next(form.next.as_deref());
    let confirmed = sessions::confirm_password(
        &state.app(),
        &user.actor(&ctx),
        &token_hash,
        form.password,
        &ctx.address,
    )
    .await?;
    let (status, message) = match confirmed {
        Confirmation::Confirmed => return Ok(Redirect::to(&next).into_response()),
        Confirmation::Throttled => (StatusCode::TOO_MANY_REQUESTS, "error-throttled"),
        Confirmation::Refused => (StatusCode::UNAUTHORIZED, "error-password-wrong"),
    };
    let page = confirm_page(&state, &ctx, &user, next, Some(ctx.tr.t(message)));
    Ok((status, page).into_response())
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, route, session_only};
    use axum::routing::{get, post};
    vec![
        session_only(route("GET", "/account/confirm", SignedIn, get(form))),
        session_only(route("POST", "/account/confirm", SignedIn, post(confirm))),
    ]
}
