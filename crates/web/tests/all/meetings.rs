//! Bodies at work, on SQLite and on PostgreSQL: the facts of a provincial secretariat's
//! organizational meeting (the Taounate meeting of 8 December 2022, seed article 002) are
//! entered through the API; the minutes and the communiqué must carry them, and approving
//! the minutes must give the decisions effect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;

async fn taounate_meeting(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531", "name": "الأمانة الإقليمية"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let body_id = body["id"].as_i64().unwrap();
    // The office as it stood: the secretary, the rapporteur, the third and fifth deputies.
    let mut holders = Vec::new();
    for (position, rank, name, sex) in [
        ("secretary", None, "محمد النجاري", "M"),
        ("rapporteur", None, "جمال التودي", "M"),
        ("deputy", Some(3), "مصطفى الغزواني", "M"),
        ("deputy", Some(5), "عبد الرحيم البودالي", "M"),
    ] {
        let (s, h) = api
            .send("POST", &format!("/api/v1/bodies/{body_id}/positions"), json!({"position": position, "rank": rank, "holder_name": name, "sex": sex, "started_on": "2022-01-15"}))
            .await;
        assert_eq!(s, 201, "{h}");
        holders.push(h["id"].as_i64().unwrap());
    }
    let (s, meeting) = api
        .send("POST", &format!("/api/v1/bodies/{body_id}/meetings"), json!({
            "kind": "organizational", "held_on": "2022-12-08", "commune": "03.531.01.05",
            "chair_holder_id": holders[0],
            "agenda": ["حصيلة الاستحقاقات الانتخابية", "منهجية العمل الإقليمي والمحلي", "هيكلة قطب النساء واللجان"]
        }))
        .await;
    assert_eq!(s, 201, "{meeting}");
    let id = meeting["id"].as_i64().unwrap();
    let m = format!("/api/v1/meetings/{id}");
    let attendance: Vec<_> = [
        "محمد النجاري",
        "جمال التودي",
        "مصطفى الغزواني",
        "عبد الرحيم البودالي",
        "خيرة الهيري",
    ]
    .iter()
    .map(|n| json!({"name": n, "presence": "present"}))
    // The excused member gives a proxy: a provincial secretariat's statutes allow them.
    .chain([json!({"name": "عضو معتذر", "presence": "excused", "proxy_to": "جمال التودي"})])
    .collect();
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/attendance"),
            json!({"attendance": attendance}),
        )
        .await;
    assert_eq!(s, 200, "{d}");
    assert_eq!(
        (d["members_present"].as_i64(), d["quorum"].as_bool()),
        (Some(5), Some(true))
    );
    for (speaker, summary) in [
        (
            "مقرر الأمانة الإقليمية جمال التودي",
            "الجانب التنظيمي للحزب وبناء مؤسساته محليا وإقليميا وجهويا",
        ),
        (
            "النائب الثالث للأمين الإقليمي مصطفى الغزواني",
            "تمكين المنتخبين من وسائل العمل وإحداث بنية للإنصات",
        ),
    ] {
        let (s, _) = api
            .send(
                "POST",
                &format!("{m}/interventions"),
                json!({"speaker": speaker, "sex": "M", "agenda_seat": 2, "summary": summary}),
            )
            .await;
        assert_eq!(s, 201);
    }
    for decision in [
        json!({"kind": "appoint", "position": "women_pole_president", "holder_name": "خيرة الهيري", "sex": "F"}),
        json!({"kind": "create_committee", "committee": "membership"}),
        json!({"kind": "create_committee", "committee": "ethics"}),
    ] {
        let (s, d) = api
            .send(
                "POST",
                &format!("{m}/decisions"),
                json!({"decision": decision}),
            )
            .await;
        assert_eq!(s, 201, "{d}");
    }
    // A vote that does not carry is refused, and nothing is recorded.
    let (s, _) = api
        .send("POST", &format!("{m}/decisions"), json!({"decision": {"kind": "resolution", "text": "x"}, "vote": {"votes_for": 2, "against": 3, "abstentions": 0}}))
        .await;
    assert_eq!(s, 422);
    // Five present and one proxy: six votes at most.
    let (s, d) = api
        .send("POST", &format!("{m}/decisions"), json!({"decision": {"kind": "resolution", "text": "تثمين عمل المنتخبين"}, "vote": {"votes_for": 5, "against": 0, "abstentions": 1}}))
        .await;
    assert_eq!(s, 201, "{d}");
    let voters = &d["decisions"][3]["voters"];
    assert_eq!(
        (voters["votes"].as_i64(), voters["proxies"][0][1].as_str()),
        (Some(6), Some("جمال التودي"))
    );
    let (s, _) = api
        .send("POST", &format!("{m}/decisions"), json!({"decision": {"kind": "resolution", "text": "x"}, "vote": {"votes_for": 7, "against": 0, "abstentions": 0}}))
        .await;
    assert_eq!(s, 422);

    // Approving before a draft exists is refused; the draft carries the record's facts.
    assert_eq!(
        api.send("POST", &format!("{m}/minutes/approve"), json!({}))
            .await
            .0,
        409
    );
    let (s, _) = api
        .send(
            "POST",
            &format!("{m}/amendments"),
            json!({"text": "x", "reason": "y"}),
        )
        .await;
    assert_eq!(s, 409, "a draft is edited, not amended");
    let (s, d) = api.send("POST", &format!("{m}/minutes"), json!({})).await;
    assert_eq!(s, 200);
    let minutes = d["minutes"].as_str().unwrap().to_owned();
    for fact in [
        "الخميس 08 دجنبر 2022",
        "برئاسة الأمين الإقليمي السيد محمد النجاري",
        "الحاضرون (5)",
        "المعتذرون (1)",
        "للأمانة الإقليمية",
    ] {
        assert!(
            minutes.contains(fact),
            "{fact} not in the minutes:\n{minutes}"
        );
    }
    // Nothing has taken effect yet.
    let (_, positions) = api.get(format!("/api/v1/bodies/{body_id}/positions")).await;
    assert_eq!(positions["committees"].as_array().unwrap().len(), 0);

    let (s, d) = api
        .send("POST", &format!("{m}/minutes/approve"), json!({}))
        .await;
    assert_eq!(s, 200, "{d}");
    let decisions = d["decisions"].as_array().unwrap();
    assert!(!decisions.is_empty(), "{d}");
    assert!(decisions.iter().all(|x| x["applied"] == true), "{d}");
    let (_, positions) = api.get(format!("/api/v1/bodies/{body_id}/positions")).await;
    let president = positions["current"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["position"] == "women_pole_president")
        .expect("the women's pole president holds her position");
    assert_eq!(president["holder_name"], "خيرة الهيري");
    assert_eq!(president["started_on"], "2022-12-08");
    assert_eq!(president["title_ar"], "رئيسة قطب النساء الإقليمية");
    let committees: Vec<&str> = positions["committees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(committees, ["membership", "ethics"]);
    // Approved minutes are corrected by an amendment; the PDF carries both, typeset on the
    // server with its fonts embedded.
    let (s, _) = api
        .send(
            "POST",
            &format!("{m}/amendments"),
            json!({"text": "تصحيح اسم أحد الحاضرين", "reason": "خطأ مطبعي"}),
        )
        .await;
    assert_eq!(s, 201);
    let web = app.browser("admin").await;
    let (s, pdf) = web.bytes(&format!("/meetings/{id}/minutes.pdf")).await;
    assert_eq!(s, 200);
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 10_000);
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("/FontFile2") && raw.contains("Amiri"),
        "fonts embedded"
    );

    // The membership committee now decides the province's applications: an application
    // from Taounate is recorded as decided by it, and its page names it.
    let membership_id = positions["committees"][0]["id"].as_i64();
    let (_, application) = api
        .send(
            "POST",
            "/api/v1/applications",
            common::person("AB500123", "03.531.01.05"),
        )
        .await;
    let page = app
        .browser("admin")
        .await
        .get(&format!("/applications/{}", application["id"]))
        .await;
    assert!(
        page.body.contains("id=\"application-committee\"><bdi>")
            && page.body.contains("الأمانة الإقليمية"),
        "the competent committee is named while pending"
    );
    let (s, _) = api
        .send(
            "POST",
            &format!("/api/v1/applications/{}/accept", application["id"]),
            json!({}),
        )
        .await;
    assert_eq!(s, 201);
    let (_, decided) = api
        .get(format!("/api/v1/applications/{}", application["id"]))
        .await;
    assert_eq!(decided["committee_id"].as_i64(), membership_id);
    // Elsewhere (no committee constituted in Fès-Meknès' other provinces) nothing is named.
    let (_, elsewhere) = api
        .send(
            "POST",
            "/api/v1/applications",
            common::person("AB500124", "05.091.01.07"),
        )
        .await;
    api.send(
        "POST",
        &format!("/api/v1/applications/{}/reject", elsewhere["id"]),
        json!({"reason": "ملف ناقص"}),
    )
    .await;
    let (_, rejected) = api
        .get(format!("/api/v1/applications/{}", elsewhere["id"]))
        .await;
    assert_eq!(
        (
            rejected["status"].as_str(),
            rejected["committee_id"].as_i64()
        ),
        (Some("rejected"), None)
    );
    // The record is locked now.
    let (s, _) = api
        .send(
            "POST",
            &format!("{m}/interventions"),
            json!({"speaker": "x", "sex": "F", "summary": "y"}),
        )
        .await;
    assert_eq!(s, 409);
    assert_eq!(
        api.send("POST", &format!("{m}/minutes/approve"), json!({}))
            .await
            .0,
        409
    );

    // The communiqué: the chair with his title, the date, the agenda in order, the decisions.
    let (s, c) = api
        .send("POST", &format!("{m}/communiques"), json!({}))
        .await;
    assert_eq!(s, 201, "{c}");
    let text = c["body"].as_str().unwrap();
    let headline = c["headline"].as_str().unwrap();
    assert!(
        headline.contains("تاونات")
            && headline
                .contains("الأمين الإقليمي محمد النجاري يترأس اجتماعا تنظيميا للأمانة الإقليمية"),
        "{headline}"
    );
    assert!(
        text.contains("يوم الخميس 08 دجنبر 2022، ترأس الأمين الإقليمي السيد محمد النجاري"),
        "{text}"
    );
    assert!(text.contains("حضور 5 أعضاء"), "{text}");
    let agenda_at: Vec<usize> = ["1. حصيلة", "2. منهجية", "3. هيكلة"]
        .iter()
        .map(|a| text.find(a).expect(a))
        .collect();
    assert!(
        agenda_at.windows(2).all(|w| w[0] < w[1]),
        "agenda out of order: {text}"
    );
    assert!(
        text.contains("اختيار السيدة خيرة الهيري رئيسة قطب النساء الإقليمية بالتوافق"),
        "{text}"
    );
    assert!(
        text.contains("تشكيل لجنة البت في الانخراطات") && text.contains("تشكيل لجنة الأخلاقيات"),
        "{text}"
    );
    assert!(
        !text.contains("عضو معتذر"),
        "no private attendance in public text"
    );
    // In French on request: the product's own words for titles, places and decisions.
    let (s, fr) = api
        .send("POST", &format!("{m}/communiques"), json!({"lang": "fr"}))
        .await;
    assert_eq!((s, fr["lang"].as_str()), (201, Some("fr")), "{fr}");
    assert_eq!(
        fr["headline"],
        "Taounate : محمد النجاري, secrétaire provincial, préside une réunion organisationnelle du Secrétariat provincial de Taounate"
    );
    let text_fr = fr["body"].as_str().unwrap();
    for fact in [
        "jeudi 8 décembre 2022",
        "Y ont pris part 5 membres de l'instance.",
        "Mme خيرة الهيري est désignée présidente du pôle provincial des femmes par consensus",
        "constitution de la commission d'éthique",
    ] {
        assert!(text_fr.contains(fact), "{fact} in {text_fr}");
    }
    assert_eq!(
        api.send("POST", &format!("{m}/communiques"), json!({"lang": "xx"}))
            .await
            .0,
        400
    );

    // Publishing: on the public page (no login) and in the Atom feed; unpublishing removes it.
    let cid = c["id"].as_i64().unwrap();
    let public = reqwest::Client::new();
    let news = public.get(app.url("/news")).send().await.unwrap();
    assert_eq!(news.status(), 200);
    let news = news.text().await.unwrap();
    assert!(!news.contains("محمد النجاري"));
    assert_eq!(
        api.send(
            "POST",
            &format!("/api/v1/communiques/{cid}/publish"),
            json!({})
        )
        .await
        .0,
        200
    );
    let news = public
        .get(app.url("/news?territory=03"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        news.contains("محمد النجاري") && news.contains("wa.me"),
        "{news}"
    );
    let elsewhere = public
        .get(app.url("/news?territory=05"))
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.status(), 200);
    let elsewhere = elsewhere.text().await.unwrap();
    assert!(!elsewhere.contains("محمد النجاري"));
    let feed = public.get(app.url("/news.atom")).send().await.unwrap();
    assert!(
        feed.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let feed = feed.text().await.unwrap();
    assert!(
        feed.contains("<entry ") && feed.contains("08 دجنبر 2022"),
        "{feed}"
    );
    assert_eq!(
        api.send(
            "POST",
            &format!("/api/v1/communiques/{cid}/unpublish"),
            json!({})
        )
        .await
        .0,
        200
    );
    let feed = public.get(app.url("/news.atom")).send().await.unwrap();
    assert_eq!(feed.status(), 200);
    let feed = feed.text().await.unwrap();
    assert!(feed.contains("<feed"), "{feed}");
    assert!(!feed.contains("<entry "));
    assert_eq!(
        public
            .get(app.url(&format!("/news/{cid}")))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}
both_engines!(
    a_meeting_record_gives_minutes_decisions_and_a_communique,
    taounate_meeting
);

/// Founding a body (seed article 000: preparing the founding of a provincial women's
/// office): in formation with its committee and target date, shown so in the coverage,
/// constituted by its founding meeting once the minutes are approved.
async fn founding(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (s, office) = api
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "women", "kind": "provincial_office", "territory": "03.531"}),
        )
        .await;
    assert_eq!(s, 201, "{office}");
    let id = office["id"].as_i64().unwrap();
    let (s, b) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{id}/founding"),
            json!({"target_date": "2026-01-31", "committee": ["خيرة الهيري", "فاطمة الزهراء"]}),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["founding_target"], "2026-01-31");
    let status_of = |c: &serde_json::Value, code: &str| {
        c["territories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == code)
            .map(|t| t["status"].as_str().unwrap().to_owned())
    };
    let (_, c) = api
        .get("/api/v1/bodies/coverage?kind=provincial_office")
        .await;
    assert_eq!(status_of(&c, "03.531").as_deref(), Some("forming"));
    assert_eq!(status_of(&c, "05.091").as_deref(), Some("none"));
    let fes_meknes = c["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "03")
        .unwrap();
    assert_eq!(
        (
            fes_meknes["forming"].as_i64(),
            fes_meknes["constituted"].as_i64()
        ),
        (Some(1), Some(0))
    );
    // Morocco's twelve regions and the organization abroad, where the six countries in
    // which the profile names cities are counted (France, Belgium, Spain, the
    // Netherlands, Italy, Canada), not the world's others.
    assert_eq!(c["regions"].as_array().unwrap().len(), 13);
    let abroad = c["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "13")
        .unwrap();
    assert_eq!(abroad["none"].as_i64(), Some(6), "{abroad}");

    // The founding meeting constitutes it when its minutes are approved.
    let (_, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{id}/meetings"),
            json!({"kind": "congress", "held_on": "2026-01-20", "slogan": "الطريق إلى 2026"}),
        )
        .await;
    let mid = m["id"].as_i64().unwrap();
    assert_eq!(
        api.send(
            "POST",
            &format!("/api/v1/meetings/{mid}/decisions"),
            json!({"decision": {"kind": "constitute"}})
        )
        .await
        .0,
        201
    );
    api.send(
        "POST",
        &format!("/api/v1/meetings/{mid}/minutes"),
        json!({}),
    )
    .await;
    assert_eq!(
        api.send(
            "POST",
            &format!("/api/v1/meetings/{mid}/minutes/approve"),
            json!({})
        )
        .await
        .0,
        200
    );
    let (_, c) = api
        .get("/api/v1/bodies/coverage?kind=provincial_office")
        .await;
    assert_eq!(status_of(&c, "03.531").as_deref(), Some("constituted"));
    assert_eq!(
        api.send(
            "POST",
            &format!("/api/v1/bodies/{id}/founding"),
            json!({"target_date": "2026-03-01"})
        )
        .await
        .0,
        409
    );

    // Local bureaus are counted by province too, and a region can be picked.
    let (s, c) = api
        .get("/api/v1/bodies/coverage?kind=local_bureau&region=03")
        .await;
    assert_eq!(s, 200);
    let regions = c["regions"].as_array().unwrap();
    let provinces = c["provinces"].as_array().unwrap();
    assert_eq!(regions.len(), 1);
    assert!(provinces.len() > 1);
    assert!(
        provinces
            .iter()
            .all(|p| p["code"].as_str().unwrap().starts_with("03."))
    );
    let by_province: i64 = provinces
        .iter()
        .map(|p| p["territories"].as_i64().unwrap())
        .sum();
    assert_eq!(Some(by_province), regions[0]["territories"].as_i64());
    let (_, c) = api
        .get("/api/v1/bodies/coverage?kind=provincial_office")
        .await;
    assert_eq!(c["provinces"].as_array().unwrap().len(), 0);

    // An officer of one region sees that region only.
    app.user("fes", &[(Role::Officer, Some("03"), None)]).await;
    let fes = Api::new(
        &app,
        app.token(app.user("fes2", &[(Role::Officer, Some("03"), None)]).await)
            .await,
    );
    let (_, c) = fes
        .get("/api/v1/bodies/coverage?kind=provincial_office")
        .await;
    assert_eq!(c["regions"].as_array().unwrap().len(), 1);
    let page = app
        .browser("fes")
        .await
        .get("/bodies/coverage?kind=provincial_office")
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("id=\"coverage\""));
}
both_engines!(
    a_body_in_formation_is_constituted_by_its_founding_meeting,
    founding
);

/// Seed article 001: the Fès-Meknès regional secretariat's organizational meeting of
/// Saturday 14 January 2023, whose agenda ends with the launch of the 2023 renewal; the
/// approved minutes launch the campaign of the membership registry.
async fn regional_renewal(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (_, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "regional_secretariat", "territory": "03", "name": "الأمانة الجهوية"}))
        .await;
    let body_id = body["id"].as_i64().unwrap();
    let (_, secretary) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/positions"),
            json!({"position": "secretary", "holder_name": "محمد الحجيرة", "sex": "M"}),
        )
        .await;
    let agenda = [
        "إخبارات",
        "تقديم برنامج العمل الجهوي",
        "الاستماع إلى تقارير الأمناء الإقليميين",
        "انطلاق عملية الانخراط وتجديد الانخراط برسم سنة 2023",
        "مختلفات",
    ];
    let (_, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "organizational", "held_on": "2023-01-14", "place": "المقر الجهوي بفاس",
            "chair_holder_id": secretary["id"], "agenda": agenda}),
        )
        .await;
    let m = format!("/api/v1/meetings/{}", m["id"]);
    // A plan that does not hold is refused when recorded.
    let (s, _) = api
        .send("POST", &format!("{m}/decisions"), json!({"decision": {"kind": "launch_campaign", "year": "2023", "opens_on": "2023-12-31", "closes_on": "2023-01-14", "categories": "standard|عادي|100"}}))
        .await;
    assert_eq!(s, 422);
    let (s, _) = api
        .send("POST", &format!("{m}/decisions"), json!({"decision": {"kind": "launch_campaign", "year": "2023", "opens_on": "2023-01-14", "closes_on": "2023-12-31", "categories": "standard|عادي|100\nreduced|مخفض|50"}}))
        .await;
    assert_eq!(s, 201);
    let (_, campaigns) = api.get("/api/v1/campaigns").await;
    assert_eq!(
        campaigns["total"], 0,
        "nothing before the minutes are approved"
    );
    api.send("POST", &format!("{m}/minutes"), json!({})).await;
    assert_eq!(
        api.send("POST", &format!("{m}/minutes/approve"), json!({}))
            .await
            .0,
        200
    );
    let (_, campaigns) = api.get("/api/v1/campaigns").await;
    let c = &campaigns["items"][0];
    assert_eq!(
        (
            c["body_id"].as_i64(),
            c["year"].as_i64(),
            c["status"].as_str()
        ),
        (Some(body_id), Some(2023), Some("open"))
    );

    let (_, c) = api
        .send("POST", &format!("{m}/communiques"), json!({}))
        .await;
    let text = c["body"].as_str().unwrap();
    assert!(
        text.contains("يوم السبت 14 يناير 2023، ترأس الأمين الجهوي السيد محمد الحجيرة"),
        "{text}"
    );
    let at: Vec<usize> = agenda.iter().map(|a| text.find(a).expect(a)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(
        text.contains("إطلاق عملية الانخراط وتجديد الانخراط برسم سنة 2023 بالتوافق"),
        "{text}"
    );
}
both_engines!(
    approved_minutes_launch_the_renewal_campaign,
    regional_renewal
);

