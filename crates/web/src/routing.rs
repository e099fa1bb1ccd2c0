//! What a route is: its method, path, the access it requires and how its caller must prove
//! who it is. Each module declares its own routes with these; `routes::table` joins them.

use crate::state::AppState;
use axum::routing::MethodRouter;
use tanzim_domain::policy::Action;

/// What a route's target is, for the matrix test to fill the path and decide the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// No target in the path: the action anywhere (lists, forms, creation).
    None,
    /// `{id}` is a body.
    Body,
    /// `{id}` is a user (and `{role_id}` one of its roles).
    User,
    /// `{id}` is a member.
    Member,
    /// `{id}` is an application.
    Application,
    /// `{id}` is a renewal campaign.
    Campaign,
    /// `{id}` is a payment (as visible as its member).
    Payment,
    /// `{id}` is a probable duplicate met during an import.
    Review,
    /// `{id}` is a meeting (as reachable as its body).
    Meeting,
    /// `{id}` is a press communiqué (as reachable as its body).
    Communique,
    /// `{id}` is a disciplinary case (as reachable as its body; `{document_id}` one of its
    /// documents).
    Case,
    /// `{id}` is a sympathiser or contact.
    Contact,
    /// `{id}` is a request raised at a meeting (as reachable as the body that raised it or
    /// the body it is addressed to).
    Request,
    /// `{id}` is an activity programme (as reachable as its body).
    Programme,
    /// `{id}` is an activity of a programme (as reachable as its body).
    Activity,
    /// `{id}` is a periodic report (as reachable as the body that files it or the body
    /// above it that receives it).
    Report,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user, whatever their roles (their own account, signing out).
    SignedIn,
    /// A signed-in user the policy allows `Action` on the target.
    Policy(Action, TargetKind),
}

/// What a route asks of how the caller proved who it is, on top of its access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// A session or a bearer token alike.
    Any,
    /// A browser session only: a bearer token gets 403 `session-required`.
    Session,
    /// A browser session whose password was typed within the last ten minutes (see
    /// `reauth`): a bearer token gets 403 `session-required`, an older session is sent to
    /// confirm its password (403 `reauth-required` on the API).
    FreshPassword,
}

#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
    pub guard: Guard,
}

pub struct Route {
    pub spec: RouteSpec,
    pub handler: MethodRouter<AppState>,
}

pub(crate) fn route(
    method: &'static str,
    path: &'static str,
    access: Access,
    handler: MethodRouter<AppState>,
) -> Route {
    Route {
        spec: RouteSpec {
            method,
            path,
            access,
            guard: Guard::Any,
        },
        handler,
    }
}

/// A route that only a browser session may use.
pub(crate) fn session_only(mut r: Route) -> Route {
    r.spec.guard = Guard::Session;
    r
}

/// A sensitive route: its handler calls `reauth::require_fresh_password`.
pub(crate) fn fresh_password(mut r: Route) -> Route {
    r.spec.guard = Guard::FreshPassword;
    r
}
