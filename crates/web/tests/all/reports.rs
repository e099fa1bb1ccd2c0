//! Periodic reports sent up the hierarchy, on both engines, from article 001's facts: the
//! Fès-Meknès regional secretariat and two provincial secretariats below it (Taza and
//! Sefrou). Taza files its report of the first quarter of 2023 (its figures checked
//! against counts made by hand from the data this test creates), the region returns it,
//! Taza submits it again, the region acknowledges it. Bad periods, a second submission, an
//! acknowledgement of a draft and a sibling's look are refused. Every expected value is
//! written by hand. The hearing at a meeting is `reports_heard`, the figures of other
//! periods and of an affiliate's body `reports_figures`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::Datelike;
use common::{Api, Engine};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

/// 2022-01-01 00:00 UTC: the day the test's bodies are said to have been created, so
/// that they owe the reports of the periods after it.
const CREATED_2022: i64 = 1_640_995_200;
/// 2023-01-21 12:00 UTC: when the test says a communiqué of Taza was published.
const PUBLISHED_2023_01_21: i64 = 1_674_302_400;

pub(crate) struct World {
    pub(crate) app: common::TestApp,
    pub(crate) admin: Api,
    pub(crate) region_officer: Api,
    pub(crate) taza_officer: Api,
    pub(crate) sefrou_officer: Api,
    pub(crate) region: i64,
    pub(crate) taza: i64,
    pub(crate) sefrou: i64,
}

pub(crate) async fn world(engine: Engine) -> World {
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
    let bureau = body(json!({"organization": "party", "kind": "local_bureau", "territory": "03.561.01.11", "parent_id": taza})).await;
    for id in [region, taza, sefrou, bureau] {
        common::execute(
            &app.db,
            "UPDATE bodies SET created_at = $1 WHERE id = $2",
            &[CREATED_2022, id],
        )
        .await;
    }
    let mut apis = Vec::new();
    for (name, scope) in [
        ("officer.region", "03"),
        ("officer.taza", "03.561"),
        ("officer.sefrou", "03.451"),
    ] {
        let id = app.user(name, &[(Role::Officer, Some(scope), None)]).await;
        apis.push(Api::new(&app, app.token(id).await));
    }
    let sefrou_officer = apis.pop().unwrap();
    let taza_officer = apis.pop().unwrap();
    let region_officer = apis.pop().unwrap();
    World {
        app,
        admin,
        region_officer,
        taza_officer,
        sefrou_officer,
        region,
        taza,
        sefrou,
    }
}

/// A member of `commune` who joined on `joined`.
pub(crate) async fn member(
    api: &Api,
    cin: &str,
    commune: &str,
    sex: &str,
    born: &str,
    joined: &str,
) -> i64 {
    let mut p = common::person(cin, commune);
    p["sex"] = json!(sex);
    p["birth_date"] = json!(born);
    p["joined_on"] = json!(joined);
    let (s, m) = api.send("POST", "/api/v1/members", p).await;
    assert_eq!(s, 201, "{m}");
    m["id"].as_i64().unwrap()
}

async fn campaign(api: &Api, body: i64, year: i32) -> i64 {
    let (s, c) = api
        .send("POST", "/api/v1/campaigns", json!({"body_id": body, "year": year.to_string(),
            "opens_on": format!("{year}-01-01"), "closes_on": format!("{year}-12-31"), "categories": "standard|عادي|100"}))
        .await;
    assert_eq!(s, 201, "{c}");
    c["id"].as_i64().unwrap()
}

async fn pay(api: &Api, member: i64, campaign: i64, on: &str) {
    let (s, p) = api
        .send(
            "POST",
            format!("/api/v1/members/{member}/payments"),
            json!({"campaign_id": campaign, "category": "standard", "paid_on": on}),
        )
        .await;
    assert_eq!(s, 201, "{p}");
}

pub(crate) async fn meeting(api: &Api, body: i64, held_on: &str, agenda: &[&str]) -> i64 {
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body}/meetings"),
            json!({"kind": "organizational", "held_on": held_on, "agenda": agenda}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    m["id"].as_i64().unwrap()
}

