//! A report's members on both engines, for periods that do not fall on a month's bounds
//! and for a year, from the monthly changes kept beside the counters (migration 0034), the
//! same again once those are rebuilt from the history as the migration does; and the
//! report of an affiliate's body (the women's organization in Taza), which counts the
//! members of its organization only. Every expected count is made by hand from the members
//! this test creates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::reports::{World, world};

use common::{Api, Engine};
use serde_json::{Value, json};

const TAZA_COMMUNE: &str = "03.561.01.11";

/// A member of Taza who joined on `joined`, of the organizations in `affiliations`.
async fn member(
    api: &Api,
    cin: &str,
    sex: &str,
    born: &str,
    joined: &str,
    affiliations: &str,
) -> i64 {
    let mut p = common::person(cin, TAZA_COMMUNE);
    p["sex"] = json!(sex);
    p["birth_date"] = json!(born);
    p["joined_on"] = json!(joined);
    p["affiliations"] = json!(affiliations);
    let (s, m) = api.send("POST", "/api/v1/members", p).await;
    assert_eq!(s, 201, "{m}");
    m["id"].as_i64().unwrap()
}

async fn resign(api: &Api, member: i64, on: &str) {
    let (s, r) = api
        .send(
            "POST",
            format!("/api/v1/members/{member}/status"),
            json!({"event": "resign", "on": on, "reason": "استقالة مكتوبة"}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
}

/// The figures of a new report of `body` for `period`.
async fn figures(api: &Api, body: i64, period: Value) -> Value {
    let (s, r) = api
        .send("POST", format!("/api/v1/bodies/{body}/reports"), period)
        .await;
    assert_eq!(s, 201, "{r}");
    r["figures"].clone()
}

/// (members active and resigned at the start, the same at the end, new members, active
/// women and active under 35 at the end).
fn counts(f: &Value) -> [i64; 7] {
    let n = |v: &Value| v.as_i64().unwrap_or(0);
    [
        n(&f["members_at_start"]["active"]),
        n(&f["members_at_start"]["resigned"]),
        n(&f["members_at_end"]["active"]),
        n(&f["members_at_end"]["resigned"]),
        n(&f["new_members"]),
        n(&f["active_women"]),
        n(&f["active_under_35"]),
    ]
}

/// The figures of Taza's report for the meeting of 14 January 2023 (from 10 October
/// 2022) and of its report for 2022, read again after `member_months` is rebuilt.
async fn both_periods(w: &World, reports: &[i64; 2]) -> Vec<[i64; 7]> {
    let mut out = Vec::new();
    for id in reports {
        let (s, r) = w.taza_officer.get(format!("/api/v1/reports/{id}")).await;
        assert_eq!(s, 200, "{r}");
        out.push(counts(&r["figures"]));
    }
    out
}

async fn months(engine: Engine) {
    let w = world(engine).await;
    let api = &w.admin;
    // p1 joins before the period, in its first month; p6, a member since 2021, resigns
    // within that month after the period starts; p2, p3 and p7 join within the period
    // (p3 on the last day of 2022); p4 joins and resigns within it; p7 resigns on its
    // last day; p5 joins after it, within its last month.
    member(api, "MN000001", "M", "1980-01-01", "2022-10-05", "").await;
    let p6 = member(api, "MN000006", "M", "1990-06-06", "2021-03-03", "").await;
    resign(api, p6, "2022-10-15").await;
    member(api, "MN000002", "F", "1999-02-02", "2022-10-20", "").await;
    member(api, "MN000003", "M", "1960-03-03", "2022-12-31", "").await;
    let p4 = member(api, "MN000004", "F", "2000-04-04", "2023-01-10", "").await;
    resign(api, p4, "2023-01-12").await;
    let p7 = member(api, "MN000007", "F", "1975-07-07", "2022-11-11", "").await;
    resign(api, p7, "2023-01-14").await;
    member(api, "MN000005", "M", "1985-05-05", "2023-01-20", "").await;

    let meeting = json!({"kind": "meeting", "starts_on": "2022-10-10", "ends_on": "2023-01-14"});
    let (s, r) = w
        .taza_officer
        .send(
            "POST",
            format!("/api/v1/bodies/{}/reports", w.taza),
            meeting,
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let in_meeting = r["id"].as_i64().unwrap();
    let (s, r) = w
        .taza_officer
        .send(
            "POST",
            format!("/api/v1/bodies/{}/reports", w.taza),
            json!({"kind": "yearly", "year": 2022}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let in_2022 = r["id"].as_i64().unwrap();
    let expected = vec![
        // On 9 October 2022: p1 and p6 active. On 14 January 2023: p1, p2 and p3 active
        // (p2 a woman born 1999, under 35 in 2023), p4, p6 and p7 resigned. Joined from
        // 10 October to 14 January: p2, p3, p4 and p7.
        [2, 0, 3, 3, 4, 1, 1],
        // On 31 December 2021: p6 active. On 31 December 2022: p1, p2, p3 and p7 active
        // (p2 and p7 women; under 35 in 2022: p2), p6 resigned. Joined in 2022: p1, p2,
        // p3 and p7.
        [1, 0, 4, 1, 4, 2, 1],
    ];
    let reports = [in_meeting, in_2022];
    assert_eq!(both_periods(&w, &reports).await, expected);

    // Rebuilt from the history as migration 0034 does on a database that has members: the
    // same figures.
    let rows = common::count(&w.app.db, "SELECT COUNT(*) FROM member_months").await;
    assert!(rows > 0);
    common::execute(&w.app.db, "DELETE FROM member_months", &[]).await;
    let migration = match engine {
        Engine::Sqlite => include_str!("../../../store/migrations/sqlite/0034_member_months.sql"),
        Engine::Postgres => {
            include_str!("../../../store/migrations/postgres/0034_member_months.sql")
        }
    };
    let backfill = &migration[migration.find("INSERT INTO member_months").unwrap()..];
    common::execute(&w.app.db, backfill, &[]).await;
    assert_eq!(
        common::count(&w.app.db, "SELECT COUNT(*) FROM member_months").await,
        rows
    );
    assert_eq!(both_periods(&w, &reports).await, expected);
}
both_engines!(members_on_days_within_a_month_and_over_a_year, months);

async fn affiliate(engine: Engine) {
    let w = world(engine).await;
    let api = &w.admin;
    let body = |input: Value| async move {
        let (s, b) = api.send("POST", "/api/v1/bodies", input).await;
        assert_eq!(s, 201, "{b}");
        b["id"].as_i64().unwrap()
    };
    let women_region =
        body(json!({"organization": "women", "kind": "regional_office", "territory": "03"})).await;
    let women_taza = body(json!({"organization": "women", "kind": "provincial_office",
        "territory": "03.561", "parent_id": women_region}))
    .await;
    // Members of Taza: a and e of the women's organization, b of the youth's and the
    // women's, c of neither, d of the youth's; e resigns within the quarter. One of the
    // women's organization in Sefrou.
    member(api, "AF000001", "F", "1990-01-01", "2020-01-10", "women").await;
    member(
        api,
        "AF000002",
        "F",
        "2001-02-02",
        "2023-02-15",
        "youth,women",
    )
    .await;
    member(api, "AF000003", "M", "1995-03-03", "2021-06-01", "").await;
    member(api, "AF000004", "F", "1985-04-04", "2022-05-05", "youth").await;
    let e = member(api, "AF000005", "F", "1970-05-05", "2021-01-01", "women").await;
    resign(api, e, "2023-03-01").await;
    let mut sefrou = common::person("AF000006", "03.451.01.09");
    sefrou["joined_on"] = json!("2020-02-02");
    sefrou["affiliations"] = json!("women");
    let (s, m) = api.send("POST", "/api/v1/members", sefrou).await;
    assert_eq!(s, 201, "{m}");

    let q1 = json!({"kind": "quarterly", "year": 2023, "quarter": 1});
    // The women's office of Taza: on 31 December 2022 a and e active; on 31 March 2023 a
    // and b active (both women, both under 35 in 2023), e resigned; b joined.
    let f = figures(api, women_taza, q1.clone()).await;
    assert_eq!(counts(&f), [2, 0, 2, 1, 1, 2, 2], "{f}");
    // The party's secretariat of Taza counts them all: a, c, d and e; then a, b, c and d
    // (a, b and d women; a, b and c under 35), e resigned; b joined.
    let f = figures(api, w.taza, q1).await;
    assert_eq!(counts(&f), [4, 0, 4, 1, 1, 3, 3], "{f}");
}
both_engines!(an_affiliates_report_counts_its_own_members, affiliate);
