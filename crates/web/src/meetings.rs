//! Bodies at work: positions and their holders, meetings (agenda, attendance,
//! interventions, decisions), the minutes and their approval (which gives decisions
//! effect), press communiqués and the public news page with its Atom feed.

use crate::api::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::auth::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::parse_json;
use crate::views::{self, Layout};
use crate::{AppState, permit, today};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::{self as rules, DecisionKind, Named, Sex, Vote, VoteRules, Voters};
use tanzim_domain::meetings_fr as fr;
use tanzim_domain::org::{BodyLevel, PositionKind};
use tanzim_domain::policy::{Action, decide};
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit::AuditEntry;
use tanzim_store::bodies::{self, Body};
use tanzim_store::meetings::{self as store, Attendee, Communique, Holder, Invitee, Lead, Meeting};
use tanzim_store::{Page, territory};

fn audit(ctx: &Ctx, user: &CurrentUser, action: AuditAction) -> AuditEntry {
    crate::members::audit(ctx, user, action)
}

/// The meeting with this id and its body, if the user may do `action` to the body.
pub async fn load_meeting(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<(Meeting, Body), AppError> {
    permit(decide(&user.principal, action, None))?;
    let m = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let body = bodies::get(&state.db, m.body_id)
        .await?
        .ok_or(AppError::NotFound)?;
    permit(decide(&user.principal, action, Some(&body.target())))?;
    Ok((m, body))
}

async fn load_communique(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<(Communique, Body), AppError> {
    permit(decide(&user.principal, action, None))?;
    let c = store::communique(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let body = bodies::get(&state.db, c.body_id)
        .await?
        .ok_or(AppError::NotFound)?;
    permit(decide(&user.principal, action, Some(&body.target())))?;
    Ok((c, body))
}

fn position<'a>(state: &'a AppState, key: &str) -> Result<&'a PositionKind, AppError> {
    state
        .profile
        .positions
        .iter()
        .find(|p| p.key == key)
        .ok_or(AppError::Invalid(DomainError::new(
            Field::Position,
            "position-unknown",
        )))
}

fn level_of(state: &AppState, body: &Body) -> BodyLevel {
    state
        .profile
        .body_kind(&body.kind)
        .map(|k| k.level)
        .unwrap_or(BodyLevel::National)
}

/// How a kind of meeting is said: the profile's words for its own kinds, else the
/// product's.
pub(crate) fn kind_words(state: &AppState, key: &str) -> rules::KindWords {
    state
        .profile
        .meeting_kinds
        .iter()
        .find(|k| k.key == key)
        .map(|k| k.words.clone())
        .unwrap_or_else(|| rules::KindWords::builtin(key))
}

/// A kind of meeting's name in the page's language.
fn kind_label(state: &AppState, ctx: &Ctx, key: &str) -> String {
    match state.profile.meeting_kinds.iter().find(|k| k.key == key) {
        Some(k) => views::label(&k.name, &ctx.tr),
        None => ctx.tr.t(&format!("meeting-kind-{key}")),
    }
}

/// The body's voting rules (proxies, weighted votes), from its kind in the profile.
fn vote_rules(state: &AppState, body: &Body) -> VoteRules {
    state
        .profile
        .body_kind(&body.kind)
        .map(|k| VoteRules {
            proxies: k.proxies,
            weighted: k.weighted_votes,
        })
        .unwrap_or_default()
}

/// A holder's Arabic title in their body, agreeing with them.
fn holder_title(state: &AppState, body: &Body, h: &Holder) -> String {
    let sex = Sex::parse(&h.sex).unwrap_or(Sex::M);
    let rank = h.rank.and_then(|r| u8::try_from(r).ok());
    match position(state, &h.position) {
        Ok(p) => p.title_ar(rank, level_of(state, body), sex),
        Err(_) => h.position.clone(),
    }
}

fn date(s: &str) -> Result<chrono::NaiveDate, AppError> {
    Ok(tanzim_domain::members::parse_date(s, Field::Date)?)
}

// ---- positions ----

/// A member linked to a position or a seat must be on the roll, active and within the
/// body's territory; any other id (someone elsewhere, or no one) gets the same answer.
async fn linked_member(state: &AppState, b: &Body, member_id: i64) -> Result<(), AppError> {
    let member = tanzim_store::members::get(&state.db, member_id).await?;
    let fits = member.is_some_and(|m| {
        m.status == tanzim_domain::members::Status::Active
            && b.target()
                .path
                .contains(&tanzim_domain::territory::TerritoryPath::from_stored(
                    m.path,
                ))
    });
    if fits {
        Ok(())
    } else {
        Err(DomainError::new(Field::Member, "committee-member-unknown").into())
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct HolderInput {
    /// A position key of the profile (secretary, deputy, rapporteur, ...).
    pub position: String,
    /// For numbered positions: 1 for the first deputy, 3 for the third.
    #[serde(default)]
    pub rank: Option<u8>,
    pub holder_name: String,
    /// F or M.
    pub sex: String,
    #[serde(default)]
    pub member_id: Option<i64>,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub started_on: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct HolderView {
    #[serde(flatten)]
    pub holder: Holder,
    /// The Arabic title, agreeing with the holder.
    pub title_ar: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Positions {
    pub current: Vec<HolderView>,
    /// Every mandate, ended ones included.
    pub history: Vec<HolderView>,
    pub committees: Vec<store::Committee>,
}

/// Records who holds a position of the body (the existing office, entered once; later
/// changes come from meetings' decisions).
#[utoipa::path(post, path = "/api/v1/bodies/{id}/positions", tag = "meetings", params(("id" = i64, Path)), request_body = HolderInput,
    responses((status = 201, body = Holder), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_add_holder(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ManageMeetings).await?;
    let input: HolderInput = parse_json(&body)?;
    let kind = DecisionKind::Appoint {
        position: input.position.clone(),
        rank: input.rank,
        holder_name: input.holder_name.trim().to_owned(),
        sex: input.sex.clone(),
        member_id: input.member_id,
    };
    rules::check_decision(&kind, None)?;
    position(&state, &input.position)?;
    if let Some(mid) = input.member_id {
        linked_member(&state, &b, mid).await?;
    }
    let started_on = match input.started_on.as_deref() {
        Some(d) => date(d)?.to_string(),
        None => today().to_string(),
    };
    let new = store::NewHolder {
        body_id: b.id,
        position: &input.position,
        rank: input.rank.map(i64::from),
        holder_name: input.holder_name.trim(),
        sex: &input.sex,
        member_id: input.member_id,
        started_on: &started_on,
    };
    let entry = audit(&ctx, &user, AuditAction::PositionAssigned).target(
        "body",
        b.id,
        Some(b.target().path),
    );
    let hid = store::add_holder(&state.db, &new, entry).await?;
    let h = store::holder(&state.db, hid)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(h)).into_response())
}

/// The body's position holders (current and past) and committees.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/positions", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Positions), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_positions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<Positions>, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ViewMeetings).await?;
    let view = |h: Holder| HolderView {
        title_ar: holder_title(&state, &b, &h),
        holder: h,
    };
    Ok(Json(Positions {
        current: store::holders(&state.db, b.id, true)
            .await?
            .into_iter()
            .map(view)
            .collect(),
        history: store::holders(&state.db, b.id, false)
            .await?
            .into_iter()
            .map(view)
            .collect(),
        committees: store::committees(&state.db, b.id).await?,
    }))
}

// ---- meetings ----

#[derive(Deserialize, utoipa::ToSchema)]
pub struct MeetingInput {
    /// organizational, communication, consultative, congress or council_session.
    pub kind: String,
    /// YYYY-MM-DD.
    pub held_on: String,
    #[serde(default)]
    pub starts_at: Option<String>,
    /// HCP code of the commune where it is held.
    #[serde(default)]
    pub commune: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub slogan: Option<String>,
    /// What the meeting is for.
    #[serde(default)]
    pub goals: Option<String>,
    /// The position holder who chairs.
    #[serde(default)]
    pub chair_holder_id: Option<i64>,
    /// The agenda, in order.
    #[serde(default)]
    pub agenda: Vec<String>,
    /// A chair (instead of `chair_holder_id`), co-chair or host from outside the body or
    /// from another level: `{"role": "host", "name": "...", "sex": "F", "title": "..."}`.
    #[serde(default)]
    pub leads: Vec<Lead>,
}

/// Checks the leads: known roles, each once, a name, a title and a sex; a chair from
/// outside only when no holder of the body chairs.
fn check_leads(leads: &[Lead], holder_chairs: bool) -> Result<Vec<Lead>, AppError> {
    let mut out: Vec<Lead> = Vec::new();
    for l in leads {
        let lead = Lead {
            role: l.role.trim().to_owned(),
            name: l.name.trim().to_owned(),
            sex: l.sex.trim().to_uppercase(),
            title: l.title.trim().to_owned(),
        };
        if !rules::LEAD_ROLES.contains(&lead.role.as_str()) {
            return Err(AppError::BadRequest("malformed-input"));
        }
        if lead.name.is_empty() || lead.title.is_empty() {
            return Err(DomainError::new(Field::Chair, "text-required").into());
        }
        if Sex::parse(&lead.sex).is_none() {
            return Err(DomainError::new(Field::Sex, "sex-invalid").into());
        }
        if out.iter().any(|o| o.role == lead.role) || (lead.role == "chair" && holder_chairs) {
            return Err(DomainError::new(Field::Chair, "chair-twice").into());
        }
        out.push(lead);
    }
    Ok(out)
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeetingDetail {
    #[serde(flatten)]
    pub meeting: Meeting,
    /// A chair, co-chair or host from outside the body.
    pub leads: Vec<Lead>,
    pub agenda: Vec<String>,
    pub invitations: Vec<Invitee>,
    pub attendance: Vec<Attendee>,
    /// Members of the body present (guests excluded) and whether that makes a quorum.
    pub members_present: usize,
    pub quorum: bool,
    pub interventions: Vec<store::Intervention>,
    pub decisions: Vec<DecisionView>,
    /// Corrections made after approval, oldest first.
    pub amendments: Vec<store::Amendment>,
    pub communiques: Vec<Communique>,
}

/// Schedules a meeting of the body with its agenda.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/meetings", tag = "meetings", params(("id" = i64, Path)), request_body = MeetingInput,
    responses((status = 201, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ManageMeetings).await?;
    let input: MeetingInput = parse_json(&body)?;
    let mid = save_meeting(&state, &ctx, &user, &b, &input, None).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &b, mid).await?)).into_response())
}

