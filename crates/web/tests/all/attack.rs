//! The attacks an assessor made, replayed on both engines so that what they found stays
//! closed: natural keys (CIN, name and birth date) that reached across scopes, files that
//! took the server down, contact search outside the contact scope, an organization-limited
//! administrator reading the whole audit log, control characters at the boundary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Browser, Engine, person};
use tanzim_domain::accounts::Role;

/// Beni Mellal's Kasba Tadla, where the attacked member lives; Taounate, where the
/// attacker is an officer.
const KASBA_TADLA: &str = "05.091.01.07";
const TAOUNATE_COMMUNE: &str = "03.531.01.03";

/// A national administrator's API, a member in Kasba Tadla (CIN BM000001), and an officer
/// of Taounate signed in on the web.
async fn setup(app: &common::TestApp) -> (Api, i64, Browser, i64) {
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(app, app.token(admin).await);
    let (status, created) = api
        .send("POST", "/api/v1/members", person("BM000001", KASBA_TADLA))
        .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    let officer = app
        .user("taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    let web = app.browser("taounate").await;
    (api, id, web, officer)
}

/// Finding 1: an import in update mode found the member by CIN anywhere and overwrote it.
async fn import_update_outside_scope(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, id, taounate, _) = setup(&app).await;
    let before = api.get(format!("/api/v1/members/{id}")).await.1;
    let roll = format!(
        "first_name_ar,last_name_ar,sex,birth_date,cin,phone,address,commune\n\
         فاطمة,الزهراء,F,1990-12-08,BM000001,0699999999,Derb Attacker,{TAOUNATE_COMMUNE}\n"
    );
    assert_eq!(
        taounate.import_roll(&roll, "update").await,
        "imported 0, updated 0, rejected 0, review 0, referred 1"
    );
    let after = api.get(format!("/api/v1/members/{id}")).await.1;
    assert_eq!(after["phone"], before["phone"], "the phone is untouched");
    assert_eq!(after["address"], serde_json::Value::Null);
    assert_eq!(after["phone"], "+212612345678");

    // The referral waits where both places meet (here the country), not in the attacker's
    // queue, and not in Beni Mellal's either, which does not cover Taounate.
    let queue = taounate.get("/members/reviews").await;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains("class=\"empty\""), "{}", queue.body);
    assert!(!queue.body.contains("BM000001"));
    let bm_admin_id = app
        .user("bm-admin", &[(Role::Administrator, Some("05.091"), None)])
        .await;
    let bm = app.browser("bm-admin").await.get("/members/reviews").await;
    assert_eq!(bm.status, 200);
    assert!(bm.body.contains("class=\"empty\""), "{}", bm.body);
    let national = app.browser("admin").await.get("/members/reviews").await;
    assert!(national.body.contains("BM000001"), "{}", national.body);

    // Inside the officer's scope the update happens, and its audit entry names the member
    // and its place, so that the province's administrators see it.
    app.user("bm-officer", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let bm_officer = app.browser("bm-officer").await;
    let roll = format!(
        "first_name_ar,last_name_ar,sex,birth_date,cin,phone,commune\n\
         فاطمة,الزهراء,F,1990-12-08,BM000001,0677777777,{KASBA_TADLA}\n"
    );
    assert_eq!(
        bm_officer.import_roll(&roll, "update").await,
        "imported 0, updated 1, rejected 0, review 0, referred 0"
    );
    assert_eq!(
        api.get(format!("/api/v1/members/{id}")).await.1["phone"],
        "+212677777777"
    );
    let bm_admin = Api::new(&app, app.token(bm_admin_id).await);
    let (_, log) = bm_admin.get("/api/v1/audit?action=members-imported").await;
    let targeted: Vec<_> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target_kind"] == "member")
        .collect();
    assert_eq!(targeted.len(), 1, "{log}");
    assert_eq!(targeted[0]["target_id"], id.to_string());
    assert_eq!(targeted[0]["scope_path"], "05/05.091/05.091.01.07/");
}
both_engines!(
    an_import_never_updates_a_member_outside_scope,
    import_update_outside_scope
);

