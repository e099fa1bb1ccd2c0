//! The browser test of reports up the hierarchy: on a phone in Arabic, the provincial
//! officer of Taza drafts the report of the first quarter, writes its narrative and submits
//! it, and the regional officer acknowledges it; then on a desktop in French, the officer
//! of Sefrou files the same quarter's report and the region returns it with a comment.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromedriver; .ci/run runs it"]
async fn a_province_files_its_report_and_the_region_acknowledges_or_returns_it() {
    let app = common::spawn(Engine::Sqlite).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = common::Api::new(&app, app.token(admin).await);
    let body = |input: serde_json::Value| {
        let api = &api;
        async move {
            let (s, b) = api.send("POST", "/api/v1/bodies", input).await;
            assert_eq!(s, 201, "{b}");
            b["id"].as_i64().unwrap()
        }
    };
    let region = body(serde_json::json!({"organization": "party", "kind": "regional_secretariat", "territory": "03"})).await;
    let taza = body(serde_json::json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.561", "parent_id": region})).await;
    let sefrou = body(serde_json::json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.451", "parent_id": region})).await;
    for (name, scope) in [
        ("officer.region", "03"),
        ("officer.taza", "03.561"),
        ("officer.sefrou", "03.451"),
    ] {
        app.user(name, &[(Role::Officer, Some(scope), None)]).await;
    }
    let (c_driver, c) = start_browser().await;
    let _driver = c_driver;

    // Taza's officer drafts the report of the first quarter of 2026.
    sign_in(&c, &app, "officer.taza").await;
    c.goto(&app.url(&format!("/bodies/{taza}/reports")))
        .await
        .unwrap();
    c.execute(
        "document.querySelector('#report-new [name=kind]').value = 'quarterly';
         document.querySelector('#report-new [name=year]').value = '2026';
         document.querySelector('#report-new [name=quarter]').value = '1';",
        vec![],
    )
    .await
    .unwrap();
    click(&c, "#report-new-submit").await;
    assert_eq!(
        text(&c, "#report-title").await,
        "تقرير الأمانة الإقليمية بتازة عن الفصل الأول من سنة 2026"
    );
    assert_eq!(text(&c, "#report-status").await, "مسودة");
    type_in(
        &c,
        "#report-edit [name=achievements]",
        "تجديد هياكل ثلاثة فروع محلية وتنظيم ملتقى إقليمي للشباب",
    )
    .await;
    type_in(
        &c,
        "#report-edit [name=difficulties]",
        "ضعف الموارد المالية",
    )
    .await;
    type_in(&c, "#report-edit [name=requests]", "توفير مقر إقليمي").await;
    click(&c, "#report-edit-submit").await;
    scroll_to(&c, "report-edit").await;
    shot(&c, "70-report-draft-ar-phone").await;
    click_in_page(&c, "#report-submit [name=confirm]").await;
    click(&c, "#report-submit-button").await;
    assert_eq!(text(&c, "#report-status").await, "مرفوع");
    let narrative = text(&c, "#report-narrative").await;
    assert!(
        narrative.contains("تجديد هياكل ثلاثة فروع محلية وتنظيم ملتقى إقليمي للشباب")
            && narrative.contains("توفير مقر إقليمي"),
        "{narrative}"
    );
    scroll_to(&c, "report-narrative").await;
    shot(&c, "71-report-submitted-ar-phone").await;

    // The region's officer finds it among the reports received and acknowledges it.
    sign_in(&c, &app, "officer.region").await;
    c.goto(&app.url(&format!("/bodies/{region}/reports")))
        .await
        .unwrap();
    let received = text(&c, "#reports-received").await;
    assert!(
        received.contains("تازة") && received.contains("مرفوع"),
        "{received}"
    );
    shot(&c, "72-reports-received-ar-phone").await;
    click(&c, "#reports-received a").await;
    click_in_page(&c, "#report-acknowledge [name=confirm]").await;
    click(&c, "#report-acknowledge-button").await;
    assert_eq!(text(&c, "#report-status").await, "تم التوصل به");
    shot(&c, "73-report-acknowledged-ar-phone").await;

    // In French on a desktop: Sefrou's officer files the same quarter's report.
    sign_in(&c, &app, "officer.sefrou").await;
    c.set_window_size(1280, 900).await.unwrap();
    c.goto(&app.url(&format!("/bodies/{sefrou}/reports")))
        .await
        .unwrap();
    click(&c, "#lang-fr").await;
    c.execute(
        "document.querySelector('#report-new [name=kind]').value = 'quarterly';
         document.querySelector('#report-new [name=year]').value = '2026';
         document.querySelector('#report-new [name=quarter]').value = '1';",
        vec![],
    )
    .await
    .unwrap();
    click(&c, "#report-new-submit").await;
    assert_eq!(text(&c, "#report-status").await, "brouillon");
    type_in(
        &c,
        "#report-edit [name=achievements]",
        "Deux sections locales renouvelées.",
    )
    .await;
    click(&c, "#report-edit-submit").await;
    click_in_page(&c, "#report-submit [name=confirm]").await;
    click(&c, "#report-submit-button").await;
    assert_eq!(text(&c, "#report-status").await, "transmis");
    shot(&c, "74-report-submitted-fr").await;

    // The region returns it with a comment (signing in afresh clears the language).
    sign_in(&c, &app, "officer.region").await;
    c.goto(&app.url(&format!("/bodies/{region}/reports")))
        .await
        .unwrap();
    click(&c, "#lang-fr").await;
    let received = text(&c, "#reports-received").await;
    assert!(
        received.contains("transmis") && received.contains("reçu"),
        "{received}"
    );
    click(&c, "#reports-received li:first-child a").await;
    type_in(
        &c,
        "#report-return [name=comment]",
        "Ajoutez le bilan des activités de rayonnement.",
    )
    .await;
    click(&c, "#report-return-button").await;
    assert_eq!(text(&c, "#report-status").await, "renvoyé pour correction");
    assert_eq!(
        text(&c, "#report-comment").await,
        "Ajoutez le bilan des activités de rayonnement."
    );
    shot(&c, "75-report-returned-fr").await;
}
