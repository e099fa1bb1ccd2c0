//! A meeting's record: scheduling and correcting it, the interventions, and reading it
//! whole.

use super::commit_recorded;
use super::profile::{time, vote_rules};
use crate::access::InBody;
use crate::{Actor, App, Error, Found, Result};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::{self as rules, LeadRole, MeetingMode, Presence, SayVerb, Voters};
use tanzim_domain::policy::Action;
use tanzim_domain::territory::TerritoryCode;
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit;
use tanzim_store::bodies::Body;
use tanzim_store::meetings::{
    self as store, Amendment, Attendee, Communique, Decision, Group, Intervention, Invitee, Lead,
    Meeting,
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
    /// In the room, online or both; an online meeting's link stays in the record.
    pub mode: MeetingMode,
    pub video_link: Option<String>,
    /// A city abroad (instead of a commune), with its country.
    pub city_abroad: Option<String>,
    pub country: Option<String>,
    /// The body's members present when counted, not named, and the body's size.
    pub members_present_count: Option<i64>,
    pub members_total_count: Option<i64>,
    /// The body's members attended as a whole.
    pub whole_body_present: bool,
    /// Whom an announcement invites.
    pub invited: Option<String>,
    /// The congress this meeting prepares (a congress of this body or of a body above
    /// it), or, for a local congress, the provincial one.
    pub congress_id: Option<i64>,
    /// In order; blank items are dropped.
    pub agenda: Vec<String>,
    /// Chairs (beside or instead of a holder), co-chairs, hosts (people or organizations),
    /// framers and guests of honour, in order.
    pub leads: Vec<Lead>,
    /// Groups that attended beside the members (other bodies, sympathisers, the press).
    pub groups: Vec<Group>,
}

/// Checks the leads: a name for each, a sex for each person (none is assumed), only a host
/// may be an organization, and no one twice in one role.
fn check_leads(leads: &[Lead]) -> Result<Vec<Lead>> {
    let mut out: Vec<Lead> = Vec::new();
    for l in leads {
        let mut lead = Lead {
            name: l.name.trim().to_owned(),
            title: l.title.trim().to_owned(),
            sex: None,
            ..l.clone()
        };
        if lead.name.is_empty() {
            return Err(DomainError::new(Field::Chair, "text-required").into());
        }
        if lead.organization {
            if lead.role != LeadRole::Host {
                return Err(DomainError::new(Field::Chair, "organization-not-host").into());
            }
        } else {
            let sex = l.sex.as_deref().map(str::trim).unwrap_or_default();
            lead.sex = Some(rules::Sex::parse(sex)?.as_str().to_owned());
        }
        if out
            .iter()
            .any(|o| o.role == lead.role && o.name == lead.name)
        {
            return Err(DomainError::new(Field::Chair, "chair-twice").into());
        }
        out.push(lead);
    }
    Ok(out)
}

/// Checks the groups that attended: a label each, a count (when given) above zero.
fn check_groups(groups: &[Group]) -> Result<Vec<Group>> {
    groups
        .iter()
        .map(|g| {
            let label = g.label.trim().to_owned();
            if label.is_empty() {
                return Err(DomainError::new(Field::Attendance, "text-required").into());
            }
            if g.count.is_some_and(|n| n < 1) {
                return Err(DomainError::new(Field::Attendance, "count-invalid").into());
            }
            Ok(Group { label, ..g.clone() })
        })
        .collect()
}

/// The checked schedule, ready to write.
struct Checked {
    held_on: String,
    starts_at: Option<String>,
    commune: Option<String>,
    place: Option<String>,
    slogan: Option<String>,
    goals: Option<String>,
    video_link: Option<String>,
    city_abroad: Option<String>,
    country: Option<String>,
    invited: Option<String>,
    agenda: Vec<String>,
    leads: Vec<Lead>,
    groups: Vec<Group>,
}

