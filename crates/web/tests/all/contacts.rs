//! Sympathisers and contacts, each story on SQLite and on PostgreSQL: recorded with their
//! consent, scoped like members, never counted as members, converted into an application,
//! erased, exported.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{self, Api, Engine, TestApp};
use serde_json::{Value, json};
use tanzim_domain::accounts::Role;

const KASBA_TADLA: &str = "05.091.01.07";

/// A contact as an officer records it, with its consent.
fn contact() -> Value {
    json!({
        "first_name_ar": "سعاد", "last_name_ar": "العلوي", "first_name_lat": "Souad", "last_name_lat": "Alaoui",
        "phone": "06 12 34 56 78", "commune": KASBA_TADLA,
        "consent_on": "2026-11-20", "consent_source": "meeting",
        "consent_wording": "أوافق على أن يتصل بي الحزب",
    })
}

/// An officer of Béni Mellal (API and browser) and one of Taounate (API).
async fn officers(app: &TestApp) -> (Api, Api) {
    let beni = app
        .user("officer.beni", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let taounate = app
        .user("officer.taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    (
        Api::new(app, app.token(beni).await),
        Api::new(app, app.token(taounate).await),
    )
}

async fn record(api: &Api, body: Value) -> i64 {
    let (s, c) = api.send("POST", "/api/v1/contacts", body).await;
    assert_eq!(s, 201, "{c}");
    c["id"].as_i64().unwrap()
}

async fn rows(app: &TestApp, table: &str) -> i64 {
    common::count(&app.db, &format!("SELECT COUNT(*) FROM {table}")).await
}

async fn recorded_with_consent_and_scoped(engine: Engine) {
    let app = common::spawn(engine).await;
    let (beni, taounate) = officers(&app).await;
    let id = record(&beni, contact()).await;
    let (s, list) = beni.get("/api/v1/contacts").await;
    assert_eq!(s, 200, "{list}");
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"].as_i64(), Some(id));
    assert_eq!(list["items"][0]["phone"], "+212612345678");
    assert_eq!(list["items"][0]["consent_source"], "meeting");
    assert_eq!(list["items"][0]["status"], "active");
    // Searched by name (either script, any spelling's skeleton) or by phone.
    for q in [
        "سعاد",
        "alaoui",
        "Souad%20Alao",
        "0612345678",
        "%2B212612345678",
    ] {
        let (s, found) = beni.get(format!("/api/v1/contacts?q={q}")).await;
        assert_eq!((s, found["total"].as_i64()), (200, Some(1)), "{q}: {found}");
    }
    let (_, none) = beni.get("/api/v1/contacts?q=فاطمة").await;
    assert_eq!(none["total"], 0, "{none}");

    // Without consent: every missing part named, localized, nothing saved.
    let before = rows(&app, "contacts").await;
    let mut bare = contact();
    for part in ["consent_on", "consent_source", "consent_wording"] {
        bare.as_object_mut().unwrap().remove(part);
    }
    let (s, e) = beni.send("POST", "/api/v1/contacts", bare).await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["error"], "contact-consent-required");
    assert_eq!(e["field"], "consent_on");
    assert_eq!(
        e["message"],
        "لا يسجل أي شخص دون موافقته: تاريخها وطريقتها ونصها مطلوبة."
    );
    let mut unknown = contact();
    unknown["consent_source"] = json!("rumour");
    let (s, e) = beni.send("POST", "/api/v1/contacts", unknown).await;
    assert_eq!(
        (s, e["field"].as_str()),
        (422, Some("consent_source")),
        "{e}"
    );
    // The form shows the rule beside its field and keeps what was typed.
    let browser = app.browser("officer.beni").await;
    let page = browser
        .submit(
            "/contacts",
            "/contacts",
            &[
                ("first_name_ar", "سعاد"),
                ("last_name_ar", "العلوي"),
                ("commune", KASBA_TADLA),
                ("consent_source", "meeting"),
                ("consent_wording", ""),
                ("consent_on", ""),
            ],
        )
        .await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(
        page.body.contains("لا يسجل أي شخص دون موافقته"),
        "{}",
        page.body
    );
    assert!(page.body.contains("value=\"سعاد\""));
    assert_eq!(rows(&app, "contacts").await, before);
    // The page lists the contact; a fresh search shows the empty state.
    let list = browser.get("/contacts").await;
    assert_eq!(list.status, 200);
    assert!(
        list.body.contains(&format!("/contacts/{id}")),
        "{}",
        list.body
    );
    let empty = browser.get("/contacts?q=Zzzyx").await;
    assert!(empty.body.contains("class=\"empty\""), "{}", empty.body);
    let page = browser.get(&format!("/contacts/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("أوافق على أن يتصل بي الحزب"));

    // Another province's officer: not found, not listed, not found by search, and may
    // not record anyone in Béni Mellal.
    let (s, _) = taounate.get(format!("/api/v1/contacts/{id}")).await;
    assert_eq!(s, 404);
    for q in ["", "?q=سعاد", "?q=0612345678"] {
        let (s, list) = taounate.get(format!("/api/v1/contacts{q}")).await;
        assert_eq!((s, list["total"].as_i64()), (200, Some(0)), "{q}: {list}");
    }
    let (s, _) = taounate.send("POST", "/api/v1/contacts", contact()).await;
    assert_eq!(s, 403);
    let (s, _) = taounate
        .send(
            "POST",
            format!("/api/v1/contacts/{id}/erase"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 404);
    // Reads are on record, without the person.
    let viewed = common::count(
        &app.db,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'contact-viewed' AND target_id = '{id}'"
        ),
    )
    .await;
    assert_eq!(viewed, 1);
}
both_engines!(
    contacts_are_recorded_with_consent_and_scoped,
    recorded_with_consent_and_scoped
);

/// The member list's total and the statistics of the province, as an officer sees them.
async fn seen(api: &Api) -> (Value, Value) {
    let (_, members) = api.get("/api/v1/members?territory=05.091").await;
    let (_, stats) = api.get("/api/v1/stats/members?territory=05.091").await;
    (members["total"].clone(), stats)
}

async fn never_members(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let (s, m) = api
        .send(
            "POST",
            "/api/v1/members",
            common::person("AB123456", KASBA_TADLA),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let before = seen(&api).await;
    let counters = common::count(
        &app.db,
        "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM member_counts",
    )
    .await;
    for phone in ["0612345670", "0612345671", "0612345672"] {
        let mut c = contact();
        c["phone"] = json!(phone);
        c["sex"] = json!("F");
        c["birth_date"] = json!("1990-01-01");
        record(&api, c).await;
    }
    assert_eq!(seen(&api).await, before);
    assert_eq!(before.0, 1);
    assert_eq!(
        common::count(
            &app.db,
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM member_counts"
        )
        .await,
        counters
    );
    assert_eq!(rows(&app, "members").await, 1);
}
both_engines!(contacts_are_never_counted_as_members, never_members);

async fn converted_once(engine: Engine) {
    let app = common::spawn(engine).await;
    let (beni, _) = officers(&app).await;
    let id = record(&beni, contact()).await;
    let path = format!("/api/v1/contacts/{id}/convert");
    // What an application needs and the record lacks is asked, each named.
    let (s, e) = beni.send("POST", &path, json!({})).await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["field"], "sex");
    assert_eq!(rows(&app, "applications").await, 0);
    let (s, done) = beni
        .send(
            "POST",
            &path,
            json!({"sex": "F", "birth_date": "1991-04-02", "cin": "BK 123456"}),
        )
        .await;
    assert_eq!(s, 201, "{done}");
    let application = done["application_id"].as_i64().unwrap();
    assert_eq!(done["contact"]["status"], "converted");
    assert_eq!(
        done["contact"]["application_id"].as_i64(),
        Some(application)
    );
    assert_eq!(rows(&app, "applications").await, 1);
    let (s, a) = beni
        .get(format!("/api/v1/applications/{application}"))
        .await;
    assert_eq!(s, 200, "{a}");
    assert_eq!(a["status"], "pending");
    assert_eq!(a["first_name_ar"], "سعاد");
    assert_eq!(a["last_name_lat"], "Alaoui");
    assert_eq!(a["commune_code"], KASBA_TADLA);
    assert_eq!(a["cin"], "BK123456");
    assert_eq!(a["phone"], "+212612345678");
    // A second conversion is refused and files nothing.
    let (s, e) = beni
        .send(
            "POST",
            &path,
            json!({"sex": "F", "birth_date": "1991-04-02", "cin": "BK123456"}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("contact-converted")));
    assert_eq!(rows(&app, "applications").await, 1);
    let converted = common::count(
        &app.db,
        &format!("SELECT COUNT(*) FROM audit_log WHERE action = 'contact-converted' AND target_id = '{id}'"),
    )
    .await;
    assert_eq!(converted, 1);
    // The page form converts in one step too, and sends the officer to the application.
    let other = record(&beni, {
        let mut c = contact();
        c["sex"] = json!("M");
        c["birth_date"] = json!("1985-06-30");
        c["cin"] = json!("BK654321");
        c["first_name_ar"] = json!("كريم");
        c
    })
    .await;
    let browser = app.browser("officer.beni").await;
    let r = browser
        .submit(
            &format!("/contacts/{other}"),
            &format!("/contacts/{other}/convert"),
            &[],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(r.location.unwrap().starts_with("/applications/"));
    assert_eq!(rows(&app, "applications").await, 2);
}
both_engines!(a_contact_becomes_one_pending_application, converted_once);

async fn erased(engine: Engine) {
    let app = common::spawn(engine).await;
    let (beni, _) = officers(&app).await;
    let mut c = contact();
    c["email"] = json!("souad@example.ma");
    c["notes"] = json!("تحب العمل الجمعوي");
    let id = record(&beni, c).await;
    let path = format!("/api/v1/contacts/{id}/erase");
    let (s, e) = beni.send("POST", &path, json!({})).await;
    assert_eq!(
        (s, e["error"].as_str()),
        (400, Some("confirmation-required"))
    );
    let (s, after) = beni.send("POST", &path, json!({"confirm": "yes"})).await;
    assert_eq!(s, 200, "{after}");
    assert_eq!(after["status"], "erased");
    // The row is still there, its personal data gone.
    let left = common::count(
        &app.db,
        &format!(
            "SELECT COUNT(*) FROM contacts WHERE id = {id} AND first_name_ar IS NULL AND last_name_ar IS NULL
             AND first_name_lat IS NULL AND last_name_lat IS NULL AND phone IS NULL AND email IS NULL
             AND notes IS NULL AND consent_wording IS NULL AND search_terms = '' AND erased_at IS NOT NULL"
        ),
    )
    .await;
    assert_eq!(left, 1);
    // No audit entry about the contact carries any of it.
    let entries = common::count(
        &app.db,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE target_kind = 'contact' AND target_id = '{id}'"
        ),
    )
    .await;
    assert_eq!(entries, 2, "created and erased");
    for personal in [
        "سعاد",
        "العلوي",
        "Souad",
        "Alaoui",
        "612345678",
        "souad@",
        "الجمعوي",
    ] {
        let carrying = common::count(
            &app.db,
            &format!("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%{personal}%' OR target_id LIKE '%{personal}%'"),
        )
        .await;
        assert_eq!(carrying, 0, "{personal}");
    }
    let (_, list) = beni.get("/api/v1/contacts").await;
    assert_eq!(list["total"], 0);
    let (s, e) = beni.send("POST", &path, json!({"confirm": "yes"})).await;
    assert_eq!((s, e["error"].as_str()), (409, Some("contact-erased")));
    let (s, e) = beni
        .send("POST", format!("/api/v1/contacts/{id}/convert"), json!({}))
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("contact-erased")));
    // The page asks for the confirmation too.
    let other = record(&beni, contact()).await;
    let browser = app.browser("officer.beni").await;
    let form = format!("/contacts/{other}");
    let action = format!("/contacts/{other}/erase");
    assert_eq!(browser.submit(&form, &action, &[]).await.status, 400);
    let r = browser.submit(&form, &action, &[("confirm", "yes")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = browser.get(&form).await;
    assert!(!page.body.contains("سعاد"), "{}", page.body);
}
both_engines!(erasure_removes_the_personal_data, erased);

async fn exported(engine: Engine) {
    let app = common::spawn(engine).await;
    let (beni, taounate) = officers(&app).await;
    let id = record(&beni, contact()).await;
    let mut women = contact();
    women["organization"] = json!("women");
    women["phone"] = json!("0712345678");
    women["sex"] = json!("F");
    let second = record(&beni, women).await;
    let browser = app.browser("officer.beni").await;
    let (s, bytes) = browser.bytes("/contacts/export.csv").await;
    assert_eq!(s, 200);
    let text = String::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{FEFF}').expect("a BOM");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,first_name_ar,last_name_ar,first_name_lat,last_name_lat,sex,phone,email,commune_code,commune,organization,consent_on,consent_source,consent_wording,status,application_id"
    );
    assert_eq!(
        lines[1],
        format!(
            "{id},سعاد,العلوي,Souad,Alaoui,,+212612345678,,05.091.01.07,Kasba Tadla,,2026-11-20,meeting,أوافق على أن يتصل بي الحزب,active,"
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "{second},سعاد,العلوي,Souad,Alaoui,F,+212712345678,,05.091.01.07,Kasba Tadla,women,2026-11-20,meeting,أوافق على أن يتصل بي الحزب,active,"
        )
    );
    assert_eq!(lines.len(), 3);
    // The download is on record; a token may not take it; another province gets nothing.
    let exports = common::count(
        &app.db,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'contacts-exported'",
    )
    .await;
    assert_eq!(exports, 1);
    let r = reqwest::Client::new()
        .get(app.url("/contacts/export.csv"))
        .bearer_auth(&beni.token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let _ = taounate;
    let elsewhere = app.browser("officer.taounate").await;
    let (s, bytes) = elsewhere.bytes("/contacts/export.csv").await;
    assert_eq!(s, 200);
    assert_eq!(String::from_utf8(bytes).unwrap().lines().count(), 1);
}
both_engines!(contacts_export_as_csv, exported);

/// The sympathisers a body may list among its attendees, as the meeting's attendance will
/// ask for them (the command the meetings' form is to call).
async fn attendance(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let body = |organization: &str, kind: &str| json!({"organization": organization, "kind": kind, "territory": "05.091"});
    let (s, party) = api
        .send(
            "POST",
            "/api/v1/bodies",
            body("party", "provincial_secretariat"),
        )
        .await;
    assert_eq!(s, 201, "{party}");
    let (s, women) = api
        .send("POST", "/api/v1/bodies", body("women", "provincial_office"))
        .await;
    assert_eq!(s, 201, "{women}");
    let mut ids = Vec::new();
    for (organization, commune) in [
        (None, KASBA_TADLA),
        (Some("women"), KASBA_TADLA),
        (None, "03.531.01.05"),
    ] {
        let mut c = contact();
        c["commune"] = json!(commune);
        if let Some(o) = organization {
            c["organization"] = json!(o);
        }
        ids.push(record(&api, c).await);
    }
    let erased = record(&api, contact()).await;
    let (s, _) = api
        .send(
            "POST",
            format!("/api/v1/contacts/{erased}/erase"),
            json!({"confirm": "yes"}),
        )
        .await;
    assert_eq!(s, 200);
    let commands = tanzim_commands::App::new(
        app.db.clone(),
        tanzim_domain::org::Profile::default_profile().unwrap(),
    );
    let listed = |user: i64, body: i64| {
        let commands = commands.clone();
        let db = app.db.clone();
        async move {
            let (principal, _) = tanzim_store::accounts::principal(&db, user)
                .await
                .unwrap()
                .unwrap();
            let actor = tanzim_commands::Actor::user(&principal, "test");
            let body = tanzim_store::bodies::get(&db, body).await.unwrap().unwrap();
            tanzim_commands::contacts::for_attendance(&commands, &actor, &body)
                .await
                .map(|cs| cs.iter().map(|c| c.id).collect::<Vec<_>>())
        }
    };
    let party = party["id"].as_i64().unwrap();
    let women = women["id"].as_i64().unwrap();
    // The party's body: every sympathiser of its province; the women's: its own.
    assert_eq!(listed(admin, party).await.unwrap(), vec![ids[0], ids[1]]);
    assert_eq!(listed(admin, women).await.unwrap(), vec![ids[1]]);
    // The officer of the women's organization sees its own only, even at the party's body.
    let women_officer = app
        .user(
            "officer.women",
            &[(Role::Officer, Some("05"), Some("women"))],
        )
        .await;
    assert_eq!(listed(women_officer, women).await.unwrap(), vec![ids[1]]);
    assert!(listed(women_officer, party).await.is_err());
    // Another province's officer: not found; the committee: not theirs.
    let taounate = app
        .user("officer.taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    assert!(matches!(
        listed(taounate, party).await,
        Err(tanzim_commands::Error::NotFound)
    ));
    let committee = app
        .user("committee", &[(Role::CommitteeMember, Some("05"), None)])
        .await;
    assert!(matches!(
        listed(committee, party).await,
        Err(tanzim_commands::Error::Forbidden)
    ));
}
both_engines!(a_body_lists_its_sympathisers_for_attendance, attendance);
