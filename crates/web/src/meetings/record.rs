//! A meeting's record: scheduling and correcting it, reading it whole, its interventions.

use super::pages::{back_to, back_to_body};
use super::shared::*;
use crate::access::Loaded;
use tanzim_store::meetings::Group;

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
    /// Chairs (beside or instead of `chair_holder_id`), co-chairs, hosts, framers and
    /// guests of honour, from this body, another or outside, in order:
    /// `{"role": "host", "name": "...", "sex": "F", "title": "..."}`, or an organization
    /// hosting: `{"role": "host", "organization": true, "name": "حزب ..."}`.
    #[serde(default)]
    pub leads: Vec<LeadInput>,
    /// in_person (the default), online or hybrid.
    #[serde(default)]
    pub mode: Option<String>,
    /// The video conference's address (https), kept in the record, never in a public text.
    #[serde(default)]
    pub video_link: Option<String>,
    /// A city abroad where it is held, instead of a commune, with its country.
    #[serde(default)]
    pub city_abroad: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    /// The body's members present when counted rather than named, and the body's size.
    #[serde(default)]
    pub members_present_count: Option<i64>,
    #[serde(default)]
    pub members_total_count: Option<i64>,
    /// The body's members attended as a whole.
    #[serde(default)]
    pub whole_body_present: bool,
    /// Whom an announcement invites: "كافة المناضلات والمناضلين بالإقليم".
    #[serde(default)]
    pub invited: Option<String>,
    /// Groups that attended beside the members, counted or as a whole.
    #[serde(default)]
    pub groups: Vec<GroupInput>,
    /// The congress this meeting prepares (a congress of this body or of one above it),
    /// or, for a local congress, the provincial congress.
    #[serde(default)]
    pub congress_id: Option<i64>,
}

/// A lead as typed: a person's sex is read (F or M, either case, or the Arabic word) with
/// the rest; an organization has none.
#[derive(Clone, Deserialize, utoipa::ToSchema)]
pub struct LeadInput {
    /// chair, co_chair, host, framer or honour_guest.
    pub role: String,
    /// An organization or a place hosting (an allied party, an association): hosts only.
    #[serde(default)]
    pub organization: bool,
    pub name: String,
    /// F or M, for a person.
    #[serde(default)]
    pub sex: Option<String>,
    /// As the press writes it: "عضو اللجنة التنفيذية".
    #[serde(default)]
    pub title: String,
}

