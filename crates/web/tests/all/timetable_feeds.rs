//! A timetable as a calendar app subscribes to it: a secret address issued for one body,
//! fetched without signing in, read with its user's roles at each fetch, and dead once
//! revoked, reissued, or its user loses the role. Expected values are written by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;

/// A fetch of an address without any session or token: its status and text.
async fn fetch(app: &common::TestApp, url: &str) -> (u16, String) {
    let path = url
        .split_once("/feeds/")
        .map(|(_, rest)| format!("/feeds/{rest}"))
        .unwrap();
    let r = reqwest::get(format!("{}{path}", app.base)).await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn a_calendar_app_follows_the_timetable_while_the_address_lives(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let admin = Api::new(&app, app.token(admin).await);
    let (_, region) = admin
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "party", "kind": "regional_secretariat", "territory": "03"}),
        )
        .await;
    let region = region["id"].as_i64().unwrap();
    let (_, taza) = admin
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.561", "parent_id": region}))
        .await;
    let taza = taza["id"].as_i64().unwrap();
    let region_id = app
        .user("officer.region", &[(Role::Officer, Some("03"), None)])
        .await;
    let officer = Api::new(&app, app.token(region_id).await);
    let taza_id = app
        .user("officer.taza", &[(Role::Officer, Some("03.561"), None)])
        .await;
    let taza_officer = Api::new(&app, app.token(taza_id).await);

    // Taza plans a forum next week (the feed holds the months around today).
    let today = chrono::Utc::now().date_naive();
    let (starts, ends) = (
        today - chrono::Duration::days(30),
        today + chrono::Duration::days(60),
    );
    let (s, p) = taza_officer
        .send("POST", &format!("/api/v1/bodies/{taza}/programmes"),
            json!({"title": "برنامج الأمانة الإقليمية بتازة", "starts_on": starts.to_string(), "ends_on": ends.to_string()}))
        .await;
    assert_eq!(s, 201, "{p}");
    let day = (today + chrono::Duration::days(7)).to_string();
    let (s, a) = taza_officer
        .send("POST", &format!("/api/v1/programmes/{}/activities", p["id"]),
            json!({"title": "ملتقى الشباب بتازة", "kind": "forum", "audience": "youth", "when": day}))
        .await;
    assert_eq!(s, 201, "{a}");

    // The region's officer issues an address; it answers without signing in.
    let (s, first) = officer
        .send(
            "POST",
            &format!("/api/v1/bodies/{region}/timetable/feed"),
            json!({}),
        )
        .await;
    assert_eq!(s, 201, "{first}");
    let url = first["url"].as_str().unwrap().to_owned();
    assert!(
        first["webcal"].as_str().unwrap().starts_with("webcal://"),
        "{first}"
    );
    let (s, ics) = fetch(&app, &url).await;
    assert_eq!(s, 200, "{ics}");
    assert!(ics.contains("SUMMARY:ملتقى الشباب بتازة"), "{ics}");
    assert!(
        ics.contains(&format!("DTSTART;VALUE=DATE:{}", day.replace('-', ""))),
        "{ics}"
    );
    // A province's officer may not take an address for the region's timetable.
    let (s, _) = taza_officer
        .send(
            "POST",
            &format!("/api/v1/bodies/{region}/timetable/feed"),
            json!({}),
        )
        .await;
    assert_eq!(s, 404);

    // A second address replaces the first; revoking ends the second.
    let (_, second) = officer
        .send(
            "POST",
            &format!("/api/v1/bodies/{region}/timetable/feed"),
            json!({}),
        )
        .await;
    let second = second["url"].as_str().unwrap().to_owned();
    assert_ne!(second, url);
    assert_eq!(fetch(&app, &url).await.0, 404);
    assert_eq!(fetch(&app, &second).await.0, 200);
    let (s, _) = officer
        .send(
            "POST",
            &format!("/api/v1/bodies/{region}/timetable/feed/revoke"),
            json!({}),
        )
        .await;
    assert_eq!(s, 204);
    assert_eq!(fetch(&app, &second).await.0, 404);

    // An address lives only as long as its user's role: the region's officer moved to
    // another region sees nothing of this one through it.
    let (_, third) = officer
        .send(
            "POST",
            &format!("/api/v1/bodies/{region}/timetable/feed"),
            json!({}),
        )
        .await;
    let third = third["url"].as_str().unwrap().to_owned();
    assert_eq!(fetch(&app, &third).await.0, 200);
    common::execute(
        &app.db,
        "UPDATE role_assignments SET scope_code = '05', scope_path = '05/' WHERE user_id = $1",
        &[region_id],
    )
    .await;
    assert_eq!(fetch(&app, &third).await.0, 404);
    // Made-up or malformed addresses answer alike.
    for made_up in [
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "short",
        "..%2F..%2Fetc",
    ] {
        assert_eq!(
            fetch(&app, &format!("{}/feeds/{made_up}/timetable.ics", app.base))
                .await
                .0,
            404,
            "{made_up}"
        );
    }
    // Issuing and revoking are on record.
    assert_eq!(
        common::count(
            &app.db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'timetable-feed-issued'"
        )
        .await,
        3
    );
    assert_eq!(
        common::count(
            &app.db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'timetable-feed-revoked'"
        )
        .await,
        1
    );
}
both_engines!(
    a_calendar_app_follows_the_timetable_while_the_address_lives,
    a_calendar_app_follows_the_timetable_while_the_address_lives
);
