//! The reports' API: a body's reports and its children late with theirs, drafting one,
//! a report, its narrative, its course (submit, acknowledge, return), the reports due in
//! the caller's scope, and the reports a meeting hears.

use super::shared::*;
use tanzim_commands::access::Scoped;

/// A report's period as the API and the forms send it.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct DraftInput {
    /// `quarterly`, `yearly` or `meeting` (a free period, ending on a meeting's day).
    #[serde(default)]
    pub kind: String,
    /// The year of a quarterly or yearly report.
    #[serde(default)]
    pub year: Option<i32>,
    /// The quarter (1 to 4) of a quarterly report.
    #[serde(default)]
    pub quarter: Option<u32>,
    /// YYYY-MM-DD: the period of a meeting's report.
    #[serde(default)]
    #[schema(format = Date)]
    pub starts_on: Option<String>,
    #[serde(default)]
    #[schema(format = Date)]
    pub ends_on: Option<String>,
}

fn optional_day(
    s: Option<&str>,
    field: Field,
    code: &'static str,
) -> Result<Option<chrono::NaiveDate>, AppError> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(d) => Ok(Some(
            tanzim_domain::dates::parse_date(d, field)
                .map_err(|_| DomainError::new(field, code))?,
        )),
    }
}

impl DraftInput {
    pub(super) fn parse(self) -> Result<cases::Draft, AppError> {
        let kind = ReportKind::parse(self.kind.trim())
            .ok_or(DomainError::new(Field::ReportKind, "report-kind-invalid"))?;
        Ok(cases::Draft {
            kind,
            year: self.year,
            quarter: self.quarter,
            starts_on: optional_day(
                self.starts_on.as_deref(),
                Field::PeriodStart,
                "report-start-invalid",
            )?,
            ends_on: optional_day(
                self.ends_on.as_deref(),
                Field::PeriodEnd,
                "report-end-invalid",
            )?,
        })
    }
}

/// The officer's sections.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct SectionsInput {
    #[serde(default)]
    pub achievements: String,
    #[serde(default)]
    pub difficulties: String,
    #[serde(default)]
    pub requests: String,
}

impl SectionsInput {
    pub(super) fn parse(self) -> cases::Sections {
        cases::Sections {
            achievements: self.achievements,
            difficulties: self.difficulties,
            requests: self.requests,
        }
    }
}

/// Why the parent returns a report. Required.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct ReturnInput {
    #[serde(default)]
    pub comment: String,
}

/// The agenda item (its seat, from 1) of the meeting that hears a report.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct HearInput {
    #[serde(default)]
    pub seat: Option<i64>,
    #[serde(default)]
    pub report_id: Option<i64>,
}

impl HearInput {
    pub(super) fn parse(self) -> Result<cases::Hear, AppError> {
        Ok(cases::Hear {
            seat: self
                .seat
                .ok_or(DomainError::new(Field::AgendaItem, "agenda-item-unknown"))?,
            report_id: self
                .report_id
                .ok_or(DomainError::new(Field::Report, "report-unknown"))?,
        })
    }
}

/// Nothing but an object (the parent's acknowledgement).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct Acknowledge {}

