//! Authorization as a matrix: every route of the route table × every kind of principal ×
//! a target in or out of their scope, called once with a bearer token and once from a
//! browser session (with its CSRF token, its password just typed).
//!
//! The expected outcome of each cell is written by hand in `authz_expected.txt`, from the
//! product's rules, per action of the route and kind of target: this test calls no policy
//! function, so a wrong rule fails it. A route added to the table joins the matrix; if it
//! uses an (action, target) pair not yet in the expected table, the test says so.
//!
//! Every request goes without a body, so nothing the matrix calls may change anything:
//! the fixtures are read back through the API at the end and compared with what they were.

use crate::common::{self, Api, Engine, TestApp};
use std::collections::{BTreeMap, BTreeSet};
use tanzim_domain::accounts::Role;
use tanzim_web::routes::{self, Access, Guard, TargetKind};

/// A cell of the expected table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Neither 401, 403 nor 404 (nor a sign-in or confirmation redirect, nor any 5xx).
    Allowed,
    /// 403.
    Forbidden,
    /// 404.
    NotFound,
}

/// The columns of the expected table, in order: (column, username, roles).
type Roles = &'static [(Role, Option<&'static str>, Option<&'static str>)];
const PRINCIPALS: [(&str, &str, Roles); 8] = [
    (
        "admin.nat",
        "admin.national",
        &[(Role::Administrator, None, None)],
    ),
    (
        "admin.fes",
        "admin.fes",
        &[(Role::Administrator, Some("03"), None)],
    ),
    (
        "off.beni",
        "officer.beni",
        &[(Role::Officer, Some("05.091"), None)],
    ),
    (
        "off.taou",
        "officer.taounate",
        &[(Role::Officer, Some("03.531"), None)],
    ),
    (
        "off.women",
        "officer.women",
        &[(Role::Officer, Some("05"), Some("women"))],
    ),
    (
        "committee",
        "committee",
        &[(Role::CommitteeMember, Some("05"), None)],
    ),
    (
        "comms",
        "communication",
        &[(Role::CommunicationOfficer, None, None)],
    ),
    ("analyst", "analyst", &[(Role::Analyst, None, None)]),
];

/// `authz_expected.txt`: (action, target kind) → one cell per principal.
fn expected_table() -> BTreeMap<(String, String), [Expect; 8]> {
    let text = include_str!("authz_expected.txt");
    let mut table = BTreeMap::new();
    let mut header = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(h) = line.strip_prefix("# action") {
            header = Some(h.split_whitespace().skip(1).collect::<Vec<_>>());
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            words.len(),
            2 + PRINCIPALS.len(),
            "authz_expected.txt line {}: {line}",
            n + 1
        );
        let mut cells = [Expect::Forbidden; 8];
        for (cell, word) in cells.iter_mut().zip(&words[2..]) {
            *cell = match *word {
                "A" => Expect::Allowed,
                "F" => Expect::Forbidden,
                "N" => Expect::NotFound,
                other => panic!("authz_expected.txt line {}: cell {other}", n + 1),
            };
        }
        let key = (words[0].to_owned(), words[1].to_owned());
        assert!(
            table.insert(key, cells).is_none(),
            "authz_expected.txt line {}: a second row for {} {}",
            n + 1,
            words[0],
            words[1]
        );
    }
    let columns: Vec<&str> = PRINCIPALS.iter().map(|p| p.0).collect();
    assert_eq!(
        header.as_deref(),
        Some(&columns[..]),
        "the columns of authz_expected.txt"
    );
    table
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Bearer,
    Session,
}

/// The records the matrix aims at.
struct Fixtures {
    body: i64,
    user: i64,
    role: i64,
    member: i64,
    application: i64,
    campaign: i64,
    payment: i64,
    review: i64,
    meeting: i64,
    communique: i64,
    case: i64,
    document: i64,
    /// An intervention and a decision recorded at the meeting.
    intervention: i64,
    decision: i64,
    contact: i64,
    request: i64,
    /// A draft programme of the body and one of its activities.
    programme: i64,
    activity: i64,
    /// A quarterly report of a local bureau below the body, sent to the body (a draft).
    report: i64,
}