/// Seed article 003: a consultative meeting in Kasba Tadla on Sunday 1 December 2024,
/// chaired by a member of the national executive committee and hosted by another, with the
/// party's provincial inspector attending: leads from another level, named with their
/// public titles. Also the invitation list and the body's own calendar feed.
async fn chaired_from_another_level(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (_, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091", "name": "الأمانة الإقليمية"}))
        .await;
    let body_id = body["id"].as_i64().unwrap();
    let (s, inspector) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/positions"),
            json!({"position": "inspector", "holder_name": "عبد المنعم الصحصاح", "sex": "M"}),
        )
        .await;
    assert_eq!(s, 201, "{inspector}");
    let executive = "عضو اللجنة التنفيذية";
    let leads = json!([
        {"role": "chair", "name": "عمر حجيرة", "sex": "M", "title": executive},
        {"role": "host", "name": "ماديحة خيير", "sex": "F", "title": executive}
    ]);
    let meeting = |chair_holder: Option<i64>| {
        json!({"kind": "consultative", "held_on": "2024-12-01", "commune": "05.091.01.07",
            "goals": "تعزيز الحوار المباشر مع القواعد الحزبية",
            "chair_holder_id": chair_holder, "leads": leads,
            "agenda": ["الحصيلة الحكومية", "الاستعداد التنظيمي للاستحقاقات المقبلة"]})
    };
    // The same person twice in one role is refused, with nothing saved.
    let mut twice = meeting(inspector["id"].as_i64());
    twice["leads"] = json!([leads[0].clone(), leads[0].clone()]);
    let (s, e) = api
        .send("POST", &format!("/api/v1/bodies/{body_id}/meetings"), twice)
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("chair-twice")));
    let page = app
        .browser("admin")
        .await
        .get(&format!("/bodies/{body_id}/meetings"))
        .await;
    assert!(
        page.status == 200 && !page.body.contains("href=\"/meetings/"),
        "nothing saved: the body has no meeting"
    );
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            meeting(None),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    assert_eq!(m["leads"].as_array().unwrap().len(), 2);
    let id = m["id"].as_i64().unwrap();
    let m = format!("/api/v1/meetings/{id}");

    // A committee recorded as it stands: its members linked to their member records when
    // known (an active member of the province); recording it again replaces the seats.
    let (s, member) = api
        .send(
            "POST",
            "/api/v1/members",
            common::person("AB700001", "05.091.01.07"),
        )
        .await;
    assert_eq!(s, 201, "{member}");
    let (_, outside) = api
        .send(
            "POST",
            "/api/v1/members",
            common::person("AB700002", "03.531.01.05"),
        )
        .await;
    let committees = format!("/api/v1/bodies/{body_id}/committees");
    let (s, e) = api
        .send("POST", &committees, json!({"committee": "ethics", "members": [{"name": "فاطمة الزهراء", "member_id": outside["id"]}]}))
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("committee-member-unknown"))
    );
    let (s, p) = api
        .send("POST", &committees, json!({"committee": "ethics", "members": [{"name": "فاطمة الزهراء", "member_id": member["id"]}, {"name": "أحمد بنسعيد"}]}))
        .await;
    assert_eq!(s, 200, "{p}");
    let (_, p) = api
        .send(
            "POST",
            &committees,
            json!({"committee": "ethics", "members": [{"name": "أحمد بنسعيد"}]}),
        )
        .await;
    let c = p["committees"].as_array().unwrap();
    assert_eq!(
        (c.len(), c[0]["kind"].as_str(), c[0]["members"].as_str()),
        (1, Some("ethics"), Some("أحمد بنسعيد"))
    );
    // A kind of meeting the profile adds (a seminar) is said in its own words; an unknown
    // kind is refused.
    let (s, _) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "picnic", "held_on": "2024-12-02"}),
        )
        .await;
    assert_eq!(s, 422);
    let (s, seminar) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "seminar", "held_on": "2024-12-02", "commune": "05.091.01.07", "leads": [{"role": "chair", "name": "ماديحة خيير", "sex": "F", "title": executive}]}),
        )
        .await;
    assert_eq!(s, 201, "{seminar}");
    let (_, c) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{}/communiques", seminar["id"]),
            json!({}),
        )
        .await;
    assert_eq!(
        c["headline"],
        "قصبة تادلة: عضو اللجنة التنفيذية ماديحة خيير تترأس ندوة للأمانة الإقليمية ببني ملال"
    );
    assert!(
        c["body"].as_str().unwrap().contains("واختتمت الندوة"),
        "{c}"
    );

    // No PDF before the minutes are drafted.
    let web = app.browser("admin").await;
    assert_eq!(
        web.bytes(&format!("/meetings/{id}/minutes.pdf")).await.0,
        404
    );

    // Invitations: the body's position holders and a named guest; attendance starts there.
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/invitations"),
            json!({"position_holders": true,
            "invitations": [{"name": "منتخبو الإقليم", "title": "ضيوف", "guest": true}]}),
        )
        .await;
    assert_eq!(s, 200, "{d}");
    let invited: Vec<_> = d["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["name"].as_str().unwrap(), i["guest"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        invited,
        [("عبد المنعم الصحصاح", false), ("منتخبو الإقليم", true)]
    );
    let page = web.get(&format!("/meetings/{id}")).await;
    assert!(
        page.body
            .contains("name=\"present\" rows=\"4\" placeholder=\"")
            && page.body.contains(">عبد المنعم الصحصاح</textarea>"),
        "the attendance form starts from the invitations"
    );

    // Attendance from the page's form (names only): the invited holder keeps his position.
    let page = web
        .submit(
            &format!("/meetings/{id}"),
            &format!("/meetings/{id}/attendance"),
            &[("present", "عبد المنعم الصحصاح")],
        )
        .await;
    assert_eq!(page.status, 303);
    let (_, d) = api.get(&m).await;
    assert_eq!(
        (
            d["attendance"][0]["holder_id"].as_i64(),
            d["attendance"][0]["title"].as_str()
        ),
        (inspector["id"].as_i64(), Some("المفتش الإقليمي"))
    );
    let (s, _) = api
        .send("POST", &format!("{m}/attendance"), json!({"attendance": [
            {"name": "عبد المنعم الصحصاح", "title": "مفتش الحزب بالإقليم", "guest": true, "presence": "present"}
        ]}))
        .await;
    assert_eq!(s, 200);
    api.send(
        "POST",
        &format!("{m}/interventions"),
        json!({"speaker": "عمر حجيرة", "title": "عضو اللجنة التنفيذية", "sex": "M", "summary": "الحوار المباشر مع القواعد الحزبية"}),
    )
    .await;
    let (_, d) = api.send("POST", &format!("{m}/minutes"), json!({})).await;
    let minutes = d["minutes"].as_str().unwrap();
    for fact in [
        "محضر اجتماع تشاوري للأمانة الإقليمية",
        "انعقد يوم الأحد فاتح دجنبر 2024 بقصبة تادلة، برئاسة عضو اللجنة التنفيذية السيد عمر حجيرة، وبضيافة عضو اللجنة التنفيذية السيدة ماديحة خيير.",
    ] {
        assert!(minutes.contains(fact), "{fact} in {minutes}");
    }
    let (_, c) = api
        .send("POST", &format!("{m}/communiques"), json!({}))
        .await;
    assert_eq!(
        c["headline"],
        "قصبة تادلة: عضو اللجنة التنفيذية عمر حجيرة يترأس اجتماعا تشاوريا للأمانة الإقليمية ببني ملال"
    );
    let text = c["body"].as_str().unwrap();
    for fact in [
        "قصبة تادلة، يوم الأحد فاتح دجنبر 2024، ترأس عضو اللجنة التنفيذية السيد عمر حجيرة اجتماعا تشاوريا للأمانة الإقليمية ببني ملال.",
        "واستضافت الاجتماع السيدة ماديحة خيير، عضو اللجنة التنفيذية.",
        "ويهدف الاجتماع إلى تعزيز الحوار المباشر مع القواعد الحزبية.",
        "وحضر الاجتماع مفتش الحزب بالإقليم عبد المنعم الصحصاح.",
    ] {
        assert!(text.contains(fact), "{fact} in {text}");
    }

    // The home page reminds: these minutes await approval (the meeting's page), the
    // communiqué its publication (its own page, where it is published).
    let home = web.get("/").await;
    let start = home
        .body
        .find("id=\"reminders\"")
        .expect("reminders on the home page");
    let reminders = &home.body[start..start + home.body[start..].find("</ul>").unwrap()];
    assert_eq!(
        (
            reminders
                .matches(&format!("href=\"/meetings/{id}\""))
                .count(),
            reminders
                .matches(&format!("href=\"/communiques/{}\"", c["id"]))
                .count()
        ),
        (1, 1),
        "{reminders}"
    );
    // The body's own calendar feed: a link shown once, the body's meetings, no sign-in; an
    // officer of another region cannot make one.
    let next_week = (chrono::Local::now().date_naive() + chrono::Duration::days(7)).to_string();
    let (_, soon) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "communication", "held_on": next_week, "place": "قصبة تادلة"}),
        )
        .await;
    let page = web
        .submit(
            &format!("/bodies/{body_id}/meetings"),
            &format!("/bodies/{body_id}/calendar/link"),
            &[],
        )
        .await;
    assert_eq!(page.status, 200);
    let start = page.body.find("/calendar/bodies/feed/").unwrap();
    let link: String = page.body[start..]
        .chars()
        .take_while(|c| *c != '<')
        .collect();
    let public = reqwest::Client::new();
    let feed = public.get(app.url(&link)).send().await.unwrap();
    assert_eq!(feed.status(), 200);
    let feed = feed.text().await.unwrap();
    assert!(
        feed.contains(&format!("UID:meeting-{}@tanzim", soon["id"]))
            && !feed.contains(&format!("UID:meeting-{id}@tanzim")),
        "next week's meeting, not the one of 2024: {feed}"
    );
    app.user("oriental", &[(Role::Officer, Some("02"), None)])
        .await;
    let other = app.browser("oriental").await;
    assert!(!other.get("/").await.body.contains("id=\"reminders\""));
    let page = other
        .submit(
            "/calendar",
            &format!("/bodies/{body_id}/calendar/link"),
            &[],
        )
        .await;
    assert_eq!(page.status, 404);
}
both_engines!(
    a_chair_and_a_host_from_another_level_lead_a_meeting,
    chaired_from_another_level
);

