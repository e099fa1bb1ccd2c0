//! Member exports as jobs: more rows than a batch stream into a file that holds exactly
//! the list, as its user may see it; the file downloads once, audited; a job is its
//! owner's alone; a job a stop left running starts over and finishes; a cancelled one
//! leaves nothing to download.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, TestApp};
use std::collections::{BTreeSet, HashMap};
use tanzim_commands::{Actor, App, exports, jobs, worker};
use tanzim_domain::accounts::Role;
use tanzim_domain::jobs::ExportFormat;
use tanzim_domain::org::Profile;
use tanzim_reports::roll::import_file;
use tanzim_store::imports::OnExisting;

/// 2,500 members in Béni Mellal (more than one export batch of 2,000), every fifth woman
/// with a phone, and 10 in Taounate.
async fn roll(app: &TestApp) {
    let mut text =
        String::from("first_name_lat,last_name_lat,sex,birth_date,cin,phone,commune_code\n");
    for i in 0..2510u32 {
        let sex = if i % 5 == 0 { "F" } else { "M" };
        let phone = if i % 5 == 0 {
            format!("06{:08}", i)
        } else {
            String::new()
        };
        let commune = if i < 2500 {
            "05.091.01.07"
        } else {
            "03.531.01.03"
        };
        let birth = format!("{}-{:02}-{:02}", 1950 + i % 50, 1 + i % 12, 1 + i % 28);
        text.push_str(&format!(
            "Fatima,Zahri{i},{sex},{birth},EX{i:06},{phone},{commune}\n"
        ));
    }
    let options = crate::imports::options(OnExisting::Report, false);
    let profile = Profile::default_profile().unwrap();
    let (summary, _) = import_file(
        &app.db,
        &profile,
        text.as_bytes(),
        &HashMap::new(),
        &options,
    )
    .await
    .unwrap();
    assert_eq!(
        summary.line(),
        "imported 2510, updated 0, rejected 0, review 0, referred 0"
    );
}

