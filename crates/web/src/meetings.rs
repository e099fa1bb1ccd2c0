//! Bodies at work: positions and their holders, meetings (agenda, attendance,
//! interventions, decisions), the minutes and their approval (which gives decisions
//! effect), press communiqués and the public news page with its Atom feed.

use crate::api::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::auth::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::parse_json;
use crate::views::{self, Layout};
use crate::{AppState, permit};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::access::InBody;
use tanzim_commands::meetings as cmd;
use tanzim_commands::{self as commands, Found};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::{self as rules, DecisionKind, Vote, Voters};
use tanzim_domain::org::BodyLevel;
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
async fn load_meeting(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Found<InBody<Meeting>>, AppError> {
    Ok(commands::access::load(&state.app(), &user.actor(ctx), action, id).await?)
}

async fn load_communique(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Found<InBody<Communique>>, AppError> {
    Ok(commands::access::load(&state.app(), &user.actor(ctx), action, id).await?)
}

/// The body with this id, if the user may do `action` to it.
async fn load_body(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Found<Body>, AppError> {
    Ok(commands::access::load(&state.app(), &user.actor(ctx), action, id).await?)
}

/// How a kind of meeting is said.
pub(crate) fn kind_words(state: &AppState, key: &str) -> rules::KindWords {
    cmd::kind_words(&state.profile, key)
}

/// A kind of meeting's name in the page's language.
fn kind_label(state: &AppState, ctx: &Ctx, key: &str) -> String {
    match state.profile.meeting_kinds.iter().find(|k| k.key == key) {
        Some(k) => views::label(&k.name, &ctx.tr),
        None => ctx.tr.t(&format!("meeting-kind-{key}")),
    }
}

/// A holder's Arabic title in their body, agreeing with them.
fn holder_title(state: &AppState, body: &Body, h: &Holder) -> String {
    cmd::holder_title(&state.profile, body, h)
}

fn date(s: &str) -> Result<chrono::NaiveDate, AppError> {
    Ok(tanzim_domain::members::parse_date(s, Field::Date)?)
}

// ---- positions ----

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
    let b = load_body(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: HolderInput = parse_json(&body)?;
    let input = cmd::holders::Appointment {
        position: input.position,
        rank: input.rank,
        holder_name: input.holder_name,
        sex: input.sex,
        member_id: input.member_id,
        started_on: input.started_on.as_deref().map(date).transpose()?,
    };
    let h = cmd::holders::appoint(&state.app(), &user.actor(&ctx), &b, &input).await?;
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
    let b = load_body(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: MeetingInput = parse_json(&body)?;
    let input = input.parse()?;
    let mid = cmd::record::schedule(&state.app(), &user.actor(&ctx), &b, &input).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &b, mid).await?)).into_response())
}

impl MeetingInput {
    /// The schedule as the command takes it: the date and the commune read, the leads'
    /// roles known.
    fn parse(&self) -> Result<cmd::record::Schedule, AppError> {
        if self
            .leads
            .iter()
            .any(|l| !rules::LEAD_ROLES.contains(&l.role.trim()))
        {
            return Err(AppError::BadRequest("malformed-input"));
        }
        Ok(cmd::record::Schedule {
            kind: self.kind.clone(),
            held_on: date(&self.held_on)?,
            starts_at: self.starts_at.clone(),
            commune: match self.commune.as_deref().filter(|c| !c.is_empty()) {
                Some(code) => Some(tanzim_domain::territory::TerritoryCode::parse(code)?),
                None => None,
            },
            place: self.place.clone(),
            slogan: self.slogan.clone(),
            goals: self.goals.clone(),
            chair_holder_id: self.chair_holder_id,
            agenda: self.agenda.clone(),
            leads: self.leads.clone(),
        })
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: MeetingInput = parse_json(&body)?;
    let input = input.parse()?;
    cmd::record::correct(&state.app(), &user.actor(&ctx), &m, &input).await?;
    Ok(Json(detail(&state, &m.body, m.record.id).await?))
}

/// The page's form correcting a meeting (same fields as scheduling it).
pub async fn update_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let form: MeetingForm = crate::parse_form(&body)?;
    let result = async {
        let input = form.input().parse()?;
        Ok(cmd::record::correct(&state.app(), &user.actor(&ctx), &m, &input).await?)
    }
    .await;
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
    let r = cmd::record::read(&state.app(), body, id).await?;
    Ok(MeetingDetail {
        meeting: r.meeting,
        leads: r.leads,
        agenda: r.agenda,
        invitations: r.invitations,
        attendance: r.attendance,
        members_present: r.members_present,
        quorum: r.quorum,
        interventions: r.interventions,
        decisions: r
            .decisions
            .into_iter()
            .map(|(decision, voters)| DecisionView { decision, voters })
            .collect(),
        amendments: r.amendments,
        communiques: r.communiques,
    })
}

