//! A body's committees as they stand, and its founding committee.

use super::profile::linked_member;
use crate::{Actor, App, Found, Result, today};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::policy::Action;
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit;
use tanzim_store::bodies::{self, Body};
use tanzim_store::meetings::{self as store, Seat};

/// Records a committee of the body as it stands (created if the body has none of that
/// kind); its members are members of the party, named and, where known, linked to their
/// record.
pub async fn set(
    app: &App,
    actor: &Actor<'_>,
    b: &Found<Body>,
    committee: &str,
    members: Vec<Seat>,
) -> Result<i64> {
    b.require(Action::ManageMeetings)?;
    let kind = committee.trim();
    if kind.is_empty() {
        return Err(DomainError::new(Field::Name, "text-required").into());
    }
    super::profile::committee_kind(app, kind)?;
    let mut seats: Vec<Seat> = Vec::new();
    for seat in members {
        let name = seat.name.trim().to_owned();
        if name.is_empty() {
            return Err(DomainError::new(Field::Name, "name-required").into());
        }
        if seats.iter().any(|s| s.name == name) {
            return Err(DomainError::new(Field::Name, "name-twice").into());
        }
        if let Some(mid) = seat.member_id {
            linked_member(app, b, mid).await?;
        }
        seats.push(Seat {
            name,
            member_id: seat.member_id,
        });
    }
    let mut tx = app.db.begin().await?;
    let id = store::set_committee(&mut tx, b.id, kind, &seats, &today().to_string()).await?;
    let entry = actor
        .audit(AuditAction::CommitteeRecorded)
        .target_of("body", b.id, &b.target())
        .detail(serde_json::json!({ "committee": kind, "seats": seats.len() }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Puts a body in formation with its founding committee and target date; a founding
/// meeting's `constitute` decision constitutes it when its minutes are approved. The caller
/// reads the body back (once committed, a failed read is not the founding's failure).
pub async fn found(
    app: &App,
    actor: &Actor<'_>,
    b: &Found<Body>,
    target_date: NaiveDate,
    committee: &[String],
) -> Result<()> {
    b.require(Action::ManageBody)?;
    let committee: Vec<&str> = committee
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    bodies::set_founding(
        &app.db,
        b,
        &target_date.to_string(),
        &committee.join("\n"),
        actor.audit(AuditAction::BodyFounding),
    )
    .await?;
    Ok(())
}