/// The CSV's rows (header aside) as maps of column to cell.
fn rows(csv: &[u8]) -> Vec<HashMap<String, String>> {
    let text = String::from_utf8(csv.to_vec()).unwrap();
    let text = text.strip_prefix('\u{FEFF}').expect("a BOM for Excel");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

async fn exports_as_jobs(engine: Engine) {
    let app = common::spawn(engine).await;
    let admin = app
        .user("admin", &[(Role::Administrator, None, None)])
        .await;
    let beni_id = app
        .user("officer.beni", &[(Role::Officer, Some("05.091"), None)])
        .await;
    app.user("comms", &[(Role::CommunicationOfficer, Some("05"), None)])
        .await;
    app.user("officer.taounate", &[(Role::Officer, Some("03.531"), None)])
        .await;
    roll(&app).await;

    // The officer of Béni Mellal: 2,500 rows, exactly the province's numbers in order.
    let beni = app.browser("officer.beni").await;
    let (job, csv) = beni.export("status=active", "csv").await;
    let got = rows(&csv);
    let numbers: Vec<String> = got.iter().map(|r| r["number"].clone()).collect();
    let expected: Vec<String> = (1..=2500).map(|n| format!("05091-{n:06}")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(got[0]["cin"], "EX000000");
    assert_eq!(got[0]["phone"], "+212600000000");
    assert_eq!(got[5]["last_name_lat"], "Zahri5");
    // Once: the second download is refused, and the page says it was taken.
    let (status, _) = beni.bytes(&format!("/jobs/{job}/download")).await;
    assert_eq!(status, 409);
    let page = beni.get(&format!("/jobs/{job}")).await;
    assert!(page.body.contains("id=\"job-downloaded\""), "{}", page.body);
    assert!(!page.body.contains("id=\"job-download\""));

    // Audited, with the query and the rows the file held.
    let api = Api::new(&app, app.token(admin).await);
    let (s, audit) = api.get("/api/v1/audit?action=members-exported").await;
    assert_eq!(s, 200, "{audit}");
    let entries = audit["items"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{audit}");
    assert_eq!(entries[0]["actor"], "officer.beni");
    let detail: serde_json::Value = match &entries[0]["detail"] {
        serde_json::Value::String(s) => serde_json::from_str(s).unwrap(),
        v => v.clone(),
    };
    assert_eq!(
        (
            detail["rows"].as_i64(),
            detail["status"].as_str(),
            detail["job"].as_i64()
        ),
        (Some(2500), Some("active"), Some(job))
    );

    // A job is its owner's: anyone else, an administrator too, is told there is none.
    let other = app.browser("officer.taounate").await;
    assert_eq!(other.get(&format!("/jobs/{job}")).await.status, 404);
    assert_eq!(other.bytes(&format!("/jobs/{job}/download")).await.0, 404);
    assert_eq!(api.get(format!("/api/v1/jobs/{job}")).await.0, 404);
    // The Taounate officer's own export holds Taounate's ten and no one else.
    let (_, csv) = other.export("", "csv").await;
    let numbers: BTreeSet<String> = rows(&csv).iter().map(|r| r["number"].clone()).collect();
    let expected: BTreeSet<String> = (1..=10).map(|n| format!("03531-{n:06}")).collect();
    assert_eq!(numbers, expected);

    // The birth date is in the export, for whoever may see it.
    assert_eq!(got[0]["birth_date"], "1950-01-01");
    // A communication officer sees the members but not their CINs, phones or birth dates.
    let comms = app.browser("comms").await;
    let (_, csv) = comms.export("territory=05.091", "csv").await;
    let got = rows(&csv);
    assert_eq!(got.len(), 2500);
    assert!(
        got.iter()
            .all(|r| r["cin"].is_empty() && r["phone"].is_empty() && r["birth_date"].is_empty())
    );

    // The workbook: a sheet that reads back as the same roll.
    let (_, xlsx) = beni.export("status=active", "xlsx").await;
    let mapping =
        tanzim_reports::import::parse_mapping("number=-\ncommune=-\nstatus=-\npaid_year=-");
    let read = tanzim_reports::import::read(&xlsx, &mapping).unwrap();
    assert_eq!(read.rows.len(), 2500);
    assert_eq!(read.rows[2499].person.cin, "EX002499");

    // The API shows the owner's jobs with their progress.
    let beni_api = Api::new(&app, app.token(beni_id).await);
    let (s, list) = beni_api.get("/api/v1/jobs").await;
    assert_eq!(s, 200, "{list}");
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        (list[1]["id"].as_i64(), list[1]["state"].as_str()),
        (Some(job), Some("done"))
    );
    assert_eq!(
        (
            list[1]["done"].as_i64(),
            list[1]["total"].as_i64(),
            list[1]["percent"].as_i64()
        ),
        (Some(2500), Some(2500), Some(100))
    );
    assert_eq!(list[1]["download"], serde_json::Value::Null);
    assert_eq!(
        list[0]["download"],
        serde_json::Value::Null,
        "the workbook was downloaded"
    );
    // Cancelling an ended job is refused.
    let (s, e) = beni_api
        .send(
            "POST",
            format!("/api/v1/jobs/{job}/cancel"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("job-ended")));
}
both_engines!(exports_stream_once_and_in_scope, exports_as_jobs);

/// Without a server's worker: a job a stop left running is queued again and done from
/// the start; a cancelled one ends cancelled, with no file.
async fn restart_and_cancel(engine: Engine) {
    let app = common::without_server(engine).await;
    let officer = app
        .user("officer.beni", &[(Role::Officer, Some("05.091"), None)])
        .await;
    roll(&app).await;
    let commands_app = App::new(app.db.clone(), Profile::default_profile().unwrap());
    let (principal, _) = tanzim_store::accounts::principal(&app.db, officer)
        .await
        .unwrap()
        .unwrap();
    let actor = Actor::user(&principal, "127.0.0.1");
    let dir = common::test_dir().join(format!("jobs-restart-{}", tanzim_web::auth::random_token()));
    std::fs::create_dir_all(&dir).unwrap();
    let filter = tanzim_commands::member_lists::ListFilter::default();

    // Started, then the server stopped in the middle: the row says running, 2,000 done.
    let id = exports::start(&commands_app, &actor, &filter, ExportFormat::Csv, "members")
        .await
        .unwrap();
    // A second click while it waits goes to the same job.
    let again = exports::start(
        &commands_app,
        &actor,
        &filter,
        ExportFormat::Xlsx,
        "members",
    )
    .await
    .unwrap();
    assert_eq!(again, id);
    let racing: Vec<_> = (0..8)
        .map(|_| {
            let (app, principal, filter) =
                (commands_app.clone(), principal.clone(), filter.clone());
            tokio::spawn(async move {
                let actor = Actor::user(&principal, "127.0.0.1");
                exports::start(&app, &actor, &filter, ExportFormat::Csv, "members")
                    .await
                    .unwrap()
            })
        })
        .collect();
    for r in racing {
        assert_eq!(r.await.unwrap(), id, "requests at once find the same job");
    }
    let claimed = tanzim_store::jobs::claim_next(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(claimed.id, id);
    tanzim_store::jobs::progress(&app.db, id, 2000, Some(2500))
        .await
        .unwrap();
    // The part it had written, as the worker names it.
    let part = dir.join(format!("job-{id}-stopped.csv"));
    std::fs::write(&part, "number\n05091-000001\n").unwrap();
    tanzim_store::jobs::writing(&app.db, id, part.to_str().unwrap())
        .await
        .unwrap();
    assert!(
        !worker::run_next(&commands_app, &dir).await.unwrap(),
        "a running job is not taken twice"
    );
    assert_eq!(jobs::resume(&commands_app, &dir).await.unwrap(), 1);
    assert!(
        !part.exists(),
        "the part a stop left is removed at the next start"
    );
    let queued = jobs::get(&commands_app, &actor, id).await.unwrap();
    assert_eq!((queued.job.state.as_str(), queued.job.done), ("queued", 0));
    assert!(worker::run_next(&commands_app, &dir).await.unwrap());
    let done = jobs::get(&commands_app, &actor, id).await.unwrap();
    assert_eq!(
        (done.job.state.as_str(), done.job.done, done.job.total),
        ("done", 2500, Some(2500))
    );
    // A role revoked since the job ran takes the file with it.
    let mut revoked = principal.clone();
    revoked.roles.clear();
    assert!(matches!(
        jobs::download(&commands_app, &Actor::user(&revoked, "127.0.0.1"), id, &dir).await,
        Err(tanzim_commands::Error::Forbidden)
    ));
    // A restored backup keeps the job's history, not its file.
    let saved = dir.join("with-a-job.tanzim");
    tanzim_store::backup::backup(&app.db, &saved).await.unwrap();
    let restored = common::fresh_db(engine).await;
    tanzim_store::backup::restore(&restored, &saved)
        .await
        .unwrap();
    let job = tanzim_store::jobs::get(&restored, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((job.state.as_str(), job.file), ("done", None));
    std::fs::remove_file(&saved).unwrap();
    let file = jobs::download(&commands_app, &actor, id, &dir)
        .await
        .unwrap();
    let csv = std::fs::read(&file.path).unwrap();
    assert_eq!(rows(&csv).len(), 2500);
    assert!(matches!(
        jobs::download(&commands_app, &actor, id, &dir).await,
        Err(tanzim_commands::Error::Conflict("job-downloaded"))
    ));
    // Downloaded, the file goes at the next housekeeping.
    assert_eq!(
        jobs::remove_old_files(&commands_app, &dir).await.unwrap(),
        1
    );
    assert!(!file.path.exists());

    // A row naming a file the worker did not write (altered, or restored from elsewhere)
    // is never served, nor removed.
    let victim =
        common::test_dir().join(format!("victim-{}.txt", tanzim_web::auth::random_token()));
    std::fs::write(&victim, "not an export").unwrap();
    let other = exports::start(&commands_app, &actor, &filter, ExportFormat::Csv, "members")
        .await
        .unwrap();
    assert!(worker::run_next(&commands_app, &dir).await.unwrap());
    tanzim_store::jobs::writing(&app.db, other, victim.to_str().unwrap())
        .await
        .unwrap();
    assert!(matches!(
        jobs::download(&commands_app, &actor, other, &dir).await,
        Err(tanzim_commands::Error::Conflict("job-expired"))
    ));
    common::execute(
        &app.db,
        "UPDATE jobs SET finished_at = 1 WHERE id = $1",
        &[other],
    )
    .await;
    jobs::remove_old_files(&commands_app, &dir).await.unwrap();
    assert!(
        victim.exists(),
        "a file outside the jobs' directory is left alone"
    );
    std::fs::remove_file(&victim).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }

    // Cancelled while queued: it never runs. Cancelled while running, then stopped before
    // its next batch: it ends cancelled at the next start, not queued again.
    let queued = exports::start(&commands_app, &actor, &filter, ExportFormat::Csv, "members")
        .await
        .unwrap();
    jobs::cancel(&commands_app, &actor, queued).await.unwrap();
    assert!(!worker::run_next(&commands_app, &dir).await.unwrap());
    let running = exports::start(
        &commands_app,
        &actor,
        &filter,
        ExportFormat::Xlsx,
        "members",
    )
    .await
    .unwrap();
    tanzim_store::jobs::claim_next(&app.db)
        .await
        .unwrap()
        .unwrap();
    jobs::cancel(&commands_app, &actor, running).await.unwrap();
    assert_eq!(jobs::resume(&commands_app, &dir).await.unwrap(), 1);
    assert!(!worker::run_next(&commands_app, &dir).await.unwrap());
    for id in [queued, running] {
        let v = jobs::get(&commands_app, &actor, id).await.unwrap();
        assert_eq!(v.job.state, "cancelled", "job {id}");
        assert!(!v.downloadable());
    }
    assert!(matches!(
        jobs::cancel(&commands_app, &actor, running).await,
        Err(tanzim_commands::Error::Conflict("job-ended"))
    ));

    // A writer told to stop after its first batch removes the part it wrote.
    struct StopAtOnce;
    impl tanzim_commands::progress::Progress for StopAtOnce {
        async fn report(&mut self, _: i64, _: Option<i64>) -> tanzim_commands::Result<bool> {
            Ok(false)
        }
    }
    let path = dir.join("stopped.csv");
    let written = exports::write(
        &commands_app,
        &actor,
        &filter,
        ExportFormat::Csv,
        "members",
        &path,
        &mut StopAtOnce,
    )
    .await
    .unwrap();
    assert_eq!(written, None);
    assert!(!path.exists());
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no file left behind"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
both_engines!(restarted_and_cancelled_jobs, restart_and_cancel);
