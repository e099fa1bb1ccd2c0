//! Backups proven by restoring them: a backup taken while an import and a burst of
//! renewals write is one moment (its counters agree with its rows), restores into a new
//! database of either engine with the same row counts and checksums, and a restore never
//! writes over data, nor reads a file that is not a backup.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::members::{member, setup, year};

use common::{Api, Engine};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use tanzim_commands::{Actor, operations};
use tanzim_domain::org::Profile;
use tanzim_reports::roll::import_file;
use tanzim_store::Db;
use tanzim_store::backup;
use tanzim_store::imports::OnExisting;

/// Members by status, counted two ways: the rows themselves, and the national sum of the
/// counters (the regions' cells) that statistics read.
async fn members_by_status(db: &Db) -> (BTreeMap<String, i64>, BTreeMap<String, i64>) {
    let rows = "SELECT status, COUNT(*) FROM members GROUP BY status";
    let counted = "SELECT status, CAST(SUM(n) AS BIGINT) FROM member_counts \
                   WHERE parent_code = '' GROUP BY status HAVING SUM(n) <> 0";
    let fetch = |sql: &'static str| async move {
        let pairs: Vec<(String, i64)> = match db {
            Db::Sqlite(p) => sqlx::query_as(sql).fetch_all(p).await.unwrap(),
            Db::Postgres(p) => sqlx::query_as(sql).fetch_all(p).await.unwrap(),
        };
        pairs.into_iter().collect::<BTreeMap<_, _>>()
    };
    (fetch(rows).await, fetch(counted).await)
}

async fn payments(db: &Db) -> i64 {
    let sql = "SELECT COUNT(*) FROM payments";
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    }
}

/// `rows` women and men of Béni Mellal, CINs from `first` on.
fn roll(first: u32, rows: u32) -> String {
    let mut text = String::from("first_name_lat,last_name_lat,sex,birth_date,cin,commune_code\n");
    for i in first..first + rows {
        let sex = if i % 2 == 0 { "F" } else { "M" };
        let birth = format!("{}-{:02}-{:02}", 1960 + i % 40, 1 + i % 12, 1 + i % 28);
        text.push_str(&format!(
            "Salma,Idrissi{i},{sex},{birth},BR{i:06},05.091.01.07\n"
        ));
    }
    text
}

async fn renew_all(api: &Api, campaign: i64, ids: &[i64]) {
    for (n, id) in ids.iter().enumerate() {
        let (s, p) = api
            .send("POST", format!("/api/v1/members/{id}/payments"),
                json!({"campaign_id": campaign, "category": "standard", "receipt": format!("BK-{n}"), "method": "cash"}))
            .await;
        assert_eq!(s, 201, "{p}");
    }
}

fn other(engine: Engine) -> Engine {
    match engine {
        Engine::Sqlite => Engine::Postgres,
        Engine::Postgres => Engine::Sqlite,
    }
}

