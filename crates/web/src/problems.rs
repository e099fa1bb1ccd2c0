//! The API's error bodies, one type per status, for the OpenAPI document.

use serde::Serialize;

/// Every error the API answers (rendered by `views::render_error`).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiError {
    /// A stable code: `malformed-input`, `forbidden`, `not-found`, `username-taken`…
    pub error: String,
    /// The code's message in the caller's language.
    pub message: String,
    /// The input field at fault, for validation errors.
    pub field: Option<String>,
    /// For a territory name that several territories bear (`territory-name-ambiguous`):
    /// their codes, for the caller to choose one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<String>>,
}

// The error responses, one type per status so that each operation lists the ones it can
// answer: `responses((status = 200, body = X), BadRequest, Unauthenticated, …)`.

/// The body, a path segment or a query parameter cannot be read (`malformed-input`), or a
/// destructive action was not confirmed (`confirmation-required`).
#[derive(utoipa::IntoResponses)]
#[response(status = 400)]
pub struct BadRequest(pub ApiError);

/// No token, or an unknown or revoked one (`unauthenticated`).
#[derive(utoipa::IntoResponses)]
#[response(status = 401)]
pub struct Unauthenticated(pub ApiError);

/// The caller's roles do not allow this (`forbidden`); or a browser session is needed
/// (`session-required`, `reauth-required`), or a session's request lacks its CSRF token
/// (`csrf`).
#[derive(utoipa::IntoResponses)]
#[response(status = 403)]
pub struct Forbidden(pub ApiError);

/// No such record, or one outside the caller's scope (`not-found`).
#[derive(utoipa::IntoResponses)]
#[response(status = 404)]
pub struct NotFound(pub ApiError);

/// The record's state or another record forbids the change; the code says which.
#[derive(utoipa::IntoResponses)]
#[response(status = 409)]
pub struct Conflict(pub ApiError);

/// A value is invalid: `field` names it, `error` says why.
#[derive(utoipa::IntoResponses)]
#[response(status = 422)]
pub struct Invalid(pub ApiError);
