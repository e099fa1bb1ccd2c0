//! The API's own routes: liveness/readiness, the OpenAPI document (generated from the code,
//! so it cannot drift) and the vendored front-end files.

use crate::error::AppError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

pub use crate::problems::ApiError;

/// Liveness and readiness: 200 when the database takes a write (rolled back) within two
/// seconds, 503 when it does not (unreachable, locked, or refusing writes).
pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping(std::time::Duration::from_secs(2)).await {
        Ok(()) => Json(serde_json::json!({ "status": "ok", "database": state.db.engine() }))
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable" })),
            )
                .into_response()
        }
    }
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        // The crate declares no licence; say nothing rather than an empty one.
        openapi.info.license = None;
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "tanzim", description = "The organization of a party: territories, bodies, accounts, audit. \
        Authenticate with `Authorization: Bearer <token>` (`tanzim token create`). Errors are \
        `{\"error\": code, \"message\": localized, \"field\": name}`; out-of-scope records answer 404. A state-changing request may carry an `Idempotency-Key` header (1 to 200 visible characters, kept a day per user): a retry with the same key gets the first answer again, with `Idempotent-Replayed: true`. A write that is made answers its success status even when the record cannot be read back just after it: then with `Written` (`{\"id\": id, \"read_back\": false}`) instead of the record, and a `Location` to read it at when it has one."),
    paths(
        crate::territory::api_list, crate::territory::api_get,
        crate::bodies::api_list, crate::bodies::api_create, crate::bodies::api_get, crate::bodies::api_rename, crate::bodies::api_dissolve, crate::setup::api_set_up,
        crate::accounts::api_me, crate::accounts::api_list, crate::accounts::api_get, crate::accounts::api_create,
        crate::audit::api_list,
        crate::members::api_list, crate::members::api_create, crate::members::api_get, crate::members::api_status,
        crate::members::api_transfer, crate::members::api_consent, crate::members::api_renew,
        crate::applications::api_list, crate::applications::api_create, crate::applications::api_get,
        crate::applications::api_accept, crate::applications::api_reject,
        crate::campaigns::api_list, crate::campaigns::api_create, crate::campaigns::api_get, crate::campaigns::api_close,
        crate::campaigns::api_reopen, crate::campaigns::api_payment, crate::stats::api,
        crate::meetings::api_add_holder, crate::meetings::api_positions, crate::meetings::api_create, crate::meetings::api_get,
        crate::meetings::api_attendance, crate::meetings::api_intervention, crate::meetings::api_decision,
        crate::meetings::api_correct_intervention, crate::meetings::api_remove_intervention,
        crate::meetings::api_correct_decision, crate::meetings::api_remove_decision,
        crate::meetings::api_draft_minutes, crate::meetings::api_approve, crate::meetings::api_draft_communique,
        crate::meetings::api_edit_communique, crate::meetings::api_publish, crate::meetings::api_unpublish,
        crate::meetings::api_founding, crate::meetings::api_coverage, crate::meetings::api_amend,
        crate::meetings::api_programmes, crate::meetings::api_invitations, crate::meetings::api_set_committee, crate::meetings::api_update,
        crate::meetings::requests::api_raise, crate::meetings::requests::api_get, crate::meetings::requests::api_correct,
        crate::meetings::requests::api_remove, crate::meetings::requests::api_answer, crate::meetings::requests::api_addressed,
        crate::meetings::requests::api_awaiting,
        crate::programmes::api::api_draft, crate::programmes::api::api_get, crate::programmes::api::api_add,
        crate::programmes::api::api_activity, crate::programmes::api::api_amend, crate::programmes::api::api_remove,
        crate::programmes::api::api_postpone, crate::programmes::api::api_cancel, crate::programmes::api::api_held,
        crate::programmes::api::api_fold, crate::programmes::api::api_ask_move,
        crate::members::api_mandates, crate::members::api_record, crate::members::api_end,
        crate::programmes::timetable::api_timetable, crate::programmes::feed::api_issue, crate::programmes::feed::api_revoke,
        crate::programmes::press::api_add_photo, crate::programmes::press::api_draft_communique,
        crate::reports::api_body_reports, crate::reports::api_draft, crate::reports::api_due, crate::reports::api_get,
        crate::reports::api_edit, crate::reports::api_submit, crate::reports::api_acknowledge, crate::reports::api_return,
        crate::reports::api_heard, crate::reports::api_hear,
        crate::discipline::api_list, crate::discipline::api_body_list, crate::discipline::api_open,
        crate::discipline::api_get, crate::discipline::api_hearing, crate::discipline::api_document,
        crate::discipline::api_download, crate::discipline::api_decide,
        crate::jobs::api_list, crate::jobs::api_get, crate::jobs::api_cancel,
        crate::contacts::api_list, crate::contacts::api_create, crate::contacts::api_get,
        crate::contacts::api_convert, crate::contacts::api_erase,
    ),
    components(schemas(ApiError, crate::committed::Written)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// The OpenAPI 3 document, as served and as committed in `docs/openapi.json`.
pub fn openapi_document() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

pub async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        openapi_document(),
    )
        .into_response()
}

/// Vendored and own front-end files, compiled in.
pub async fn asset(Path(file): Path<String>) -> Result<Response, AppError> {
    let (body, kind): (&'static [u8], &str) = match file.as_str() {
        "tanzim.css" => (
            include_bytes!("../../../assets/tanzim.css"),
            "text/css; charset=utf-8",
        ),
        "htmx-2.0.4.min.js" => (
            include_bytes!("../../../assets/htmx-2.0.4.min.js"),
            "text/javascript; charset=utf-8",
        ),
        "territory-picker.js" => (
            include_bytes!("../../../assets/territory-picker.js"),
            "text/javascript; charset=utf-8",
        ),
        "meeting-steps.js" => (
            include_bytes!("../../../assets/meeting-steps.js"),
            "text/javascript; charset=utf-8",
        ),
        "noto-sans-arabic-wght.woff2" => (
            include_bytes!("../../../assets/fonts/noto-sans-arabic-wght.woff2"),
            "font/woff2",
        ),
        _ => return Err(AppError::NotFound),
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response())
}

/// The party's emblem from the profile, as an image: an SVG shown through `<img>` runs no
/// script, and the policy below forbids any even if opened directly.
pub async fn logo(State(state): State<AppState>) -> Result<Response, AppError> {
    let svg = state
        .profile
        .identity
        .logo_svg
        .clone()
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            ),
        ],
        svg,
    )
        .into_response())
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, route};
    use axum::routing::get;
    vec![
        route("GET", "/healthz", Public, get(healthz)),
        route("GET", "/assets/{file}", Public, get(asset)),
        route("GET", "/logo.svg", Public, get(logo)),
        route("GET", "/api/v1/openapi.json", Public, get(openapi_json)),
    ]
}
