//! What every handler shares: the database, the profile, the translations, the limits and
//! the configuration.

use crate::i18n;
use crate::imports::staged::Uploads;
use crate::limits;
use std::sync::Arc;
use std::time::Duration;
use tanzim_domain::org::Profile;
use tanzim_store::Db;

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
    /// Where jobs leave their files (exports) until they are downloaded or a day old; a
    /// `tanzim-jobs` directory in the system's temporary one when absent.
    pub jobs_dir: Option<std::path::PathBuf>,
}

impl Config {
    pub fn jobs_dir(&self) -> std::path::PathBuf {
        self.jobs_dir
            .clone()
            .unwrap_or_else(|| std::env::temp_dir().join("tanzim-jobs"))
    }

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
    pub uploads: Arc<Uploads>,
    /// Audit entries that stand alone (reads, sign-ins), written by group commit.
    pub audit: Arc<tanzim_store::audit::AuditWriter>,
}

impl AppState {
    /// What the commands work with.
    pub fn app(&self) -> tanzim_commands::App {
        tanzim_commands::App {
            db: self.db.clone(),
            profile: self.profile.clone(),
            audit: self.audit.clone(),
        }
    }

    pub fn new(db: Db, profile: Profile, config: Config) -> Result<AppState, i18n::I18nError> {
        tanzim_store::territory::install(profile.diaspora.as_ref());
        Ok(AppState {
            audit: Arc::new(tanzim_store::audit::AuditWriter::start(db.clone())),
            db,
            profile: Arc::new(profile),
            i18n: Arc::new(i18n::I18n::load()?),
            config: Arc::new(config),
            apply_limit: Arc::new(limits::RateLimiter::new(5, Duration::from_secs(3600))),
            lookup_limit: Arc::new(limits::RateLimiter::new(30, Duration::from_secs(60))),
            uploads: Arc::new(Uploads::default()),
        })
    }
}

/// Today in Morocco (UTC+1), as membership dates are counted.
pub fn today() -> chrono::NaiveDate {
    tanzim_commands::today()
}
