//! tanzim's domain: pure types and rules, no I/O.
//!
//! Every value that crosses a boundary is parsed into a type here (`parse`), and every
//! "may this user do this" question is answered by [`policy::decide`].

pub mod accounts;
pub mod arabic;
pub mod audit;
pub mod commune_names;
pub mod contacts;
pub mod dates;
pub mod diaspora;
pub mod discipline;
pub mod error;
pub mod gazetteer;
pub mod jobs;
pub mod mandates;
pub mod meetings;
pub mod meetings_fr;
pub mod members;
pub mod names;
pub mod org;
pub mod photos;
pub mod policy;
pub mod programmes;
pub mod programmes_press;
pub mod reports;
pub mod sex;
pub mod stats;
pub mod stored;
pub mod territory;
pub mod text;
pub mod throttle;

pub use error::{DomainError, Field};
