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
