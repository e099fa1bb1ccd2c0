//! The answer of a committed write: a read-back that fails (the database gone just after
//! the commit) answers the write's success with the record's id, never a 5xx; one that
//! succeeds answers the record.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use common::Engine;
use std::cell::Cell;
use tanzim_domain::territory::TerritoryCode;
use tanzim_store::territory;
use tanzim_web::committed::{self, Committed};
use tanzim_web::error::AppError;

async fn parts(response: Response) -> (StatusCode, Option<String>, serde_json::Value) {
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let body = if bytes.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap()
    };
    (status, location, body)
}

#[tokio::test]
async fn a_read_back_that_keeps_failing_answers_the_success_with_the_id() {
    let tries = Cell::new(0);
    let answer = Committed::created(41)
        .at("/api/v1/payments/41")
        .json(|| {
            tries.set(tries.get() + 1);
            async { Err::<serde_json::Value, _>(AppError::Internal("connection reset".into())) }
        })
        .await;
    let (status, location, body) = parts(answer).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(location.as_deref(), Some("/api/v1/payments/41"));
    assert_eq!(body, serde_json::json!({"id": 41, "read_back": false}));
    // Tried three times before giving up.
    assert_eq!(tries.get(), 3);
}

#[tokio::test]
async fn a_read_back_that_fails_once_answers_the_record() {
    let tries = Cell::new(0);
    let answer = Committed::ok(7)
        .at("/api/v1/members/7")
        .json(|| {
            tries.set(tries.get() + 1);
            let n = tries.get();
            async move {
                if n == 1 {
                    Err(AppError::Internal("connection reset".into()))
                } else {
                    Ok(serde_json::json!({"id": 7, "status": "suspended"}))
                }
            }
        })
        .await;
    let (status, location, body) = parts(answer).await;
    assert_eq!(status, StatusCode::OK);
    // The record itself, as when nothing failed (no hint needed).
    assert_eq!(location, None);
    assert_eq!(body, serde_json::json!({"id": 7, "status": "suspended"}));
    assert_eq!(tries.get(), 2);
}

#[tokio::test]
async fn a_record_no_longer_found_is_not_tried_again() {
    let tries = Cell::new(0);
    let answer = Committed::ok(12)
        .json(|| {
            tries.set(tries.get() + 1);
            async { Err::<serde_json::Value, _>(AppError::NotFound) }
        })
        .await;
    let (status, location, body) = parts(answer).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(location, None);
    assert_eq!(body, serde_json::json!({"id": 12, "read_back": false}));
    assert_eq!(tries.get(), 1);
}

#[tokio::test]
async fn a_page_that_cannot_be_read_redirects_to_the_record() {
    let answer = committed::page("/campaigns/3", || async {
        Err(AppError::Internal("connection reset".into()))
    })
    .await;
    let (status, location, _) = parts(answer).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/campaigns/3"));

    let answer = committed::page("/campaigns/3", || async {
        Ok((StatusCode::OK, "the page").into_response())
    })
    .await;
    let response = answer;
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    assert_eq!(&bytes[..], b"the page");
}

/// Through the store: the read answers the record while the database is there, and the
/// write's success with the id once it is gone (its pool closed).
async fn read_back_through_the_store(engine: Engine) {
    let db = common::fresh_db(engine).await;
    let code = TerritoryCode::parse("05.091.01.07").unwrap();
    let read = || async { territory::get(&db, &code).await?.ok_or(AppError::NotFound) };
    let (status, location, body) = parts(Committed::created(5).at("/x/5").json(read).await).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(location, None);
    assert_eq!(body["code"], "05.091.01.07");
    assert_eq!(body["name_fr"], "Kasba Tadla");

    db.close().await;
    let (status, location, body) = parts(Committed::created(5).at("/x/5").json(read).await).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(location.as_deref(), Some("/x/5"));
    assert_eq!(body, serde_json::json!({"id": 5, "read_back": false}));
}
both_engines!(read_back_through_the_store_on, read_back_through_the_store);
