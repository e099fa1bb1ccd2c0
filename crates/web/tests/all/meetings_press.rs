//! Meetings as the press reports them, through the API on both engines: no named chair, a
//! woman member of parliament and a group who speak, members counted rather than named and
//! a unanimous vote of them, a remote meeting whose link stays private, an organization
//! hosting, a guest of honour, and the announcement before a congress. The texts are
//! checked sentence by sentence against sentences written by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

async fn setup(engine: Engine) -> (common::TestApp, Api, i64) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531", "name": "الأمانة الإقليمية"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let id = body["id"].as_i64().unwrap();
    (app, api, id)
}

fn paragraphs(c: &Value) -> Vec<String> {
    c["body"]
        .as_str()
        .unwrap()
        .split("\n\n")
        .map(str::to_owned)
        .collect()
}

async fn a_meeting_with_no_named_chair_counted_members_and_a_woman_speaking(engine: Engine) {
    let (_app, api, body) = setup(engine).await;
    let (s, m) = api
        .send("POST", &format!("/api/v1/bodies/{body}/meetings"), json!({
            "kind": "organizational", "held_on": "2023-01-14", "starts_at": "18:00",
            "mode": "online", "video_link": "https://visio.example.ma/secret-room",
            "members_present_count": 9, "members_total_count": 11,
            "leads": [
                {"role": "host", "organization": true, "name": "جمعية الأمل للتنمية"},
                {"role": "honour_guest", "name": "عبد الواحد الأنصاري", "title": "النائب البرلماني", "sex": "M"}
            ],
            "groups": [{"category": "sympathisers", "label": "المتعاطفين", "sex": "M", "count": 25}],
            "agenda": ["تقييم الأداء التنظيمي"]
        }))
        .await;
    assert_eq!(s, 201, "{m}");
    assert_eq!(m["quorum"], true, "9 of 11 is a quorum: {m}");
    assert_eq!(m["members_present"], 9);
    let mid = m["id"].as_i64().unwrap();
    let path = format!("/api/v1/meetings/{mid}");
    for speech in [
        json!({"speaker": "ليلى أمزيان", "title": "النائبة البرلمانية", "sex": "F", "summary": "قضايا التشغيل بالإقليم.", "verb": "addressed"}),
        json!({"speaker": "أعضاء الأمانة الإقليمية", "group": true, "sex": "M", "summary": "تعزيز التواصل مع المواطنين", "verb": "called_for"}),
    ] {
        let (s, d) = api
            .send("POST", &format!("{path}/interventions"), speech)
            .await;
        assert_eq!(s, 201, "{d}");
    }
    // Unanimously: the count present is the vote, no names needed.
    let (s, d) = api
        .send(
            "POST",
            &format!("{path}/decisions"),
            json!({
                "decision": {"kind": "resolution", "text": "المصادقة على التقرير التنظيمي"},
                "vote": {"unanimous": true}
            }),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let decision = d["decisions"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            decision["votes_for"].as_i64(),
            decision["unanimous"].as_bool()
        ),
        (Some(9), Some(true))
    );
    // More votes than the members counted present: refused.
    let (s, d) = api
        .send(
            "POST",
            &format!("{path}/decisions"),
            json!({
                "decision": {"kind": "resolution", "text": "قرار آخر"},
                "vote": {"votes_for": 10, "against": 0, "abstentions": 0}
            }),
        )
        .await;
    assert_eq!((s, d["error"].as_str()), (422, Some("vote-exceeds-voters")));

    let (s, c) = api
        .send("POST", &format!("{path}/communiques"), json!({}))
        .await;
    assert_eq!(s, 201, "{c}");
    assert_eq!(
        c["headline"],
        "الأمانة الإقليمية بتاونات تعقد اجتماعا تنظيميا عن بعد"
    );
    assert_eq!(
        paragraphs(&c),
        [
            "يوم السبت 14 يناير 2023 على الساعة السادسة مساء، عقدت الأمانة الإقليمية بتاونات اجتماعا تنظيميا، عن بعد عبر تقنية التناظر المرئي.",
            "وانعقد الاجتماع بضيافة جمعية الأمل للتنمية.",
            "وحل النائب البرلماني السيد عبد الواحد الأنصاري ضيف شرف على الاجتماع.",
            "وعرف الاجتماع حضور 9 أعضاء و25 من المتعاطفين.",
            "وتضمن جدول الأعمال النقط التالية:\n1. تقييم الأداء التنظيمي",
            "وفي مداخلتها، تطرقت النائبة البرلمانية السيدة ليلى أمزيان إلى قضايا التشغيل بالإقليم.",
            "وفي مداخلاتهم، دعا أعضاء الأمانة الإقليمية إلى تعزيز التواصل مع المواطنين.",
            "وفي ختام الاجتماع، تقرر ما يلي:\n- المصادقة على التقرير التنظيمي بالإجماع",
            "واختتم الاجتماع في جو من المسؤولية والتعبئة.",
        ]
    );
    // The link stays in the record for its officers, never in a text.
    assert_eq!(
        api.get(&path).await.1["video_link"],
        "https://visio.example.ma/secret-room"
    );
    let (_, minutes) = api
        .send("POST", &format!("{path}/minutes"), json!({}))
        .await;
    let minutes = minutes["minutes"].as_str().unwrap();
    for text in [c["body"].as_str().unwrap(), minutes] {
        assert!(!text.contains("visio.example.ma"), "{text}");
        assert!(
            !text.contains("السيد ،") && !text.contains("برئاسة  "),
            "{text}"
        );
    }
    assert!(
        minutes.contains("لم يسجل في المحضر من ترأس الاجتماع."),
        "{minutes}"
    );
    assert!(minutes.contains("الحاضرون: 9 أعضاء"), "{minutes}");
    let (s, fr) = api
        .send(
            "POST",
            &format!("{path}/communiques"),
            json!({"lang": "fr"}),
        )
        .await;
    assert_eq!(s, 201, "{fr}");
    assert!(
        fr["body"].as_str().unwrap().starts_with("Le samedi 14 janvier 2023 à 18 h, le Secrétariat provincial de Taounate a tenu une réunion organisationnelle, à distance par visioconférence."),
        "{fr}"
    );
}
both_engines!(
    a_meeting_with_no_named_chair_counted_members_and_a_woman_speaking,
    a_meeting_with_no_named_chair_counted_members_and_a_woman_speaking
);