/// The report `id` as it now stands, read afresh.
async fn view_of(state: &AppState, id: i64) -> Result<ReportView, AppError> {
    let r = ReportOf::fetch(&state.app(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    view(state, &r).await
}

async fn answer(state: &AppState, committed: Committed, id: i64) -> Response {
    committed
        .at(format!("/api/v1/reports/{id}"))
        .json(|| view_of(state, id))
        .await
}

/// A report owed by a body, as the API lists it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DueView {
    pub body_id: i64,
    pub body_name: String,
    /// Its draft of that period, if it has one.
    pub report_id: Option<i64>,
    /// `quarterly` or `yearly`.
    pub kind: String,
    #[schema(format = Date)]
    pub starts_on: String,
    #[schema(format = Date)]
    pub ends_on: String,
    #[schema(format = Date)]
    pub due_on: String,
    pub overdue: bool,
}

fn due_view(d: &cases::Due) -> DueView {
    DueView {
        body_id: d.owed.body_id,
        body_name: d.owed.body_name.clone(),
        report_id: d.owed.report_id,
        kind: d.period.kind.as_str().to_owned(),
        starts_on: d.period.starts_on.to_string(),
        ends_on: d.period.ends_on.to_string(),
        due_on: d.due_on.to_string(),
        overdue: d.overdue,
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct BodyReports {
    /// The reports the body filed, latest period first.
    pub filed: Vec<ReportView>,
    /// The reports its children sent it (drafts are theirs), submitted ones first.
    pub received: Vec<ReportView>,
    /// Its children late with their report of the last quarter or year.
    pub late: Vec<DueView>,
}

/// A body's reports: filed, received, and its children late with theirs.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/reports", tag = "reports", params(("id" = i64, Path)),
    responses((status = 200, body = BodyReports), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_body_reports(
    State(state): State<AppState>,
    Loaded(b): Loaded<Body>,
) -> Result<Json<BodyReports>, AppError> {
    let app = state.app();
    let (filed, received) = cases::of_body(&app, &b).await?;
    let late = cases::late_children(&app, &b, crate::state::today()).await?;
    let mut out = BodyReports {
        filed: Vec::new(),
        received: Vec::new(),
        late: late.iter().map(due_view).collect(),
    };
    for (list, into) in [(filed, &mut out.filed), (received, &mut out.received)] {
        for report in list {
            let r = ReportOf::fetch(&app, report.id)
                .await?
                .ok_or(AppError::NotFound)?;
            into.push(view(&state, &r).await?);
        }
    }
    Ok(Json(out))
}

/// Drafts a report of the body to the body above it (a quarter, a year, or a meeting's
/// period); a period overlapping one of its reports of the same kind is refused.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/reports", tag = "reports", params(("id" = i64, Path)), request_body = DraftInput,
    responses((status = 201, body = ReportView), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_draft(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: DraftInput = parse_json(&body)?;
    let id = cases::draft(&state.app(), &user.actor(&ctx), &b, &input.parse()?).await?;
    Ok(answer(&state, Committed::created(id), id).await)
}

/// A report, for whoever sees the meetings of the body that files it or of its parent.
#[utoipa::path(get, path = "/api/v1/reports/{id}", tag = "reports", params(("id" = i64, Path)),
    responses((status = 200, body = ReportView), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    Loaded(r): Loaded<ReportOf>,
) -> Result<Json<ReportView>, AppError> {
    Ok(Json(view(&state, &r).await?))
}

/// Saves the narrative of a report not yet submitted (or returned).
#[utoipa::path(patch, path = "/api/v1/reports/{id}", tag = "reports", params(("id" = i64, Path)), request_body = SectionsInput,
    responses((status = 200, body = ReportView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_edit(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: SectionsInput = parse_json(&body)?;
    cases::edit(&state.app(), &user.actor(&ctx), &r, &input.parse()).await?;
    Ok(answer(&state, Committed::ok(r.report.id), r.report.id).await)
}

/// Submits the report to the parent (`{"confirm": "yes"}`): its figures are frozen.
#[utoipa::path(post, path = "/api/v1/reports/{id}/submit", tag = "reports", params(("id" = i64, Path)), request_body = Confirm,
    responses((status = 200, body = ReportView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: Confirm = parse_json(&body)?;
    form.check()?;
    cases::submit(&state.app(), &user.actor(&ctx), &r, crate::state::today()).await?;
    Ok(answer(&state, Committed::ok(r.report.id), r.report.id).await)
}

/// The parent acknowledges a submitted report (`{}`).
#[utoipa::path(post, path = "/api/v1/reports/{id}/acknowledge", tag = "reports", params(("id" = i64, Path)), request_body = Acknowledge,
    responses((status = 200, body = ReportView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_acknowledge(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let _: Acknowledge = parse_json(&body)?;
    cases::acknowledge(&state.app(), &user.actor(&ctx), &r, crate::state::today()).await?;
    Ok(answer(&state, Committed::ok(r.report.id), r.report.id).await)
}

/// The parent returns a submitted report with a comment; the body edits and submits it
/// again.
#[utoipa::path(post, path = "/api/v1/reports/{id}/return", tag = "reports", params(("id" = i64, Path)), request_body = ReturnInput,
    responses((status = 200, body = ReportView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_return(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: ReturnInput = parse_json(&body)?;
    cases::return_to_body(
        &state.app(),
        &user.actor(&ctx),
        &r,
        &input.comment,
        crate::state::today(),
    )
    .await?;
    Ok(answer(&state, Committed::ok(r.report.id), r.report.id).await)
}

/// Reports due and overdue (the last quarter's and year's, not submitted) from the bodies
/// whose meetings the caller holds, 200 at most: what the home page lists.
#[utoipa::path(get, path = "/api/v1/reports", tag = "reports",
    responses((status = 200, body = Vec<DueView>), Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_due(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<DueView>>, AppError> {
    let scope = crate::access::scope_for(&user, Action::ManageMeetings);
    let due = cases::due_in(&state.app(), &scope, crate::state::today(), 200).await?;
    Ok(Json(due.iter().map(due_view).collect()))
}

/// A report a meeting hears, with its agenda item.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Heard {
    pub seat: i64,
    pub report_id: i64,
    pub title_ar: String,
}

async fn heard(state: &AppState, meeting_id: i64) -> Result<Vec<Heard>, AppError> {
    let app = state.app();
    let mut out = Vec::new();
    for (seat, r) in cases::heard_at(&app, meeting_id).await? {
        let body = tanzim_store::bodies::get(&state.db, r.body_id)
            .await?
            .ok_or(AppError::NotFound)?;
        out.push(Heard {
            seat,
            report_id: r.id,
            title_ar: cases::title_ar(&app, &body, &r),
        });
    }
    Ok(out)
}

/// The reports the meeting hears, in the agenda's order.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/reports", tag = "reports", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<Heard>), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_heard(
    State(state): State<AppState>,
    Loaded(m): Loaded<InBody<Meeting>>,
) -> Result<Json<Vec<Heard>>, AppError> {
    Ok(Json(heard(&state, m.record.id).await?))
}

/// Links an agenda item of the meeting to a report it hears (one of the meeting's body or
/// sent to it), while the record is open; the minutes then name it.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/reports", tag = "reports", params(("id" = i64, Path)), request_body = HearInput,
    responses((status = 200, body = Vec<Heard>), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_hear(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Json<Vec<Heard>>, AppError> {
    let input: HearInput = parse_json(&body)?;
    cases::hear(&state.app(), &user.actor(&ctx), &m, &input.parse()?).await?;
    Ok(Json(heard(&state, m.record.id).await?))
}

pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, patch, post};
    let view = Policy(Action::ViewMeetings, T::Report);
    let manage = Policy(Action::ManageMeetings, T::Report);
    vec![
        route(
            "GET",
            "/api/v1/bodies/{id}/reports",
            Policy(Action::ViewMeetings, T::Body),
            get(api_body_reports),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/reports",
            Policy(Action::ManageMeetings, T::Body),
            post(api_draft),
        ),
        route(
            "GET",
            "/api/v1/reports",
            Policy(Action::ManageMeetings, T::None),
            get(api_due),
        ),
        route("GET", "/api/v1/reports/{id}", view, get(api_get)),
        route("PATCH", "/api/v1/reports/{id}", manage, patch(api_edit)),
        route(
            "POST",
            "/api/v1/reports/{id}/submit",
            manage,
            post(api_submit),
        ),
        route(
            "POST",
            "/api/v1/reports/{id}/acknowledge",
            manage,
            post(api_acknowledge),
        ),
        route(
            "POST",
            "/api/v1/reports/{id}/return",
            manage,
            post(api_return),
        ),
        route(
            "GET",
            "/api/v1/meetings/{id}/reports",
            Policy(Action::ViewMeetings, T::Meeting),
            get(api_heard),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/reports",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_hear),
        ),
    ]
}