/// A congress a meeting of `b` may be linked to: a congress of `b` itself or of a body
/// above it, other than the meeting itself.
async fn check_congress(app: &App, b: &Body, congress_id: i64, this: Option<i64>) -> Result<()> {
    let unknown = || Error::from(DomainError::new(Field::MeetingKind, "congress-unknown"));
    let congress = store::get(&app.db, congress_id)
        .await?
        .filter(|c| c.kind == "congress" && Some(c.id) != this)
        .ok_or_else(unknown)?;
    // Up the tree from the body: itself, its parent, and so on (a tree is shallow).
    let mut at = Some(b.id);
    for _ in 0..8 {
        let Some(id) = at else { break };
        if id == congress.body_id {
            return Ok(());
        }
        at = tanzim_store::bodies::get(&app.db, id)
            .await?
            .and_then(|p| p.parent_id);
    }
    Err(unknown())
}

async fn check(app: &App, b: &Body, input: &Schedule, this: Option<i64>) -> Result<Checked> {
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
    let leads = check_leads(&input.leads)?;
    if let Some(congress) = input.congress_id {
        check_congress(app, b, congress, this).await?;
    }
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let (city_abroad, country) = (clean(&input.city_abroad), clean(&input.country));
    if city_abroad.is_some() && input.commune.is_some() {
        return Err(DomainError::new(Field::Commune, "place-twice").into());
    }
    if city_abroad.is_some() != country.is_some() {
        return Err(DomainError::new(Field::Commune, "country-required").into());
    }
    let video_link = clean(&input.video_link);
    if input.mode != MeetingMode::InPerson
        && video_link
            .as_deref()
            .is_some_and(|l| !l.starts_with("https://"))
    {
        return Err(DomainError::new(Field::Place, "link-invalid").into());
    }
    let counts = [input.members_present_count, input.members_total_count];
    if counts.iter().flatten().any(|n| *n < 0)
        || matches!(counts, [Some(present), Some(total)] if present > total)
    {
        return Err(DomainError::new(Field::Attendance, "count-invalid").into());
    }
    if input.whole_body_present && input.members_present_count.is_some() {
        return Err(DomainError::new(Field::Attendance, "count-and-whole").into());
    }
    Ok(Checked {
        held_on: input.held_on.to_string(),
        starts_at: time(input.starts_at.as_deref(), Field::Date)?,
        commune: input.commune.as_ref().map(|c| c.as_str().to_owned()),
        place: clean(&input.place),
        slogan: clean(&input.slogan),
        goals: clean(&input.goals),
        video_link,
        city_abroad,
        country,
        invited: clean(&input.invited),
        groups: check_groups(&input.groups)?,
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
        mode: input.mode,
        video_link: c.video_link.as_deref(),
        city_abroad: c.city_abroad.as_deref(),
        country: c.country.as_deref(),
        members_present_count: input.members_present_count,
        members_total_count: input.members_total_count,
        whole_body_present: input.whole_body_present,
        invited: c.invited.as_deref(),
        congress_id: input.congress_id,
        agenda: &c.agenda,
        leads: &c.leads,
        groups: &c.groups,
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
    let checked = check(app, b, input, None).await?;
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
    let checked = check(app, b, input, Some(meeting.id)).await?;
    let path = b.target().path;
    let new = new_meeting(b, &path, input, &checked);
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    store::update(&mut tx, meeting, &new).await?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "held_on": new.held_on, "kind": new.kind, "corrected": true }),
    )
    .await?;
    Ok(())
}

/// An intervention as the rapporteur writes it.
pub struct Speech {
    /// Who spoke: a person's name, or a group as the subject of a verb ("أعضاء المكتب").
    pub speaker: String,
    /// A group rather than one person.
    pub group: bool,
    /// A committee of the profile's (its key) presenting its report, instead of a person.
    pub committee: Option<String>,
    /// F or M: the person's sex, or the group's gender (a mixed group reads masculine).
    pub sex: String,
    /// A person's title as the press writes it ("النائبة البرلمانية").
    pub title: Option<String>,
    /// The verb that introduces what was said.
    pub verb: SayVerb,
    /// The agenda item (1-based) it belongs to.
    pub agenda_seat: Option<i64>,
    pub summary: String,
}

/// An intervention checked and worded for the store.
pub(super) struct SpeechRow {
    speaker: String,
    speaker_kind: &'static str,
    sex: rules::Sex,
    title: Option<String>,
    verb: SayVerb,
    agenda_seat: Option<i64>,
    summary: String,
}

