//! Imports through the database: a roll staged, confirmed as a job, stopped by a restart
//! in the middle (the worker's task dropped after its first batch, as a kill leaves it)
//! and resumed at the next start, counts every row once; one cancelled half-way goes on
//! from its cursor when it is confirmed again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::Engine;
use std::collections::HashMap;
use tanzim_commands::progress::Unwatched;
use tanzim_commands::{Actor, App, imports, jobs, worker};
use tanzim_domain::accounts::Role;
use tanzim_domain::org::Profile;
use tanzim_reports::import;
use tanzim_reports::roll::import_file;
use tanzim_store::imports::OnExisting;
use tanzim_store::staged_imports::Tally;

const HEADER: &str = "first_name_lat,last_name_lat,sex,birth_date,cin,phone,commune_code\n";

/// A row of Béni Mellal's commune 05.091.01.07 (each person's name and birth its own).
fn row(n: u32, cin: &str) -> String {
    format!(
        "Amina,Sbai{n},F,19{:02}-0{}-1{},{cin},,05.091.01.07\n",
        60 + n,
        1 + n % 9,
        n % 10
    )
}

/// Hears where the run starts, then stops after the first batch and never answers
/// again: the run is dropped there, as a kill leaves it.
struct Killed(
    Option<tokio::sync::oneshot::Sender<()>>,
    Vec<(i64, Option<i64>)>,
);

impl tanzim_commands::progress::Progress for Killed {
    async fn report(&mut self, done: i64, total: Option<i64>) -> tanzim_commands::Result<bool> {
        self.1.push((done, total));
        if self.1.len() < 2 {
            return Ok(true);
        }
        if let Some(told) = self.0.take() {
            let _ = told.send(());
        }
        std::future::pending().await
    }
}

/// Cancels after its first batch.
struct CancelAtOnce;

impl tanzim_commands::progress::Progress for CancelAtOnce {
    async fn report(&mut self, _: i64, _: Option<i64>) -> tanzim_commands::Result<bool> {
        Ok(false)
    }
}

/// Stages a CSV roll for `actor`, leaving existing members alone.
async fn stage(app: &App, actor: &Actor<'_>, text: &str, hash: &str) -> imports::Staged {
    let mut rows =
        import::open(text.as_bytes(), &HashMap::new(), &import::Bounds::upload()).unwrap();
    imports::stage(
        app,
        actor,
        &mut rows,
        OnExisting::Report,
        hash,
        &HashMap::new(),
    )
    .await
    .unwrap()
    .unwrap()
}

/// An officer of Béni Mellal province, as the commands see her.
async fn officer(app: &common::TestApp, username: &str) -> tanzim_domain::accounts::Principal {
    let id = app
        .user(username, &[(Role::Officer, Some("05.091"), None)])
        .await;
    tanzim_store::accounts::principal(&app.db, id)
        .await
        .unwrap()
        .unwrap()
        .0
}

async fn members(app: &common::TestApp) -> i64 {
    tanzim_store::counters::of(&app.db, Some("05.091"))
        .await
        .unwrap()
        .iter()
        .filter(|c| c.status == tanzim_domain::members::Status::Active)
        .map(|c| c.n)
        .sum()
}

