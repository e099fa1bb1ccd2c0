//! Requests raised at a meeting: recorded, corrected and removed by whoever holds the
//! raising body's meetings while the record is open; answered once by whoever holds the
//! addressed body's meetings; reported in the minutes of the raising meeting and, once
//! answered, of the raising body's next meeting.

use super::commit_recorded;
use super::profile::{kind_ar, press_name_ar};
use crate::access::{InBody, Scoped};
use crate::{Actor, App, Error, Found, Result};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::noun_is_feminine;
use tanzim_domain::meetings::requests::{self as rules, RequestWords};
use tanzim_domain::policy::{Action, Decision};
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit;
use tanzim_store::bodies::{self, Body};
use tanzim_store::meetings::requests::{self as store, NewRequest, Request};
use tanzim_store::meetings::{self as meetings, Meeting};
use tanzim_store::{Page, Paged, ScopeFilter};

/// A request with the meeting that raised it, the raising body and the addressed one: as
/// reachable as either body (its officers see it), 404 to whoever covers neither.
#[derive(Debug, Clone)]
pub struct RequestOf {
    pub request: Request,
    pub meeting: Meeting,
    pub raising: Body,
    pub addressed: Body,
}

/// The more open of two decisions: allowed on either body is allowed.
fn either(a: Decision, b: Decision) -> Decision {
    match (a, b) {
        (Decision::Allow, _) | (_, Decision::Allow) => Decision::Allow,
        (Decision::Forbidden, _) | (_, Decision::Forbidden) => Decision::Forbidden,
        _ => Decision::NotFound,
    }
}

impl Scoped for RequestOf {
    async fn fetch(app: &App, id: i64) -> Result<Option<RequestOf>> {
        let Some(request) = store::get(&app.db, id).await? else {
            return Ok(None);
        };
        let meeting = meetings::get(&app.db, request.meeting_id).await?;
        let raising = bodies::get(&app.db, request.body_id).await?;
        let addressed = bodies::get(&app.db, request.addressed_body_id).await?;
        Ok(match (meeting, raising, addressed) {
            (Some(meeting), Some(raising), Some(addressed)) => Some(RequestOf {
                request,
                meeting,
                raising,
                addressed,
            }),
            _ => None,
        })
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        either(
            actor.decide(action, Some(&self.raising.target())),
            actor.decide(action, Some(&self.addressed.target())),
        )
    }
}

/// A request as the rapporteur records it.
pub struct Raise {
    pub text: String,
    pub requested_by: Option<String>,
    /// The body asked: the raising body itself, one above it, or one the officer sees, of
    /// the same organization.
    pub addressed_body_id: i64,
    pub addressed_to: Option<String>,
    pub due_on: Option<NaiveDate>,
}

/// The raising body and the bodies above it, nearest first: whom its meetings usually ask.
pub async fn addressable(app: &App, raising: &Body) -> Result<Vec<Body>> {
    let mut out = vec![raising.clone()];
    out.extend(
        crate::bodies::above(app, raising)
            .await?
            .into_iter()
            .filter(|b| b.organization == raising.organization),
    );
    Ok(out)
}

/// The addressed body, if a meeting of `raising` may ask it: active, of the same
/// organization, and the raising body, one above it, or one the actor sees. Any other id
/// (nonexistent, another organization's, out of sight) gets the same answer.
async fn addressed_body(app: &App, actor: &Actor<'_>, raising: &Body, id: i64) -> Result<Body> {
    let unknown = || {
        Error::from(DomainError::new(
            Field::AddressedBody,
            "request-body-unknown",
        ))
    };
    let b = bodies::get(&app.db, id).await?.ok_or_else(unknown)?;
    if !b.is_active() || b.organization != raising.organization {
        return Err(unknown());
    }
    let above = addressable(app, raising)
        .await?
        .iter()
        .any(|a| a.id == b.id);
    if above || actor.decide(Action::ViewBodies, Some(&b.target())) == Decision::Allow {
        Ok(b)
    } else {
        Err(unknown())
    }
}

