//! Rolls as parties keep them (issue 14): Arabic and French headers, communes by name,
//! the mapping step, the sample files, a preview that says what the import does, the
//! page in its language, and an export imported back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, person, summary_of};
use tanzim_domain::accounts::Role;

/// The token of the roll a preview page shows.
fn token_of(page: &str) -> String {
    let start = page.find("/members/import/").unwrap() + "/members/import/".len();
    page[start..].split('/').next().unwrap().to_owned()
}

async fn member(api: &Api, cin: &str) -> serde_json::Value {
    let (status, found) = api.get(format!("/api/v1/members?q={cin}")).await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["total"], 1, "{cin}: {found}");
    found["items"][0].clone()
}

/// The tester's roll: Arabic headers, communes by name in both scripts (one shared by
/// three communes, settled by the province column on one line and not on another).
async fn arabic_headers_and_commune_names(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    let web = app.browser("admin").await;
    let roll = "الاسم الشخصي,الاسم العائلي,الجنس,تاريخ الازدياد,رقم البطاقة الوطنية,الهاتف,الجماعة,الإقليم\n\
                فاطمة,الزهراء,أنثى,1990-01-01,RA000001,0612345678,تاونات,\n\
                محمد,العلوي,ذكر,1985-05-05,RA000002,,Taounate,\n\
                خديجة,بناني,F,1991-02-02,RA000003,,قصبه تادله,\n\
                يوسف,التازي,M,1980-03-03,RA000004,,أولاد عيسى,\n\
                سعيد,الفاسي,M,1981-04-04,RA000005,,Oulad Aissa,الجديدة\n\
                ليلى,العمراني,F,1982-05-05,RA000006,,Atlantis,\n";
    let preview = web.upload_roll("roll.csv", roll.as_bytes(), "report").await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert_eq!(
        summary_of(&preview.body),
        "imported 4, updated 0, rejected 2, review 0, referred 0"
    );
    // In Arabic, with the nouns in their plural, and no English line on the page.
    assert!(
        preview
            .body
            .contains("المعاينة: 4 أعضاء جدد، سطران مرفوضان."),
        "{}",
        preview.body
    );
    assert!(!preview.body.contains(">imported"));
    // Each refused line says why, in the page's language.
    assert!(preview.body.contains("تحمل عدة جماعات هذا الاسم"));
    assert!(preview.body.contains("اختاروا جماعة أو مقاطعة موجودة."));
    // Every column was known: the mapping step shows each one read as its field.
    assert!(!preview.body.contains("id=\"import-no-cin\""));
    assert!(
        preview
            .body
            .contains("<option value=\"commune_code\" selected>")
    );

    let done = web
        .submit(
            "/members/import",
            &format!("/members/import/{}/confirm", token_of(&preview.body)),
            &[],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(
        summary_of(&done.body),
        "imported 4, updated 0, rejected 2, review 0, referred 0"
    );
    assert!(
        done.body
            .contains("تم الاستيراد: 4 أعضاء جدد، سطران مرفوضان.")
    );
    assert_eq!(
        member(&api, "RA000001").await["commune_code"],
        "03.531.01.05"
    );
    assert_eq!(
        member(&api, "RA000002").await["commune_code"],
        "03.531.01.05"
    );
    assert_eq!(
        member(&api, "RA000003").await["commune_code"],
        "05.091.01.07"
    );
    assert_eq!(
        member(&api, "RA000005").await["commune_code"],
        "06.181.05.03"
    );
}
both_engines!(
    arabic_headers_and_commune_names_are_read_as_parties_write_them,
    arabic_headers_and_commune_names
);

/// The preview counted a probable duplicate as imported (it was sent to review only at
/// the import): it now says what the import then does.
async fn preview_equals_result(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    // فاطمة الزهراء, born 1990-12-08, already a member.
    assert_eq!(
        api.send(
            "POST",
            "/api/v1/members",
            person("ZZ000001", "05.091.01.07")
        )
        .await
        .0,
        201
    );
    let web = app.browser("admin").await;
    // Line 2: the same person under another CIN; line 3: someone new; line 4: the
    // member's own CIN with other details.
    let roll = "first_name_ar,last_name_ar,first_name_lat,last_name_lat,sex,birth_date,cin,commune\n\
                فاطمة,الزهراء,Fatima,Zahra,F,1990-12-08,PV000001,05.091.01.07\n\
                محمد,العلوي,,,M,1985-05-05,PV000002,05.091.01.07\n\
                خديجة,بناني,,,F,1991-02-02,ZZ000001,05.091.01.07\n";
    let preview = web.upload_roll("roll.csv", roll.as_bytes(), "report").await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert_eq!(
        summary_of(&preview.body),
        "imported 1, updated 0, rejected 1, review 1, referred 0"
    );
    let done = web
        .submit(
            "/members/import",
            &format!("/members/import/{}/confirm", token_of(&preview.body)),
            &[],
        )
        .await;
    assert_eq!(
        summary_of(&done.body),
        "imported 1, updated 0, rejected 1, review 1, referred 0"
    );
    assert_eq!(api.get("/api/v1/members").await.1["total"], 2);
    // Uploaded again: the review is already filed, the new member is there.
    let again = web.upload_roll("roll.csv", roll.as_bytes(), "report").await;
    assert_eq!(
        summary_of(&again.body),
        "imported 0, updated 0, rejected 1, review 0, referred 0, unchanged 2"
    );
    let done = web
        .submit(
            "/members/import",
            &format!("/members/import/{}/confirm", token_of(&again.body)),
            &[],
        )
        .await;
    assert_eq!(
        summary_of(&done.body),
        "imported 0, updated 0, rejected 1, review 0, referred 0, unchanged 2"
    );
}
both_engines!(
    the_preview_counts_what_the_import_does,
    preview_equals_result
);

/// A header the import does not know: the page shows it in the mapping step, the user
/// says what it holds, and the next file with that header is read so at once.
async fn mapping_step(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("officer", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let web = app.browser("officer").await;
    let roll = "Pièce d'identité,Prénom,Nom,Sexe,Né le,Commune,Couleur\n\
                MS000001,Fatima,Zahra,F,1990-01-01,Kasba Tadla,bleu\n";
    let first = web.upload_roll("roll.csv", roll.as_bytes(), "report").await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(
        first.body.contains("id=\"import-no-cin\""),
        "{}",
        first.body
    );
    assert_eq!(
        summary_of(&first.body),
        "imported 0, updated 0, rejected 1, review 0, referred 0"
    );
    let old_token = token_of(&first.body);
    let csrf = first.hidden("csrf");
    let fields = [
        "cin",
        "first_name_lat",
        "last_name_lat",
        "sex",
        "birth_date",
        "commune_code",
        "-",
    ];
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend(fields.iter().map(|f| ("field", *f)));
    let mapped = web
        .post(&format!("/members/import/{old_token}/mapping"), &form)
        .await;
    assert_eq!(mapped.status, 200, "{}", mapped.body);
    assert_eq!(
        summary_of(&mapped.body),
        "imported 1, updated 0, rejected 0, review 0, referred 0"
    );
    assert!(!mapped.body.contains("id=\"import-no-cin\""));
    // The roll staged before is withdrawn: only the new one can be confirmed.
    let stale = web
        .submit(
            "/members/import",
            &format!("/members/import/{old_token}/confirm"),
            &[],
        )
        .await;
    assert_eq!(stale.status, 400, "{}", stale.body);
    // A wrong count of columns, or a field that does not exist, is refused.
    let csrf = mapped.hidden("csrf");
    let token = token_of(&mapped.body);
    let wrong = web
        .post(
            &format!("/members/import/{token}/mapping"),
            &[("csrf", &csrf), ("field", "cin"), ("field", "colour")],
        )
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);

    // The next file with the same headers: read as the officer said, at once.
    let next = "Pièce d'identité,Prénom,Nom,Sexe,Né le,Commune,Couleur\n\
                MS000002,Amina,Sbai,F,1992-01-01,قصبة تادلة,vert\n";
    let second = web.upload_roll("roll.csv", next.as_bytes(), "report").await;
    assert_eq!(
        summary_of(&second.body),
        "imported 1, updated 0, rejected 0, review 0, referred 0"
    );
    assert!(second.body.contains("<option value=\"cin\" selected>"));
    // Another user's files are not read by this officer's choices.
    app.user("other", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let other = app.browser("other").await;
    let theirs = other
        .upload_roll("roll.csv", next.as_bytes(), "report")
        .await;
    assert!(theirs.body.contains("id=\"import-no-cin\""));
}
both_engines!(
    an_unknown_column_is_mapped_once_and_remembered,
    mapping_step
);

/// The sample files and the list of accepted headers, and the summary in French.
async fn samples_and_french(engine: Engine) {
    let app = common::spawn(engine).await;
    app.user("officer", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let web = app.browser("officer").await;
    let form = web.get("/members/import").await;
    assert!(form.body.contains("id=\"import-accepted\""));
    assert!(form.body.contains("الاسم العائلي") && form.body.contains("النسب"));
    assert!(form.body.contains("href=\"/members/import/sample.xlsx\""));
    let (status, csv) = web.bytes("/members/import/sample.csv").await;
    assert_eq!(status, 200);
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with(
            "\u{FEFF}رقم العضوية,الاسم الشخصي,الاسم العائلي,الاسم الشخصي بالفرنسية,\
             الاسم العائلي بالفرنسية,الجنس,تاريخ الازدياد,رقم البطاقة الوطنية,الهاتف,"
        ),
        "{csv}"
    );
    let (status, xlsx) = web.bytes("/members/import/sample.xlsx").await;
    assert_eq!(status, 200);
    assert!(xlsx.starts_with(b"PK\x03\x04"));

    // The sample, filled in, imports.
    let filled = format!("{csv}\n,فاطمة,الزهراء,,,F,1990-01-01,SP000001,,,قصبة تادلة,,,,\n");
    assert_eq!(web.get("/lang/fr?next=/").await.status, 303);
    let preview = web
        .upload_roll(
            "roll.csv",
            filled.trim_start_matches('\u{FEFF}').as_bytes(),
            "report",
        )
        .await;
    assert_eq!(
        summary_of(&preview.body),
        "imported 1, updated 0, rejected 0, review 0, referred 0"
    );
    assert!(
        preview.body.contains("Aperçu : 1 nouveau membre."),
        "{}",
        preview.body
    );
}
both_engines!(
    sample_files_and_accepted_headers_and_a_french_summary,
    samples_and_french
);

/// An export, corrected in a spreadsheet, imported back with updates: the member edited
/// changes, the other is unchanged, no one is added.
async fn export_round_trip(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(admin).await);
    for cin in ["RT000001", "RT000002"] {
        let mut p = person(cin, "05.091.01.07");
        if cin == "RT000002" {
            p["first_name_ar"] = serde_json::json!("خديجة");
            p["birth_date"] = serde_json::json!("1985-05-05");
        }
        assert_eq!(api.send("POST", "/api/v1/members", p).await.0, 201);
    }
    let web = app.browser("admin").await;
    let (_, csv) = web.export("", "csv").await;
    let csv = String::from_utf8(csv).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains(",birth_date,") && header.starts_with("\u{FEFF}number,"),
        "{header}"
    );
    assert!(csv.contains(",1990-12-08,"), "{csv}");
    // The first member's phone corrected in the sheet.
    let edited = csv.replacen("+212612345678", "+212699999999", 1);
    let preview = web
        .upload_roll("export.csv", edited.as_bytes(), "update")
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert_eq!(
        summary_of(&preview.body),
        "imported 0, updated 1, rejected 0, review 0, referred 0, unchanged 1"
    );
    let done = web
        .submit(
            "/members/import",
            &format!("/members/import/{}/confirm", token_of(&preview.body)),
            &[],
        )
        .await;
    assert_eq!(
        summary_of(&done.body),
        "imported 0, updated 1, rejected 0, review 0, referred 0, unchanged 1"
    );
    assert_eq!(api.get("/api/v1/members").await.1["total"], 2);
    let phones = [
        member(&api, "RT000001").await["phone"].clone(),
        member(&api, "RT000002").await["phone"].clone(),
    ];
    assert_eq!(phones, ["+212699999999", "+212612345678"]);

    // A row whose number is one member's and whose CIN is the other's is refused.
    let first = member(&api, "RT000001").await["number"]
        .as_str()
        .unwrap()
        .to_owned();
    let crossed = format!(
        "number,first_name_ar,last_name_ar,sex,birth_date,cin,phone,commune_code\n\
         {first},خديجة,الزهراء,F,1985-05-05,RT000002,0611111111,05.091.01.07\n"
    );
    let preview = web.upload_roll("x.csv", crossed.as_bytes(), "update").await;
    assert_eq!(
        summary_of(&preview.body),
        "imported 0, updated 0, rejected 1, review 0, referred 0"
    );
    assert!(preview.body.contains("رقم العضوية لعضو آخر"));
}
both_engines!(
    an_export_corrected_and_imported_back_updates_without_duplicates,
    export_round_trip
);