async fn fixtures(app: &TestApp, api: &Api) -> Fixtures {
    let (s, body) = api
        .send("POST", "/api/v1/bodies", serde_json::json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091"}))
        .await;
    assert_eq!(s, 201, "{body}");
    let body_id = body["id"].as_i64().unwrap();
    let year = chrono::Datelike::year(&tanzim_web::today());
    let (s, campaign) = api
        .send("POST", "/api/v1/campaigns", serde_json::json!({"body_id": body_id, "year": year.to_string(), "opens_on": format!("{year}-01-01"),
            "closes_on": format!("{year}-12-31"), "categories": "standard|Standard|100"}))
        .await;
    assert_eq!(s, 201, "{campaign}");
    let campaign_id = campaign["id"].as_i64().unwrap();
    let (s, member) = api
        .send(
            "POST",
            "/api/v1/members",
            common::person("AB123456", "05.091.01.07"),
        )
        .await;
    assert_eq!(s, 201, "{member}");
    let member_id = member["id"].as_i64().unwrap();
    let (s, payment) = api
        .send("POST", &format!("/api/v1/members/{member_id}/payments"), serde_json::json!({"campaign_id": campaign_id, "category": "standard", "receipt": "R-1"}))
        .await;
    assert_eq!(s, 201, "{payment}");
    let payment_id = payment["id"].as_i64().unwrap();
    let (s, application) = api
        .send(
            "POST",
            "/api/v1/applications",
            common::person("CD654321", "05.091.01.07"),
        )
        .await;
    assert_eq!(s, 201, "{application}");
    let application_id = application["id"].as_i64().unwrap();
    // A probable duplicate of the member, met in an import through the page (same names
    // and birth date, another CIN).
    let (s, m) = api.get(format!("/api/v1/members/{member_id}")).await;
    assert_eq!(s, 200, "{m}");
    let field = |name: &str| m[name].as_str().unwrap_or_else(|| panic!("{name}: {m}"));
    let roll = format!(
        "first_name_ar,last_name_ar,first_name_lat,last_name_lat,sex,birth_date,cin,commune_code\n{},{},{},{},{},{},EF777777,05.091.01.07\n",
        field("first_name_ar"),
        field("last_name_ar"),
        field("first_name_lat"),
        field("last_name_lat"),
        field("sex"),
        field("birth_date"),
    );
    let setup = app.browser("setup").await;
    assert_eq!(
        setup.import_roll(&roll, "report").await,
        "imported 0, updated 0, rejected 0, review 1, referred 0"
    );
    let queue = setup.get("/members/reviews").await;
    assert_eq!(queue.status, 200, "{}", queue.body);
    let marker = "action=\"/members/reviews/";
    let start = queue
        .body
        .find(marker)
        .unwrap_or_else(|| panic!("no review in the queue: {}", queue.body))
        + marker.len();
    let review_id: i64 = queue.body[start..]
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // A meeting of the body, with its minutes drafted (so that their PDF exists) and a
    // communiqué.
    let (s, meeting) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            serde_json::json!({"kind": "organizational", "held_on": "2022-12-08", "agenda": ["x"]}),
        )
        .await;
    assert_eq!(s, 201, "{meeting}");
    let meeting_id = meeting["id"].as_i64().unwrap();
    let (s, r) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting_id}/interventions"),
            serde_json::json!({"speaker": "x", "sex": "F", "summary": "x"}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let intervention_id = r["interventions"][0]["id"].as_i64().unwrap();
    let (s, r) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting_id}/decisions"),
            serde_json::json!({"decision": {"kind": "resolution", "text": "x"}}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    let decision_id = r["decisions"][0]["id"].as_i64().unwrap();
    let (s, r) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting_id}/minutes"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    let (s, communique) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting_id}/communiques"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(s, 201, "{communique}");
    let communique_id = communique["id"].as_i64().unwrap();
    // A request raised at the meeting, addressed to the body itself.
    let (s, request) = api
        .send(
            "POST",
            &format!("/api/v1/meetings/{meeting_id}/requests"),
            serde_json::json!({"text": "x", "addressed_body_id": body_id}),
        )
        .await;
    assert_eq!(s, 201, "{request}");
    let request_id = request["id"].as_i64().unwrap();
    // A draft programme of the body with one activity.
    let (s, programme) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/programmes"),
            serde_json::json!({"title": "برنامج العمل", "starts_on": "2026-01-01", "ends_on": "2026-12-31"}),
        )
        .await;
    assert_eq!(s, 201, "{programme}");
    let programme_id = programme["id"].as_i64().unwrap();
    let (s, activity) = api
        .send(
            "POST",
            &format!("/api/v1/programmes/{programme_id}/activities"),
            serde_json::json!({"title": "لقاء تواصلي", "kind": "outreach", "audience": "members", "when": "2026-03"}),
        )
        .await;
    assert_eq!(s, 201, "{activity}");
    let activity_id = activity["id"].as_i64().unwrap();
    // A local bureau below the body, in the member's commune, and its draft report of a
    // quarter, sent to the body.
    let (s, bureau) = api
        .send(
            "POST",
            "/api/v1/bodies",
            serde_json::json!({"organization": "party", "kind": "local_bureau",
            "territory": "05.091.01.07", "parent_id": body_id}),
        )
        .await;
    assert_eq!(s, 201, "{bureau}");
    let (s, report) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{}/reports", bureau["id"]),
            serde_json::json!({"kind": "quarterly", "year": 2023, "quarter": 1}),
        )
        .await;
    assert_eq!(s, 201, "{report}");
    let report_id = report["id"].as_i64().unwrap();
    // The body's ethics committee (a meeting's approved decision), a case about the member
    // before it, and a document of the case.
    let (s, ethics) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            serde_json::json!({"kind": "organizational", "held_on": "2023-01-14"}),
        )
        .await;
    assert_eq!(s, 201, "{ethics}");
    let ethics = format!("/api/v1/meetings/{}", ethics["id"]);
    for (step, body, status) in [
        (
            "decisions",
            serde_json::json!({"decision": {"kind": "create_committee", "committee": "ethics"}}),
            201,
        ),
        ("minutes", serde_json::json!({}), 200),
        ("minutes/approve", serde_json::json!({}), 200),
    ] {
        let (s, r) = api.send("POST", &format!("{ethics}/{step}"), body).await;
        assert_eq!(s, status, "{step}: {r}");
    }
    let (s, case) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/cases"),
            serde_json::json!({"member_id": member_id, "grounds": "x"}),
        )
        .await;
    assert_eq!(s, 201, "{case}");
    let case_id = case["id"].as_i64().unwrap();
    let boundary = "matrix-boundary";
    let upload = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n--{boundary}--\r\n"
    );
    let document = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/cases/{case_id}/documents")))
        .bearer_auth(&api.token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(upload)
        .send()
        .await
        .unwrap();
    assert_eq!(document.status().as_u16(), 201);
    let document_id = document.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    // A sympathiser of the member's commune, the party's, without what an application
    // needs beyond her name (so that a conversion sent without a body changes nothing).
    let (s, contact) = api
        .send(
            "POST",
            "/api/v1/contacts",
            serde_json::json!({"first_name_ar": "سعاد", "last_name_ar": "العلوي", "phone": "0612345670",
                "commune": "05.091.01.07", "consent_on": "2026-11-20", "consent_source": "meeting",
                "consent_wording": "أوافق"}),
        )
        .await;
    assert_eq!(s, 201, "{contact}");
    let contact_id = contact["id"].as_i64().unwrap();
    let target_user = app
        .user("target.user", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let (s, account) = api.get(format!("/api/v1/users/{target_user}")).await;
    assert_eq!(s, 200, "{account}");
    let target_role = account["roles"][0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no role: {account}"));
    Fixtures {
        body: body_id,
        user: target_user,
        role: target_role,
        member: member_id,
        application: application_id,
        campaign: campaign_id,
        payment: payment_id,
        review: review_id,
        meeting: meeting_id,
        communique: communique_id,
        case: case_id,
        document: document_id,
        intervention: intervention_id,
        decision: decision_id,
        contact: contact_id,
        request: request_id,
        programme: programme_id,
        activity: activity_id,
        report: report_id,
    }
}

/// What the matrix reads back after a principal's calls, and the target kinds whose
/// changing routes may change it (a member changes with her case and her duplicate, a
/// meeting with its body and communiqués, ...).
const RECORDS: [(&str, &[TargetKind]); 16] = [
    ("body", &[TargetKind::Body]),
    ("user", &[TargetKind::User]),
    (
        "member",
        &[TargetKind::Member, TargetKind::Case, TargetKind::Review],
    ),
    ("payment", &[TargetKind::Member, TargetKind::Campaign]),
    ("application", &[TargetKind::Application]),
    ("campaign", &[TargetKind::Campaign]),
    (
        "meeting",
        &[
            TargetKind::Meeting,
            TargetKind::Communique,
            TargetKind::Body,
            TargetKind::Request,
        ],
    ),
    (
        "request",
        &[TargetKind::Request, TargetKind::Meeting, TargetKind::Body],
    ),
    ("case", &[TargetKind::Case, TargetKind::Body]),
    ("positions", &[TargetKind::Body, TargetKind::Meeting]),
    ("body cases", &[TargetKind::Body, TargetKind::Case]),
    ("reviews", &[TargetKind::Review]),
    ("contact", &[TargetKind::Contact]),
    (
        "programme",
        &[
            TargetKind::Programme,
            TargetKind::Activity,
            TargetKind::Body,
        ],
    ),
    ("activity", &[TargetKind::Activity, TargetKind::Programme]),
    // Its figures count the member.
    (
        "report",
        &[
            TargetKind::Report,
            TargetKind::Body,
            TargetKind::Member,
            TargetKind::Case,
        ],
    ),
];

/// Every fixture as the API shows it to a national administrator (and the review queue as
/// its page lists it), by the names of `RECORDS`.
async fn snapshot(
    app: &TestApp,
    api: &Api,
    f: &Fixtures,
) -> BTreeMap<&'static str, serde_json::Value> {
    let mut all = BTreeMap::new();
    for (name, path, id) in [
        ("body", format!("/api/v1/bodies/{}", f.body), f.body),
        ("user", format!("/api/v1/users/{}", f.user), f.user),
        ("member", format!("/api/v1/members/{}", f.member), f.member),
        (
            "payment",
            format!("/api/v1/payments/{}", f.payment),
            f.payment,
        ),
        (
            "application",
            format!("/api/v1/applications/{}", f.application),
            f.application,
        ),
        (
            "campaign",
            format!("/api/v1/campaigns/{}", f.campaign),
            f.campaign,
        ),
        (
            "meeting",
            format!("/api/v1/meetings/{}", f.meeting),
            f.meeting,
        ),
        ("case", format!("/api/v1/cases/{}", f.case), f.case),
        (
            "contact",
            format!("/api/v1/contacts/{}", f.contact),
            f.contact,
        ),
        (
            "request",
            format!("/api/v1/requests/{}", f.request),
            f.request,
        ),
        (
            "programme",
            format!("/api/v1/programmes/{}", f.programme),
            f.programme,
        ),
        (
            "activity",
            format!("/api/v1/activities/{}", f.activity),
            f.activity,
        ),
        ("report", format!("/api/v1/reports/{}", f.report), f.report),
    ] {
        let (s, v) = api.get(&path).await;
        assert_eq!(s, 200, "{path}: {v}");
        // A positive marker: the record itself, not an empty or error document.
        assert_eq!(v["id"].as_i64(), Some(id), "{path}: {v}");
        all.insert(name, v);
    }
    for (name, path) in [
        ("positions", format!("/api/v1/bodies/{}/positions", f.body)),
        ("body cases", format!("/api/v1/bodies/{}/cases", f.body)),
    ] {
        let (s, v) = api.get(&path).await;
        assert_eq!(s, 200, "{path}: {v}");
        all.insert(name, v);
    }
    let queue = app.browser("setup").await.get("/members/reviews").await;
    assert_eq!(queue.status, 200);
    let reviews: Vec<String> = queue
        .body
        .split("action=\"/members/reviews/")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or_default().to_owned())
        .collect();
    all.insert("reviews", serde_json::json!(reviews));
    all
}

