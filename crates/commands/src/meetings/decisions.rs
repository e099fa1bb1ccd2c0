//! The decisions a meeting takes; they take effect when its minutes are approved.

use super::profile::{level_of, linked_member, position, vote_rules};
use crate::access::InBody;
use crate::{Actor, App, Found, Result};
use tanzim_domain::Field;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::{self as rules, DecisionKind, Sex, Vote};
use tanzim_domain::policy::Action;
use tanzim_store::audit;
use tanzim_store::meetings::{self as store, Attendee, Meeting};

/// A decision as the rapporteur records it.
pub struct Taken {
    pub decision: DecisionKind,
    /// The vote's counts; by consensus when absent.
    pub vote: Option<Vote>,
    /// HH:MM when it was taken: who was in the room then could vote.
    pub taken_at: Option<String>,
}

/// Records a decision with its summary in words. Its vote must fit the voters the
/// attendance gives it: the attendance is read, the vote checked and the decision written
/// in one transaction on the locked record (an attendance recorded meanwhile, or an
/// approval, waits for it and then sees it).
pub async fn record(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    input: &Taken,
) -> Result<i64> {
    m.require(Action::ManageMeetings)?;
    let (meeting, b) = (&m.record, &m.body);
    let (kind, vote) = (&input.decision, input.vote.as_ref());
    rules::check_decision(kind, vote)?;
    if let DecisionKind::Appoint {
        member_id: Some(mid),
        ..
    } = kind
    {
        linked_member(app, b, *mid).await?;
    }
    let taken_at = super::profile::time(input.taken_at.as_deref(), Field::Attendance)?;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    let attendance = store::attendance_in(&mut tx, meeting.id).await?;
    if let Some(v) = vote
        && !attendance.is_empty()
    {
        let seats: Vec<_> = attendance.iter().map(Attendee::seat).collect();
        let voters = rules::voters_at(&seats, taken_at.as_deref(), vote_rules(&app.profile, b));
        rules::check_vote_against_voters(v, &voters)?;
    }
    let title = match kind {
        DecisionKind::Appoint {
            position: key,
            rank,
            sex,
            ..
        } => position(&app.profile, key)?.title_ar(
            *rank,
            level_of(&app.profile, b),
            Sex::parse(sex)?,
        ),
        _ => String::new(),
    };
    let summary = rules::decision_ar(kind, &title, vote)?;
    let id =
        store::add_decision(&mut tx, meeting, kind, vote, taken_at.as_deref(), &summary).await?;
    let entry = actor
        .audit(AuditAction::MeetingRecorded)
        .target_of("meeting", meeting.id, &meeting.target())
        .detail(serde_json::json!({ "decision": id, "summary": summary }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}
