//! The route table: every route with the access it requires. The router is built from this
//! table and the authorization matrix test walks it, so a new route cannot be left out of
//! either.

use crate::{AppState, accounts, api, audit, bodies, home, session, territory};
use axum::routing::{MethodRouter, get, post};
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

#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

pub struct Route {
    pub spec: RouteSpec,
    pub handler: MethodRouter<AppState>,
}

fn route(
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
        },
        handler,
    }
}

pub fn table() -> Vec<Route> {
    use Access::*;
    use TargetKind as T;
    vec![
        route("GET", "/healthz", Public, get(api::healthz)),
        route("GET", "/assets/{file}", Public, get(api::asset)),
        route(
            "GET",
            "/api/v1/openapi.json",
            Public,
            get(api::openapi_json),
        ),
        route("GET", "/login", Public, get(session::login_form)),
        route("POST", "/login", Public, post(session::login)),
        route("GET", "/lang/{code}", Public, get(session::set_language)),
        route("POST", "/logout", SignedIn, post(session::logout)),
        route("GET", "/", SignedIn, get(home::home)),
        route("GET", "/account", SignedIn, get(accounts::account)),
        route(
            "POST",
            "/account/tokens",
            SignedIn,
            post(accounts::create_token),
        ),
        route(
            "POST",
            "/account/tokens/{id}/revoke",
            SignedIn,
            post(accounts::revoke_token),
        ),
        route(
            "GET",
            "/territories",
            Policy(Action::ViewTerritories, T::None),
            get(territory::index),
        ),
        route(
            "GET",
            "/territories/{code}",
            Policy(Action::ViewTerritories, T::None),
            get(territory::show),
        ),
        route(
            "GET",
            "/bodies",
            Policy(Action::ViewBodies, T::None),
            get(bodies::index),
        ),
        route(
            "GET",
            "/bodies/new",
            Policy(Action::CreateBody, T::None),
            get(bodies::new_form),
        ),
        route(
            "POST",
            "/bodies",
            Policy(Action::CreateBody, T::None),
            post(bodies::create),
        ),
        route(
            "GET",
            "/bodies/{id}",
            Policy(Action::ViewBodies, T::Body),
            get(bodies::show),
        ),
        route(
            "POST",
            "/bodies/{id}/rename",
            Policy(Action::ManageBody, T::Body),
            post(bodies::rename),
        ),
        route(
            "GET",
            "/bodies/{id}/dissolve",
            Policy(Action::ManageBody, T::Body),
            get(bodies::confirm_dissolve),
        ),
        route(
            "POST",
            "/bodies/{id}/dissolve",
            Policy(Action::ManageBody, T::Body),
            post(bodies::dissolve),
        ),
        route(
            "GET",
            "/users",
            Policy(Action::ViewUsers, T::None),
            get(accounts::index),
        ),
        route(
            "GET",
            "/users/new",
            Policy(Action::ManageUsers, T::None),
            get(accounts::new_form),
        ),
        route(
            "POST",
            "/users",
            Policy(Action::ManageUsers, T::None),
            post(accounts::create),
        ),
        route(
            "GET",
            "/users/{id}",
            Policy(Action::ViewUsers, T::User),
            get(accounts::show),
        ),
        route(
            "POST",
            "/users/{id}/roles",
            Policy(Action::ManageUsers, T::User),
            post(accounts::grant),
        ),
        route(
            "POST",
            "/users/{id}/roles/{role_id}/revoke",
            Policy(Action::ManageUsers, T::User),
            post(accounts::revoke),
        ),
        route(
            "POST",
            "/users/{id}/disable",
            Policy(Action::ManageUsers, T::User),
            post(accounts::disable),
        ),
        route(
            "POST",
            "/users/{id}/enable",
            Policy(Action::ManageUsers, T::User),
            post(accounts::enable),
        ),
        route(
            "GET",
            "/audit",
            Policy(Action::ViewAudit, T::None),
            get(audit::index),
        ),
        route("GET", "/api/v1/me", SignedIn, get(accounts::api_me)),
        route(
            "GET",
            "/api/v1/territories",
            Policy(Action::ViewTerritories, T::None),
            get(territory::api_list),
        ),
        route(
            "GET",
            "/api/v1/territories/{code}",
            Policy(Action::ViewTerritories, T::None),
            get(territory::api_get),
        ),
        route(
            "GET",
            "/api/v1/bodies",
            Policy(Action::ViewBodies, T::None),
            get(bodies::api_list),
        ),
        route(
            "POST",
            "/api/v1/bodies",
            Policy(Action::CreateBody, T::None),
            post(bodies::api_create),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}",
            Policy(Action::ViewBodies, T::Body),
            get(bodies::api_get),
        ),
        route(
            "PATCH",
            "/api/v1/bodies/{id}",
            Policy(Action::ManageBody, T::Body),
            axum::routing::patch(bodies::api_rename),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/dissolve",
            Policy(Action::ManageBody, T::Body),
            post(bodies::api_dissolve),
        ),
        route(
            "GET",
            "/api/v1/users",
            Policy(Action::ViewUsers, T::None),
            get(accounts::api_list),
        ),
        route(
            "POST",
            "/api/v1/users",
            Policy(Action::ManageUsers, T::None),
            post(accounts::api_create),
        ),
        route(
            "GET",
            "/api/v1/users/{id}",
            Policy(Action::ViewUsers, T::User),
            get(accounts::api_get),
        ),
        route(
            "GET",
            "/api/v1/audit",
            Policy(Action::ViewAudit, T::None),
            get(audit::api_list),
        ),
    ]
}
