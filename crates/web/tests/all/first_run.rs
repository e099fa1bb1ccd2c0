//! The first run (issue 14, item 6): an administrator who finds no body is led to create
//! the national leadership and a body in every region and province in one step. Both
//! engines.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;

async fn the_tree_is_set_up_in_one_step(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let web = app.browser("admin").await;
    let home = web.get("/").await;
    assert!(home.body.contains("id=\"first-run\""), "{}", home.body);
    assert!(
        home.body
            .contains("<li>القيادة الوطنية: المكتب السياسي</li>")
    );
    assert!(home.body.contains("<li>في كل جهة: الأمانة الجهوية</li>"));
    assert!(
        home.body
            .contains("<li>في كل إقليم وعمالة: الأمانة الإقليمية</li>")
    );
    // An officer is not offered it, and may not do it.
    let officer = app
        .user("officer", &[(Role::Officer, Some("03.531"), None)])
        .await;
    assert!(
        !app.browser("officer")
            .await
            .get("/")
            .await
            .body
            .contains("first-run")
    );
    let officer = Api::new(&app, app.token(officer).await);
    let (s, e) = officer
        .send("POST", "/api/v1/bodies/setup", json!({}))
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("tree-national-only")),
        "{e}"
    );
    let (_, none) = api.get("/api/v1/bodies").await;
    assert_eq!(none["total"], 0, "nothing created");

    let done = web.submit("/", "/bodies/setup", &[]).await;
    assert_eq!(
        (done.status, done.location.as_deref()),
        (303, Some("/bodies"))
    );
    // One political bureau; a regional secretariat in Morocco's 12 regions and the
    // organization abroad; a provincial one in the 83 provinces and prefectures and in the
    // 6 countries where the profile names cities.
    let (_, all) = api.get("/api/v1/bodies?page_size=200").await;
    assert_eq!(all["total"], 1 + 13 + 83 + 6, "{}", all["total"]);
    let body_at = |code: &str| {
        all["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["territory_code"] == code)
            .unwrap()
            .clone()
    };
    let (taounate, fes_meknes, france, abroad) = (
        body_at("03.531"),
        body_at("03"),
        body_at("13.250"),
        body_at("13"),
    );
    assert_eq!(taounate["kind"], "provincial_secretariat");
    assert_eq!(taounate["parent_id"], fes_meknes["id"]);
    assert_eq!(france["parent_id"], abroad["id"]);
    assert!(
        all["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b["territory_code"] != "13.840"),
        "no body in a country where the party names no city"
    );
    // Again: nothing new, what is there is kept; the guide is gone.
    let (s, again) = api.send("POST", "/api/v1/bodies/setup", json!({})).await;
    assert_eq!(s, 200, "{again}");
    assert_eq!(
        (again["created"].as_i64(), again["existing"].as_i64()),
        (Some(0), Some(103))
    );
    assert!(!web.get("/").await.body.contains("id=\"first-run\""));
    // A kind of the wrong level is refused naming the field.
    let (s, e) = api
        .send(
            "POST",
            "/api/v1/bodies/setup",
            json!({"region_kind": "provincial_secretariat"}),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("kind")), "{e}");
}
both_engines!(
    the_tree_is_set_up_in_one_step,
    the_tree_is_set_up_in_one_step
);
