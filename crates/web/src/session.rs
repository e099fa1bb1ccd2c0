//! Signing in and out, and choosing the language.

use crate::auth::{LANG_COOKIE, SESSION_COOKIE};

use crate::ctx::{Ctx, Via};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::input::parse_form;
use crate::state::AppState;
use crate::views::{self, Layout, safe_next};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::Deserialize;
use tanzim_commands::sessions::{self, SignIn};

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
    let replacing = current_session(&ctx);
    let signed = sessions::sign_in(
        &state.app(),
        &username,
        form.password.clone(),
        &ctx.address,
        replacing.as_deref(),
    )
    .await?;
    let token = match signed {
        SignIn::Opened { token } => token,
        SignIn::Throttled { wait } => {
            let message = if wait < 60 {
                ctx.tr.count("error-login-wait-seconds", wait)
            } else {
                ctx.tr.count("error-login-wait-minutes", (wait + 59) / 60)
            };
            let mut response = refuse(message, StatusCode::TOO_MANY_REQUESTS);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait));
            return Ok(response);
        }
        SignIn::Refused => {
            let message = ctx.tr.t("error-login-failed");
            return Ok(refuse(message, StatusCode::UNAUTHORIZED));
        }
    };
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

/// The hash of the session the request came with, when it came with one.
fn current_session(ctx: &Ctx) -> Option<String> {
    match ctx.user.as_ref().map(|u| &u.via) {
        Some(Via::Session { token_hash, .. }) => Some(token_hash.clone()),
        _ => None,
    }
}

pub async fn logout(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let session = current_session(&ctx);
    sessions::sign_out(&state.app(), &user.actor(&ctx), session.as_deref()).await?;
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
