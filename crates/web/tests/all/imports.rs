//! Importing member rolls, on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, person};
use std::collections::HashMap;
use tanzim_domain::accounts::Role;
use tanzim_domain::org::Profile;
use tanzim_reports::roll::{Options, import_file};
use tanzim_store::imports::OnExisting;

pub(crate) fn options(on_existing: OnExisting, dry_run: bool) -> Options<'static> {
    Options {
        on_existing,
        dry_run,
        actor: "test",
        actor_id: None,
        token: &tanzim_web::auth::random_token,
        scope: None,
        reach: None,
        today: tanzim_web::today(),
    }
}

async fn roll(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    // A member already there, whom a row of the file resembles (same name and birth date).
    let mut existing = person("ZZ999999", "05.091.01.07");
    existing["first_name_ar"] = serde_json::json!("محمد");
    existing["last_name_ar"] = serde_json::json!("العلوي");
    existing["first_name_lat"] = serde_json::json!("Mohamed");
    existing["last_name_lat"] = serde_json::json!("Alaoui");
    existing["birth_date"] = serde_json::json!("1980-03-12");
    assert_eq!(api.send("POST", "/api/v1/members", existing).await.0, 201);

    // French Excel on an Arabic Windows: Windows-1256, `;`, French and Arabic headers.
    let text = "Prénom;Nom;الاسم;النسب;Sexe;Date de naissance;CIN;Téléphone;Commune\n\
                Khadija;Bennani;خديجة;بناني;F;12/03/1990;BE100001;0661000001;05.091.01.07\n\
                Youssef;Tazi;يوسف;التازي;M;1985-07-01;BE100002;;03.531.01.03\n\
                Bad;Cin;;;M;1985-07-01;123;;05.091.01.07\n\
                Nowhere;Man;;;M;1985-07-01;BE100004;;99.999.99.99\n\
                Mohamed;Alaoui;محمد;العلوي;M;12/03/1980;BE100005;;05.091.01.01\n\
                Khadija;Bennani;;;F;12/03/1990;BE100001;;05.091.01.07\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    let profile = Profile::default_profile().unwrap();
    let none = HashMap::new();

    let (dry, dry_file) = import_file(
        &app.db,
        &profile,
        &bytes,
        &none,
        &options(OnExisting::Report, true),
    )
    .await
    .unwrap();
    // The dry run says what the import will do: line 6 resembles the member already
    // there, so it goes to review (the preview used to count it as imported).
    assert_eq!(
        dry.line(),
        "imported 2, updated 0, rejected 3, review 1, referred 0"
    );
    // The dry run's file: the header, then each refused row with its line and reason, in
    // the file's own separator.
    let dry_lines: Vec<&str> = dry_file.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(dry_lines.len(), 4, "{dry_file}");
    assert!(
        dry_lines[0].starts_with("line;reason;Prénom;Nom;"),
        "{dry_file}"
    );
    assert!(
        dry_lines[1].starts_with("4;cin-invalid;Bad;Cin;"),
        "{dry_file}"
    );
    assert!(
        dry_lines[2].starts_with("5;commune-unknown;Nowhere;Man;"),
        "{dry_file}"
    );
    assert!(
        dry_lines[3].starts_with("7;cin-repeated-in-file;Khadija;"),
        "{dry_file}"
    );
    assert_eq!(
        api.get("/api/v1/members").await.1["total"],
        1,
        "a dry run writes nothing"
    );

    let (first, rejected_file) = import_file(
        &app.db,
        &profile,
        &bytes,
        &none,
        &options(OnExisting::Report, false),
    )
    .await
    .unwrap();
    assert_eq!(
        first.line(),
        "imported 2, updated 0, rejected 3, review 1, referred 0"
    );
    let reasons: Vec<(u64, &str)> = first
        .rejected
        .iter()
        .map(|(l, r)| (*l, r.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (4, "cin-invalid"),
            (5, "commune-unknown"),
            (7, "cin-repeated-in-file")
        ]
    );
    assert!(
        rejected_file.starts_with('\u{FEFF}')
            && rejected_file.contains("cin-invalid")
            && rejected_file.contains("Nowhere")
    );

    // The imported members are searchable across scripts and counted.
    let (_, found) = api.get("/api/v1/members?q=Khadija").await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["phone"], "+212661000001");
    let (_, stats) = api.get("/api/v1/stats/members?territory=05.091").await;
    assert_eq!(stats["active"], 2);

    // The same file again changes nothing: the members are reported, the review is filed once.
    let (second, _) = import_file(
        &app.db,
        &profile,
        &bytes,
        &none,
        &options(OnExisting::Report, false),
    )
    .await
    .unwrap();
    assert_eq!((second.imported, second.updated, second.review), (0, 0, 0));
    assert_eq!(api.get("/api/v1/members").await.1["total"], 3);
    // Updating existing members takes the file's contact details, once.
    let changed = text.replace("0661000001", "0661000009");
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&changed);
    let (third, _) = import_file(
        &app.db,
        &profile,
        &bytes,
        &none,
        &options(OnExisting::Update, false),
    )
    .await
    .unwrap();
    assert_eq!((third.imported, third.updated), (0, 1));
    let (fourth, _) = import_file(
        &app.db,
        &profile,
        &bytes,
        &none,
        &options(OnExisting::Update, false),
    )
    .await
    .unwrap();
    assert_eq!((fourth.imported, fourth.updated), (0, 0));
    // One entry per import, and one for the member the third import updated, placed
    // where that member is.
    let (_, log) = api.get("/api/v1/audit?action=members-imported").await;
    assert_eq!(log["total"], 5);
    let updated: Vec<_> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["target_kind"] == "member")
        .collect();
    assert_eq!(updated.len(), 1, "{log}");

    // The probable duplicate waits in the review queue of its province, not of another.
    app.user("fes", &[(Role::Officer, Some("03.531"), None)])
        .await;
    let fes = app.browser("fes").await;
    let theirs = fes.get("/members/reviews").await;
    assert_eq!(theirs.status, 200);
    assert!(!theirs.body.contains("BE100005"));
    let b = app.browser("admin").await;
    let queue = b.get("/members/reviews").await;
    assert!(
        queue.body.contains("BE100005") && queue.body.contains("ZZ999999"),
        "{}",
        queue.body
    );
    let id: i64 = queue
        .body
        .split("id=\"review-")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let csrf = queue.hidden("csrf");
    let path = format!("/members/reviews/{id}/distinct");
    assert_eq!(
        fes.post(&path, &[("csrf", &theirs.hidden("csrf"))])
            .await
            .status,
        404
    );
    // A different person: added as a member, once.
    let done = b.post(&path, &[("csrf", &csrf)]).await;
    assert_eq!(done.status, 303);
    assert_eq!(api.get("/api/v1/members").await.1["total"], 4);
    let queue = b.get("/members/reviews").await;
    assert_eq!(queue.status, 200, "{}", queue.body);
    assert!(!queue.body.contains("BE100005"));
    let again = b.post(&path, &[("csrf", &csrf)]).await;
    assert_eq!(again.status, 409);
    assert_eq!(api.get("/api/v1/members").await.1["total"], 4);
    let (_, log) = api.get("/api/v1/audit?action=review-decided").await;
    assert_eq!(log["total"], 1);
}
both_engines!(rolls_are_imported_in_batches_and_idempotently, roll);

