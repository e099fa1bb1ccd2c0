//! tanzim's web layer: server-rendered pages (Arabic first) and the JSON API under
//! `/api/v1`. Handlers are thin: parse into domain types, ask the policy, call the store.

pub mod access;
pub mod accounts;
pub mod api;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod bodies;
pub mod calendar;
pub mod campaigns;
pub mod discipline;
pub mod error;
pub mod home;
pub mod i18n;
pub mod imports;
pub mod limits;
pub mod meetings;
pub mod members;
pub mod reauth;
pub mod reviews;
pub mod routes;
pub mod session;
pub mod stats;
pub mod territory;
pub mod views;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use error::AppError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tanzim_domain::org::Profile;
use tanzim_domain::policy::{Action, Decision, scopes_for};
use tanzim_store::Db;
use tower_http::set_header::SetResponseHeaderLayer;

/// The largest form or JSON body accepted.
pub const MAX_FORM_BYTES: usize = 1024 * 1024;
/// The largest file an officer uploads (a roll of some 150,000 rows; bigger ones go through
/// `tanzim import members`).
pub const MAX_UPLOAD_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Mark cookies Secure even without `X-Forwarded-Proto: https` (behind a TLS proxy).
    pub secure_cookies: bool,
    /// The address the public reaches this server at (links and the QR codes of cards and
    /// receipts), e.g. `https://members.example.ma`; when absent, [`serve`] puts the address
    /// it listens on.
    pub public_url: Option<String>,
    /// Reverse proxies whose `X-Forwarded-For` is believed: the client's address is then the
    /// right-most one there that is not a proxy. Without any, the header is ignored.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl Config {
    /// What links are built on, without a trailing slash: the configured public address,
    /// never the request's Host header (which the client chooses, so a card's QR code could
    /// be made to point at another site).
    pub fn public_base(&self) -> &str {
        self.public_url
            .as_deref()
            .unwrap_or_default()
            .trim_end_matches('/')
    }
}

/// A public address as `TANZIM_PUBLIC_URL` takes it: http or https, a host, no query.
pub fn parse_public_url(s: &str) -> Result<String, String> {
    let url = url::Url::parse(s.trim()).map_err(|e| format!("{s:?}: {e}"))?;
    if !matches!(url.scheme(), "http" | "https")
        || url.host().is_none()
        || url.query().is_some()
        || url.fragment().is_some()
    {
        return Err(format!(
            "{s:?}: an http or https address without query, e.g. https://members.example.ma"
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub profile: Arc<Profile>,
    pub i18n: Arc<i18n::I18n>,
    pub config: Arc<Config>,
    /// Public application form: submissions per address.
    pub apply_limit: Arc<limits::RateLimiter>,
    /// Public card checks and application status checks: look-ups per address.
    pub lookup_limit: Arc<limits::RateLimiter>,
    /// Uploaded rolls between their preview and their confirmation.
    pub uploads: Arc<imports::Uploads>,
    /// Audit entries that stand alone (reads, sign-ins), written by group commit.
    pub audit: Arc<tanzim_store::audit::AuditWriter>,
}

impl AppState {
    /// What the commands work with.
    pub fn app(&self) -> tanzim_commands::App {
        tanzim_commands::App {
            db: self.db.clone(),
            profile: self.profile.clone(),
        }
    }

    pub fn new(db: Db, profile: Profile, config: Config) -> Result<AppState, i18n::I18nError> {
        Ok(AppState {
            audit: Arc::new(tanzim_store::audit::AuditWriter::start(db.clone())),
            db,
            profile: Arc::new(profile),
            i18n: Arc::new(i18n::I18n::load()?),
            config: Arc::new(config),
            apply_limit: Arc::new(limits::RateLimiter::new(5, Duration::from_secs(3600))),
            lookup_limit: Arc::new(limits::RateLimiter::new(30, Duration::from_secs(60))),
            uploads: Arc::new(imports::Uploads::default()),
        })
    }
}

/// Today in Morocco (UTC+1), as membership dates are counted.
pub fn today() -> chrono::NaiveDate {
    tanzim_commands::today()
}

/// A policy decision as the result a handler returns.
pub(crate) fn permit(decision: Decision) -> Result<(), AppError> {
    match decision {
        Decision::Allow => Ok(()),
        Decision::Forbidden => Err(AppError::Forbidden),
        Decision::NotFound => Err(AppError::NotFound),
    }
}

/// The scope filter for `action`, as SQL needs it.
pub(crate) fn scope_for(user: &auth::CurrentUser, action: Action) -> tanzim_store::ScopeFilter {
    tanzim_store::ScopeFilter::from_assignments(scopes_for(&user.principal, action))
}

/// Every form and JSON body goes through these two: text with a control character (a NUL,
/// a bare escape) is refused with a clear error, bidirectional overrides are dropped.
pub(crate) fn parse_form<T: DeserializeOwned>(body: &Bytes) -> Result<T, AppError> {
    let malformed = |_| AppError::BadRequest("malformed-input");
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).map_err(malformed)?;
    let mut cleaned = Vec::with_capacity(pairs.len());
    for (name, value) in pairs {
        let value = clean_text(&value)?;
        cleaned.push((name, value));
    }
    let text = serde_urlencoded::to_string(&cleaned)
        .map_err(|_| AppError::BadRequest("malformed-input"))?;
    serde_urlencoded::from_str(&text).map_err(malformed)
}

pub(crate) fn parse_json<T: DeserializeOwned>(body: &Bytes) -> Result<T, AppError> {
    let malformed = |_| AppError::BadRequest("malformed-input");
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(malformed)?;
    clean_json(&mut value)?;
    serde_json::from_value(value).map_err(malformed)
}

/// A text field as it may be stored (see `tanzim_domain::text`).
pub(crate) fn clean_text(value: &str) -> Result<String, AppError> {
    tanzim_domain::text::clean(value)
        .map(|v| v.into_owned())
        .ok_or(AppError::BadRequest("text-control-character"))
}

fn clean_json(value: &mut serde_json::Value) -> Result<(), AppError> {
    match value {
        serde_json::Value::String(s) => *s = clean_text(s)?,
        serde_json::Value::Array(items) => items.iter_mut().try_for_each(clean_json)?,
        serde_json::Value::Object(fields) => fields.values_mut().try_for_each(clean_json)?,
        _ => {}
    }
    Ok(())
}

/// Forms send an empty string for "none chosen"; JSON sends null or a number.
pub(crate) fn empty_as_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrText {
        Num(i64),
        Text(String),
    }
    match Option::<NumOrText>::deserialize(d)? {
        None => Ok(None),
        Some(NumOrText::Num(n)) => Ok(Some(n)),
        Some(NumOrText::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(NumOrText::Text(s)) => s.trim().parse().map(Some).map_err(serde::de::Error::custom),
    }
}

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
/// window (reads check expiry themselves; this keeps the tables small), and ends the
/// suspensions whose last day has passed.
async fn housekeeping(db: Db) {
    use tanzim_domain::accounts::{SESSION_IDLE_SECS, SESSION_MAX_SECS};
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
        if let Err(e) = sessions.and(failures) {
            tracing::warn!(error = %e, "housekeeping");
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
    let cleaner = tokio::spawn(housekeeping(state.db.clone()));
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    cleaner.abort();
    Ok(())
}
