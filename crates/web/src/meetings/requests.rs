//! Requests raised at a meeting and their answers: the meeting page's form, a request's
//! page (correct, remove, answer), a body's list of requests addressed to it, and the API.

use super::pages::back_to_meeting;
use super::request_rows::{RequestRow, RequestView, body_choices, row, rows};
use super::shared::*;
use crate::access::Loaded;
use crate::input::Confirm;
use crate::views::Pager;
use tanzim_commands::meetings::requests::{self as cases, RequestOf};

/// A request as the API and the forms send it.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct RequestInput {
    /// What is asked ("توفير مقر للفرع"). Required.
    #[serde(default)]
    pub text: String,
    /// Who asked: a person, or a group ("أعضاء الفرع المحلي").
    #[serde(default)]
    pub requested_by: Option<String>,
    /// The body asked: the meeting's own, one above it, or one the caller sees, of the
    /// same organization. Required.
    #[serde(default)]
    pub addressed_body_id: Option<i64>,
    /// An official of that body ("البرلماني عن الدائرة").
    #[serde(default)]
    pub addressed_to: Option<String>,
    /// YYYY-MM-DD, not before the meeting.
    #[serde(default)]
    #[schema(format = Date)]
    pub due_on: Option<String>,
}

impl RequestInput {
    fn parse(self) -> Result<cases::Raise, AppError> {
        let due_on = match self.due_on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(
                tanzim_domain::dates::parse_date(d, Field::DueOn)
                    .map_err(|_| DomainError::new(Field::DueOn, "due-on-invalid"))?,
            ),
        };
        if self.text.trim().is_empty() {
            return Err(DomainError::new(Field::RequestText, "request-text-required").into());
        }
        let addressed_body_id = self.addressed_body_id.ok_or(DomainError::new(
            Field::AddressedBody,
            "request-body-required",
        ))?;
        Ok(cases::Raise {
            text: self.text,
            requested_by: self.requested_by,
            addressed_body_id,
            addressed_to: self.addressed_to,
            due_on,
        })
    }
}

/// The answer as the API and the form send it.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct AnswerInput {
    /// The answer. Required.
    #[serde(default)]
    pub answer: String,
    /// YYYY-MM-DD, not before the meeting that raised the request. Required.
    #[serde(default)]
    #[schema(format = Date)]
    pub answered_on: String,
}

impl AnswerInput {
    fn parse(self) -> Result<cases::Answer, AppError> {
        if self.answer.trim().is_empty() {
            return Err(DomainError::new(Field::Answer, "answer-required").into());
        }
        Ok(cases::Answer {
            answered_on: tanzim_domain::dates::parse_date(&self.answered_on, Field::AnsweredOn)
                .map_err(|_| DomainError::new(Field::AnsweredOn, "answered-on-invalid"))?,
            answer: self.answer,
        })
    }
}

/// The request as it now stands.
async fn read_view(state: &AppState, id: i64) -> Result<RequestView, AppError> {
    Ok(RequestView::new(cases::read(&state.app(), id).await?))
}

async fn request_answer(state: &AppState, committed: Committed, id: i64) -> Response {
    committed
        .at(format!("/api/v1/requests/{id}"))
        .json(|| read_view(state, id))
        .await
}

