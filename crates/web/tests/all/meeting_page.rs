//! The meeting page that leads (issue 14, item 4), on both engines: the record as steps
//! saying their state, the body's office on the body's page in the profile's order, a
//! warning when a holder named at a meeting holds the position only from a later day, the
//! start of a holder required on the page, and minutes without empty sections.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;

async fn body(api: &Api) -> i64 {
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531"}))
        .await;
    assert_eq!(s, 201, "{body}");
    body["id"].as_i64().unwrap()
}

async fn holder(
    api: &Api,
    body_id: i64,
    position: &str,
    rank: Option<u8>,
    name: &str,
    since: &str,
) -> i64 {
    let (s, h) = api
        .send("POST", &format!("/api/v1/bodies/{body_id}/positions"), json!({"position": position, "rank": rank, "holder_name": name, "sex": "M", "started_on": since}))
        .await;
    assert_eq!(s, 201, "{h}");
    h["id"].as_i64().unwrap()
}

/// The text of the `<details>` element with this id, and whether it is open.
fn step<'a>(page: &'a str, id: &str) -> (&'a str, bool) {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id} in {page}"));
    let head_end = start + page[start..].find('>').unwrap();
    let open = page[start..head_end].contains(" open");
    let end = start + page[start..].find("</summary>").unwrap();
    (&page[head_end..end], open)
}

