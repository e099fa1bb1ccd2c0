//! A campaign closes in batches, each in its own transaction: a close larger than one
//! batch, interrupted after its first batch (a stop) and resumed, lapses exactly the
//! members who did not renew, once each, with exact counters; while it closes, renewals
//! are refused; resuming a finished close changes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::members::{member, setup, year};

use common::Engine;
use serde_json::json;
use tanzim_commands::{Actor, App, campaigns as close};
use tanzim_domain::accounts::Role;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::org::Profile;
use tanzim_store::audit::AuditEntry;
use tanzim_store::campaigns;

/// What a close told its watcher, in order.
#[derive(Default)]
struct Seen(Vec<(i64, Option<i64>)>);

impl tanzim_commands::progress::Progress for Seen {
    async fn report(&mut self, done: i64, total: Option<i64>) -> tanzim_commands::Result<bool> {
        self.0.push((done, total));
        Ok(true)
    }
}

/// How many of `ids` are lapsed, and how many `lapse` history rows they have in all.
async fn lapsed(api: &common::Api, ids: &[i64]) -> (usize, usize) {
    let mut lapsed = 0;
    let mut events = 0;
    for id in ids {
        let (s, m) = api.get(format!("/api/v1/members/{id}")).await;
        assert_eq!(s, 200, "{m}");
        lapsed += usize::from(m["status"] == "lapsed");
        events += m["history"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["event"] == "lapse")
            .count();
    }
    (lapsed, events)
}

async fn lapsed_in_stats(api: &common::Api) -> i64 {
    let (s, stats) = api.get("/api/v1/stats/members?territory=05.091").await;
    assert_eq!(s, 200, "{stats}");
    stats["by_status"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x[0] == "lapsed")
        .unwrap()[1]
        .as_i64()
        .unwrap()
}

async fn interrupted_and_resumed(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, campaign) = setup(&app).await;
    let last_year = format!("{}-06-01", year() - 1);
    // Seven members of Béni Mellal province from last year: two renew, five must lapse.
    let mut unpaid = Vec::new();
    let mut paid = Vec::new();
    for n in 0..7 {
        let commune = if n % 2 == 0 {
            "05.091.01.07"
        } else {
            "05.091.01.01"
        };
        let id = member(&api, &format!("CL30000{n}"), commune, Some(&last_year)).await;
        if n < 2 {
            paid.push(id)
        } else {
            unpaid.push(id)
        }
    }
    let elsewhere = member(&api, "CL400001", "03.531.01.03", Some(&last_year)).await;
    for (n, id) in paid.iter().enumerate() {
        let (s, p) = api
            .send("POST", format!("/api/v1/members/{id}/payments"),
                json!({"campaign_id": campaign, "category": "standard", "receipt": format!("C-{n}"), "method": "cash"}))
            .await;
        assert_eq!(s, 201, "{p}");
    }

    // The close starts; the server stops after its first batch of two.
    let c = campaigns::get(&app.db, campaign).await.unwrap().unwrap();
    let entry = AuditEntry::new(None, "admin", AuditAction::CampaignClosed, None);
    campaigns::begin_close(&app.db, &c, 1, entry).await.unwrap();
    assert_eq!(
        campaigns::lapse_batch(
            &app.db,
            &c,
            &tanzim_web::today().to_string(),
            &campaigns::LapseCursor::default(),
            2
        )
        .await
        .unwrap()
        .0,
        2
    );
    assert_eq!(lapsed(&api, &unpaid).await, (2, 2));
    let (s, c_now) = api.get(format!("/api/v1/campaigns/{campaign}")).await;
    assert_eq!(s, 200, "{c_now}");
    assert_eq!(
        (c_now["status"].as_str(), c_now["lapsed_count"].as_i64()),
        (Some("open"), Some(2)),
        "{c_now}"
    );
    assert!(c_now["closing_since"].is_i64(), "{c_now}");
    // While it closes, no one renews.
    let (s, e) = api
        .send("POST", format!("/api/v1/members/{}/payments", unpaid[4]),
            json!({"campaign_id": campaign, "category": "standard", "receipt": "C-9", "method": "cash"}))
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (409, Some("campaign-closing")),
        "{e}"
    );

    // At the next start the close resumes, two by two, and ends, telling its progress:
    // 2 of 5 lapsed before the stop, then 4, then the last.
    let resumed = App::new(app.db.clone(), Profile::default_profile().unwrap());
    let mut seen = Seen::default();
    assert_eq!(
        close::run_close(&resumed, campaign, 2, &mut seen)
            .await
            .unwrap(),
        5
    );
    assert_eq!(seen.0, [(2, Some(5)), (4, Some(5)), (5, Some(5))]);
    assert_eq!(lapsed(&api, &unpaid).await, (5, 5));
    assert_eq!(lapsed(&api, &paid).await, (0, 0));
    assert_eq!(lapsed(&api, &[elsewhere]).await, (0, 0));
    assert_eq!(lapsed_in_stats(&api).await, 5);
    let (_, c_now) = api.get(format!("/api/v1/campaigns/{campaign}")).await;
    assert_eq!(
        (c_now["status"].as_str(), c_now["lapsed_count"].as_i64()),
        (Some("closed"), Some(5)),
        "{c_now}"
    );
    assert!(c_now["closing_since"].is_null(), "{c_now}");

    // Resuming again (a second start) changes nothing.
    close::resume_closes(&resumed).await.unwrap();
    let mut seen = Seen::default();
    assert_eq!(
        close::run_close(&resumed, campaign, 2, &mut seen)
            .await
            .unwrap(),
        5
    );
    assert!(seen.0.is_empty(), "a closed campaign has nothing to do");
    assert_eq!(lapsed(&api, &unpaid).await, (5, 5));
    assert_eq!(lapsed_in_stats(&api).await, 5);
}
both_engines!(
    a_close_interrupted_and_resumed_lapses_each_member_once,
    interrupted_and_resumed
);

