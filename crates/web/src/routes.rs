//! The route table: every route with the access it requires. The router is built from this
//! table and the authorization matrix test walks it, so a new route cannot be left out of
//! either.

use crate::{
    AppState, accounts, api, applications, audit, bodies, calendar, campaigns, discipline, home,
    imports, meetings, members, reauth, reviews, session, stats, territory,
};
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
            guard: Guard::Any,
        },
        handler,
    }
}

/// A route that only a browser session may use.
fn session_only(mut r: Route) -> Route {
    r.spec.guard = Guard::Session;
    r
}

/// A sensitive route: its handler calls `reauth::require_fresh_password`.
fn fresh_password(mut r: Route) -> Route {
    r.spec.guard = Guard::FreshPassword;
    r
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
        fresh_password(route(
            "POST",
            "/account/tokens",
            SignedIn,
            post(accounts::create_token),
        )),
        session_only(route(
            "GET",
            "/account/confirm",
            SignedIn,
            get(reauth::form),
        )),
        session_only(route(
            "POST",
            "/account/confirm",
            SignedIn,
            post(reauth::confirm),
        )),
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
        fresh_password(route(
            "POST",
            "/users",
            Policy(Action::ManageUsers, T::None),
            post(accounts::create),
        )),
        route(
            "GET",
            "/users/{id}",
            Policy(Action::ViewUsers, T::User),
            get(accounts::show),
        ),
        fresh_password(route(
            "POST",
            "/users/{id}/roles",
            Policy(Action::ManageUsers, T::User),
            post(accounts::grant),
        )),
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
        fresh_password(route(
            "POST",
            "/api/v1/users",
            Policy(Action::ManageUsers, T::None),
            post(accounts::api_create),
        )),
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
        route("GET", "/apply", Public, get(applications::public_form)),
        route("POST", "/apply", Public, post(applications::submit_public)),
        route(
            "GET",
            "/apply/communes",
            Public,
            get(applications::commune_options),
        ),
        route(
            "GET",
            "/apply/status",
            Public,
            get(applications::public_status),
        ),
        route("GET", "/v/{token}", Public, get(members::verify)),
        route(
            "GET",
            "/members",
            Policy(Action::ViewMembers, T::None),
            get(members::index),
        ),
        fresh_password(route(
            "GET",
            "/members/export.csv",
            Policy(Action::ViewMembers, T::None),
            get(members::export_csv),
        )),
        route("GET", "/news", Public, get(meetings::news)),
        route("GET", "/calendar", SignedIn, get(calendar::calendar)),
        fresh_password(route(
            "POST",
            "/calendar/link",
            SignedIn,
            post(calendar::calendar_link),
        )),
        route(
            "GET",
            "/calendar/feed/{token}",
            Public,
            get(calendar::calendar_feed),
        ),
        route(
            "GET",
            "/calendar/bodies/feed/{token}",
            Public,
            get(calendar::body_calendar_feed),
        ),
        fresh_password(route(
            "POST",
            "/bodies/{id}/calendar/link",
            Policy(Action::ViewMeetings, T::Body),
            post(calendar::body_calendar_link),
        )),
        route(
            "POST",
            "/api/v1/bodies/{id}/committees",
            Policy(Action::ManageMeetings, T::Body),
            post(meetings::api_set_committee),
        ),
        route(
            "POST",
            "/bodies/{id}/committees",
            Policy(Action::ManageMeetings, T::Body),
            post(meetings::committee_form),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/programmes",
            Policy(Action::ViewMeetings, T::Body),
            get(meetings::api_programmes),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/invitations",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::api_invitations),
        ),
        route(
            "PATCH",
            "/api/v1/meetings/{id}",
            Policy(Action::ManageMeetings, T::Meeting),
            axum::routing::patch(meetings::api_update),
        ),
        route(
            "POST",
            "/meetings/{id}/edit",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::update_form),
        ),
        route(
            "GET",
            "/meetings/{id}/minutes.pdf",
            Policy(Action::ViewMeetings, T::Meeting),
            get(meetings::minutes_pdf),
        ),
        route(
            "POST",
            "/meetings/{id}/invitations",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::invitations_form),
        ),
        route("GET", "/news.atom", Public, get(meetings::feed)),
        route("GET", "/news/{id}", Public, get(meetings::news_item_page)),
        route(
            "GET",
            "/meetings/{id}",
            Policy(Action::ViewMeetings, T::Meeting),
            get(meetings::show),
        ),
        route(
            "GET",
            "/bodies/coverage",
            Policy(Action::ViewBodies, T::None),
            get(meetings::coverage_page),
        ),
        route(
            "GET",
            "/api/v1/bodies/coverage",
            Policy(Action::ViewBodies, T::None),
            get(meetings::api_coverage),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/founding",
            Policy(Action::ManageBody, T::Body),
            post(meetings::api_founding),
        ),
        route(
            "GET",
            "/bodies/{id}/meetings",
            Policy(Action::ViewMeetings, T::Body),
            get(meetings::body_page),
        ),
        route(
            "POST",
            "/bodies/{id}/meetings",
            Policy(Action::ManageMeetings, T::Body),
            post(meetings::create_form),
        ),
        route(
            "POST",
            "/bodies/{id}/positions",
            Policy(Action::ManageMeetings, T::Body),
            post(meetings::holder_form),
        ),
        route(
            "POST",
            "/meetings/{id}/attendance",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::attendance_form),
        ),
        route(
            "POST",
            "/meetings/{id}/interventions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::intervention_form),
        ),
        route(
            "POST",
            "/meetings/{id}/decisions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::decision_form),
        ),
        route(
            "POST",
            "/meetings/{id}/amendments",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::amend_form),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/amendments",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::api_amend),
        ),
        route(
            "POST",
            "/meetings/{id}/minutes/save",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::save_minutes_form),
        ),
        route(
            "POST",
            "/meetings/{id}/minutes",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::minutes_form),
        ),
        route(
            "POST",
            "/meetings/{id}/approve",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::approve_form),
        ),
        route(
            "POST",
            "/meetings/{id}/communique",
            Policy(Action::PublishCommuniques, T::Meeting),
            post(meetings::communique_form),
        ),
        route(
            "POST",
            "/communiques/{id}/publish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(meetings::publish),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/positions",
            Policy(Action::ViewMeetings, T::Body),
            get(meetings::api_positions),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/positions",
            Policy(Action::ManageMeetings, T::Body),
            post(meetings::api_add_holder),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/meetings",
            Policy(Action::ManageMeetings, T::Body),
            post(meetings::api_create),
        ),
        route(
            "GET",
            "/api/v1/meetings/{id}",
            Policy(Action::ViewMeetings, T::Meeting),
            get(meetings::api_get),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/attendance",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::api_attendance),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/interventions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::api_intervention),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/decisions",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::api_decision),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/minutes",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::api_draft_minutes),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/minutes/approve",
            Policy(Action::ManageMeetings, T::Meeting),
            post(meetings::api_approve),
        ),
        route(
            "POST",
            "/api/v1/meetings/{id}/communiques",
            Policy(Action::PublishCommuniques, T::Meeting),
            post(meetings::api_draft_communique),
        ),
        route(
            "PATCH",
            "/api/v1/communiques/{id}",
            Policy(Action::PublishCommuniques, T::Communique),
            axum::routing::patch(meetings::api_edit_communique),
        ),
        route(
            "POST",
            "/api/v1/communiques/{id}/publish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(meetings::api_publish),
        ),
        route(
            "POST",
            "/api/v1/communiques/{id}/unpublish",
            Policy(Action::PublishCommuniques, T::Communique),
            post(meetings::api_unpublish),
        ),
        route(
            "GET",
            "/members/reviews",
            Policy(Action::ManageMembers, T::None),
            get(reviews::index),
        ),
        route(
            "POST",
            "/members/reviews/{id}/same",
            Policy(Action::ManageMembers, T::Review),
            post(reviews::same),
        ),
        route(
            "POST",
            "/members/reviews/{id}/distinct",
            Policy(Action::ManageMembers, T::Review),
            post(reviews::distinct),
        ),
        fresh_password(route(
            "GET",
            "/members/export.xlsx",
            Policy(Action::ViewMembers, T::None),
            get(members::export_xlsx),
        )),
        route(
            "GET",
            "/members/{id}",
            Policy(Action::ViewMembers, T::Member),
            get(members::show),
        ),
        route(
            "GET",
            "/members/{id}/card",
            Policy(Action::ViewMembers, T::Member),
            get(members::card),
        ),
        route(
            "POST",
            "/members/{id}/status",
            Policy(Action::ManageMembers, T::Member),
            post(members::status),
        ),
        route(
            "POST",
            "/members/{id}/transfer",
            Policy(Action::ManageMembers, T::Member),
            post(members::transfer),
        ),
        route(
            "POST",
            "/members/{id}/consent",
            Policy(Action::ManageMembers, T::Member),
            post(members::consent),
        ),
        route(
            "POST",
            "/members/{id}/contact",
            Policy(Action::ManageMembers, T::Member),
            post(members::contact),
        ),
        route(
            "POST",
            "/members/{id}/renew",
            Policy(Action::RecordPayments, T::Member),
            post(members::renew_form),
        ),
        route(
            "GET",
            "/applications",
            Policy(Action::ViewApplications, T::None),
            get(applications::queue),
        ),
        route(
            "GET",
            "/applications/new",
            Policy(Action::EnterApplication, T::None),
            get(applications::new_form),
        ),
        route(
            "POST",
            "/applications",
            Policy(Action::EnterApplication, T::None),
            post(applications::create),
        ),
        route(
            "GET",
            "/applications/{id}",
            Policy(Action::ViewApplications, T::Application),
            get(applications::show),
        ),
        route(
            "POST",
            "/applications/{id}/accept",
            Policy(Action::DecideApplications, T::Application),
            post(applications::accept),
        ),
        route(
            "POST",
            "/applications/{id}/reject",
            Policy(Action::DecideApplications, T::Application),
            post(applications::reject),
        ),
        route(
            "GET",
            "/campaigns",
            Policy(Action::ViewCampaigns, T::None),
            get(campaigns::index),
        ),
        route(
            "GET",
            "/campaigns/new",
            Policy(Action::ManageCampaigns, T::None),
            get(campaigns::new_form),
        ),
        route(
            "POST",
            "/campaigns",
            Policy(Action::ManageCampaigns, T::None),
            post(campaigns::create),
        ),
        route(
            "GET",
            "/campaigns/{id}",
            Policy(Action::ViewCampaigns, T::Campaign),
            get(campaigns::show),
        ),
        route(
            "GET",
            "/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            get(campaigns::confirm_close),
        ),
        route(
            "POST",
            "/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(campaigns::close),
        ),
        route(
            "POST",
            "/campaigns/{id}/reopen",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(campaigns::reopen),
        ),
        route(
            "POST",
            "/campaigns/{id}/bulk",
            Policy(Action::RecordPayments, T::Campaign),
            post(campaigns::bulk),
        ),
        route(
            "GET",
            "/payments/{id}/receipt",
            Policy(Action::ViewMembers, T::Payment),
            get(campaigns::receipt),
        ),
        route(
            "GET",
            "/api/v1/members",
            Policy(Action::ViewMembers, T::None),
            get(members::api_list),
        ),
        route(
            "POST",
            "/api/v1/members",
            Policy(Action::ManageMembers, T::None),
            post(members::api_create),
        ),
        route(
            "GET",
            "/api/v1/members/{id}",
            Policy(Action::ViewMembers, T::Member),
            get(members::api_get),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/status",
            Policy(Action::ManageMembers, T::Member),
            post(members::api_status),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/transfer",
            Policy(Action::ManageMembers, T::Member),
            post(members::api_transfer),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/consents",
            Policy(Action::ManageMembers, T::Member),
            post(members::api_consent),
        ),
        route(
            "POST",
            "/api/v1/members/{id}/payments",
            Policy(Action::RecordPayments, T::Member),
            post(members::api_renew),
        ),
        route(
            "GET",
            "/api/v1/applications",
            Policy(Action::ViewApplications, T::None),
            get(applications::api_list),
        ),
        route(
            "POST",
            "/api/v1/applications",
            Policy(Action::EnterApplication, T::None),
            post(applications::api_create),
        ),
        route(
            "GET",
            "/api/v1/applications/{id}",
            Policy(Action::ViewApplications, T::Application),
            get(applications::api_get),
        ),
        route(
            "POST",
            "/api/v1/applications/{id}/accept",
            Policy(Action::DecideApplications, T::Application),
            post(applications::api_accept),
        ),
        route(
            "POST",
            "/api/v1/applications/{id}/reject",
            Policy(Action::DecideApplications, T::Application),
            post(applications::api_reject),
        ),
        route(
            "GET",
            "/api/v1/campaigns",
            Policy(Action::ViewCampaigns, T::None),
            get(campaigns::api_list),
        ),
        route(
            "POST",
            "/api/v1/campaigns",
            Policy(Action::ManageCampaigns, T::None),
            post(campaigns::api_create),
        ),
        route(
            "GET",
            "/api/v1/campaigns/{id}",
            Policy(Action::ViewCampaigns, T::Campaign),
            get(campaigns::api_get),
        ),
        route(
            "POST",
            "/api/v1/campaigns/{id}/close",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(campaigns::api_close),
        ),
        route(
            "POST",
            "/api/v1/campaigns/{id}/reopen",
            Policy(Action::ManageCampaigns, T::Campaign),
            post(campaigns::api_reopen),
        ),
        route(
            "GET",
            "/api/v1/payments/{id}",
            Policy(Action::ViewMembers, T::Payment),
            get(campaigns::api_payment),
        ),
        route(
            "GET",
            "/stats",
            Policy(Action::ViewStats, T::None),
            get(stats::page),
        ),
        route(
            "GET",
            "/api/v1/stats/members",
            Policy(Action::ViewStats, T::None),
            get(stats::api),
        ),
        route(
            "GET",
            "/members/import",
            Policy(Action::ManageMembers, T::None),
            get(imports::form),
        ),
        route(
            "POST",
            "/members/import",
            Policy(Action::ManageMembers, T::None),
            post(imports::upload),
        ),
        route(
            "POST",
            "/members/import/{id}/confirm",
            Policy(Action::ManageMembers, T::None),
            post(imports::confirm),
        ),
        route(
            "GET",
            "/members/import/{id}/rejected",
            Policy(Action::ManageMembers, T::None),
            get(imports::rejected),
        ),
        route(
            "GET",
            "/receipts/{token}",
            Public,
            get(campaigns::public_receipt),
        ),
        route(
            "GET",
            "/cases",
            Policy(Action::ViewCases, T::None),
            get(discipline::index),
        ),
        route(
            "GET",
            "/bodies/{id}/cases",
            Policy(Action::ViewCases, T::Body),
            get(discipline::body_page),
        ),
        route(
            "POST",
            "/bodies/{id}/cases",
            Policy(Action::ManageCases, T::Body),
            post(discipline::open_form),
        ),
        route(
            "GET",
            "/cases/{id}",
            Policy(Action::ViewCases, T::Case),
            get(discipline::show),
        ),
        route(
            "POST",
            "/cases/{id}/hearings",
            Policy(Action::ManageCases, T::Case),
            post(discipline::hearing_form),
        ),
        route(
            "POST",
            "/cases/{id}/documents",
            Policy(Action::ManageCases, T::Case),
            post(discipline::document_form),
        ),
        route(
            "GET",
            "/cases/{id}/documents/{document_id}",
            Policy(Action::ViewCases, T::Case),
            get(discipline::download_page),
        ),
        route(
            "POST",
            "/cases/{id}/decision",
            Policy(Action::ManageCases, T::Case),
            post(discipline::decision_form),
        ),
        route(
            "GET",
            "/api/v1/cases",
            Policy(Action::ViewCases, T::None),
            get(discipline::api_list),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/cases",
            Policy(Action::ViewCases, T::Body),
            get(discipline::api_body_list),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/cases",
            Policy(Action::ManageCases, T::Body),
            post(discipline::api_open),
        ),
        route(
            "GET",
            "/api/v1/cases/{id}",
            Policy(Action::ViewCases, T::Case),
            get(discipline::api_get),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/hearings",
            Policy(Action::ManageCases, T::Case),
            post(discipline::api_hearing),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/documents",
            Policy(Action::ManageCases, T::Case),
            post(discipline::api_document),
        ),
        route(
            "GET",
            "/api/v1/cases/{id}/documents/{document_id}",
            Policy(Action::ViewCases, T::Case),
            get(discipline::api_download),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/decision",
            Policy(Action::ManageCases, T::Case),
            post(discipline::api_decide),
        ),
    ]
}
