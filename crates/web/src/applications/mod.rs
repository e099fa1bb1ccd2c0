//! Applications for membership: the public form (no account, three languages, consent,
//! honeypot and rate limit), the status check by reference, officers' entry, and the
//! membership committee's queue, duplicate check and decision.

mod api;
mod officers;
mod public;
mod shared;
pub use api::*;
pub use officers::*;
pub use public::*;

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route("GET", "/apply", Public, get(public_form)),
        route("POST", "/apply", Public, post(submit_public)),
        route("GET", "/apply/communes", Public, get(commune_options)),
        route("GET", "/apply/status", Public, get(public_status)),
        route(
            "GET",
            "/applications",
            Policy(Action::ViewApplications, T::None),
            get(queue),
        ),
        route(
            "GET",
            "/applications/new",
            Policy(Action::EnterApplication, T::None),
            get(new_form),
        ),
        route(
            "POST",
            "/applications",
            Policy(Action::EnterApplication, T::None),
            post(create),
        ),
        route(
            "GET",
            "/applications/{id}",
            Policy(Action::ViewApplications, T::Application),
            get(show),
        ),
        route(
            "POST",
            "/applications/{id}/accept",
            Policy(Action::DecideApplications, T::Application),
            post(accept),
        ),
        route(
            "POST",
            "/applications/{id}/reject",
            Policy(Action::DecideApplications, T::Application),
            post(reject),
        ),
        route(
            "GET",
            "/api/v1/applications",
            Policy(Action::ViewApplications, T::None),
            get(api_list),
        ),
        route(
            "POST",
            "/api/v1/applications",
            Policy(Action::EnterApplication, T::None),
            post(api_create),
        ),
        route(
            "GET",
            "/api/v1/applications/{id}",
            Policy(Action::ViewApplications, T::Application),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/applications/{id}/accept",
            Policy(Action::DecideApplications, T::Application),
            post(api_accept),
        ),
        route(
            "POST",
            "/api/v1/applications/{id}/reject",
            Policy(Action::DecideApplications, T::Application),
            post(api_reject),
        ),
    ]
}