/// Checks a meeting's schedule and leads, then creates it, or (given `existing`, whose
/// record is still open) corrects it: its agenda and leads are replaced.
async fn save_meeting(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Body,
    input: &MeetingInput,
    existing: Option<&Meeting>,
) -> Result<i64, AppError> {
    let known = rules::KINDS.contains(&input.kind.as_str())
        || state
            .profile
            .meeting_kinds
            .iter()
            .any(|k| k.key == input.kind);
    if !known {
        return Err(DomainError::new(Field::MeetingKind, "meeting-kind-unknown").into());
    }
    let held_on = date(&input.held_on)?.to_string();
    if let Some(code) = input.commune.as_deref().filter(|c| !c.is_empty()) {
        let code = tanzim_domain::territory::TerritoryCode::parse(code)?;
        territory::get(&state.db, &code)
            .await?
            .ok_or(DomainError::new(Field::Commune, "commune-unknown"))?;
    }
    if let Some(chair) = input.chair_holder_id {
        let h = store::holder(&state.db, chair).await?;
        if h.is_none_or(|h| h.body_id != b.id) {
            return Err(DomainError::new(Field::Position, "position-unknown").into());
        }
    }
    let leads = check_leads(&input.leads, input.chair_holder_id.is_some())?;
    let agenda: Vec<String> = input
        .agenda
        .iter()
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .collect();
    let path = b.target().path;
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let (starts_at, commune, place, slogan, goals) = (
        clean(&input.starts_at),
        clean(&input.commune),
        clean(&input.place),
        clean(&input.slogan),
        clean(&input.goals),
    );
    let starts_at = match starts_at {
        Some(t) => {
            Some(rules::parse_time(&t).ok_or(DomainError::new(Field::Date, "time-invalid"))?)
        }
        None => None,
    };
    let new = store::NewMeeting {
        body_id: b.id,
        path: &path,
        kind: &input.kind,
        held_on: &held_on,
        starts_at: starts_at.as_deref(),
        commune_code: commune.as_deref(),
        place: place.as_deref(),
        slogan: slogan.as_deref(),
        goals: goals.as_deref(),
        chair_holder_id: input.chair_holder_id,
        agenda: &agenda,
        leads: &leads,
    };
    match existing {
        Some(m) => {
            store::update(
                &state.db,
                m,
                &new,
                audit(ctx, user, AuditAction::MeetingRecorded),
            )
            .await?;
            Ok(m.id)
        }
        None => Ok(store::create(
            &state.db,
            &new,
            audit(ctx, user, AuditAction::MeetingCreated).organizations(&b.organization),
        )
        .await?),
    }
}

/// Corrects a meeting's schedule, place, slogan, goals, chair, leads and agenda while its
/// record is open (a meeting moved to another day, a chair replaced).
#[utoipa::path(patch, path = "/api/v1/meetings/{id}", tag = "meetings", params(("id" = i64, Path)), request_body = MeetingInput,
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_update(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<MeetingDetail>, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let input: MeetingInput = parse_json(&body)?;
    save_meeting(&state, &ctx, &user, &b, &input, Some(&m)).await?;
    Ok(Json(detail(&state, &b, m.id).await?))
}

/// The page's form correcting a meeting (same fields as scheduling it).
pub async fn update_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let form: MeetingForm = crate::parse_form(&body)?;
    let input = form.input();
    let result = save_meeting(&state, &ctx, &user, &b, &input, Some(&m))
        .await
        .map(|_| ());
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// A decision with who could vote on it (once attendance is recorded).
#[derive(Serialize, utoipa::ToSchema)]
pub struct DecisionView {
    #[serde(flatten)]
    pub decision: store::Decision,
    /// `{"present": [...], "proxies": [[absent, holder]], "votes": n}` at the decision's time.
    #[schema(value_type = Option<Object>)]
    pub voters: Option<Voters>,
}

/// The meeting's whole record, read afresh (the meeting belongs to `body`).
async fn detail(state: &AppState, body: &Body, id: i64) -> Result<MeetingDetail, AppError> {
    let meeting = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let rules_of_body = vote_rules(state, body);
    let quorum_percent = state
        .profile
        .body_kind(&body.kind)
        .map(|k| k.quorum_percent)
        .unwrap_or(50);
    let attendance = store::attendance(&state.db, id).await?;
    let seats: Vec<_> = attendance.iter().map(Attendee::seat).collect();
    let decisions = store::decisions(&state.db, id)
        .await?
        .into_iter()
        .map(|d| DecisionView {
            voters: (!seats.is_empty())
                .then(|| rules::voters_at(&seats, d.taken_at.as_deref(), rules_of_body)),
            decision: d,
        })
        .collect();
    let members_present = attendance
        .iter()
        .filter(|a| !a.guest && a.presence == "present")
        .count();
    let body_members = attendance.iter().filter(|a| !a.guest).count();
    Ok(MeetingDetail {
        agenda: store::agenda(&state.db, id).await?,
        quorum: rules::has_quorum(members_present, body_members, quorum_percent),
        members_present,
        attendance,
        interventions: store::interventions(&state.db, id).await?,
        decisions,
        leads: store::leads(&state.db, id).await?,
        invitations: store::invitations(&state.db, id).await?,
        amendments: store::amendments(&state.db, id).await?,
        communiques: store::communiques_of(&state.db, id).await?,
        meeting,
    })
}

/// A meeting with its whole record.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<MeetingDetail>, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ViewMeetings).await?;
    Ok(Json(detail(&state, &b, m.id).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AttendanceInput {
    pub attendance: Vec<Attendee>,
}

/// Records who attended (members of the body and guests), replacing the list.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/attendance", tag = "meetings", params(("id" = i64, Path)), request_body = AttendanceInput,
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<MeetingDetail>, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let input: AttendanceInput = parse_json(&body)?;
    record_attendance(&state, &ctx, &user, &m, &b, input.attendance).await?;
    Ok(Json(detail(&state, &b, m.id).await?))
}

/// Checks the attendance against the body's rules (names, presence, times, proxies,
/// weights) and replaces the record with it.
async fn record_attendance(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Meeting,
    b: &Body,
    list: Vec<Attendee>,
) -> Result<(), AppError> {
    let time = |t: Option<String>| -> Result<Option<String>, AppError> {
        match t.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(t) => rules::parse_time(t)
                .map(Some)
                .ok_or_else(|| DomainError::new(Field::Attendance, "time-invalid").into()),
        }
    };
    let mut clean = Vec::with_capacity(list.len());
    for a in list {
        let name = a.name.trim().to_owned();
        if name.is_empty() {
            return Err(DomainError::new(Field::Name, "name-required").into());
        }
        if rules::Presence::parse(&a.presence).is_none() {
            return Err(DomainError::new(Field::Status, "presence-invalid").into());
        }
        if clean.iter().any(|c: &Attendee| c.name == name) {
            return Err(DomainError::new(Field::Attendance, "name-twice").into());
        }
        clean.push(Attendee {
            name,
            arrived_at: time(a.arrived_at)?,
            left_at: time(a.left_at)?,
            proxy_to: a
                .proxy_to
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty()),
            ..a
        });
    }
    let seats: Vec<_> = clean.iter().map(Attendee::seat).collect();
    let rules_of_body = vote_rules(state, b);
    rules::check_attendance(&seats, rules_of_body)?;
    // The votes already recorded must still fit the voters this attendance gives them.
    if !seats.is_empty() {
        for d in store::decisions(&state.db, m.id).await? {
            if let Some(votes_for) = d.votes_for {
                let vote = Vote {
                    votes_for,
                    against: d.against.unwrap_or(0),
                    abstentions: d.abstentions.unwrap_or(0),
                };
                let voters = rules::voters_at(&seats, d.taken_at.as_deref(), rules_of_body);
                rules::check_vote_against_voters(&vote, &voters)?;
            }
        }
    }
    store::record_attendance(
        &state.db,
        m,
        &clean,
        audit(ctx, user, AuditAction::MeetingRecorded),
    )
    .await?;
    Ok(())
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct InterventionInput {
    /// Who spoke, with their title as it should read ("مقرر الأمانة الإقليمية جمال التودي").
    pub speaker: String,
    /// The agenda item (1-based) it belongs to.
    #[serde(default)]
    pub agenda_seat: Option<i64>,
    pub summary: String,
}

/// Records an intervention.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/interventions", tag = "meetings", params(("id" = i64, Path)), request_body = InterventionInput,
    responses((status = 201, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_intervention(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let input: InterventionInput = parse_json(&body)?;
    if input.speaker.trim().is_empty() || input.summary.trim().is_empty() {
        return Err(DomainError::new(Field::Name, "text-required").into());
    }
    store::add_intervention(
        &state.db,
        &m,
        input.speaker.trim(),
        input.agenda_seat,
        input.summary.trim(),
        audit(&ctx, &user, AuditAction::MeetingRecorded),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &b, m.id).await?)).into_response())
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct DecisionInput {
    /// `{"kind": "appoint", "position": "women_pole_president", "holder_name": "...", "sex": "F"}`,
    /// `{"kind": "create_committee", "committee": "ethics", "members": [...]}` or
    /// `{"kind": "resolution", "text": "..."}`.
    #[schema(value_type = Object)]
    pub decision: DecisionKind,
    /// The vote's counts; by consensus when absent.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub vote: Option<Vote>,
    /// HH:MM when it was taken: who was in the room then could vote.
    #[serde(default)]
    pub taken_at: Option<String>,
}

/// Records a decision; it takes effect when the minutes are approved.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions", tag = "meetings", params(("id" = i64, Path)), request_body = DecisionInput,
    responses((status = 201, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let input: DecisionInput = parse_json(&body)?;
    record_decision(&state, &ctx, &user, &m, &b, &input).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &b, m.id).await?)).into_response())
}