/// A group that attended: `{"category": "sympathisers", "label": "المتعاطفين", "sex": "M",
/// "count": 25}`.
#[derive(Clone, Deserialize, utoipa::ToSchema)]
pub struct GroupInput {
    /// other_body, sympathisers, guests or press.
    pub category: String,
    /// As it reads after «بحضور».
    pub label: String,
    /// F or M: the gender of the label's noun.
    pub sex: String,
    #[serde(default)]
    pub count: Option<i64>,
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
        let malformed = AppError::BadRequest("malformed-input");
        let mode = match self
            .mode
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
        {
            None => rules::MeetingMode::InPerson,
            Some(m) => rules::MeetingMode::parse(m).ok_or(malformed)?,
        };
        let leads = self
            .leads
            .iter()
            .map(|l| {
                Ok(Lead {
                    role: rules::LeadRole::parse(l.role.trim())
                        .ok_or(AppError::BadRequest("malformed-input"))?,
                    organization: l.organization,
                    name: l.name.clone(),
                    sex: l.sex.clone(),
                    title: l.title.clone(),
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let groups = self
            .groups
            .iter()
            .map(|g| {
                Ok(Group {
                    category: rules::GroupCategory::parse(g.category.trim())
                        .ok_or(AppError::BadRequest("malformed-input"))?,
                    label: g.label.clone(),
                    sex: Sex::parse(g.sex.trim())?,
                    count: g.count,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
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
            mode,
            video_link: self.video_link.clone(),
            city_abroad: self.city_abroad.clone(),
            country: self.country.clone(),
            members_present_count: self.members_present_count,
            members_total_count: self.members_total_count,
            whole_body_present: self.whole_body_present,
            invited: self.invited.clone(),
            congress_id: self.congress_id,
            agenda: self.agenda.clone(),
            leads,
            groups,
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
    back_to(&state, &ctx, &user, id, "preparation", result).await
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
    /// Who spoke: a person's name ("جمال التودي"), or a group as the subject of a verb
    /// ("أعضاء الأمانة الإقليمية") with `group: true`; none for a committee's report.
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub group: bool,
    /// A committee presenting its report, by its key in the profile ("organization"),
    /// instead of a speaker.
    #[serde(default)]
    pub committee: Option<String>,
    /// F or M: the person's sex, or the group's gender (a mixed group is M). Required.
    #[serde(default)]
    pub sex: String,
    /// A person's title as the press writes it ("النائبة البرلمانية").
    #[serde(default)]
    pub title: Option<String>,
    /// The verb that introduces the summary: addressed (the default), stressed, called_for,
    /// praised, reviewed, presented, commended or demanded.
    #[serde(default)]
    pub verb: Option<String>,
    /// The agenda item (1-based) it belongs to.
    #[serde(default)]
    pub agenda_seat: Option<i64>,
    pub summary: String,
}

impl InterventionInput {
    pub(super) fn speech(self) -> Result<cmd::record::Speech, AppError> {
        let verb = match self
            .verb
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            None => rules::SayVerb::Addressed,
            Some(v) => rules::SayVerb::parse(v).ok_or(AppError::BadRequest("malformed-input"))?,
        };
        Ok(cmd::record::Speech {
            speaker: self.speaker,
            group: self.group,
            committee: self.committee,
            sex: self.sex,
            title: self.title,
            verb,
            agenda_seat: self.agenda_seat,
            summary: self.summary,
        })
    }
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
    let input = input.speech()?;
    cmd::record::intervene(&state.app(), &user.actor(&ctx), &m, &input).await?;
    let id = m.record.id;
    Ok(meeting_answer(&state, Committed::created(id), &m.body, id).await)
}

#[derive(Deserialize)]
pub struct InterventionForm {
    #[serde(default)]
    pub(super) speaker: String,
    #[serde(default)]
    pub(super) group: Option<String>,
    #[serde(default)]
    pub(super) sex: String,
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) verb: String,
    #[serde(default)]
    pub(super) summary: String,
}

impl InterventionForm {
    /// The intervention as the API takes it.
    pub(super) fn input(self) -> InterventionInput {
        InterventionInput {
            speaker: self.speaker,
            group: self.group.is_some(),
            committee: None,
            sex: self.sex,
            title: Some(self.title),
            verb: Some(self.verb),
            agenda_seat: None,
            summary: self.summary,
        }
    }
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
    let input = form.input();
    let result = async {
        let input = input.speech()?;
        cmd::record::intervene(&state.app(), &user.actor(&ctx), &m, &input).await?;
        Ok(())
    }
    .await;
    back_to(&state, &ctx, &user, id, "interventions", result).await
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
    #[serde(default)]
    mode: String,
    #[serde(default)]
    video_link: String,
    #[serde(default)]
    city_abroad: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    members_present_count: String,
    #[serde(default)]
    whole_body_present: Option<String>,
    #[serde(default)]
    invited: String,
    #[serde(default)]
    congress_id: String,
    /// Leads from outside the body: `<role>_name`, `_title`, `_sex` (and
    /// `host_organization` when the host is an organization).
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
            mode: some(&self.mode),
            video_link: some(&self.video_link),
            city_abroad: some(&self.city_abroad),
            country: some(&self.country),
            // A count that does not read as a number is refused by the command as negative.
            members_present_count: some(&self.members_present_count)
                .map(|n| n.parse().unwrap_or(-1)),
            members_total_count: None,
            whole_body_present: self.whole_body_present.is_some(),
            invited: some(&self.invited),
            groups: Vec::new(),
            congress_id: self.congress_id.trim().parse().ok(),
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
        rules::LeadRole::ALL
            .iter()
            .map(|role| role.as_str())
            .filter(|role| !field(role, "name").is_empty())
            .map(|role| {
                let organization = role == "host" && !field(role, "organization").is_empty();
                LeadInput {
                    role: role.to_owned(),
                    organization,
                    name: field(role, "name"),
                    sex: (!organization).then(|| field(role, "sex")),
                    title: field(role, "title"),
                }
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