async fn under_writes(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, campaign) = setup(&app).await;
    let last_year = format!("{}-03-01", year() - 1);
    let mut ids = Vec::new();
    for n in 0..30 {
        ids.push(member(&api, &format!("BK{n:06}"), "05.091.01.01", Some(&last_year)).await);
    }
    let dir = common::test_dir().join(format!("backup-{}", tanzim_web::auth::random_token()));
    std::fs::create_dir_all(&dir).unwrap();
    let during = dir.join("during.tanzim");

    // Six rolls of 500 imported one after the other and 30 renewals, with a backup
    // between.
    let import = {
        let db = app.db.clone();
        tokio::spawn(async move {
            let profile = Profile::default_profile().unwrap();
            let mut lines = Vec::new();
            for part in 0..6 {
                let text = roll(part * 500, 500);
                let (summary, _) = import_file(
                    &db,
                    &profile,
                    text.as_bytes(),
                    &HashMap::new(),
                    &crate::imports::options(OnExisting::Report, false),
                )
                .await
                .unwrap();
                lines.push(summary.line());
            }
            lines
        })
    };
    let renewals = {
        let api = Api {
            client: api.client.clone(),
            base: api.base.clone(),
            token: api.token.clone(),
        };
        let ids = ids.clone();
        tokio::spawn(async move { renew_all(&api, campaign, &ids).await })
    };
    // The backup starts once the import has committed its first batch.
    for _ in 0..600 {
        if members_by_status(&app.db).await.0.values().sum::<i64>() > 30 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let verified = operations::backup(&app.db, Actor::console(), &during, true)
        .await
        .unwrap()
        .expect("a verified backup returns its sums");
    assert_eq!(
        import.await.unwrap(),
        vec!["imported 500, updated 0, rejected 0, review 0, referred 0"; 6]
    );
    renewals.await.unwrap();

    // The backup is one moment: restored on either engine, its counters agree with its
    // members, and every table has the backup's rows and checksum.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&during).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "a backup is readable by the server's user alone"
        );
    }
    let in_backup = backup::backup_sums(&during).await.unwrap();
    assert_eq!(verified, in_backup);
    let members = in_backup
        .iter()
        .find(|s| s.table == "members")
        .unwrap()
        .rows;
    assert!(
        (31..=3030).contains(&members),
        "{members} members in the backup"
    );
    for target in [engine, other(engine)] {
        let restored = common::fresh_db(target).await;
        operations::restore(&restored, Actor::console(), &during)
            .await
            .unwrap();
        let (rows, counted) = members_by_status(&restored).await;
        assert_eq!(
            rows, counted,
            "counters of the backup restored on {target:?}"
        );
        assert_eq!(rows.values().sum::<i64>(), members as i64);
        let sums = backup::sums(&restored).await.unwrap();
        let differ: Vec<_> = in_backup
            .iter()
            .filter(|s| s.table != "audit_log" && !sums.contains(s))
            .map(|s| &s.table)
            .collect();
        assert!(differ.is_empty(), "tables differ on {target:?}: {differ:?}");
        // The restore wrote its own audit entry after the copy: one more row.
        let audit =
            |s: &[backup::TableSum]| s.iter().find(|t| t.table == "audit_log").unwrap().rows;
        assert_eq!(audit(&sums), audit(&in_backup) + 1);
    }

    // After the writes, a backup has all of them: 3,030 members, 3,000 of them active
    // from the import and 30 renewed this year, so active too.
    let after = dir.join("after.tanzim");
    operations::backup(&app.db, Actor::console(), &after, false)
        .await
        .unwrap();
    let restored = common::fresh_db(other(engine)).await;
    operations::restore(&restored, Actor::console(), &after)
        .await
        .unwrap();
    let (rows, counted) = members_by_status(&restored).await;
    assert_eq!(rows, BTreeMap::from([("active".to_owned(), 3030)]));
    assert_eq!(counted, rows);
    assert_eq!(payments(&restored).await, 30);

    // Refusals: a restore into a database that holds data (nothing written), a backup
    // over an existing file, a restore of a file that is not a backup.
    let again = operations::restore(&restored, Actor::console(), &during).await;
    let e = again.unwrap_err().to_string();
    assert!(e.contains("not empty"), "{e}");
    assert_eq!(payments(&restored).await, 30);
    let e = operations::backup(&app.db, Actor::console(), &after, false)
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("exists"), "{e}");
    let csv = dir.join("roll.csv");
    std::fs::write(&csv, roll(0, 3)).unwrap();
    let fresh = common::fresh_db(engine).await;
    let e = operations::restore(&fresh, Actor::console(), &csv)
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("not a tanzim backup"), "{e}");
    assert_eq!(members_by_status(&fresh).await.0, BTreeMap::new());
    std::fs::remove_dir_all(&dir).unwrap();
}
both_engines!(under_writes_restores_on_both_engines, under_writes);

/// A signed-in administrator cannot back up or restore: these are the console's alone.
async fn console_only(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user(
            "admin",
            &[(tanzim_domain::accounts::Role::Administrator, None, None)],
        )
        .await;
    let (principal, _) = tanzim_store::accounts::principal(&app.db, admin)
        .await
        .unwrap()
        .unwrap();
    let actor = Actor::user(&principal, "127.0.0.1");
    let file = common::test_dir().join(format!(
        "refused-{}.tanzim",
        tanzim_web::auth::random_token()
    ));
    let e = operations::backup(&app.db, actor, &file, false)
        .await
        .unwrap_err();
    assert!(matches!(e, tanzim_commands::Error::Forbidden), "{e}");
    assert!(!file.exists());
    let e = operations::restore(&app.db, actor, &file)
        .await
        .unwrap_err();
    assert!(matches!(e, tanzim_commands::Error::Forbidden), "{e}");
}
both_engines!(console_only_backs_up, console_only);
