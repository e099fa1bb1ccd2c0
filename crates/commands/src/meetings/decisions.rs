//! The decisions a meeting takes; they take effect when its minutes are approved.

use super::commit_recorded;
use super::profile::{committee_kind, holder_from_roll, kind_ar, level_of, position, vote_rules};
use crate::access::InBody;
use crate::{Actor, App, Error, Found, Result};
use tanzim_domain::meetings::{self as rules, DecisionKind, Sex, Vote, Voters};
use tanzim_domain::policy::Action;
use tanzim_domain::{DomainError, Field};
use tanzim_store::meetings::{self as store, Attendee, Meeting};

/// A decision as the rapporteur records it.
pub struct Taken {
    pub decision: DecisionKind,
    /// The vote's counts; by consensus when absent.
    pub vote: Option<Vote>,
    /// HH:MM when it was taken: who was in the room then could vote.
    pub taken_at: Option<String>,
}

/// An appointment or an office whose officers are linked to members: the names and sexes
/// left blank are the roll's (and a link to someone not on the body's roll is refused).
async fn from_roll(
    app: &App,
    b: &tanzim_store::bodies::Body,
    kind: DecisionKind,
) -> Result<DecisionKind> {
    Ok(match kind {
        DecisionKind::AdoptProgramme {
            programme_id: Some(id),
            ..
        } => {
            let (p, activities) = crate::programmes::to_adopt(app, b, id).await?;
            DecisionKind::AdoptProgramme {
                programme_id: Some(p.id),
                title: p.title,
                starts_on: p.starts_on.to_string(),
                ends_on: p.ends_on.to_string(),
                activities: activities.into_iter().map(|a| a.title).collect(),
            }
        }
        DecisionKind::Appoint {
            position,
            rank,
            holder_name,
            sex,
            member_id,
        } => {
            let (holder_name, sex) =
                holder_from_roll(app, b, member_id, &holder_name, &sex).await?;
            DecisionKind::Appoint {
                position,
                rank,
                holder_name,
                sex,
                member_id,
            }
        }
        DecisionKind::RenewOffice { officers } => {
            let mut filled = Vec::with_capacity(officers.len());
            for o in officers {
                let (holder_name, sex) =
                    holder_from_roll(app, b, o.member_id, &o.holder_name, &o.sex).await?;
                filled.push(rules::Officer {
                    holder_name,
                    sex,
                    ..o
                });
            }
            DecisionKind::RenewOffice { officers: filled }
        }
        other => other,
    })
}

/// A decision checked against the attendance and worded: what the store writes.
struct Checked {
    kind: DecisionKind,
    vote: Option<Vote>,
    taken_at: Option<String>,
    summary: String,
}

/// Checks a decision as taken (its kind, its vote against the voters the attendance, read
/// in the transaction, gives at the time it was taken) and words its summary.
async fn check(
    app: &App,
    tx: &mut tanzim_store::Tx,
    m: &Found<InBody<Meeting>>,
    kind: DecisionKind,
    input: &Taken,
) -> Result<Checked> {
    let (meeting, b) = (&m.record, &m.body);
    let taken_at = super::profile::time(input.taken_at.as_deref(), Field::Attendance)?;
    let attendance = store::attendance_in(tx, meeting.id).await?;
    let voters = voters(app, meeting, b, &attendance, taken_at.as_deref());
    // A unanimous vote is every voter present: their number is the attendance's.
    let vote = match input.vote.clone() {
        Some(v) if v.unanimous => match &voters {
            Some(voters) if voters.votes > 0 => Some(Vote {
                votes_for: voters.votes,
                ..v
            }),
            _ => return Err(DomainError::new(Field::Vote, "unanimous-without-attendance").into()),
        },
        other => other,
    };
    if let (Some(v), Some(voters)) = (vote.as_ref(), &voters) {
        rules::check_vote_against_voters(v, voters)?;
    }
    let title = match &kind {
        DecisionKind::Appoint {
            position: key,
            rank,
            sex,
            ..
        } => position(&app.profile, key)?.title_ar(
            *rank,
            level_of(&app.profile, b),
            Sex::parse(sex)?,
            &kind_ar(&app.profile, b),
        ),
        DecisionKind::CreateCommittee { committee, .. } => committee_kind(app, committee)?.name.ar,
        DecisionKind::RenewOffice { officers } => {
            let mut office = Vec::new();
            for o in officers {
                let sex = Sex::parse(&o.sex)?;
                let title = position(&app.profile, &o.position)?.title_ar(
                    o.rank,
                    level_of(&app.profile, b),
                    sex,
                    &kind_ar(&app.profile, b),
                );
                let named = rules::Named {
                    name: o.holder_name.clone(),
                    title: String::new(),
                    sex,
                };
                office.push((title, named));
            }
            rules::office_ar(&office)
        }
        _ => String::new(),
    };
    let summary = rules::decision_ar(&kind, &title, vote.as_ref())?;
    Ok(Checked {
        kind,
        vote,
        taken_at,
        summary,
    })
}