/// Records a request raised at the meeting, while its record is open.
pub async fn raise(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    input: &Raise,
) -> Result<i64> {
    m.require(Action::ManageMeetings)?;
    let (meeting, raising) = (&m.record, &m.body);
    let checked = rules::check_raised(
        &input.text,
        input.requested_by.as_deref(),
        input.addressed_to.as_deref(),
        input.due_on,
        meeting.held_on.date(),
    )?;
    let addressed = addressed_body(app, actor, raising, input.addressed_body_id).await?;
    let new = new_request(meeting, &addressed, &checked);
    let mut tx = app.db.begin().await?;
    meetings::lock_open(&mut tx, meeting.id).await?;
    let id = store::add(&mut tx, &new, actor.user_id()).await?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "request": id, "addressed_body": addressed.id }),
    )
    .await?;
    Ok(id)
}

fn new_request<'a>(meeting: &Meeting, addressed: &Body, r: &'a rules::Raised) -> NewRequest<'a> {
    NewRequest {
        meeting_id: meeting.id,
        body_id: meeting.body_id,
        addressed_body_id: addressed.id,
        text: &r.text,
        requested_by: r.requested_by.as_deref(),
        addressed_to: r.addressed_to.as_deref(),
        due_on: r.due_on.map(|d| d.to_string()),
    }
}

/// Whoever holds the raising body's meetings (loaded for `ManageMeetings`, which the
/// addressed body's officers pass too): others may see the request, not change it.
fn raising_officer(actor: &Actor<'_>, r: &Found<RequestOf>) -> Result<()> {
    r.require(Action::ManageMeetings)?;
    match actor.decide(Action::ManageMeetings, Some(&r.raising.target())) {
        Decision::Allow => Ok(()),
        _ => Err(Error::Forbidden),
    }
}

/// Corrects a request before it is answered, while the raising meeting's record is open.
pub async fn correct(
    app: &App,
    actor: &Actor<'_>,
    r: &Found<RequestOf>,
    input: &Raise,
) -> Result<()> {
    raising_officer(actor, r)?;
    let meeting = &r.meeting;
    let checked = rules::check_raised(
        &input.text,
        input.requested_by.as_deref(),
        input.addressed_to.as_deref(),
        input.due_on,
        meeting.held_on.date(),
    )?;
    let addressed = addressed_body(app, actor, &r.raising, input.addressed_body_id).await?;
    let new = new_request(meeting, &addressed, &checked);
    let mut tx = app.db.begin().await?;
    meetings::lock_open(&mut tx, meeting.id).await?;
    store::correct(&mut tx, r.request.id, &new).await?;
    commit_recorded(tx, actor, meeting, serde_json::json!({ "request": r.request.id, "corrected": true, "addressed_body": addressed.id })).await?;
    Ok(())
}

/// Removes a request before it is answered, while the raising meeting's record is open.
pub async fn remove(app: &App, actor: &Actor<'_>, r: &Found<RequestOf>) -> Result<()> {
    raising_officer(actor, r)?;
    let meeting = &r.meeting;
    let mut tx = app.db.begin().await?;
    meetings::lock_open(&mut tx, meeting.id).await?;
    store::remove(&mut tx, r.request.id).await?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "request": r.request.id, "removed": true, "text": r.request.text }),
    )
    .await?;
    Ok(())
}

/// The answer as the addressed body gives it.
pub struct Answer {
    pub answer: String,
    pub answered_on: NaiveDate,
}