/// Finding 3: a row with a new CIN but another province's member's name and birth date
/// showed that member, unmasked, in the importer's review queue.
async fn review_outside_scope(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, id, taounate, _) = setup(&app).await;
    let number = api.get(format!("/api/v1/members/{id}")).await.1["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let roll = format!(
        "first_name_ar,last_name_ar,first_name_lat,last_name_lat,sex,birth_date,cin,commune\n\
         فاطمة,الزهراء,Fatima,Zahra,F,1990-12-08,TA000001,{TAOUNATE_COMMUNE}\n"
    );
    assert_eq!(
        taounate.import_roll(&roll, "report").await,
        "imported 0, updated 0, rejected 0, review 0, referred 1"
    );
    let queue = taounate.get("/members/reviews").await;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains("class=\"empty\""), "{}", queue.body);
    for secret in ["BM000001", number.as_str()] {
        assert!(
            !queue.body.contains(secret),
            "{secret} shown: {}",
            queue.body
        );
    }
    let national = app.browser("admin").await.get("/members/reviews").await;
    assert!(national.body.contains("TA000001"), "{}", national.body);
    assert!(national.body.contains(&number), "{}", national.body);
}
both_engines!(a_review_reveals_nothing_outside_scope, review_outside_scope);

/// Finding 8: a CIN of another province's member answered `cin-taken`.
async fn cin_oracle(engine: Engine) {
    let app = common::spawn(engine).await;
    let (_, _, _, officer) = setup(&app).await;
    let taounate = Api::new(&app, app.token(officer).await);
    let (status, body) = taounate
        .send(
            "POST",
            "/api/v1/members",
            person("BM000001", TAOUNATE_COMMUNE),
        )
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("cin-referred"))
    );
    assert!(!body.to_string().contains("05.091"), "{body}");
    let bm_officer = app
        .user("bm-officer", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let bm = Api::new(&app, app.token(bm_officer).await);
    let (status, body) = bm
        .send("POST", "/api/v1/members", person("BM000001", KASBA_TADLA))
        .await;
    assert_eq!((status, body["error"].as_str()), (409, Some("cin-taken")));
    let national = app.browser("admin").await.get("/members/reviews").await;
    assert!(national.body.contains("BM000001"), "{}", national.body);
}
both_engines!(a_cin_elsewhere_is_referred_not_revealed, cin_oracle);

/// Finding 2: a two-cell workbook whose cells sit at opposite corners of the sheet made
/// the reader allocate 17 billion cells and abort the process.
async fn sparse_workbook(engine: Engine) {
    let app = common::spawn(engine).await;
    let (_, _, taounate, _) = setup(&app).await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "cin").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let page = taounate.upload_roll("corners.xlsx", &bytes, "report").await;
    assert_eq!(page.status, 422);
    let page = page.body;
    assert!(
        page.contains("يحتوي الملف على أعمدة أكثر من المسموح به"),
        "{page}"
    );
    let alive = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(alive.status().as_u16(), 200, "the server is still up");
}
both_engines!(a_sparse_workbook_is_refused_not_fatal, sparse_workbook);

/// Finding 6: one contact-seeing role anywhere turned on nationwide search by CIN and phone.
async fn contact_search(engine: Engine) {
    let app = common::spawn(engine).await;
    setup(&app).await;
    let mixed = app
        .user(
            "mixed",
            &[
                (Role::CommitteeMember, Some("03.531"), None),
                (Role::CommunicationOfficer, None, None),
            ],
        )
        .await;
    let api = Api::new(&app, app.token(mixed).await);
    for q in ["BM000001", "0612345678"] {
        let (status, found) = api.get(format!("/api/v1/members?q={q}")).await;
        assert_eq!(
            (status, found["total"].as_i64()),
            (200, Some(0)),
            "{q}: {found}"
        );
    }
    // By name the communication officer finds the member, without contact details.
    let (_, found) = api.get("/api/v1/members?q=Zahra").await;
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["items"][0]["cin"], "");
    assert_eq!(found["items"][0]["phone"], serde_json::Value::Null);
}
both_engines!(
    contacts_are_searched_only_where_they_are_seen,
    contact_search
);

