//! The operator's commands end to end: the demo data set on SQLite, backed up and
//! verified, restored into PostgreSQL, backed up there and restored into SQLite again,
//! with every table's rows and checksum the same at each step. Fails, rather than passing
//! silently, when `TANZIM_TEST_POSTGRES_URL` is not set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;
use tanzim_store::Db;
use tanzim_store::backup::{self, TableSum};

/// Runs `tanzim ARGS` on the database at `url`; its output, or its error when `ok` is
/// false.
fn tanzim(url: &str, args: &[&str], ok: bool) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tanzim"))
        .args(args)
        .env("TANZIM_DATABASE_URL", url)
        .env_remove("TANZIM_PROFILE")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.success(),
        ok,
        "tanzim {args:?}: {stdout}\n{stderr}"
    );
    if ok { stdout } else { stderr }
}

/// Every table but the audit log, which each backup and restore adds to.
fn data(sums: Vec<TableSum>) -> Vec<TableSum> {
    sums.into_iter()
        .filter(|s| s.table != "audit_log")
        .collect()
}

fn rows(sums: &[TableSum], table: &str) -> u64 {
    sums.iter().find(|s| s.table == table).unwrap().rows
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_moves_to_postgres_and_back() {
    let base = std::env::var("TANZIM_TEST_POSTGRES_URL")
        .expect("TANZIM_TEST_POSTGRES_URL: the PostgreSQL half of this test needs it");
    let dir = std::env::temp_dir().join(format!("tanzim-cli-backup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let first = format!("sqlite:{}", file("first.db"));
    tanzim(&first, &["demo"], true);
    let mut add = Command::new(env!("CARGO_BIN_EXE_tanzim"))
        .args([
            "user",
            "add",
            "amina",
            "--role",
            "administrator",
            "--password-stdin",
        ])
        .env("TANZIM_DATABASE_URL", &first)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    add.stdin
        .take()
        .unwrap()
        .write_all(b"a long enough pass phrase 2026\n")
        .unwrap();
    assert!(add.wait().unwrap().success());
    let demo = data(
        backup::sums(&Db::connect(&first).await.unwrap())
            .await
            .unwrap(),
    );
    assert!(rows(&demo, "members") >= 900, "{demo:?}");
    assert!(
        rows(&demo, "applications") > 0 && rows(&demo, "member_history") > 0,
        "{demo:?}"
    );
    assert_eq!(rows(&demo, "users"), 1);
    assert_eq!(rows(&demo, "role_assignments"), 1);

    // SQLite → backup, proven.
    let out = tanzim(&first, &["backup", &file("one.tanzim"), "--verify"], true);
    assert!(
        out.contains("backup written to") && out.contains("restored exactly"),
        "{out}"
    );
    assert_eq!(
        data(
            backup::backup_sums(Path::new(&file("one.tanzim")))
                .await
                .unwrap()
        ),
        demo
    );

    // → PostgreSQL (a schema of its own in the test database).
    let schema = format!("cli_backup_{}", std::process::id());
    let Db::Postgres(admin) = Db::connect(&base).await.unwrap() else {
        unreachable!()
    };
    for sql in [
        format!("DROP SCHEMA IF EXISTS {schema} CASCADE"),
        format!("CREATE SCHEMA {schema}"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&admin)
            .await
            .unwrap();
    }
    let separator = if base.contains('?') { '&' } else { '?' };
    let postgres = format!("{base}{separator}options=-c%20search_path%3D{schema}");
    let out = tanzim(&postgres, &["restore", &file("one.tanzim")], true);
    assert!(out.contains("into the postgres database"), "{out}");
    let on_postgres = data(
        backup::sums(&Db::connect(&postgres).await.unwrap())
            .await
            .unwrap(),
    );
    assert_eq!(on_postgres, demo);
    // A second restore into it is refused, and changes nothing.
    let e = tanzim(&postgres, &["restore", &file("one.tanzim")], false);
    assert!(e.contains("not empty"), "{e}");

    // PostgreSQL → backup, proven on PostgreSQL; → SQLite again.
    let out = tanzim(
        &postgres,
        &["backup", &file("two.tanzim"), "--verify"],
        true,
    );
    assert!(out.contains("restored exactly"), "{out}");
    let out = tanzim(&postgres, &["backup", &file("two.tanzim")], false);
    assert!(out.contains("exists"), "{out}");
    let last = format!("sqlite:{}", file("last.db"));
    tanzim(&last, &["restore", &file("two.tanzim")], true);
    assert_eq!(
        data(
            backup::sums(&Db::connect(&last).await.unwrap())
                .await
                .unwrap()
        ),
        demo
    );
    let out = tanzim(
        &last,
        &["backup", &file("two.tanzim"), "--verify-only"],
        true,
    );
    assert!(out.contains("restored exactly"), "{out}");

    sqlx::query(sqlx::AssertSqlSafe(format!("DROP SCHEMA {schema} CASCADE")))
        .execute(&admin)
        .await
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}
