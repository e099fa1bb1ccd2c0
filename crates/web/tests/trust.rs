//! What an attacker tries against the web layer, on SQLite and on PostgreSQL: calendar
//! feeds, sign-in throttling, forwarded addresses, links, transport and CSRF tokens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Api, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;

/// The lines of an iCalendar document, unfolded, after checking that every line ends with
/// CRLF, that nothing else breaks one, and that none is longer than 75 octets.
fn ics_lines(feed: &str) -> Vec<String> {
    assert!(feed.ends_with("\r\n"), "{feed:?}");
    let physical: Vec<&str> = feed.trim_end_matches("\r\n").split("\r\n").collect();
    for line in &physical {
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
        assert!(line.len() <= 75, "not folded: {line:?}");
    }
    feed.replace("\r\n ", "")
        .trim_end_matches("\r\n")
        .split("\r\n")
        .map(str::to_owned)
        .collect()
}

/// A meeting's place or slogan cannot add events to the calendars subscribed to a feed:
/// each meeting stays one VEVENT whatever its text holds, escaped and folded.
async fn calendar_feeds(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (_, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091", "name": "الأمانة الإقليمية"}))
        .await;
    let body_id = body["id"].as_i64().unwrap();
    let next_week = (chrono::Local::now().date_naive() + chrono::Duration::days(7)).to_string();
    let slogan = "التزام وتعبئة ونضال; معا, من أجل\\الوطن\nوالمواطنين والمواطنات";
    for place in [
        "Fès\r\nBEGIN:VEVENT\r\nSUMMARY:x",
        "Meknès\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:y",
    ] {
        let (s, m) = api
            .send(
                "POST",
                &format!("/api/v1/bodies/{body_id}/meetings"),
                json!({"kind": "communication", "held_on": next_week, "starts_at": "18:30", "place": place, "slogan": slogan}),
            )
            .await;
        assert_eq!(s, 201, "{m}");
    }
    let web = app.browser("admin").await;
    let link = |page: &str| {
        let start = page.find("/calendar/").unwrap();
        page[start..]
            .chars()
            .take_while(|c| *c != '<' && *c != '"')
            .collect::<String>()
    };
    let personal = web.submit("/calendar", "/calendar/link", &[]).await;
    let body_page = format!("/bodies/{body_id}/meetings");
    let of_body = web
        .submit(&body_page, &format!("/bodies/{body_id}/calendar/link"), &[])
        .await;
    let start = personal.body.find("/calendar/feed/").unwrap();
    let personal_link = link(&personal.body[start..]);
    let start = of_body.body.find("/calendar/bodies/feed/").unwrap();
    let body_link = link(&of_body.body[start..]);
    let day = next_week.replace('-', "");
    for path in [personal_link, body_link] {
        let feed = reqwest::get(app.url(&path))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let lines = ics_lines(&feed);
        let count = |wanted: &str| lines.iter().filter(|l| *l == wanted).count();
        assert_eq!(
            (count("BEGIN:VEVENT"), count("END:VEVENT")),
            (2, 2),
            "{feed}"
        );
        assert_eq!(
            count("LOCATION:Fès\\nBEGIN:VEVENT\\nSUMMARY:x"),
            1,
            "{feed}"
        );
        assert_eq!(
            count("LOCATION:Meknès\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:y"),
            1
        );
        assert_eq!(
            count(
                "DESCRIPTION:التزام وتعبئة ونضال\\; معا\\, من أجل\\\\الوطن\\nوالمواطنين والمواطنات"
            ),
            2,
            "{feed}"
        );
        assert_eq!(count(&format!("DTSTART:{day}T183000")), 2);
        assert_eq!(count("SUMMARY:لقاء تواصلي - الأمانة الإقليمية"), 2, "{feed}");
    }
}
both_engines!(a_meeting_stays_one_event_in_calendar_feeds, calendar_feeds);
