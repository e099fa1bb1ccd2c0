//! Who is asking: passwords (Argon2id), session and API tokens, and the middleware that
//! resolves each request's identity and language once, checks CSRF on every state-changing
//! request, and renders errors for pages and the API.

use crate::AppState;
use crate::error::AppError;
use crate::i18n::{Lang, Tr};
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use tanzim_domain::accounts::{Principal, session_is_live};
use tanzim_store::accounts;

pub const SESSION_COOKIE: &str = "tanzim_session";
pub const PRE_SESSION_CSRF_COOKIE: &str = "tanzim_csrf";
pub const LANG_COOKIE: &str = "tanzim_lang";
const API_TOKEN_PREFIX: &str = "tzm_";

/// 256 random bits, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn new_api_token() -> String {
    format!("{API_TOKEN_PREFIX}{}", random_token())
}

/// What is stored for a token: its SHA-256 (the token itself has 256 bits of entropy, so a
/// fast hash is enough; a stolen table yields no usable token).
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Argon2id with OWASP's parameters (19 MiB, t=2, p=1), off the async threads.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("hash: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(format!("hash task: {e}")))?
}

/// The hash of a random password: unknown usernames are checked against it so that they
/// take as long as known ones and timing tells nothing.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    Argon2::default()
        .hash_password(random_token().as_bytes())
        .map(|h| h.to_string())
        .unwrap_or_default()
});

pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let hash_text = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let ok = PasswordHash::new(&hash_text)
            .map(|hash| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &hash)
                    .is_ok()
            })
            .unwrap_or(false);
        known && ok
    })
    .await
    .map_err(|e| AppError::Internal(format!("verify task: {e}")))
}

/// How the request proved who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// A session cookie; carries the session's CSRF token, its hash (for logout) and when
    /// its user last typed their password.
    Session {
        csrf: String,
        token_hash: String,
        reauthenticated_at: Option<i64>,
    },
    Bearer,
}

/// The signed-in user of a request, resolved once by [`context`].
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub principal: Principal,
    pub display_name: String,
    pub via: Via,
}

impl CurrentUser {
    pub fn id(&self) -> i64 {
        self.principal.user_id
    }
    pub fn username(&self) -> &str {
        self.principal.username.as_str()
    }
    /// The CSRF token forms must carry (empty for bearer clients, which need none).
    pub fn csrf(&self) -> &str {
        match &self.via {
            Via::Session { csrf, .. } => csrf,
            Via::Bearer => "",
        }
    }
}

/// Per-request context every handler can take: language, client address, the user if any,
/// the pre-session CSRF token (login form), and whether the client is the JSON API.
#[derive(Clone)]
pub struct Ctx {
    pub tr: Tr,
    pub address: String,
    pub user: Option<CurrentUser>,
    pub pre_session_csrf: String,
    pub path: String,
    pub api: bool,
    pub secure: bool,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.tr.lang
    }
    /// The signed-in user, or 401 (the error middleware sends pages to the login form).
    pub fn require_user(&self) -> Result<&CurrentUser, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthenticated)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal("request context missing".into()))
    }
}

/// The signed-in user as an extractor: a handler that takes it cannot run anonymously.
impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ctx::from_request_parts(parts, state)
            .await?
            .user
            .ok_or(AppError::Unauthenticated)
    }
}

fn client_address(req: &Request) -> String {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| a.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Arabic until the user picks another language (remembered in a cookie): the product is
/// Arabic first whatever language the phone's browser advertises.
fn request_lang(jar: &CookieJar) -> Lang {
    jar.get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .unwrap_or(Lang::Ar)
}

async fn resolve_user(
    state: &AppState,
    bearer: Option<String>,
    session_token: Option<String>,
) -> Result<Option<CurrentUser>, AppError> {
    let (user_id, via) = if let Some(token) = bearer {
        match accounts::token_user(&state.db, &token_hash(token.trim())).await? {
            Some(id) => (id, Via::Bearer),
            // A wrong token is an error, not an anonymous request.
            None => return Err(AppError::Unauthenticated),
        }
    } else if let Some(cookie) = session_token {
        let hash = token_hash(&cookie);
        let Some(session) = accounts::session(&state.db, &hash).await? else {
            return Ok(None);
        };
        let now = tanzim_store::now();
        if !session_is_live(session.created_at, session.last_seen_at, now) {
            accounts::delete_session(&state.db, &hash).await?;
            return Ok(None);
        }
        // One write a minute at most, so that reading stays reading.
        if now - session.last_seen_at >= 60 {
            accounts::touch_session(&state.db, &hash, now).await?;
        }
        (
            session.user_id,
            Via::Session {
                csrf: session.csrf_token,
                token_hash: hash,
                reauthenticated_at: session.reauthenticated_at,
            },
        )
    } else {
        return Ok(None);
    };
    let Some((principal, display_name)) = accounts::principal(&state.db, user_id).await? else {
        return match via {
            Via::Bearer => Err(AppError::Unauthenticated),
            Via::Session { .. } => Ok(None),
        };
    };
    Ok(Some(CurrentUser {
        principal,
        display_name,
        via,
    }))
}

/// Reads the `csrf` field of a urlencoded form body without consuming it for the handler.
async fn form_csrf(req: Request) -> Result<(Request, Option<String>), AppError> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let header_token = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let boundary = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok());
    if let Some(boundary) = boundary {
        // A file upload: the token is a field of the multipart body.
        let (parts, body) = req.into_parts();
        let bytes = axum::body::to_bytes(body, crate::MAX_UPLOAD_BYTES)
            .await
            .map_err(|_| AppError::BadRequest("body-too-large"))?;
        let stream = futures_util::stream::once({
            let bytes = bytes.clone();
            async move { Ok::<_, std::convert::Infallible>(bytes) }
        });
        let mut multipart = multer::Multipart::new(stream, boundary);
        let mut token = None;
        while let Ok(Some(field)) = multipart.next_field().await {
            if field.name() == Some("csrf") {
                token = field.text().await.ok();
                break;
            }
        }
        return Ok((
            Request::from_parts(parts, axum::body::Body::from(bytes)),
            token.or(header_token),
        ));
    }
    if !is_form {
        return Ok((req, header_token));
    }
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, crate::MAX_FORM_BYTES)
        .await
        .map_err(|_| AppError::BadRequest("body-too-large"))?;
    let token = url::form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned());
    Ok((
        Request::from_parts(parts, axum::body::Body::from(bytes)),
        token.or(header_token),
    ))
}

