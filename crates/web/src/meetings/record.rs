//! A meeting's record: scheduling and correcting it, reading it whole, its interventions.

use super::pages::{back_to_body, back_to_meeting};
use super::shared::*;
use crate::access::Loaded;

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
    pub leads: Vec<LeadInput>,
}

/// A lead as typed: the sex is read (F or M, either case, or the Arabic word) with the rest.
#[derive(Clone, Deserialize, utoipa::ToSchema)]
pub struct LeadInput {
    /// chair, co_chair or host.
    pub role: String,
    pub name: String,
    /// F or M.
    pub sex: String,
    /// As the press writes it: "عضو اللجنة التنفيذية".
    pub title: String,
}

/// Schedules a meeting of the body with its agenda.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/meetings", tag = "meetings", params(("id" = i64, Path)), request_body = MeetingInput,
    responses((status = 201, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: MeetingInput = parse_json(&body)?;
    let input = input.parse()?;
    let mid = cmd::record::schedule(&state.app(), &user.actor(&ctx), &b, &input).await?;
    Ok(meeting_answer(&state, Committed::created(mid), &b, mid).await)
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
            leads: self
                .leads
                .iter()
                .map(|l| {
                    Ok(Lead {
                        role: l.role.trim().to_owned(),
                        name: l.name.trim().to_owned(),
                        sex: Sex::parse(&l.sex)?,
                        title: l.title.trim().to_owned(),
                    })
                })
                .collect::<Result<_, DomainError>>()?,
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
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: MeetingInput = parse_json(&body)?;
    let input = input.parse()?;
    cmd::record::correct(&state.app(), &user.actor(&ctx), &m, &input).await?;
    Ok(meeting_answer(&state, Committed::ok(m.record.id), &m.body, m.record.id).await)
}

/// The page's form correcting a meeting (same fields as scheduling it).
pub async fn update_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let form: MeetingForm = crate::input::parse_form(&body)?;
    let result = async {
        let input = form.input().parse()?;
        Ok(cmd::record::correct(&state.app(), &user.actor(&ctx), &m, &input).await?)
    }
    .await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

/// A meeting with its whole record.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    Loaded(m): Loaded<InBody<Meeting>>,
) -> Result<Json<MeetingDetail>, AppError> {
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
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: InterventionInput = parse_json(&body)?;
    let input = cmd::record::Speech {
        speaker: input.speaker,
        agenda_seat: input.agenda_seat,
        summary: input.summary,
    };
    cmd::record::intervene(&state.app(), &user.actor(&ctx), &m, &input).await?;
    let id = m.record.id;
    Ok(meeting_answer(&state, Committed::created(id), &m.body, id).await)
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
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let form: InterventionForm = crate::input::parse_form(&body)?;
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
    fn leads(&self) -> Vec<LeadInput> {
        let field = |role: &str, f: &str| {
            self.leads
                .get(&format!("{role}_{f}"))
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        rules::LEAD_ROLES
            .iter()
            .filter(|role| !field(role, "name").is_empty())
            .map(|role| LeadInput {
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
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = b.id;
    let form: MeetingForm = crate::input::parse_form(&body)?;
    let result = async {
        let input = form.input().parse()?;
        let mid = cmd::record::schedule(&state.app(), &user.actor(&ctx), &b, &input).await?;
        Ok(format!("/meetings/{mid}"))
    }
    .await;
    back_to_body(&state, &ctx, &user, id, result).await
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, patch, post};
    vec![
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
            "POST",
            "/bodies/{id}/meetings",
            Policy(Action::ManageMeetings, T::Body),
            post(create_form),
        ),
        route(
            "POST",
            "/meetings/{id}/interventions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(intervention_form),
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
            "/api/v1/meetings/{id}/interventions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_intervention),
        ),
    ]
}
