//! Importing member rolls, on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Api, Engine, person};
use std::collections::HashMap;
use tanzim_domain::accounts::Role;
use tanzim_domain::org::Profile;
use tanzim_reports::roll::{Options, import_file};
use tanzim_store::imports::OnExisting;

fn options(on_existing: OnExisting, dry_run: bool) -> Options<'static> {
    Options {
        on_existing,
        dry_run,
        actor: "test",
        actor_id: None,
        token: &tanzim_web::auth::random_token,
        scope: None,
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

    let (dry, _) = import_file(
        &app.db,
        &profile,
        &bytes,
        &none,
        &options(OnExisting::Report, true),
    )
    .await
    .unwrap();
    assert_eq!(dry.line(), "imported 3, updated 0, rejected 3, review 0");
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
    assert_eq!(first.line(), "imported 2, updated 0, rejected 3, review 1");
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
    let (_, log) = api.get("/api/v1/audit?action=members-imported").await;
    assert_eq!(log["total"], 4);
}
both_engines!(rolls_are_imported_in_batches_and_idempotently, roll);