/// From the API a close is a job of its officer's: the answer names it, and the job shows
/// the members lapsed of all those who had to; a close is not cancelled half-way.
async fn close_as_a_job(engine: Engine) {
    let app = common::spawn(engine).await;
    let (api, _, campaign) = setup(&app).await;
    let last_year = format!("{}-06-01", year() - 1);
    for n in 0..3 {
        member(
            &api,
            &format!("CJ30000{n}"),
            "05.091.01.07",
            Some(&last_year),
        )
        .await;
    }
    let (s, closed) = api
        .send(
            "POST",
            format!("/api/v1/campaigns/{campaign}/close"),
            json!({"confirm": "true"}),
        )
        .await;
    assert_eq!((s, closed["lapsed"].as_i64()), (200, Some(3)), "{closed}");
    let job = closed["job"].as_i64().unwrap();
    let (s, j) = api.get(format!("/api/v1/jobs/{job}")).await;
    assert_eq!(s, 200, "{j}");
    assert_eq!(
        (
            j["kind"].as_str(),
            j["state"].as_str(),
            j["done"].as_i64(),
            j["total"].as_i64(),
            j["percent"].as_i64()
        ),
        (
            Some("campaign-close"),
            Some("done"),
            Some(3),
            Some(3),
            Some(100)
        ),
        "{j}"
    );
    assert!(j["download"].is_null(), "a close leaves no file: {j}");
    // Closing it again is refused; its ended job cannot be cancelled.
    let (s, e) = api
        .send(
            "POST",
            format!("/api/v1/campaigns/{campaign}/close"),
            json!({"confirm": "true"}),
        )
        .await;
    assert_eq!(
        (s, e["error"].as_str()),
        (409, Some("campaign-closed")),
        "{e}"
    );
    let (s, e) = api
        .send("POST", format!("/api/v1/jobs/{job}/cancel"), json!({}))
        .await;
    assert_eq!((s, e["error"].as_str()), (409, Some("job-ended")), "{e}");

    // A close waiting or running is not cancelled (no worker here: it stays queued).
    let quiet = common::without_server(engine).await;
    let officer = quiet
        .user("officer.beni", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let queued = tanzim_store::jobs::create(
        &quiet.db,
        "campaign-close",
        officer,
        "campaign-1",
        "{\"campaign\": 1}",
    )
    .await
    .unwrap();
    // One open close per campaign, whoever asks; exports stay one open per user.
    let other = quiet
        .user("officer.two", &[(Role::Officer, Some("05.091"), None)])
        .await;
    let create = |owner: i64, kind: &'static str, subject: &'static str| {
        let db = quiet.db.clone();
        async move {
            tanzim_store::jobs::create(&db, kind, owner, subject, "{\"campaign\": 1}")
                .await
                .unwrap()
        }
    };
    assert_eq!(create(other, "campaign-close", "campaign-1").await, queued);
    assert_ne!(create(other, "campaign-close", "campaign-2").await, queued);
    let export = create(officer, "member-export", "").await;
    assert_eq!(create(officer, "member-export", "").await, export);
    assert_ne!(create(other, "member-export", "").await, export);
    let (principal, _) = tanzim_store::accounts::principal(&quiet.db, officer)
        .await
        .unwrap()
        .unwrap();
    let quiet_app = App::new(quiet.db.clone(), Profile::default_profile().unwrap());
    assert!(matches!(
        tanzim_commands::jobs::cancel(&quiet_app, &Actor::user(&principal, "127.0.0.1"), queued)
            .await,
        Err(tanzim_commands::Error::Conflict("job-not-cancellable"))
    ));
}
both_engines!(a_close_is_a_job_that_is_not_cancelled, close_as_a_job);
