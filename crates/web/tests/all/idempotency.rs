//! An API client that lost an answer retries with the same `Idempotency-Key`: it gets the
//! first answer again (marked as replayed) and nothing is done twice; the key with another
//! request is refused; a key is its user's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, person};
use tanzim_domain::accounts::Role;

async fn send(
    api: &Api,
    key: &str,
    body: &serde_json::Value,
) -> (u16, Option<String>, serde_json::Value) {
    let r = api
        .client
        .post(format!("{}/api/v1/members", api.base))
        .bearer_auth(&api.token)
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let replayed = r
        .headers()
        .get("idempotent-replayed")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, replayed, r.json().await.unwrap())
}

async fn a_retry_gets_the_first_answer(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let other = app
        .user("other", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let body = person("ID000001", "05.091.01.07");

    let (status, replayed, first) = send(&api, "renew-7f3a", &body).await;
    assert_eq!((status, replayed), (201, None), "{first}");
    let (status, replayed, again) = send(&api, "renew-7f3a", &body).await;
    assert_eq!(
        (status, replayed.as_deref()),
        (201, Some("true")),
        "{again}"
    );
    assert_eq!(again, first, "the first answer, as it was");
    let (_, found) = api.get("/api/v1/members?q=ID000001").await;
    assert_eq!(found["total"], 1, "one member, not two: {found}");

    // The same key for another request is refused; a new key is a new request.
    let (status, _, e) = send(&api, "renew-7f3a", &person("ID000002", "05.091.01.07")).await;
    assert_eq!(
        (status, e["error"].as_str()),
        (409, Some("idempotency-key-reused")),
        "{e}"
    );
    let (status, _, e) = send(&api, "renew-7f3b", &body).await;
    assert_eq!(
        (status, e["error"].as_str()),
        (409, Some("cin-taken")),
        "{e}"
    );

    // Another user's key of the same name is theirs: the request runs for them.
    let theirs = Api::new(&app, app.token(other).await);
    let (status, replayed, e) = send(&theirs, "renew-7f3a", &body).await;
    assert_eq!(
        (status, replayed, e["error"].as_str()),
        (409, None, Some("cin-taken")),
        "{e}"
    );

    let (status, _, e) = send(&api, "", &body).await;
    assert_eq!(
        (status, e["error"].as_str()),
        (400, Some("idempotency-key-invalid")),
        "{e}"
    );
}
both_engines!(
    an_idempotent_retry_gets_the_first_answer,
    a_retry_gets_the_first_answer
);
