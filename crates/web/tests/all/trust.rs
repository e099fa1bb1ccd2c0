//! What an attacker tries against the web layer, on SQLite and on PostgreSQL: calendar
//! feeds, sign-in throttling, forwarded addresses, links, transport and CSRF tokens.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Browser, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;
use tanzim_domain::throttle;
use tanzim_store::accounts;
use tanzim_web::Config;

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

/// Posts the sign-in form of `b` (its own pre-session token) as `username`.
async fn sign_in(b: &Browser, username: &str, password: &str) -> common::Page {
    let csrf = b.get("/login").await.hidden("csrf");
    b.post(
        "/login",
        &[
            ("csrf", &csrf),
            ("username", username),
            ("password", password),
        ],
    )
    .await
}

/// Failures recorded as if `address` had gone on guessing (the waits then last long enough
/// for no test to race them).
async fn more_failures(app: &common::TestApp, username: &str, address: &str, n: usize) {
    let now = tanzim_store::now();
    for _ in 0..n {
        accounts::login_attempt(&app.db, username, address, now, now - throttle::WINDOW_SECS)
            .await
            .unwrap();
    }
}

/// The addresses of the audit entries of one action, oldest first.
async fn audited(api: &Api, action: &str) -> Vec<String> {
    let (_, log) = api
        .get(format!("/api/v1/audit?action={action}&page_size=100"))
        .await;
    let mut addresses: Vec<String> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["address"].as_str().unwrap_or_default().to_owned())
        .collect();
    addresses.reverse();
    addresses
}

/// Behind a trusted proxy: a guesser's failures make the guesser wait, while the owner signs
/// in from elsewhere; the owner's sign-in does not lift the guesser's wait.
async fn guesser_waits_owner_does_not(engine: Engine) {
    let app = common::spawn_with(
        engine,
        Config {
            trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
            ..Config::default()
        },
    )
    .await;
    let admin = app
        .user("amina", &[(Role::Administrator, None, None)])
        .await;
    // The guesser claims the owner's address; the proxy appends the one it saw.
    let guesser = Browser::with_headers(&app, &[("x-forwarded-for", "198.51.100.4, 203.0.113.7")]);
    let owner = Browser::with_headers(&app, &[("x-forwarded-for", "198.51.100.4")]);
    for _ in 0..throttle::FREE_PER_ACCOUNT_ADDRESS {
        assert_eq!(
            sign_in(&guesser, "amina", "wrong wrong wrong").await.status,
            401
        );
    }
    more_failures(&app, "amina", "203.0.113.7", 5).await;
    // Ten failures: even the right password waits 32 seconds from that address.
    let refused = sign_in(&guesser, "amina", common::PASSWORD).await;
    assert_eq!(refused.status, 429);
    let retry: i64 = refused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=32).contains(&retry), "{retry}");
    let said = refused
        .body
        .split("أعيدوا المحاولة بعد ")
        .nth(1)
        .unwrap_or_default();
    assert!(said.starts_with(&retry.to_string()), "{}", refused.body);
    assert_eq!(sign_in(&owner, "amina", common::PASSWORD).await.status, 303);
    assert_eq!(
        sign_in(&guesser, "amina", common::PASSWORD).await.status,
        429
    );
    let api = Api::new(&app, app.token(admin).await);
    assert_eq!(audited(&api, "login-failed").await, ["203.0.113.7"; 5]);
    assert_eq!(audited(&api, "login-throttled").await, ["203.0.113.7"; 2]);
    assert_eq!(audited(&api, "login-succeeded").await, ["198.51.100.4"]);
}
both_engines!(
    a_guesser_waits_and_the_owner_signs_in,
    guesser_waits_owner_does_not
);