/// The commune a meeting was held in, when recorded.
async fn held_in(state: &AppState, m: &Meeting) -> Result<Option<territory::Territory>, AppError> {
    match &m.commune_code {
        Some(code) => {
            let code = tanzim_domain::territory::TerritoryCode::parse(code)?;
            Ok(territory::get(&state.db, &code).await?)
        }
        None => Ok(None),
    }
}

/// A guest line of the forms: "title | name", or the name alone.
fn guest_line(line: &str) -> (Option<String>, String) {
    match line.split_once('|') {
        Some((t, n)) => (Some(t.trim().to_owned()), n.trim().to_owned()),
        None => (None, line.to_owned()),
    }
}

/// The public facts of a meeting, for its minutes and its communiqué.
async fn facts(
    state: &AppState,
    m: &Meeting,
    b: &Body,
    d: &MeetingDetail,
) -> Result<rules::CommuniqueFacts, AppError> {
    let lead = |role: &str| {
        d.leads.iter().find(|l| l.role == role).map(|l| Named {
            name: l.name.clone(),
            title: l.title.clone(),
            sex: Sex::parse(&l.sex).unwrap_or(Sex::M),
        })
    };
    let chair = match m.chair_holder_id {
        Some(id) => store::holder(&state.db, id).await?.map(|h| Named {
            title: holder_title(state, b, &h),
            sex: Sex::parse(&h.sex).unwrap_or(Sex::M),
            name: h.holder_name,
        }),
        None => lead("chair"),
    };
    // Where it was held: the meeting's commune, else the body's territory.
    let held_in = held_in(state, m).await?.map(|t| t.name_ar);
    let city = held_in.unwrap_or_else(|| match &b.territory_code {
        Some(code) => b.territory_name_ar.clone().unwrap_or_else(|| code.clone()),
        None => "الرباط".to_owned(),
    });
    Ok(rules::CommuniqueFacts {
        body_name: b.name.clone(),
        city,
        date: date(&m.held_on)?,
        kind: kind_words(state, &m.kind),
        slogan: m.slogan.clone(),
        goals: m.goals.clone(),
        chair: chair.unwrap_or(Named {
            name: String::new(),
            title: String::new(),
            sex: Sex::M,
        }),
        co_chair: lead("co_chair"),
        host: lead("host"),
        members_present: d.members_present,
        guests: d
            .attendance
            .iter()
            .filter(|a| a.guest && a.presence == "present")
            .map(|a| {
                [a.title.clone().unwrap_or_default(), a.name.clone()]
                    .join(" ")
                    .trim()
                    .to_owned()
            })
            .collect(),
        agenda: d.agenda.clone(),
        interventions: d
            .interventions
            .iter()
            .map(|i| (i.speaker.clone(), i.summary.clone()))
            .collect(),
        decisions: d
            .decisions
            .iter()
            .map(|d| d.decision.summary.clone())
            .collect(),
    })
}

/// The French facts: the product's own words where it has them (titles of positions, the
/// body's kind, place names, decisions), the record's words elsewhere.
async fn facts_fr(
    state: &AppState,
    m: &Meeting,
    b: &Body,
    d: &MeetingDetail,
    ar: rules::CommuniqueFacts,
) -> Result<fr::FactsFr, AppError> {
    let level = level_of(state, b);
    let title = |key: &str, rank: Option<i64>, sex: Sex| match position(state, key) {
        Ok(p) => fr::title_fr(
            &p.name.fr,
            rank.and_then(|r| u8::try_from(r).ok()),
            level,
            sex,
        ),
        Err(_) => key.to_owned(),
    };
    let chair = match m.chair_holder_id {
        Some(id) => store::holder(&state.db, id).await?.map(|h| {
            let sex = Sex::parse(&h.sex).unwrap_or(Sex::M);
            Named {
                title: title(&h.position, h.rank, sex),
                name: h.holder_name,
                sex,
            }
        }),
        None => None,
    };
    let kind_fr = state
        .profile
        .body_kind(&b.kind)
        .map(|k| k.name.fr.clone())
        .unwrap_or_else(|| b.name.clone());
    let held_in = held_in(state, m).await?.map(|t| t.name_fr);
    let city = held_in
        .or_else(|| b.territory_name_fr.clone())
        .unwrap_or_else(|| "Rabat".to_owned());
    let body = match &b.territory_name_fr {
        Some(t) => format!("{kind_fr} {}", fr::de(t)),
        None => kind_fr,
    };
    let decisions = d
        .decisions
        .iter()
        .map(|dv| {
            let vote = dv.decision.votes_for.map(|votes_for| Vote {
                votes_for,
                against: dv.decision.against.unwrap_or(0),
                abstentions: dv.decision.abstentions.unwrap_or(0),
            });
            match dv.decision.kind() {
                Some(kind) => {
                    let appointee = match &kind {
                        DecisionKind::Appoint {
                            position,
                            rank,
                            sex,
                            ..
                        } => title(
                            position,
                            rank.map(i64::from),
                            Sex::parse(sex).unwrap_or(Sex::M),
                        ),
                        _ => String::new(),
                    };
                    fr::decision_fr(&kind, &appointee, vote.as_ref())
                }
                None => dv.decision.summary.clone(),
            }
        })
        .collect();
    Ok(fr::FactsFr {
        body,
        city,
        date: ar.date,
        kind: ar.kind,
        slogan: ar.slogan,
        goals: ar.goals,
        chair: chair.unwrap_or(ar.chair),
        co_chair: ar.co_chair,
        host: ar.host,
        members_present: ar.members_present,
        guests: ar.guests,
        agenda: ar.agenda,
        interventions: ar.interventions,
        decisions,
    })
}

/// Drafts the minutes from the record (the rapporteur edits them in the page).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/minutes", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_draft_minutes(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<MeetingDetail>, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    draft_minutes(&state, &ctx, &user, &m, &b).await?;
    Ok(Json(detail(&state, &b, m.id).await?))
}

async fn draft_minutes(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Meeting,
    b: &Body,
) -> Result<(), AppError> {
    let d = detail(state, b, m.id).await?;
    let f = facts(state, m, b, &d).await?;
    let names = |p: &str| -> Vec<String> {
        d.attendance
            .iter()
            .filter(|a| !a.guest && a.presence == p)
            .map(|a| a.name.clone())
            .collect()
    };
    let record = rules::MinutesRecord {
        present: names("present"),
        excused: names("excused"),
        absent: names("absent"),
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
            .map(|dv| match &dv.voters {
                Some(v) if dv.decision.votes_for.is_some() || dv.decision.taken_at.is_some() => {
                    format!("{} ({})", dv.decision.summary, rules::voters_ar(v))
                }
                _ => dv.decision.summary.clone(),
            })
            .collect(),
    };
    let text = rules::minutes_ar(&f, &record);
    store::save_minutes(
        &state.db,
        m,
        &text,
        audit(ctx, user, AuditAction::MinutesDrafted),
    )
    .await?;
    Ok(())
}

/// Approves the minutes: the record locks and the decisions take effect.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/minutes/approve", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_approve(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<MeetingDetail>, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    store::approve_minutes(
        &state.db,
        &m,
        Some(user.id()),
        audit(&ctx, &user, AuditAction::MinutesApproved),
    )
    .await?;
    Ok(Json(detail(&state, &b, m.id).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AmendmentInput {
    /// The corrected passage or text.
    pub text: String,
    pub reason: String,
}

/// Amends approved minutes: the approved text stays, the amendment is kept with its reason.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/amendments", tag = "meetings", params(("id" = i64, Path)), request_body = AmendmentInput,
    responses((status = 201, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_amend(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let input: AmendmentInput = parse_json(&body)?;
    amend(&state, &ctx, &user, &m, &input.text, &input.reason).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &b, m.id).await?)).into_response())
}

async fn amend(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Meeting,
    text: &str,
    reason: &str,
) -> Result<(), AppError> {
    if text.trim().is_empty() || reason.trim().is_empty() {
        return Err(DomainError::new(Field::Reason, "text-required").into());
    }
    store::amend_minutes(
        &state.db,
        m,
        text.trim(),
        reason.trim(),
        Some(user.id()),
        audit(ctx, user, AuditAction::MinutesAmended),
    )
    .await?;
    Ok(())
}

#[derive(Deserialize)]
pub struct AmendmentForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    reason: String,
}

/// The amendment form of approved minutes.
pub async fn amend_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, _) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let form: AmendmentForm = crate::parse_form(&body)?;
    let result = amend(&state, &ctx, &user, &m, &form.text, &form.reason).await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize, utoipa::ToSchema, Default)]
pub struct CommuniqueRequest {
    /// `ar` (the default) or `fr`.
    #[serde(default)]
    pub lang: Option<String>,
}

/// Drafts the press communiqué of a meeting from its public facts, in Arabic or, on
/// request, in French.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/communiques", tag = "meetings", params(("id" = i64, Path)), request_body = Option<CommuniqueRequest>,
    responses((status = 201, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_draft_communique(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::PublishCommuniques).await?;
    let request: CommuniqueRequest = if body.is_empty() {
        CommuniqueRequest::default()
    } else {
        parse_json(&body)?
    };
    let cid = draft_communique(&state, &ctx, &user, &m, &b, request.lang.as_deref()).await?;
    let c = store::communique(&state.db, cid)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(c)).into_response())
}

