//! Renewal campaigns: launched by a body for a year within its jurisdiction, with a dues
//! schedule; renewals recorded one by one (member page) or in bulk (campaign page);
//! closing lapses members not renewed; receipts print from the browser.

mod api;
mod pages;
mod payments;
pub use api::*;
pub use pages::*;
pub use payments::*;

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/campaigns",
            Policy(Action::ViewCampaigns, T::None),
            get(index),
        ),
        route(
            "GET",
            "/campaigns/new",
            Policy(Action::ManageCampaigns, T::None),
            get(new_form),
        ),
        route(
            "POST",
            "/campaigns",
            Policy(Action::ManageCampaigns, T::None),
            post(create),
        ),
        route(
            "GET",
            "/campaigns/{id}",
            Policy(Action::ViewCampaigns, T::Campaign),
            get(show),
        ),
        route(
            "GET",
            "/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            get(confirm_close),
        ),
        route(
            "POST",
            "/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(close),
        ),
        route(
            "POST",
            "/campaigns/{id}/reopen",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(reopen),
        ),
        route(
            "POST",
            "/campaigns/{id}/bulk",
            Policy(Action::RecordPayments, T::Campaign),
            post(bulk),
        ),
        route(
            "GET",
            "/payments/{id}/receipt",
            Policy(Action::ViewMembers, T::Payment),
            get(receipt),
        ),
        route(
            "GET",
            "/api/v1/campaigns",
            Policy(Action::ViewCampaigns, T::None),
            get(api_list),
        ),
        route(
            "POST",
            "/api/v1/campaigns",
            Policy(Action::ManageCampaigns, T::None),
            post(api_create),
        ),
        route(
            "GET",
            "/api/v1/campaigns/{id}",
            Policy(Action::ViewCampaigns, T::Campaign),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(api_close),
        ),
        route(
            "POST",
            "/api/v1/campaigns/{id}/reopen",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(api_reopen),
        ),
        route(
            "GET",
            "/api/v1/payments/{id}",
            Policy(Action::ViewMembers, T::Payment),
            get(api_payment),
        ),
        route("GET", "/receipts/{token}", Public, get(public_receipt)),
    ]
}
