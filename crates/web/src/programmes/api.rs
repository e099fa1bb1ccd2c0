//! The programmes' API: draft a programme, add and amend its activities, move them along
//! their course, fold them into a body above's timetable.

use crate::access::Loaded;
use crate::committed::Committed;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::{Confirm, parse_json};
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::access::InBody;
use tanzim_commands::programmes::{self as cases, ActivityOf};
use tanzim_domain::policy::Action;
use tanzim_domain::programmes::{ActivityInput, HeldInput};
use tanzim_store::bodies::Body;
use tanzim_store::programmes::{Activity, Change, Programme};

/// A programme as its officers draft it.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProgrammeInput {
    /// "برنامج العمل الجهوي برسم سنة 2023". Required.
    #[serde(default)]
    pub title: String,
    /// YYYY-MM-DD; the period is at most two years.
    #[serde(default)]
    #[schema(format = Date)]
    pub starts_on: String,
    #[serde(default)]
    #[schema(format = Date)]
    pub ends_on: String,
}

/// An activity as the API sends it: its description, its commune (a code of the body's
/// territory) and, for an adopted programme, the amendment's reason.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct ActivityBody {
    /// Required.
    #[serde(default)]
    pub title: String,
    /// A key of the profile's activity kinds (`forum`, `training`, `seminar`…).
    #[serde(default)]
    pub kind: String,
    /// Keys of the profile's themes.
    #[serde(default)]
    pub themes: Vec<String>,
    /// A key of the profile's audiences.
    #[serde(default)]
    pub audience: String,
    /// A day (`2023-03-18`), an ISO week (`2023-W11`) or a month (`2023-03`) of the programme.
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub online: bool,
    /// The position (or person) responsible.
    #[serde(default)]
    pub responsible: Option<String>,
    /// One guest a line.
    #[serde(default)]
    pub guests: String,
    /// In dirhams, positive.
    #[serde(default)]
    pub budget: Option<String>,
    /// A commune of the body's territory, by code.
    #[serde(default)]
    pub commune: Option<String>,
    /// Required once the programme is adopted: why it is amended.
    #[serde(default)]
    pub reason: Option<String>,
}

impl ActivityBody {
    fn input(&self) -> ActivityInput {
        ActivityInput {
            title: self.title.clone(),
            kind: self.kind.clone(),
            themes: self.themes.clone(),
            audience: self.audience.clone(),
            when: self.when.clone(),
            online: self.online,
            responsible: self.responsible.clone(),
            guests: self.guests.clone(),
            budget: self.budget.clone(),
        }
    }
}

/// An activity as the API shows it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ActivityView {
    #[serde(flatten)]
    pub activity: Activity,
    pub theme_keys: Vec<String>,
    pub guest_list: Vec<String>,
}

impl ActivityView {
    pub fn new(activity: Activity) -> Self {
        ActivityView {
            theme_keys: activity.theme_keys().map(str::to_owned).collect(),
            guest_list: activity.guest_list(),
            activity,
        }
    }
}

/// A programme with its activities and, once adopted, its history.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ProgrammeView {
    #[serde(flatten)]
    pub programme: Programme,
    pub activities: Vec<ActivityView>,
    pub changes: Vec<Change>,
}

async fn programme_view(
    state: &AppState,
    p: &tanzim_commands::Found<InBody<Programme>>,
) -> Result<ProgrammeView, AppError> {
    let (activities, changes) = cases::read(&state.app(), p).await?;
    Ok(ProgrammeView {
        programme: p.record.clone(),
        activities: activities.into_iter().map(ActivityView::new).collect(),
        changes,
    })
}

