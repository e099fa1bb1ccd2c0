//! The meeting page and a body's meetings page, with the forms on them.

use super::shared::*;

#[derive(Template)]
#[template(path = "meeting.html")]
pub(super) struct MeetingPage {
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
    communique_labels: Vec<String>,
    /// The attendance as the form shows it, one name a line.
    present_lines: String,
    /// Those present by video conference, one a line.
    remote_lines: String,
    excused_lines: String,
    absent_lines: String,
    guest_lines: String,
    /// (id, name) of the body's sympathisers, to tick as present.
    sympathisers: Vec<(i64, String)>,
    /// (key, label) of the profile's positions and committees.
    positions: Vec<(String, String)>,
    committee_kinds: Vec<(String, String)>,
    /// For the correction form: the kinds of meeting, the body's current holders, the
    /// agenda one item a line.
    kinds: Vec<(String, String)>,
    holder_choices: Vec<(i64, String)>,
    agenda_lines: String,
    /// Requests raised here, answers reported here, and the bodies the form offers.
    requests: super::request_rows::MeetingRequests,
    /// The record's steps, their states and which are open.
    steps: super::steps::Steps,
    /// Holders named at the meeting who hold their position only from a later day.
    warnings: Vec<String>,
    /// Each decision's text when it is a resolution (the page corrects it; other kinds
    /// keep their data and have their vote corrected).
    resolution_texts: Vec<Option<String>>,
    /// (id, title) of the body's draft programmes, for the decision that adopts one.
    draft_programmes: Vec<(i64, String)>,
    /// The reports each agenda item hears, item by item.
    heard: Vec<Vec<crate::reports::HeardRow>>,
}

#[derive(Deserialize)]
pub struct StepQuery {
    step: Option<String>,
}

