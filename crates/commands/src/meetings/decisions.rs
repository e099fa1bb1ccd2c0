//! The decisions a meeting takes; they take effect when its minutes are approved.

use super::profile::{committee_kind, holder_from_roll, kind_ar, level_of, position, vote_rules};
use crate::access::InBody;
use crate::{Actor, App, Found, Result};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::{self as rules, DecisionKind, Sex, Vote, Voters};
use tanzim_domain::policy::Action;
use tanzim_domain::{DomainError, Field};
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

/// An appointment or an office whose officers are linked to members: the names and sexes
/// left blank are the roll's (and a link to someone not on the body's roll is refused).
async fn from_roll(
    app: &App,
    b: &tanzim_store::bodies::Body,
    kind: DecisionKind,
) -> Result<DecisionKind> {
    Ok(match kind {
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
    let kind = &from_roll(app, b, input.decision.clone()).await?;
    rules::check_decision(kind, input.vote.as_ref())?;
    // Only a body being founded can be constituted; an active one was constituted already.
    if *kind == DecisionKind::Constitute && !b.in_formation() {
        return Err(DomainError::new(Field::Status, "body-not-in-formation").into());
    }
    let taken_at = super::profile::time(input.taken_at.as_deref(), Field::Attendance)?;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    let attendance = store::attendance_in(&mut tx, meeting.id).await?;
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
    let vote = vote.as_ref();
    if let (Some(v), Some(voters)) = (vote, &voters) {
        rules::check_vote_against_voters(v, voters)?;
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
