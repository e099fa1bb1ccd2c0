//! One error type for every handler. A handler returns it; the context middleware renders
//! it as a localized page (or a redirect to the login form, or to the password
//! confirmation) for browsers and as
//! `{"error": code, "message": localized, "field": name}` for the API. Internal causes are
//! logged with the request path, never sent.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tanzim_domain::DomainError;
use tanzim_store::StoreError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid: {0}")]
    Invalid(DomainError),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("CSRF token missing or wrong")]
    Csrf,
    #[error("too many attempts")]
    Throttled,
    /// The action needs a browser session (a bearer token may not do it).
    #[error("a browser session is required")]
    SessionRequired,
    /// The action needs the password typed within the last minutes; the page to return to
    /// once it is (a local path).
    #[error("password confirmation required")]
    ReauthRequired(String),
    #[error("internal: {0}")]
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden
            | AppError::Csrf
            | AppError::SessionRequired
            | AppError::ReauthRequired(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Throttled => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code the API returns; `error-<code>` is its message in the Fluent files.
    /// What went wrong, in the page's language (the error code's message).
    pub fn message(&self, tr: &crate::i18n::Tr) -> String {
        tr.t(&format!("error-{}", self.code()))
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not-found",
            AppError::Invalid(e) => e.code,
            AppError::Conflict(code) | AppError::BadRequest(code) => code,
            AppError::Csrf => "csrf",
            AppError::Throttled => "throttled",
            AppError::SessionRequired => "session-required",
            AppError::ReauthRequired(_) => "reauth-required",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(code) => AppError::Conflict(code),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<tanzim_commands::Error> for AppError {
    fn from(e: tanzim_commands::Error) -> Self {
        use tanzim_commands::Error as E;
        match e {
            E::Forbidden => AppError::Forbidden,
            E::NotFound => AppError::NotFound,
            E::Invalid(d) => AppError::Invalid(d),
            E::Rules(all) => AppError::first_invalid(all),
            E::Conflict(code) => AppError::Conflict(code),
            E::Internal(why) => AppError::Internal(why),
        }
    }
}

/// A roll that could not be read again (it was read once for its preview).
impl From<tanzim_reports::import::ImportError> for AppError {
    fn from(_: tanzim_reports::import::ImportError) -> Self {
        AppError::BadRequest("import-unreadable")
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError::Invalid(e)
    }
}

impl AppError {
    /// The first broken rule of a validation, or a malformed request when none is named.
    pub fn first_invalid(errors: Vec<DomainError>) -> AppError {
        errors
            .into_iter()
            .next()
            .map(AppError::Invalid)
            .unwrap_or(AppError::BadRequest("malformed-input"))
    }
}

/// Carries the error to the context middleware, which knows the language and the client.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}