/// Records a request raised at the meeting (while its minutes are not approved).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/requests", tag = "meetings", params(("id" = i64, Path)), request_body = RequestInput,
    responses((status = 201, body = RequestView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_raise(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: RequestInput = parse_json(&body)?;
    let id = cases::raise(&state.app(), &user.actor(&ctx), &m, &input.parse()?).await?;
    Ok(request_answer(&state, Committed::created(id), id).await)
}

/// A request, for whoever sees the meetings of the body that raised it or of the body it
/// is addressed to.
#[utoipa::path(get, path = "/api/v1/requests/{id}", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = RequestView), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    Loaded(r): Loaded<RequestOf>,
) -> Result<Json<RequestView>, AppError> {
    Ok(Json(read_view(&state, r.request.id).await?))
}

/// Corrects a request before it is answered (whoever holds the raising body's meetings,
/// while the meeting's minutes are not approved).
#[utoipa::path(patch, path = "/api/v1/requests/{id}", tag = "meetings", params(("id" = i64, Path)), request_body = RequestInput,
    responses((status = 200, body = RequestView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_correct(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<RequestOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: RequestInput = parse_json(&body)?;
    cases::correct(&state.app(), &user.actor(&ctx), &r, &input.parse()?).await?;
    Ok(request_answer(&state, Committed::ok(r.request.id), r.request.id).await)
}

/// Removes a request before it is answered (`{"confirm": "yes"}`).
#[utoipa::path(post, path = "/api/v1/requests/{id}/remove", tag = "meetings", params(("id" = i64, Path)), request_body = Confirm,
    responses((status = 204), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<RequestOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: Confirm = parse_json(&body)?;
    form.check()?;
    cases::remove(&state.app(), &user.actor(&ctx), &r).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Answers a request, which closes it (whoever holds the addressed body's meetings; once).
#[utoipa::path(post, path = "/api/v1/requests/{id}/answer", tag = "meetings", params(("id" = i64, Path)), request_body = AnswerInput,
    responses((status = 200, body = RequestView), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<RequestOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: AnswerInput = parse_json(&body)?;
    cases::answer(&state.app(), &user.actor(&ctx), &r, &input.parse()?).await?;
    Ok(request_answer(&state, Committed::ok(r.request.id), r.request.id).await)
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// `open` (awaiting an answer) or `answered`; both when absent.
    status: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
}

impl ListQuery {
    fn open(&self) -> Result<Option<bool>, AppError> {
        match self.status.as_deref() {
            None | Some("") => Ok(None),
            Some("open") => Ok(Some(true)),
            Some("answered") => Ok(Some(false)),
            Some(_) => Err(AppError::BadRequest("malformed-input")),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RequestList {
    pub items: Vec<RequestView>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Requests addressed to the body: open ones first (oldest first), then answered ones.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/requests", tag = "meetings", params(("id" = i64, Path), ListQuery),
    responses((status = 200, body = RequestList), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_addressed(
    State(state): State<AppState>,
    Loaded(b): Loaded<Body>,
    Query(q): Query<ListQuery>,
) -> Result<Json<RequestList>, AppError> {
    let page = Page::new(q.page, q.page_size);
    let paged = cases::addressed_to(&state.app(), &b, q.open()?, page).await?;
    Ok(Json(RequestList {
        total: paged.total,
        page: paged.page,
        page_size: paged.page_size,
        items: paged.items.into_iter().map(RequestView::new).collect(),
    }))
}

/// Requests awaiting an answer from the bodies whose meetings the caller sees, oldest
/// first (at most 200): what the home page lists.
#[utoipa::path(get, path = "/api/v1/requests", tag = "meetings",
    responses((status = 200, body = Vec<RequestView>), Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_awaiting(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<RequestView>>, AppError> {
    let scope = crate::access::scope_for(&user, Action::ViewMeetings);
    let awaiting = cases::awaiting(&state.app(), &scope, 200).await?;
    Ok(Json(awaiting.into_iter().map(RequestView::new).collect()))
}

// ---- Pages ----

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    requested_by: String,
    #[serde(default)]
    addressed_body_id: String,
    #[serde(default)]
    addressed_to: String,
    #[serde(default)]
    due_on: String,
}

impl RequestForm {
    fn input(self) -> RequestInput {
        RequestInput {
            text: self.text,
            requested_by: Some(self.requested_by),
            // An id that is not a number names no body: the command's answer for it.
            addressed_body_id: match self.addressed_body_id.trim() {
                "" => None,
                id => Some(id.parse().unwrap_or(0)),
            },
            addressed_to: Some(self.addressed_to),
            due_on: Some(self.due_on),
        }
    }
}

/// The meeting page's form: records a request and goes back to the meeting.
pub async fn raise_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(m): Loaded<InBody<Meeting>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = m.record.id;
    let result = async {
        let form: RequestForm = crate::input::parse_form(&body)?;
        let input = form.input().parse()?;
        cases::raise(&state.app(), &user.actor(&ctx), &m, &input).await?;
        Ok(())
    }
    .await;
    back_to_meeting(&state, &ctx, &user, id, result).await
}

#[derive(Template)]
#[template(path = "request.html")]
struct RequestPage {
    layout: Layout,
    r: RequestRow,
    /// The raw values for the correction form.
    addressed_body_id: i64,
    due_on_value: String,
    may_correct: bool,
    may_answer: bool,
    choices: Vec<(i64, String)>,
    today: String,
    error: Option<String>,
}

/// A request's page: what was asked and of whom, its answer, and the forms.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<RequestOf>,
) -> Result<Response, AppError> {
    request_page(&state, &ctx, &user, &r, None).await
}

async fn request_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    found: &RequestOf,
    error: Option<AppError>,
) -> Result<Response, AppError> {
    let request = cases::read(&state.app(), found.request.id).await?;
    let open = !request.answered();
    let manages = |b: &Body| user.may(Action::ManageMeetings, Some(&b.target()));
    let may_correct = open && !found.meeting.locked() && manages(&found.raising);
    let mut choices = body_choices(state, &found.raising).await?;
    if !choices
        .iter()
        .any(|(id, _)| *id == request.addressed_body_id)
    {
        choices.push((
            request.addressed_body_id,
            request.addressed_body_name.clone(),
        ));
    }
    let status = error.as_ref().map(AppError::status);
    let mut response = views::html(RequestPage {
        layout: Layout::new(state, ctx, "request-title"),
        addressed_body_id: request.addressed_body_id,
        due_on_value: request
            .due_on
            .map(|d| d.date().to_string())
            .unwrap_or_default(),
        may_correct,
        may_answer: open && manages(&found.addressed),
        choices,
        today: crate::state::today().to_string(),
        error: error.map(|e| e.message(&ctx.tr)),
        r: row(ctx, &request),
    });
    if let Some(status) = status {
        *response.status_mut() = status;
    }
    Ok(response)
}

/// After a form on a request's page: to `to`, or the page again with the reason.
async fn back_to_request(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    r: &RequestOf,
    to: String,
    result: Result<(), AppError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to(&to).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            request_page(state, ctx, user, r, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

pub async fn correct_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<RequestOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: RequestForm = crate::input::parse_form(&body)?;
        let input = form.input().parse()?;
        cases::correct(&state.app(), &user.actor(&ctx), &r, &input).await?;
        Ok(())
    }
    .await;
    let to = format!("/requests/{}", r.request.id);
    back_to_request(&state, &ctx, &user, &r, to, result).await
}

pub async fn remove_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<RequestOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: Confirm = crate::input::parse_form(&body)?;
        form.check()?;
        cases::remove(&state.app(), &user.actor(&ctx), &r).await?;
        Ok(())
    }
    .await;
    let to = format!("/meetings/{}", r.meeting.id);
    back_to_request(&state, &ctx, &user, &r, to, result).await
}

#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    answered_on: String,
}

pub async fn answer_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<RequestOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: AnswerForm = crate::input::parse_form(&body)?;
        let input = AnswerInput {
            answer: form.answer,
            answered_on: form.answered_on,
        }
        .parse()?;
        cases::answer(&state.app(), &user.actor(&ctx), &r, &input).await?;
        Ok(())
    }
    .await;
    let to = format!("/requests/{}", r.request.id);
    back_to_request(&state, &ctx, &user, &r, to, result).await
}

#[derive(Template)]
#[template(path = "body_requests.html")]
struct BodyRequestsPage {
    layout: Layout,
    body_id: i64,
    body_name: String,
    rows: Vec<RequestRow>,
    pager: Pager,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<u32>,
}

/// The requests addressed to a body, open ones first, 20 a page.
pub async fn body_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Loaded(b): Loaded<Body>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let paged = cases::addressed_to(&state.app(), &b, None, Page::new(q.page, Some(20))).await?;
    Ok(views::html(BodyRequestsPage {
        layout: Layout::new(&state, &ctx, "requests-of-body"),
        body_id: b.id,
        body_name: b.name.clone(),
        rows: rows(&ctx, &paged.items),
        pager: Pager::new(&paged, &format!("/bodies/{}/requests?", b.id)),
    }))
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, patch, post};
    let view = Policy(Action::ViewMeetings, T::Request);
    let manage = Policy(Action::ManageMeetings, T::Request);
    vec![
        route(
            "POST",
            "/meetings/{id}/requests",
            Policy(Action::ManageMeetings, T::Meeting),
            post(raise_form),
        ),
        route("GET", "/requests/{id}", view, get(show)),
        route("POST", "/requests/{id}/edit", manage, post(correct_form)),
        route("POST", "/requests/{id}/remove", manage, post(remove_form)),
        route("POST", "/requests/{id}/answer", manage, post(answer_form)),
        route(
            "GET",
            "/bodies/{id}/requests",
            Policy(Action::ViewMeetings, T::Body),
            get(body_page),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/requests",
            Policy(Action::ManageMeetings, T::Meeting),
            post(api_raise),
        ),
        route(
            "GET",
            "/api/v1/requests",
            Policy(Action::ViewMeetings, T::None),
            get(api_awaiting),
        ),
        route("GET", "/api/v1/requests/{id}", view, get(api_get)),
        route("PATCH", "/api/v1/requests/{id}", manage, patch(api_correct)),
        route(
            "POST",
            "/api/v1/requests/{id}/remove",
            manage,
            post(api_remove),
        ),
        route(
            "POST",
            "/api/v1/requests/{id}/answer",
            manage,
            post(api_answer),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/requests",
            Policy(Action::ViewMeetings, T::Body),
            get(api_addressed),
        ),
    ]
}
