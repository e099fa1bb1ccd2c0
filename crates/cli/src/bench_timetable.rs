//! `tanzim bench-timetable`: a national timetable at the size of a large party (bodies of
//! every organization on every territory, a year of activities), then the timetable
//! pages' work (the month's list, the calendar's counts and the clashes) timed as the
//! server does it, for the national body, regions and provinces.

use anyhow::Result;
use std::time::Instant;
use tanzim_commands::access::load;
use tanzim_commands::timetable::{Filters, of_body};
use tanzim_commands::{Actor, App};
use tanzim_domain::accounts::{Role, RoleAssignment};
use tanzim_domain::org::Profile;
use tanzim_domain::policy::Action;
use tanzim_domain::programmes::{CheckedActivity, Span};
use tanzim_domain::territory::{Level, TerritoryPath};
use tanzim_store::audit::AuditEntry;
use tanzim_store::bodies::{self, Body, NewBody};
use tanzim_store::programmes::{self as store, Owner};
use tanzim_store::{Db, Page, ScopeFilter};

/// A small generator (xorshift): the same seed gives the same party.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn kind_for(level: Level, organization: &str) -> &'static str {
    match (level, organization) {
        (Level::Region, "party") => "regional_secretariat",
        (Level::Province, "party") => "provincial_secretariat",
        (_, "party") => "local_bureau",
        (Level::Region, _) => "regional_office",
        (Level::Province, _) => "provincial_office",
        _ => "local_office",
    }
}

async fn body(
    db: &Db,
    organization: &str,
    kind: &str,
    code: Option<&str>,
    path: &str,
    sole: bool,
) -> Result<i64> {
    let new = NewBody {
        organization: organization.to_owned(),
        kind: kind.to_owned(),
        territory_code: code.map(str::to_owned),
        path: TerritoryPath::from_stored(path.to_owned()),
        parent_id: None,
        name: format!("{kind} {}", code.unwrap_or("national")),
        name_fr: None,
        sole,
    };
    Ok(bodies::create(
        db,
        &new,
        AuditEntry::new(
            None,
            "bench",
            tanzim_domain::audit::AuditAction::BodyCreated,
            None,
        ),
    )
    .await?)
}

pub async fn run(
    db: &Db,
    profile: &Profile,
    bodies_wanted: usize,
    activities: usize,
    seed: u64,
) -> Result<()> {
    let engine = db.engine();
    let start = Instant::now();
    let territories: Vec<_> = tanzim_store::territory::all(db)
        .await?
        .into_iter()
        .filter(|t| matches!(t.level, Level::Region | Level::Province | Level::Commune))
        .collect();
    let national = body(db, "party", "political_bureau", None, "", true).await?;
    let mut made: Vec<(i64, String, Option<String>)> = vec![(national, String::new(), None)];
    'fill: for round in 0.. {
        for t in &territories {
            for organization in ["party", "women", "youth"] {
                if made.len() >= bodies_wanted {
                    break 'fill;
                }
                let id = body(
                    db,
                    organization,
                    kind_for(t.level, organization),
                    Some(&t.code),
                    &t.path,
                    round == 0,
                )
                .await?;
                made.push((
                    id,
                    t.path.clone(),
                    (t.level == Level::Commune).then(|| t.code.clone()),
                ));
            }
        }
    }
    let mut rng = Rng(seed.max(1));
    let words = &profile.activities;
    let guests: Vec<String> = (0..200).map(|i| format!("ضيف {i}")).collect();
    let year = Span {
        starts_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
        ends_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
    };
    let mut programmes = Vec::with_capacity(made.len());
    let mut tx = db.begin().await?;
    for (id, path, _) in &made {
        programmes.push(store::insert(&mut tx, *id, path, "برنامج 2026", &year, None, 0).await?);
    }
    tx.commit().await?;
    let mut tx = db.begin().await?;
    for n in 0..activities {
        let b = rng.below(made.len());
        let (body_id, path, commune) = &made[b];
        let day = year.starts_on + chrono::Duration::days(rng.below(365) as i64);
        let a = CheckedActivity {
            title: format!("نشاط {n}"),
            kind: words.kinds[rng.below(words.kinds.len())].key.clone(),
            themes: vec![words.themes[rng.below(words.themes.len())].key.clone()],
            audience: words.audiences[rng.below(words.audiences.len())]
                .key
                .clone(),
            span: Span {
                starts_on: day,
                ends_on: day,
            },
            online: false,
            responsible: None,
            guests: vec![guests[rng.below(guests.len())].clone()],
            budget_centimes: None,
        };
        let owner = Owner {
            programme_id: programmes[b],
            body_id: *body_id,
            path,
            organization: "party",
        };
        store::add_activity(&mut tx, &owner, &a, commune.as_deref(), None, 0).await?;
        if n % 5_000 == 4_999 {
            tx.commit().await?;
            tx = db.begin().await?;
        }
    }
    tx.commit().await?;
    // The planner's statistics, as a database in use has them (PostgreSQL's autovacuum
    // gathers them a while after a bulk load; without them it reads the scope's range).
    store::analyze(db).await?;
    println!(
        "| {engine} | timetable data: {} bodies, {activities} activities over 2026 | made in {:.1} s |",
        made.len(),
        start.elapsed().as_secs_f64()
    );

    let app = App::new(db.clone(), profile.clone());
    let actor = Actor::console();
    let scope = ScopeFilter::from_assignments(std::iter::once(&RoleAssignment {
        role: Role::Administrator,
        scope: None,
        scope_path: TerritoryPath::national(),
        organization: None,
    }));
    let regions: Vec<i64> = made
        .iter()
        .filter(|(_, p, c)| p.matches('/').count() == 1 && c.is_none())
        .map(|(id, _, _)| *id)
        .take(12)
        .collect();
    let provinces: Vec<i64> = made
        .iter()
        .filter(|(_, p, c)| p.matches('/').count() == 2 && c.is_none())
        .map(|(id, _, _)| *id)
        .take(24)
        .collect();
    for (label, ids) in [
        ("national", vec![national]),
        ("regional", regions),
        ("provincial", provinces),
    ] {
        let mut times = Vec::new();
        let mut shown = 0;
        for _ in 0..3 {
            for month in 1..=12 {
                for id in &ids {
                    let found = load::<Body>(&app, &actor, Action::ViewMeetings, *id).await?;
                    let filters = Filters {
                        month: chrono::NaiveDate::from_ymd_opt(2026, month, 1),
                        ..Default::default()
                    };
                    let t = Instant::now();
                    let view =
                        of_body(&app, &found, &scope, &filters, Page::new(None, Some(50))).await?;
                    times.push(t.elapsed().as_secs_f64() * 1000.0);
                    shown = shown.max(view.activities.total);
                }
            }
        }
        let n = times.len();
        let (p50, p95, p99) = crate::percentiles(times);
        println!(
            "| {engine} | {label} timetable month (list of 50, calendar counts, clashes), {n} requests, up to {shown} activities a month | p50 {p50:.1} ms, p95 {p95:.1} ms, p99 {p99:.1} ms |"
        );
    }
    Ok(())
}
