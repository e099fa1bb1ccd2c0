//! Requests raised at a meeting and their follow-up, through the API (and the pages where
//! a page is the point) on both engines: a local bureau's meeting asks the provincial
//! secretariat for an office; the province's officer sees it on its home page and answers;
//! the answer is reported at the bureau's next meeting, on its page and in its minutes.
//! Bad inputs are refused with their field and save nothing; a request is 404 to an
//! officer who covers neither body. Every expected value is written by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

struct World {
    app: common::TestApp,
    admin: Api,
    province_officer: Api,
    local_officer: Api,
    outsider: Api,
    province: i64,
    local: i64,
    women: i64,
}

async fn world(engine: Engine) -> World {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let admin = Api::new(&app, app.token(admin).await);
    let body = |input: Value| {
        let admin = &admin;
        async move {
            let (s, b) = admin.send("POST", "/api/v1/bodies", input).await;
            assert_eq!(s, 201, "{b}");
            b["id"].as_i64().unwrap()
        }
    };
    let province = body(json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531", "name": "الأمانة الإقليمية بتاونات"})).await;
    let local = body(json!({"organization": "party", "kind": "local_bureau", "territory": "03.531.01.05", "name": "المكتب المحلي بتاونات", "parent_id": province})).await;
    let women = body(json!({"organization": "women", "kind": "provincial_office", "territory": "03.531", "name": "المكتب الإقليمي لمنظمة النساء"})).await;
    let mut apis = Vec::new();
    for (name, scope) in [
        ("officer.province", "03.531"),
        ("officer.local", "03.531.01.05"),
        ("officer.beni", "05.091"),
    ] {
        let id = app.user(name, &[(Role::Officer, Some(scope), None)]).await;
        apis.push(Api::new(&app, app.token(id).await));
    }
    let outsider = apis.pop().unwrap();
    let local_officer = apis.pop().unwrap();
    let province_officer = apis.pop().unwrap();
    World {
        app,
        admin,
        province_officer,
        local_officer,
        outsider,
        province,
        local,
        women,
    }
}

async fn meeting(api: &Api, body: i64, held_on: &str) -> i64 {
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"kind": "organizational", "held_on": held_on}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    m["id"].as_i64().unwrap()
}

fn texts(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap().to_owned())
        .collect()
}

async fn minutes(api: &Api, meeting: i64) -> String {
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting}/minutes"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200, "{m}");
    m["minutes"].as_str().unwrap().to_owned()
}

