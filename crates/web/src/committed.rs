//! The answer of a write that has committed. Many handlers run a command and then read the
//! record back to answer with it. Once the command's transaction has committed, the change
//! is made: if that read fails (the database went away just after the commit), a 5xx would
//! tell the client that it was not, and its retry would be refused (`already-renewed`) or
//! make the change twice. So the read is tried again briefly, and if it still fails the
//! answer is the write's own success: for the API, the status with `{"id": ..,
//! "read_back": false}` and a `Location` where the record can be read; for a page, the
//! redirect to the record's page (which needs no read).

use crate::error::AppError;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::time::Duration;

/// How many times a read-back is tried, and the pause before each new try (about a second
/// in all).
const TRIES: u32 = 3;
const PAUSE: Duration = Duration::from_millis(500);

/// What a committed write answers when its record could not be read back: which record,
/// and `read_back: false` (read it at the answer's `Location`, when it has one).
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Written {
    pub id: i64,
    /// Always false: the change is made, the record is not in this answer.
    pub read_back: bool,
}

/// `read`, tried again after a pause while it fails with an internal error (the database
/// unreachable), `TRIES` times at most. Any other failure (the record not found, or no
/// longer visible to the user) is final at once: waiting would not change it.
pub async fn read_back<T, F, Fut>(mut read: F) -> Result<T, AppError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let mut tried = 1;
    loop {
        match read().await {
            Err(AppError::Internal(_)) if tried < TRIES => {
                tokio::time::sleep(PAUSE).await;
                tried += 1;
            }
            done => return done,
        }
    }
}

/// The API's answer to a committed write of the record `id`: `status` with the record as
/// `read` gives it, or with the minimal `Written` when it cannot be read.
pub struct Committed {
    status: StatusCode,
    id: i64,
    location: Option<String>,
}

impl Committed {
    pub fn new(status: StatusCode, id: i64) -> Committed {
        Committed {
            status,
            id,
            location: None,
        }
    }

    /// 201: a record was created.
    pub fn created(id: i64) -> Committed {
        Committed::new(StatusCode::CREATED, id)
    }

    /// 200: a record was changed.
    pub fn ok(id: i64) -> Committed {
        Committed::new(StatusCode::OK, id)
    }

    /// Where the record is read (an API path), given with the minimal answer.
    pub fn at(mut self, location: impl Into<String>) -> Committed {
        self.location = Some(location.into());
        self
    }

    pub async fn json<T, F, Fut>(self, read: F) -> Response
    where
        T: Serialize,
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, AppError>>,
    {
        match read_back(read).await {
            Ok(record) => (self.status, Json(record)).into_response(),
            Err(e) => {
                tracing::warn!(id = self.id, location = ?self.location, error = %e,
                    "the write committed but its record could not be read back");
                let mut response = (
                    self.status,
                    Json(Written {
                        id: self.id,
                        read_back: false,
                    }),
                )
                    .into_response();
                if let Some(v) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
                    response.headers_mut().insert(header::LOCATION, v);
                }
                response
            }
        }
    }
}

/// A page's answer to a committed write: the page `render` makes (it reads), or, when it
/// cannot, the redirect (303) to `to`, the page the change is seen on.
pub async fn page<F, Fut>(to: &str, render: F) -> Response
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Response, AppError>>,
{
    match read_back(render).await {
        Ok(response) => response,
        Err(e) => {
            tracing::warn!(to, error = %e, "the write committed but its page could not be read");
            Redirect::to(to).into_response()
        }
    }
}
