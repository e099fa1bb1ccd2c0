//! Publishing with care (issue 14, item 5): a communiqué is edited on its page beside the
//! public card it will make, published only after that preview and an explicit
//! confirmation, and the feed's ids and links are absolute. Each on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;
use tanzim_web::Config;

/// A meeting of Taounate's secretariat with its Arabic communiqué drafted; the
/// communication officer's browser; the communiqué's id.
async fn drafted(app: &common::TestApp) -> (common::Browser, i64) {
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(app, app.token(admin).await);
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{}/meetings", body["id"]),
            json!({"kind": "organizational", "held_on": "2026-11-28", "members_present_count": 9}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let (s, c) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{}/communiques", m["id"]),
            json!({}),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    app.user("comms", &[(Role::CommunicationOfficer, None, None)])
        .await;
    (app.browser("comms").await, c["id"].as_i64().unwrap())
}

async fn published_only_after_preview_and_confirmation(engine: Engine) {
    let app = common::spawn(engine).await;
    let (web, id) = drafted(&app).await;
    let page = format!("/communiques/{id}");
    let view = web.get(&page).await;
    assert_eq!(view.status, 200, "{}", view.body);
    // The public card, as /news will show it, beside the form.
    assert!(
        view.body.contains(&format!("id=\"news-{id}\"")),
        "{}",
        view.body
    );
    assert!(
        view.body.contains("الاجتماع: 28 نونبر 2026"),
        "{}",
        view.body
    );
    assert!(view.body.contains("id=\"confirm-publish\""));
    assert!(
        view.body
            .contains("<span class=\"tag\">مسودة</span> بلاغ بعد الانعقاد")
    );

    // Edited on the page: the preview follows.
    let saved = web
        .submit(
            &page,
            &page,
            &[
                ("headline", "الأمانة الإقليمية بتاونات تعقد اجتماعها التنظيمي"),
                ("body", "نص البلاغ بعد المراجعة."),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let view = web.get(&page).await;
    assert!(view.body.contains("<a href=\"/news/"));
    assert!(
        view.body
            .contains("الأمانة الإقليمية بتاونات تعقد اجتماعها التنظيمي</a>")
    );
    // An empty headline is refused on the page, what was typed kept, nothing saved.
    let refused = web
        .submit(&page, &page, &[("headline", " "), ("body", "نص آخر")])
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains(">نص آخر</textarea>"));

    // A publication without the page's confirmation is refused: the public sees nothing.
    let unconfirmed = web.submit(&page, &format!("{page}/publish"), &[]).await;
    assert_eq!(unconfirmed.status, 422, "{}", unconfirmed.body);
    assert!(unconfirmed.body.contains("يلزم تأكيد هذه العملية."));
    let public = common::Browser::new(&app);
    assert!(
        !public
            .get("/news")
            .await
            .body
            .contains("نص البلاغ بعد المراجعة")
    );

    let confirmed = web
        .submit(&page, &format!("{page}/publish"), &[("confirm", "yes")])
        .await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
    let news = public.get("/news").await;
    assert!(
        news.body.contains("نص البلاغ بعد المراجعة."),
        "{}",
        news.body
    );
    assert!(news.body.contains("الاجتماع: 28 نونبر 2026 · النشر:"));

    // Withdrawn the same careful way.
    assert!(
        web.get(&page)
            .await
            .body
            .contains("id=\"confirm-unpublish\"")
    );
    let withdrawn = web
        .submit(&page, &format!("{page}/unpublish"), &[("confirm", "yes")])
        .await;
    assert_eq!(withdrawn.status, 303);
    assert!(
        !public
            .get("/news")
            .await
            .body
            .contains("نص البلاغ بعد المراجعة")
    );
}
both_engines!(
    published_only_after_preview_and_confirmation,
    published_only_after_preview_and_confirmation
);

async fn feed_ids_and_links_are_absolute(engine: Engine) {
    let config = Config {
        public_url: Some("https://tanzim.example.ma".to_owned()),
        ..Config::default()
    };
    let app = common::spawn_with(engine, config).await;
    let (web, id) = drafted(&app).await;
    let page = format!("/communiques/{id}");
    web.submit(&page, &format!("{page}/publish"), &[("confirm", "yes")])
        .await;
    let feed = common::Browser::new(&app).get("/news.atom").await.body;
    assert!(
        feed.contains("<id>https://tanzim.example.ma/news</id>"),
        "{feed}"
    );
    assert!(
        feed.contains(&format!(
            "<id>https://tanzim.example.ma/news/{id}</id>\n<link href=\"https://tanzim.example.ma/news/{id}\"/>"
        )),
        "{feed}"
    );
}
both_engines!(
    feed_ids_and_links_are_absolute,
    feed_ids_and_links_are_absolute
);