async fn interrupted_and_resumed(engine: Engine) {
    let app = common::without_server(engine).await;
    let principal = officer(&app, "officer.beni").await;
    let profile = Profile::default_profile().unwrap();
    // A member already there, whose CIN a row of the file repeats with other details.
    let before = format!("{HEADER}Amina,Sbai99,F,1999-09-19,BM000005,0661000000,05.091.01.07\n");
    let options = crate::imports::options(OnExisting::Report, false);
    let (s, _) = import_file(
        &app.db,
        &profile,
        before.as_bytes(),
        &HashMap::new(),
        &options,
    )
    .await
    .unwrap();
    assert_eq!(s.imported, 1);
    let commands_app = App::new(app.db.clone(), profile);
    let actor = Actor::user(&principal, "127.0.0.1");
    let dir = common::test_dir().join(format!("jobs-import-{}", tanzim_web::auth::random_token()));
    std::fs::create_dir_all(&dir).unwrap();

    // Lines 2 to 11: seven new members; line 4 a broken CIN, line 6 line 2's CIN again,
    // line 7 the CIN of the member already there.
    let mut text = String::from(HEADER);
    for (n, cin) in [
        "BM000001", "BM000002", "12", "BM000003", "BM000001", "BM000005", "BM000006", "BM000007",
        "BM000008", "BM000009",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&row(n as u32, cin));
    }
    let staged = stage(&commands_app, &actor, &text, "hash").await;
    // The preview: nothing written, the broken CIN and the repeat refused already, and
    // the member already there said as the import will say it.
    assert_eq!(
        staged.preview.rejected,
        [
            (4, "cin-invalid".to_owned()),
            (6, "cin-repeated-in-file".to_owned()),
            (7, "cin-taken".to_owned())
        ]
    );
    assert_eq!(members(&app).await, 1);
    // Someone else's roll is as good as gone.
    let other_principal = officer(&app, "officer.two").await;
    let intruder = Actor::user(&other_principal, "127.0.0.1");
    assert!(matches!(
        imports::confirm(&commands_app, &intruder, &staged.token).await,
        Err(tanzim_commands::Error::NotFound)
    ));

    // Confirmed: a job; the worker takes it and is killed after its first batch of three
    // lines (2 to 4: two members in, the broken CIN refused).
    let job = imports::confirm(&commands_app, &actor, &staged.token)
        .await
        .unwrap();
    assert!(matches!(
        imports::confirm(&commands_app, &actor, &staged.token).await,
        Err(tanzim_commands::Error::Conflict("import-done"))
    ));
    let claimed = tanzim_store::jobs::claim_next(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(claimed.id, job);
    let (told, heard) = tokio::sync::oneshot::channel();
    let mut killed = Killed(Some(told), Vec::new());
    tokio::select! {
        _ = imports::run_in_batches(&commands_app, &actor, staged.id, 3, &mut killed) => {
            panic!("the run was to stop after its first batch")
        }
        _ = heard => {}
    }
    assert_eq!(members(&app).await, 3);
    // It said where it started (nothing done, ten rows), then three lines done.
    assert_eq!(killed.1, [(0, Some(10)), (3, Some(10))]);
    let so_far = imports::view(&commands_app, &actor, &staged.token)
        .await
        .unwrap();
    assert_eq!(
        so_far.tally,
        Tally {
            imported: 2,
            rejected: 1,
            ..Tally::default()
        }
    );
    assert!(!so_far.is_done());

    // The next start queues the job again; it goes on from line 5 to the end.
    assert_eq!(jobs::resume(&commands_app, &dir).await.unwrap(), 1);
    assert!(worker::run_next(&commands_app, &dir).await.unwrap());
    let done = imports::view(&commands_app, &actor, &staged.token)
        .await
        .unwrap();
    assert_eq!(
        done.tally,
        Tally {
            imported: 7,
            rejected: 3,
            ..Tally::default()
        },
        "every row counted once"
    );
    assert!(done.is_done());
    assert_eq!(members(&app).await, 8);
    let v = jobs::get(&commands_app, &actor, job).await.unwrap();
    assert_eq!(
        (v.job.state.as_str(), v.job.done, v.job.total),
        ("done", 10, Some(10))
    );
    assert_eq!(
        done.refused,
        [
            (4, "cin-invalid".to_owned()),
            (6, "cin-repeated-in-file".to_owned()),
            (7, "cin-taken".to_owned())
        ]
    );
    let csv = imports::rejected_csv(&commands_app, &actor, &staged.token)
        .await
        .unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(
        lines[0],
        "line,reason,first_name_lat,last_name_lat,sex,birth_date,cin,phone,commune_code"
    );
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[3].starts_with("7,cin-taken,Amina,Sbai5,"), "{csv}");
    assert!(matches!(
        imports::confirm(&commands_app, &actor, &staged.token).await,
        Err(tanzim_commands::Error::Conflict("import-done"))
    ));

    // Cancelled after its first batch of two: what is in stays in; confirmed again, the
    // import goes on from its cursor.
    let mut text = String::from(HEADER);
    for (n, cin) in ["BM000011", "BM000012", "BM000013", "BM000014"]
        .iter()
        .enumerate()
    {
        text.push_str(&row(20 + n as u32, cin));
    }
    let second = stage(&commands_app, &actor, &text, "hash2").await;
    let first = imports::confirm(&commands_app, &actor, &second.token)
        .await
        .unwrap();
    tanzim_store::jobs::claim_next(&app.db)
        .await
        .unwrap()
        .unwrap();
    let stopped = imports::run_in_batches(&commands_app, &actor, second.id, 2, &mut CancelAtOnce)
        .await
        .unwrap();
    assert_eq!(stopped, None);
    // As the worker ends a job its owner cancelled.
    tanzim_store::jobs::finish(&app.db, first, 2, tanzim_store::jobs::Outcome::Cancelled)
        .await
        .unwrap();
    assert_eq!(members(&app).await, 10);
    let again = imports::confirm(&commands_app, &actor, &second.token)
        .await
        .unwrap();
    let taken = tanzim_store::jobs::claim_next(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(taken.id, again);
    let tally = imports::run_in_batches(&commands_app, &actor, second.id, 2, &mut CancelAtOnce)
        .await
        .unwrap();
    assert_eq!(tally, None, "cancelled again after the second batch");
    let v = imports::view(&commands_app, &actor, &second.token)
        .await
        .unwrap();
    assert_eq!(
        v.tally,
        Tally {
            imported: 4,
            ..Tally::default()
        }
    );
    assert_eq!(members(&app).await, 12);
}
both_engines!(
    an_import_stopped_by_a_restart_resumes_and_counts_once,
    interrupted_and_resumed
);