async fn published_communique(api: &Api, meeting: i64) -> i64 {
    let (s, c) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting}/communiques"),
            json!({}),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    let id = c["id"].as_i64().unwrap();
    let (s, c) = api
        .send(
            "POST",
            &format!("/api/v1/communiques/{id}/publish"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    id
}

/// Taza's members, renewals, meetings, activities and communiqués around the first
/// quarter of 2023, and one member of Sefrou.
async fn taza_data(w: &World) {
    let api = &w.admin;
    let commune = "03.561.01.11";
    // Before the quarter: three active members (one woman born 1990, a man born 1995, a
    // man born 1980 who resigns during the quarter).
    let m1 = member(api, "TZ100001", commune, "F", "1990-05-01", "2020-01-10").await;
    let m2 = member(api, "TZ100002", commune, "M", "1995-03-03", "2021-06-01").await;
    let m5 = member(api, "TZ100005", commune, "M", "1980-01-01", "2021-05-05").await;
    // Last year's payers: all three.
    let c2022 = campaign(api, w.taza, 2022).await;
    pay(api, m1, c2022, "2022-03-01").await;
    pay(api, m2, c2022, "2022-07-01").await;
    pay(api, m5, c2022, "2022-08-01").await;
    // During the quarter: two join (a woman born 2000, a man born 1970), one resigns.
    let m3 = member(api, "TZ100003", commune, "F", "2000-01-01", "2023-02-15").await;
    let _m4 = member(api, "TZ100004", commune, "M", "1970-07-07", "2023-03-10").await;
    let (s, r) = api
        .send(
            "POST",
            format!("/api/v1/members/{m5}/status"),
            json!({"event": "resign", "on": "2023-02-01", "reason": "استقالة مكتوبة"}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    // This year's payments: m1 within the quarter (a renewal), m3 within it (not a
    // renewal: she did not pay last year), m2 after it.
    let c2023 = campaign(api, w.taza, 2023).await;
    pay(api, m1, c2023, "2023-02-10").await;
    pay(api, m3, c2023, "2023-02-20").await;
    pay(api, m2, c2023, "2023-05-05").await;
    // After the quarter: one more joins.
    member(api, "TZ100006", commune, "F", "1985-01-01", "2023-04-15").await;
    // Sefrou's member is not Taza's.
    member(
        api,
        "SF100007",
        "03.451.01.09",
        "F",
        "1992-02-02",
        "2020-02-02",
    )
    .await;

    // Taza's meetings: two in the quarter, one after; a communiqué of the first published
    // on 21 January 2023 (set by hand: publication is stamped with today), one of the
    // second published today.
    let january = meeting(api, w.taza, "2023-01-20", &["إخبارات"]).await;
    let march = meeting(api, w.taza, "2023-03-15", &["إخبارات"]).await;
    meeting(api, w.taza, "2023-04-02", &["إخبارات"]).await;
    let c = published_communique(api, january).await;
    common::execute(
        &w.app.db,
        "UPDATE communiques SET published_at = $1 WHERE id = $2",
        &[PUBLISHED_2023_01_21, c],
    )
    .await;
    published_communique(api, march).await;

    // Activities (another capability writes them; here they are rows): in the quarter,
    // two planned (one scheduled), one held, one postponed, one cancelled; one held after
    // it; one of Sefrou's in it.
    let (_, taza) = api.get(format!("/api/v1/bodies/{}", w.taza)).await;
    let (_, sefrou) = api.get(format!("/api/v1/bodies/{}", w.sefrou)).await;
    for (body, path) in [(w.taza, &taza["path"]), (w.sefrou, &sefrou["path"])] {
        common::execute(
            &w.app.db,
            &format!(
                "INSERT INTO programmes (body_id, path, title, starts_on, ends_on, created_at)
                 VALUES ($1, '{}', 'برنامج 2023', '2023-01-01', '2023-12-31', 0)",
                path.as_str().unwrap()
            ),
            &[body],
        )
        .await;
    }
    let activities: [(i64, &Value, &str, &str, Option<&str>); 7] = [
        (w.taza, &taza["path"], "planned", "2023-02-01", None),
        (w.taza, &taza["path"], "scheduled", "2023-03-20", None),
        (
            w.taza,
            &taza["path"],
            "held",
            "2023-03-05",
            Some("2023-03-05"),
        ),
        (w.taza, &taza["path"], "postponed", "2023-01-25", None),
        (w.taza, &taza["path"], "cancelled", "2023-02-28", None),
        (
            w.taza,
            &taza["path"],
            "held",
            "2023-04-10",
            Some("2023-04-10"),
        ),
        (
            w.sefrou,
            &sefrou["path"],
            "held",
            "2023-02-10",
            Some("2023-02-10"),
        ),
    ];
    for (body, path, status, day, held) in activities {
        let held = held.map_or("NULL".to_owned(), |d| format!("'{d}'"));
        common::execute(
            &w.app.db,
            &format!(
                "INSERT INTO activities (programme_id, body_id, path, organization, title, kind, audience,
                   starts_on, ends_on, status, held_on, created_at, updated_at)
                 VALUES ((SELECT MIN(id) FROM programmes WHERE body_id = $1), $1, '{}', 'party', 'نشاط',
                   'forum', 'members', '{day}', '{day}', '{status}', {held}, 0, 0)",
                path.as_str().unwrap()
            ),
            &[body],
        )
        .await;
    }
}

pub(crate) fn code(v: &Value) -> (&str, &str) {
    (
        v["error"].as_str().unwrap_or_default(),
        v["field"].as_str().unwrap_or_default(),
    )
}

async fn report_flow(engine: Engine) {
    let w = world(engine).await;
    taza_data(&w).await;
    let taza = &w.taza_officer;
    let region = &w.region_officer;

    // Taza drafts its report of the first quarter of 2023.
    let (s, r) = taza
        .send(
            "POST",
            format!("/api/v1/bodies/{}/reports", w.taza),
            json!({"kind": "quarterly", "year": 2023, "quarter": 1}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let id = r["id"].as_i64().unwrap();
    assert_eq!(
        r["title_ar"],
        "تقرير الأمانة الإقليمية بتازة عن الفصل الأول من سنة 2023"
    );
    assert_eq!(
        (r["starts_on"].as_str(), r["ends_on"].as_str()),
        (Some("2023-01-01"), Some("2023-03-31"))
    );
    assert_eq!(r["parent_id"].as_i64(), Some(w.region));
    assert_eq!(r["status"], "draft");
    assert_eq!(r["due_on"], "2023-04-30");
    assert_eq!(r["late"], true);
    // The figures, counted by hand above.
    let f = &r["figures"];
    assert_eq!(f["as_of"], "2023-03-31");
    assert_eq!(f["members_at_start"]["active"], 3, "{f}");
    assert_eq!(f["members_at_start"]["resigned"], 0);
    assert_eq!(f["members_at_end"]["active"], 4, "{f}");
    assert_eq!(f["members_at_end"]["resigned"], 1);
    assert_eq!(f["new_members"], 2);
    assert_eq!(
        (
            f["active"].as_i64(),
            f["active_women"].as_i64(),
            f["active_under_35"].as_i64()
        ),
        (Some(4), Some(2), Some(3))
    );
    assert_eq!(
        (f["women_share"].as_f64(), f["under_35_share"].as_f64()),
        (Some(50.0), Some(75.0))
    );
    assert_eq!(
        (
            f["renewed"].as_i64(),
            f["paid_last_year"].as_i64(),
            f["renewal_rate"].as_f64()
        ),
        (Some(1), Some(3), Some(33.3))
    );
    assert_eq!(
        (f["meetings_held"].as_i64(), f["meetings_expected"].as_i64()),
        (Some(2), Some(3))
    );
    assert_eq!(
        [
            &f["activities_planned"],
            &f["activities_held"],
            &f["activities_postponed"],
            &f["activities_cancelled"]
        ],
        [&json!(2), &json!(1), &json!(1), &json!(1)]
    );
    assert_eq!(f["communiques_published"], 1);
    assert_eq!(
        (
            f["bodies_constituted"].as_i64(),
            f["bodies_in_formation"].as_i64()
        ),
        (Some(1), Some(0))
    );

    // Bad periods are refused naming their field, and nothing is saved.
    for (input, expected) in [
        (
            json!({"kind": "quarterly", "year": 2023, "quarter": 1}),
            ("report-period-overlaps", "starts_on"),
        ),
        (
            json!({"kind": "quarterly", "year": 2023, "quarter": 5}),
            ("report-quarter-invalid", "quarter"),
        ),
        (
            json!({"kind": "meeting", "starts_on": "2023-01-14", "ends_on": "2023-01-13"}),
            ("report-end-before-start", "ends_on"),
        ),
        (
            json!({"kind": "weekly", "year": 2023}),
            ("report-kind-invalid", "kind"),
        ),
    ] {
        let (s, e) = taza
            .send("POST", format!("/api/v1/bodies/{}/reports", w.taza), input)
            .await;
        assert_eq!((s, code(&e)), (422, expected), "{e}");
    }
    // A body with no parent has no one to report to.
    let (s, e) = w
        .admin
        .send(
            "POST",
            format!("/api/v1/bodies/{}/reports", w.region),
            json!({"kind": "yearly", "year": 2023}),
        )
        .await;
    assert_eq!((s, code(&e)), (422, ("report-no-parent", "parent")), "{e}");
    let (_, list) = taza.get(format!("/api/v1/bodies/{}/reports", w.taza)).await;
    assert_eq!(list["filed"].as_array().unwrap().len(), 1, "{list}");

    // Visibility: the filing body's scope and the parent's, nobody else.
    let (s, _) = w.sefrou_officer.get(format!("/api/v1/reports/{id}")).await;
    assert_eq!(s, 404);
    let (s, _) = region.get(format!("/api/v1/reports/{id}")).await;
    assert_eq!(s, 200);
    // Acknowledging a draft, or by the filing body, is refused.
    let (s, e) = region
        .send(
            "POST",
            format!("/api/v1/reports/{id}/acknowledge"),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (409, Some("report-not-submitted")),
        "{e}"
    );

    // Taza writes and submits; its figures are frozen.
    let (s, e) = taza
        .send("PATCH", format!("/api/v1/reports/{id}"),
            json!({"achievements": "تجديد هياكل ثلاثة فروع محلية", "difficulties": "ضعف الموارد", "requests": "توفير مقر إقليمي"}))
        .await;
    assert_eq!(s, 200, "{e}");
    let (s, e) = taza
        .send("POST", format!("/api/v1/reports/{id}/submit"), json!({}))
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("confirmation-required")),
        "{e}"
    );
    let (s, r) = taza
        .send(
            "POST",
            format!("/api/v1/reports/{id}/submit"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(
        (r["status"].as_str(), r["late"].as_bool()),
        (Some("submitted"), Some(false))
    );
    let (s, e) = taza
        .send(
            "POST",
            format!("/api/v1/reports/{id}/submit"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (409, Some("report-submitted")),
        "{e}"
    );
    let (s, e) = taza
        .send(
            "PATCH",
            format!("/api/v1/reports/{id}"),
            json!({"achievements": "x"}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (409, Some("report-submitted")),
        "{e}"
    );
    let (s, _) = taza
        .send(
            "POST",
            format!("/api/v1/reports/{id}/acknowledge"),
            json!({}),
        )
        .await;
    assert_eq!(s, 403);
    // A member who joins in the quarter afterwards changes nothing in what was sent.
    member(
        &w.admin,
        "TZ100008",
        "03.561.01.11",
        "M",
        "1999-09-09",
        "2023-03-20",
    )
    .await;
    let (_, r) = region.get(format!("/api/v1/reports/{id}")).await;
    assert_eq!(r["figures"]["new_members"], 2, "{r}");

    // The region returns it with a comment; Taza edits and submits it again (its figures
    // counted afresh); the region acknowledges it.
    let (s, e) = region
        .send(
            "POST",
            format!("/api/v1/reports/{id}/return"),
            json!({"comment": " "}),
        )
        .await;
    assert_eq!(
        (s, code(&e)),
        (422, ("report-comment-required", "comment")),
        "{e}"
    );
    let (s, r) = region
        .send(
            "POST",
            format!("/api/v1/reports/{id}/return"),
            json!({"comment": "أضيفوا حصيلة الأنشطة الإشعاعية"}),
        )
        .await;
    assert_eq!((s, r["status"].as_str()), (200, Some("returned")), "{r}");
    assert_eq!(r["review_comment"], "أضيفوا حصيلة الأنشطة الإشعاعية");
    assert_eq!(r["figures"]["new_members"], 3, "{r}");
    let (s, _) = taza
        .send("PATCH", format!("/api/v1/reports/{id}"),
            json!({"achievements": "تجديد هياكل ثلاثة فروع محلية وملتقى إقليمي", "difficulties": "", "requests": ""}))
        .await;
    assert_eq!(s, 200);
    let (s, _) = taza
        .send(
            "POST",
            format!("/api/v1/reports/{id}/submit"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, r) = region
        .send(
            "POST",
            format!("/api/v1/reports/{id}/acknowledge"),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, r["status"].as_str()),
        (200, Some("acknowledged")),
        "{r}"
    );
    let (s, e) = region
        .send(
            "POST",
            format!("/api/v1/reports/{id}/acknowledge"),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (409, Some("report-not-submitted")),
        "{e}"
    );
    let (_, list) = region
        .get(format!("/api/v1/bodies/{}/reports", w.region))
        .await;
    assert_eq!(list["received"][0]["id"].as_i64(), Some(id), "{list}");

    // Every change is in the audit log, on the report.
    let kinds = common::count(
        &w.app.db,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE target_kind = 'report' AND target_id = '{id}'"
        ),
    )
    .await;
    // Drafted, edited, submitted, returned, edited, submitted, acknowledged.
    assert_eq!(kinds, 7);

    // The PDF, in Arabic, names the body.
    let web = w.app.browser("officer.region").await;
    let (s, pdf) = web.bytes(&format!("/reports/{id}/report.pdf")).await;
    assert_eq!(s, 200);
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 10_000);
    let name = "تقرير الأمانة الإقليمية بتازة";
    let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert!(
        pdf.windows(name.len()).any(|w| w == name.as_bytes())
            || pdf.windows(utf16.len()).any(|w| w == utf16),
        "the PDF names the report's body"
    );
    let page = web.get(&format!("/reports/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("data-status=\"acknowledged\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("id=\"report-figures\""));
}
both_engines!(a_quarter_reported_returned_and_acknowledged, report_flow);

async fn lateness(engine: Engine) {
    let w = world(engine).await;
    // The last quarter that has ended, and its due day (30 days after), by hand.
    let today = tanzim_web::today();
    let (year, quarter) = match (today.month() - 1) / 3 {
        0 => (today.year() - 1, 4),
        q => (today.year(), q),
    };
    let (_, list) = w
        .region_officer
        .get(format!("/api/v1/bodies/{}/reports", w.region))
        .await;
    let late = |list: &Value| -> Vec<(i64, String)> {
        let mut rows: Vec<(i64, String)> = list["late"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["overdue"] == true)
            .map(|d| {
                (
                    d["body_id"].as_i64().unwrap(),
                    d["kind"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        rows.sort();
        rows
    };
    // Both provinces owe last year's report; the last quarter's is late once its due day
    // (a month after it) has passed.
    let quarter_end = chrono::NaiveDate::from_ymd_opt(year, quarter * 3, 1).unwrap()
        + chrono::Months::new(1)
        - chrono::Days::new(1);
    let quarter_late = today > quarter_end + chrono::Days::new(30);
    let mut expected = vec![
        (w.taza, "yearly".to_owned()),
        (w.sefrou, "yearly".to_owned()),
    ];
    if quarter_late {
        expected.extend([
            (w.taza, "quarterly".to_owned()),
            (w.sefrou, "quarterly".to_owned()),
        ]);
    }
    expected.sort();
    assert_eq!(late(&list), expected, "{list}");
    // Taza files last year's report: only Sefrou still owes it.
    let (s, r) = w
        .taza_officer
        .send(
            "POST",
            format!("/api/v1/bodies/{}/reports", w.taza),
            json!({"kind": "yearly", "year": today.year() - 1}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let (s, _) = w
        .taza_officer
        .send(
            "POST",
            format!("/api/v1/reports/{}/submit", r["id"]),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 200);
    let (_, list) = w
        .region_officer
        .get(format!("/api/v1/bodies/{}/reports", w.region))
        .await;
    expected.retain(|e| *e != (w.taza, "yearly".to_owned()));
    assert_eq!(late(&list), expected, "{list}");
    // Sefrou's officer sees on the home page that Sefrou's report is overdue.
    let home = w.app.browser("officer.sefrou").await.get("/").await;
    assert!(home.body.contains("id=\"reports-due\""), "{}", home.body);
    let (_, due) = w.sefrou_officer.get("/api/v1/reports").await;
    assert!(
        due.as_array()
            .unwrap()
            .iter()
            .any(|d| d["body_id"].as_i64() == Some(w.sefrou)
                && d["kind"] == "yearly"
                && d["overdue"] == true),
        "{due}"
    );
    assert!(
        due.as_array()
            .unwrap()
            .iter()
            .all(|d| d["body_id"].as_i64() == Some(w.sefrou)),
        "{due}"
    );
}
both_engines!(the_parent_sees_which_children_are_late, lateness);
