//! The organization abroad (issue 13, item 6): a region of the profile whose children are
//! countries and cities, where members live, bodies sit and officers are scoped exactly as
//! in Morocco. The default profile makes it the thirteenth region (code 13), with Paris
//! (13.250.01.1) among its cities. Each story on SQLite and PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, person};
use serde_json::json;
use tanzim_domain::accounts::Role;

const KASBA_TADLA: &str = "05.091.01.07";
const PARIS: &str = "13.250.01.1";
/// Spain (724), elsewhere than a city the profile names.
const SPAIN_ELSEWHERE: &str = "13.724.00.0";

/// The ids of a member list.
fn ids(list: &serde_json::Value) -> Vec<i64> {
    let mut ids: Vec<i64> = list["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items: {list}"))
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

async fn officers_abroad_and_at_home_see_their_own(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let admin = Api::new(&app, app.token(admin).await);
    // Members abroad are registered by city, or by the rest of their country when the
    // city is not one the party names.
    let mut created = Vec::new();
    for (cin, commune) in [
        ("BM000001", KASBA_TADLA),
        ("X1000001", PARIS),
        ("X1000002", SPAIN_ELSEWHERE),
    ] {
        let (status, m) = admin
            .send("POST", "/api/v1/members", person(cin, commune))
            .await;
        assert_eq!(status, 201, "{commune}: {m}");
        created.push(m["id"].as_i64().unwrap());
    }
    let [kasba, paris, spain] = created[..] else {
        unreachable!()
    };
    assert_eq!(
        admin.get(format!("/api/v1/members/{paris}")).await.1["commune_name_fr"],
        "Paris"
    );
    assert_eq!(
        admin.get(format!("/api/v1/members/{spain}")).await.1["commune_name_ar"],
        "إسبانيا"
    );

    // The statistics count the organization abroad as a region of its own.
    let (status, stats) = admin.get("/api/v1/stats/members").await;
    assert_eq!(status, 200, "{stats}");
    let regions: Vec<(&str, i64)> = stats["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["code"].as_str().unwrap(), r["total"].as_i64().unwrap()))
        .filter(|(_, total)| *total > 0)
        .collect();
    assert_eq!(regions, [("05", 1), ("13", 2)]);
    assert_eq!(stats["total"], 3);
    let (_, abroad) = admin.get("/api/v1/stats/members?territory=13").await;
    assert_eq!(abroad["name_ar"], "مغاربة العالم", "{abroad}");
    assert_eq!(abroad["total"], 2);

    // The diaspora's officer sees the members abroad and no one in Morocco; France's
    // sees Paris only; Béni Mellal-Khénifra's sees Kasba Tadla only.
    for (name, scope, sees, not_found) in [
        ("diaspora", "13", vec![paris, spain], kasba),
        ("france", "13.250", vec![paris], spain),
        ("bmk", "05", vec![kasba], paris),
    ] {
        let id = app.user(name, &[(Role::Officer, Some(scope), None)]).await;
        let officer = Api::new(&app, app.token(id).await);
        let (status, list) = officer.get("/api/v1/members").await;
        assert_eq!(status, 200, "{list}");
        assert_eq!(ids(&list), sees, "{name}");
        let (status, _) = officer.get(format!("/api/v1/members/{not_found}")).await;
        assert_eq!(status, 404, "{name} reads a member outside its scope");
    }
}
both_engines!(
    officers_abroad_and_at_home_see_their_own,
    officers_abroad_and_at_home_see_their_own
);

async fn bodies_sit_abroad_and_are_named_as_the_press_does(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let admin = Api::new(&app, app.token(admin).await);
    let (status, region) = admin
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "party", "kind": "regional_secretariat", "territory": "مغاربة العالم"}),
        )
        .await;
    assert_eq!(status, 201, "{region}");
    assert_eq!(region["territory_code"], "13");
    let (status, france) = admin
        .send(
            "POST",
            "/api/v1/bodies",
            json!({"organization": "party", "kind": "provincial_secretariat", "territory": "فرنسا",
                   "parent_id": region["id"]}),
        )
        .await;
    assert_eq!(status, 201, "{france}");
    assert_eq!(france["territory_code"], "13.250");
    // A France officer sees the French body, not the region's.
    let id = app
        .user("france", &[(Role::Officer, Some("13.250"), None)])
        .await;
    let officer = Api::new(&app, app.token(id).await);
    let (status, _) = officer
        .get(format!("/api/v1/bodies/{}", region["id"]))
        .await;
    assert_eq!(status, 404);
    let (status, own) = officer
        .get(format!("/api/v1/bodies/{}", france["id"]))
        .await;
    assert_eq!(status, 200, "{own}");

    // The regional secretariat's meeting, reported: "of the Moroccans of the world", not
    // "in" them; the French secretariat "in France".
    let (status, meeting) = admin
        .send(
            "POST",
            &format!("/api/v1/bodies/{}/meetings", region["id"]),
            json!({"kind": "organizational", "held_on": "2026-10-11", "mode": "online"}),
        )
        .await;
    assert_eq!(status, 201, "{meeting}");
    let (status, draft) = admin
        .send(
            "POST",
            &format!("/api/v1/meetings/{}/communiques", meeting["id"]),
            json!({}),
        )
        .await;
    assert_eq!(status, 201, "{draft}");
    let text = draft["body"].as_str().unwrap();
    assert!(
        text.starts_with(
            "يوم الأحد 11 أكتوبر 2026، عقدت الأمانة الجهوية لمغاربة العالم اجتماعا تنظيميا، عن بعد"
        ),
        "{text}"
    );
    assert!(!text.contains("بمغاربة العالم"), "{text}");
}
both_engines!(
    bodies_sit_abroad_and_are_named_as_the_press_does,
    bodies_sit_abroad_and_are_named_as_the_press_does
);