/// A meeting with its whole record.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<MeetingDetail>, AppError> {
    let m = load_meeting(&state, &ctx, &user, id, Action::ViewMeetings).await?;
    Ok(Json(detail(&state, &m.body, m.record.id).await?))
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: AttendanceInput = parse_json(&body)?;
    cmd::attendance::record(&state.app(), &user.actor(&ctx), &m, input.attendance).await?;
    Ok(Json(detail(&state, &m.body, m.record.id).await?))
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: InterventionInput = parse_json(&body)?;
    let input = cmd::record::Speech {
        speaker: input.speaker,
        agenda_seat: input.agenda_seat,
        summary: input.summary,
    };
    cmd::record::intervene(&state.app(), &user.actor(&ctx), &m, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(detail(&state, &m.body, m.record.id).await?),
    )
        .into_response())
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: DecisionInput = parse_json(&body)?;
    record_decision(&state, &ctx, &user, &m, input).await?;
    Ok((
        StatusCode::CREATED,
        Json(detail(&state, &m.body, m.record.id).await?),
    )
        .into_response())
}

/// A guest line of the forms: "title | name", or the name alone.
fn guest_line(line: &str) -> (Option<String>, String) {
    match line.split_once('|') {
        Some((t, n)) => (Some(t.trim().to_owned()), n.trim().to_owned()),
        None => (None, line.to_owned()),
    }
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    cmd::minutes::draft(&state.app(), &user.actor(&ctx), &m).await?;
    Ok(Json(detail(&state, &m.body, m.record.id).await?))
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    cmd::minutes::approve(&state.app(), &user.actor(&ctx), &m).await?;
    Ok(Json(detail(&state, &m.body, m.record.id).await?))
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: AmendmentInput = parse_json(&body)?;
    cmd::minutes::amend(
        &state.app(),
        &user.actor(&ctx),
        &m,
        &input.text,
        &input.reason,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(detail(&state, &m.body, m.record.id).await?),
    )
        .into_response())
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let form: AmendmentForm = crate::parse_form(&body)?;
    let result = cmd::minutes::amend(
        &state.app(),
        &user.actor(&ctx),
        &m,
        &form.text,
        &form.reason,
    )
    .await
    .map(|_| ())
    .map_err(AppError::from);
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
    let m = load_meeting(&state, &ctx, &user, id, Action::PublishCommuniques).await?;
    let request: CommuniqueRequest = if body.is_empty() {
        CommuniqueRequest::default()
    } else {
        parse_json(&body)?
    };
    let lang = request.lang()?;
    let cid = cmd::communiques::draft(&state.app(), &user.actor(&ctx), &m, lang).await?;
    let c = store::communique(&state.db, cid)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(c)).into_response())
}

impl CommuniqueRequest {
    fn lang(&self) -> Result<cmd::communiques::Lang, AppError> {
        cmd::communiques::Lang::parse(self.lang.as_deref().unwrap_or("ar"))
            .ok_or(AppError::BadRequest("malformed-input"))
    }
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
    let c = load_communique(&state, &ctx, &user, id, Action::PublishCommuniques).await?;
    let input: CommuniqueText = parse_json(&body)?;
    let app = state.app();
    let actor = user.actor(&ctx);
    Ok(Json(
        cmd::communiques::edit(&app, &actor, &c, &input.headline, &input.body).await?,
    ))
}

