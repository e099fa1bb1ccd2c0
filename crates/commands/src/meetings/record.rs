//! A meeting's record: scheduling and correcting it, the interventions, and reading it
//! whole.

use super::profile::{time, vote_rules};
use crate::access::InBody;
use crate::{Actor, App, Error, Found, Result};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::{self as rules, Presence, Voters};
use tanzim_domain::policy::Action;
use tanzim_domain::territory::TerritoryCode;
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit;
use tanzim_store::bodies::Body;
use tanzim_store::meetings::{
    self as store, Amendment, Attendee, Communique, Decision, Intervention, Invitee, Lead, Meeting,
};
use tanzim_store::territory;

/// A meeting as the officer schedules or corrects it.
pub struct Schedule {
    /// A kind of the product's or of the profile's.
    pub kind: String,
    pub held_on: NaiveDate,
    pub starts_at: Option<String>,
    /// Where it is held.
    pub commune: Option<TerritoryCode>,
    pub place: Option<String>,
    pub slogan: Option<String>,
    pub goals: Option<String>,
    /// The position holder who chairs.
    pub chair_holder_id: Option<i64>,
    /// In order; blank items are dropped.
    pub agenda: Vec<String>,
    /// A chair (instead of a holder), co-chair or host from outside the body; each role
    /// one of `LEAD_ROLES`.
    pub leads: Vec<Lead>,
}

/// Checks the leads: known roles, each once, a name, a title and a sex; a chair from
/// outside only when no holder of the body chairs.
fn check_leads(leads: &[Lead], holder_chairs: bool) -> Result<Vec<Lead>> {
    let mut out: Vec<Lead> = Vec::new();
    for l in leads {
        let lead = Lead {
            role: l.role.trim().to_owned(),
            name: l.name.trim().to_owned(),
            sex: l.sex,
            title: l.title.trim().to_owned(),
        };
        if !rules::LEAD_ROLES.contains(&lead.role.as_str()) {
            // The adapters refuse other roles as malformed input.
            return Err(Error::Internal(format!("lead role {}", lead.role)));
        }
        if lead.name.is_empty() || lead.title.is_empty() {
            return Err(DomainError::new(Field::Chair, "text-required").into());
        }
        if out.iter().any(|o| o.role == lead.role) || (lead.role == "chair" && holder_chairs) {
            return Err(DomainError::new(Field::Chair, "chair-twice").into());
        }
        out.push(lead);
    }
    Ok(out)
}

/// The checked schedule, ready to write.
struct Checked {
    held_on: String,
    starts_at: Option<String>,
    commune: Option<String>,
    place: Option<String>,
    slogan: Option<String>,
    goals: Option<String>,
    agenda: Vec<String>,
    leads: Vec<Lead>,
}

async fn check(app: &App, b: &Body, input: &Schedule) -> Result<Checked> {
    let known = rules::KINDS.contains(&input.kind.as_str())
        || app
            .profile
            .meeting_kinds
            .iter()
            .any(|k| k.key == input.kind);
    if !known {
        return Err(DomainError::new(Field::MeetingKind, "meeting-kind-unknown").into());
    }
    if let Some(code) = &input.commune {
        territory::get(&app.db, code)
            .await?
            .ok_or(DomainError::new(Field::Commune, "commune-unknown"))?;
    }
    if let Some(chair) = input.chair_holder_id {
        let h = store::holder(&app.db, chair).await?;
        if h.is_none_or(|h| h.body_id != b.id) {
            return Err(DomainError::new(Field::Position, "position-unknown").into());
        }
    }
    let leads = check_leads(&input.leads, input.chair_holder_id.is_some())?;
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Ok(Checked {
        held_on: input.held_on.to_string(),
        starts_at: time(input.starts_at.as_deref(), Field::Date)?,
        commune: input.commune.as_ref().map(|c| c.as_str().to_owned()),
        place: clean(&input.place),
        slogan: clean(&input.slogan),
        goals: clean(&input.goals),
        agenda: input
            .agenda
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect(),
        leads,
    })
}

fn new_meeting<'a>(
    b: &Body,
    path: &'a tanzim_domain::territory::TerritoryPath,
    input: &'a Schedule,
    c: &'a Checked,
) -> store::NewMeeting<'a> {
    store::NewMeeting {
        body_id: b.id,
        path,
        kind: &input.kind,
        held_on: &c.held_on,
        starts_at: c.starts_at.as_deref(),
        commune_code: c.commune.as_deref(),
        place: c.place.as_deref(),
        slogan: c.slogan.as_deref(),
        goals: c.goals.as_deref(),
        chair_holder_id: input.chair_holder_id,
        agenda: &c.agenda,
        leads: &c.leads,
    }
}