/// Seed article 004: the Rabat-Salé-Kénitra regional secretariat meets with the provincial
/// secretaries, evaluates the local bodies and adopts the work programme for the coming
/// period. Members come late and leave early: each vote knows who was in the room.
async fn regional_programme(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (_, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "regional_secretariat", "territory": "04", "name": "الكتابة الجهوية"}))
        .await;
    let body_id = body["id"].as_i64().unwrap();
    let (_, secretary) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/positions"),
            json!({"position": "secretary", "holder_name": "نزهة الإدريسي", "sex": "F"}),
        )
        .await;
    let agenda = [
        "الوضعية التنظيمية بأقاليم الجهة",
        "تقييم أداء الأجهزة المحلية",
        "برامج العمل للفترة المقبلة",
    ];
    let (_, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "organizational", "held_on": "2025-10-18", "starts_at": "15:00", "commune": "04.421.01.0",
            "chair_holder_id": secretary["id"], "agenda": agenda}),
        )
        .await;
    let meeting_id = m["id"].as_i64().unwrap();
    let m = format!("/api/v1/meetings/{meeting_id}");
    // Moved to the afternoon and given its goals: a correction while the record is open.
    let corrected = json!({"kind": "organizational", "held_on": "2025-10-18", "starts_at": "25:00", "commune": "04.421.01.0",
        "chair_holder_id": secretary["id"], "agenda": agenda, "goals": "تقوية البناء التنظيمي"});
    let (s, e) = api.send("PATCH", &m, corrected.clone()).await;
    assert_eq!((s, e["error"].as_str()), (422, Some("time-invalid")));
    let mut corrected = corrected;
    corrected["starts_at"] = json!("15:30");
    let (s, d) = api.send("PATCH", &m, corrected.clone()).await;
    assert_eq!(
        (s, d["starts_at"].as_str(), d["goals"].as_str()),
        (200, Some("15:30"), Some("تقوية البناء التنظيمي"))
    );
    // The page's form does the same.
    let web = app.browser("admin").await;
    let page = web
        .submit(
            &format!("/meetings/{meeting_id}"),
            &format!("/meetings/{meeting_id}/edit"),
            &[
                ("kind", "organizational"),
                ("held_on", "2025-10-18"),
                ("starts_at", "15:00"),
                ("chair_holder_id", &secretary["id"].to_string()),
                ("agenda", &agenda.join("\n")),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let (_, d) = api.get(&m).await;
    assert_eq!(
        (d["starts_at"].as_str(), d["goals"].as_str()),
        (Some("15:00"), None)
    );
    let member = |name: &str| json!({"name": name, "presence": "present"});
    let mut attendance = vec![
        member("نزهة الإدريسي"),
        member("أحمد الفاسي"),
        member("سعاد بنعلي"),
        member("يوسف العمراني"),
        member("مريم الصقلي"),
        member("إدريس التازي"),
        json!({"name": "كريم الوزاني", "presence": "present", "arrived_at": "16:30"}),
        json!({"name": "لطيفة الشرقاوي", "presence": "present", "left_at": "16:00"}),
        json!({"name": "عزيز الحسني", "presence": "excused", "proxy_to": "أحمد الفاسي"}),
    ];
    // This body's statutes admit no proxies.
    let (s, e) = api
        .send(
            "POST",
            &format!("{m}/attendance"),
            json!({"attendance": attendance}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("proxies-not-allowed")));
    attendance[8] = json!({"name": "عزيز الحسني", "presence": "excused"});
    attendance.push(
        json!({"name": "بلال", "presence": "present", "arrived_at": "17:00", "left_at": "16:00"}),
    );
    let (s, e) = api
        .send(
            "POST",
            &format!("{m}/attendance"),
            json!({"attendance": attendance}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("times-inverted")));
    attendance.pop();
    for (title, name) in [
        ("الكاتب الإقليمي بالقنيطرة", "رشيد المنصوري"),
        ("الكاتبة الإقليمية بالخميسات", "حياة الزموري"),
    ] {
        attendance
            .push(json!({"name": name, "title": title, "guest": true, "presence": "present"}));
    }
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/attendance"),
            json!({"attendance": attendance}),
        )
        .await;
    assert_eq!(s, 200, "{d}");
    api.send(
        "POST",
        &format!("{m}/interventions"),
        json!({"speaker": "رشيد المنصوري", "title": "الكاتب الإقليمي بالقنيطرة", "sex": "M", "summary": "توحيد الرؤية التنظيمية بين الأقاليم", "agenda_seat": 1}),
    )
    .await;
    let programme = json!({"kind": "adopt_programme", "title": "برنامج العمل الجهوي",
        "starts_on": "2025-11-01", "ends_on": "2026-06-30",
        "activities": ["لقاءات تواصلية", "ندوات موضوعاتية", "أنشطة ميدانية"]});
    // At 17:00 seven members are in the room (one came at 16:30, one left at 16:00).
    let (s, e) = api
        .send(
            "POST",
            &format!("{m}/decisions"),
            json!({"decision": programme, "taken_at": "17:00",
            "vote": {"votes_for": 8, "against": 0, "abstentions": 0}}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("vote-exceeds-voters")));
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/decisions"),
            json!({"decision": programme, "taken_at": "17:00",
            "vote": {"votes_for": 6, "against": 0, "abstentions": 1}}),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let voters = &d["decisions"][0]["voters"];
    assert_eq!(voters["votes"], 7);
    let present: Vec<&str> = voters["present"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(present.contains(&"كريم الوزاني") && !present.contains(&"لطيفة الشرقاوي"));
    // Attendance can no longer drop a voter that vote counted.
    let fewer: Vec<_> = attendance
        .iter()
        .filter(|a| a["name"] != "كريم الوزاني")
        .cloned()
        .collect();
    let (s, e) = api
        .send(
            "POST",
            &format!("{m}/attendance"),
            json!({"attendance": fewer}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("vote-exceeds-voters")));
    let (s, _) = api
        .send(
            "POST",
            &format!("{m}/decisions"),
            json!({"decision": {"kind": "adopt_programme", "title": "x",
            "starts_on": "2026-01-01", "ends_on": "2025-01-01", "activities": ["y"]}}),
        )
        .await;
    assert_eq!(s, 422);

    let (_, d) = api.send("POST", &format!("{m}/minutes"), json!({})).await;
    let minutes = d["minutes"].as_str().unwrap();
    for fact in [
        "كريم الوزاني (الالتحاق 16:30)",
        "لطيفة الشرقاوي (المغادرة 16:00)",
        "الحاضرون عند التصويت (7)",
        "عدد الأصوات: 7",
    ] {
        assert!(minutes.contains(fact), "{fact} in {minutes}");
    }
    let (_, programmes) = api
        .get(format!("/api/v1/bodies/{body_id}/programmes"))
        .await;
    assert_eq!(
        programmes.as_array().unwrap().len(),
        0,
        "nothing before approval"
    );
    assert_eq!(
        api.send("POST", &format!("{m}/minutes/approve"), json!({}))
            .await
            .0,
        200
    );
    assert_eq!(
        api.send("PATCH", &m, corrected).await.0,
        409,
        "locked once approved"
    );
    let (_, programmes) = api
        .get(format!("/api/v1/bodies/{body_id}/programmes"))
        .await;
    let p = &programmes[0];
    assert_eq!(
        (
            p["title"].as_str(),
            p["starts_on"].as_str(),
            p["listed"].as_str(),
            p["status"].as_str()
        ),
        (
            Some("برنامج العمل الجهوي"),
            Some("2025-11-01"),
            Some("لقاءات تواصلية\nندوات موضوعاتية\nأنشطة ميدانية"),
            Some("adopted")
        )
    );
    let page = app
        .browser("admin")
        .await
        .get(&format!("/bodies/{body_id}/meetings"))
        .await;
    assert!(page.body.contains("id=\"programmes\"") && page.body.contains("أنشطة ميدانية"));

    let (_, c) = api
        .send("POST", &format!("{m}/communiques"), json!({}))
        .await;
    let text = c["body"].as_str().unwrap();
    assert!(
        text.contains("ترأست الأمينة الجهوية السيدة نزهة الإدريسي"),
        "{text}"
    );
    assert!(
        text.contains("وعرف الاجتماع حضور 8 أعضاء، كما حضره الكاتب الإقليمي بالقنيطرة رشيد المنصوري والكاتبة الإقليمية بالخميسات حياة الزموري."),
        "{text}"
    );
    assert!(
        text.contains("المصادقة بأغلبية 6 أصوات وامتناع عضو واحد على «برنامج العمل الجهوي» للفترة من فاتح نونبر 2025 إلى 30 يونيو 2026، ويتضمن لقاءات تواصلية، ندوات موضوعاتية وأنشطة ميدانية"),
        "{text}"
    );
    assert!(
        !text.contains("التحق") && !text.contains("لطيفة"),
        "no private record in the communiqué"
    );
}
both_engines!(
    a_regional_meeting_adopts_its_programme_by_a_vote_of_those_present,
    regional_programme
);
