//! The meeting pages' forms for what the press reports (issue 13): a meeting linked to a
//! congress, an office elected as a whole, sympathisers ticked as present. Through the
//! pages, as an officer of Taounate on a phone would, each on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Browser, Engine, TestApp};
use serde_json::json;
use tanzim_domain::accounts::Role;

/// Taounate's provincial secretariat (created by an administrator), the officer's browser
/// and API.
async fn setup(app: &TestApp) -> (i64, Browser, Api) {
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let admin = Api::new(app, app.token(admin).await);
    let (s, body) = admin
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let officer = app
        .user("taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    (
        body["id"].as_i64().unwrap(),
        app.browser("taounate").await,
        Api::new(app, app.token(officer).await),
    )
}

async fn a_session_prepares_the_congress_chosen_on_the_page(engine: Engine) {
    let app = common::spawn(engine).await;
    let (body, web, api) = setup(&app).await;
    let page = format!("/bodies/{body}/meetings");
    // No congress yet: no choice offered.
    assert!(!web.get(&page).await.body.contains("name=\"congress_id\""));
    let (s, congress) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"kind": "congress", "held_on": "2025-01-12"}),
        )
        .await;
    assert_eq!(s, 201, "{congress}");
    let congress = congress["id"].as_i64().unwrap();
    let form = web.get(&page).await;
    let offered = form.body.split("name=\"congress_id\">").nth(1).unwrap();
    let offered = &offered[..offered.find("</select>").unwrap()];
    assert_eq!(
        offered,
        format!(
            "<option value=\"\">لا يرتبط بمؤتمر</option><option value=\"{congress}\">الأمانة الإقليمية تاونات — 12 يناير 2025</option>"
        )
    );
    let created = web
        .submit(
            &page,
            &page,
            &[
                ("kind", "organizational"),
                ("held_on", "2024-12-20"),
                ("mode", "in_person"),
                ("congress_id", &congress.to_string()),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let (_, detail) = api.get(format!("/api/v1/meetings/{congress}")).await;
    let linked: Vec<&str> = detail["linked_meetings"]
        .as_array()
        .unwrap_or_else(|| panic!("{detail}"))
        .iter()
        .map(|m| m["held_on"].as_str().unwrap())
        .collect();
    assert_eq!(linked, ["2024-12-20"], "{detail}");
}
both_engines!(
    a_session_prepares_the_congress_chosen_on_the_page,
    a_session_prepares_the_congress_chosen_on_the_page
);

async fn an_office_is_elected_as_a_whole_on_the_page(engine: Engine) {
    let app = common::spawn(engine).await;
    let (body, web, api) = setup(&app).await;
    let (s, m) = api
        .send("POST", &format!("/api/v1/bodies/{body}/meetings"), json!({"kind": "congress", "held_on": "2024-06-01", "members_present_count": 40, "members_total_count": 52}))
        .await;
    assert_eq!(s, 201, "{m}");
    let page = format!("/meetings/{}", m["id"]);
    let form = web.get(&page).await;
    assert!(form.body.contains("name=\"office_position_8\""));
    let answer = web
        .submit(
            &page,
            &format!("{page}/decisions"),
            &[
                ("kind", "renew_office"),
                ("office_position_1", "secretary"),
                ("office_name_1", "خيرة الهيري"),
                ("office_sex_1", "F"),
                ("office_position_2", "deputy"),
                ("office_rank_2", "1"),
                ("office_name_2", "جمال التودي"),
                ("office_sex_2", "M"),
                ("unanimous", "yes"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let (_, detail) = api.get(format!("/api/v1/meetings/{}", m["id"])).await;
    assert_eq!(
        detail["decisions"][0]["summary"],
        "انتخاب المكتب بالإجماع على الشكل التالي: الأمينة الإقليمية: السيدة خيرة الهيري؛ النائب الأول للأمين الإقليمي: السيد جمال التودي"
    );
    // A row with a name but no sex is refused, naming the field, and nothing is saved.
    let refused = web
        .submit(
            &page,
            &format!("{page}/decisions"),
            &[
                ("kind", "renew_office"),
                ("office_position_1", "treasurer"),
                ("office_name_1", "عبد الرحيم البودالي"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    let (_, detail) = api.get(format!("/api/v1/meetings/{}", m["id"])).await;
    assert_eq!(detail["decisions"].as_array().unwrap().len(), 1);
}
both_engines!(
    an_office_is_elected_as_a_whole_on_the_page,
    an_office_is_elected_as_a_whole_on_the_page
);

async fn sympathisers_are_ticked_as_present(engine: Engine) {
    let app = common::spawn(engine).await;
    let (body, web, api) = setup(&app).await;
    let mut ids = Vec::new();
    for (first, last, sex) in [("سعاد", "العلوي", "F"), ("رشيد", "البقالي", "M")]
    {
        let (s, c) = api
            .send("POST", "/api/v1/contacts", json!({
                "first_name_ar": first, "last_name_ar": last, "sex": sex, "phone": "0612345678",
                "commune": "03.531.01.05", "consent_on": "2026-11-20", "consent_source": "meeting",
                "consent_wording": "أوافق على أن يتصل بي الحزب",
            }))
            .await;
        assert_eq!(s, 201, "{c}");
        ids.push(c["id"].as_i64().unwrap());
    }
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"kind": "communication", "held_on": "2026-11-28"}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let page = format!("/meetings/{}", m["id"]);
    let form = web.get(&page).await;
    assert!(
        form.body
            .contains(&format!("name=\"sympathiser_{}\"", ids[0]))
    );
    assert!(form.body.contains("<bdi>سعاد العلوي</bdi>"));
    let answer = web
        .submit(
            &page,
            &format!("{page}/attendance"),
            &[
                ("present", "محمد النجاري"),
                ("guests", "رشيد البقالي"),
                (&format!("sympathiser_{}", ids[0]), "yes"),
                // Ticked twice (also a guest line): listed once.
                (&format!("sympathiser_{}", ids[1]), "yes"),
                // An id that is not the body's sympathiser: ignored.
                ("sympathiser_999999", "yes"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let (_, detail) = api.get(format!("/api/v1/meetings/{}", m["id"])).await;
    let mut guests: Vec<(String, Option<String>)> = detail["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["guest"] == true)
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_owned(),
                a["title"].as_str().map(str::to_owned),
            )
        })
        .collect();
    guests.sort();
    assert_eq!(
        guests,
        [
            ("رشيد البقالي".to_owned(), None),
            ("سعاد العلوي".to_owned(), Some("متعاطفة".to_owned())),
        ]
    );
    // Sympathisers are never counted as members present.
    assert_eq!(detail["members_present"], 1, "{detail}");
}
both_engines!(
    sympathisers_are_ticked_as_present,
    sympathisers_are_ticked_as_present
);

async fn some_attend_a_hybrid_meeting_from_afar(engine: Engine) {
    let app = common::spawn(engine).await;
    let (body, web, api) = setup(&app).await;
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"kind": "organizational", "held_on": "2026-11-28", "mode": "hybrid"}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let page = format!("/meetings/{}", m["id"]);
    assert!(
        web.get(&page)
            .await
            .body
            .contains("name=\"present_remote\"")
    );
    let answer = web
        .submit(
            &page,
            &format!("{page}/attendance"),
            &[
                ("present", "محمد النجاري"),
                ("present_remote", "خيرة الهيري"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let (_, detail) = api.get(format!("/api/v1/meetings/{}", m["id"])).await;
    let attendance: Vec<(&str, bool)> = detail["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap(), a["remote"].as_bool().unwrap()))
        .collect();
    assert_eq!(attendance, [("محمد النجاري", false), ("خيرة الهيري", true)]);
    assert_eq!(detail["members_present"], 2, "present from afar counts");
    // The minutes say who was there from afar.
    let (s, drafted) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{}/minutes", m["id"]),
            json!({}),
        )
        .await;
    assert_eq!(s, 200, "{drafted}");
    let minutes = drafted["minutes"].as_str().unwrap();
    assert!(
        minutes.contains("محمد النجاري، خيرة الهيري (عن بعد)"),
        "{minutes}"
    );
    // Excused and remote at once: refused, naming the attendance, nothing saved.
    let (s, e) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{}/attendance", m["id"]),
            json!({"attendance": [{"name": "جمال التودي", "presence": "excused", "remote": true}]}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str(), e["field"].as_str()),
        (422, Some("remote-not-present"), Some("attendance"))
    );
    let (_, detail) = api.get(format!("/api/v1/meetings/{}", m["id"])).await;
    assert_eq!(detail["attendance"].as_array().unwrap().len(), 2);
}
both_engines!(
    some_attend_a_hybrid_meeting_from_afar,
    some_attend_a_hybrid_meeting_from_afar
);

/// A holder linked to a member takes the roll's name and sex when the officer leaves them
/// blank; without a member, a blank sex is refused (never defaulted).
async fn a_holder_linked_to_the_roll_takes_its_name_and_sex(engine: Engine) {
    let app = common::spawn(engine).await;
    let (body, _web, api) = setup(&app).await;
    let (s, member) = api
        .send(
            "POST",
            "/api/v1/members",
            common::person("Z900001", "03.531.01.05"),
        )
        .await;
    assert_eq!(s, 201, "{member}");
    let (s, positions) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/positions"),
            json!({"position": "secretary", "member_id": member["id"]}),
        )
        .await;
    assert_eq!(s, 201, "{positions}");
    let (_, positions) = api.get(format!("/api/v1/bodies/{body}/positions")).await;
    let holder = &positions["current"][0];
    assert_eq!(
        (holder["holder_name"].as_str(), holder["sex"].as_str()),
        (Some("فاطمة الزهراء"), Some("F")),
        "{positions}"
    );
    let (s, e) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/positions"),
            json!({"position": "treasurer", "holder_name": "عبد الرحيم البودالي"}),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("sex")), "{e}");
}
both_engines!(
    a_holder_linked_to_the_roll_takes_its_name_and_sex,
    a_holder_linked_to_the_roll_takes_its_name_and_sex
);
