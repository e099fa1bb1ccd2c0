//! Activity programmes through the API on both engines, from seed article 001: the
//! Fès-Meknès regional secretariat drafts its 2023 programme of forums, trainings and
//! thematic seminars; the provinces of Taza and Sefrou draft theirs; the region's timetable
//! folds them in and shows the clashes; the regional meeting of 14 January 2023 adopts the
//! programme, which then changes only by amendments with their reasons. Bad inputs are
//! refused with their field and save nothing; a programme is 404 outside its body's scope.
//! Every expected value is written by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

struct World {
    app: common::TestApp,
    comms: Api,
    region_officer: Api,
    taza_officer: Api,
    sefrou_officer: Api,
    outsider: Api,
    region: i64,
    taza: i64,
    sefrou: i64,
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
    let region =
        body(json!({"organization": "party", "kind": "regional_secretariat", "territory": "03"}))
            .await;
    let taza = body(json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.561", "parent_id": region})).await;
    let sefrou = body(json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.451", "parent_id": region})).await;
    let mut apis = Vec::new();
    for (name, scope) in [
        ("officer.region", "03"),
        ("officer.taza", "03.561"),
        ("officer.sefrou", "03.451"),
        ("officer.beni", "05.091"),
    ] {
        let id = app.user(name, &[(Role::Officer, Some(scope), None)]).await;
        apis.push(Api::new(&app, app.token(id).await));
    }
    let comms = app
        .user(
            "comms.national",
            &[(Role::CommunicationOfficer, None, None)],
        )
        .await;
    let comms = Api::new(&app, app.token(comms).await);
    let outsider = apis.pop().unwrap();
    let sefrou_officer = apis.pop().unwrap();
    let taza_officer = apis.pop().unwrap();
    let region_officer = apis.pop().unwrap();
    World {
        app,
        comms,
        region_officer,
        taza_officer,
        sefrou_officer,
        outsider,
        region,
        taza,
        sefrou,
    }
}

async fn programme(api: &Api, body: i64, title: &str) -> i64 {
    let (s, p) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/programmes"),
            json!({"title": title, "starts_on": "2023-01-01", "ends_on": "2023-12-31"}),
        )
        .await;
    assert_eq!(s, 201, "{p}");
    p["id"].as_i64().unwrap()
}

async fn activity(api: &Api, programme: i64, input: Value) -> i64 {
    let (s, a) = api
        .send(
            "POST",
            &format!("/api/v1/programmes/{programme}/activities"),
            input,
        )
        .await;
    assert_eq!(s, 201, "{a}");
    a["id"].as_i64().unwrap()
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect()
}

async fn the_region_folds_in_its_provinces_and_adopts_its_programme(engine: Engine) {
    let w = world(engine).await;
    let regional = programme(
        &w.region_officer,
        w.region,
        "برنامج الأنشطة التنظيمية والإشعاعية برسم سنة 2023",
    )
    .await;
    // The regional forum in the city of Taza, a training spread over April, a seminar.
    let forum = activity(&w.region_officer, regional, json!({"title": "الملتقى الجهوي للشباب", "kind": "forum", "themes": ["youth", "politics"],
        "audience": "youth", "when": "2023-03-18", "commune": "03.561.01.11", "guests": "محمد الحجيرة", "budget": "15000"})).await;
    let training = activity(
        &w.region_officer,
        regional,
        json!({"title": "دورة تكوينية في التواصل الرقمي", "kind": "training", "themes": ["media"],
        "audience": "members", "when": "2023-04"}),
    )
    .await;
    let seminar = activity(&w.region_officer, regional, json!({"title": "ندوة موضوعاتية حول الإدارة الجهوية", "kind": "seminar",
        "themes": ["administration", "economy"], "audience": "elected", "when": "2023-05-13", "commune": "03.231.01.0"})).await;
    // Taza's outreach meeting in Tahla the same day, with the same guest; Sefrou's seminar.
    let taza_programme = programme(
        &w.taza_officer,
        w.taza,
        "برنامج عمل الأمانة الإقليمية بتازة 2023",
    )
    .await;
    let outreach = activity(&w.taza_officer, taza_programme, json!({"title": "لقاء تواصلي مع المنتخبين", "kind": "outreach", "themes": ["elected"],
        "audience": "elected", "when": "2023-03-18", "commune": "03.561.01.07", "guests": "محمد الحجيرة\nخديجة حجوبي"})).await;
    let sefrou_programme = programme(
        &w.sefrou_officer,
        w.sefrou,
        "برنامج عمل الأمانة الإقليمية بصفرو 2023",
    )
    .await;
    let associations = activity(
        &w.sefrou_officer,
        sefrou_programme,
        json!({"title": "ندوة حول النسيج الجمعوي", "kind": "seminar", "themes": ["associations"],
        "audience": "public", "when": "2023-03-18", "commune": "03.451.01.09"}),
    )
    .await;

    // The region's March: its forum and both provinces' activities, with the clashes.
    let (s, march) = w
        .region_officer
        .get(format!(
            "/api/v1/bodies/{}/timetable?month=2023-03",
            w.region
        ))
        .await;
    assert_eq!(s, 200, "{march}");
    assert_eq!(ids(&march["items"]), vec![forum, outreach, associations]);
    assert_eq!(march["per_day"], json!([["2023-03-18", 3]]));
    assert_eq!(march["total"], 3);
    // The count is the month's, whichever page is read; a day narrows both.
    let (_, second) = w
        .region_officer
        .get(format!(
            "/api/v1/bodies/{}/timetable?month=2023-03&page=2&page_size=2",
            w.region
        ))
        .await;
    assert_eq!(ids(&second["items"]), vec![associations]);
    assert_eq!(second["total"], 3);
    let (_, quiet_day) = w
        .region_officer
        .get(format!(
            "/api/v1/bodies/{}/timetable?month=2023-03&day=2023-03-19",
            w.region
        ))
        .await;
    assert_eq!(ids(&quiet_day["items"]), Vec::<i64>::new());
    assert_eq!(quiet_day["total"], 0);
    assert_eq!(quiet_day["per_day"], json!([["2023-03-18", 3]]));
    assert_eq!(
        march["clashes"],
        json!([
            {"kind": "same_day", "day": "2023-03-18", "province": "03.561", "activities": [forum, outreach]},
            {"kind": "guest", "day": "2023-03-18", "guest": "محمد الحجيرة", "activities": [forum, outreach]},
        ])
    );
    // Filters: Taza's own bodies; seminars; April holds the month-long training.
    let (_, only_taza) = w
        .region_officer
        .get(format!(
            "/api/v1/bodies/{}/timetable?month=2023-03&territory=03.561",
            w.region
        ))
        .await;
    assert_eq!(ids(&only_taza["items"]), vec![outreach]);
    // The region's own code keeps everything; a territory outside the region's, or an
    // unknown one, narrows to nothing rather than widening.
    for (code, expected) in [
        ("03", vec![forum, outreach, associations]),
        ("06.111", vec![]),
        ("99", vec![]),
    ] {
        let (s, narrowed) = w
            .region_officer
            .get(format!(
                "/api/v1/bodies/{}/timetable?month=2023-03&territory={code}",
                w.region
            ))
            .await;
        assert_eq!((s, ids(&narrowed["items"])), (200, expected), "{code}");
    }
    let (_, seminars) = w
        .region_officer
        .get(format!(
            "/api/v1/bodies/{}/timetable?month=2023-03&kind=seminar",
            w.region
        ))
        .await;
    assert_eq!(ids(&seminars["items"]), vec![associations]);
    let (_, youth) = w
        .region_officer
        .get(format!(
            "/api/v1/bodies/{}/timetable?month=2023-03&theme=youth",
            w.region
        ))
        .await;
    assert_eq!(ids(&youth["items"]), vec![forum]);
    let (_, april) = w
        .region_officer
        .get(format!(
            "/api/v1/bodies/{}/timetable?month=2023-04",
            w.region
        ))
        .await;
    assert_eq!(ids(&april["items"]), vec![training]);
    assert_eq!(april["total"], 1);
    // The month-long training is on every day of April, though it starts on the first.
    let (_, april_day) = w
        .region_officer
        .get(format!(
            "/api/v1/bodies/{}/timetable?month=2023-04&day=2023-04-20",
            w.region
        ))
        .await;
    assert_eq!(ids(&april_day["items"]), vec![training]);
    assert_eq!(april_day["total"], 1);
    // A province sees its own timetable, not the region's; an outsider sees neither.
    let (_, taza_march) = w
        .taza_officer
        .get(format!("/api/v1/bodies/{}/timetable?month=2023-03", w.taza))
        .await;
    assert_eq!(ids(&taza_march["items"]), vec![outreach]);
    assert_eq!(
        w.taza_officer
            .get(format!("/api/v1/bodies/{}/timetable", w.region))
            .await
            .0,
        404
    );
    assert_eq!(
        w.outsider
            .get(format!("/api/v1/programmes/{regional}"))
            .await
            .0,
        404
    );
    assert_eq!(
        w.outsider
            .get(format!("/api/v1/activities/{outreach}"))
            .await
            .0,
        404
    );
    assert_eq!(
        w.sefrou_officer
            .get(format!("/api/v1/activities/{outreach}"))
            .await
            .0,
        404
    );

    // The region takes Taza's outreach meeting into its own timetable (article 001); Taza
    // cannot fold it into the region, which it does not run.
    let (s, e) = w
        .taza_officer
        .send(
            "POST",
            &format!("/api/v1/activities/{outreach}/fold"),
            json!({"body_id": w.region}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str(), e["field"].as_str()),
        (422, Some("activity-fold-body-unknown"), Some("parent"))
    );
    let (s, folded) = w
        .region_officer
        .send(
            "POST",
            &format!("/api/v1/activities/{outreach}/fold"),
            json!({"body_id": w.region}),
        )
        .await;
    assert_eq!((s, folded["folded_into"].as_i64()), (200, Some(w.region)));
    let (s, asked) = w
        .region_officer
        .send(
            "POST",
            &format!("/api/v1/activities/{outreach}/ask-move"),
            json!({"body_id": w.region, "reason": "تزامن مع الملتقى الجهوي للشباب"}),
        )
        .await;
    assert_eq!(s, 200, "{asked}");
    assert!(
        asked["move_asked"]
            .as_str()
            .unwrap()
            .ends_with(": تزامن مع الملتقى الجهوي للشباب"),
        "{asked}"
    );

    // The meeting of 14 January 2023 adopts the regional programme; it applies when the
    // minutes are approved.
    let (s, m) = w
        .region_officer
        .send(
            "POST",
            &format!("/api/v1/bodies/{}/meetings", w.region),
            json!({"kind": "organizational", "held_on": "2023-01-14"}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let m = format!("/api/v1/meetings/{}", m["id"].as_i64().unwrap());
    // Another body's programme cannot be adopted here.
    let (s, e) = w.region_officer
        .send("POST", &format!("{m}/decisions"), json!({"decision": {"kind": "adopt_programme", "programme_id": taza_programme, "title": "", "starts_on": "", "ends_on": ""}}))
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("programme-unknown")));
    let (s, d) = w.region_officer
        .send("POST", &format!("{m}/decisions"), json!({"decision": {"kind": "adopt_programme", "programme_id": regional, "title": "", "starts_on": "", "ends_on": ""}}))
        .await;
    assert_eq!(s, 201, "{d}");
    let summary = d["decisions"][0]["summary"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        summary.contains("«برنامج الأنشطة التنظيمية والإشعاعية برسم سنة 2023» للفترة من فاتح يناير 2023 إلى 31 دجنبر 2023، ويتضمن 3 أنشطة"),
        "{d}"
    );
    let (_, before) = w
        .region_officer
        .get(format!("/api/v1/programmes/{regional}"))
        .await;
    assert_eq!(before["status"].as_str(), Some("draft"));
    assert_eq!(
        w.region_officer
            .send("POST", &format!("{m}/minutes"), json!({}))
            .await
            .0,
        200
    );
    assert_eq!(
        w.region_officer
            .send("POST", &format!("{m}/minutes/approve"), json!({}))
            .await
            .0,
        200
    );
    let (_, adopted) = w
        .region_officer
        .get(format!("/api/v1/programmes/{regional}"))
        .await;
    assert_eq!(
        (adopted["status"].as_str(), adopted["adopted_on"].as_str()),
        (Some("adopted"), Some("2023-01-14"))
    );

    // Adopted: an amendment needs its reason and is kept; an activity is cancelled, not removed.
    let amended = json!({"title": "ندوة موضوعاتية حول الإدارة الجهوية والاستثمار", "kind": "seminar", "themes": ["administration", "economy"],
        "audience": "elected", "when": "2023-05-13", "commune": "03.231.01.0"});
    let (s, e) = w
        .region_officer
        .send(
            "PATCH",
            &format!("/api/v1/activities/{seminar}"),
            amended.clone(),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str(), e["field"].as_str()),
        (422, Some("activity-reason-required"), Some("reason"))
    );
    let mut with_reason = amended.clone();
    with_reason["reason"] = json!("توسيع محور الندوة");
    assert_eq!(
        w.region_officer
            .send(
                "PATCH",
                &format!("/api/v1/activities/{seminar}"),
                with_reason
            )
            .await
            .0,
        200
    );
    let (s, e) = w
        .region_officer
        .send(
            "POST",
            &format!("/api/v1/activities/{training}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("programme-adopted")));
    let (s, moved) = w
        .region_officer
        .send(
            "POST",
            &format!("/api/v1/activities/{seminar}/postpone"),
            json!({"when": "2023-06-10", "reason": "تزامن مع الدورة الاستثنائية للمجلس الجهوي"}),
        )
        .await;
    assert_eq!(
        (
            s,
            moved["status"].as_str(),
            moved["starts_on"].as_str(),
            moved["postponed_from"].as_str()
        ),
        (
            200,
            Some("postponed"),
            Some("2023-06-10"),
            Some("2023-05-13")
        )
    );
    let (s, held) = w.region_officer
        .send("POST", &format!("/api/v1/activities/{forum}/held"), json!({"held_on": "2023-03-18", "attended_men": 120, "attended_women": 85, "attended_under35": 140, "summary": "نقاش حول مشاركة الشباب",
            "speakers": "محمد الحجيرة", "attendees": "خديجة حجوبي\nمحمد الحجيرة\n"}))
        .await;
    assert_eq!(
        (s, held["status"].as_str(), held["attended_women"].as_i64()),
        (200, Some("held"), Some(85))
    );
    assert_eq!(held["attendees"], "خديجة حجوبي\nمحمد الحجيرة");
    // The page names them, in the reader's language's list.
    let page = w
        .app
        .browser("officer.region")
        .await
        .get(&format!("/activities/{forum}"))
        .await;
    assert!(
        page.body
            .contains("<bdi>خديجة حجوبي</bdi>، <bdi>محمد الحجيرة</bdi>"),
        "{}",
        page.body
    );
    let (s, e) = w
        .region_officer
        .send(
            "POST",
            &format!("/api/v1/activities/{forum}/cancel"),
            json!({"reason": "x"}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("activity-closed")));
    let (_, history) = w
        .region_officer
        .get(format!("/api/v1/programmes/{regional}"))
        .await;
    let changes: Vec<(&str, Option<&str>)> = history["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["change"].as_str().unwrap(), c["reason"].as_str()))
        .collect();
    assert_eq!(
        changes,
        vec![
            ("held", None),
            (
                "postponed",
                Some("تزامن مع الدورة الاستثنائية للمجلس الجهوي")
            ),
            ("amended", Some("توسيع محور الندوة"))
        ]
    );

    // A photograph of the forum loses its position; a file that is no picture is refused.
    let jpeg: &[u8] = &[
        0xFF, 0xD8, 0xFF, 0xE1, 0, 12, b'E', b'x', b'i', b'f', 0, 0, b'G', b'P', b'S', b'!', 0xFF,
        0xDB, 0, 4, 0, 1, 0xFF, 0xDA, 0, 2, 0x12, 0x34, 0xFF, 0xD9,
    ];
    let photos = format!("/api/v1/activities/{forum}/photos");
    let (s, photo) = crate::discipline::upload(
        &w.region_officer,
        &photos,
        crate::discipline::multipart(&[], Some(("forum.jpg", "image/jpeg", jpeg))),
    )
    .await;
    assert_eq!(
        (s, photo["mime"].as_str()),
        (201, Some("image/jpeg")),
        "{photo}"
    );
    assert_eq!(photo["sha256"].as_str().map(str::len), Some(64));
    let (s, e) = crate::discipline::upload(
        &w.region_officer,
        &photos,
        crate::discipline::multipart(&[], Some(("x.jpg", "image/jpeg", b"%PDF-1.7"))),
    )
    .await;
    assert_eq!(
        (s, e["field"].as_str(), e["error"].as_str()),
        (422, Some("file"), Some("photo-not-image"))
    );
    let (s, e) = crate::discipline::upload(
        &w.taza_officer,
        &format!("/api/v1/activities/{outreach}/photos"),
        crate::discipline::multipart(&[], Some(("a.jpg", "image/jpeg", jpeg))),
    )
    .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("activity-not-held")));
    // The communication officer drafts the forum's communiqué and publishes it on /news.
    assert_eq!(
        w.region_officer
            .send(
                "POST",
                &format!("/api/v1/activities/{forum}/communiques"),
                json!({})
            )
            .await
            .0,
        403
    );
    let (s, c) = w
        .comms
        .send(
            "POST",
            &format!("/api/v1/activities/{forum}/communiques"),
            json!({"lang": "ar"}),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    assert_eq!(
        c["headline"].as_str(),
        Some("تازة: الأمانة الجهوية بفاس-مكناس تنظم «الملتقى الجهوي للشباب»")
    );
    assert_eq!(
        c["body"].as_str(),
        Some(
            "تازة، يوم السبت 18 مارس 2023، نظمت الأمانة الجهوية بفاس-مكناس «الملتقى الجهوي للشباب».\n\nوتمحور النشاط حول الشباب والوضع السياسي.\n\nوشارك في النشاط 205 أشخاص، من بينهم 85 امرأة و140 من الشباب دون سن 35.\n\nوأطر النشاط محمد الحجيرة.\n\nنقاش حول مشاركة الشباب."
        )
    );
    let cid = c["id"].as_i64().unwrap();
    assert_eq!(
        w.comms
            .send(
                "POST",
                &format!("/api/v1/communiques/{cid}/publish"),
                json!({})
            )
            .await
            .0,
        200
    );
    let news = common::Browser::new(&w.app).get("/news").await;
    assert!(
        news.body
            .contains("الأمانة الجهوية بفاس-مكناس تنظم «الملتقى الجهوي للشباب»"),
        "{}",
        news.body
    );

    // The files: the year as a workbook and as a calendar.
    let browser = w.app.browser("officer.region").await;
    let (s, xlsx) = browser
        .bytes(&format!(
            "/bodies/{}/timetable.xlsx?month=2023-03",
            w.region
        ))
        .await;
    assert_eq!((s, &xlsx[..2]), (200, &b"PK"[..]));
    let (s, ics) = browser
        .bytes(&format!("/bodies/{}/timetable.ics?month=2023-03", w.region))
        .await;
    let ics = String::from_utf8(ics).unwrap();
    assert_eq!((s, ics.matches("BEGIN:VEVENT").count()), (200, 5), "{ics}");
    assert!(ics.contains("SUMMARY:الملتقى الجهوي للشباب"), "{ics}");
    let page = browser
        .get(&format!("/bodies/{}/timetable?month=2023-03", w.region))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("لقاء تواصلي مع المنتخبين") && page.body.contains("id=\"clashes\""),
        "{}",
        page.body
    );
}
both_engines!(
    the_region_folds_in_its_provinces_and_adopts_its_programme,
    the_region_folds_in_its_provinces_and_adopts_its_programme
);

async fn bad_activities_are_refused_and_save_nothing(engine: Engine) {
    let w = world(engine).await;
    let p = programme(&w.taza_officer, w.taza, "برنامج 2023").await;
    let good = json!({"title": "لقاء تواصلي", "kind": "outreach", "audience": "members", "when": "2023-03-18"});
    for (change, field, error) in [
        (
            json!({"when": "2024-01-10"}),
            "when",
            "activity-outside-programme",
        ),
        (json!({"when": "18 mars"}), "when", "activity-when-invalid"),
        (
            json!({"commune": "03.451.01.09"}),
            "commune",
            "activity-commune-outside",
        ),
        (json!({"budget": "0"}), "budget", "activity-budget-invalid"),
        (
            json!({"budget": "-200"}),
            "budget",
            "activity-budget-invalid",
        ),
        (json!({"kind": "party"}), "kind", "activity-kind-unknown"),
        (
            json!({"themes": ["sport"]}),
            "themes",
            "activity-theme-unknown",
        ),
    ] {
        let mut input = good.clone();
        for (k, v) in change.as_object().unwrap() {
            input[k] = v.clone();
        }
        let (s, e) = w
            .taza_officer
            .send("POST", &format!("/api/v1/programmes/{p}/activities"), input)
            .await;
        assert_eq!(
            (s, e["field"].as_str(), e["error"].as_str()),
            (422, Some(field), Some(error)),
            "{change}"
        );
    }
    // The page's form answers the same refusal on the page, naming the field.
    let browser = w.app.browser("officer.taza").await;
    let page = browser
        .submit(
            &format!("/programmes/{p}"),
            &format!("/programmes/{p}/activities"),
            &[
                ("title", "لقاء تواصلي"),
                ("kind", "outreach"),
                ("audience", "members"),
                ("when", "2023-03-18"),
                ("budget", "0"),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(
        page.body
            .contains("الميزانية: مبلغ موجب بالدرهم، مثل 15000 أو 1500,50."),
        "{}",
        page.body
    );
    let (_, after) = w.taza_officer.get(format!("/api/v1/programmes/{p}")).await;
    assert_eq!(after["activities"], json!([]), "nothing saved");
    let (s, e) = w
        .taza_officer
        .send(
            "POST",
            &format!("/api/v1/bodies/{}/programmes", w.taza),
            json!({"title": "x", "starts_on": "2023-12-31", "ends_on": "2023-01-01"}),
        )
        .await;
    assert_eq!(
        (s, e["field"].as_str(), e["error"].as_str()),
        (422, Some("ends_on"), Some("programme-ends-before-start"))
    );
    // A held activity is not in the future; a province does not draft for the region.
    let a = activity(&w.taza_officer, p, good.clone()).await;
    let (s, e) = w
        .taza_officer
        .send(
            "POST",
            &format!("/api/v1/activities/{a}/held"),
            json!({"held_on": "2099-01-01"}),
        )
        .await;
    assert_eq!(
        (s, e["field"].as_str(), e["error"].as_str()),
        (422, Some("held_on"), Some("activity-held-in-future"))
    );
    let (s, _) = w
        .taza_officer
        .send(
            "POST",
            &format!("/api/v1/bodies/{}/programmes", w.region),
            json!({"title": "x", "starts_on": "2023-01-01", "ends_on": "2023-12-31"}),
        )
        .await;
    assert_eq!(s, 404);
    // A draft's activity is removed outright, with confirmation.
    let (s, _) = w
        .taza_officer
        .send("POST", &format!("/api/v1/activities/{a}/remove"), json!({}))
        .await;
    assert_eq!(s, 400);
    let (s, _) = w
        .taza_officer
        .send(
            "POST",
            &format!("/api/v1/activities/{a}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 204);
    assert_eq!(
        w.taza_officer
            .get(format!("/api/v1/activities/{a}"))
            .await
            .0,
        404
    );
}
both_engines!(
    bad_activities_are_refused_and_save_nothing,
    bad_activities_are_refused_and_save_nothing
);
