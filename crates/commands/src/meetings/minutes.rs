//! The minutes: drafted from the record, edited by the rapporteur, approved (the record
//! locks and the decisions take effect), amended after approval.

use super::{facts, record};
use crate::access::InBody;
use crate::{Actor, App, Error, Found, Result};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::{self as rules, Presence};
use tanzim_domain::policy::Action;
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit;
use tanzim_store::meetings::{self as store, Meeting};

/// Saves `text` as the draft minutes, the record locked open.
async fn save_draft(app: &App, actor: &Actor<'_>, meeting: &Meeting, text: &str) -> Result<()> {
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    store::save_minutes(&mut tx, meeting, text).await?;
    let entry = actor.audit(AuditAction::MinutesDrafted).target_of(
        "meeting",
        meeting.id,
        &meeting.target(),
    );
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Drafts the minutes from the record (the rapporteur edits them in the page).
pub async fn draft(app: &App, actor: &Actor<'_>, m: &Found<InBody<Meeting>>) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let d = record::read(app, &m.body, m.record.id).await?;
    let f = facts::read(app, &m.body, &d).await?;
    // Those present by video conference at a hybrid meeting are said so.
    let names = |p: Presence| -> Vec<String> {
        d.attendance
            .iter()
            .filter(|a| !a.guest && a.presence == p)
            .map(|a| match a.remote {
                true => format!("{} (عن بعد)", a.name),
                false => a.name.clone(),
            })
            .collect()
    };
    let (requests, answers) = super::requests::minutes_lines(app, &m.record).await?;
    let minutes = rules::MinutesRecord {
        requests,
        answers,
        // The reports the meeting hears, under their agenda items.
        heard: crate::reports::minutes_lines(app, &m.record).await?,
        present: names(Presence::Present),
        excused: names(Presence::Excused),
        absent: names(Presence::Absent),
        movements: d
            .attendance
            .iter()
            .filter(|a| a.arrived_at.is_some() || a.left_at.is_some())
            .map(|a| {
                let mut times = Vec::new();
                if let Some(t) = &a.arrived_at {
                    times.push(format!("الالتحاق {t}"));
                }
                if let Some(t) = &a.left_at {
                    times.push(format!("المغادرة {t}"));
                }
                format!("{} ({})", a.name, times.join("، "))
            })
            .collect(),
        decisions: d
            .decisions
            .iter()
            .map(|(decision, voters)| match voters {
                Some(v) if decision.votes_for.is_some() || decision.taken_at.is_some() => {
                    format!("{} ({})", decision.summary, rules::voters_ar(v))
                }
                _ => decision.summary.clone(),
            })
            .collect(),
    };
    let text = rules::minutes_ar(&f, &minutes);
    save_draft(app, actor, &m.record, &text).await
}

/// The rapporteur's edits to the draft minutes.
pub async fn edit(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    text: &str,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    if text.trim().is_empty() {
        return Err(DomainError::new(Field::Name, "text-required").into());
    }
    save_draft(app, actor, &m.record, text.trim()).await
}

/// Approves the minutes: the record locks and every decision takes effect (positions are
/// given, committees created...). The decisions are read after the record is locked, in the
/// approval's transaction: one recorded meanwhile either came first and takes effect with
/// the others, or comes after and finds the record locked.
pub async fn approve(app: &App, actor: &Actor<'_>, m: &Found<InBody<Meeting>>) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let (meeting, body) = (&m.record, &m.body);
    let mut tx = app.db.begin().await?;
    match store::lock(&mut tx, meeting.id).await?.as_str() {
        "draft" => {}
        "approved" => return Err(Error::Conflict("minutes-approved")),
        _ => return Err(Error::Conflict("minutes-not-drafted")),
    }
    store::approve(&mut tx, meeting, actor.user_id()).await?;
    let pending = store::decisions_in(&mut tx, meeting.id).await?;
    for d in pending.iter().filter(|d| !d.applied) {
        store::apply_decision(&mut tx, meeting, body, d, actor.user_id()).await?;
    }
    let entry = actor
        .audit(AuditAction::MinutesApproved)
        .target_of("meeting", meeting.id, &meeting.target())
        .detail(serde_json::json!({ "decisions": pending.len() }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Amends approved minutes: the approved text stays, the amendment is kept with its reason.
pub async fn amend(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    text: &str,
    reason: &str,
) -> Result<i64> {
    m.require(Action::ManageMeetings)?;
    let (text, reason) = (text.trim(), reason.trim());
    if text.is_empty() || reason.is_empty() {
        return Err(DomainError::new(Field::Reason, "text-required").into());
    }
    let meeting = &m.record;
    let mut tx = app.db.begin().await?;
    if store::lock(&mut tx, meeting.id).await? != "approved" {
        return Err(Error::Conflict("minutes-not-approved"));
    }
    let id = store::amend_minutes(&mut tx, meeting, text, reason, actor.user_id()).await?;
    let entry = actor
        .audit(AuditAction::MinutesAmended)
        .target_of("meeting", meeting.id, &meeting.target())
        .detail(serde_json::json!({ "amendment": id, "reason": reason }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}
