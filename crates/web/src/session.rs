//! Signing in and out, and choosing the language.

use crate::auth::{self, LANG_COOKIE, SESSION_COOKIE};

use crate::ctx::{Ctx, Via};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::input::parse_form;
use crate::state::AppState;
use crate::views::{self, Layout, safe_next};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::Deserialize;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::throttle;
use tanzim_store::accounts;
use tanzim_store::audit::AuditEntry;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    csrf: String,
    next: String,
    username: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> Response {
    if ctx.user.is_some() {
        return Redirect::to(&safe_next(q.next.as_deref())).into_response();
    }
    let page = LoginPage {
        layout: Layout::new(&state, &ctx, "login-title"),
        csrf: ctx.pre_session_form_token(),
        next: safe_next(q.next.as_deref()),
        username: String::new(),
        error: None,
    };
    views::html(page)
}

#[derive(Deserialize)]
struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

fn set_cookie(response: &mut Response, cookie: Cookie<'_>) {
    if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: LoginForm = parse_form(&body)?;
    let username = form.username.trim().to_ascii_lowercase();
    let now = tanzim_store::now();
    // The attempt counts as a failure until it succeeds and is judged by the failures
    // recorded before it, so that parallel guesses cannot all slip under the limit while
    // the (slow) hash is being checked.
    let (attempt, failures) = accounts::login_attempt(
        &state.db,
        &username,
        &ctx.address,
        now,
        now - throttle::WINDOW_SECS,
    )
    .await?;
    let refuse = |message: String, status| {
        let page = LoginPage {
            layout: Layout::new(&state, &ctx, "login-title"),
            csrf: ctx.pre_session_form_token(),
            next: safe_next(form.next.as_deref()),
            username: username.clone(),
            error: Some(message),
        };
        (status, views::html(page)).into_response()
    };
    if let Some(at) = throttle::retry_at(&failures, now) {
        accounts::withdraw_login_attempt(&state.db, attempt).await?;
        state
            .audit
            .append(&AuditEntry::new(
                None,
                &username,
                AuditAction::LoginThrottled,
                Some(&ctx.address),
            ))
            .await?;
        let wait = at - now;
        let message = if wait < 60 {
            ctx.tr.count("error-login-wait-seconds", wait)
        } else {
            ctx.tr.count("error-login-wait-minutes", (wait + 59) / 60)
        };
        let mut response = refuse(message, axum::http::StatusCode::TOO_MANY_REQUESTS);
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
        return Ok(response);
    }
    let creds = accounts::credentials(&state.db, &username).await?;
    let usable = creds.as_ref().filter(|c| !c.disabled);
    let ok = auth::verify_password(form.password, usable.map(|c| c.password_hash.clone())).await?;
    let Some(creds) = usable.filter(|_| ok) else {
        state
            .audit
            .append(&AuditEntry::new(
                None,
                &username,
                AuditAction::LoginFailed,
                Some(&ctx.address),
            ))
            .await?;
        return Ok(refuse(
            ctx.tr.t("error-login-failed"),
            axum::http::StatusCode::UNAUTHORIZED,
        ));
    };
    // A new session at every sign-in (the old one, if any, ends): no session fixation.
    if let Some(CurrentSession { token_hash }) = current_session(&ctx) {
        accounts::delete_session(&state.db, &token_hash).await?;
    }
    let token = auth::random_token();
    accounts::create_session(
        &state.db,
        &auth::token_hash(&token),
        creds.id,
        &auth::random_token(),
        &ctx.address,
        now,
    )
    .await?;
    accounts::clear_login_failures(&state.db, &username, &ctx.address).await?;
    state
        .audit
        .append(&AuditEntry::new(
            Some(creds.id),
            &creds.username,
            AuditAction::LoginSucceeded,
            Some(&ctx.address),
        ))
        .await?;
    let mut response = Redirect::to(&safe_next(form.next.as_deref())).into_response();
    set_cookie(
        &mut response,
        Cookie::build((SESSION_COOKIE, token))
            .path("/")
            .http_only(true)
            .secure(ctx.secure)
            .same_site(SameSite::Lax)
            .build(),
    );
    Ok(response)
}

struct CurrentSession {
    token_hash: String,
}

fn current_session(ctx: &Ctx) -> Option<CurrentSession> {
    match ctx.user.as_ref().map(|u| &u.via) {
        Some(Via::Session { token_hash, .. }) => Some(CurrentSession {
            token_hash: token_hash.clone(),
        }),
        _ => None,
    }
}

pub async fn logout(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    if let Some(CurrentSession { token_hash }) = current_session(&ctx) {
        accounts::delete_session(&state.db, &token_hash).await?;
    }
    state
        .audit
        .append(&AuditEntry::new(
            Some(user.id()),
            user.username(),
            AuditAction::Logout,
            Some(&ctx.address),
        ))
        .await?;
    let mut response = Redirect::to("/login").into_response();
    set_cookie(
        &mut response,
        Cookie::build((SESSION_COOKIE, ""))
            .path("/")
            .max_age(time::Duration::ZERO)
            .build(),
    );
    Ok(response)
}

/// Switches the interface language and remembers it for a year.
pub async fn set_language(
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&code).ok_or(AppError::NotFound)?;
    let mut response = Redirect::to(&safe_next(q.next.as_deref())).into_response();
    set_cookie(
        &mut response,
        Cookie::build((LANG_COOKIE, lang.code()))
            .path("/")
            .secure(ctx.secure)
            .same_site(SameSite::Lax)
            .max_age(time::Duration::days(365))
            .build(),
    );
    Ok(response)
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, route};
    use axum::routing::{get, post};
    vec![
        route("GET", "/login", Public, get(login_form)),
        route("POST", "/login", Public, post(login)),
        route("GET", "/lang/{code}", Public, get(set_language)),
        route("POST", "/logout", SignedIn, post(logout)),
    ]
}
