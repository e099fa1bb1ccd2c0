//! Who is asking, in which language, from where: the per-request context every handler can
//! take, resolved once by the `auth::context` middleware.

use crate::error::AppError;
use crate::i18n::{Lang, Tr};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use base64::Engine;
use rand::RngCore;
use tanzim_domain::accounts::Principal;
use tanzim_domain::policy::{Action, Decision, Target, decide};

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
    /// The user as the commands see them, acting from the request's address.
    pub fn actor<'a>(&'a self, ctx: &'a Ctx) -> tanzim_commands::Actor<'a> {
        tanzim_commands::Actor::user(&self.principal, &ctx.address)
    }
    /// Whether the policy allows `action` (on `target`, or anywhere): what a page offers.
    pub fn may(&self, action: Action, target: Option<&Target>) -> bool {
        decide(&self.principal, action, target) == Decision::Allow
    }
    /// The CSRF token for this response's forms, masked afresh (empty for bearer clients,
    /// which need none).
    pub fn csrf(&self) -> String {
        match &self.via {
            Via::Session { csrf, .. } => mask_token(csrf),
            Via::Bearer => String::new(),
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
    /// The raw token of the pre-session cookie; pages show it only masked.
    pub(crate) pre_session_csrf: String,
    pub path: String,
    pub api: bool,
    pub secure: bool,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.tr.lang
    }
    /// The token of an anonymous form (sign-in, the public application), masked afresh.
    pub fn pre_session_form_token(&self) -> String {
        mask_token(&self.pre_session_csrf)
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

/// A CSRF token as a page carries it: a fresh random pad, then the token XOR the pad, in
/// base64url. Every response then shows other bytes, so that a compressed page which also
/// reflects what an attacker sent cannot give the token away by its length (BREACH).
pub fn mask_token(token: &str) -> String {
    let token = token.as_bytes();
    let mut out = vec![0u8; token.len()];
    rand::rng().fill_bytes(&mut out);
    let masked: Vec<u8> = token.iter().zip(&out).map(|(t, p)| t ^ p).collect();
    out.extend(masked);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(out)
}
