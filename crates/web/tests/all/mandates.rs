//! Public mandates through the API on both engines. Article 003: the member of parliament
//! for Béni Mellal province (local list, 2021), also president of Kasba Tadla's commune
//! council, who then becomes the region's council president while still presiding the
//! commune (flagged); article 002: the Taounate desk's body cannot take a commune
//! president whose commune lies outside its province. Expected values by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

const KASBA_TADLA: &str = "05.091.01.07";

fn kinds(v: &Value) -> Vec<&str> {
    v["mandates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect()
}

async fn mandates_are_recorded_flagged_and_ended(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let admin = Api::new(&app, app.token(admin).await);
    let (_, beni) = admin
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091"}))
        .await;
    let beni = beni["id"].as_i64().unwrap();
    let (_, taounate) = admin
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "03.531"}))
        .await;
    let taounate = taounate["id"].as_i64().unwrap();
    let (s, mp) = admin
        .send(
            "POST",
            "/api/v1/members",
            common::person("BM000003", KASBA_TADLA),
        )
        .await;
    assert_eq!(s, 201, "{mp}");
    let mp = mp["id"].as_i64().unwrap();
    let officer = app
        .user("officer.beni", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let officer = Api::new(&app, app.token(officer).await);
    let url = format!("/api/v1/members/{mp}/mandates");

    let (s, v) = officer
        .send(
            "POST",
            &url,
            json!({"kind": "representative", "starts_on": "2021-09-08", "territory": "05.091",
            "list": "local", "election": "الانتخابات التشريعية 2021", "body_id": beni}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = officer
        .send("POST", &url, json!({"kind": "commune_president", "starts_on": "2021-09-20", "territory": KASBA_TADLA, "body_id": beni}))
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["incompatible"], json!([]));

    // Bad input names its field and saves nothing.
    for (input, field, error) in [
        (
            json!({"kind": "commune_president", "starts_on": "2021-09-20", "territory": KASBA_TADLA}),
            "kind",
            "mandate-already-held",
        ),
        (
            json!({"kind": "commune_member", "starts_on": "2021-09-20", "ends_on": "2021-09-01", "territory": KASBA_TADLA}),
            "ends_on",
            "mandate-ends-before-start",
        ),
        (
            json!({"kind": "commune_member", "starts_on": "2021-09-20", "territory": "05.091"}),
            "territory",
            "mandate-territory-level",
        ),
        (
            json!({"kind": "commune_member", "starts_on": "2021-09-20", "territory": "05.999.99.99"}),
            "territory",
            "mandate-territory-unknown",
        ),
        (
            json!({"kind": "mayor", "starts_on": "2021-09-20"}),
            "kind",
            "mandate-kind-unknown",
        ),
    ] {
        let (s, e) = officer.send("POST", &url, input.clone()).await;
        assert_eq!(
            (s, e["field"].as_str(), e["error"].as_str()),
            (422, Some(field), Some(error)),
            "{input}"
        );
    }
    // Taounate's desk takes no president of a commune outside its province; seen from
    // Béni Mellal, Taounate's body is not there at all.
    let (s, e) = admin
        .send("POST", &url, json!({"kind": "commune_member", "starts_on": "2015-09-14", "ends_on": "2021-09-07", "territory": KASBA_TADLA, "body_id": taounate}))
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("mandate-territory-outside")),
        "{e}"
    );
    let (s, e) = officer
        .send("POST", &url, json!({"kind": "commune_member", "starts_on": "2015-09-14", "territory": KASBA_TADLA, "body_id": taounate}))
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("mandate-body-unknown")),
        "{e}"
    );
    let (_, v) = officer.get(&url).await;
    assert_eq!(kinds(&v), vec!["commune_president", "representative"]);

    // The region's presidency on top of the commune's and a seat in the House: flagged.
    let (s, v) = admin
        .send(
            "POST",
            &url,
            json!({"kind": "region_president", "starts_on": "2021-09-21", "territory": "05"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let ids: Vec<i64> = v["mandates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    let (region, commune, house) = (ids[0], ids[1], ids[2]);
    assert_eq!(
        kinds(&v),
        vec!["region_president", "commune_president", "representative"]
    );
    assert_eq!(
        v["incompatible"],
        json!([[commune, region], [house, region]])
    );

    // The commune's presidency ends by resignation: one flag is left; it ends once.
    let end = format!("{url}/end");
    let (s, e) = officer
        .send(
            "POST",
            &end,
            json!({"mandate_id": commune, "ended_on": "2021-09-19", "ending": "resignation"}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("mandate-ends-before-start"))
    );
    let (s, _) = officer
        .send(
            "POST",
            &end,
            json!({"mandate_id": commune, "ended_on": "2021-09-20", "ending": "resignation"}),
        )
        .await;
    assert_eq!(s, 204);
    let (s, e) = officer
        .send(
            "POST",
            &end,
            json!({"mandate_id": commune, "ended_on": "2021-09-22", "ending": "term"}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("mandate-already-ended"))
    );
    let (_, v) = officer.get(&url).await;
    assert_eq!(v["mandates"][1]["ending"], "resignation");
    assert_eq!(v["mandates"][1]["ends_on"], "2021-09-20");
    // Ending on 20 September, the day before the region's began: no longer together.
    assert_eq!(v["incompatible"], json!([[house, region]]));

    // Outside the member's scope: 404, like a member that does not exist.
    let stranger = app
        .user("officer.taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    let stranger = Api::new(&app, app.token(stranger).await);
    assert_eq!(stranger.get(&url).await.0, 404);
    assert_eq!(
        stranger
            .send(
                "POST",
                &end,
                json!({"mandate_id": region, "ended_on": "2022-01-01", "ending": "term"})
            )
            .await
            .0,
        404
    );
    assert_eq!(
        common::count(
            &app.db,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'mandate-recorded'"
        )
        .await,
        3
    );
}
both_engines!(
    mandates_are_recorded_flagged_and_ended,
    mandates_are_recorded_flagged_and_ended
);