async fn the_public_form_and_the_picker_know_the_world(engine: Engine) {
    let app = common::spawn(engine).await;
    let visitor = common::Browser::new(&app);
    let form = visitor.get("/apply").await;
    assert_eq!(form.status, 200);
    assert!(
        form.body
            .contains("<option value=\"13.250\">فرنسا — مغاربة العالم</option>"),
        "France is offered under the organization abroad"
    );
    // The second step: the cities the party names, then the rest of the country.
    let cities = visitor.get("/apply/communes?province=13.250").await;
    assert_eq!(cities.status, 200);
    let paris = cities.body.find("باريس").expect("Paris");
    let lyon = cities.body.find("ليون").expect("Lyon");
    assert!(paris < lyon);
    assert!(
        cities
            .body
            .contains("value=\"13.250.00.0\">مدينة أخرى في فرنسا<"),
        "{}",
        cities.body
    );

    app.user("analyst", &[(Role::Analyst, None, None)]).await;
    let b = app.browser("analyst").await;
    let found = b.get("/territories/suggest?q=باريس").await;
    assert_eq!(found.status, 200);
    assert!(
        found.body.contains("data-value=\"باريس (13.250.01.1)\""),
        "{}",
        found.body
    );
    // The region by its name, for a scope or a filter.
    let found = b.get("/territories/suggest?q=مغاربة العالم").await;
    assert!(
        found.body.contains("data-value=\"مغاربة العالم (13)\""),
        "{}",
        found.body
    );
    // In French too, with what it is and where.
    let found = b.get("/territories/suggest?q=bruxelles").await;
    assert!(
        found
            .body
            .contains("<bdi>بروكسيل — بلجيكا (مدينة، 13.056.01.1)</bdi>"),
        "{}",
        found.body
    );
}
both_engines!(
    the_public_form_and_the_picker_know_the_world,
    the_public_form_and_the_picker_know_the_world
);