impl SpeechRow {
    pub(super) fn row(&self) -> store::NewIntervention<'_> {
        store::NewIntervention {
            speaker: &self.speaker,
            speaker_kind: self.speaker_kind,
            speaker_sex: self.sex.as_str(),
            speaker_title: self.title.as_deref(),
            verb: self.verb.as_str(),
            agenda_seat: self.agenda_seat,
            summary: &self.summary,
        }
    }
}

/// Checks an intervention as written (a speaker and a summary, a known sex) and gives the
/// row it is stored as.
pub(super) fn speech_row(app: &App, input: &Speech) -> Result<SpeechRow> {
    // A committee's report is said in the committee's name, which gives its gender.
    let committee = match input.committee.as_deref().map(str::trim) {
        Some(key) if !key.is_empty() => Some(super::profile::committee_kind(app, key)?.name.ar),
        _ => None,
    };
    let speaker = committee
        .clone()
        .unwrap_or_else(|| input.speaker.trim().to_owned());
    let summary = input.summary.trim();
    if speaker.is_empty() || summary.is_empty() {
        return Err(DomainError::new(Field::Name, "text-required").into());
    }
    let sex = match &committee {
        Some(name) if rules::noun_is_feminine(name) => rules::Sex::F,
        Some(_) => rules::Sex::M,
        None => rules::Sex::parse(input.sex.trim())?,
    };
    let title = input
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && !input.group && committee.is_none())
        .map(str::to_owned);
    Ok(SpeechRow {
        speaker_kind: match (&committee, input.group) {
            (Some(_), _) => "committee",
            (None, true) => "group",
            (None, false) => "person",
        },
        speaker,
        sex,
        title,
        verb: input.verb,
        agenda_seat: input.agenda_seat,
        summary: summary.to_owned(),
    })
}

/// Records an intervention.
pub async fn intervene(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    input: &Speech,
) -> Result<i64> {
    m.require(Action::ManageMeetings)?;
    let row = speech_row(app, input)?;
    let meeting = &m.record;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    let id = store::add_intervention(&mut tx, meeting, &row.row()).await?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "intervention": id }),
    )
    .await?;
    Ok(id)
}

/// A meeting's whole record as it stands.
pub struct Record {
    pub meeting: Meeting,
    pub leads: Vec<Lead>,
    pub groups: Vec<Group>,
    /// The meetings linked to this one when it is a congress: its preparatory sessions and
    /// the congresses below it.
    pub linked: Vec<Meeting>,
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
    /// The requests raised at the meeting, and the answers to its body's earlier requests
    /// that it reports.
    pub requests: Vec<tanzim_store::meetings::requests::Request>,
    pub answers: Vec<tanzim_store::meetings::requests::Request>,
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
    let (members_present, body_members) = present_of(&meeting, &attendance);
    Ok(Record {
        agenda: store::agenda(db, id).await?,
        quorum: rules::has_quorum(members_present, body_members, quorum_percent),
        members_present,
        attendance,
        interventions: store::interventions(db, id).await?,
        decisions,
        leads: store::leads(db, id).await?,
        groups: store::groups(db, id).await?,
        linked: store::linked_to(db, id).await?,
        invitations: store::invitations(db, id).await?,
        amendments: store::amendments(db, id).await?,
        communiques: store::communiques_of(db, id).await?,
        requests: super::requests::of_meeting(app, id).await?,
        answers: super::requests::answers_at(app, &meeting).await?,
        meeting,
    })
}

/// The body's members present and the body's size: from the names on the roll, or from
/// the counts the record gives when members were counted (or came as a whole) rather than
/// named.
pub fn present_of(m: &Meeting, attendance: &[Attendee]) -> (usize, usize) {
    let named = attendance
        .iter()
        .filter(|a| !a.guest && a.presence == Presence::Present)
        .count();
    let named_total = attendance.iter().filter(|a| !a.guest).count();
    let count = |n: Option<i64>| n.and_then(|n| usize::try_from(n).ok());
    let total = count(m.members_total_count).unwrap_or(named_total);
    if m.whole_body_present {
        (total.max(named), total.max(named))
    } else if let Some(present) = count(m.members_present_count) {
        (present.max(named), total.max(present))
    } else {
        (named, named_total)
    }
}