/// A roll larger than a batch: numbers stay unique across multi-row statements, probable
/// duplicates are caught within a batch and across batches, and a search for a name shared
/// by more members than a search counts says so.
async fn large_roll(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let families = ["Alaoui", "Bennani", "Tazi"];
    let mut text = String::from("first_name_lat,last_name_lat,sex,birth_date,cin,commune_code\n");
    for i in 0..1200u32 {
        let birth = format!(
            "{}-{:02}-{:02}",
            1950 + i / 300,
            1 + (i / 25) % 12,
            1 + i % 25
        );
        let family = families[(i % 3) as usize];
        text.push_str(&format!(
            "Mohamed,{family},M,{birth},QA{i:06},05.091.01.07\n"
        ));
    }
    // Line 1202: the same person as line 3 (row 1) under another CIN, in the next batch;
    // line 1203 repeats it within that batch, under a third CIN.
    text.push_str("Mohamed,Bennani,M,1950-01-02,QB000001,05.091.01.07\n");
    text.push_str("Mohamed,Bennani,M,1950-01-02,QB000002,05.091.01.07\n");
    let profile = Profile::default_profile().unwrap();
    let (summary, _) = import_file(
        &app.db,
        &profile,
        text.as_bytes(),
        &HashMap::new(),
        &options(OnExisting::Report, false),
    )
    .await
    .unwrap();
    assert_eq!(
        summary.line(),
        "imported 1200, updated 0, rejected 0, review 2, referred 0"
    );
    let (_, stats) = api.get("/api/v1/stats/members?territory=05.091").await;
    assert_eq!(stats["active"], 1200);

    // Every member got its own number, in one unbroken sequence of the province.
    let mut numbers = std::collections::BTreeSet::new();
    for page in 1..=6 {
        let (_, list) = api
            .get(&format!("/api/v1/members?page_size=200&page={page}"))
            .await;
        for m in list["items"].as_array().unwrap() {
            numbers.insert(m["number"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(numbers.len(), 1200);
    assert_eq!(numbers.first().unwrap(), "05091-000001");
    assert_eq!(numbers.last().unwrap(), "05091-001200");

    // 1,200 Mohameds: the count stops at the cap and says so; pages do not overlap.
    let (_, first) = api.get("/api/v1/members?q=Mohamed&page_size=20").await;
    assert_eq!(
        (first["total"].as_i64(), first["total_capped"].as_bool()),
        (Some(1000), Some(true))
    );
    let (_, second) = api
        .get("/api/v1/members?q=Mohamed&page_size=20&page=2")
        .await;
    let ids = |v: &serde_json::Value| -> Vec<i64> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&first).len(), 20);
    assert_eq!(ids(&second).len(), 20, "{second}");
    assert!(ids(&first).iter().all(|id| !ids(&second).contains(id)));
    // A narrower query is counted exactly: the Arabic script finds the Latin-only names.
    let (_, tazi) = api
        .get("/api/v1/members?q=%D8%A7%D9%84%D8%AA%D8%A7%D8%B2%D9%8A")
        .await;
    assert_eq!(
        (tazi["total"].as_i64(), tazi["total_capped"].as_bool()),
        (Some(400), Some(false))
    );
}
both_engines!(
    large_rolls_keep_numbers_catch_duplicates_and_cap_search_counts,
    large_roll
);

/// A roll uploaded from the page may weigh several megabytes (the server's upload limit,
/// not the web framework's default of 2 MB, applies).
async fn large_upload(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    let web = app.browser("admin").await;
    let mut csv = String::from("first_name_ar,last_name_ar,sex,birth_date,cin,commune\n");
    let mut n = 0;
    while csv.len() < 3 * 1024 * 1024 {
        n += 1;
        csv.push_str(&format!(
            "فاطمة,الزهراء,F,1990-01-01,AB{n:06},05.091.01.07\n"
        ));
    }
    let page = web.upload_roll("roll.csv", csv.as_bytes(), "report").await;
    assert_eq!(
        page.status,
        200,
        "{}",
        &page.body[..page.body.len().min(400)]
    );
    let page = page.body;
    assert!(page.contains("/confirm"), "a preview with its confirmation");
}
both_engines!(
    a_roll_of_several_megabytes_uploads_from_the_page,
    large_upload
);

/// The same roll imported twice: the second run finds its rows already there, as the file
/// has them, and says so ("unchanged"), instead of rejecting each as a CIN taken; a row
/// whose CIN is registered under another person is still rejected.
async fn a_roll_imported_again(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("admin", &[(Role::Administrator, None, None)])
        .await;
    let web = app.browser("admin").await;
    let roll = "first_name_ar,last_name_ar,sex,birth_date,cin,phone,commune\n\
                فاطمة,الزهراء,F,1990-01-01,UC000001,0612345678,05.091.01.07\n\
                محمد,العلوي,M,1985-05-05,UC000002,,05.091.01.07\n";
    assert_eq!(
        web.import_roll(roll, "report").await,
        "imported 2, updated 0, rejected 0, review 0, referred 0"
    );
    assert_eq!(
        web.import_roll(roll, "report").await,
        "imported 0, updated 0, rejected 0, review 0, referred 0, unchanged 2"
    );
    let other_person = "first_name_ar,last_name_ar,sex,birth_date,cin,commune\n\
                        خديجة,البقالي,F,1970-03-03,UC000001,05.091.01.07\n";
    assert_eq!(
        web.import_roll(other_person, "report").await,
        "imported 0, updated 0, rejected 1, review 0, referred 0"
    );
}
both_engines!(a_roll_imported_again_is_unchanged, a_roll_imported_again);
