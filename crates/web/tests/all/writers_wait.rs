//! A write that reads before it writes waits for another writer and then answers as it
//! would alone. On SQLite a deferred transaction that has read and then meets a writer
//! fails at once ("database is locked", a 500); every store transaction takes the write
//! lock when it opens, so it waits its turn under the busy timeout instead. Readiness is
//! judged by a write, too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use crate::common;

use chrono::NaiveDate;
use common::{Api, Engine, person};
use tanzim_domain::accounts::Role;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members::{Cin, Person};
use tanzim_domain::sex::Sex;
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_store::audit::AuditEntry;
use tanzim_store::{Tx, imports};

/// Writes a territory's row (unchanged) inside `tx`, which then holds it.
async fn touch_territory(tx: &mut Tx, code: &str) {
    let sql = "UPDATE territories SET name_fr = name_fr WHERE code = $1";
    match tx {
        Tx::Sqlite(t) => sqlx::query(sql)
            .bind(code)
            .execute(&mut **t)
            .await
            .map(drop),
        Tx::Postgres(t) => sqlx::query(sql)
            .bind(code)
            .execute(&mut **t)
            .await
            .map(drop),
    }
    .unwrap();
}

/// Holds a write on an unrelated row, long enough for the request to have read.
async fn hold_a_write(mut tx: Tx) {
    touch_territory(&mut tx, "03").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    tx.commit().await.unwrap();
}

fn the_same_cin_in_taounate() -> Person {
    Person {
        first_name_ar: Some("فاطمة".into()),
        last_name_ar: Some("الزهراء".into()),
        first_name_lat: None,
        last_name_lat: None,
        sex: Sex::F,
        birth_date: NaiveDate::from_ymd_opt(1990, 12, 8).unwrap(),
        cin: Cin::parse("BM000001").unwrap(),
        phone: None,
        email: None,
        commune: TerritoryCode::parse(TAOUNATE_COMMUNE).unwrap(),
        address: None,
        profession: None,
        education: None,
        affiliations: Vec::new(),
    }
}

const TAOUNATE_COMMUNE: &str = "03.531.01.03";

async fn a_referral_waits_for_another_writer(engine: Engine) {
    let app = common::spawn(engine).await;
    let national = app
        .user("national", &[(Role::Administrator, None, None)])
        .await;
    let national = Api::new(&app, app.token(national).await);
    let (status, body) = national
        .send(
            "POST",
            "/api/v1/members",
            person("BM000001", "05.091.01.07"),
        )
        .await;
    assert_eq!(status, 201, "{body}");

    // Taounate's CIN is referred (a read of the member, then a write of the review) while
    // another writer holds the database.
    let writer = app.db.begin().await.unwrap();
    let path = TerritoryPath::national()
        .child(&TerritoryCode::parse("03").unwrap())
        .child(&TerritoryCode::parse("03.531").unwrap())
        .child(&TerritoryCode::parse(TAOUNATE_COMMUNE).unwrap());
    let entry = AuditEntry::new(None, "test", AuditAction::ReviewFiled, None);
    let person = the_same_cin_in_taounate();
    let (referred, ()) = tokio::join!(
        imports::refer_cin(&app.db, &person, &path, "2026-01-01", entry),
        hold_a_write(writer),
    );
    assert!(matches!(referred, Ok(true)), "{referred:?}");
    let reviews = app.browser("national").await.get("/members/reviews").await;
    assert_eq!(reviews.status, 200);
    assert_eq!(
        reviews.body.matches("id=\"review-").count(),
        1,
        "{}",
        reviews.body
    );
}

both_engines!(
    a_referral_waits_its_turn,
    a_referral_waits_for_another_writer
);

/// A database that answers reads but takes no write is not ready: `/healthz` says 503 while
/// another writer holds it past the check's two seconds, and 200 once it lets go.
async fn a_database_that_takes_no_write_is_not_ready(engine: Engine) {
    let app = common::spawn(engine).await;
    let health = || async {
        reqwest::get(app.url("/healthz"))
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(health().await, 200);
    let mut writer = app.db.begin().await.unwrap();
    // The row the check writes, held until the check has answered.
    touch_territory(&mut writer, "01").await;
    assert_eq!(health().await, 503);
    writer.commit().await.unwrap();
    assert_eq!(health().await, 200);
}

both_engines!(
    readiness_needs_a_write,
    a_database_that_takes_no_write_is_not_ready
);
