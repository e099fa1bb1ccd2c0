//! What the meetings' modules share: the imports they all use, loading a meeting, a
//! communiqué or a body through the commands, the record as the API shows it, labels.
//! It imports from none of them, so that no two files import each other.

pub(super) use crate::committed::Committed;
pub(super) use crate::ctx::{Ctx, CurrentUser};
pub(super) use crate::error::AppError;
pub(super) use crate::input::parse_json;
pub(super) use crate::problems::{
    BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated,
};
pub(super) use crate::state::AppState;
pub(super) use crate::views::{self, Layout};
pub(super) use askama::Template;
pub(super) use axum::Json;
pub(super) use axum::body::Bytes;
pub(super) use axum::extract::{Path, Query, State};
pub(super) use axum::http::{StatusCode, header};
pub(super) use axum::response::{IntoResponse, Redirect, Response};
pub(super) use serde::{Deserialize, Serialize};
pub(super) use tanzim_commands::access::InBody;
pub(super) use tanzim_commands::meetings as cmd;
pub(super) use tanzim_commands::{self as commands, Found};
pub(super) use tanzim_domain::meetings::{
    self as rules, DecisionKind, Officer, Presence, Sex, Vote, Voters,
};
pub(super) use tanzim_domain::org::BodyLevel;
pub(super) use tanzim_domain::policy::Action;
pub(super) use tanzim_domain::{DomainError, Field};
pub(super) use tanzim_store::bodies::{self, Body};
pub(super) use tanzim_store::meetings::{
    self as store, Attendee, Communique, Holder, Invitee, Lead, Meeting,
};
pub(super) use tanzim_store::{Page, territory};

/// The meeting with this id and its body, if the user may do `action` to the body.
pub(super) async fn load_meeting(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Found<InBody<Meeting>>, AppError> {
    Ok(commands::access::load(&state.app(), &user.actor(ctx), action, id).await?)
}

pub(super) async fn load_communique(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Found<InBody<Communique>>, AppError> {
    Ok(commands::access::load(&state.app(), &user.actor(ctx), action, id).await?)
}

/// How a kind of meeting is said.
pub(crate) fn kind_words(state: &AppState, key: &str) -> rules::KindWords {
    cmd::kind_words(&state.profile, key)
}

/// A kind of meeting's name in the page's language.
pub(super) fn kind_label(state: &AppState, ctx: &Ctx, key: &str) -> String {
    match state.profile.meeting_kinds.iter().find(|k| k.key == key) {
        Some(k) => views::label(&k.name, &ctx.tr),
        None => ctx.tr.t(&format!("meeting-kind-{key}")),
    }
}

/// A holder's Arabic title in their body, agreeing with them.
pub(super) fn holder_title(state: &AppState, body: &Body, h: &Holder) -> Result<String, AppError> {
    Ok(cmd::holder_title(&state.profile, body, h)?)
}

pub(super) fn date(s: &str) -> Result<chrono::NaiveDate, AppError> {
    Ok(tanzim_domain::members::parse_date(s, Field::Date)?)
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeetingDetail {
    #[serde(flatten)]
    pub meeting: Meeting,
    /// Chairs, co-chairs, hosts, framers and guests of honour beside a holder who chairs.
    pub leads: Vec<Lead>,
    /// Groups that attended beside the members (other bodies, sympathisers, the press).
    pub groups: Vec<store::Group>,
    /// For a congress: the meetings linked to it (preparatory sessions, congresses below).
    pub linked_meetings: Vec<Meeting>,
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
    /// Requests raised at the meeting, and the answers to the body's earlier requests that
    /// it reports (the first meeting of the body after each answer).
    pub requests: Vec<store::requests::Request>,
    pub answers: Vec<store::requests::Request>,
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
pub(super) async fn detail(
    state: &AppState,
    body: &Body,
    id: i64,
) -> Result<MeetingDetail, AppError> {
    let r = cmd::record::read(&state.app(), body, id).await?;
    Ok(MeetingDetail {
        meeting: r.meeting,
        leads: r.leads,
        groups: r.groups,
        linked_meetings: r.linked,
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
        requests: r.requests,
        answers: r.answers,
    })
}

/// The answer to a committed write of the meeting `id` (of `body`): its whole record as it
/// now stands, or the minimal answer when it cannot be read back.
pub(super) async fn meeting_answer(
    state: &AppState,
    committed: Committed,
    body: &Body,
    id: i64,
) -> Response {
    committed
        .at(format!("/api/v1/meetings/{id}"))
        .json(|| detail(state, body, id))
        .await
}

/// The answer to a committed write of the communiqué `id` (of the record at `source`, a
/// meeting's or an activity's, which lists it): the communiqué as it now reads.
pub(crate) async fn communique_answer(
    state: &AppState,
    committed: Committed,
    source: String,
    id: i64,
) -> Response {
    committed
        .at(source)
        .json(|| async {
            store::communique(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)
        })
        .await
}

/// A guest line of the forms: "title | name", or the name alone.
pub(super) fn guest_line(line: &str) -> (Option<String>, String) {
    match line.split_once('|') {
        Some((t, n)) => (Some(t.trim().to_owned()), n.trim().to_owned()),
        None => (None, line.to_owned()),
    }
}

pub(super) fn non_empty_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty())
}