async fn an_announcement_then_the_report(engine: Engine) {
    let (app, api, body) = setup(engine).await;
    let (s, m) = api
        .send("POST", &format!("/api/v1/bodies/{body}/meetings"), json!({
            "kind": "congress", "held_on": "2025-01-12", "starts_at": "10:00",
            "commune": "03.531.01.05", "place": "المقر الإقليمي للحزب",
            "slogan": "جميعا من أجل التنمية",
            "invited": "كافة المناضلات والمناضلين بالإقليم",
            "whole_body_present": true,
            "leads": [
                {"role": "chair", "name": "نزهة الإدريسي", "title": "الأمينة الجهوية", "sex": "F"},
                {"role": "chair", "name": "محمد النجاري", "title": "الأمين الإقليمي", "sex": "M"}
            ]
        }))
        .await;
    assert_eq!(s, 201, "{m}");
    let mid = m["id"].as_i64().unwrap();
    let path = format!("/api/v1/meetings/{mid}");
    let (s, a) = api
        .send(
            "POST",
            &format!("{path}/communiques"),
            json!({"kind": "announcement"}),
        )
        .await;
    assert_eq!(s, 201, "{a}");
    assert_eq!(a["kind"], "announcement");
    let city = a["headline"].as_str().unwrap().split(':').next().unwrap();
    assert_eq!(city, "تاونات", "{a}");
    assert_eq!(
        a["headline"],
        "تاونات: الأمانة الإقليمية بتاونات تعقد مؤتمرا يوم الأحد 12 يناير 2025"
    );
    assert_eq!(
        paragraphs(&a),
        [
            "تعقد الأمانة الإقليمية بتاونات مؤتمرا يوم الأحد 12 يناير 2025 على الساعة العاشرة صباحا بالمقر الإقليمي للحزب بتاونات، تحت شعار «جميعا من أجل التنمية».",
            "وتترأس المؤتمر الأمينة الجهوية السيدة نزهة الإدريسي والأمين الإقليمي السيد محمد النجاري.",
            "وبهذه المناسبة، تدعو الأمانة الإقليمية بتاونات كافة المناضلات والمناضلين بالإقليم إلى الحضور والمشاركة.",
        ]
    );
    let (s, r) = api
        .send("POST", &format!("{path}/communiques"), json!({}))
        .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["kind"], "report");
    assert_eq!(
        paragraphs(&r)[..2],
        [
            "تاونات، يوم الأحد 12 يناير 2025 على الساعة العاشرة صباحا، ترأست الأمينة الجهوية السيدة نزهة الإدريسي والأمين الإقليمي السيد محمد النجاري مؤتمرا للأمانة الإقليمية بتاونات بالمقر الإقليمي للحزب بتاونات، تحت شعار «جميعا من أجل التنمية».",
            "وعرف المؤتمر حضور أعضاء الأمانة الإقليمية بتاونات.",
        ]
    );
    // On the public page: the announcement until the report is published, then the report.
    let news = || async {
        reqwest::get(app.url("/news"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let publish = |id: &Value| {
        let api = &api;
        let path = format!("/api/v1/communiques/{id}/publish");
        async move { api.send("POST", &path, json!({})).await.0 }
    };
    assert_eq!(publish(&a["id"]).await, 200);
    let page = news().await;
    assert!(
        page.contains("تعقد مؤتمرا يوم الأحد 12 يناير 2025"),
        "{page}"
    );
    // The card gives the meeting's day beside the day it was published.
    let dates = page
        .split("class=\"muted\">")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .unwrap_or_default();
    assert!(
        dates.starts_with("الاجتماع: ") && dates.contains("2025") && dates.contains("النشر: "),
        "{dates}"
    );
    assert_eq!(publish(&r["id"]).await, 200);
    let page = news().await;
    assert!(
        page.contains("ترأست الأمينة الجهوية") && !page.contains("تعقد مؤتمرا يوم الأحد"),
        "the report replaces the announcement: {page}"
    );
    // Both stay in the record.
    let (_, d) = api.get(&path).await;
    assert_eq!(d["communiques"].as_array().map(Vec::len), Some(2));
}
both_engines!(
    an_announcement_then_the_report,
    an_announcement_then_the_report
);

/// Each bad input answers a localized error naming its field, and nothing is saved.
async fn bad_leads_places_and_speakers_are_refused(engine: Engine) {
    let (app, api, body) = setup(engine).await;
    let meetings = format!("/api/v1/bodies/{body}/meetings");
    for (input, field, code) in [
        (
            json!({"leads": [{"role": "chair", "organization": true, "name": "حزب ما"}]}),
            "chair",
            "organization-not-host",
        ),
        (
            json!({"leads": [{"role": "chair", "name": "بلا جنس", "title": "الأمين"}]}),
            "sex",
            "sex-invalid",
        ),
        (
            json!({"city_abroad": "باريس"}),
            "commune",
            "country-required",
        ),
        (
            json!({"city_abroad": "باريس", "country": "فرنسا", "commune": "03.531.01.05"}),
            "commune",
            "place-twice",
        ),
        (
            json!({"mode": "online", "video_link": "http://insecure.example"}),
            "place",
            "link-invalid",
        ),
        (
            json!({"members_present_count": 12, "members_total_count": 11}),
            "attendance",
            "count-invalid",
        ),
        (
            json!({"members_present_count": 3, "whole_body_present": true}),
            "attendance",
            "count-and-whole",
        ),
    ] {
        let mut meeting = json!({"kind": "organizational", "held_on": "2024-03-02"});
        for (k, v) in input.as_object().unwrap() {
            meeting[k] = v.clone();
        }
        let (s, e) = api.send("POST", &meetings, meeting).await;
        assert_eq!(
            (s, e["field"].as_str(), e["error"].as_str()),
            (422, Some(field), Some(code)),
            "{input}: {e}"
        );
    }
    let (s, e) = api
        .send(
            "POST",
            &meetings,
            json!({"kind": "organizational", "held_on": "2024-03-02", "mode": "by-pigeon"}),
        )
        .await;
    assert_eq!(s, 400, "{e}");
    let saved = tanzim_store::meetings::of_body(&app.db, body)
        .await
        .unwrap();
    assert_eq!(saved.len(), 0);

    // A speaker without a sex is refused: none is assumed.
    let (s, m) = api
        .send(
            "POST",
            &meetings,
            json!({"kind": "organizational", "held_on": "2024-03-02"}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let path = format!("/api/v1/meetings/{}", m["id"]);
    let (s, e) = api
        .send(
            "POST",
            &format!("{path}/interventions"),
            json!({"speaker": "متدخل", "summary": "كلمة"}),
        )
        .await;
    assert_eq!(
        (s, e["field"].as_str(), e["error"].as_str()),
        (422, Some("sex"), Some("sex-invalid"))
    );
    // A unanimous vote with no attendance recorded has nothing to count.
    let (s, e) = api
        .send(
            "POST",
            &format!("{path}/decisions"),
            json!({
                "decision": {"kind": "resolution", "text": "قرار"}, "vote": {"unanimous": true}
            }),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("unanimous-without-attendance"))
    );
    // "Constitute" only a body being founded: this one is active.
    let (s, e) = api
        .send(
            "POST",
            &format!("{path}/decisions"),
            json!({"decision": {"kind": "constitute"}}),
        )
        .await;
    assert_eq!(
        (s, e["field"].as_str(), e["error"].as_str()),
        (422, Some("status"), Some("body-not-in-formation"))
    );
    let (_, d) = api.get(&path).await;
    assert_eq!(d["interventions"].as_array().map(Vec::len), Some(0));
    assert_eq!(d["decisions"].as_array().map(Vec::len), Some(0));
}
both_engines!(
    bad_leads_places_and_speakers_are_refused,
    bad_leads_places_and_speakers_are_refused
);

/// Functional committees from the profile: formed by a decision, their report heard and
/// named in the minutes; a committee the profile does not know is refused.
async fn functional_committees_are_formed_and_heard(engine: Engine) {
    let (_app, api, body) = setup(engine).await;
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"kind": "organizational", "held_on": "2023-01-14", "commune": "03.531.01.05"}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let path = format!("/api/v1/meetings/{}", m["id"]);
    let (s, e) = api
        .send(
            "POST",
            &format!("{path}/decisions"),
            json!({
                "decision": {"kind": "create_committee", "committee": "gardening"}
            }),
        )
        .await;
    assert_eq!(
        (s, e["field"].as_str(), e["error"].as_str()),
        (422, Some("name"), Some("committee-unknown"))
    );
    let (s, d) = api
        .send("POST", &format!("{path}/decisions"), json!({
            "decision": {"kind": "create_committee", "committee": "organization", "members": ["جمال التودي", "خيرة الهيري"]}
        }))
        .await;
    assert_eq!(s, 201, "{d}");
    assert_eq!(
        d["decisions"][0]["summary"],
        "تشكيل لجنة التنظيم من جمال التودي وخيرة الهيري بالتوافق"
    );
    let (s, d) = api
        .send(
            "POST",
            &format!("{path}/interventions"),
            json!({
                "committee": "congress_preparation", "summary": "الترتيبات المادية للمؤتمر الإقليمي."
            }),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let (_, c) = api
        .send("POST", &format!("{path}/communiques"), json!({}))
        .await;
    assert!(
        paragraphs(&c).contains(
            &"وقدمت اللجنة التحضيرية للمؤتمر تقريرها حول الترتيبات المادية للمؤتمر الإقليمي."
                .to_owned()
        ),
        "{c}"
    );
    let (_, minutes) = api
        .send("POST", &format!("{path}/minutes"), json!({}))
        .await;
    let minutes = minutes["minutes"].as_str().unwrap();
    assert!(
        minutes.contains("تقرير اللجنة التحضيرية للمؤتمر: الترتيبات المادية للمؤتمر الإقليمي."),
        "{minutes}"
    );
    let (_, fr) = api
        .send(
            "POST",
            &format!("{path}/communiques"),
            json!({"lang": "fr"}),
        )
        .await;
    assert!(
        fr["body"]
            .as_str()
            .unwrap()
            .contains("constitution de la commission de l'organisation, composée de جمال التودي et خيرة الهيري, par consensus"),
        "{fr}"
    );
}
both_engines!(
    functional_committees_are_formed_and_heard,
    functional_committees_are_formed_and_heard
);

/// A provincial congress with its preparatory session, and a local congress linked to it;
/// a link to a meeting that is not a congress above the body is refused.
async fn congresses_are_linked_to_their_preparation(engine: Engine) {
    let (_app, api, province) = setup(engine).await;
    let (s, local) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "local_bureau", "territory": "03.531.01.05", "name": "المكتب المحلي", "parent_id": province}))
        .await;
    assert_eq!(s, 201, "{local}");
    let local = local["id"].as_i64().unwrap();
    let meeting = |body: i64, input: Value| {
        let api = &api;
        async move {
            let mut m = json!({"kind": "organizational", "held_on": "2024-11-02"});
            for (k, v) in input.as_object().unwrap() {
                m[k] = v.clone();
            }
            api.send("POST", &format!("/api/v1/bodies/{body}/meetings"), m)
                .await
        }
    };
    let (s, congress) = meeting(
        province,
        json!({"kind": "congress", "held_on": "2025-01-12"}),
    )
    .await;
    assert_eq!(s, 201, "{congress}");
    let congress_id = congress["id"].as_i64().unwrap();
    let (s, session) = meeting(province, json!({"congress_id": congress_id})).await;
    assert_eq!(s, 201, "{session}");
    let (s, local_congress) = meeting(
        local,
        json!({"kind": "congress", "held_on": "2024-12-14", "congress_id": congress_id}),
    )
    .await;
    assert_eq!(s, 201, "{local_congress}");
    // The provincial congress lists both.
    let (_, d) = api.get(format!("/api/v1/meetings/{congress_id}")).await;
    let linked: Vec<i64> = d["linked_meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        linked,
        [
            session["id"].as_i64().unwrap(),
            local_congress["id"].as_i64().unwrap()
        ]
    );
    // The texts say what the session prepares.
    let (_, c) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{}/communiques", session["id"]),
            json!({}),
        )
        .await;
    assert_eq!(
        paragraphs(&c)[1],
        "ويندرج الاجتماع في إطار التحضير لمؤتمر الأمانة الإقليمية بتاونات المقرر يوم الأحد 12 يناير 2025."
    );
    let (_, c) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{}/communiques", local_congress["id"]),
            json!({"kind": "announcement"}),
        )
        .await;
    assert_eq!(
        paragraphs(&c),
        [
            "يعقد المكتب المحلي بتاونات مؤتمرا يوم السبت 14 دجنبر 2024.",
            "ويندرج المؤتمر في إطار التحضير لمؤتمر الأمانة الإقليمية بتاونات المقرر يوم الأحد 12 يناير 2025.",
        ]
    );
    // Not a congress, a congress below, or the meeting itself: refused.
    let (s, e) = meeting(province, json!({"congress_id": session["id"]})).await;
    assert_eq!((s, e["error"].as_str()), (422, Some("congress-unknown")));
    let (s, e) = meeting(province, json!({"congress_id": local_congress["id"]})).await;
    assert_eq!((s, e["error"].as_str()), (422, Some("congress-unknown")));
    let (s, e) = api
        .send(
            "PATCH",
            &format!("/api/v1/meetings/{congress_id}"),
            json!({"kind": "congress", "held_on": "2025-01-12", "congress_id": congress_id}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("congress-unknown")));
}
both_engines!(
    congresses_are_linked_to_their_preparation,
    congresses_are_linked_to_their_preparation
);

