//! Bodies at work: positions and their holders, meetings (agenda, attendance,
//! interventions, decisions), the minutes and their approval (which gives decisions
//! effect), press communiqués and the public news page with its Atom feed.

mod attendance;
mod committees;
mod communiques;
mod corrections;
mod coverage;
mod decisions;
mod holders;
mod invitations;
mod minutes;
mod news;
mod pages;
mod record;
mod request_rows;
pub mod requests;
mod shared;
mod steps;
mod upcoming;

pub use attendance::*;
pub use committees::*;
pub use communiques::*;
pub use corrections::*;
pub use coverage::*;
pub use decisions::*;
pub use holders::*;
pub use invitations::*;
pub use minutes::*;
pub use news::*;
pub use pages::*;
pub use record::*;
pub(crate) use request_rows::{RequestRow, awaiting_rows};
pub(crate) use shared::{communique_answer, kind_words};
pub(crate) use upcoming::*;

/// The meetings' routes and the access each requires: its modules' together;
/// `routes::table` joins them with the others.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    [
        attendance::routes(),
        committees::routes(),
        communiques::routes(),
        corrections::routes(),
        coverage::routes(),
        decisions::routes(),
        holders::routes(),
        invitations::routes(),
        minutes::routes(),
        news::routes(),
        pages::routes(),
        record::routes(),
        requests::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
