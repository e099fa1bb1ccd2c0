//! Two officers writing to one meeting's record at once, on SQLite and on PostgreSQL. Each
//! test runs many rounds of two concurrent requests and checks, every round, the rule the
//! two writers could break between them when each checks, then writes, on its own: the
//! recorded votes fit the recorded attendance, and approved minutes leave no decision
//! without effect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

const ROUNDS: usize = 40;

/// An administrator's API client and a provincial secretariat to meet in.
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
    let body_id = body["id"].as_i64().unwrap();
    (app, api, body_id)
}

/// A new meeting of the body, with five members present.
async fn meeting_with_five(api: &Api, body_id: i64) -> String {
    let (s, meeting) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "organizational", "held_on": "2022-12-08", "agenda": ["حصيلة"]}),
        )
        .await;
    assert_eq!(s, 201, "{meeting}");
    let m = format!("/api/v1/meetings/{}", meeting["id"].as_i64().unwrap());
    let five: Vec<Value> = ["أ", "ب", "ج", "د", "ه"]
        .iter()
        .map(|n| json!({"name": n, "presence": "present"}))
        .collect();
    let (s, d) = api
        .send(
            "POST",
            &format!("{m}/attendance"),
            json!({"attendance": five}),
        )
        .await;
    assert_eq!(s, 200, "{d}");
    m
}

/// A decision whose five votes fit five members present, recorded while the attendance is
/// replaced by two present: one of the two must be refused, whichever comes second, so that
/// the votes recorded never outnumber the voters recorded.
async fn votes_fit_attendance(engine: Engine) {
    let (_app, api, body_id) = setup(engine).await;
    let mut broken = Vec::new();
    for round in 0..ROUNDS {
        let m = meeting_with_five(&api, body_id).await;
        let two: Vec<Value> = ["أ", "ب"]
            .iter()
            .map(|n| json!({"name": n, "presence": "present"}))
            .chain(
                ["ج", "د", "ه"]
                    .iter()
                    .map(|n| json!({"name": n, "presence": "absent"})),
            )
            .collect();
        let decision = json!({"decision": {"kind": "resolution", "text": "تثمين"}, "vote": {"votes_for": 5, "against": 0, "abstentions": 0}});
        let ((sd, _), (sa, _)) = tokio::join!(
            api.send("POST", format!("{m}/decisions"), decision),
            api.send(
                "POST",
                format!("{m}/attendance"),
                json!({"attendance": two})
            ),
        );
        if !([201, 422].contains(&sd) && [200, 422].contains(&sa)) {
            broken.push(format!("round {round}: decision {sd}, attendance {sa}"));
        }
        let (_, d) = api.get(&m).await;
        for x in d["decisions"].as_array().unwrap() {
            let cast = ["votes_for", "against", "abstentions"]
                .iter()
                .map(|k| x[k].as_i64().unwrap_or(0))
                .sum::<i64>();
            let votes = x["voters"]["votes"].as_i64().unwrap_or(i64::MAX);
            if cast > votes {
                broken.push(format!(
                    "round {round}: {cast} votes cast, {votes} voters (decision {sd}, attendance {sa})"
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} breaches in {ROUNDS} rounds:\n{}",
        broken.len(),
        broken.join("\n")
    );
}
both_engines!(votes_fit_attendance_under_concurrency, votes_fit_attendance);

/// A decision recorded while the minutes are approved: either it comes first and takes
/// effect with the others, or it comes after and is refused (the record is locked). It
/// never stays recorded without effect on approved minutes.
async fn approval_applies_every_decision(engine: Engine) {
    let (_app, api, body_id) = setup(engine).await;
    let mut broken = Vec::new();
    for round in 0..ROUNDS {
        let m = meeting_with_five(&api, body_id).await;
        let (s, d) = api.send("POST", &format!("{m}/minutes"), json!({})).await;
        assert_eq!(s, 200, "{d}");
        let decision = json!({"decision": {"kind": "create_committee", "committee": "ethics"}});
        let ((sd, _), (sa, _)) = tokio::join!(
            api.send("POST", format!("{m}/decisions"), decision),
            api.send("POST", format!("{m}/minutes/approve"), json!({})),
        );
        if !([201, 409].contains(&sd) && sa == 200) {
            broken.push(format!("round {round}: decision {sd}, approval {sa}"));
        }
        let (_, d) = api.get(&m).await;
        assert_eq!(d["minutes_status"], "approved", "round {round}");
        let unapplied = d["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["applied"] != true)
            .count();
        if unapplied > 0 {
            broken.push(format!(
                "round {round}: {unapplied} decision(s) left without effect (decision {sd})"
            ));
        }
    }
    assert!(
        broken.is_empty(),
        "{} breaches in {ROUNDS} rounds:\n{}",
        broken.len(),
        broken.join("\n")
    );
}
both_engines!(
    approval_applies_every_decision_under_concurrency,
    approval_applies_every_decision
);