/// A general assembly elects the whole office: when its minutes are approved every holder
/// before it leaves that day and the list takes office.
async fn an_office_elected_as_a_whole_replaces_the_holders(engine: Engine) {
    let (_app, api, body) = setup(engine).await;
    for (position, name, sex) in [
        ("secretary", "محمد النجاري", "M"),
        ("treasurer", "عبد الرحيم البودالي", "M"),
    ] {
        let (s, h) = api
            .send("POST", &format!("/api/v1/bodies/{body}/positions"), json!({"position": position, "holder_name": name, "sex": sex, "started_on": "2020-01-15"}))
            .await;
        assert_eq!(s, 201, "{h}");
    }
    let (s, m) = api
        .send("POST", &format!("/api/v1/bodies/{body}/meetings"), json!({"kind": "congress", "held_on": "2024-06-01", "members_present_count": 40, "members_total_count": 52}))
        .await;
    assert_eq!(s, 201, "{m}");
    let path = format!("/api/v1/meetings/{}", m["id"]);
    let officers = json!([
        {"position": "secretary", "holder_name": "خيرة الهيري", "sex": "F"},
        {"position": "deputy", "rank": 1, "holder_name": "جمال التودي", "sex": "M"},
        {"position": "rapporteur", "holder_name": "فاطمة الزهراء العلوي", "sex": "F"}
    ]);
    let (s, e) = api
        .send("POST", &format!("{path}/decisions"), json!({
            "decision": {"kind": "renew_office", "officers": [officers[0].clone(), officers[0].clone()]}
        }))
        .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("position-twice")));
    let (s, d) = api
        .send("POST", &format!("{path}/decisions"), json!({
            "decision": {"kind": "renew_office", "officers": officers}, "vote": {"unanimous": true}
        }))
        .await;
    assert_eq!(s, 201, "{d}");
    assert_eq!(
        d["decisions"][0]["summary"],
        "انتخاب المكتب بالإجماع على الشكل التالي: الأمينة الإقليمية: السيدة خيرة الهيري؛ النائب الأول للأمين الإقليمي: السيد جمال التودي؛ مقررة الأمانة الإقليمية: السيدة فاطمة الزهراء العلوي"
    );
    assert_eq!(d["decisions"][0]["votes_for"], 40);
    api.send("POST", &format!("{path}/minutes"), json!({}))
        .await;
    let (s, _) = api
        .send("POST", &format!("{path}/minutes/approve"), json!({}))
        .await;
    assert_eq!(s, 200);
    let (_, positions) = api.get(format!("/api/v1/bodies/{body}/positions")).await;
    let current: Vec<(String, String)> = positions["current"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["position"].as_str().unwrap().to_owned(),
                h["holder_name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut current = current;
    current.sort();
    assert_eq!(
        current,
        [
            ("deputy".to_owned(), "جمال التودي".to_owned()),
            ("rapporteur".to_owned(), "فاطمة الزهراء العلوي".to_owned()),
            ("secretary".to_owned(), "خيرة الهيري".to_owned()),
        ]
    );
    let ended: Vec<&str> = positions["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["ended_on"] == "2024-06-01")
        .map(|h| h["holder_name"].as_str().unwrap())
        .collect();
    assert_eq!(ended.len(), 2, "{positions}");
}
both_engines!(
    an_office_elected_as_a_whole_replaces_the_holders,
    an_office_elected_as_a_whole_replaces_the_holders
);

/// A body's own French name carries into the French texts (else the kind's and the
/// territory's).
async fn a_body_s_french_name_is_its_own(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531", "name_fr": "Secrétariat de la province de Taounate"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let (_, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{}/meetings", body["id"]),
            json!({"kind": "organizational", "held_on": "2023-01-14", "commune": "03.531.01.05"}),
        )
        .await;
    let (_, fr) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{}/communiques", m["id"]),
            json!({"lang": "fr"}),
        )
        .await;
    assert_eq!(
        fr["headline"],
        "Taounate : Le Secrétariat de la province de Taounate tient une réunion organisationnelle"
    );
}
both_engines!(
    a_body_s_french_name_is_its_own,
    a_body_s_french_name_is_its_own
);