async fn the_record_reads_as_steps(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    let b = app.browser("admin").await;
    let admin = app.user("api", &[(Role::Administrator, None, None)]).await;
    let api = Api::new(&app, app.token(admin).await);
    let body_id = body(&api).await;
    let (s, meeting) = api
        .send("POST", &format!("/api/v1/bodies/{body_id}/meetings"), json!({"kind": "organizational", "held_on": "2022-12-08", "agenda": ["حصيلة المرحلة", "هيكلة قطب النساء", "مختلفات"]}))
        .await;
    assert_eq!(s, 201, "{meeting}");
    let id = meeting["id"].as_i64().unwrap();
    // Nobody invited yet: the preparation is the step to do, and the only one open.
    let page = b.get(&format!("/meetings/{id}")).await;
    assert_eq!(page.status, 200);
    let (heading, open) = step(&page.body, "step-preparation");
    assert!(
        heading.contains("التحضير — <span class=\"step-state\">3 نقط في جدول الأعمال</span>"),
        "{heading}"
    );
    assert!(open);
    for other in [
        "step-attendance",
        "step-interventions",
        "step-decisions",
        "step-minutes",
        "step-communique",
    ] {
        assert!(!step(&page.body, other).1, "{other} is open");
    }
    assert!(page.body.contains("/assets/meeting-steps.js"));
    // The forms the browser test relies on are all on the page.
    for id in [
        "id=\"invite\"",
        "id=\"take-attendance\"",
        "id=\"save-attendance\"",
        "id=\"add-intervention\"",
        "id=\"decision-form\"",
        "id=\"add-decision\"",
        "id=\"vote-unanimous\"",
        "id=\"draft-minutes\"",
        "id=\"communiques\"",
        "id=\"invitations\"",
    ] {
        assert!(page.body.contains(id), "{id} missing");
    }
    // Each kind of decision has its fieldset, for the script to show the chosen one.
    for kind in [
        "appoint",
        "create_committee",
        "resolution",
        "launch_campaign",
        "adopt_programme",
        "renew_office",
    ] {
        assert!(
            page.body.contains(&format!("data-kind=\"{kind}\"")),
            "{kind}"
        );
    }
    // Twelve present: the attendance says so, and the next step to do is open.
    let attendance: Vec<_> = (1..=12)
        .map(|i| json!({"name": format!("عضو {i}"), "presence": "present"}))
        .collect();
    let (s, d) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{id}/attendance"),
            json!({"attendance": attendance}),
        )
        .await;
    assert_eq!(s, 200, "{d}");
    let page = b.get(&format!("/meetings/{id}")).await;
    let (heading, open) = step(&page.body, "step-attendance");
    assert!(
        heading.contains("الحضور — <span class=\"step-state\">12 حاضرا</span>"),
        "{heading}"
    );
    assert!(!open);
    let (heading, open) = step(&page.body, "step-interventions");
    assert!(heading.contains("لا مداخلة"), "{heading}");
    assert!(open);
    // A form's answer opens its step as well.
    let r = b
        .submit(
            &format!("/meetings/{id}"),
            &format!("/meetings/{id}/decisions"),
            &[("kind", "resolution"), ("text", "تنظيم لقاء تواصلي")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let to = r.location.unwrap();
    assert_eq!(to, format!("/meetings/{id}?step=decisions#step-decisions"));
    let page = b.get(&to).await;
    let (heading, open) = step(&page.body, "step-decisions");
    assert!(heading.contains("قرار واحد"), "{heading}");
    assert!(open);
    // In French too.
    let fr = app.browser("admin").await;
    let _ = fr.get("/lang/fr").await;
    let page = fr.get(&format!("/meetings/{id}?step=minutes")).await;
    assert!(page.body.contains("<html lang=\"fr\""), "{}", page.body);
    let (heading, _) = step(&page.body, "step-preparation");
    assert!(
        heading.contains("Préparation — <span class=\"step-state\">3 points à l"),
        "{heading}"
    );
    assert!(step(&page.body, "step-minutes").1);
}
both_engines!(the_record_reads_as_steps, the_record_reads_as_steps);

async fn the_office_is_on_the_body_page_in_the_profile_order(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    let b = app.browser("admin").await;
    let admin = app.user("api", &[(Role::Administrator, None, None)]).await;
    let api = Api::new(&app, app.token(admin).await);
    let body_id = body(&api).await;
    // Entered in another order: the second deputy, the first, then the secretary.
    holder(
        &api,
        body_id,
        "deputy",
        Some(2),
        "عبد الرحيم البودالي",
        "2022-01-15",
    )
    .await;
    holder(
        &api,
        body_id,
        "deputy",
        Some(1),
        "مصطفى الغزواني",
        "2022-01-15",
    )
    .await;
    holder(
        &api,
        body_id,
        "secretary",
        None,
        "محمد النجاري",
        "2022-01-15",
    )
    .await;
    for path in [
        format!("/bodies/{body_id}"),
        format!("/bodies/{body_id}/meetings"),
    ] {
        let page = b.get(&path).await;
        assert_eq!(page.status, 200);
        let at = |s: &str| {
            page.body
                .find(s)
                .unwrap_or_else(|| panic!("{s} not on {path}"))
        };
        let secretary = at("الأمين الإقليمي");
        let first = at("النائب الأول للأمين الإقليمي");
        let second = at("النائب الثاني للأمين الإقليمي");
        assert!(
            secretary < first && first < second,
            "{path}: {secretary} {first} {second}"
        );
    }
    let page = b.get(&format!("/bodies/{body_id}")).await;
    assert!(page.body.contains("id=\"office\""));
    assert!(page.body.contains("محمد النجاري"));
}
both_engines!(
    the_office_is_on_the_body_page_in_the_profile_order,
    the_office_is_on_the_body_page_in_the_profile_order
);

async fn a_holder_since_after_the_meeting_is_warned_about(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    let b = app.browser("admin").await;
    let admin = app.user("api", &[(Role::Administrator, None, None)]).await;
    let api = Api::new(&app, app.token(admin).await);
    let body_id = body(&api).await;
    // Recorded "since today" (30 November 2026), then chairing a meeting of 2022.
    let late = holder(
        &api,
        body_id,
        "secretary",
        None,
        "محمد النجاري",
        "2026-11-30",
    )
    .await;
    let (s, meeting) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "organizational", "held_on": "2022-12-08", "chair_holder_id": late}),
        )
        .await;
    assert_eq!(s, 201, "{meeting}");
    let id = meeting["id"].as_i64().unwrap();
    let page = b.get(&format!("/meetings/{id}")).await;
    assert_eq!(page.status, 200, "a warning, not an error");
    assert!(
        page.body.contains("تنبيه: محمد النجاري (الأمين الإقليمي) مسجل في هذا المنصب ابتداء من 30 نونبر 2026 فقط، أي بعد تاريخ الاجتماع (08 دجنبر 2022)."),
        "{}",
        page.body
    );
    // The officer corrects the start: the holder since 2020 raises no warning.
    let on_time = holder(
        &api,
        body_id,
        "secretary",
        None,
        "محمد النجاري",
        "2020-03-01",
    )
    .await;
    let (s, d) = api
        .send(
            "PATCH",
            &format!("/api/v1/meetings/{id}"),
            json!({"kind": "organizational", "held_on": "2022-12-08", "chair_holder_id": on_time}),
        )
        .await;
    assert_eq!(s, 200, "{d}");
    let page = b.get(&format!("/meetings/{id}")).await;
    assert!(
        !page.body.contains("data-warning=\"holder-after\""),
        "{}",
        page.body
    );

    // On the page the holder's start is asked for, not taken to be today.
    let form = b.get(&format!("/bodies/{body_id}/meetings")).await;
    assert!(form.body.contains("name=\"started_on\" required"));
    let r = b
        .submit(
            &format!("/bodies/{body_id}/meetings"),
            &format!("/bodies/{body_id}/positions"),
            &[
                ("position", "treasurer"),
                ("holder_name", "خيرة الهيري"),
                ("sex", "F"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body.contains("تاريخ بداية المهمة: التاريخ مطلوب"),
        "{}",
        r.body
    );
    let r = b
        .submit(
            &format!("/bodies/{body_id}/meetings"),
            &format!("/bodies/{body_id}/positions"),
            &[
                ("position", "treasurer"),
                ("holder_name", "خيرة الهيري"),
                ("sex", "F"),
                ("started_on", "2021-05-02"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    // The API keeps its default (today).
    let (s, h) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/positions"),
            json!({"position": "rapporteur", "holder_name": "جمال التودي", "sex": "M"}),
        )
        .await;
    assert_eq!(s, 201, "{h}");
    assert_eq!(h["started_on"], tanzim_web::today().to_string());
}
both_engines!(
    a_holder_since_after_the_meeting_is_warned_about,
    a_holder_since_after_the_meeting_is_warned_about
);

async fn minutes_without_agenda_have_no_empty_heading(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app.user("api", &[(Role::Administrator, None, None)]).await;
    let api = Api::new(&app, app.token(admin).await);
    let body_id = body(&api).await;
    let (s, meeting) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "organizational", "held_on": "2022-12-08", "commune": "03.531.01.05"}),
        )
        .await;
    assert_eq!(s, 201, "{meeting}");
    let id = meeting["id"].as_i64().unwrap();
    let (s, d) = api
        .send("POST", &format!("/api/v1/meetings/{id}/minutes"), json!({}))
        .await;
    assert_eq!(s, 200, "{d}");
    let minutes = d["minutes"].as_str().unwrap();
    assert!(
        !minutes.contains("جدول الأعمال") && !minutes.contains("القرارات"),
        "{minutes}"
    );
}
both_engines!(
    minutes_without_agenda_have_no_empty_heading,
    minutes_without_agenda_have_no_empty_heading
);