/// Without trusted proxies, X-Forwarded-For is the client's own say: a guesser changing it
/// at every try is still one address, and throttled as one.
async fn forwarded_for_is_ignored(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("amina", &[(Role::Administrator, None, None)])
        .await;
    for i in 1..=5 {
        let spoofer =
            Browser::with_headers(&app, &[("x-forwarded-for", &format!("203.0.113.{i}"))]);
        assert_eq!(
            sign_in(&spoofer, "amina", "wrong wrong wrong").await.status,
            401
        );
    }
    let api = Api::new(&app, app.token(admin).await);
    assert_eq!(audited(&api, "login-failed").await, ["127.0.0.1"; 5]);
    more_failures(&app, "amina", "127.0.0.1", 5).await;
    let spoofer = Browser::with_headers(&app, &[("x-forwarded-for", "198.51.100.4")]);
    assert_eq!(
        sign_in(&spoofer, "amina", common::PASSWORD).await.status,
        429
    );
}
both_engines!(a_spoofed_forwarded_for_is_ignored, forwarded_for_is_ignored);

/// Links are built on the server's own address, never on the request's Host header: a card
/// asked for with `Host: evil.example` still has its QR code lead here.
async fn links_ignore_the_host_header(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (s, m) = api
        .send(
            "POST",
            "/api/v1/members",
            common::person("AB100001", "05.091.01.07"),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let web = app.browser("admin").await;
    let card = web
        .client
        .get(app.url(&format!("/members/{}/card", m["id"])))
        .header("host", "evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(card.status(), 200);
    let card = card.text().await.unwrap();
    assert!(!card.contains("evil.example"), "{card}");
    let link = card
        .split("id=\"verify-link\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert!(link.starts_with(&format!("{}/v/", app.base)), "{link}");
}
both_engines!(
    links_are_built_on_the_servers_address,
    links_ignore_the_host_header
);

/// The CSRF token differs in every page (BREACH: compressed pages that reflect input must
/// not repeat a secret), each copy is accepted, and a tampered one is refused.
async fn csrf_tokens_are_masked(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    // Anonymous: the sign-in form carries a masked copy of the pre-session cookie's token.
    let visitor = Browser::new(&app);
    let first = visitor.get("/login").await;
    let cookie = first.headers["set-cookie"].to_str().unwrap().to_owned();
    let raw = cookie
        .strip_prefix("tanzim_csrf=")
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    let second = visitor.get("/login").await;
    let (a, b) = (first.hidden("csrf"), second.hidden("csrf"));
    assert_ne!(a, b);
    assert!(!first.body.contains(raw) && !second.body.contains(raw));
    // Signed in: two loads of a page, two tokens, both good.
    let web = app.browser("admin").await;
    let (a, b) = (
        web.get("/calendar").await.hidden("csrf"),
        web.get("/calendar").await.hidden("csrf"),
    );
    assert_ne!(a, b);
    for token in [&a, &b] {
        let r = web.post("/calendar/link", &[("csrf", token)]).await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    // The first character changes the pad, so the unmasked token is another one.
    let tampered = format!("{}{}", if a.starts_with('A') { 'B' } else { 'A' }, &a[1..]);
    assert_eq!(
        web.post("/calendar/link", &[("csrf", &tampered)])
            .await
            .status,
        403
    );
    assert_eq!(
        web.post("/calendar/link", &[("csrf", "")]).await.status,
        403
    );
}
both_engines!(
    csrf_tokens_differ_per_page_and_are_checked,
    csrf_tokens_are_masked
);

/// Strict-Transport-Security goes with Secure cookies, and only with them.
async fn hsts_with_secure_cookies(engine: Engine) {
    let app = common::spawn(engine).await;
    let hsts = |page: &common::Page| {
        page.headers
            .get("strict-transport-security")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    assert_eq!(hsts(&Browser::new(&app).get("/login").await), None);
    let proxied = Browser::with_headers(&app, &[("x-forwarded-proto", "https")]);
    let page = proxied.get("/login").await;
    assert_eq!(hsts(&page).as_deref(), Some("max-age=31536000"));
    assert!(
        page.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
    let secure = common::spawn_with(
        engine,
        Config {
            secure_cookies: true,
            ..Config::default()
        },
    )
    .await;
    let page = Browser::new(&secure).get("/login").await;
    assert_eq!(hsts(&page).as_deref(), Some("max-age=31536000"));
    assert_eq!(
        hsts(&Browser::new(&secure).get("/no-such-page").await).as_deref(),
        Some("max-age=31536000")
    );
}
both_engines!(hsts_only_when_cookies_are_secure, hsts_with_secure_cookies);
