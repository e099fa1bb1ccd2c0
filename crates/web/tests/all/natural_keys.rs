//! The paths that find an existing member by a natural key (a CIN typed into the member
//! form, a roll's CIN or name and birth date, the review queue and its decisions, search by
//! CIN), for every kind of principal, with the outcome of each cell written by hand from
//! the rule: what lies outside the principal's reach is neither shown nor changed, and
//! what cannot be decided there is referred to whoever covers both places.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::{Api, Engine, person};
use tanzim_domain::accounts::Role;

/// The member every path looks for: CIN BM000001, in Kasba Tadla (Beni Mellal province).
const KASBA_TADLA: &str = "05.091.01.07";
/// Where each principal enters a person: a commune of Taounate.
const TAOUNATE_COMMUNE: &str = "03.531.01.03";

struct Cell {
    username: &'static str,
    roles: &'static [(Role, Option<&'static str>, Option<&'static str>)],
    /// POST /api/v1/members with the member's CIN, in Taounate: status and error code.
    create: (u16, &'static str),
    /// A roll row with a new CIN and the member's name and birth date, in Taounate: the
    /// summary line, or the import page's status when it is not allowed.
    import: Result<&'static str, u16>,
    /// GET /api/v1/members?q=BM000001: the total, or the status.
    search_cin: Result<i64, u16>,
    /// Whether the review queue shows the member's number.
    sees_member_in_queue: bool,
    /// POST /members/reviews/{referral}/same.
    decide_referral: u16,
}

const REFERRED: &str = "imported 0, updated 0, rejected 0, review 0, referred 1";
const OUT_OF_SCOPE: &str = "imported 0, updated 0, rejected 1, review 0, referred 0";

const CELLS: [Cell; 9] = [
    Cell {
        username: "bm-admin",
        roles: &[(Role::Administrator, Some("05.091"), None)],
        create: (403, "forbidden"),
        import: Ok(OUT_OF_SCOPE),
        search_cin: Ok(1),
        sees_member_in_queue: false,
        decide_referral: 404,
    },
    Cell {
        username: "ta-admin",
        roles: &[(Role::Administrator, Some("03.531"), None)],
        create: (409, "cin-referred"),
        import: Ok(REFERRED),
        search_cin: Ok(0),
        sees_member_in_queue: false,
        decide_referral: 404,
    },
    Cell {
        username: "bm-officer",
        roles: &[(Role::Officer, Some("05.091"), None)],
        create: (403, "forbidden"),
        import: Ok(OUT_OF_SCOPE),
        search_cin: Ok(1),
        sees_member_in_queue: false,
        decide_referral: 404,
    },
    Cell {
        username: "ta-officer",
        roles: &[(Role::Officer, Some("03.531"), None)],
        create: (409, "cin-referred"),
        import: Ok(REFERRED),
        search_cin: Ok(0),
        sees_member_in_queue: false,
        decide_referral: 404,
    },
    Cell {
        username: "bm-committee",
        roles: &[(Role::CommitteeMember, Some("05.091"), None)],
        create: (403, "forbidden"),
        import: Err(403),
        search_cin: Ok(1),
        sees_member_in_queue: false,
        decide_referral: 403,
    },
    Cell {
        username: "press",
        roles: &[(Role::CommunicationOfficer, None, None)],
        create: (403, "forbidden"),
        import: Err(403),
        search_cin: Ok(0),
        sees_member_in_queue: false,
        decide_referral: 403,
    },
    Cell {
        username: "analyst",
        roles: &[(Role::Analyst, None, None)],
        create: (403, "forbidden"),
        import: Err(403),
        search_cin: Err(403),
        sees_member_in_queue: false,
        decide_referral: 403,
    },
    Cell {
        username: "women-admin",
        roles: &[(Role::Administrator, None, Some("women"))],
        create: (403, "forbidden"),
        import: Ok(REFERRED),
        search_cin: Ok(0),
        sees_member_in_queue: false,
        decide_referral: 404,
    },
    // Last: it covers both places, so it sees the referrals and decides them.
    Cell {
        username: "national",
        roles: &[(Role::Administrator, None, None)],
        create: (409, "cin-taken"),
        import: Ok("imported 0, updated 0, rejected 0, review 1, referred 0"),
        search_cin: Ok(1),
        sees_member_in_queue: true,
        decide_referral: 303,
    },
];

async fn natural_keys(engine: Engine) {
    let app = common::spawn(engine).await;
    let setup = app
        .user("setup", &[(Role::Administrator, None, None)])
        .await;
    let api = Api::new(&app, app.token(setup).await);
    let (status, member) = api
        .send("POST", "/api/v1/members", person("BM000001", KASBA_TADLA))
        .await;
    assert_eq!(status, 201, "{member}");
    let number = member["number"].as_str().unwrap().to_owned();

    let mut failures = Vec::new();
    let mut principals = Vec::new();
    for (n, cell) in CELLS.iter().enumerate() {
        let id = app.user(cell.username, cell.roles).await;
        principals.push((
            cell,
            Api::new(&app, app.token(id).await),
            app.browser(cell.username).await,
            n,
        ));
    }
    for (cell, api, web, n) in &principals {
        let who = cell.username;
        let (status, body) = api
            .send(
                "POST",
                "/api/v1/members",
                person("BM000001", TAOUNATE_COMMUNE),
            )
            .await;
        let got = (status, body["error"].as_str().unwrap_or_default());
        if got != cell.create {
            failures.push(format!(
                "{who} create: expected {:?}, got {got:?}",
                cell.create
            ));
        }
        if body.to_string().contains(&number) {
            failures.push(format!("{who} create: the answer names the member"));
        }

        let roll = format!(
            "first_name_ar,last_name_ar,first_name_lat,last_name_lat,sex,birth_date,cin,commune\n\
             فاطمة,الزهراء,Fatima,Zahra,F,1990-12-08,NK00000{n},{TAOUNATE_COMMUNE}\n"
        );
        let got = match cell.import {
            Ok(_) => Ok(web.import_roll(&roll, "update").await),
            Err(_) => Err(web.get("/members/import").await.status),
        };
        if got.as_deref().map_err(|s| *s) != cell.import {
            failures.push(format!(
                "{who} import: expected {:?}, got {got:?}",
                cell.import
            ));
        }

        let (status, found) = api.get("/api/v1/members?q=BM000001").await;
        let got = if status == 200 {
            Ok(found["total"].as_i64().unwrap())
        } else {
            Err(status)
        };
        if got != cell.search_cin {
            failures.push(format!(
                "{who} search: expected {:?}, got {got:?}",
                cell.search_cin
            ));
        }
    }
    // The referrals wait at the country's level (Taounate and Beni Mellal share no region).
    for (cell, _, web, _) in &principals {
        let queue = web.get("/members/reviews").await;
        // Refused (a role that does not manage members) or shown: nothing else.
        if !matches!(queue.status, 200 | 403) {
            failures.push(format!(
                "{} queue: answered {}",
                cell.username, queue.status
            ));
        }
        let sees = queue.body.contains(&number);
        if sees != cell.sees_member_in_queue {
            failures.push(format!(
                "{} queue: expected to see the member {}, saw it {sees}",
                cell.username, cell.sees_member_in_queue
            ));
        }
    }
    let national = &principals[CELLS.len() - 1].2;
    let queue = national.get("/members/reviews").await.body;
    let referral = queue
        .split("id=\"review-")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    for (cell, _, web, _) in &principals {
        let got = web
            .submit("/", &format!("/members/reviews/{referral}/same"), &[])
            .await
            .status;
        if got != cell.decide_referral {
            failures.push(format!(
                "{} decides the referral: expected {}, got {got}",
                cell.username, cell.decide_referral
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
both_engines!(natural_keys_respect_scope, natural_keys);
