//! Requests raised at meetings as the pages show them (the meeting page, the request's
//! page, a body's list, the home page) and as the API gives them, with whether they are
//! overdue. It imports only from `shared`, so that the meeting page and the requests'
//! module may both use it.

use super::shared::*;
use tanzim_commands::meetings::requests as cmd_requests;
use tanzim_store::meetings::requests::Request;

/// A request as the API gives it: the record, and whether its due date has passed
/// unanswered.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RequestView {
    #[serde(flatten)]
    pub request: Request,
    pub overdue: bool,
}

impl RequestView {
    pub fn new(request: Request) -> RequestView {
        let overdue = rules::requests::overdue(
            request.due_on.map(|d| d.date()),
            request.answered(),
            crate::state::today(),
        );
        RequestView { request, overdue }
    }
}

/// A request as a page lists it, its days in the page's language.
pub struct RequestRow {
    pub id: i64,
    pub meeting_id: i64,
    pub text: String,
    pub requested_by: Option<String>,
    pub body_name: String,
    pub addressed_body_name: String,
    pub addressed_to: Option<String>,
    pub raised_on: String,
    pub due_on: Option<String>,
    pub overdue: bool,
    pub answer: Option<String>,
    pub answered_on: Option<String>,
}

pub(crate) fn row(ctx: &Ctx, r: &Request) -> RequestRow {
    let v = RequestView::new(r.clone());
    RequestRow {
        id: r.id,
        meeting_id: r.meeting_id,
        text: r.text.clone(),
        requested_by: r.requested_by.clone(),
        body_name: r.body_name.clone(),
        addressed_body_name: r.addressed_body_name.clone(),
        addressed_to: r.addressed_to.clone(),
        raised_on: ctx.tr.day(r.raised_on.date()),
        due_on: r.due_on.map(|d| ctx.tr.day(d.date())),
        overdue: v.overdue,
        answer: r.answer.clone(),
        answered_on: r.answered_on.map(|d| ctx.tr.day(d.date())),
    }
}

pub(crate) fn rows(ctx: &Ctx, requests: &[Request]) -> Vec<RequestRow> {
    requests.iter().map(|r| row(ctx, r)).collect()
}

/// The bodies a meeting of `b` usually asks (itself and those above it), as (id, name).
pub(crate) async fn body_choices(
    state: &AppState,
    b: &Body,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(cmd_requests::addressable(&state.app(), b)
        .await?
        .into_iter()
        .map(|b| (b.id, b.name))
        .collect())
}

/// The requests section of a meeting page: those raised, the answers it reports, and the
/// bodies the form offers.
pub struct MeetingRequests {
    pub raised: Vec<RequestRow>,
    pub answers: Vec<RequestRow>,
    pub choices: Vec<(i64, String)>,
}

pub(crate) async fn meeting_requests(
    state: &AppState,
    ctx: &Ctx,
    b: &Body,
    d: &MeetingDetail,
) -> Result<MeetingRequests, AppError> {
    Ok(MeetingRequests {
        raised: rows(ctx, &d.requests),
        answers: rows(ctx, &d.answers),
        choices: body_choices(state, b).await?,
    })
}

/// Requests awaiting an answer from the bodies whose meetings the user sees, oldest first
/// (the home page).
pub(crate) async fn awaiting_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    limit: i64,
) -> Result<Vec<RequestRow>, AppError> {
    if !user.may(Action::ViewMeetings, None) {
        return Ok(Vec::new());
    }
    let scope = crate::access::scope_for(user, Action::ViewMeetings);
    let awaiting = cmd_requests::awaiting(&state.app(), &scope, limit).await?;
    Ok(rows(ctx, &awaiting))
}
