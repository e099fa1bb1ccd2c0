//! Receipt numbers generated per body (issue 14, item 6): left blank, a renewal's receipt
//! is the body's next number in the profile's pattern (`R{body}-{year}-{seq}`); typed from
//! a paper receipt book, it is kept, and the sequence steps over it. Both engines.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::members::{member, setup, year};

use common::Engine;
use serde_json::json;

async fn blank_receipts_are_numbered_per_body(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, body, campaign) = setup(&app).await;
    let y = year();
    let mut receipts = Vec::new();
    for (cin, typed) in [
        ("AB200001", None),
        ("AB200002", None),
        // Typed by hand: the number the sequence would give next.
        ("AB200003", Some(format!("r{body}-{y}-00003"))),
        ("AB200004", None),
    ] {
        let id = member(&api, cin, "05.091.01.07", None).await;
        let mut renewal = json!({"campaign_id": campaign, "category": "standard"});
        if let Some(r) = typed {
            renewal["receipt"] = json!(r);
        }
        let (s, p) = api
            .send("POST", &format!("/api/v1/members/{id}/payments"), renewal)
            .await;
        assert_eq!(s, 201, "{p}");
        receipts.push(p["receipt"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        receipts,
        [
            format!("R{body}-{y}-00001"),
            format!("R{body}-{y}-00002"),
            format!("R{body}-{y}-00003"),
            format!("R{body}-{y}-00004"),
        ]
    );
}
both_engines!(
    blank_receipts_are_numbered_per_body,
    blank_receipts_are_numbered_per_body
);

/// The dues schedule is written row by row on the page (a name, an amount, a key), not as
/// `key|label|amount` lines; a row with a bad amount is refused naming the field.
async fn the_dues_schedule_is_edited_row_by_row(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user(
            "admin",
            &[(tanzim_domain::accounts::Role::Administrator, None, None)],
        )
        .await;
    let api = common::Api::new(&app, app.token(admin).await);
    let (_, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091"}))
        .await;
    let body = body["id"].as_i64().unwrap().to_string();
    let web = app.browser("admin").await;
    let form = web.get("/campaigns/new").await;
    assert_eq!(form.status, 200);
    // Prefilled with the usual schedule, six rows to fill.
    assert!(form.body.contains("name=\"cat_label_1\" value=\"عادي\""));
    assert!(form.body.contains("name=\"cat_amount_2\" value=\"50\""));
    assert!(form.body.contains("name=\"cat_key_6\""));
    let y = year().to_string();
    let fields = |amount: &'static str| {
        vec![
            ("body_id", body.clone()),
            ("year", y.clone()),
            ("opens_on", format!("{y}-01-01")),
            ("closes_on", format!("{y}-12-31")),
            ("cat_label_1", "عادي".to_owned()),
            ("cat_amount_1", "100".to_owned()),
            ("cat_key_1", "standard".to_owned()),
            ("cat_label_2", "المنتخبون".to_owned()),
            ("cat_amount_2", amount.to_owned()),
            ("cat_key_2", "elected".to_owned()),
        ]
    };
    let refused = fields("مائتان");
    let refused: Vec<(&str, &str)> = refused.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = web.submit("/campaigns/new", "/campaigns", &refused).await;
    assert_eq!(page.status, 422, "{}", page.body);
    // What was typed stays in its row.
    assert!(page.body.contains("name=\"cat_amount_2\" value=\"مائتان\""));
    let accepted = fields("200");
    let accepted: Vec<(&str, &str)> = accepted.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let created = web.submit("/campaigns/new", "/campaigns", &accepted).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let id = created
        .location
        .as_deref()
        .unwrap()
        .trim_start_matches("/campaigns/")
        .to_owned();
    let (_, campaign) = api.get(format!("/api/v1/campaigns/{id}")).await;
    let schedule: Vec<(&str, &str, i64)> = campaign["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["key"].as_str().unwrap(),
                c["label"].as_str().unwrap(),
                c["amount"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        schedule,
        // Amounts are kept in centimes: 100 MAD is 10,000.
        [
            ("standard", "عادي", 10_000),
            ("elected", "المنتخبون", 20_000)
        ]
    );
}
both_engines!(
    the_dues_schedule_is_edited_row_by_row,
    the_dues_schedule_is_edited_row_by_row
);
