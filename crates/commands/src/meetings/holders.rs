//! The positions of a body: who holds which (the existing office, entered once; later
//! changes come from meetings' decisions).

use super::profile::{holder_from_roll, position};
use crate::{Actor, App, Found, Result, today};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::{self as rules, DecisionKind};
use tanzim_domain::policy::Action;
use tanzim_domain::sex::Sex;
use tanzim_store::audit;
use tanzim_store::bodies::Body;
use tanzim_store::meetings::{self as store, NewHolder};

/// Someone holding a position, as the officer enters it.
pub struct Appointment {
    /// A position key of the profile.
    pub position: String,
    pub rank: Option<u8>,
    pub holder_name: String,
    /// F or M, checked with the rest.
    pub sex: String,
    pub member_id: Option<i64>,
    /// Today when not given.
    pub started_on: Option<NaiveDate>,
}

/// Records who holds a position of the body; whoever held it until then leaves it. The new
/// holder's id (the caller reads it back: once committed, a failed read is not the
/// appointment's failure).
pub async fn appoint(
    app: &App,
    actor: &Actor<'_>,
    b: &Found<Body>,
    input: &Appointment,
) -> Result<i64> {
    b.require(Action::ManageMeetings)?;
    let (holder_name, sex) =
        holder_from_roll(app, b, input.member_id, &input.holder_name, &input.sex).await?;
    let holder_name = holder_name.as_str();
    let kind = DecisionKind::Appoint {
        position: input.position.clone(),
        rank: input.rank,
        holder_name: holder_name.to_owned(),
        sex: sex.clone(),
        member_id: input.member_id,
    };
    rules::check_decision(&kind, None)?;
    position(&app.profile, &input.position)?;
    let started_on = input.started_on.unwrap_or_else(today).to_string();
    let new = NewHolder {
        body_id: b.id,
        position: &input.position,
        rank: input.rank.map(i64::from),
        holder_name,
        sex: Sex::parse(&sex)?,
        member_id: input.member_id,
        started_on: &started_on,
    };
    let mut tx = app.db.begin().await?;
    let id = store::install_holder(&mut tx, &new, None).await?;
    let entry = actor
        .audit(AuditAction::PositionAssigned)
        .target("body", b.id, Some(b.target().path))
        .detail(serde_json::json!({ "holder": id, "position": new.position, "rank": new.rank, "name": new.holder_name }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// The body's office as it stands: its current holders in the order the profile lists the
/// positions (the secretary before the deputies), a position's ranks in order (the first
/// deputy before the second), positions the profile no longer lists last.
pub async fn office(app: &App, b: &Body) -> Result<Vec<store::Holder>> {
    let mut holders = store::holders(&app.db, b.id, true).await?;
    let seat = |h: &store::Holder| {
        let listed = app
            .profile
            .positions
            .iter()
            .position(|p| p.key == h.position)
            .unwrap_or(usize::MAX);
        (listed, h.rank.unwrap_or(0), h.started_on, h.id)
    };
    holders.sort_by_key(seat);
    Ok(holders)
}