/// Two runs of one roll at once (two consoles on the same file): a batch is written by
/// one of them only, the other rolls back on the moved cursor; resumed, the import ends
/// with every member once and a tally that says so. Rolls are removed when stale only:
/// one an import began waits a day from its last step, not an hour from its upload.
async fn two_runs_and_stale_rolls(engine: Engine) {
    let app = common::without_server(engine).await;
    let principal = officer(&app, "officer.beni").await;
    let commands_app = App::new(app.db.clone(), Profile::default_profile().unwrap());
    let actor = Actor::user(&principal, "127.0.0.1");
    let mut text = String::from(HEADER);
    for n in 0..12u32 {
        text.push_str(&row(n, &format!("BT{n:06}")));
    }
    let staged = stage(&commands_app, &actor, &text, "twice").await;
    imports::confirm(&commands_app, &actor, &staged.token)
        .await
        .unwrap();
    let (mut one, mut two) = (Unwatched, Unwatched);
    let (a, b) = tokio::join!(
        imports::run_in_batches(&commands_app, &actor, staged.id, 3, &mut one),
        imports::run_in_batches(&commands_app, &actor, staged.id, 3, &mut two),
    );
    assert!(
        a.is_err() || b.is_err(),
        "one of the two runs stops on the other's batch"
    );
    let so_far = imports::view(&commands_app, &actor, &staged.token)
        .await
        .unwrap();
    assert_eq!(
        so_far.tally.imported as i64,
        members(&app).await,
        "the tally counts what is in"
    );
    // Unless one run went through it all before the other began, confirmed again, the
    // import goes on to the end.
    if !so_far.is_done() {
        imports::confirm(&commands_app, &actor, &staged.token)
            .await
            .unwrap();
        imports::run_in_batches(&commands_app, &actor, staged.id, 3, &mut Unwatched)
            .await
            .unwrap()
            .unwrap();
    }
    let done = imports::view(&commands_app, &actor, &staged.token)
        .await
        .unwrap();
    assert_eq!(
        done.tally,
        Tally {
            imported: 12,
            ..Tally::default()
        }
    );
    assert_eq!(members(&app).await, 12);

    // Stale rolls: uploaded two hours ago and never confirmed (gone); uploaded two hours
    // ago, its import begun and stopped ten minutes ago (kept); done two days ago (gone).
    let mut text = String::from(HEADER);
    for n in 0..4u32 {
        text.push_str(&row(40 + n, &format!("BS{n:06}")));
    }
    let waiting = stage(&commands_app, &actor, &text, "waiting").await;
    let begun = stage(&commands_app, &actor, &text, "begun").await;
    imports::confirm(&commands_app, &actor, &begun.token)
        .await
        .unwrap();
    imports::run_in_batches(&commands_app, &actor, begun.id, 2, &mut CancelAtOnce)
        .await
        .unwrap();
    let now = tanzim_store::now();
    common::execute(
        &app.db,
        "UPDATE staged_imports SET created_at = $1, updated_at = $1 WHERE id = $2",
        &[now - 7200, waiting.id],
    )
    .await;
    common::execute(
        &app.db,
        "UPDATE staged_imports SET created_at = $1, updated_at = $2 WHERE id = $3",
        &[now - 7200, now - 600, begun.id],
    )
    .await;
    common::execute(
        &app.db,
        "UPDATE staged_imports SET finished_at = $1 WHERE id = $2",
        &[now - 2 * 86400, staged.id],
    )
    .await;
    assert_eq!(imports::remove_stale(&commands_app).await.unwrap(), 2);
    for (token, kept) in [
        (&waiting.token, false),
        (&begun.token, true),
        (&staged.token, false),
    ] {
        assert_eq!(
            imports::view(&commands_app, &actor, token).await.is_ok(),
            kept,
            "{token}"
        );
    }
    let left = "SELECT COUNT(*) FROM staged_import_rows";
    assert_eq!(
        common::count(&app.db, left).await,
        4,
        "only the begun roll's rows"
    );
}
both_engines!(
    two_runs_of_one_roll_count_once_and_stale_rolls_go,
    two_runs_and_stale_rolls
);