/// The decision's kind, filled from the roll and checked on its own.
async fn kind_of(app: &App, m: &Found<InBody<Meeting>>, input: &Taken) -> Result<DecisionKind> {
    let b = &m.body;
    let kind = from_roll(app, b, input.decision.clone()).await?;
    rules::check_decision(&kind, input.vote.as_ref())?;
    // Only a body being founded can be constituted; an active one was constituted already.
    if kind == DecisionKind::Constitute && !b.in_formation() {
        return Err(DomainError::new(Field::Status, "body-not-in-formation").into());
    }
    Ok(kind)
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
    let meeting = &m.record;
    let kind = kind_of(app, m, input).await?;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    let c = check(app, &mut tx, m, kind, input).await?;
    let id = store::add_decision(
        &mut tx,
        meeting,
        &c.kind,
        c.vote.as_ref(),
        c.taken_at.as_deref(),
        &c.summary,
    )
    .await?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "decision": id, "summary": c.summary }),
    )
    .await?;
    Ok(id)
}

/// Rewrites the meeting's decision `id` as the input gives it, checked exactly as when it
/// is recorded (its vote against the attendance included); 404 when the meeting has no
/// such decision, 409 once the minutes are approved.
pub async fn correct(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    id: i64,
    input: &Taken,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let meeting = &m.record;
    let kind = kind_of(app, m, input).await?;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    let c = check(app, &mut tx, m, kind, input).await?;
    let updated = store::update_decision(
        &mut tx,
        meeting,
        id,
        (&c.kind, c.vote.as_ref()),
        c.taken_at.as_deref(),
        &c.summary,
    )
    .await?;
    if !updated {
        return Err(Error::NotFound);
    }
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "decision": id, "summary": c.summary, "corrected": true }),
    )
    .await?;
    Ok(())
}

/// Removes the meeting's decision `id` (the audit entry keeps its summary); 404 when the
/// meeting has no such decision, 409 once the minutes are approved.
pub async fn remove(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    id: i64,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let meeting = &m.record;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    let summary = store::remove_decision(&mut tx, meeting, id)
        .await?
        .ok_or(Error::NotFound)?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "decision": id, "removed": true, "summary": summary }),
    )
    .await?;
    Ok(())
}

/// Who could vote at `at`: the members named on the roll, or, where members were counted
/// (or came as a whole) rather than named, that count; none when attendance is not recorded.
pub(super) fn voters(
    app: &App,
    meeting: &Meeting,
    b: &tanzim_store::bodies::Body,
    attendance: &[Attendee],
    at: Option<&str>,
) -> Option<Voters> {
    if !attendance.is_empty() {
        let seats: Vec<_> = attendance.iter().map(Attendee::seat).collect();
        return Some(rules::voters_at(&seats, at, vote_rules(&app.profile, b)));
    }
    let (present, _) = super::record::present_of(meeting, attendance);
    (meeting.whole_body_present || meeting.members_present_count.is_some()).then(|| Voters {
        votes: i64::try_from(present).unwrap_or(i64::MAX),
        ..Voters::default()
    })
}