async fn draft_communique(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Meeting,
    b: &Body,
    lang: Option<&str>,
) -> Result<i64, AppError> {
    let d = detail(state, b, m.id).await?;
    let f = facts(state, m, b, &d).await?;
    let (lang, (headline, text)) = match lang.unwrap_or("ar") {
        "ar" => ("ar", rules::communique_ar(&f)),
        "fr" => (
            "fr",
            fr::communique_fr(&facts_fr(state, m, b, &d, f).await?),
        ),
        _ => return Err(AppError::BadRequest("malformed-input")),
    };
    Ok(store::create_communique(
        &state.db,
        m,
        lang,
        &headline,
        &text,
        audit(ctx, user, AuditAction::CommuniqueDrafted),
    )
    .await?)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CommuniqueText {
    pub headline: String,
    pub body: String,
}

/// Edits a communiqué before (or after) publishing.
#[utoipa::path(patch, path = "/api/v1/communiques/{id}", tag = "meetings", params(("id" = i64, Path)), request_body = CommuniqueText,
    responses((status = 200, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_edit_communique(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<Communique>, AppError> {
    let (c, _) = load_communique(&state, &user, id, Action::PublishCommuniques).await?;
    let input: CommuniqueText = parse_json(&body)?;
    if input.headline.trim().is_empty() || input.body.trim().is_empty() {
        return Err(DomainError::new(Field::Name, "text-required").into());
    }
    store::edit_communique(
        &state.db,
        &c,
        input.headline.trim(),
        input.body.trim(),
        audit(&ctx, &user, AuditAction::CommuniqueEdited),
    )
    .await?;
    Ok(Json(
        store::communique(&state.db, c.id)
            .await?
            .ok_or(AppError::NotFound)?,
    ))
}

async fn publication(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    publish: bool,
) -> Result<Communique, AppError> {
    let (c, _) = load_communique(state, user, id, Action::PublishCommuniques).await?;
    let (status, action) = if publish {
        ("published", AuditAction::CommuniquePublished)
    } else {
        ("unpublished", AuditAction::CommuniqueUnpublished)
    };
    store::set_publication(&state.db, &c, status, audit(ctx, user, action)).await?;
    store::communique(&state.db, c.id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Publishes a communiqué on the public news page and feed.
#[utoipa::path(post, path = "/api/v1/communiques/{id}/publish", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_publish(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<Communique>, AppError> {
    Ok(Json(publication(&state, &ctx, &user, id, true).await?))
}

/// Withdraws a communiqué from the public page (its history stays).
#[utoipa::path(post, path = "/api/v1/communiques/{id}/unpublish", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Communique), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_unpublish(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<Communique>, AppError> {
    Ok(Json(publication(&state, &ctx, &user, id, false).await?))
}

// ---- pages ----

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    layout: Layout,
    body_name: String,
    d: MeetingDetail,
    date: String,
    chair: String,
    may_manage: bool,
    may_publish: bool,
    locked: bool,
    error: Option<String>,
    /// Labels in the page's language, in the order of the attendance and communiqués.
    presence: Vec<String>,
    minutes_label: String,
    communique_labels: Vec<String>,
    /// The attendance as the form shows it, one name a line.
    present_lines: String,
    excused_lines: String,
    absent_lines: String,
    guest_lines: String,
    /// (key, label) of the profile's positions.
    positions: Vec<(String, String)>,
    /// For the correction form: the kinds of meeting, the body's current holders, the
    /// agenda one item a line.
    kinds: Vec<(String, String)>,
    holder_choices: Vec<(i64, String)>,
    agenda_lines: String,
}

/// (key, label) of every kind of meeting: the product's and the profile's.
fn kind_choices(state: &AppState, ctx: &Ctx) -> Vec<(String, String)> {
    rules::KINDS
        .iter()
        .map(|k| (*k).to_owned())
        .chain(state.profile.meeting_kinds.iter().map(|k| k.key.clone()))
        .map(|k| {
            let label = kind_label(state, ctx, &k);
            (k, label)
        })
        .collect()
}

/// (id, "title name") of the body's current position holders.
async fn holder_choices(state: &AppState, b: &Body) -> Result<Vec<(i64, String)>, AppError> {
    Ok(store::holders(&state.db, b.id, true)
        .await?
        .iter()
        .map(|h| {
            (
                h.id,
                format!("{} {}", holder_title(state, b, h), h.holder_name),
            )
        })
        .collect())
}

fn position_choices(state: &AppState, ctx: &Ctx) -> Vec<(String, String)> {
    state
        .profile
        .positions
        .iter()
        .map(|p| (p.key.clone(), views::label(&p.name, &ctx.tr)))
        .collect()
}

/// A meeting's page: the record with its forms, the minutes (printable), the communiqués.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    meeting_page(&state, &ctx, &user, id, None).await
}

async fn meeting_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    error: Option<String>,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(state, user, id, Action::ViewMeetings).await?;
    let chair = match m.chair_holder_id {
        Some(h) => store::holder(&state.db, h)
            .await?
            .map(|h| format!("{} {}", holder_title(state, &b, &h), h.holder_name))
            .unwrap_or_default(),
        None => store::leads(&state.db, m.id)
            .await?
            .into_iter()
            .find(|l| l.role == "chair")
            .map(|l| format!("{} {}", l.title, l.name))
            .unwrap_or_default(),
    };
    let allowed =
        |a| decide(&user.principal, a, Some(&b.target())) == tanzim_domain::policy::Decision::Allow;
    let d = detail(state, &b, m.id).await?;
    let lines = |presence: &str, guest: bool| {
        d.attendance
            .iter()
            .filter(|a| a.presence == presence && a.guest == guest)
            .map(|a| match (&a.title, guest) {
                (Some(t), true) => format!("{t} | {}", a.name),
                _ => attendance_cells(a),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Until attendance is taken, the form starts from the invitation list.
    let invited = |guest: bool| {
        d.invitations
            .iter()
            .filter(|i| i.guest == guest)
            .map(|i| match (&i.title, guest) {
                (Some(t), true) => format!("{t} | {}", i.name),
                _ => i.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let page = MeetingPage {
        layout: Layout::new(state, ctx, "meeting-title"),
        body_name: b.name.clone(),
        date: date(&m.held_on).map(|d| ctx.tr.day(d)).unwrap_or_default(),
        chair,
        may_manage: allowed(Action::ManageMeetings),
        may_publish: allowed(Action::PublishCommuniques),
        locked: m.locked(),
        presence: d
            .attendance
            .iter()
            .map(|a| ctx.tr.t(&format!("presence-{}", a.presence)))
            .collect(),
        minutes_label: ctx.tr.t(&format!("minutes-{}", d.meeting.minutes_status)),
        communique_labels: d
            .communiques
            .iter()
            .map(|c| ctx.tr.t(&format!("communique-{}", c.status)))
            .collect(),
        present_lines: if d.attendance.is_empty() {
            invited(false)
        } else {
            lines("present", false)
        },
        excused_lines: lines("excused", false),
        absent_lines: lines("absent", false),
        guest_lines: if d.attendance.is_empty() {
            invited(true)
        } else {
            lines("present", true)
        },
        positions: position_choices(state, ctx),
        kinds: kind_choices(state, ctx),
        holder_choices: holder_choices(state, &b).await?,
        agenda_lines: d.agenda.join("\n"),
        error: error.clone(),
        d,
    };
    let mut response = views::html(page);
    if error.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// After a form on the meeting page: back to it, or the page again with the reason.
async fn back_to_meeting(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    result: Result<(), AppError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/meetings/{id}")).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            let message = e.message(&ctx.tr);
            let mut response = meeting_page(state, ctx, user, id, Some(message)).await?;
            *response.status_mut() = e.status();
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

/// An attendance line as the form writes it back (see `attendance_line`).
fn attendance_cells(a: &Attendee) -> String {
    let cell = |c: &Option<String>| c.clone().unwrap_or_default();
    let mut cells = vec![a.name.clone()];
    if a.presence == "present" {
        cells.extend([cell(&a.arrived_at), cell(&a.left_at)]);
        if a.weight != 1 {
            cells.push(a.weight.to_string());
        }
    } else {
        cells.push(cell(&a.proxy_to));
    }
    while cells.len() > 1 && cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells.join(" | ")
}

fn non_empty_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty())
}

#[derive(Deserialize)]
pub struct AttendanceForm {
    #[serde(default)]
    present: String,
    #[serde(default)]
    excused: String,
    #[serde(default)]
    absent: String,
    /// One guest a line: "title | name" or just the name.
    #[serde(default)]
    guests: String,
}

/// The attendance form: one name a line per presence, guests apart.
pub async fn attendance_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let form: AttendanceForm = crate::parse_form(&body)?;
    let mut list = Vec::new();
    for (text, presence) in [
        (&form.present, "present"),
        (&form.excused, "excused"),
        (&form.absent, "absent"),
    ] {
        for line in non_empty_lines(text) {
            list.push(attendance_line(line, presence)?);
        }
    }
    list.extend(non_empty_lines(&form.guests).map(|line| {
        let (title, name) = guest_line(line);
        Attendee {
            name,
            title,
            holder_id: None,
            guest: true,
            presence: "present".to_owned(),
            arrived_at: None,
            left_at: None,
            weight: 1,
            proxy_to: None,
        }
    }));
    // The form writes names only: a member keeps the title and position already known
    // for that name (from the attendance taken before, else from the invitations).
    let before = store::attendance(&state.db, m.id).await?;
    let invited = store::invitations(&state.db, m.id).await?;
    for a in list.iter_mut().filter(|a| !a.guest) {
        let known = before
            .iter()
            .filter(|k| !k.guest)
            .map(|k| (&k.name, &k.title, k.holder_id))
            .chain(
                invited
                    .iter()
                    .filter(|i| !i.guest)
                    .map(|i| (&i.name, &i.title, i.holder_id)),
            )
            .find(|(name, _, _)| **name == a.name);
        if let Some((_, title, holder_id)) = known {
            a.title = title.clone();
            a.holder_id = holder_id;
        }
    }
    let result = record_attendance(&state, &ctx, &user, &m, &b, list).await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// One line of the attendance form. Present: `name | arrived | left | weight` (all but the
/// name optional: "name | 10:30" came late, "name | | 12:00" left early); excused or
/// absent: `name | proxy holder`.
fn attendance_line(line: &str, presence: &str) -> Result<Attendee, AppError> {
    let mut cells = line.split('|').map(str::trim);
    let name = cells.next().unwrap_or_default().to_owned();
    let mut cell = || cells.next().map(str::to_owned).filter(|c| !c.is_empty());
    let mut a = Attendee {
        name,
        title: None,
        holder_id: None,
        guest: false,
        presence: presence.to_owned(),
        arrived_at: None,
        left_at: None,
        weight: 1,
        proxy_to: None,
    };
    if presence == "present" {
        a.arrived_at = cell();
        a.left_at = cell();
        if let Some(w) = cell() {
            a.weight = w
                .parse()
                .map_err(|_| DomainError::new(Field::Attendance, "weight-not-allowed"))?;
        }
    } else {
        a.proxy_to = cell();
    }
    Ok(a)
}

#[derive(Deserialize)]
pub struct InterventionForm {
    #[serde(default)]
    speaker: String,
    #[serde(default)]
    summary: String,
}

pub async fn intervention_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, _) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let form: InterventionForm = crate::parse_form(&body)?;
    let result = async {
        if form.speaker.trim().is_empty() || form.summary.trim().is_empty() {
            return Err(DomainError::new(Field::Name, "text-required").into());
        }
        store::add_intervention(
            &state.db,
            &m,
            form.speaker.trim(),
            None,
            form.summary.trim(),
            audit(&ctx, &user, AuditAction::MeetingRecorded),
        )
        .await?;
        Ok(())
    }
    .await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize)]
pub struct DecisionForm {
    kind: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    rank: String,
    #[serde(default)]
    holder_name: String,
    #[serde(default)]
    sex: String,
    #[serde(default)]
    committee: String,
    #[serde(default)]
    members: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    closes_on: String,
    #[serde(default)]
    categories: String,
    #[serde(default)]
    programme_title: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    activities: String,
    #[serde(default)]
    taken_at: String,
    #[serde(default)]
    votes_for: String,
    #[serde(default)]
    against: String,
    #[serde(default)]
    abstentions: String,
}

impl DecisionForm {
    fn parse(&self) -> Result<(DecisionKind, Option<Vote>), AppError> {
        let number = |s: &str| -> Result<Option<i64>, AppError> {
            match s.trim() {
                "" => Ok(None),
                n => n
                    .parse()
                    .map(Some)
                    .map_err(|_| DomainError::new(Field::Vote, "vote-not-carried").into()),
            }
        };
        let kind = match self.kind.as_str() {
            "appoint" => DecisionKind::Appoint {
                position: self.position.clone(),
                rank: match self.rank.trim() {
                    "" => None,
                    r => Some(r.parse().map_err(|_| {
                        AppError::Invalid(DomainError::new(Field::Position, "rank-invalid"))
                    })?),
                },
                holder_name: self.holder_name.trim().to_owned(),
                sex: self.sex.clone(),
                member_id: None,
            },
            "create_committee" => DecisionKind::CreateCommittee {
                committee: self.committee.clone(),
                members: non_empty_lines(&self.members).map(str::to_owned).collect(),
            },
            "constitute" => DecisionKind::Constitute,
            "launch_campaign" => DecisionKind::LaunchCampaign {
                year: self.year.trim().to_owned(),
                opens_on: self.opens_on.trim().to_owned(),
                closes_on: self.closes_on.trim().to_owned(),
                categories: self.categories.clone(),
            },
            "resolution" => DecisionKind::Resolution {
                text: self.text.trim().to_owned(),
            },
            "adopt_programme" => DecisionKind::AdoptProgramme {
                title: self.programme_title.trim().to_owned(),
                starts_on: self.starts_on.trim().to_owned(),
                ends_on: self.ends_on.trim().to_owned(),
                activities: non_empty_lines(&self.activities)
                    .map(str::to_owned)
                    .collect(),
            },
            _ => return Err(AppError::BadRequest("malformed-input")),
        };
        let vote = match (
            number(&self.votes_for)?,
            number(&self.against)?,
            number(&self.abstentions)?,
        ) {
            (None, None, None) => None,
            (f, a, x) => Some(Vote {
                votes_for: f.unwrap_or(0),
                against: a.unwrap_or(0),
                abstentions: x.unwrap_or(0),
            }),
        };
        Ok((kind, vote))
    }
}

/// Records a decision from the page (and its summary in words).
async fn record_decision(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Meeting,
    b: &Body,
    input: &DecisionInput,
) -> Result<(), AppError> {
    let (kind, vote) = (&input.decision, input.vote.as_ref());
    rules::check_decision(kind, vote)?;
    if let DecisionKind::Appoint {
        member_id: Some(mid),
        ..
    } = kind
    {
        linked_member(state, b, *mid).await?;
    }
    let taken_at = match input
        .taken_at
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(t) => {
            Some(rules::parse_time(t).ok_or(DomainError::new(Field::Attendance, "time-invalid"))?)
        }
        None => None,
    };
    let attendance = store::attendance(&state.db, m.id).await?;
    if let Some(v) = vote
        && !attendance.is_empty()
    {
        let seats: Vec<_> = attendance.iter().map(Attendee::seat).collect();
        let voters = rules::voters_at(&seats, taken_at.as_deref(), vote_rules(state, b));
        rules::check_vote_against_voters(v, &voters)?;
    }
    let title = match kind {
        DecisionKind::Appoint {
            position: key,
            rank,
            sex,
            ..
        } => position(state, key)?.title_ar(
            *rank,
            level_of(state, b),
            Sex::parse(sex).unwrap_or(Sex::M),
        ),
        _ => String::new(),
    };
    let summary = rules::decision_ar(kind, &title, vote);
    store::add_decision(
        &state.db,
        m,
        kind,
        vote,
        taken_at.as_deref(),
        &summary,
        audit(ctx, user, AuditAction::MeetingRecorded),
    )
    .await?;
    Ok(())
}

pub async fn decision_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let form: DecisionForm = crate::parse_form(&body)?;
    let result = match form.parse() {
        Ok((decision, vote)) => {
            let input = DecisionInput {
                decision,
                vote,
                taken_at: Some(form.taken_at.clone()),
            };
            record_decision(&state, &ctx, &user, &m, &b, &input).await
        }
        Err(e) => Err(e),
    };
    back_to_meeting(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize)]
pub struct MinutesForm {
    #[serde(default)]
    minutes: String,
}

/// The rapporteur's edits to the draft minutes.
pub async fn save_minutes_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, _) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let form: MinutesForm = crate::parse_form(&body)?;
    let result = async {
        if form.minutes.trim().is_empty() {
            return Err(DomainError::new(Field::Name, "text-required").into());
        }
        store::save_minutes(
            &state.db,
            &m,
            form.minutes.trim(),
            audit(&ctx, &user, AuditAction::MinutesDrafted),
        )
        .await?;
        Ok(())
    }
    .await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

// ---- a body's meetings and positions ----

#[derive(Template)]
#[template(path = "body_meetings.html")]
struct BodyMeetingsPage {
    layout: Layout,
    body_id: i64,
    body_name: String,
    error: Option<String>,
    /// (title, name, since)
    holders: Vec<(String, String, String)>,
    committees: Vec<String>,
    /// (id, label, date)
    meetings: Vec<(i64, String, String)>,
    may_manage: bool,
    positions: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    /// (title, period, activities)
    programmes: Vec<(String, String, Vec<String>)>,
    /// The body's calendar feed link, shown once after it is made.
    new_link: Option<String>,
    holder_choices: Vec<(i64, String)>,
}

/// A body's positions, committees and meetings, with the forms to add to them.
pub async fn body_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    body_meetings_page(&state, &ctx, &user, id, None, None).await
}

