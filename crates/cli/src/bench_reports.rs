//! The reports case of `tanzim bench`: the figures of a regional body's report (members by
//! status at the period's eve and end, the women and under-35s among the active, new
//! members, renewals, meetings, activities, communiqués, bodies below), computed as the
//! report's page and its submission compute them, for the last quarter that has ended and
//! for last year.

use anyhow::Result;
use tanzim_commands::App;
use tanzim_domain::org::{BodyStatus, Profile};
use tanzim_domain::reports::{Period, expected};
use tanzim_store::Db;
use tanzim_store::bodies::Body;

/// Measures the figures of the region `code`, or of the region with the most members.
pub async fn run(db: &Db, profile: &Profile, code: Option<&str>) -> Result<()> {
    let code = match code {
        Some(c) => c.to_owned(),
        None => {
            let mut regions: std::collections::BTreeMap<String, i64> = Default::default();
            for row in tanzim_store::counters::children_of(db, None).await? {
                *regions.entry(row.code).or_insert(0) += row.n;
            }
            regions
                .into_iter()
                .max_by_key(|(_, n)| *n)
                .map(|(c, _)| c)
                .unwrap_or_else(|| "05".to_owned())
        }
    };
    let members: i64 = tanzim_store::counters::of(db, Some(&code))
        .await?
        .iter()
        .map(|r| r.n)
        .sum();
    // The figures read the body's path, id and kind only: a body as the store would give
    // it, not written (its own meetings and activities count none).
    let body = Body {
        id: 0,
        organization: "party".to_owned(),
        kind: "regional_secretariat".to_owned(),
        territory_code: Some(code.clone()),
        territory_name_ar: None,
        territory_name_fr: None,
        path: format!("{code}/"),
        parent_id: None,
        name: String::new(),
        status: BodyStatus::Active,
        created_at: 0,
        dissolved_at: None,
        founding_target: None,
        founding_committee: None,
        constituted_on: None,
        name_fr: None,
    };
    let app = App::new(db.clone(), profile.clone());
    let engine = db.engine();
    let [quarter, year] = expected(tanzim_web::today());
    for (label, period) in [("last quarter", quarter), ("last year", year)] {
        let times = measure(&app, &body, &period).await?;
        let (p50, p95, _) = crate::percentiles(times);
        println!(
            "| {engine} | report figures of region {code} ({members} members), {label} ({} – {}) | p50 {p50:.1} ms, p95 {p95:.1} ms |",
            period.starts_on, period.ends_on
        );
    }
    Ok(())
}

async fn measure(app: &App, body: &Body, period: &Period) -> Result<Vec<f64>> {
    let mut times = Vec::new();
    for _ in 0..20 {
        let t = std::time::Instant::now();
        tanzim_commands::reports::compute(app, body, period).await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(times)
}