async fn activity_answer(state: &AppState, committed: Committed, id: i64) -> Response {
    committed
        .at(format!("/api/v1/activities/{id}"))
        .json(|| async {
            let a = tanzim_store::programmes::activity(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            Ok::<_, AppError>(ActivityView::new(a))
        })
        .await
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Drafts a programme of the body (whoever holds its meetings).
#[utoipa::path(post, path = "/api/v1/bodies/{id}/programmes", tag = "programmes", params(("id" = i64, Path)), request_body = ProgrammeInput,
    responses((status = 201, body = Created), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_draft(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: ProgrammeInput = parse_json(&body)?;
    let id = cases::draft(
        &state.app(),
        &user.actor(&ctx),
        &b,
        &input.title,
        &input.starts_on,
        &input.ends_on,
    )
    .await?;
    Ok(Committed::created(id)
        .at(format!("/api/v1/programmes/{id}"))
        .json(|| async { Ok::<_, AppError>(Created { id }) })
        .await)
}

/// A programme, its activities and its history.
#[utoipa::path(get, path = "/api/v1/programmes/{id}", tag = "programmes", params(("id" = i64, Path)),
    responses((status = 200, body = ProgrammeView), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    Loaded(p): Loaded<InBody<Programme>>,
) -> Result<Json<ProgrammeView>, AppError> {
    Ok(Json(programme_view(&state, &p).await?))
}

/// Adds an activity to the programme; to an adopted one with the amendment's reason.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/activities", tag = "programmes", params(("id" = i64, Path)), request_body = ActivityBody,
    responses((status = 201, body = ActivityView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_add(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(p): Loaded<InBody<Programme>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b: ActivityBody = parse_json(&body)?;
    let id = cases::add_activity(
        &state.app(),
        &user.actor(&ctx),
        &p,
        &b.input(),
        b.commune.as_deref(),
        b.reason.as_deref(),
    )
    .await?;
    Ok(activity_answer(&state, Committed::created(id), id).await)
}

/// An activity.
#[utoipa::path(get, path = "/api/v1/activities/{id}", tag = "programmes", params(("id" = i64, Path)),
    responses((status = 200, body = ActivityView), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_activity(Loaded(a): Loaded<ActivityOf>) -> Json<ActivityView> {
    Json(ActivityView::new(a.into_inner().activity))
}

/// Rewrites an open activity; an adopted programme's with the amendment's reason.
#[utoipa::path(patch, path = "/api/v1/activities/{id}", tag = "programmes", params(("id" = i64, Path)), request_body = ActivityBody,
    responses((status = 200, body = ActivityView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_amend(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b: ActivityBody = parse_json(&body)?;
    cases::amend(
        &state.app(),
        &user.actor(&ctx),
        &a,
        &b.input(),
        b.commune.as_deref(),
        b.reason.as_deref(),
    )
    .await?;
    Ok(activity_answer(&state, Committed::ok(a.activity.id), a.activity.id).await)
}

/// Removes an activity of a draft programme (`{"confirm": "yes"}`).
#[utoipa::path(post, path = "/api/v1/activities/{id}/remove", tag = "programmes", params(("id" = i64, Path)), request_body = Confirm,
    responses((status = 204), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: Confirm = parse_json(&body)?;
    form.check()?;
    cases::remove(&state.app(), &user.actor(&ctx), &a).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A move along the activity's course.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct CourseInput {
    /// postpone: the new day, week or month.
    #[serde(default)]
    pub when: String,
    /// postpone, cancel: why; ask-move: what is asked.
    #[serde(default)]
    pub reason: String,
    /// fold, ask-move: the body above whose timetable takes it in (or asks); fold without
    /// it lets the activity go.
    #[serde(default)]
    pub body_id: Option<i64>,
}

/// Moves an open activity to a new day, week or month of the programme, with the reason.
#[utoipa::path(post, path = "/api/v1/activities/{id}/postpone", tag = "programmes", params(("id" = i64, Path)), request_body = CourseInput,
    responses((status = 200, body = ActivityView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_postpone(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c: CourseInput = parse_json(&body)?;
    cases::postpone(&state.app(), &user.actor(&ctx), &a, &c.when, &c.reason).await?;
    Ok(activity_answer(&state, Committed::ok(a.activity.id), a.activity.id).await)
}

/// Cancels an open activity, with the reason.
#[utoipa::path(post, path = "/api/v1/activities/{id}/cancel", tag = "programmes", params(("id" = i64, Path)), request_body = CourseInput,
    responses((status = 200, body = ActivityView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c: CourseInput = parse_json(&body)?;
    cases::cancel(&state.app(), &user.actor(&ctx), &a, &c.reason).await?;
    Ok(activity_answer(&state, Committed::ok(a.activity.id), a.activity.id).await)
}

/// What an officer records of a held activity.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct HeldBody {
    /// YYYY-MM-DD, not in the future. Required.
    #[serde(default)]
    #[schema(format = Date)]
    pub held_on: String,
    pub attended_men: Option<i64>,
    pub attended_women: Option<i64>,
    /// Among the men and women counted.
    pub attended_under35: Option<i64>,
    /// One speaker a line.
    #[serde(default)]
    pub speakers: String,
    /// The members and guests present, named one a line (optional; at most 3,000).
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub summary: String,
    /// The body's meeting it was, if it was one.
    pub meeting_id: Option<i64>,
}

/// Marks an open activity held.
#[utoipa::path(post, path = "/api/v1/activities/{id}/held", tag = "programmes", params(("id" = i64, Path)), request_body = HeldBody,
    responses((status = 200, body = ActivityView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_held(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let h: HeldBody = parse_json(&body)?;
    let input = HeldInput {
        held_on: h.held_on,
        attended_men: h.attended_men,
        attended_women: h.attended_women,
        attended_under35: h.attended_under35,
        speakers: h.speakers,
        attendees: h.attendees,
        summary: h.summary,
    };
    cases::mark_held(&state.app(), &user.actor(&ctx), &a, &input, h.meeting_id).await?;
    Ok(activity_answer(&state, Committed::ok(a.activity.id), a.activity.id).await)
}

/// A body above takes the activity into its timetable (`body_id`), or lets it go (none).
#[utoipa::path(post, path = "/api/v1/activities/{id}/fold", tag = "programmes", params(("id" = i64, Path)), request_body = CourseInput,
    responses((status = 200, body = ActivityView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_fold(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c: CourseInput = parse_json(&body)?;
    cases::fold(&state.app(), &user.actor(&ctx), &a, c.body_id).await?;
    Ok(activity_answer(&state, Committed::ok(a.activity.id), a.activity.id).await)
}

/// A body above (`body_id`) asks that the activity be moved (`reason`: what it asks).
#[utoipa::path(post, path = "/api/v1/activities/{id}/ask-move", tag = "programmes", params(("id" = i64, Path)), request_body = CourseInput,
    responses((status = 200, body = ActivityView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_ask_move(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c: CourseInput = parse_json(&body)?;
    let from = c.body_id.ok_or(tanzim_domain::DomainError::new(
        tanzim_domain::Field::Parent,
        "activity-fold-body-unknown",
    ))?;
    cases::ask_move(&state.app(), &user.actor(&ctx), &a, from, &c.reason).await?;
    Ok(activity_answer(&state, Committed::ok(a.activity.id), a.activity.id).await)
}

pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, patch, post};
    let manage = Policy(Action::ManageMeetings, T::Activity);
    vec![
        route(
            "POST",
            "/api/v1/bodies/{id}/programmes",
            Policy(Action::ManageMeetings, T::Body),
            post(api_draft),
        ),
        route(
            "GET",
            "/api/v1/programmes/{id}",
            Policy(Action::ViewMeetings, T::Programme),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/programmes/{id}/activities",
            Policy(Action::ManageMeetings, T::Programme),
            post(api_add),
        ),
        route(
            "GET",
            "/api/v1/activities/{id}",
            Policy(Action::ViewMeetings, T::Activity),
            get(api_activity),
        ),
        route("PATCH", "/api/v1/activities/{id}", manage, patch(api_amend)),
        route(
            "POST",
            "/api/v1/activities/{id}/remove",
            manage,
            post(api_remove),
        ),
        route(
            "POST",
            "/api/v1/activities/{id}/postpone",
            manage,
            post(api_postpone),
        ),
        route(
            "POST",
            "/api/v1/activities/{id}/cancel",
            manage,
            post(api_cancel),
        ),
        route(
            "POST",
            "/api/v1/activities/{id}/held",
            manage,
            post(api_held),
        ),
        route(
            "POST",
            "/api/v1/activities/{id}/fold",
            manage,
            post(api_fold),
        ),
        route(
            "POST",
            "/api/v1/activities/{id}/ask-move",
            manage,
            post(api_ask_move),
        ),
    ]
}