/// (key, label) of every kind of meeting: the product's and the profile's.
pub(super) fn kind_choices(state: &AppState, ctx: &Ctx) -> Vec<(String, String)> {
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
pub(super) async fn holder_choices(
    state: &AppState,
    b: &Body,
) -> Result<Vec<(i64, String)>, AppError> {
    cmd::holders::office(&state.app(), b)
        .await?
        .iter()
        .map(|h| {
            Ok((
                h.id,
                format!("{} {}", holder_title(state, b, h)?, h.holder_name),
            ))
        })
        .collect()
}

/// (key, label) of the profile's committees.
pub(super) fn committee_choices(state: &AppState, ctx: &Ctx) -> Vec<(String, String)> {
    state
        .profile
        .committees
        .iter()
        .map(|c| (c.key.clone(), views::label(&c.name, &ctx.tr)))
        .collect()
}

pub(super) fn position_choices(state: &AppState, ctx: &Ctx) -> Vec<(String, String)> {
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
    Query(q): Query<StepQuery>,
) -> Result<Response, AppError> {
    let step = super::steps::asked(q.step.as_deref());
    meeting_page(&state, &ctx, &user, (id, step), None).await
}

pub(super) async fn meeting_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    (id, step): (i64, Option<&str>),
    error: Option<String>,
) -> Result<Response, AppError> {
    let found = load_meeting(state, ctx, user, id, Action::ViewMeetings).await?;
    let (m, b) = (&found.record, &found.body);
    let chair = match m.chair_holder_id {
        Some(h) => match store::holder(&state.db, h).await? {
            Some(h) => format!("{} {}", holder_title(state, b, &h)?, h.holder_name),
            None => String::new(),
        },
        None => store::leads(&state.db, m.id)
            .await?
            .into_iter()
            .find(|l| l.role == rules::LeadRole::Chair)
            .map(|l| format!("{} {}", l.title, l.name))
            .unwrap_or_default(),
    };
    let actor = user.actor(ctx);
    let allowed = |a| actor.decide(a, Some(&b.target())) == tanzim_domain::policy::Decision::Allow;
    let d = detail(state, b, m.id).await?;
    let lines = |presence: Presence, guest: bool| {
        d.attendance
            .iter()
            .filter(|a| a.presence == presence && a.guest == guest && !a.remote)
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
        date: ctx.tr.day(m.held_on.date()),
        chair,
        may_manage: allowed(Action::ManageMeetings),
        may_publish: allowed(Action::PublishCommuniques),
        locked: m.locked(),
        presence: d
            .attendance
            .iter()
            .map(|a| ctx.tr.t(&format!("presence-{}", a.presence)))
            .collect(),
        communique_labels: d
            .communiques
            .iter()
            .map(|c| ctx.tr.t(&format!("communique-{}", c.status)))
            .collect(),
        present_lines: if d.attendance.is_empty() {
            invited(false)
        } else {
            lines(Presence::Present, false)
        },
        remote_lines: d
            .attendance
            .iter()
            .filter(|a| a.remote)
            .map(attendance_cells)
            .collect::<Vec<_>>()
            .join("\n"),
        excused_lines: lines(Presence::Excused, false),
        absent_lines: lines(Presence::Absent, false),
        guest_lines: if d.attendance.is_empty() {
            invited(true)
        } else {
            lines(Presence::Present, true)
        },
        sympathisers: if m.locked() || !allowed(Action::ManageMeetings) {
            Vec::new()
        } else {
            super::attendance::sympathiser_choices(state, ctx, user, b).await?
        },
        positions: position_choices(state, ctx),
        committee_kinds: committee_choices(state, ctx),
        kinds: kind_choices(state, ctx),
        holder_choices: holder_choices(state, b).await?,
        agenda_lines: d.agenda.join("\n"),
        requests: super::request_rows::meeting_requests(state, ctx, b, &d).await?,
        steps: super::steps::Steps::of(ctx, &d, step, error.is_some()),
        resolution_texts: d
            .decisions
            .iter()
            .map(|x| match x.decision.kind() {
                Some(DecisionKind::Resolution { text }) => Some(text),
                _ => None,
            })
            .collect(),
        warnings: super::steps::late_holders(state, ctx, b, &d).await?,
        draft_programmes: tanzim_store::programmes::of_body(&state.db, b.id)
            .await?
            .into_iter()
            .filter(|p| !p.is_adopted())
            .map(|p| (p.id, p.title))
            .collect(),
        heard: crate::reports::heard_rows(state, ctx, user, m.id, d.agenda.len()).await?,
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
pub(super) async fn back_to_meeting(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    result: Result<(), AppError>,
) -> Result<Response, AppError> {
    back_to(state, ctx, user, id, "", result).await
}

/// After a form of one of the record's steps: back to the page with that step open (and in
/// view), or the page again with the reason.
pub(super) async fn back_to(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    step: &str,
    result: Result<(), AppError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to(&match super::steps::asked(Some(step)) {
            Some(step) => format!("/meetings/{id}?step={step}#step-{step}"),
            None => format!("/meetings/{id}"),
        })
        .into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            let message = e.message(&ctx.tr);
            let mut response = meeting_page(state, ctx, user, (id, None), Some(message)).await?;
            *response.status_mut() = e.status();
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "body_meetings.html")]
pub(super) struct BodyMeetingsPage {
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
    committee_kinds: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    /// (title, period, activities)
    programmes: Vec<(String, String, Vec<String>)>,
    /// The body's calendar feed link, shown once after it is made.
    new_link: Option<String>,
    holder_choices: Vec<(i64, String)>,
    /// (id, label) of the congresses a new meeting may prepare: this body's and those
    /// of the bodies above it (a local congress joins the provincial one).
    congresses: Vec<(i64, String)>,
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
    let b = crate::access::found::<tanzim_store::bodies::Body>(
        state,
        ctx,
        user,
        Action::ViewMeetings,
        id,
    )
    .await?
    .into_inner();
    let current = cmd::holders::office(&state.app(), &b).await?;
    let day = |d: &tanzim_store::Day| ctx.tr.day(d.date());
    let page = BodyMeetingsPage {
        layout: Layout::new(state, ctx, "meetings-of-body"),
        body_id: b.id,
        body_name: b.name.clone(),
        holders: current
            .iter()
            .map(|h| {
                Ok((
                    holder_title(state, &b, h)?,
                    h.holder_name.clone(),
                    day(&h.started_on),
                ))
            })
            .collect::<Result<_, AppError>>()?,
        holder_choices: holder_choices(state, &b).await?,
        committees: store::committees(&state.db, b.id)
            .await?
            .into_iter()
            .map(|c| {
                let name = state
                    .profile
                    .committee(&c.kind)
                    .map(|k| views::label(&k.name, &ctx.tr))
                    .unwrap_or_else(|| c.kind.clone());
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
        committee_kinds: committee_choices(state, ctx),
        kinds: kind_choices(state, ctx),
        programmes: tanzim_store::programmes::of_body(&state.db, b.id)
            .await?
            .into_iter()
            .map(|p| {
                (
                    p.title,
                    format!("{} – {}", day(&p.starts_on), day(&p.ends_on)),
                    p.listed.lines().map(str::to_owned).collect(),
                )
            })
            .collect(),
        new_link,
        congresses: congress_choices(state, ctx, &b).await?,
        error: error.clone(),
    };
    let mut response = views::html(page);
    if error.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// The congresses of a body and of the bodies above it, newest first, as options.
async fn congress_choices(
    state: &AppState,
    ctx: &Ctx,
    b: &tanzim_store::bodies::Body,
) -> Result<Vec<(i64, String)>, AppError> {
    let mut out = Vec::new();
    let mut at = Some(b.clone());
    // Up the tree (a tree is shallow: national, region, province, local).
    for _ in 0..8 {
        let Some(body) = at else { break };
        for m in store::of_body(&state.db, body.id).await? {
            if m.kind == "congress" {
                out.push((
                    m.id,
                    format!("{} — {}", body.name, ctx.tr.day(m.held_on.date())),
                ));
            }
        }
        at = match body.parent_id {
            Some(parent) => tanzim_store::bodies::get(&state.db, parent).await?,
            None => None,
        };
    }
    Ok(out)
}

pub(super) async fn back_to_body(
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

/// An attendance line as the form writes it back (see `attendance_line`).
pub(super) fn attendance_cells(a: &Attendee) -> String {
    let cell = |c: &Option<String>| c.clone().unwrap_or_default();
    let mut cells = vec![a.name.clone()];
    if a.presence == Presence::Present {
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

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    vec![
        route(
            "GET",
            "/meetings/{id}",
            Policy(Action::ViewMeetings, T::Meeting),
            get(show),
        ),
        route(
            "GET",
            "/bodies/{id}/meetings",
            Policy(Action::ViewMeetings, T::Body),
            get(body_page),
        ),
    ]
}