async fn publication(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    publish: bool,
) -> Result<Communique, AppError> {
    let c = load_communique(state, ctx, user, id, Action::PublishCommuniques).await?;
    Ok(cmd::communiques::publication(&state.app(), &user.actor(ctx), &c, publish).await?)
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
    let found = load_meeting(state, ctx, user, id, Action::ViewMeetings).await?;
    let (m, b) = (&found.record, &found.body);
    let chair = match m.chair_holder_id {
        Some(h) => store::holder(&state.db, h)
            .await?
            .map(|h| format!("{} {}", holder_title(state, b, &h), h.holder_name))
            .unwrap_or_default(),
        None => store::leads(&state.db, m.id)
            .await?
            .into_iter()
            .find(|l| l.role == "chair")
            .map(|l| format!("{} {}", l.title, l.name))
            .unwrap_or_default(),
    };
    let actor = user.actor(ctx);
    let allowed = |a| actor.decide(a, Some(&b.target())) == tanzim_domain::policy::Decision::Allow;
    let d = detail(state, b, m.id).await?;
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
        holder_choices: holder_choices(state, b).await?,
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
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
    let before = store::attendance(&state.db, m.record.id).await?;
    let invited = store::invitations(&state.db, m.record.id).await?;
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
    let result = cmd::attendance::record(&state.app(), &user.actor(&ctx), &m, list)
        .await
        .map_err(AppError::from);
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let form: InterventionForm = crate::parse_form(&body)?;
    let input = cmd::record::Speech {
        speaker: form.speaker,
        agenda_seat: None,
        summary: form.summary,
    };
    let result = cmd::record::intervene(&state.app(), &user.actor(&ctx), &m, &input)
        .await
        .map(|_| ())
        .map_err(AppError::from);
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

/// Records a decision (the command writes its summary in words).
async fn record_decision(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<InBody<Meeting>>,
    input: DecisionInput,
) -> Result<(), AppError> {
    let input = cmd::decisions::Taken {
        decision: input.decision,
        vote: input.vote,
        taken_at: input.taken_at,
    };
    cmd::decisions::record(&state.app(), &user.actor(ctx), m, &input).await?;
    Ok(())
}

pub async fn decision_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let form: DecisionForm = crate::parse_form(&body)?;
    let result = match form.parse() {
        Ok((decision, vote)) => {
            let input = DecisionInput {
                decision,
                vote,
                taken_at: Some(form.taken_at.clone()),
            };
            record_decision(&state, &ctx, &user, &m, input).await
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let form: MinutesForm = crate::parse_form(&body)?;
    let result = cmd::minutes::edit(&state.app(), &user.actor(&ctx), &m, &form.minutes)
        .await
        .map_err(AppError::from);
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
        may_manage: user
            .actor(ctx)
            .decide(Action::ManageMeetings, Some(&b.target()))
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
    let b = load_body(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let form: MeetingForm = crate::parse_form(&body)?;
    let result = async {
        let input = form.input().parse()?;
        let mid = cmd::record::schedule(&state.app(), &user.actor(&ctx), &b, &input).await?;
        Ok(format!("/meetings/{mid}"))
    }
    .await;
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
    let b = load_body(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let form: HolderForm = crate::parse_form(&body)?;
    let result = async {
        let rank: Option<u8> = match form.rank.trim() {
            "" => None,
            r => Some(r.parse().map_err(|_| {
                AppError::Invalid(DomainError::new(Field::Position, "rank-invalid"))
            })?),
        };
        let input = cmd::holders::Appointment {
            position: form.position.clone(),
            rank,
            holder_name: form.holder_name.clone(),
            sex: form.sex.clone(),
            member_id: None,
            started_on: match form.started_on.trim() {
                "" => None,
                d => Some(date(d)?),
            },
        };
        cmd::holders::appoint(&state.app(), &user.actor(&ctx), &b, &input).await?;
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let result = cmd::minutes::draft(&state.app(), &user.actor(&ctx), &m)
        .await
        .map_err(AppError::from);
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// The page's button: approves the minutes.
pub async fn approve_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let result = cmd::minutes::approve(&state.app(), &user.actor(&ctx), &m)
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
    let m = load_meeting(&state, &ctx, &user, id, Action::PublishCommuniques).await?;
    let form: CommuniqueRequest = crate::parse_form(&body)?;
    let result = async {
        let lang = form.lang()?;
        cmd::communiques::draft(&state.app(), &user.actor(&ctx), &m, lang).await?;
        Ok(())
    }
    .await;
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
    let b = load_body(&state, &ctx, &user, id, Action::ManageBody).await?;
    let input: FoundingInput = parse_json(&body)?;
    let target = date(&input.target_date)?;
    let app = state.app();
    let actor = user.actor(&ctx);
    Ok(Json(
        cmd::committees::found(&app, &actor, &b, target, &input.committee).await?,
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
    let actor = user.actor(ctx);
    permit(actor.decide(Action::ViewBodies, None))?;
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
        if actor.decide(Action::ViewBodies, Some(&target)) != tanzim_domain::policy::Decision::Allow
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: InvitationsInput = parse_json(&body)?;
    invite(&state, &ctx, &user, &m, input).await?;
    Ok(Json(detail(&state, &m.body, m.record.id).await?))
}

async fn invite(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    m: &Found<InBody<Meeting>>,
    input: InvitationsInput,
) -> Result<(), AppError> {
    let input = cmd::invitations::Invitations {
        invitations: input.invitations,
        position_holders: input.position_holders,
    };
    Ok(cmd::invitations::invite(&state.app(), &user.actor(ctx), m, input).await?)
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
    let m = load_meeting(&state, &ctx, &user, id, Action::ManageMeetings).await?;
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
    let result = invite(&state, &ctx, &user, &m, input).await;
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
    let b = load_body(&state, &ctx, &user, id, Action::ManageMeetings).await?;
    let input: CommitteeInput = parse_json(&body)?;
    cmd::committees::set(
        &state.app(),
        &user.actor(&ctx),
        &b,
        &input.committee,
        input.members,
    )
    .await?;
    api_positions(State(state), user, Path(id)).await
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
    let b = load_body(&state, &ctx, &user, id, Action::ManageMeetings).await?;
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
    let result = cmd::committees::set(
        &state.app(),
        &user.actor(&ctx),
        &b,
        &input.committee,
        input.members,
    )
    .await
    .map(|_| format!("/bodies/{id}/meetings"))
    .map_err(AppError::from);
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
    let found = load_meeting(&state, &ctx, &user, id, Action::ViewMeetings).await?;
    let (m, b) = (&found.record, &found.body);
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