fn same_token(a: &str, b: &str) -> bool {
    // Constant-time comparison of equal-length ASCII tokens.
    a.len() == b.len()
        && !a.is_empty()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The middleware around every route: context in, CSRF checked, errors rendered.
pub async fn context(
    State(state): State<AppState>,
    jar: CookieJar,
    req: Request,
    next: Next,
) -> Response {
    let lang = request_lang(&jar);
    let tr = Tr::new(state.i18n.clone(), lang);
    let path = req.uri().path().to_owned();
    let api = path.starts_with("/api/");
    let secure = state.config.secure_cookies
        || req
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes() == b"https");
    let address = client_address(&req);
    let mut ctx = Ctx {
        tr,
        address,
        user: None,
        pre_session_csrf: String::new(),
        path: req
            .uri()
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_default(),
        api,
        secure,
    };
    let result = async {
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_owned);
        let session_token = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
        ctx.user = resolve_user(&state, bearer, session_token).await?;
        let existing_pre = jar
            .get(PRE_SESSION_CSRF_COOKIE)
            .map(|c| c.value().to_owned());
        ctx.pre_session_csrf = existing_pre.clone().unwrap_or_else(random_token);
        let mut req = req;
        if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
            let expected = match &ctx.user {
                Some(CurrentUser {
                    via: Via::Bearer, ..
                }) => None,
                Some(CurrentUser {
                    via: Via::Session { csrf, .. },
                    ..
                }) => Some(csrf.clone()),
                // Without credentials there is nothing to forge except a sign-in (login
                // CSRF); other anonymous requests are refused as unauthenticated.
                None if path == "/login" || path == "/apply" => {
                    Some(existing_pre.unwrap_or_default())
                }
                None => None,
            };
            if let Some(expected) = expected {
                let (r, sent) = form_csrf(req).await?;
                req = r;
                if !sent.is_some_and(|s| same_token(&s, &expected)) {
                    return Err(AppError::Csrf);
                }
            }
        }
        Ok(req)
    }
    .await;
    // Only pages need the pre-session token (the login form); the API and assets do not.
    let needs_pre_cookie = !api
        && !path.starts_with("/assets/")
        && path != "/healthz"
        && jar.get(PRE_SESSION_CSRF_COOKIE).is_none()
        && ctx.user.is_none();
    let mut response = match result {
        Ok(mut req) => {
            req.extensions_mut().insert(ctx.clone());
            next.run(req).await
        }
        Err(e) => axum::response::IntoResponse::into_response(e),
    };
    // Axum's own rejections (a path id that is not a number, a bad query) are plain text:
    // give them the same localized page or JSON body as every other error.
    let plain_rejection = response.extensions().get::<AppError>().is_none()
        && matches!(response.status().as_u16(), 400 | 415 | 422)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    if plain_rejection {
        response = crate::error::render(&state, &ctx, AppError::BadRequest("malformed-input"));
    }
    if let Some(error) = response.extensions_mut().remove::<AppError>() {
        response = crate::error::render(&state, &ctx, error);
    }
    if needs_pre_cookie {
        let cookie = Cookie::build((PRE_SESSION_CSRF_COOKIE, ctx.pre_session_csrf.clone()))
            .path("/")
            .http_only(true)
            .secure(ctx.secure)
            .same_site(SameSite::Strict)
            .build();
        if let Ok(v) = cookie.to_string().parse() {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}
