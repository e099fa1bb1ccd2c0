//! Correcting and removing a meeting's interventions and decisions until its minutes are
//! approved, through the API and the page, on both engines.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::json;
use tanzim_domain::accounts::Role;

async fn corrected_and_removed_until_approval(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let body_id = body["id"].as_i64().unwrap();
    let new_meeting =
        json!({"kind": "organizational", "held_on": "2022-12-08", "commune": "03.531.01.05"});
    let (s, meeting) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            new_meeting.clone(),
        )
        .await;
    assert_eq!(s, 201, "{meeting}");
    let id = meeting["id"].as_i64().unwrap();
    let m = format!("/api/v1/meetings/{id}");
    let (s, other) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            new_meeting,
        )
        .await;
    assert_eq!(s, 201, "{other}");
    let other = format!("/api/v1/meetings/{}", other["id"].as_i64().unwrap());
    let attendance: Vec<_> = ["أ", "ب", "ج"]
        .iter()
        .map(|n| json!({"name": n, "presence": "present"}))
        .collect();
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/attendance"),
            json!({"attendance": attendance}),
        )
        .await;
    assert_eq!(s, 200, "{d}");

    // An intervention corrected, then read back.
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/interventions"),
            json!({"speaker": "جمال التودي", "sex": "M", "summary": "الجانب التنظيمي"}),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let intervention = d["interventions"][0]["id"].as_i64().unwrap();
    let (s, d) = api
        .send("PATCH", &format!("{m}/interventions/{intervention}"), json!({"speaker": "خيرة الهيري", "sex": "F", "verb": "stressed", "summary": "تمكين النساء"}))
        .await;
    assert_eq!(s, 200, "{d}");
    let (s, d) = api.get(&m).await;
    assert_eq!(s, 200);
    let i = &d["interventions"][0];
    assert_eq!(
        (
            i["speaker"].as_str(),
            i["speaker_sex"].as_str(),
            i["verb"].as_str(),
            i["summary"].as_str()
        ),
        (
            Some("خيرة الهيري"),
            Some("F"),
            Some("stressed"),
            Some("تمكين النساء")
        )
    );
    // Checked as when recorded; an intervention of another meeting is not found here.
    let (s, d) = api
        .send(
            "PATCH",
            &format!("{m}/interventions/{intervention}"),
            json!({"speaker": "x", "sex": "", "summary": "y"}),
        )
        .await;
    assert_eq!((s, d["error"].as_str()), (422, Some("sex-invalid")), "{d}");
    let (s, _) = api
        .send(
            "PATCH",
            &format!("{other}/interventions/{intervention}"),
            json!({"speaker": "x", "sex": "M", "summary": "y"}),
        )
        .await;
    assert_eq!(s, 404);
    let (s, _) = api
        .send(
            "POST",
            &format!("{other}/interventions/{intervention}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 404);
    // Removing asks for a confirmation.
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/interventions/{intervention}/remove"),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, d["error"].as_str()),
        (400, Some("confirmation-required"))
    );
    let (s, _) = api
        .send(
            "POST",
            &format!("{m}/interventions/{intervention}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 204);
    let (_, d) = api.get(&m).await;
    assert_eq!(d["interventions"], json!([]));

    // A decision's correction checks its vote against the attendance again: three present.
    let (s, d) = api
        .send("POST", &format!("{m}/decisions"), json!({"decision": {"kind": "resolution", "text": "تثمين عمل المنتخبين"}, "vote": {"votes_for": 3, "against": 0, "abstentions": 0}}))
        .await;
    assert_eq!(s, 201, "{d}");
    let first = d["decisions"][0]["id"].as_i64().unwrap();
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/decisions"),
            json!({"decision": {"kind": "resolution", "text": "تنظيم لقاء تواصلي"}}),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let second = d["decisions"][1]["id"].as_i64().unwrap();
    let (s, d) = api
        .send("PATCH", &format!("{m}/decisions/{first}"), json!({"decision": {"kind": "resolution", "text": "تثمين عمل المنتخبين"}, "vote": {"votes_for": 3, "against": 1, "abstentions": 0}}))
        .await;
    assert_eq!(s, 422, "four votes where three are present: {d}");
    let (s, d) = api
        .send("PATCH", &format!("{m}/decisions/{first}"), json!({"decision": {"kind": "resolution", "text": "تثمين عمل المنتخبين والمنتخبات"}, "vote": {"votes_for": 2, "against": 1, "abstentions": 0}}))
        .await;
    assert_eq!(s, 200, "{d}");
    let decision = &d["decisions"][0];
    assert_eq!(
        (
            decision["votes_for"].as_i64(),
            decision["against"].as_i64(),
            decision["summary"].as_str()
        ),
        (
            Some(2),
            Some(1),
            Some("تثمين عمل المنتخبين والمنتخبات بأغلبية صوتين مقابل صوت واحد")
        )
    );
    let (s, _) = api
        .send(
            "POST",
            &format!("{m}/decisions/{second}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 204);
    let (_, d) = api.get(&m).await;
    assert_eq!(d["decisions"].as_array().unwrap().len(), 1, "{d}");
    let (s, d) = api.send("POST", &format!("{m}/minutes"), json!({})).await;
    assert_eq!(s, 200, "{d}");
    let minutes = d["minutes"].as_str().unwrap();
    assert!(
        minutes.contains("تثمين عمل المنتخبين والمنتخبات") && !minutes.contains("لقاء تواصلي"),
        "{minutes}"
    );

    // Approved minutes lock both.
    let (s, d) = api
        .send("POST", &format!("{m}/minutes/approve"), json!({}))
        .await;
    assert_eq!(s, 200, "{d}");
    let (s, d) = api
        .send(
            "PATCH",
            &format!("{m}/decisions/{first}"),
            json!({"decision": {"kind": "resolution", "text": "x"}}),
        )
        .await;
    assert_eq!((s, d["error"].as_str()), (409, Some("minutes-approved")));
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/decisions/{first}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!((s, d["error"].as_str()), (409, Some("minutes-approved")));
    let (s, d) = api
        .send(
            "PATCH",
            &format!("{m}/interventions/{intervention}"),
            json!({"speaker": "x", "sex": "M", "summary": "y"}),
        )
        .await;
    assert_eq!((s, d["error"].as_str()), (409, Some("minutes-approved")));
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/interventions/{intervention}/remove"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!((s, d["error"].as_str()), (409, Some("minutes-approved")));

    // Each change is in the audit log, a removal with what was removed.
    let (s, log) = api.get("/api/v1/audit?action=meeting-recorded").await;
    assert_eq!(s, 200, "{log}");
    let details: Vec<_> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| serde_json::from_str::<serde_json::Value>(e["detail"].as_str().unwrap()).unwrap())
        .collect();
    for expected in [
        json!({"intervention": intervention, "corrected": true}),
        json!({"intervention": intervention, "removed": true, "summary": "تمكين النساء"}),
        json!({"decision": first, "corrected": true, "summary": "تثمين عمل المنتخبين والمنتخبات بأغلبية صوتين مقابل صوت واحد"}),
        json!({"decision": second, "removed": true, "summary": "تنظيم لقاء تواصلي"}),
    ] {
        assert!(details.contains(&expected), "{expected} not in {details:?}");
    }
}
both_engines!(
    corrected_and_removed_until_approval,
    corrected_and_removed_until_approval
);

/// The page corrects and removes through its forms, the removal confirmed.
async fn corrected_and_removed_on_the_page(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    let b = app.browser("admin").await;
    let (s, body) = b
        .json("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let body_id = body["id"].as_i64().unwrap();
    let (s, meeting) = b
        .json(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "organizational", "held_on": "2022-12-08"}),
        )
        .await;
    assert_eq!(s, 201, "{meeting}");
    let id = meeting["id"].as_i64().unwrap();
    let page = format!("/meetings/{id}");
    let (s, d) = b
        .json(
            "POST",
            &format!("/api/v1/meetings/{id}/interventions"),
            json!({"speaker": "جمال التودي", "sex": "M", "summary": "الجانب التنظيمي"}),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let intervention = d["interventions"][0]["id"].as_i64().unwrap();
    let (s, d) = b
        .json(
            "POST",
            &format!("/api/v1/meetings/{id}/decisions"),
            json!({"decision": {"kind": "resolution", "text": "تنظيم لقاء تواصلي"}}),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let decision = d["decisions"][0]["id"].as_i64().unwrap();
    let shown = b.get(&page).await;
    for action in [
        format!("action=\"/meetings/{id}/interventions/{intervention}/edit\""),
        format!("action=\"/meetings/{id}/interventions/{intervention}/remove\""),
        format!("action=\"/meetings/{id}/decisions/{decision}/edit\""),
        format!("action=\"/meetings/{id}/decisions/{decision}/remove\""),
    ] {
        assert!(shown.body.contains(&action), "{action} not on the page");
    }
    let r = b
        .submit(
            &page,
            &format!("/meetings/{id}/interventions/{intervention}/edit"),
            &[
                ("speaker", "خيرة الهيري"),
                ("sex", "F"),
                ("verb", "addressed"),
                ("summary", "تمكين النساء"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = b
        .submit(
            &page,
            &format!("/meetings/{id}/decisions/{decision}/edit"),
            &[("text", "تنظيم لقاء جهوي")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let shown = b.get(&page).await;
    assert!(
        shown.body.contains("تمكين النساء") && shown.body.contains("تنظيم لقاء جهوي"),
        "{}",
        shown.body
    );
    // A correction refused shows the page again with the reason, every step open.
    let r = b
        .submit(
            &page,
            &format!("/meetings/{id}/decisions/{decision}/edit"),
            &[
                ("text", "تنظيم لقاء جهوي"),
                ("votes_for", "1"),
                ("against", "2"),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("role=\"alert\""), "{}", r.body);
    for step in [
        "preparation",
        "attendance",
        "interventions",
        "decisions",
        "minutes",
        "communique",
    ] {
        let tag = format!("id=\"step-{step}\" open>");
        assert!(r.body.contains(&tag), "{tag} not in {}", r.body);
    }
    // Without the confirmation nothing is removed.
    let r = b
        .submit(
            &page,
            &format!("/meetings/{id}/decisions/{decision}/remove"),
            &[],
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    for path in [
        format!("/meetings/{id}/decisions/{decision}/remove"),
        format!("/meetings/{id}/interventions/{intervention}/remove"),
    ] {
        let r = b.submit(&page, &path, &[("confirm", "yes")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let (_, d) = b
        .json("GET", &format!("/api/v1/meetings/{id}"), json!(null))
        .await;
    assert_eq!(
        (d["interventions"].clone(), d["decisions"].clone()),
        (json!([]), json!([]))
    );
    // Once approved, the page offers no correction, and a removal is refused.
    let (s, d) = b
        .json(
            "POST",
            &format!("/api/v1/meetings/{id}/decisions"),
            json!({"decision": {"kind": "resolution", "text": "تثمين عمل المنتخبين"}}),
        )
        .await;
    assert_eq!(s, 201, "{d}");
    let kept = d["decisions"][0]["id"].as_i64().unwrap();
    let shown = b.get(&page).await;
    assert!(shown.body.contains(&format!("/decisions/{kept}/edit")));
    let (s, _) = b
        .json("POST", &format!("/api/v1/meetings/{id}/minutes"), json!({}))
        .await;
    assert_eq!(s, 200);
    let (s, _) = b
        .json(
            "POST",
            &format!("/api/v1/meetings/{id}/minutes/approve"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200);
    let shown = b.get(&page).await;
    assert!(
        !shown.body.contains(&format!("/decisions/{kept}/edit"))
            && !shown.body.contains(&format!("/decisions/{kept}/remove")),
        "{}",
        shown.body
    );
    let r = b
        .submit(
            &page,
            &format!("/meetings/{id}/decisions/{kept}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, 409, "{}", r.body);
}
both_engines!(
    corrected_and_removed_on_the_page,
    corrected_and_removed_on_the_page
);