pub(crate) async fn body_meetings_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    error: Option<String>,
    new_link: Option<String>,
) -> Result<Response, AppError> {
    let b = crate::bodies::load(state, user, id, Action::ViewMeetings).await?;
    let current = store::holders(&state.db, b.id, true).await?;
    let day = |d: &str| date(d).map(|d| ctx.tr.day(d)).unwrap_or_default();
    let page = BodyMeetingsPage {
        layout: Layout::new(state, ctx, "meetings-of-body"),
        body_id: b.id,
        body_name: b.name.clone(),
        holders: current
            .iter()
            .map(|h| {
                (
                    holder_title(state, &b, h),
                    h.holder_name.clone(),
                    day(&h.started_on),
                )
            })
            .collect(),
        holder_choices: holder_choices(state, &b).await?,
        committees: store::committees(&state.db, b.id)
            .await?
            .into_iter()
            .map(|c| {
                let name = rules::committee_ar(&c.kind);
                if c.members.is_empty() {
                    name
                } else {
                    format!("{name}: {}", c.members)
                }
            })
            .collect(),
        meetings: store::of_body(&state.db, b.id)
            .await?
            .into_iter()
            .map(|m| (m.id, kind_label(state, ctx, &m.kind), day(&m.held_on)))
            .collect(),
        may_manage: decide(&user.principal, Action::ManageMeetings, Some(&b.target()))
            == tanzim_domain::policy::Decision::Allow,
        positions: position_choices(state, ctx),
        kinds: kind_choices(state, ctx),
        programmes: store::programmes(&state.db, b.id)
            .await?
            .into_iter()
            .map(|p| {
                (
                    p.title,
                    format!("{} – {}", day(&p.starts_on), day(&p.ends_on)),
                    p.activities.lines().map(str::to_owned).collect(),
                )
            })
            .collect(),
        new_link,
        error: error.clone(),
    };
    let mut response = views::html(page);
    if error.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

async fn back_to_body(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    result: Result<String, AppError>,
) -> Result<Response, AppError> {
    match result {
        Ok(to) => Ok(Redirect::to(&to).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            let message = e.message(&ctx.tr);
            let mut response =
                body_meetings_page(state, ctx, user, id, Some(message), None).await?;
            *response.status_mut() = e.status();
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct MeetingForm {
    kind: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    slogan: String,
    #[serde(default)]
    goals: String,
    #[serde(default)]
    chair_holder_id: String,
    #[serde(default)]
    agenda: String,
    /// A chair, co-chair or host from outside the body: `<role>_name`, `_title`, `_sex`.
    #[serde(flatten)]
    leads: std::collections::HashMap<String, String>,
}

impl MeetingForm {
    fn input(&self) -> MeetingInput {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        MeetingInput {
            kind: self.kind.clone(),
            held_on: self.held_on.clone(),
            starts_at: some(&self.starts_at),
            commune: None,
            place: some(&self.place),
            slogan: some(&self.slogan),
            goals: some(&self.goals),
            chair_holder_id: self.chair_holder_id.trim().parse().ok(),
            agenda: non_empty_lines(&self.agenda).map(str::to_owned).collect(),
            leads: self.leads(),
        }
    }

    /// The leads the form names (a role is named when its name is filled in).
    fn leads(&self) -> Vec<Lead> {
        let field = |role: &str, f: &str| {
            self.leads
                .get(&format!("{role}_{f}"))
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        rules::LEAD_ROLES
            .iter()
            .filter(|role| !field(role, "name").is_empty())
            .map(|role| Lead {
                role: (*role).to_owned(),
                name: field(role, "name"),
                sex: field(role, "sex"),
                title: field(role, "title"),
            })
            .collect()
    }
}

/// Schedules a meeting from the body's page.
pub async fn create_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ManageMeetings).await?;
    let form: MeetingForm = crate::parse_form(&body)?;
    let input = form.input();
    let result = save_meeting(&state, &ctx, &user, &b, &input, None)
        .await
        .map(|mid| format!("/meetings/{mid}"));
    back_to_body(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize)]
pub struct HolderForm {
    position: String,
    #[serde(default)]
    rank: String,
    #[serde(default)]
    holder_name: String,
    #[serde(default)]
    sex: String,
    #[serde(default)]
    started_on: String,
}

/// Records a position holder from the body's page.
pub async fn holder_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ManageMeetings).await?;
    let form: HolderForm = crate::parse_form(&body)?;
    let result = async {
        let rank: Option<u8> = match form.rank.trim() {
            "" => None,
            r => Some(r.parse().map_err(|_| {
                AppError::Invalid(DomainError::new(Field::Position, "rank-invalid"))
            })?),
        };
        let kind = DecisionKind::Appoint {
            position: form.position.clone(),
            rank,
            holder_name: form.holder_name.trim().to_owned(),
            sex: form.sex.clone(),
            member_id: None,
        };
        rules::check_decision(&kind, None)?;
        position(&state, &form.position)?;
        let started_on = match form.started_on.trim() {
            "" => today().to_string(),
            d => date(d)?.to_string(),
        };
        let new = store::NewHolder {
            body_id: b.id,
            position: &form.position,
            rank: rank.map(i64::from),
            holder_name: form.holder_name.trim(),
            sex: &form.sex,
            member_id: None,
            started_on: &started_on,
        };
        let entry = audit(&ctx, &user, AuditAction::PositionAssigned).target(
            "body",
            b.id,
            Some(b.target().path),
        );
        store::add_holder(&state.db, &new, entry).await?;
        Ok(format!("/bodies/{id}/meetings"))
    }
    .await;
    back_to_body(&state, &ctx, &user, id, result).await
}

/// The page's button: drafts the minutes from the record.
pub async fn minutes_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let result = draft_minutes(&state, &ctx, &user, &m, &b).await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// The page's button: approves the minutes.
pub async fn approve_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (m, _) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let result = store::approve_minutes(
        &state.db,
        &m,
        Some(user.id()),
        audit(&ctx, &user, AuditAction::MinutesApproved),
    )
    .await
    .map_err(AppError::from);
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// The page's button: drafts a communiqué.
pub async fn communique_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::PublishCommuniques).await?;
    let form: CommuniqueRequest = crate::parse_form(&body)?;
    let result = draft_communique(&state, &ctx, &user, &m, &b, form.lang.as_deref())
        .await
        .map(|_| ());
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// Publishes a communiqué from the meeting page.
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = publication(&state, &ctx, &user, id, true).await?;
    Ok(Redirect::to(&format!("/meetings/{}", c.meeting_id)).into_response())
}

