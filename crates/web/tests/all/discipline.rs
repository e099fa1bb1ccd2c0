//! Disciplinary cases, on SQLite and on PostgreSQL: a provincial secretariat constitutes its
//! ethics committee by a meeting's decision; the committee opens cases, hears members, files
//! documents and decides. A suspension or an expulsion changes the member's status in the
//! same transaction as the decision, and the member's history names the case.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, TestApp};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

const BOUNDARY: &str = "tanzim-test-boundary-7MA4YWxkTrZu0gW";

/// A multipart body: text fields, then one file (name, content type, bytes).
pub(crate) fn multipart(fields: &[(&str, &str)], file: Option<(&str, &str, &[u8])>) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some((file_name, content_type, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub(crate) async fn upload(api: &Api, path: &str, body: Vec<u8>) -> (u16, Value) {
    let r = api
        .client
        .post(format!("{}{path}", api.base))
        .bearer_auth(&api.token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn days(n: i64) -> String {
    (tanzim_web::today() + chrono::Duration::days(n)).to_string()
}

async fn member(
    api: &Api,
    cin: &str,
    commune: &str,
    phone: Option<&str>,
    email: Option<&str>,
) -> i64 {
    let mut p = common::person(cin, commune);
    p["phone"] = json!(phone);
    p["email"] = json!(email);
    p["joined_on"] = json!("2024-01-15");
    let (s, m) = api.send("POST", "/api/v1/members", p).await;
    assert_eq!(s, 201, "{m}");
    m["id"].as_i64().unwrap()
}

/// Gives the body an ethics committee the way the statutes do: a meeting decides it and
/// the approved minutes create it.
async fn ethics_committee(api: &Api, body_id: i64) {
    let (s, m) = api
        .send(
            "POST",
            &format!("/api/v1/bodies/{body_id}/meetings"),
            json!({"kind": "organizational", "held_on": days(-30), "agenda": ["تشكيل لجنة الأخلاقيات"]}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let m = format!("/api/v1/meetings/{}", m["id"]);
    let decision = json!({"decision": {"kind": "create_committee", "committee": "ethics", "members": ["سعاد المرابط", "أحمد الإدريسي"]}});
    assert_eq!(
        api.send("POST", &format!("{m}/decisions"), decision)
            .await
            .0,
        201
    );
    assert_eq!(
        api.send("POST", &format!("{m}/minutes"), json!({})).await.0,
        200
    );
    assert_eq!(
        api.send("POST", &format!("{m}/minutes/approve"), json!({}))
            .await
            .0,
        200
    );
}

async fn status_of(api: &Api, member_id: i64) -> Value {
    let (s, m) = api.get(format!("/api/v1/members/{member_id}")).await;
    assert_eq!(s, 200, "{m}");
    m
}

async fn audit_count(api: &Api, action: &str) -> i64 {
    let (s, a) = api.get(format!("/api/v1/audit?action={action}")).await;
    assert_eq!(s, 200, "{a}");
    a["total"].as_i64().unwrap()
}

async fn setup(app: &TestApp) -> (Api, i64) {
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(app, app.token(admin).await);
    let (s, body) = api
        .send("POST", "/api/v1/bodies", json!({"organization": "party", "kind": "provincial_secretariat", "territory": "05.091", "name": "الأمانة الإقليمية ببني ملال"}))
        .await;
    assert_eq!(s, 201, "{body}");
    (api, body["id"].as_i64().unwrap())
}

async fn cases(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, body_id) = setup(&app).await;
    let amina = member(&api, "BE200001", "05.091.01.07", Some("0612345678"), None).await;
    let driss = member(
        &api,
        "BE200002",
        "05.091.01.07",
        None,
        Some("driss@example.ma"),
    )
    .await;
    let far = member(&api, "CD200003", "03.531.01.05", None, None).await;
    let open = |member_id: i64| json!({"member_id": member_id, "grounds": "تصريحات علنية مسيئة لقيادة الحزب", "opened_on": days(-10)});
    let cases_of_body = format!("/api/v1/bodies/{body_id}/cases");

    // No ethics committee yet: refused with its reason, and nothing is opened.
    let (s, e) = api.send("POST", &cases_of_body, open(amina)).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (409, Some("ethics-committee-missing")),
        "{e}"
    );
    assert!(
        e["message"].as_str().unwrap().contains("لجنة للأخلاقيات"),
        "{e}"
    );
    assert_eq!(api.get(&cases_of_body).await.1["total"], 0);

    ethics_committee(&api, body_id).await;
    // A member of another province is not this committee's to judge (and looks unknown).
    let (s, e) = api.send("POST", &cases_of_body, open(far)).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("case-member-unknown")),
        "{e}"
    );
    let (s, e) = api
        .send(
            "POST",
            &cases_of_body,
            json!({"member_id": amina, "grounds": "  "}),
        )
        .await;
    assert_eq!((s, e["field"].as_str()), (422, Some("grounds")), "{e}");

    let (s, c) = api.send("POST", &cases_of_body, open(amina)).await;
    assert_eq!(s, 201, "{c}");
    assert_eq!(
        (c["status"].as_str(), c["member_id"].as_i64()),
        (Some("open"), Some(amina))
    );
    assert!(c["committee_id"].as_i64().is_some());
    let case_id = c["id"].as_i64().unwrap();
    let case = format!("/api/v1/cases/{case_id}");

    // A hearing; one dated before the case was opened is refused.
    let (s, d) = api
        .send("POST", &format!("{case}/hearings"), json!({"held_on": days(-5), "heard": "العضو المعني", "summary": "نفى المنسوب إليه وقدم اعتذارا"}))
        .await;
    assert_eq!(s, 201, "{d}");
    let (s, e) = api
        .send(
            "POST",
            &format!("{case}/hearings"),
            json!({"held_on": days(-11), "heard": "شاهد", "summary": "x"}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("case-date-before-opening"))
    );
    assert_eq!(
        api.get(&case).await.1["hearings"].as_array().unwrap().len(),
        1
    );

    // Documents: bytes round-trip with their type, always as an attachment; a page that
    // claims to be HTML comes back as plain bytes.
    let pdf: Vec<u8> = b"%PDF-1.4\n\x00\x01\xfe\xff binary \xd8\xa7 content\n%%EOF".to_vec();
    let (s, doc) = upload(
        &api,
        &format!("{case}/documents"),
        multipart(
            &[("title", "محضر الاستماع")],
            Some(("محضر الاستماع.pdf", "application/pdf", &pdf)),
        ),
    )
    .await;
    assert_eq!(s, 201, "{doc}");
    assert_eq!(doc["content_type"], "application/pdf");
    assert_eq!(doc["size"].as_u64(), Some(pdf.len() as u64));
    let (s, html) = upload(
        &api,
        &format!("{case}/documents"),
        multipart(
            &[("title", "صفحة")],
            Some(("page.html", "text/html", b"<script>alert(1)</script>")),
        ),
    )
    .await;
    assert_eq!(s, 201, "{html}");
    assert_eq!(html["content_type"], "application/octet-stream");
    // A phone's photograph of a letter keeps its picture and loses where it was taken.
    let exif = b"Exif\0\0GPS 34.2133N 4.0103W";
    let mut photo = vec![0xFF, 0xD8, 0xFF, 0xE1, 0, (exif.len() + 2) as u8];
    photo.extend(exif);
    photo.extend([
        0xFF, 0xDB, 0, 4, 0, 1, 0xFF, 0xDA, 0, 2, 0x12, 0x34, 0xFF, 0xD9,
    ]);
    let (s, scan) = upload(
        &api,
        &format!("{case}/documents"),
        multipart(
            &[("title", "صورة الرسالة")],
            Some(("letter.jpg", "image/jpeg", &photo)),
        ),
    )
    .await;
    assert_eq!(s, 201, "{scan}");
    assert_eq!(scan["content_type"], "image/jpeg");
    let stored = api
        .client
        .get(format!("{}{case}/documents/{}", api.base, scan["id"]))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(
        stored.as_ref(),
        &[
            0xFF, 0xD8, 0xFF, 0xDB, 0, 4, 0, 1, 0xFF, 0xDA, 0, 2, 0x12, 0x34, 0xFF, 0xD9
        ][..]
    );
    let (s, e) = upload(
        &api,
        &format!("{case}/documents"),
        multipart(
            &[("title", "فارغ")],
            Some(("empty.pdf", "application/pdf", b"")),
        ),
    )
    .await;
    assert_eq!((s, e["error"].as_str()), (422, Some("case-document-empty")));
    let too_large = vec![b'x'; tanzim_domain::discipline::MAX_DOCUMENT_BYTES + 1];
    let (s, e) = upload(
        &api,
        &format!("{case}/documents"),
        multipart(
            &[("title", "كبير")],
            Some(("big.pdf", "application/pdf", &too_large)),
        ),
    )
    .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("case-document-too-large"))
    );
    assert_eq!(
        api.get(&case).await.1["documents"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let r = api
        .client
        .get(format!("{}{case}/documents/{}", api.base, doc["id"]))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let header = |name: &str| r.headers()[name].to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("x-content-type-options"), "nosniff");
    let disposition = header("content-disposition");
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''%D9%85%D8%AD%D8%B6%D8%B1%20")
            && disposition.ends_with(".pdf"),
        "{disposition}"
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), pdf);
    let (s, _) = api
        .get(format!(
            "{case}/documents/{}",
            doc["id"].as_i64().unwrap() + 1000
        ))
        .await;
    assert_eq!(s, 404);

    // A suspension ending before the decision: refused, and nothing is written.
    let history_before = status_of(&api, amina).await["history"]
        .as_array()
        .unwrap()
        .len();
    let suspend = |until: String| json!({"decision": "suspension", "decided_on": days(0), "until": until, "reasons": "ثبوت المخالفة", "confirm": true});
    let (s, e) = api
        .send("POST", &format!("{case}/decision"), suspend(days(-1)))
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("until-before-date")),
        "{e}"
    );
    // Not confirmed: refused too.
    let unconfirmed =
        json!({"decision": "suspension", "until": days(90), "reasons": "ثبوت المخالفة"});
    let (s, e) = api
        .send("POST", &format!("{case}/decision"), unconfirmed)
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("confirmation-required"))
    );
    let (_, c) = api.get(&case).await;
    assert_eq!(
        (c["status"].as_str(), c["decision"].as_str()),
        (Some("open"), None)
    );
    let m = status_of(&api, amina).await;
    assert_eq!(m["status"], "active");
    assert_eq!(m["history"].as_array().unwrap().len(), history_before);
    assert_eq!(audit_count(&api, "case-decided").await, 0);

    // The suspension: the case, the member's status and history, in one go.
    let (s, c) = api
        .send("POST", &format!("{case}/decision"), suspend(days(90)))
        .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(
        (
            c["status"].as_str(),
            c["decision"].as_str(),
            c["suspended_until"].as_str()
        ),
        (Some("decided"), Some("suspension"), Some(days(90).as_str()))
    );
    assert_eq!(
        (c["notify_phone"].as_bool(), c["notify_email"].as_bool()),
        (Some(true), Some(false))
    );
    let m = status_of(&api, amina).await;
    assert_eq!(
        (m["status"].as_str(), m["suspended_until"].as_str()),
        (Some("suspended"), Some(days(90).as_str()))
    );
    let last = m["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["event"].as_str(),
            last["status"].as_str(),
            last["valid_from"].as_str()
        ),
        (Some("suspend"), Some("suspended"), Some(days(0).as_str()))
    );
    assert_eq!(
        last["decision"].as_str(),
        Some(format!("case:{case_id}").as_str())
    );
    // The history says who decided (in Arabic, the language of record), not why.
    assert_eq!(
        last["reason"].as_str(),
        Some("قرار لجنة الأخلاقيات لدى الأمانة الإقليمية ببني ملال"),
        "{last}"
    );
    assert_eq!(audit_count(&api, "case-decided").await, 1);

    // Decided is final: a second decision, a hearing, a document are refused.
    let (s, e) = api
        .send(
            "POST",
            &format!("{case}/decision"),
            json!({"decision": "warning", "reasons": "x"}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("case-decided")));
    let (s, _) = api
        .send(
            "POST",
            &format!("{case}/hearings"),
            json!({"heard": "x", "summary": "y"}),
        )
        .await;
    assert_eq!(s, 409);
    let (s, _) = upload(
        &api,
        &format!("{case}/documents"),
        multipart(&[("title", "t")], Some(("a.txt", "text/plain", b"late"))),
    )
    .await;
    assert_eq!(s, 409);
    assert_eq!(status_of(&api, amina).await["status"], "suspended");

    // The suspension ends by itself: on its last day the member is still suspended, the
    // day after they are active again, with a history row from that day.
    let last_day = tanzim_web::today() + chrono::Duration::days(90);
    assert_eq!(
        tanzim_store::members::end_suspensions(&app.db, last_day)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        tanzim_store::members::end_suspensions(&app.db, last_day + chrono::Duration::days(3))
            .await
            .unwrap(),
        1
    );
    let m = status_of(&api, amina).await;
    let last = m["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            m["status"].as_str(),
            m["suspended_until"].as_str(),
            last["event"].as_str(),
            last["valid_from"].as_str()
        ),
        (
            Some("active"),
            None,
            Some("reinstate"),
            Some(days(91).as_str())
        )
    );

    // An expulsion of another member.
    let (_, c2) = api.send("POST", &cases_of_body, open(driss)).await;
    let case2 = format!("/api/v1/cases/{}", c2["id"]);
    let expel =
        json!({"decision": "expulsion", "reasons": "تكرار المخالفة بعد الإنذار", "confirm": "true"});
    let (s, c2) = api.send("POST", &format!("{case2}/decision"), expel).await;
    assert_eq!(s, 200, "{c2}");
    assert_eq!(
        (c2["notify_phone"].as_bool(), c2["notify_email"].as_bool()),
        (Some(false), Some(true))
    );
    let m = status_of(&api, driss).await;
    assert_eq!(m["status"], "expelled");
    assert_eq!(
        m["history"].as_array().unwrap().last().unwrap()["decision"].as_str(),
        Some(format!("case:{}", c2["id"]).as_str())
    );
    // An expelled member is not judged again.
    let (s, e) = api.send("POST", &cases_of_body, open(driss)).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (422, Some("member-already-expelled"))
    );

    // Who sees what: the committee of the province, not an officer of the same province
    // (no role for it), nor another region's committee (the case does not exist for it).
    let committee = app
        .user(
            "committee.beni",
            &[(Role::CommitteeMember, Some("05.091"), None)],
        )
        .await;
    let committee = Api::new(&app, app.token(committee).await);
    let (s, list) = committee.get("/api/v1/cases").await;
    assert_eq!((s, list["total"].as_i64()), (200, Some(2)), "{list}");
    let (s, list) = committee.get(format!("/api/v1/cases?member={amina}")).await;
    assert_eq!((s, list["total"].as_i64()), (200, Some(1)), "{list}");
    assert_eq!(committee.get(&case).await.0, 200);
    let officer = app
        .user("officer.beni", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let officer = Api::new(&app, app.token(officer).await);
    assert_eq!(officer.get(&case).await.0, 403);
    assert_eq!(officer.get(&cases_of_body).await.0, 403);
    assert_eq!(
        officer
            .get(format!("{case}/documents/{}", doc["id"]))
            .await
            .0,
        403
    );
    let elsewhere = app
        .user(
            "committee.fes",
            &[(Role::CommitteeMember, Some("03"), None)],
        )
        .await;
    let elsewhere = Api::new(&app, app.token(elsewhere).await);
    assert_eq!(elsewhere.get(&case).await.0, 404);
    assert_eq!(
        elsewhere
            .get(format!("{case}/documents/{}", doc["id"]))
            .await
            .0,
        404
    );
    assert_eq!(elsewhere.get(&cases_of_body).await.0, 404);
    let (s, e) = elsewhere
        .send(
            "POST",
            &format!("{case2}/decision"),
            json!({"decision": "no_action", "reasons": "x"}),
        )
        .await;
    assert_eq!(s, 404, "{e}");
    let (s, list) = elsewhere.get("/api/v1/cases").await;
    assert_eq!((s, list["total"].as_i64()), (200, Some(0)));
    // Reads of the file are on record.
    assert!(audit_count(&api, "case-viewed").await >= 1);
    // The PDF and the photograph.
    assert_eq!(audit_count(&api, "case-document-downloaded").await, 2);

    // One transaction: when the member's change cannot be written (another officer changed
    // the member meanwhile), the case is not decided either.
    let karim = member(&api, "BE200004", "05.091.01.07", None, None).await;
    let (_, c3) = api.send("POST", &cases_of_body, open(karim)).await;
    let c3 = tanzim_store::discipline::get(&app.db, c3["id"].as_i64().unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut stale = tanzim_store::members::get(&app.db, karim)
        .await
        .unwrap()
        .unwrap();
    stale.status = tanzim_domain::members::Status::Lapsed;
    let path = tanzim_domain::territory::TerritoryPath::from_stored(stale.person.path.clone());
    let (on, reference) = (days(0), c3.reference());
    let change = tanzim_store::members::Change {
        event: "expel",
        to_status: tanzim_domain::members::Status::Expelled,
        to_commune: &stale.person.commune_code,
        to_path: &path,
        on: &on,
        suspended_until: None,
        reason: None,
        decision: Some(&reference),
        actor_id: None,
    };
    let entry = |action| tanzim_store::audit::AuditEntry::new(None, "test", action, None);
    let result = tanzim_store::discipline::decide(
        &app.db,
        &c3,
        &tanzim_store::discipline::CaseDecision {
            outcome: "expulsion",
            decided_on: &on,
            suspended_until: None,
            reasons: "x",
            actor_id: None,
        },
        Some(tanzim_store::discipline::MemberEffect {
            member: &stale,
            change: &change,
            audit: entry(tanzim_domain::audit::AuditAction::MemberStatusChanged),
        }),
        entry(tanzim_domain::audit::AuditAction::CaseDecided),
    )
    .await;
    assert!(
        matches!(
            result,
            Err(tanzim_store::StoreError::Conflict("member-changed"))
        ),
        "{result:?}"
    );
    let (_, c3) = api.get(format!("/api/v1/cases/{}", c3.id)).await;
    assert_eq!(
        (c3["status"].as_str(), c3["decision"].as_str()),
        (Some("open"), None)
    );
    assert_eq!(status_of(&api, karim).await["status"], "active");
    assert_eq!(audit_count(&api, "case-decided").await, 2);
}
both_engines!(
    an_ethics_committee_decides_and_the_member_status_follows,
    cases
);

/// The pages, on a phone in Arabic: a body without a committee says so; the committee opens
/// a case by membership number, files a document, and a grave decision is shown back for
/// confirmation before anything is written; the member's page links to the case.
async fn pages(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, body_id) = setup(&app).await;
    let salma = member(&api, "BE300001", "05.091.01.07", None, None).await;
    let number = status_of(&api, salma).await["number"]
        .as_str()
        .unwrap()
        .to_owned();
    app.user(
        "committee",
        &[(Role::CommitteeMember, Some("05.091"), None)],
    )
    .await;
    app.user("officer", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let committee = app.browser("committee").await;
    let officer = app.browser("officer").await;

    let page = committee.get(&format!("/bodies/{body_id}")).await;
    assert!(
        page.body
            .contains(&format!("href=\"/bodies/{body_id}/cases\""))
    );
    let page = officer.get(&format!("/bodies/{body_id}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(!page.body.contains("id=\"body-cases\""));
    let body_cases = format!("/bodies/{body_id}/cases");
    let page = committee.get(&body_cases).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("id=\"no-ethics-committee\"")
            && page.body.contains("id=\"cases-empty\"")
    );
    assert!(!page.body.contains("id=\"open-case\""));
    assert_eq!(officer.get(&body_cases).await.status, 403);

    ethics_committee(&api, body_id).await;
    let page = committee.get(&body_cases).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("id=\"open-case\"") && !page.body.contains("id=\"no-ethics-committee\"")
    );
    // A number that is nobody's: the form again, with what was typed and the reason.
    let r = committee
        .submit(
            &body_cases,
            &body_cases,
            &[("member_number", "05091-999999"), ("grounds", "غياب متكرر")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body.contains("لا يوجد عضو بهذا الرقم") && r.body.contains("غياب متكرر"));
    let r = committee
        .submit(
            &body_cases,
            &body_cases,
            &[
                ("member_number", &number),
                ("grounds", "غياب متكرر عن اجتماعات الفرع"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let case_page = r.location.unwrap();
    let case_id: i64 = case_page.rsplit('/').next().unwrap().parse().unwrap();

    // A document from the page's form (the CSRF token travels in the multipart body).
    let csrf = committee.get(&case_page).await.hidden("csrf");
    let r = committee
        .client
        .post(format!("{}{case_page}/documents", committee.base))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(multipart(
            &[("csrf", &csrf), ("title", "رسالة الاستدعاء")],
            Some(("istidaa.txt", "text/plain", "استدعاء".as_bytes())),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let page = committee.get(&case_page).await;
    assert!(page.body.contains("رسالة الاستدعاء") && page.body.contains("istidaa.txt"));
    let (s, bytes) = committee
        .bytes(&format!("{case_page}/documents/{}", {
            let (_, c) = api.get(format!("/api/v1/cases/{case_id}")).await;
            c["documents"][0]["id"].as_i64().unwrap()
        }))
        .await;
    assert_eq!((s, bytes), (200, "استدعاء".as_bytes().to_vec()));

    // An expulsion is shown back for confirmation; nothing changes until it is confirmed.
    let decision = format!("{case_page}/decision");
    let reasons = "ثبوت الغياب\nرغم الاستدعاء";
    let r = committee
        .submit(
            &case_page,
            &decision,
            &[
                ("decision", "expulsion"),
                ("decided_on", &days(0)),
                ("reasons", reasons),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("id=\"case-confirm\"") && r.body.contains("طرد"),
        "{}",
        r.body
    );
    assert!(r.body.contains("name=\"confirm\" value=\"yes\""));
    assert_eq!(status_of(&api, salma).await["status"], "active");
    assert_eq!(
        api.get(format!("/api/v1/cases/{case_id}")).await.1["status"],
        "open"
    );
    // A bad end date is caught before the confirmation step, with the form kept.
    let r = committee
        .submit(
            &case_page,
            &decision,
            &[
                ("decision", "suspension"),
                ("until", &days(-3)),
                ("reasons", reasons),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(!r.body.contains("id=\"case-confirm\"") && r.body.contains("ثبوت الغياب"));
    // Confirmed, from the page in French: the member is expelled, the case shows the
    // decision and how to notify, and the member's history says it in Arabic all the same.
    assert_eq!(committee.get("/lang/fr?next=/").await.status, 303);
    let r = committee
        .submit(
            &case_page,
            &decision,
            &[
                ("decision", "expulsion"),
                ("decided_on", &days(0)),
                ("reasons", reasons),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(status_of(&api, salma).await["status"], "expelled");
    let (_, c) = api.get(format!("/api/v1/cases/{case_id}")).await;
    assert_eq!(c["reasons"], reasons);
    let page = committee.get(&case_page).await;
    assert!(
        page.body.contains("id=\"case-decision\"") && !page.body.contains("id=\"decision-form\"")
    );
    assert!(
        page.body.contains("Aucun moyen de contact") && page.body.contains("Exclusion"),
        "no contact on file: {}",
        page.body
    );
    let history = status_of(&api, salma).await["history"].clone();
    assert_eq!(
        history.as_array().unwrap().last().unwrap()["reason"].as_str(),
        Some("قرار لجنة الأخلاقيات لدى الأمانة الإقليمية ببني ملال")
    );
    assert_eq!(committee.get("/lang/ar?next=/").await.status, 303);
    let page = committee.get(&case_page).await;
    assert!(page.body.contains("لا توجد أي وسيلة اتصال مسجلة"));

    // The member's page: the committee gets the link to the cases and to the case from the
    // history; an officer sees the status change, not the file.
    let page = committee.get(&format!("/members/{salma}")).await;
    assert!(
        page.body
            .contains(&format!("href=\"/cases?member={salma}\""))
    );
    assert!(page.body.contains(&format!("href=\"/cases/{case_id}\"")));
    let page = officer.get(&format!("/members/{salma}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("الملف التأديبي رقم {case_id}")));
    assert!(
        !page.body.contains(&format!("href=\"/cases/{case_id}\""))
            && !page.body.contains("id=\"member-cases\"")
    );
    assert!(
        !page.body.contains("ثبوت الغياب"),
        "the reasons stay in the file"
    );
    assert_eq!(officer.get(&case_page).await.status, 403);
    let list = committee.get(&format!("/cases?member={salma}")).await;
    assert!(list.body.contains(&format!("href=\"/cases/{case_id}\"")));
    assert_eq!(list.status, 200, "{}", list.body);
    let home = committee.get("/").await;
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(home.body.contains("href=\"/cases\""));
    let home = officer.get("/").await;
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(!home.body.contains("href=\"/cases\""));
}
both_engines!(the_committee_works_from_its_pages, pages);
