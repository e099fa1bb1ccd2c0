//! `Idempotency-Key` on the API's state-changing requests (POST, PUT, PATCH, DELETE): a
//! client that lost an answer sends the request again with the same key and gets the first
//! answer again, marked `Idempotent-Replayed: true`, instead of a second change. A key is
//! its user's and is kept a day; the same key with another request is refused, and so is
//! a retry while the first is still running. An answer of the server's failure (5xx) is
//! not kept, so that a retry runs again.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use tanzim_store::idempotency::{self, Claim};

pub const HEADER: &str = "idempotency-key";
const REPLAYED: &str = "idempotent-replayed";
/// The API's answers are small JSON documents; one larger is given but not kept.
const MAX_KEPT_BYTES: usize = 1024 * 1024;
/// How long a key is kept.
pub const KEPT_SECS: i64 = 24 * 3600;

fn usable(key: &str) -> bool {
    (1..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let changes = matches!(
        *req.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    let Some(key) = req.headers().get(HEADER).filter(|_| changes) else {
        return next.run(req).await;
    };
    let Some(key) = key.to_str().ok().filter(|k| usable(k)).map(str::to_owned) else {
        return AppError::BadRequest("idempotency-key-invalid").into_response();
    };
    // Without a user the route answers 401 (or is public): nothing to keep.
    let Some(user_id) = req
        .extensions()
        .get::<Ctx>()
        .and_then(|c| c.user.as_ref())
        .map(|u| u.id())
    else {
        return next.run(req).await;
    };
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, crate::MAX_UPLOAD_BYTES).await else {
        return AppError::BadRequest("malformed-input").into_response();
    };
    let request = format!(
        "{} {} {}",
        parts.method,
        parts
            .uri
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/"),
        hex::encode(Sha256::digest(&bytes))
    );
    match idempotency::claim(&state.db, user_id, &key, &request).await {
        Err(e) => AppError::from(e).into_response(),
        Ok(Claim::Running) => AppError::Conflict("idempotency-key-running").into_response(),
        Ok(Claim::Other) => AppError::Conflict("idempotency-key-reused").into_response(),
        Ok(Claim::Answered {
            status,
            content_type,
            body,
        }) => {
            let mut response = Response::new(Body::from(body));
            *response.status_mut() = axum::http::StatusCode::from_u16(status)
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
            if let Some(v) = content_type.and_then(|t| HeaderValue::from_str(&t).ok()) {
                response.headers_mut().insert(header::CONTENT_TYPE, v);
            }
            response
                .headers_mut()
                .insert(REPLAYED, HeaderValue::from_static("true"));
            response
        }
        Ok(Claim::New) => {
            let response = next
                .run(Request::from_parts(parts, Body::from(bytes)))
                .await;
            if response.status().is_server_error() {
                if let Err(e) = idempotency::release(&state.db, user_id, &key).await {
                    tracing::warn!(error = %e, "releasing an idempotency key");
                }
                return response;
            }
            keep(&state, user_id, &key, response).await
        }
    }
}

/// Keeps the answer under its key and gives it.
async fn keep(state: &AppState, user_id: i64, key: &str, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_KEPT_BYTES).await else {
        let _ = idempotency::release(&state.db, user_id, key).await;
        return AppError::Internal("an answer too large to keep".into()).into_response();
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if let Err(e) = idempotency::keep(
        &state.db,
        user_id,
        key,
        parts.status.as_u16(),
        content_type,
        &bytes,
    )
    .await
    {
        // The change is made; its answer is given even if it could not be kept.
        tracing::warn!(error = %e, "keeping an idempotent answer");
        let _ = idempotency::release(&state.db, user_id, key).await;
    }
    Response::from_parts(parts, Body::from(bytes))
}
