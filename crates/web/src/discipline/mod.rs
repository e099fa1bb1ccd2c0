//! Disciplinary cases: the cases in the user's scope, a body's cases with the form to open
//! one, a case's page (hearings, documents, the decision, confirmed before it suspends or
//! expels), document downloads, and the cases API. Only the ethics committee and
//! administrators reach any of it (see `policy`).

mod api;
mod cases;
mod pages;
mod shared;
pub use api::*;
pub use cases::*;
pub use pages::*;

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/cases",
            Policy(Action::ViewCases, T::None),
            get(index),
        ),
        route(
            "GET",
            "/bodies/{id}/cases",
            Policy(Action::ViewCases, T::Body),
            get(body_page),
        ),
        route(
            "POST",
            "/bodies/{id}/cases",
            Policy(Action::ManageCases, T::Body),
            post(open_form),
        ),
        route(
            "GET",
            "/cases/{id}",
            Policy(Action::ViewCases, T::Case),
            get(show),
        ),
        route(
            "POST",
            "/cases/{id}/hearings",
            Policy(Action::ManageCases, T::Case),
            post(hearing_form),
        ),
        route(
            "POST",
            "/cases/{id}/documents",
            Policy(Action::ManageCases, T::Case),
            post(document_form),
        ),
        route(
            "GET",
            "/cases/{id}/documents/{document_id}",
            Policy(Action::ViewCases, T::Case),
            get(download_page),
        ),
        route(
            "POST",
            "/cases/{id}/decision",
            Policy(Action::ManageCases, T::Case),
            post(decision_form),
        ),
        route(
            "GET",
            "/api/v1/cases",
            Policy(Action::ViewCases, T::None),
            get(api_list),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/cases",
            Policy(Action::ViewCases, T::Body),
            get(api_body_list),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/cases",
            Policy(Action::ManageCases, T::Body),
            post(api_open),
        ),
        route(
            "GET",
            "/api/v1/cases/{id}",
            Policy(Action::ViewCases, T::Case),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/hearings",
            Policy(Action::ManageCases, T::Case),
            post(api_hearing),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/documents",
            Policy(Action::ManageCases, T::Case),
            post(api_document),
        ),
        route(
            "GET",
            "/api/v1/cases/{id}/documents/{document_id}",
            Policy(Action::ViewCases, T::Case),
            get(api_download),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/decision",
            Policy(Action::ManageCases, T::Case),
            post(api_decide),
        ),
    ]
}
