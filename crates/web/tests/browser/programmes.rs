//! The browser test of activity programmes: a provincial officer builds a programme on a
//! phone in Arabic, the region takes its activity into the regional timetable, the
//! activity is marked held and its communiqué drafted; then the same pages in French.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver; .ci/run runs it"]
async fn a_province_programme_is_folded_into_the_region_and_held() {
    let app = common::spawn(Engine::Sqlite).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = common::Api::new(&app, app.token(admin).await);
    let (_, region) = api.send("POST", "/api/v1/bodies", serde_json::json!({"organization": "party", "kind": "regional_secretariat", "territory": "03"})).await;
    let region = region["id"].as_i64().unwrap();
    let (_, taza) = api
        .send("POST", "/api/v1/bodies", serde_json::json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.561", "parent_id": region}))
        .await;
    let taza = taza["id"].as_i64().unwrap();
    let (c_driver, c) = start_browser().await;
    let _driver = c_driver;
    sign_in(&c, &app, "admin").await;

    // A programme for the year, its first activity in a commune of the province.
    c.goto(&app.url(&format!("/bodies/{taza}/programmes")))
        .await
        .unwrap();
    assert!(text(&c, "#programmes-empty").await.contains("لا يوجد"));
    c.execute("document.querySelector('[name=starts_on]').value = '2026-01-01'; document.querySelector('[name=ends_on]').value = '2026-12-31';", vec![]).await.unwrap();
    click(&c, "#programme-submit").await;
    assert!(text(&c, "#programme-status").await.contains("مشروع"));
    type_in(
        &c,
        "#activity-form [name=title]",
        "لقاء تواصلي مع المنتخبين بتاهلة",
    )
    .await;
    type_in(&c, "#activity-form [name=when]", "2026-03-18").await;
    c.execute(
        "document.querySelector('#activity-form [name=kind]').value = 'outreach';
         document.querySelector('#activity-form [name=audience]').value = 'elected';
         document.querySelector('#activity-form [value=elected][name=themes]').checked = true;
         const commune = document.querySelector('#activity-form [name=commune]');
         commune.value = '03.561.01.07';",
        vec![],
    )
    .await
    .unwrap();
    type_in(&c, "#activity-form [name=budget]", "3500").await;
    click(&c, "#activity-submit").await;
    let rows = text(&c, "#activity-rows").await;
    assert!(
        rows.contains("لقاء تواصلي مع المنتخبين بتاهلة") && rows.contains("تاهلة"),
        "{rows}"
    );
    shot(&c, "60-programme-ar-phone").await;

    // The region takes it into its timetable, then it is held.
    click(&c, "#activity-rows a").await;
    click(&c, "#fold-submit").await;
    assert!(
        text(&c, "#activity")
            .await
            .contains("مدرج في برمجة هيئة أعلى")
    );
    click_in_page(&c, "#held summary").await;
    c.execute(
        "document.querySelector('[name=held_on]').value = '2026-03-18';",
        vec![],
    )
    .await
    .unwrap();
    type_in(&c, "[name=attended_women]", "14").await;
    type_in(&c, "[name=attended_men]", "26").await;
    type_in(&c, "[name=attendees]", "خديجة حجوبي\nمحمد الحجيرة").await;
    click(&c, "#held-submit").await;
    assert_eq!(text(&c, "#activity-status").await, "منجز");
    assert_eq!(
        text(&c, "#activity-attendees").await,
        "خديجة حجوبي، محمد الحجيرة"
    );
    shot(&c, "61-activity-held-ar-phone").await;
    click(&c, "#activity-communique-submit").await;
    let body = wait_for(&c, "textarea[name=body]")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        body.contains("نظمت الأمانة الإقليمية بتازة «لقاء تواصلي مع المنتخبين بتاهلة»"),
        "{body}"
    );
    assert!(
        body.contains("وشارك في النشاط 40 شخصا، من بينهم 14 امرأة."),
        "{body}"
    );
    shot(&c, "62-activity-communique-ar-phone").await;

    // The region's March, on the phone and in French on a desktop.
    c.goto(&app.url(&format!("/bodies/{region}/timetable?month=2026-03")))
        .await
        .unwrap();
    assert!(
        text(&c, "#timetable-rows")
            .await
            .contains("لقاء تواصلي مع المنتخبين بتاهلة")
    );
    assert!(text(&c, "#month-grid").await.contains("18"));
    shot(&c, "63-timetable-ar-phone").await;
    // A calendar app's address, shown once.
    click_in_page(&c, "#feed summary").await;
    click(&c, "#feed-issue").await;
    let url = wait_for(&c, "#feed-url")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        url.contains("/feeds/") && url.ends_with("/timetable.ics"),
        "{url}"
    );
    shot(&c, "63b-timetable-feed-ar-phone").await;
    c.goto(&app.url(&format!("/bodies/{region}/timetable?month=2026-03")))
        .await
        .unwrap();
    click(&c, "#lang-fr").await;
    c.set_window_size(1280, 900).await.unwrap();
    assert_eq!(text(&c, "#month-label").await, "mars 2026");
    assert!(text(&c, "#timetable-rows").await.contains("Tenue"));
    shot(&c, "64-timetable-fr").await;
    c.goto(&app.url(&format!("/bodies/{taza}/programmes")))
        .await
        .unwrap();
    shot(&c, "65-programmes-fr").await;
}
