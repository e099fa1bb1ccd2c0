//! tanzim's web layer: server-rendered pages (Arabic first) and the JSON API under
//! `/api/v1`. Handlers are adapters: parse the request, call one command (or a read), render.

pub mod access;
pub mod accounts;
pub mod api;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod bodies;
pub mod calendar;
pub mod campaigns;
pub mod committed;
pub mod contacts;
pub mod ctx;
pub mod discipline;
pub mod error;
pub mod home;
pub mod i18n;
pub mod idempotency;
pub mod imports;
pub mod input;
pub mod jobs;
pub mod limits;
pub mod meetings;
pub mod members;
mod places;
pub mod problems;
pub mod programmes;
pub mod reauth;
pub mod reports;
pub mod reviews;
pub mod routes;
pub mod routing;
pub mod session;
pub mod setup;
pub mod state;
pub mod stats;
pub mod territory;
pub mod territory_picker;
pub mod views;

pub use state::{AppState, Config, MAX_FORM_BYTES, MAX_UPLOAD_BYTES, parse_public_url, today};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use error::AppError;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tower_http::set_header::SetResponseHeaderLayer;

fn security_header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        HeaderName::from_static(name),
        HeaderValue::from_static(value),
    )
}

/// The whole application: every route of the table behind the context middleware and the
/// security headers.
pub fn app(state: AppState) -> Router {
    let mut router = Router::new();
    for route in routes::table() {
        let spec = route.spec;
        let enforce = axum::middleware::from_fn_with_state(
            state.clone(),
            move |state: State<AppState>, req: Request, next: Next| {
                access::enforce(state, spec, req, next)
            },
        );
        router = router.route(spec.path, route.handler.route_layer(enforce));
    }
    router
        .fallback(|| async { AppError::NotFound })
        .layer(axum::middleware::from_fn_with_state(state.clone(), idempotency::layer))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::context))
        // Extractors (multipart uploads) would otherwise stop at axum's default of 2 MB.
        .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_UPLOAD_BYTES))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(security_header(
            "content-security-policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'",
        ))
        .layer(security_header("x-content-type-options", "nosniff"))
        .layer(security_header("x-frame-options", "DENY"))
        .layer(security_header("referrer-policy", "no-referrer"))
        .layer(security_header("cross-origin-opener-policy", "same-origin"))
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// Every ten minutes: removes expired sessions and login failures past the throttling
/// window (reads check expiry themselves; this keeps the tables small), truncates
/// SQLite's WAL, removes the jobs' files downloaded or a day old, and ends the suspensions whose last day has passed.
async fn housekeeping(app: tanzim_commands::App, jobs_dir: std::path::PathBuf) {
    use tanzim_domain::accounts::{SESSION_IDLE_SECS, SESSION_MAX_SECS};
    let db = app.db.clone();
    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        let now = tanzim_store::now();
        let sessions = tanzim_store::accounts::purge_sessions(
            &db,
            now - SESSION_IDLE_SECS,
            now - SESSION_MAX_SECS,
        )
        .await;
        let failures = tanzim_store::accounts::purge_login_failures(
            &db,
            now - tanzim_domain::throttle::WINDOW_SECS,
        )
        .await;
        let keys = tanzim_store::idempotency::purge(&db, now - idempotency::KEPT_SECS).await;
        if let Err(e) = sessions.and(failures).and(keys.map(drop)) {
            tracing::warn!(error = %e, "housekeeping");
        }
        if let Err(e) = db.checkpoint().await {
            tracing::warn!(error = %e, "checkpoint");
        }
        if let Err(e) = tanzim_commands::jobs::remove_old_files(&app, &jobs_dir).await {
            tracing::warn!(error = %e, "removing the jobs' old files");
        }
        if let Err(e) = tanzim_commands::imports::remove_stale(&app).await {
            tracing::warn!(error = %e, "removing staged rolls");
        }
        // A suspension ends by itself on its date; the member is active again.
        match tanzim_store::members::end_suspensions(&db, today()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(members = n, "suspensions ended"),
            Err(e) => tracing::warn!(error = %e, "ending suspensions"),
        }
    }
}

/// Serves until the process is told to stop.
pub async fn serve(mut state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    if state.config.public_url.is_none() {
        let url = format!("http://{}", listener.local_addr()?);
        tracing::warn!(
            %url,
            "TANZIM_PUBLIC_URL is not set: links and QR codes use the listening address; set it to the address the public reaches"
        );
        let mut config = (*state.config).clone();
        config.public_url = Some(url);
        state.config = Arc::new(config);
    }
    if !state.config.trusted_proxies.is_empty() {
        tracing::info!(proxies = ?state.config.trusted_proxies, "X-Forwarded-For believed from");
    }
    let jobs_dir = state.config.jobs_dir();
    let cleaner = tokio::spawn(housekeeping(state.app(), jobs_dir.clone()));
    // Jobs a stop left running start again (an import and a close where they stopped);
    // the worker runs them two at a time.
    let app_state = state.app();
    if let Err(e) = tanzim_commands::jobs::resume(&app_state, &jobs_dir).await {
        tracing::error!(error = %e, "resuming jobs");
    }
    let worker = tokio::spawn(tanzim_commands::worker::worker(
        app_state,
        state.config.jobs_dir(),
    ));
    // A campaign close that a stop interrupted goes on where it stopped.
    let app_state = state.app();
    tokio::spawn(async move {
        if let Err(e) = tanzim_commands::campaigns::resume_closes(&app_state).await {
            tracing::error!(error = %e, "resuming campaign closes");
        }
    });
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stop_signal())
    .await?;
    cleaner.abort();
    worker.abort();
    Ok(())
}

/// Ctrl-C or SIGTERM (what a service manager sends): the server stops accepting and lets
/// the requests in progress finish (each is bounded by the request timeout).
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("stopping: finishing the requests in progress");
}
