//! The router enforces each route's declared access before its handler runs: a route
//! cannot be reached with less than the table says. For a route about a record (`{id}`),
//! the record is loaded here through `commands::access::load`, so a caller outside its
//! scope gets 404 before any body is parsed, and the handler takes it as `Loaded<T>`.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::routing::{Access, RouteSpec, TargetKind};
use crate::state::AppState;
use axum::RequestExt;
use axum::extract::{FromRequestParts, RawPathParams, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use tanzim_commands::access::{self, Account, InBody, PaymentOf, Scoped};
use tanzim_commands::{Actor, App, Found};
use tanzim_domain::policy::{Action, Decision, scopes_for};
use tanzim_store::applications::Application;
use tanzim_store::bodies::Body;
use tanzim_store::campaigns::Campaign;
use tanzim_store::contacts::Contact;
use tanzim_store::discipline::Case;
use tanzim_store::imports::Review;
use tanzim_store::meetings::{Communique, Meeting};
use tanzim_store::members::Member;

/// The route layer: checks `spec.access` for this request, then runs the handler.
pub(crate) async fn enforce(
    State(state): State<AppState>,
    spec: RouteSpec,
    mut req: Request,
    next: Next,
) -> Result<Response, AppError> {
    let (action, kind) = match spec.access {
        Access::Public => return Ok(next.run(req).await),
        Access::SignedIn => {
            require_ctx(&req)?.require_user()?;
            return Ok(next.run(req).await);
        }
        Access::Policy(action, kind) => (action, kind),
    };
    let ctx = require_ctx(&req)?.clone();
    let user = ctx.require_user()?;
    let actor = user.actor(&ctx);
    if kind == TargetKind::None {
        permit(actor.decide(action, None))?;
        return Ok(next.run(req).await);
    }
    let params = req
        .extract_parts::<RawPathParams>()
        .await
        .map_err(|_| AppError::NotFound)?;
    let id = params
        .iter()
        .find(|(name, _)| *name == "id")
        .and_then(|(_, value)| value.parse::<i64>().ok())
        .ok_or(AppError::BadRequest("malformed-input"))?;
    let app = state.app();
    let extensions = req.extensions_mut();
    match kind {
        TargetKind::None => {}
        TargetKind::Body => put::<Body>(&app, &actor, action, id, extensions).await?,
        TargetKind::User => put::<Account>(&app, &actor, action, id, extensions).await?,
        TargetKind::Member => put::<Member>(&app, &actor, action, id, extensions).await?,
        TargetKind::Application => put::<Application>(&app, &actor, action, id, extensions).await?,
        TargetKind::Campaign => put::<Campaign>(&app, &actor, action, id, extensions).await?,
        TargetKind::Payment => put::<PaymentOf>(&app, &actor, action, id, extensions).await?,
        TargetKind::Review => put::<Review>(&app, &actor, action, id, extensions).await?,
        TargetKind::Meeting => put::<InBody<Meeting>>(&app, &actor, action, id, extensions).await?,
        TargetKind::Communique => {
            put::<InBody<Communique>>(&app, &actor, action, id, extensions).await?
        }
        TargetKind::Case => put::<Case>(&app, &actor, action, id, extensions).await?,
        TargetKind::Contact => put::<Contact>(&app, &actor, action, id, extensions).await?,
        TargetKind::Request => {
            put::<tanzim_commands::meetings::requests::RequestOf>(
                &app, &actor, action, id, extensions,
            )
            .await?
        }
        TargetKind::Programme => {
            put::<InBody<tanzim_store::programmes::Programme>>(&app, &actor, action, id, extensions)
                .await?
        }
        TargetKind::Activity => {
            put::<tanzim_commands::programmes::ActivityOf>(&app, &actor, action, id, extensions)
                .await?
        }
        TargetKind::Report => {
            put::<tanzim_commands::reports::ReportOf>(&app, &actor, action, id, extensions).await?
        }
    }
    Ok(next.run(req).await)
}

fn require_ctx(req: &Request) -> Result<&Ctx, AppError> {
    req.extensions()
        .get::<Ctx>()
        .ok_or_else(|| AppError::Internal("request context missing".into()))
}

async fn put<T: Scoped + Clone + Sync + 'static>(
    app: &App,
    actor: &Actor<'_>,
    action: Action,
    id: i64,
    extensions: &mut axum::http::Extensions,
) -> Result<(), AppError> {
    extensions.insert(access::load::<T>(app, actor, action, id).await?);
    Ok(())
}

/// The record the route names, loaded and judged by the route layer for the route's
/// declared action.
pub struct Loaded<T>(pub Found<T>);

impl<S: Send + Sync, T: Clone + Send + Sync + 'static> FromRequestParts<S> for Loaded<T> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .remove::<Found<T>>()
            .map(Loaded)
            .ok_or_else(|| AppError::Internal("the route loads no such record".into()))
    }
}

/// The record `id` of kind `T` for `action`, loaded as the route layer loads it: for a
/// handler that needs a record the route does not name, or one for another action.
pub(crate) async fn found<T: Scoped>(
    state: &AppState,
    ctx: &Ctx,
    user: &crate::ctx::CurrentUser,
    action: Action,
    id: i64,
) -> Result<Found<T>, AppError> {
    Ok(access::load::<T>(&state.app(), &user.actor(ctx), action, id).await?)
}

/// A policy decision as the result a handler returns.
pub(crate) fn permit(decision: Decision) -> Result<(), AppError> {
    Ok(tanzim_commands::permit(decision)?)
}

/// The scope filter for `action`, as SQL needs it.
pub(crate) fn scope_for(user: &CurrentUser, action: Action) -> tanzim_store::ScopeFilter {
    tanzim_store::ScopeFilter::from_assignments(scopes_for(&user.principal, action))
}

/// The scope of `action` over members. A role limited to the party itself covers all its
/// members; one limited to an affiliate covers the members who joined that affiliate.
pub(crate) fn member_scope(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
) -> tanzim_store::ScopeFilter {
    let assignments = tanzim_domain::policy::member_assignments(
        &user.principal,
        action,
        state.profile.party_key(),
    );
    tanzim_store::ScopeFilter::from_assignments(assignments.iter())
}

/// The policy's decision on a member, as `member_scope` decides for lists.
pub(crate) fn member_decision(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    m: &Member,
) -> Decision {
    tanzim_domain::policy::decide_member(
        &user.principal,
        action,
        &tanzim_domain::territory::TerritoryPath::from_stored(m.person.path.clone()),
        &m.person.affiliations,
        state.profile.party_key(),
    )
}

/// May the user see contact details (CIN, phone, e-mail, address, birth date) of a member?
pub(crate) fn sees_contact(state: &AppState, user: &CurrentUser, m: &Member) -> bool {
    member_decision(state, user, Action::ViewMemberContact, m) == Decision::Allow
}