/// Finding 5: an administrator limited to the women's organization read every entry.
async fn audit_by_organization(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, _, _) = setup(&app).await;
    let mut woman = person("WO000001", KASBA_TADLA);
    woman["affiliations"] = serde_json::json!("women");
    let (status, created) = api.send("POST", "/api/v1/members", woman).await;
    assert_eq!(status, 201, "{created}");
    let women_admin = app
        .user("women-admin", &[(Role::Administrator, None, Some("women"))])
        .await;
    let women = Api::new(&app, app.token(women_admin).await);
    let (status, log) = women.get("/api/v1/audit").await;
    assert_eq!(status, 200, "{log}");
    let items = log["items"].as_array().unwrap();
    let seen: Vec<(&str, &str)> = items
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["target_id"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let her = created["id"].as_i64().unwrap().to_string();
    assert_eq!(seen, vec![("member-created", her.as_str())], "{log}");
}
both_engines!(
    an_organization_administrator_reads_its_own_entries,
    audit_by_organization
);

/// Finding 10: a NUL byte answered 500 on PostgreSQL.
async fn control_characters(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, _, _) = setup(&app).await;
    let mut nul = person("NU000001", KASBA_TADLA);
    nul["first_name_ar"] = serde_json::json!("فاطمة\u{0}");
    let (status, body) = api.send("POST", "/api/v1/members", nul).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("text-control-character"))
    );
    let mut early = person("NU000002", KASBA_TADLA);
    early["joined_on"] = serde_json::json!("0001-01-01");
    let (status, body) = api.send("POST", "/api/v1/members", early).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (422, Some("date-invalid"))
    );
    let mut young = person("NU000003", KASBA_TADLA);
    young["joined_on"] = serde_json::json!("2000-01-01");
    let (status, body) = api.send("POST", "/api/v1/members", young).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (422, Some("joined-before-minimum-age"))
    );
    let mut spoofed = person("NU000004", KASBA_TADLA);
    spoofed["last_name_lat"] = serde_json::json!("Zahra\u{202E}gpj.exe");
    let (status, body) = api.send("POST", "/api/v1/members", spoofed).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["last_name_lat"], "Zahragpj.exe");
}
both_engines!(
    control_characters_are_refused_at_the_boundary,
    control_characters
);

/// A sibling of finding 3: the committee's application page listed every other
/// application with the same CIN, wherever it was filed.
async fn applications_with_the_same_cin(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, _, _) = setup(&app).await;
    let (status, theirs) = api
        .send(
            "POST",
            "/api/v1/applications",
            person("AP000001", KASBA_TADLA),
        )
        .await;
    assert_eq!(status, 201, "{theirs}");
    let (status, ours) = api
        .send(
            "POST",
            "/api/v1/applications",
            person("AP000001", TAOUNATE_COMMUNE),
        )
        .await;
    assert_eq!(status, 201, "{ours}");
    app.user(
        "ta-committee",
        &[(Role::CommitteeMember, Some("03.531"), None)],
    )
    .await;
    let committee = app.browser("ta-committee").await;
    let page = committee
        .get(&format!("/applications/{}", ours["id"].as_i64().unwrap()))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let reference = theirs["reference"].as_str().unwrap();
    assert!(!page.body.contains(reference), "{}", page.body);
    // The national administrator sees both.
    let national = app.browser("admin").await;
    let page = national
        .get(&format!("/applications/{}", ours["id"].as_i64().unwrap()))
        .await;
    assert!(page.body.contains(reference), "{}", page.body);
}
both_engines!(
    applications_elsewhere_are_not_listed,
    applications_with_the_same_cin
);
