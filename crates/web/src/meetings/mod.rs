//! Bodies at work: positions and their holders, meetings (agenda, attendance,
//! interventions, decisions), the minutes and their approval (which gives decisions
//! effect), press communiqués and the public news page with its Atom feed.

mod attendance;
mod committees;
mod communiques;
mod coverage;
mod decisions;
mod holders;
mod invitations;
mod minutes;
mod news;
mod pages;
mod record;
mod upcoming;

pub use attendance::*;
pub use committees::*;
pub use communiques::*;
pub use coverage::*;
pub use decisions::*;
pub use holders::*;
pub use invitations::*;
pub use minutes::*;
pub use news::*;
pub use pages::*;
pub use record::*;
pub(crate) use upcoming::*;

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

/// A guest line of the forms: "title | name", or the name alone.
fn guest_line(line: &str) -> (Option<String>, String) {
    match line.split_once('|') {
        Some((t, n)) => (Some(t.trim().to_owned()), n.trim().to_owned()),
        None => (None, line.to_owned()),
    }
}

fn non_empty_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// The meetings' routes and the access each requires: its modules' together;
/// `routes::table` joins them with the others.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    [
        attendance::routes(),
        committees::routes(),
        communiques::routes(),
        coverage::routes(),
        decisions::routes(),
        holders::routes(),
        invitations::routes(),
        minutes::routes(),
        news::routes(),
        pages::routes(),
        record::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