/// The fixtures are what the expected table says they are.
fn check_fixtures(before: &BTreeMap<&str, serde_json::Value>, f: &Fixtures) {
    assert_eq!(before["body"]["status"], "active", "{}", before["body"]);
    assert_eq!(before["body"]["organization"], "party");
    assert_eq!(before["member"]["status"], "active");
    assert_eq!(before["member"]["commune_code"], "05.091.01.07");
    assert_eq!(before["member"]["affiliations"], "", "{}", before["member"]);
    assert_eq!(before["application"]["status"], "pending");
    assert_eq!(before["application"]["commune_code"], "05.091.01.07");
    assert_eq!(
        before["campaign"]["status"], "open",
        "{}",
        before["campaign"]
    );
    let meeting = &before["meeting"];
    assert_eq!(meeting["minutes_status"], "draft", "{meeting}");
    assert_eq!(meeting["communiques"][0]["id"].as_i64(), Some(f.communique));
    assert_eq!(meeting["communiques"][0]["status"], "draft", "{meeting}");
    assert_eq!(before["case"]["status"], "open", "{}", before["case"]);
    assert_eq!(
        before["contact"]["status"], "active",
        "{}",
        before["contact"]
    );
    assert_eq!(before["contact"]["commune_code"], "05.091.01.07");
    assert_eq!(before["contact"]["organization"], serde_json::Value::Null);
    assert_eq!(
        before["request"]["addressed_body_id"].as_i64(),
        Some(f.body)
    );
    assert_eq!(before["request"]["answered_on"], serde_json::Value::Null);
    assert_eq!(before["report"]["status"], "draft", "{}", before["report"]);
    assert_eq!(before["report"]["parent_id"].as_i64(), Some(f.body));
    let roles = before["user"]["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 1, "{}", before["user"]);
    assert_eq!(roles[0]["scope_code"], "05.091", "{}", before["user"]);
    assert_eq!(
        before["reviews"],
        serde_json::json!([
            format!("{}/same", f.review),
            format!("{}/distinct", f.review)
        ])
    );
}

/// Each principal gets a server and fixtures of its own (a call it is allowed to make with
/// an empty body may change them: approve minutes, accept an application), and must
/// leave unchanged every record it is refused every change of.
async fn matrix(engine: Engine) {
    let expected = expected_table();
    let table = routes::table();
    let bearer_client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut used = BTreeSet::new();
    let mut cells = 0;
    let mut failures = Vec::new();
    let mut changed = Vec::new();
    // Anonymous first (bearer pass only: without credentials there is no session).
    for column in std::iter::once(None).chain((0..PRINCIPALS.len()).map(Some)) {
        let name = column.map_or("anonymous", |c| PRINCIPALS[c].1);
        let app = common::spawn(engine).await;
        let setup_admin = app
            .user("setup", &[(Role::Administrator, None, None)])
            .await;
        let api = Api::new(&app, app.token(setup_admin).await);
        let f = fixtures(&app, &api).await;
        let before = snapshot(&app, &api, &f).await;
        check_fixtures(&before, &f);
        let id = match column {
            Some(c) => Some(app.user(PRINCIPALS[c].1, PRINCIPALS[c].2).await),
            None => None,
        };
        let passes: &[Pass] = match column {
            Some(_) => &[Pass::Bearer, Pass::Session],
            None => &[Pass::Bearer],
        };
        for &pass in passes {
            // The client, and how it proves who it is.
            let (client, token, csrf) = match (pass, id) {
                (_, None) => (bearer_client.clone(), None, None),
                (Pass::Bearer, Some(id)) => {
                    (bearer_client.clone(), Some(app.token(id).await), None)
                }
                (Pass::Session, Some(_)) => {
                    let b = app.browser(name).await;
                    let account = b.get("/account").await;
                    assert_eq!(account.status, 200, "{name}: {}", account.body);
                    (b.client, None, Some(account.hidden("csrf")))
                }
            };
            // Signing out ends the session: the session pass does it last.
            let mut order: Vec<_> = table.iter().collect();
            order.sort_by_key(|r| r.spec.path == "/logout");
            for route in order {
                let spec = route.spec;
                let id = match spec.access {
                    Access::Policy(_, TargetKind::Body) => f.body,
                    Access::Policy(_, TargetKind::User) => f.user,
                    Access::Policy(_, TargetKind::Member) => f.member,
                    Access::Policy(_, TargetKind::Application) => f.application,
                    Access::Policy(_, TargetKind::Campaign) => f.campaign,
                    Access::Policy(_, TargetKind::Payment) => f.payment,
                    Access::Policy(_, TargetKind::Review) => f.review,
                    Access::Policy(_, TargetKind::Meeting) => f.meeting,
                    Access::Policy(_, TargetKind::Communique) => f.communique,
                    Access::Policy(_, TargetKind::Case) => f.case,
                    Access::Policy(_, TargetKind::Contact) => f.contact,
                    Access::Policy(_, TargetKind::Request) => f.request,
                    Access::Policy(_, TargetKind::Programme) => f.programme,
                    Access::Policy(_, TargetKind::Activity) => f.activity,
                    Access::Policy(_, TargetKind::Report) => f.report,
                    _ => 999_999,
                };
                let path = spec
                    .path
                    .replace("{id}", &id.to_string())
                    .replace("{role_id}", &f.role.to_string())
                    .replace("{document_id}", &f.document.to_string())
                    .replace("{intervention_id}", &f.intervention.to_string())
                    .replace("{decision_id}", &f.decision.to_string())
                    .replace("{code}", "05.091")
                    .replace("{file}", "tanzim.css")
                    .replace("{token}", "not-a-card-token");
                let mut request = client.request(
                    reqwest::Method::from_bytes(spec.method.as_bytes()).unwrap(),
                    app.url(&path),
                );
                if let Some(t) = &token {
                    request = request.bearer_auth(t);
                }
                if let Some(csrf) = &csrf
                    && spec.method != "GET"
                {
                    request = request.header("x-csrf-token", csrf);
                }
                let response = request.send().await.unwrap();
                let status = response.status().as_u16();
                let location = response
                    .headers()
                    .get("location")
                    .map(|v| v.to_str().unwrap().to_owned())
                    .unwrap_or_default();
                let text = response.text().await.unwrap_or_default();
                let api_route =
                    spec.path.starts_with("/api/") && spec.path != "/api/v1/openapi.json";
                // What a bearer token gets where a browser session is required.
                let session_required = status == 403
                    && if api_route {
                        serde_json::from_str::<serde_json::Value>(&text)
                            .is_ok_and(|v| v["error"] == "session-required")
                    } else {
                        text.contains("data-error=\"session-required\"")
                    };
                let needs_session = spec.guard != Guard::Any && pass == Pass::Bearer;
                let to_login = if api_route {
                    status == 401
                } else {
                    status == 303 && location.starts_with("/login")
                };
                // Sent to sign in (signing out ends there), or a session sent to type its
                // password again.
                let turned_away = (to_login && spec.path != "/logout")
                    || (status == 303 && location.starts_with("/account/confirm"))
                    || status == 401;
                // `may_404`: the id in the path is made up (no target kind), so that a
                // missing record is an answer of the handler, not of the policy.
                let allowed = |may_404: bool| {
                    if needs_session {
                        if session_required {
                            Ok(())
                        } else {
                            Err(format!("a token got {status}, not session-required"))
                        }
                    } else if turned_away || status == 403 || (status == 404 && !may_404) {
                        Err(format!("expected allowed, got {status} {location}"))
                    } else {
                        Ok(())
                    }
                };
                let verdict: Result<(), String> = if status >= 500 {
                    Err(format!("server error {status}: {text}"))
                } else {
                    match (spec.access, column) {
                        (Access::Public, _) => {
                            // POSTs without a token are refused by CSRF (403), never by
                            // authentication.
                            if status == 401 || (spec.method == "GET" && status == 403) {
                                Err(format!("public route answered {status}"))
                            } else {
                                Ok(())
                            }
                        }
                        (_, None) => {
                            if to_login {
                                Ok(())
                            } else {
                                Err(format!("anonymous got {status} {location}"))
                            }
                        }
                        (Access::SignedIn, Some(_)) => allowed(true),
                        (Access::Policy(action, kind), Some(c)) => {
                            let key = (format!("{action:?}"), format!("{kind:?}"));
                            used.insert(key.clone());
                            match expected.get(&key).map(|cells| cells[c]) {
                                None => Err(format!(
                                    "no row for {} {} in authz_expected.txt",
                                    key.0, key.1
                                )),
                                Some(Expect::Allowed) => allowed(false),
                                Some(Expect::Forbidden) if status == 403 => Ok(()),
                                Some(Expect::NotFound) if status == 404 => Ok(()),
                                Some(e) => Err(format!("expected {e:?}, got {status} {location}")),
                            }
                        }
                    }
                };
                cells += 1;
                if let Err(why) = verdict {
                    failures.push(format!(
                        "{pass:?} {} {} as {name}: {why}",
                        spec.method, spec.path
                    ));
                }
            }
        }
        // What it was refused every change of is as it was, value for value.
        let after = snapshot(&app, &api, &f).await;
        for (record, kinds) in RECORDS {
            let may_change = column.is_some_and(|c| {
                table.iter().any(|r| {
                    r.spec.method != "GET"
                        && matches!(r.spec.access, Access::Policy(action, kind)
                            if kinds.contains(&kind)
                                && expected
                                    .get(&(format!("{action:?}"), format!("{kind:?}")))
                                    .is_some_and(|cells| cells[c] == Expect::Allowed))
                })
            });
            if may_change {
                continue;
            }
            let (was, now) = (&before[record], &after[record]);
            match (was.as_object(), now.as_object()) {
                (Some(was), Some(now)) => {
                    for (key, value) in was {
                        if now.get(key) != Some(value) {
                            changed.push(format!(
                                "as {name}: {record} {key}: {value} became {:?}",
                                now.get(key)
                            ));
                        }
                    }
                    for key in now.keys().filter(|k| !was.contains_key(*k)) {
                        changed.push(format!(
                            "as {name}: {record} {key}: appeared as {}",
                            now[key]
                        ));
                    }
                }
                _ if now != was => changed.push(format!("as {name}: {record}: {was} became {now}")),
                _ => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cells} cells wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(cells, (2 * PRINCIPALS.len() + 1) * table.len());
    let unused: Vec<_> = expected.keys().filter(|k| !used.contains(*k)).collect();
    assert!(
        unused.is_empty(),
        "rows of authz_expected.txt no route uses: {unused:?}"
    );
    assert!(
        changed.is_empty(),
        "the matrix changed what the principal may not change:\n{}",
        changed.join("\n")
    );
}
both_engines!(every_route_every_role_every_scope, matrix);
