//! The commands users give, one function each, between the adapters (the web's forms and
//! JSON, the command line) and the store. A command takes the acting principal and a
//! typed, already-parsed input; asks the policy; runs its checks and writes in one
//! transaction with their audit entries; and returns a typed result or an [`Error`]. The
//! adapters parse, call one command, and render its result: they never decide or write.
//!
//! A new capability gets a module here (its commands), one in the store (its SQL), its
//! rules in the domain, and a folder in the web crate (its pages and API).

pub mod access;
pub mod accounts;
pub mod activity_press;
pub mod applications;
pub mod bodies;
pub mod campaigns;
pub mod contacts;
pub mod discipline;
mod error;
pub mod exports;
pub mod import_mappings;
pub mod imports;
pub mod jobs;
pub mod mandates;
pub mod meetings;
pub mod member_lists;
pub mod members;
pub mod operations;
pub mod programmes;
pub mod progress;
pub mod reads;
pub mod reports;
pub mod reviews;
pub mod secrets;
pub mod sessions;
pub mod territories;
pub mod timetable;
pub mod timetable_feeds;
pub mod worker;

pub use access::Found;
pub use error::Error;

use std::sync::Arc;
use tanzim_domain::accounts::Principal;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::org::Profile;
use tanzim_domain::policy::{Action, Decision, Target, decide};
use tanzim_store::Db;
use tanzim_store::audit::{AuditEntry, AuditWriter};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What every command works with: the database and the organization's profile.
#[derive(Clone)]
pub struct App {
    pub db: Db,
    pub profile: Arc<Profile>,
    /// Audit entries that stand alone (a sign-in, a page read), committed in groups.
    pub audit: Arc<AuditWriter>,
}

impl App {
    /// The application on `db`, with its own audit writer.
    pub fn new(db: Db, profile: Profile) -> App {
        tanzim_store::territory::install(profile.diaspora.as_ref());
        App {
            audit: Arc::new(AuditWriter::start(db.clone())),
            db,
            profile: Arc::new(profile),
        }
    }
}

/// Who gives a command, and from where (the address goes to the audit log).
#[derive(Clone, Copy)]
pub struct Actor<'a> {
    who: Who<'a>,
    address: Option<&'a str>,
}

#[derive(Clone, Copy)]
enum Who<'a> {
    /// A signed-in user, judged by the policy.
    User(&'a Principal),
    /// The operator at the server's console (`tanzim user add`, `tanzim import`): whoever
    /// runs the binary holds the database already, so the policy does not judge them.
    Console,
}

impl<'a> Actor<'a> {
    pub fn user(principal: &'a Principal, address: &'a str) -> Actor<'a> {
        Actor {
            who: Who::User(principal),
            address: Some(address),
        }
    }

    pub fn console() -> Actor<'static> {
        Actor {
            who: Who::Console,
            address: Some("cli"),
        }
    }

    /// The principal, `None` for the console.
    pub fn principal(&self) -> Option<&'a Principal> {
        match self.who {
            Who::User(p) => Some(p),
            Who::Console => None,
        }
    }

    pub fn user_id(&self) -> Option<i64> {
        self.principal().map(|p| p.user_id)
    }

    /// The policy's decision on `action` (on `target`, or anywhere).
    pub fn decide(&self, action: Action, target: Option<&Target>) -> Decision {
        match self.who {
            Who::User(p) => decide(p, action, target),
            Who::Console => Decision::Allow,
        }
    }

    /// An audit entry for what this actor does.
    pub fn audit(&self, action: AuditAction) -> AuditEntry {
        match self.who {
            Who::User(p) => {
                AuditEntry::new(Some(p.user_id), p.username.as_str(), action, self.address)
            }
            Who::Console => AuditEntry::new(None, "cli", action, self.address),
        }
    }
}

/// Today in Morocco (UTC+1), as membership dates are counted.
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(1)).date_naive()
}

/// A decision as a result: 403 or 404 stop the command.
pub fn permit(decision: Decision) -> Result<()> {
    match decision {
        Decision::Allow => Ok(()),
        Decision::Forbidden => Err(Error::Forbidden),
        Decision::NotFound => Err(Error::NotFound),
    }
}