// ---- public news ----

#[derive(Deserialize)]
pub struct NewsQuery {
    /// A region or province code: its communiqués only.
    territory: Option<String>,
    page: Option<u32>,
}

struct NewsItem {
    id: i64,
    /// The communiqué's language (its text direction follows).
    lang: String,
    headline: String,
    body: String,
    date: String,
    share_whatsapp: String,
    share_facebook: String,
}

#[derive(Template)]
#[template(path = "news.html")]
struct NewsPage {
    layout: Layout,
    items: Vec<NewsItem>,
    territory: String,
}

fn news_item(state: &AppState, ctx: &Ctx, c: &Communique) -> NewsItem {
    let url = format!("{}/news/{}", state.config.public_base(), c.id);
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    NewsItem {
        id: c.id,
        lang: c.lang.clone(),
        headline: c.headline.clone(),
        body: c.body.clone(),
        date: ctx.tr.date(c.published_at.unwrap_or(c.updated_at)),
        share_whatsapp: format!(
            "https://wa.me/?text={}",
            enc(&format!("{} {url}", c.headline))
        ),
        share_facebook: format!("https://www.facebook.com/sharer/sharer.php?u={}", enc(&url)),
    }
}

async fn within(
    state: &AppState,
    code: Option<&str>,
) -> Result<Option<tanzim_domain::territory::TerritoryPath>, AppError> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => Ok(Some(
            territory::get(
                &state.db,
                &tanzim_domain::territory::TerritoryCode::parse(code)?,
            )
            .await?
            .ok_or(DomainError::new(Field::Territory, "territory-unknown"))?
            .territory_path(),
        )),
        None => Ok(None),
    }
}

/// The organization's public news: published communiqués, newest first, no login.
pub async fn news(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewsQuery>,
) -> Result<Response, AppError> {
    let w = within(&state, q.territory.as_deref()).await?;
    let page = store::published(&state.db, w.as_ref(), Page::new(q.page, Some(20))).await?;
    Ok(views::html(NewsPage {
        layout: Layout::new(&state, &ctx, "news-title"),
        items: page
            .items
            .iter()
            .map(|c| news_item(&state, &ctx, c))
            .collect(),
        territory: q.territory.unwrap_or_default(),
    }))
}

/// One published communiqué.
pub async fn news_item_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = store::communique(&state.db, id)
        .await?
        .filter(|c| c.status == "published")
        .ok_or(AppError::NotFound)?;
    Ok(views::html(NewsPage {
        layout: Layout::new(&state, &ctx, "news-title"),
        items: vec![news_item(&state, &ctx, &c)],
        territory: String::new(),
    }))
}

/// The Atom feed of published communiqués.
pub async fn feed(
    State(state): State<AppState>,
    Query(q): Query<NewsQuery>,
) -> Result<Response, AppError> {
    let w = within(&state, q.territory.as_deref()).await?;
    let page = store::published(&state.db, w.as_ref(), Page::new(None, Some(50))).await?;
    let base = state.config.public_base();
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let stamp = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .map(|d| d.to_rfc3339())
            .unwrap_or_default()
    };
    let updated = page
        .items
        .first()
        .map(|c| stamp(c.published_at.unwrap_or(c.updated_at)))
        .unwrap_or_else(|| stamp(0));
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">\n<title>{}</title>\n<id>{base}/news</id>\n<link rel=\"alternate\" href=\"{base}/news\"/>\n<updated>{updated}</updated>\n",
        esc(&state
            .profile
            .organizations
            .first()
            .map(|o| o.name.ar.clone())
            .unwrap_or_default())
    );
    for c in &page.items {
        xml.push_str(&format!(
            "<entry xml:lang=\"{}\">\n<title>{}</title>\n<id>{base}/news/{}</id>\n<link href=\"{base}/news/{}\"/>\n<updated>{}</updated>\n<content type=\"text\">{}</content>\n</entry>\n",
            esc(&c.lang), esc(&c.headline), c.id, c.id, stamp(c.published_at.unwrap_or(c.updated_at)), esc(&c.body)
        ));
    }
    xml.push_str("</feed>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

// ---- calendar ----

/// Meetings in the user's scope from `from` on, soonest first, as (id, body, kind label,
/// date label): the calendar page and the home page.
pub(crate) async fn upcoming_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    from: chrono::NaiveDate,
    limit: i64,
) -> Result<Vec<(i64, String, String, String)>, AppError> {
    if decide(&user.principal, Action::ViewMeetings, None) != tanzim_domain::policy::Decision::Allow
    {
        return Ok(Vec::new());
    }
    let scope = tanzim_store::ScopeFilter::from_assignments(tanzim_domain::policy::scopes_for(
        &user.principal,
        Action::ViewMeetings,
    ));
    Ok(store::upcoming(&state.db, &scope, &from.to_string(), limit)
        .await?
        .into_iter()
        .map(|(m, body)| {
            let day = date(&m.held_on).map(|d| ctx.tr.day(d)).unwrap_or_default();
            (m.id, body, kind_label(state, ctx, &m.kind), day)
        })
        .collect())
}

/// What waits for the user in their scope: minutes to draft or approve after a meeting
/// was held (those who hold meetings), communiqués to publish (communication officers), as
/// (link, what, detail).
pub(crate) async fn reminder_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    today: chrono::NaiveDate,
) -> Result<Vec<(String, String, String)>, AppError> {
    let scope = |action| {
        (decide(&user.principal, action, None) == tanzim_domain::policy::Decision::Allow).then(
            || {
                tanzim_store::ScopeFilter::from_assignments(tanzim_domain::policy::scopes_for(
                    &user.principal,
                    action,
                ))
            },
        )
    };
    let mut rows = Vec::new();
    if let Some(scope) = scope(Action::ManageMeetings) {
        for (m, body) in store::awaiting_minutes(&state.db, &scope, &today.to_string(), 10).await? {
            let day = date(&m.held_on).map(|d| ctx.tr.day(d)).unwrap_or_default();
            let what = if m.minutes_status == "draft" {
                "reminder-approve-minutes"
            } else {
                "reminder-draft-minutes"
            };
            rows.push((
                format!("/meetings/{}", m.id),
                ctx.tr.t(what),
                format!("{body} · {day}"),
            ));
        }
    }
    if let Some(scope) = scope(Action::PublishCommuniques) {
        for c in store::unpublished(&state.db, &scope, 10).await? {
            rows.push((
                format!("/meetings/{}", c.meeting_id),
                ctx.tr.t("reminder-publish-communique"),
                c.headline,
            ));
        }
    }
    Ok(rows)
}

