//! `tanzim user add` takes a scope by name, as the pages do (issue 14, item 1):
//! "فاس-مكناس" is the region, "Paris" a city of the organization abroad; "تاونات" names
//! the province and its commune, and a scope is never widened by a guess, so it is refused
//! with both listed, as an unknown name is; nothing is made for either.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

/// `tanzim user add NAME --role officer --scope SCOPE` on the database at `url`, the password
/// on standard input: (success, stdout and stderr).
fn add(url: &str, name: &str, scope: &str) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tanzim"))
        .args([
            "user",
            "add",
            name,
            "--role",
            "officer",
            "--scope",
            scope,
            "--password-stdin",
        ])
        .env("TANZIM_DATABASE_URL", url)
        .env_remove("TANZIM_PROFILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long enough passphrase 1\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn a_scope_is_given_by_name() {
    let dir = std::env::temp_dir().join(format!("tanzim-cli-users-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite:{}", dir.join("users.db").to_str().unwrap());
    let (ok, out) = add(&url, "region.officer", "فاس-مكناس");
    assert!(ok, "{out}");
    let (ok, out) = add(&url, "taounate.officer", "تاونات");
    assert!(!ok, "{out}");
    assert!(
        out.contains("unknown or ambiguous territory \"تاونات\": one of 03.531, 03.531.01.05"),
        "{out}"
    );
    let (ok, out) = add(&url, "paris.officer", "Paris");
    assert!(ok, "{out}");
    let (ok, out) = add(&url, "nowhere.officer", "Atlantis");
    assert!(!ok, "{out}");
    assert!(
        out.contains("unknown or ambiguous territory \"Atlantis\""),
        "{out}"
    );
    // The roles as stored.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let scopes: Vec<(String, Option<String>)> = runtime.block_on(async {
        let db = tanzim_store::Db::connect(&url).await.unwrap();
        let mut out = Vec::new();
        for name in [
            "paris.officer",
            "region.officer",
            "taounate.officer",
            "nowhere.officer",
        ] {
            if let Some(c) = tanzim_store::accounts::credentials(&db, name)
                .await
                .unwrap()
            {
                let roles = tanzim_store::accounts::roles(&db, c.id).await.unwrap();
                out.push((name.to_owned(), roles[0].scope_code.clone()));
            }
        }
        out
    });
    assert_eq!(
        scopes,
        [
            ("paris.officer".to_owned(), Some("13.250.01.1".to_owned())),
            ("region.officer".to_owned(), Some("03".to_owned())),
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
