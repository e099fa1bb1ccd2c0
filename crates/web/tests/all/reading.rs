//! Pages that read right to left: what is written left to right (a CIN, a phone number, a
//! membership number, a receipt number) stays one left-to-right run beside its label, days
//! are written as Moroccans write them, and nothing Arabic is slanted.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;

/// A member's page in Arabic: the CIN, the phone and the number are isolated left-to-right
/// runs inside their cells (not cells turned left to right, which would push them to the
/// far side of a right-to-left page), the dates are Moroccan, and the receipt number too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_page_isolates_what_reads_left_to_right() {
    let app = common::spawn(Engine::Sqlite).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (_, body) = api.send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091"})).await;
    let year = chrono::Datelike::year(&tanzim_web::today());
    let (s, campaign) = api
        .send("POST", "/api/v1/campaigns", json!({"body_id": body["id"], "year": year.to_string(), "opens_on": format!("{year}-01-01"),
            "closes_on": format!("{year}-12-31"), "categories": "standard|عادي|100"}))
        .await;
    assert_eq!(s, 201, "{campaign}");
    let mut person = common::person("BE123456", "05.091.01.07");
    person["joined_on"] = json!("2024-01-15");
    let (s, member) = api.send("POST", "/api/v1/members", person).await;
    assert_eq!(s, 201, "{member}");
    let id = member["id"].as_i64().unwrap();
    let (s, payment) = api
        .send(
            "POST",
            &format!("/api/v1/members/{id}/payments"),
            json!({"campaign_id": campaign["id"], "category": "standard", "receipt": "BM-0001"}),
        )
        .await;
    assert_eq!(s, 201, "{payment}");

    let b = app.browser("admin").await;
    let page = b.get(&format!("/members/{id}")).await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    for expected in [
        "<dd><bdi dir=\"ltr\" id=\"member-cin\">BE123456</bdi></dd>",
        // Stored as +212…: without the isolation the plus sign would move to the run's end.
        "<a href=\"tel:+212612345678\"><bdi dir=\"ltr\" id=\"member-phone\">+212612345678</bdi></a>",
        "<bdi dir=\"ltr\" id=\"member-number\">05091-000001</bdi>",
        "<bdi dir=\"ltr\">BM-0001</bdi>",
        "<dd>15 يناير 2024</dd>",
        "<dd>08 دجنبر 1990</dd>",
        "100,00 درهم",
    ] {
        assert!(body.contains(expected), "{expected} missing: {body}");
    }
    assert!(!body.contains("<dd dir=\"ltr\">"), "{body}");

    // The receipt too.
    let page = b.get(&format!("/payments/{}/receipt", payment["id"])).await;
    for expected in [
        "<bdi dir=\"ltr\">BM-0001</bdi>",
        "<dd><bdi dir=\"ltr\">05091-000001</bdi></dd>",
        "<dd id=\"receipt-amount\">100,00 درهم</dd>",
    ] {
        assert!(page.body.contains(expected), "{expected}: {}", page.body);
    }

    // In French, days and amounts as the French of Morocco writes them.
    b.get(&format!("/lang/fr?next=/members/{id}")).await;
    let page = b.get(&format!("/members/{id}")).await;
    for expected in [
        "<dd>15 janvier 2024</dd>",
        "<dd>08 décembre 1990</dd>",
        "100,00 DH",
    ] {
        assert!(page.body.contains(expected), "{expected}: {}", page.body);
    }
}

/// Arabic has no italics (browsers slant it synthetically, which reads badly): no template
/// uses `<i>` or `<em>`, and the stylesheet slants nothing.
#[test]
fn nothing_is_slanted() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let css = std::fs::read_to_string(format!("{root}/assets/tanzim.css")).unwrap();
    let css = css.replace(' ', "");
    for slant in ["font-style:italic", "font-style:oblique", "font:italic"] {
        assert!(!css.contains(slant), "the stylesheet slants text: {slant}");
    }
    let mut seen = 0;
    for entry in std::fs::read_dir(format!("{root}/crates/web/templates")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        seen += 1;
        for tag in ["<i>", "<i ", "<em>", "<em ", "font-style"] {
            assert!(!text.contains(tag), "{}: {tag}", path.display());
        }
    }
    assert!(seen > 40, "only {seen} templates read");
}