// ---- founding and coverage ----

#[derive(Deserialize, utoipa::ToSchema)]
pub struct FoundingInput {
    /// When the founding meeting should be held, YYYY-MM-DD.
    pub target_date: String,
    /// The founding committee's members.
    #[serde(default)]
    pub committee: Vec<String>,
}

/// Puts a body in formation with its founding committee and target date; a founding
/// meeting's `constitute` decision constitutes it when its minutes are approved.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/founding", tag = "meetings", params(("id" = i64, Path)), request_body = FoundingInput,
    responses((status = 200, body = Body), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_founding(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<Body>, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ManageBody).await?;
    let input: FoundingInput = parse_json(&body)?;
    let target = date(&input.target_date)?.to_string();
    let committee: Vec<String> = input
        .committee
        .iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    bodies::set_founding(
        &state.db,
        &b,
        &target,
        &committee.join("\n"),
        audit(&ctx, &user, AuditAction::BodyFounding),
    )
    .await?;
    Ok(Json(
        bodies::get(&state.db, b.id)
            .await?
            .ok_or(AppError::NotFound)?,
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AreaCoverage {
    pub code: String,
    pub name: String,
    /// Territories of the kind's level in the area (within the caller's scope).
    pub territories: usize,
    pub constituted: usize,
    pub forming: usize,
    pub none: usize,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TerritoryCoverage {
    pub code: String,
    pub name: String,
    /// `constituted`, `forming` or `none`.
    pub status: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Coverage {
    pub organization: String,
    pub kind: String,
    pub regions: Vec<AreaCoverage>,
    /// By province too, for kinds of body below the province (local bureaus).
    pub provinces: Vec<AreaCoverage>,
    pub territories: Vec<TerritoryCoverage>,
}

#[derive(Deserialize)]
pub struct CoverageQuery {
    kind: Option<String>,
    /// Only this region (its HCP code).
    region: Option<String>,
}

impl AreaCoverage {
    /// Counts a territory of `status` in the area `code`, adding the area when first met.
    fn tally(
        areas: &mut Vec<AreaCoverage>,
        code: &str,
        name: impl FnOnce() -> String,
        status: &str,
    ) {
        let i = match areas.iter().position(|a| a.code == code) {
            Some(i) => i,
            None => {
                areas.push(AreaCoverage {
                    code: code.to_owned(),
                    name: name(),
                    territories: 0,
                    constituted: 0,
                    forming: 0,
                    none: 0,
                });
                areas.len() - 1
            }
        };
        let a = &mut areas[i];
        a.territories += 1;
        match status {
            "forming" => a.forming += 1,
            "constituted" => a.constituted += 1,
            _ => a.none += 1,
        }
    }
}

/// For one kind of body, which territories of its level have one constituted, one in
/// formation, or none, by region, within the caller's scope.
async fn coverage(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    kind: Option<&str>,
    region: Option<&str>,
) -> Result<Coverage, AppError> {
    permit(decide(&user.principal, Action::ViewBodies, None))?;
    let kind = match kind.filter(|k| !k.is_empty()) {
        Some(k) => state.profile.body_kinds.iter().find(|b| b.key == k),
        None => state
            .profile
            .body_kinds
            .iter()
            .find(|b| b.level == BodyLevel::Province),
    }
    .ok_or(DomainError::new(Field::BodyKind, "body-kind-unknown"))?;
    let organization = kind.organizations.first().cloned().unwrap_or_default();
    let wanted = |t: &territory::Territory| {
        use tanzim_domain::territory::Level;
        matches!(
            (kind.level, t.level()),
            (BodyLevel::Region, Some(Level::Region))
                | (BodyLevel::Province, Some(Level::Province))
                | (BodyLevel::Commune, Some(Level::Commune))
        )
    };
    let all = territory::all(&state.db).await?;
    let lang = ctx.tr.lang.code();
    let area_name = |code: &str| {
        all.iter()
            .find(|t| t.code == code)
            .map(|t| t.name(lang).to_owned())
            .unwrap_or_default()
    };
    let existing = bodies::of_kind(&state.db, &organization, &kind.key).await?;
    let mut regions: Vec<AreaCoverage> = Vec::new();
    let mut provinces: Vec<AreaCoverage> = Vec::new();
    let mut territories = Vec::new();
    let region_filter = region.filter(|r| !r.is_empty());
    for t in all.iter().filter(|t| wanted(t)) {
        let target = tanzim_domain::policy::Target {
            path: t.territory_path(),
            organization: Some(organization.clone()),
        };
        if decide(&user.principal, Action::ViewBodies, Some(&target))
            != tanzim_domain::policy::Decision::Allow
        {
            continue;
        }
        let status = match existing
            .iter()
            .find(|b| b.territory_code.as_deref() == Some(t.code.as_str()))
        {
            Some(b) if b.in_formation() => "forming",
            Some(_) => "constituted",
            None => "none",
        };
        let mut codes = t.path.split('/').filter(|c| !c.is_empty());
        let region = codes.next().unwrap_or_default();
        if region_filter.is_some_and(|r| r != region) {
            continue;
        }
        AreaCoverage::tally(&mut regions, region, || area_name(region), status);
        if kind.level == BodyLevel::Commune
            && let Some(province) = codes.next()
        {
            AreaCoverage::tally(&mut provinces, province, || area_name(province), status);
        }
        territories.push(TerritoryCoverage {
            code: t.code.clone(),
            name: t.name(lang).to_owned(),
            status: status.to_owned(),
        });
    }
    Ok(Coverage {
        organization,
        kind: kind.key.clone(),
        regions,
        provinces,
        territories,
    })
}

/// Coverage of one kind of body (the provincial one by default).
#[utoipa::path(get, path = "/api/v1/bodies/coverage", tag = "meetings", params(("kind" = Option<String>, Query, description = "a body kind of the profile"), ("region" = Option<String>, Query, description = "only this region (HCP code)")),
    responses((status = 200, body = Coverage), BadRequest, Unauthenticated, Forbidden, Invalid), security(("bearer" = [])))]
pub async fn api_coverage(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<CoverageQuery>,
) -> Result<Json<Coverage>, AppError> {
    Ok(Json(
        coverage(&state, &ctx, &user, q.kind.as_deref(), q.region.as_deref()).await?,
    ))
}

#[derive(Template)]
#[template(path = "coverage.html")]
struct CoveragePage {
    layout: Layout,
    c: Coverage,
    kind: String,
    region: String,
    /// (code, name) of the country's regions, for the filter.
    all_regions: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    /// (code, name, in formation) of territories without a constituted body.
    missing: Vec<(String, String, bool)>,
}

pub async fn coverage_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<CoverageQuery>,
) -> Result<Response, AppError> {
    let c = coverage(&state, &ctx, &user, q.kind.as_deref(), q.region.as_deref()).await?;
    Ok(views::html(CoveragePage {
        layout: Layout::new(&state, &ctx, "coverage-title"),
        kind: c.kind.clone(),
        region: q.region.clone().unwrap_or_default(),
        all_regions: territory::all(&state.db)
            .await?
            .into_iter()
            .filter(|t| t.level() == Some(tanzim_domain::territory::Level::Region))
            .map(|t| (t.code.clone(), t.name(ctx.tr.lang.code()).to_owned()))
            .collect(),
        kinds: state
            .profile
            .body_kinds
            .iter()
            .filter(|k| k.level != BodyLevel::National)
            .map(|k| (k.key.clone(), views::label(&k.name, &ctx.tr)))
            .collect(),
        missing: c
            .territories
            .iter()
            .filter(|t| t.status != "constituted")
            .map(|t| (t.code.clone(), t.name.clone(), t.status == "forming"))
            .collect(),
        c,
    }))
}

// ---- programmes, invitations ----

/// The work programmes the body's meetings adopted.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/programmes", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<store::Programme>), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_programmes(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<Vec<store::Programme>>, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ViewMeetings).await?;
    Ok(Json(store::programmes(&state.db, b.id).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct InvitationsInput {
    /// Guests and others invited by name.
    #[serde(default)]
    pub invitations: Vec<Invitee>,
    /// Also invite every current position holder of the body.
    #[serde(default)]
    pub position_holders: bool,
}

/// Sets the invitation list (the body's position holders and named guests); attendance
/// starts from it.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/invitations", tag = "meetings", params(("id" = i64, Path)), request_body = InvitationsInput,
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_invitations(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<MeetingDetail>, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let input: InvitationsInput = parse_json(&body)?;
    invite(&state, &ctx, &user, &m, &b, input).await?;
    Ok(Json(detail(&state, &b, m.id).await?))
}

async fn invite(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Meeting,
    b: &Body,
    input: InvitationsInput,
) -> Result<(), AppError> {
    let mut list: Vec<Invitee> = Vec::new();
    if input.position_holders {
        for h in store::holders(&state.db, b.id, true).await? {
            // One person holding two positions is invited once.
            if list.iter().any(|l| l.name == h.holder_name) {
                continue;
            }
            list.push(Invitee {
                title: Some(holder_title(state, b, &h)),
                holder_id: Some(h.id),
                name: h.holder_name,
                guest: false,
            });
        }
    }
    for i in input.invitations {
        let name = i.name.trim().to_owned();
        if name.is_empty() {
            return Err(DomainError::new(Field::Name, "name-required").into());
        }
        // Someone named twice (a holder also listed by name) is invited once.
        if list.iter().any(|l| l.name == name) {
            continue;
        }
        list.push(Invitee {
            name,
            title: i
                .title
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty()),
            holder_id: None,
            guest: i.guest,
        });
    }
    store::invite(
        &state.db,
        m,
        &list,
        audit(ctx, user, AuditAction::MeetingRecorded),
    )
    .await?;
    Ok(())
}

#[derive(Deserialize)]
pub struct InvitationsForm {
    #[serde(default)]
    position_holders: Option<String>,
    /// One a line: "title | name" or just the name.
    #[serde(default)]
    guests: String,
}

/// The invitation form: the body's position holders and guests.
pub async fn invitations_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ManageMeetings).await?;
    let form: InvitationsForm = crate::parse_form(&body)?;
    let input = InvitationsInput {
        position_holders: form.position_holders.is_some(),
        invitations: non_empty_lines(&form.guests)
            .map(|line| {
                let (title, name) = guest_line(line);
                Invitee {
                    name,
                    title,
                    holder_id: None,
                    guest: true,
                }
            })
            .collect(),
    };
    let result = invite(&state, &ctx, &user, &m, &b, input).await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CommitteeInput {
    /// `membership`, `ethics` or a functional committee's key.
    pub committee: String,
    pub members: Vec<store::Seat>,
}

/// Records a committee of the body as it stands (created if the body has none of that
/// kind); its members are members of the party, named and, where known, linked to their
/// record. A meeting's `create_committee` decision does the same when its minutes are
/// approved.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/committees", tag = "meetings", params(("id" = i64, Path)), request_body = CommitteeInput,
    responses((status = 200, body = Positions), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_set_committee(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<Positions>, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ManageMeetings).await?;
    let input: CommitteeInput = parse_json(&body)?;
    set_committee(&state, &ctx, &user, &b, input).await?;
    api_positions(State(state), user, Path(id)).await
}

async fn set_committee(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Body,
    input: CommitteeInput,
) -> Result<(), AppError> {
    let kind = input.committee.trim();
    if kind.is_empty() || kind.len() > 60 {
        return Err(DomainError::new(Field::Name, "text-required").into());
    }
    let mut seats: Vec<store::Seat> = Vec::new();
    for seat in input.members {
        let name = seat.name.trim().to_owned();
        if name.is_empty() {
            return Err(DomainError::new(Field::Name, "name-required").into());
        }
        if seats.iter().any(|s| s.name == name) {
            return Err(DomainError::new(Field::Name, "name-twice").into());
        }
        if let Some(mid) = seat.member_id {
            linked_member(state, b, mid).await?;
        }
        seats.push(store::Seat {
            name,
            member_id: seat.member_id,
        });
    }
    store::set_committee(
        &state.db,
        b,
        kind,
        &seats,
        &today().to_string(),
        audit(ctx, user, AuditAction::CommitteeRecorded),
    )
    .await?;
    Ok(())
}

#[derive(Deserialize)]
pub struct CommitteeForm {
    committee: String,
    #[serde(default)]
    members: String,
}

/// Records a committee from the body's page (one member a line).
pub async fn committee_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = crate::bodies::load(&state, &user, id, Action::ManageMeetings).await?;
    let form: CommitteeForm = crate::parse_form(&body)?;
    let input = CommitteeInput {
        committee: form.committee,
        members: non_empty_lines(&form.members)
            .map(|name| store::Seat {
                name: name.to_owned(),
                member_id: None,
            })
            .collect(),
    };
    let result = set_committee(&state, &ctx, &user, &b, input)
        .await
        .map(|()| format!("/bodies/{id}/meetings"));
    back_to_body(&state, &ctx, &user, id, result).await
}

/// The minutes as a PDF, typeset on the server (Arabic shaped, right to left, fonts
/// embedded): the text as drafted or approved, and the amendments made since. The document
/// of record is in Arabic whatever the page's language.
pub async fn minutes_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (m, b) = load_meeting(&state, &user, id, Action::ViewMeetings).await?;
    let text = m.minutes.clone().ok_or(AppError::NotFound)?;
    let ar = crate::i18n::Tr::new(state.i18n.clone(), crate::i18n::Lang::Ar);
    let status_line = match m.approved_at {
        Some(at) if m.locked() => ar.with("minutes-approved-on", &[("date", &ar.date(at))]),
        _ => ar.t("minutes-draft"),
    };
    let organization = state
        .profile
        .organizations
        .iter()
        .find(|o| o.key == b.organization)
        .map(|o| o.name.ar.clone())
        .unwrap_or_default();
    let day = date(&m.held_on).map(rules::date_ar).unwrap_or_default();
    let body_name = match &b.territory_name_ar {
        Some(t) => format!("{} ب{t}", b.name),
        None => b.name.clone(),
    };
    let title = format!(
        "{} – {day}",
        rules::minutes_title_ar(&kind_words(&state, &m.kind), &body_name)
    );
    let mut amendments = Vec::new();
    for a in store::amendments(&state.db, m.id).await? {
        let author = match a.made_by {
            Some(uid) => tanzim_store::accounts::user(&state.db, uid)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        amendments.push((ar.datetime(a.made_at), author, a.reason, a.text));
    }
    let labels = (ar.t("minutes-amendments"), ar.t("pdf-page"));
    let pdf = tokio::task::spawn_blocking(move || {
        let amendments: Vec<tanzim_pdf::Amendment<'_>> = amendments
            .iter()
            .map(|(when, author, reason, text)| tanzim_pdf::Amendment {
                when,
                author,
                reason,
                text,
            })
            .collect();
        tanzim_pdf::minutes(&tanzim_pdf::MinutesDoc {
            lang: "ar",
            organization: &organization,
            title: &title,
            status_line: &status_line,
            text: &text,
            amendments_heading: &labels.0,
            amendments: &amendments,
            page_label: &labels.1,
        })
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let entry = audit(&ctx, &user, AuditAction::MinutesExported).target(
        "meeting",
        m.id,
        Some(m.target().path),
    );
    state.audit.append(&entry).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"minutes-{}.pdf\"", m.id),
            ),
        ],
        pdf,
    )
        .into_response())
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::{Access::*, TargetKind as T, route};
    use axum::routing::{get, patch, post};
    use tanzim_domain::policy::Action;
    vec![
        route("GET", "/news", Public, get(news)),
        route(
            "POST",
            "/api/v1/bodies/{id}/committees",
            Policy(Action::ManageMeetings, T::Body),
            post(api_set_committee),
        ),
        route(
            "POST",
            "/bodies/{id}/committees",
            Policy(Action::ManageMeetings, T::Body),
            post(committee_form),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/programmes",
            Policy(Action::ViewMeetings, T::Body),
            get(api_programmes),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/invitations",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_invitations),
        ),
        route(
            "PATCH",
            "/api/v1/meetings/{id}",
            Policy(Action::ManageMeetings, T::Meeting),
            patch(api_update),
        ),
        route(
            "POST",
            "/meetings/{id}/edit",
            Policy(Action::ManageMeetings, T::Meeting),
            post(update_form),
        ),
        route(
            "GET",
            "/meetings/{id}/minutes.pdf",
            Policy(Action::ViewMeetings, T::Meeting),
            get(minutes_pdf),
        ),
        route(
            "POST",
            "/meetings/{id}/invitations",
            Policy(Action::ManageMeetings, T::Meeting),
            post(invitations_form),
        ),
        route("GET", "/news.atom", Public, get(feed)),
        route("GET", "/news/{id}", Public, get(news_item_page)),
        route(
            "GET",
            "/meetings/{id}",
            Policy(Action::ViewMeetings, T::Meeting),
            get(show),
        ),
        route(
            "GET",
            "/bodies/coverage",
            Policy(Action::ViewBodies, T::None),
            get(coverage_page),
        ),
        route(
            "GET",
            "/api/v1/bodies/coverage",
            Policy(Action::ViewBodies, T::None),
            get(api_coverage),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/founding",
            Policy(Action::ManageBody, T::Body),
            post(api_founding),
        ),
        route(
            "GET",
            "/bodies/{id}/meetings",
            Policy(Action::ViewMeetings, T::Body),
            get(body_page),
        ),
        route(
            "POST",
            "/bodies/{id}/meetings",
            Policy(Action::ManageMeetings, T::Body),
            post(create_form),
        ),
        route(
            "POST",
            "/bodies/{id}/positions",
            Policy(Action::ManageMeetings, T::Body),
            post(holder_form),
        ),
        route(
            "POST",
            "/meetings/{id}/attendance",
            Policy(Action::ManageMeetings, T::Meeting),
            post(attendance_form),
        ),
        route(
            "POST",
            "/meetings/{id}/interventions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(intervention_form),
        ),
        route(
            "POST",
            "/meetings/{id}/decisions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(decision_form),
        ),
        route(
            "POST",
            "/meetings/{id}/amendments",
            Policy(Action::ManageMeetings, T::Meeting),
            post(amend_form),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/amendments",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_amend),
        ),
        route(
            "POST",
            "/meetings/{id}/minutes/save",
            Policy(Action::ManageMeetings, T::Meeting),
            post(save_minutes_form),
        ),
        route(
            "POST",
            "/meetings/{id}/minutes",
            Policy(Action::ManageMeetings, T::Meeting),
            post(minutes_form),
        ),
        route(
            "POST",
            "/meetings/{id}/approve",
            Policy(Action::ManageMeetings, T::Meeting),
            post(approve_form),
        ),
        route(
            "POST",
            "/meetings/{id}/communique",
            Policy(Action::PublishCommuniques, T::Meeting),
            post(communique_form),
        ),
        route(
            "POST",
            "/communiques/{id}/publish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(publish),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/positions",
            Policy(Action::ViewMeetings, T::Body),
            get(api_positions),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/positions",
            Policy(Action::ManageMeetings, T::Body),
            post(api_add_holder),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/meetings",
            Policy(Action::ManageMeetings, T::Body),
            post(api_create),
        ),
        route(
            "GET",
            "/api/v1/meetings/{id}",
            Policy(Action::ViewMeetings, T::Meeting),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/attendance",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_attendance),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/interventions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_intervention),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/decisions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_decision),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/minutes",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_draft_minutes),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/minutes/approve",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_approve),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/communiques",
            Policy(Action::PublishCommuniques, T::Meeting),
            post(api_draft_communique),
        ),
        route(
            "PATCH",
            "/api/v1/communiques/{id}",
            Policy(Action::PublishCommuniques, T::Communique),
            patch(api_edit_communique),
        ),
        route(
            "POST",
            "/api/v1/communiques/{id}/publish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(api_publish),
        ),
        route(
            "POST",
            "/api/v1/communiques/{id}/unpublish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(api_unpublish),
        ),
    ]
}