async fn raised_answered_and_reported_at_the_next_meeting(engine: Engine) {
    let w = world(engine).await;
    let first = meeting(&w.local_officer, w.local, "2026-10-01").await;
    let raise = format!("/api/v1/meetings/{first}/requests");
    let (s, office) = w
        .local_officer
        .send(
            "POST",
            &raise,
            json!({"text": "توفير مقر للفرع", "requested_by": "أعضاء الفرع المحلي",
            "addressed_body_id": w.province, "due_on": "2026-10-20"}),
        )
        .await;
    assert_eq!(s, 201, "{office}");
    assert_eq!(
        (
            office["addressed_body_name"].as_str(),
            office["body_name"].as_str(),
            office["raised_on"].as_str(),
            office["due_on"].as_str(),
            office["answer"].as_str(),
            office["overdue"].as_bool(),
        ),
        (
            Some("الأمانة الإقليمية بتاونات"),
            Some("المكتب المحلي بتاونات"),
            Some("2026-10-01"),
            Some("2026-10-20"),
            None,
            Some(true)
        )
    );
    let office = office["id"].as_i64().unwrap();
    let (s, study) = w
        .local_officer
        .send(
            "POST",
            &raise,
            json!({"text": "تنظيم يوم دراسي حول التشغيل", "addressed_body_id": w.local,
            "addressed_to": "كاتب الفرع"}),
        )
        .await;
    assert_eq!(s, 201, "{study}");
    let study = study["id"].as_i64().unwrap();

    // Both officers of the bodies see the request; an officer of another province does not.
    for api in [&w.local_officer, &w.province_officer] {
        let (s, r) = api.get(format!("/api/v1/requests/{office}")).await;
        assert_eq!((s, r["text"].as_str()), (200, Some("توفير مقر للفرع")));
    }
    let (s, _) = w.outsider.get(format!("/api/v1/requests/{office}")).await;
    assert_eq!(s, 404);
    let (s, _) = w
        .outsider
        .send(
            "POST",
            &format!("/api/v1/requests/{office}/answer"),
            json!({"answer": "لا", "answered_on": "2026-10-12"}),
        )
        .await;
    assert_eq!(s, 404);

    // What awaits an answer: the province sees both (the bureau lies in it), the bureau
    // only what is addressed to it.
    let (s, awaiting) = w.province_officer.get("/api/v1/requests").await;
    assert_eq!(s, 200, "{awaiting}");
    assert_eq!(
        texts(&awaiting),
        ["توفير مقر للفرع", "تنظيم يوم دراسي حول التشغيل"]
    );
    assert_eq!(awaiting[0]["overdue"], true);
    assert_eq!(awaiting[1]["overdue"], false);
    let (_, awaiting) = w.local_officer.get("/api/v1/requests").await;
    assert_eq!(texts(&awaiting), ["تنظيم يوم دراسي حول التشغيل"]);
    let home = w.app.browser("officer.province").await.get("/").await;
    assert_eq!(home.status, 200);
    let section = home.body.split("id=\"requests-awaiting\"").nth(1).unwrap();
    assert!(section.contains("توفير مقر للفرع"), "{}", home.body);
    assert!(section.contains("تجاوز الأجل"), "{}", home.body);

    // The bureau's officer may see the request, not answer for the province.
    let answer = format!("/api/v1/requests/{office}/answer");
    let (s, e) = w
        .local_officer
        .send(
            "POST",
            &answer,
            json!({"answer": "نعم", "answered_on": "2026-10-12"}),
        )
        .await;
    assert_eq!(s, 403, "{e}");
    for (input, error, field) in [
        (
            json!({"answer": "تم", "answered_on": "2026-09-30"}),
            "answer-before-meeting",
            "answered_on",
        ),
        (
            json!({"answer": "  ", "answered_on": "2026-10-12"}),
            "answer-required",
            "answer",
        ),
        (
            json!({"answer": "تم"}),
            "answered-on-invalid",
            "answered_on",
        ),
    ] {
        let (s, e) = w.province_officer.send("POST", &answer, input).await;
        assert_eq!(
            (s, e["error"].as_str(), e["field"].as_str()),
            (422, Some(error), Some(field)),
            "{e}"
        );
    }
    let (_, r) = w.admin.get(format!("/api/v1/requests/{office}")).await;
    assert_eq!(
        (r["answer"].as_str(), r["answered_on"].as_str()),
        (None, None)
    );
    let (s, r) = w
        .province_officer
        .send(
            "POST",
            &answer,
            json!({"answer": "تم تخصيص قاعة بمقر الأمانة الإقليمية.", "answered_on": "2026-10-12"}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(
        (
            r["answer"].as_str(),
            r["answered_on"].as_str(),
            r["overdue"].as_bool()
        ),
        (
            Some("تم تخصيص قاعة بمقر الأمانة الإقليمية."),
            Some("2026-10-12"),
            Some(false)
        )
    );
    let (s, e) = w
        .province_officer
        .send(
            "POST",
            &answer,
            json!({"answer": "جواب ثان", "answered_on": "2026-10-13"}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("request-answered")));
    let (_, r) = w.admin.get(format!("/api/v1/requests/{office}")).await;
    assert_eq!(
        r["answer"].as_str(),
        Some("تم تخصيص قاعة بمقر الأمانة الإقليمية.")
    );
    // Answered: no longer awaiting, no longer corrected.
    let (_, awaiting) = w.province_officer.get("/api/v1/requests").await;
    assert_eq!(texts(&awaiting), ["تنظيم يوم دراسي حول التشغيل"]);
    let (s, e) = w
        .local_officer
        .send(
            "PATCH",
            &format!("/api/v1/requests/{office}"),
            json!({"text": "x", "addressed_body_id": w.province}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("request-answered")));

    // The bureau's next meeting after the answer reports it; the one after does not.
    let next = meeting(&w.local_officer, w.local, "2026-11-05").await;
    let later = meeting(&w.local_officer, w.local, "2026-12-20").await;
    let (_, d) = w
        .local_officer
        .get(format!("/api/v1/meetings/{next}"))
        .await;
    assert_eq!(texts(&d["answers"]), ["توفير مقر للفرع"]);
    assert_eq!(texts(&d["requests"]), Vec::<String>::new());
    for m in [first, later] {
        let (_, d) = w.local_officer.get(format!("/api/v1/meetings/{m}")).await;
        assert_eq!(texts(&d["answers"]), Vec::<String>::new(), "{m}");
    }
    let (_, d) = w
        .local_officer
        .get(format!("/api/v1/meetings/{first}"))
        .await;
    assert_eq!(
        texts(&d["requests"]),
        ["توفير مقر للفرع", "تنظيم يوم دراسي حول التشغيل"]
    );
    let page = w
        .app
        .browser("officer.local")
        .await
        .get(&format!("/meetings/{next}"))
        .await;
    assert_eq!(page.status, 200);
    let answers = page.body.split("id=\"request-answers\"").nth(1).unwrap();
    assert!(
        answers.contains("تم تخصيص قاعة بمقر الأمانة الإقليمية."),
        "{}",
        page.body
    );

    // The minutes: the first meeting lists what it raised, the next the answer.
    let text = minutes(&w.local_officer, first).await;
    assert!(
        text.ends_with(
            "المطالب المرفوعة:\n\
             - توفير مقر للفرع، بطلب من أعضاء الفرع المحلي، موجهة إلى الأمانة الإقليمية بتاونات، في أجل أقصاه 20 أكتوبر 2026.\n\
             - تنظيم يوم دراسي حول التشغيل، موجهة إلى المكتب المحلي بتاونات في شخص كاتب الفرع."
        ),
        "{text}"
    );
    assert!(!text.contains("الأجوبة على المطالب السابقة"), "{text}");
    let text = minutes(&w.local_officer, next).await;
    assert!(
        text.ends_with(
            "الأجوبة على المطالب السابقة:\n\
             - توفير مقر للفرع: أجابت الأمانة الإقليمية بتاونات بتاريخ 12 أكتوبر 2026: تم تخصيص قاعة بمقر الأمانة الإقليمية."
        ),
        "{text}"
    );
    assert!(!text.contains("المطالب المرفوعة"), "{text}");
    let text = minutes(&w.local_officer, later).await;
    assert!(!text.contains("المطالب"), "{text}");

    // The bureau answers its own request: a masculine body, «أجاب».
    let (s, _) = w
        .local_officer
        .send(
            "POST",
            &format!("/api/v1/requests/{study}/answer"),
            json!({"answer": "برمج اليوم الدراسي في دجنبر", "answered_on": "2026-11-10"}),
        )
        .await;
    assert_eq!(s, 200);
    let text = minutes(&w.local_officer, later).await;
    assert!(
        text.ends_with(
            "الأجوبة على المطالب السابقة:\n\
             - تنظيم يوم دراسي حول التشغيل: أجاب المكتب المحلي بتاونات بتاريخ 10 نونبر 2026: برمج اليوم الدراسي في دجنبر."
        ),
        "{text}"
    );

    // The province's list: its one request, answered; the women's office has none.
    let (s, list) = w
        .province_officer
        .get(format!("/api/v1/bodies/{}/requests", w.province))
        .await;
    assert_eq!(s, 200, "{list}");
    assert_eq!(
        (list["total"].as_i64(), texts(&list["items"])),
        (Some(1), vec!["توفير مقر للفرع".to_owned()])
    );
    let (_, list) = w
        .province_officer
        .get(format!(
            "/api/v1/bodies/{}/requests?status=open",
            w.province
        ))
        .await;
    assert_eq!(list["total"].as_i64(), Some(0));
    let browser = w.app.browser("admin").await;
    let page = browser
        .get(&format!("/bodies/{}/requests", w.province))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("توفير مقر للفرع"), "{}", page.body);
    let page = browser.get(&format!("/bodies/{}/requests", w.women)).await;
    assert!(page.body.contains("id=\"requests-empty\""), "{}", page.body);

    // Answers and records are in the audit log.
    let (s, log) = w.admin.get("/api/v1/audit?action=request-answered").await;
    assert_eq!(s, 200, "{log}");
    assert_eq!(log["items"].as_array().unwrap().len(), 2, "{log}");
}
both_engines!(
    raised_answered_and_reported_at_the_next_meeting,
    raised_answered_and_reported_at_the_next_meeting
);

async fn bad_requests_are_refused_and_save_nothing(engine: Engine) {
    let w = world(engine).await;
    let m = meeting(&w.local_officer, w.local, "2026-10-01").await;
    let raise = format!("/api/v1/meetings/{m}/requests");
    let ok = json!({"text": "توفير مقر للفرع", "addressed_body_id": w.province});
    let with = |key: &str, value: Value| {
        let mut v = ok.clone();
        v[key] = value;
        v
    };
    for (input, error, field) in [
        (with("text", json!("   ")), "request-text-required", "text"),
        (
            with("text", json!("م".repeat(1001))),
            "request-text-too-long",
            "text",
        ),
        (
            with("addressed_body_id", json!(999_999)),
            "request-body-unknown",
            "addressed_body_id",
        ),
        (
            with("addressed_body_id", json!(w.women)),
            "request-body-unknown",
            "addressed_body_id",
        ),
        (
            json!({"text": "توفير مقر للفرع"}),
            "request-body-required",
            "addressed_body_id",
        ),
        (
            with("due_on", json!("2026-09-30")),
            "due-before-meeting",
            "due_on",
        ),
        (with("due_on", json!("غدا")), "due-on-invalid", "due_on"),
    ] {
        let (s, e) = w.local_officer.send("POST", &raise, input).await;
        assert_eq!(
            (s, e["error"].as_str(), e["field"].as_str()),
            (422, Some(error), Some(field)),
            "{e}"
        );
    }
    // The form says which field, in the page's language, and saves nothing either.
    let b = w.app.browser("officer.local").await;
    let page = b
        .submit(
            &format!("/meetings/{m}"),
            &format!("/meetings/{m}/requests"),
            &[("text", "x"), ("addressed_body_id", &w.women.to_string())],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.body.contains(
            "الهيئة الموجه إليها: ليست هيئة قائمة من هيئات التنظيم يمكن توجيه المطلب إليها."
        ),
        "{}",
        page.body
    );
    let (_, d) = w.admin.get(format!("/api/v1/meetings/{m}")).await;
    assert_eq!(d["requests"], json!([]), "{d}");
    // An officer of another province cannot raise one at this meeting.
    let (s, _) = w.outsider.send("POST", &raise, ok.clone()).await;
    assert_eq!(s, 404);

    // Through the form, then corrected and removed through the request's page.
    let page = b
        .submit(
            &format!("/meetings/{m}"),
            &format!("/meetings/{m}/requests"),
            &[
                ("text", "مضاعفة زيارات البرلمانيين للإقليم"),
                ("addressed_body_id", &w.province.to_string()),
                ("addressed_to", "البرلماني عن الدائرة"),
                ("due_on", ""),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let (_, d) = w.admin.get(format!("/api/v1/meetings/{m}")).await;
    let id = d["requests"][0]["id"].as_i64().unwrap();
    assert_eq!(
        (
            d["requests"][0]["addressed_to"].as_str(),
            d["requests"][0]["due_on"].as_str()
        ),
        (Some("البرلماني عن الدائرة"), None)
    );
    let page = b
        .submit(
            &format!("/requests/{id}"),
            &format!("/requests/{id}/edit"),
            &[
                ("text", "مضاعفة زيارات البرلمانيين"),
                ("addressed_body_id", &w.province.to_string()),
                ("due_on", "2026-12-31"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let (_, r) = w.admin.get(format!("/api/v1/requests/{id}")).await;
    assert_eq!(
        (
            r["text"].as_str(),
            r["addressed_to"].as_str(),
            r["due_on"].as_str()
        ),
        (Some("مضاعفة زيارات البرلمانيين"), None, Some("2026-12-31"))
    );
    // An officer who covers neither body does not find it to remove it.
    let (s, _) = w
        .outsider
        .send(
            "POST",
            &format!("/api/v1/requests/{id}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 404);
    let (s, e) = w
        .local_officer
        .send("POST", &format!("/api/v1/requests/{id}/remove"), json!({}))
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("confirmation-required"))
    );
    let (s, _) = w
        .local_officer
        .send(
            "POST",
            &format!("/api/v1/requests/{id}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 204);
    let (s, _) = w.admin.get(format!("/api/v1/requests/{id}")).await;
    assert_eq!(s, 404);
    // Recorded, corrected and removed: each on the meeting's record in the audit log.
    let (_, log) = w.admin.get("/api/v1/audit?action=meeting-recorded").await;
    let mut changes: Vec<Value> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| serde_json::from_str::<Value>(e["detail"].as_str().unwrap()).unwrap())
        .filter(|d| d["request"].as_i64() == Some(id))
        .collect();
    changes.reverse();
    assert_eq!(
        changes
            .iter()
            .map(|d| (d["corrected"].as_bool(), d["removed"].as_bool()))
            .collect::<Vec<_>>(),
        [(None, None), (Some(true), None), (None, Some(true))],
        "{log}"
    );
    assert_eq!(changes[2]["text"], "مضاعفة زيارات البرلمانيين");

    // Once the minutes are approved, the record is closed to new requests.
    minutes(&w.local_officer, m).await;
    let (s, r) = w
        .local_officer
        .send(
            "POST",
            &format!("/api/v1/meetings/{m}/minutes/approve"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    let (s, e) = w.local_officer.send("POST", &raise, ok).await;
    assert_eq!((s, e["error"].as_str()), (409, Some("minutes-approved")));
    let (_, d) = w.admin.get(format!("/api/v1/meetings/{m}")).await;
    assert_eq!(d["requests"], json!([]), "{d}");

    // The province asks the bureau (a body its officer sees): the bureau's officer finds
    // it and answers it, but corrects and removes only what its own meetings raised.
    let pm = meeting(&w.province_officer, w.province, "2026-10-03").await;
    let (s, r) = w
        .province_officer
        .send(
            "POST",
            &format!("/api/v1/meetings/{pm}/requests"),
            json!({"text": "إحصاء المنخرطين الجدد", "addressed_body_id": w.local}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let id = r["id"].as_i64().unwrap();
    let (s, _) = w.local_officer.get(format!("/api/v1/requests/{id}")).await;
    assert_eq!(s, 200);
    for (method, path, body) in [
        (
            "PATCH",
            format!("/api/v1/requests/{id}"),
            json!({"text": "x", "addressed_body_id": w.local}),
        ),
        (
            "POST",
            format!("/api/v1/requests/{id}/remove"),
            json!({"confirm": "yes"}),
        ),
    ] {
        let (s, _) = w.local_officer.send(method, &path, body).await;
        assert_eq!(s, 403, "{method} {path}");
    }
    let (_, awaiting) = w.local_officer.get("/api/v1/requests").await;
    assert_eq!(texts(&awaiting), ["إحصاء المنخرطين الجدد"]);
    let (s, r) = w
        .local_officer
        .send(
            "POST",
            &format!("/api/v1/requests/{id}/answer"),
            json!({"answer": "127 منخرطا", "answered_on": "2026-10-10"}),
        )
        .await;
    assert_eq!(
        (s, r["text"].as_str()),
        (200, Some("إحصاء المنخرطين الجدد"))
    );
    // The bureau cannot ask a body the province's officer does not reach for it either:
    // Béni Mellal's secretariat is another province's.
    let (s, beni) = w
        .admin
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091"}))
        .await;
    assert_eq!(s, 201, "{beni}");
    let (s, e) = w
        .province_officer
        .send(
            "POST",
            &format!("/api/v1/meetings/{pm}/requests"),
            json!({"text": "x", "addressed_body_id": beni["id"]}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("request-body-unknown"))
    );
}
both_engines!(
    bad_requests_are_refused_and_save_nothing,
    bad_requests_are_refused_and_save_nothing
);
