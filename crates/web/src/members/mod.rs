//! Members: the registry list (filters, as-of-date view and export), a member's page
//! (details, history, consents, renewals, status changes, transfer), the card and its
//! public check, and the members API.

use crate::api::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::auth::{Ctx, CurrentUser};
use crate::bodies::Choice;
use crate::error::AppError;
use crate::views::{self, FormErrors, Layout, Pager};
use crate::{AppState, parse_form, parse_json, permit, today};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::{self as commands, Found};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members::{self as rules, Event, PersonInput, Status};
use tanzim_domain::policy::{Action, Decision, decide};
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit::AuditEntry;
use tanzim_store::campaigns::{self, Payment};
use tanzim_store::members::{self, HistoryEntry, Member, MemberQuery};
use tanzim_store::{Page, Paged, ScopeFilter, territory};

pub(crate) fn audit(ctx: &Ctx, user: &CurrentUser, action: AuditAction) -> AuditEntry {
    AuditEntry::new(Some(user.id()), user.username(), action, Some(&ctx.address))
}

/// The scope of `action` over members. A role limited to the party itself covers all its
/// members; one limited to an affiliate covers the members who joined that affiliate.
pub(crate) fn member_scope(state: &AppState, user: &CurrentUser, action: Action) -> ScopeFilter {
    let assignments =
        tanzim_domain::policy::member_assignments(&user.principal, action, party_key(state));
    ScopeFilter::from_assignments(assignments.iter())
}

/// The policy's decision on a member: its branch decides, and a role limited to an
/// organization covers the members of that organization (everyone for the party itself,
/// those who joined for an affiliate), as `member_scope` does for lists.
pub(crate) fn member_decision(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    m: &Member,
) -> Decision {
    tanzim_domain::policy::decide_member(
        &user.principal,
        action,
        &TerritoryPath::from_stored(m.path.clone()),
        &m.affiliations,
        party_key(state),
    )
}

/// May the user see contact details (CIN, phone, e-mail, address, birth date) of a member?
pub(crate) fn sees_contact(state: &AppState, user: &CurrentUser, m: &Member) -> bool {
    member_decision(state, user, Action::ViewMemberContact, m) == Decision::Allow
}

/// The member with this id if the user may do `action` to it, with contact details
/// removed for roles that may not see them.
pub(crate) async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Member, AppError> {
    permit(decide(&user.principal, action, None))?;
    let m = members::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    permit(member_decision(state, user, action, &m))?;
    Ok(if sees_contact(state, user, &m) {
        m
    } else {
        m.without_contact()
    })
}

/// The member with this id if the user may do `action` to it (see `commands::access`).
pub(crate) async fn found(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    action: Action,
) -> Result<Found<Member>, AppError> {
    Ok(commands::access::load(&state.app(), &user.actor(ctx), action, id).await?)
}

mod api;
mod card;
mod changes;
mod list;
mod page;

pub use api::*;
pub use card::*;
pub use changes::*;
pub use list::*;
pub use page::*;

/// The members' routes: each file's, joined.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    [
        list::routes(),
        page::routes(),
        changes::routes(),
        card::routes(),
        api::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