/// Answers a request, which closes it: whoever holds the addressed body's meetings, once
/// (a second answer is 409 `request-answered`), not dated before the raising meeting.
pub async fn answer(
    app: &App,
    actor: &Actor<'_>,
    r: &Found<RequestOf>,
    input: &Answer,
) -> Result<()> {
    r.require(Action::ManageMeetings)?;
    if actor.decide(Action::ManageMeetings, Some(&r.addressed.target())) != Decision::Allow {
        return Err(Error::Forbidden);
    }
    if r.request.answered() {
        return Err(Error::Conflict("request-answered"));
    }
    let text = rules::check_answer(&input.answer, input.answered_on, r.meeting.held_on.date())?;
    let on = input.answered_on.to_string();
    let mut tx = app.db.begin().await?;
    store::answer(&mut tx, r.request.id, &text, &on, actor.user_id()).await?;
    let entry = actor
        .audit(AuditAction::RequestAnswered)
        .target_of("request", r.request.id, &r.addressed.target())
        .detail(serde_json::json!({ "meeting": r.meeting.id, "answered_on": on }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The request as it now stands.
pub async fn read(app: &App, id: i64) -> Result<Request> {
    store::get(&app.db, id).await?.ok_or(Error::NotFound)
}

/// Requests addressed to a body the actor may see the meetings of.
pub async fn addressed_to(
    app: &App,
    b: &Found<Body>,
    open: Option<bool>,
    page: Page,
) -> Result<Paged<Request>> {
    b.require(Action::ViewMeetings)?;
    Ok(store::addressed_to(&app.db, b.id, open, page).await?)
}

/// Requests awaiting an answer from bodies in `scope` (the reader's meetings' scope),
/// oldest first.
pub async fn awaiting(app: &App, scope: &ScopeFilter, limit: i64) -> Result<Vec<Request>> {
    Ok(store::awaiting(&app.db, scope, limit).await?)
}

/// What the minutes of a meeting say of requests: those it raised, and the answers to
/// earlier ones it reports (each a line).
pub async fn minutes_lines(app: &App, meeting: &Meeting) -> Result<(Vec<String>, Vec<String>)> {
    let raised = store::of_meeting(&app.db, meeting.id).await?;
    let answers = answers_at(app, meeting).await?;
    let mut raised_lines = Vec::new();
    for r in &raised {
        let (name, feminine) = press_body(app, r.addressed_body_id).await?;
        raised_lines.push(rules::raised_ar(&words(r, &name, feminine)));
    }
    let mut answer_lines = Vec::new();
    for r in &answers {
        let (name, feminine) = press_body(app, r.addressed_body_id).await?;
        if let (Some(on), Some(answer)) = (r.answered_on, &r.answer) {
            answer_lines.push(rules::answered_ar(
                &words(r, &name, feminine),
                on.date(),
                answer,
            ));
        }
    }
    Ok((raised_lines, answer_lines))
}

/// The answers to earlier requests of its body that a meeting reports.
pub async fn answers_at(app: &App, meeting: &Meeting) -> Result<Vec<Request>> {
    Ok(store::answers_at(
        &app.db,
        meeting.body_id,
        meeting.id,
        &meeting.held_on.date().to_string(),
    )
    .await?)
}

/// The requests a meeting raised.
pub async fn of_meeting(app: &App, meeting_id: i64) -> Result<Vec<Request>> {
    Ok(store::of_meeting(&app.db, meeting_id).await?)
}

/// A body as the press names it, and whether its verb is feminine.
async fn press_body(app: &App, id: i64) -> Result<(String, bool)> {
    let b = bodies::get(&app.db, id).await?.ok_or(Error::NotFound)?;
    Ok((
        press_name_ar(&app.profile, &b),
        noun_is_feminine(&kind_ar(&app.profile, &b)),
    ))
}

fn words<'a>(r: &'a Request, body: &'a str, body_feminine: bool) -> RequestWords<'a> {
    RequestWords {
        text: &r.text,
        requested_by: r.requested_by.as_deref(),
        body,
        body_feminine,
        addressed_to: r.addressed_to.as_deref(),
        due_on: r.due_on.map(|d| d.date()),
    }
}
