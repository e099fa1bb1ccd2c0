//! Members: the registry list (filters, as-of-date view and export), a member's page
//! (details, history, consents, renewals, status changes, transfer), the card and its
//! public check, and the members API.

mod api;
mod card;
mod changes;
mod list;
mod mandates;
mod page;
mod shared;

pub use api::*;
pub use card::*;
pub use changes::*;
pub use list::*;
pub use mandates::*;
pub use page::*;

/// The members' routes: each file's, joined.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    [
        list::routes(),
        page::routes(),
        changes::routes(),
        card::routes(),
        api::routes(),
        mandates::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