/// Schedules a meeting of the body with its agenda; its id.
pub async fn schedule(
    app: &App,
    actor: &Actor<'_>,
    b: &Found<Body>,
    input: &Schedule,
) -> Result<i64> {
    b.require(Action::ManageMeetings)?;
    let checked = check(app, b, input).await?;
    let path = b.target().path;
    let new = new_meeting(b, &path, input, &checked);
    let mut tx = app.db.begin().await?;
    let id = store::create(&mut tx, &new).await?;
    let entry = actor
        .audit(AuditAction::MeetingCreated)
        .organizations(&b.organization)
        .target("meeting", id, Some(path.clone()))
        .detail(serde_json::json!({ "body": b.id, "held_on": new.held_on, "kind": new.kind }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Corrects a meeting's schedule, place, slogan, goals, chair, leads and agenda while its
/// record is open.
pub async fn correct(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    input: &Schedule,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let (meeting, b) = (&m.record, &m.body);
    let checked = check(app, b, input).await?;
    let path = b.target().path;
    let new = new_meeting(b, &path, input, &checked);
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    store::update(&mut tx, meeting, &new).await?;
    let entry = actor
        .audit(AuditAction::MeetingRecorded)
        .target_of("meeting", meeting.id, &meeting.target())
        .detail(serde_json::json!({ "held_on": new.held_on, "kind": new.kind, "corrected": true }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// An intervention as the rapporteur writes it.
pub struct Speech {
    /// Who spoke, with their title as it should read.
    pub speaker: String,
    /// The agenda item (1-based) it belongs to.
    pub agenda_seat: Option<i64>,
    pub summary: String,
}

/// Records an intervention.
pub async fn intervene(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    input: &Speech,
) -> Result<i64> {
    m.require(Action::ManageMeetings)?;
    let (speaker, summary) = (input.speaker.trim(), input.summary.trim());
    if speaker.is_empty() || summary.is_empty() {
        return Err(DomainError::new(Field::Name, "text-required").into());
    }
    let meeting = &m.record;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    let id = store::add_intervention(&mut tx, meeting, speaker, input.agenda_seat, summary).await?;
    let entry = actor
        .audit(AuditAction::MeetingRecorded)
        .target_of("meeting", meeting.id, &meeting.target())
        .detail(serde_json::json!({ "intervention": id }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// A meeting's whole record as it stands.
pub struct Record {
    pub meeting: Meeting,
    pub leads: Vec<Lead>,
    pub agenda: Vec<String>,
    pub invitations: Vec<Invitee>,
    pub attendance: Vec<Attendee>,
    /// Members of the body present (guests excluded) and whether that makes a quorum.
    pub members_present: usize,
    pub quorum: bool,
    pub interventions: Vec<Intervention>,
    /// Each decision with who could vote on it (once attendance is recorded).
    pub decisions: Vec<(Decision, Option<Voters>)>,
    pub amendments: Vec<Amendment>,
    pub communiques: Vec<Communique>,
}

/// The meeting's whole record, read afresh (the meeting `id` belongs to `body`).
pub async fn read(app: &App, body: &Body, id: i64) -> Result<Record> {
    let db = &app.db;
    let meeting = store::get(db, id).await?.ok_or(Error::NotFound)?;
    let rules_of_body = vote_rules(&app.profile, body);
    let quorum_percent = app
        .profile
        .body_kind(&body.kind)
        .map(|k| k.quorum_percent)
        .unwrap_or(50);
    let attendance = store::attendance(db, id).await?;
    let seats: Vec<_> = attendance.iter().map(Attendee::seat).collect();
    let decisions = store::decisions(db, id)
        .await?
        .into_iter()
        .map(|d| {
            let voters = (!seats.is_empty())
                .then(|| rules::voters_at(&seats, d.taken_at.as_deref(), rules_of_body));
            (d, voters)
        })
        .collect();
    let members_present = attendance
        .iter()
        .filter(|a| !a.guest && a.presence == Presence::Present)
        .count();
    let body_members = attendance.iter().filter(|a| !a.guest).count();
    Ok(Record {
        agenda: store::agenda(db, id).await?,
        quorum: rules::has_quorum(members_present, body_members, quorum_percent),
        members_present,
        attendance,
        interventions: store::interventions(db, id).await?,
        decisions,
        leads: store::leads(db, id).await?,
        invitations: store::invitations(db, id).await?,
        amendments: store::amendments(db, id).await?,
        communiques: store::communiques_of(db, id).await?,
        meeting,
    })
}
