//! Periodic reports sent up the hierarchy: a body's reports (filed, received, and its
//! children late with theirs), a report's page with its figures, narrative, course and
//! PDF, the hearing of a report at a meeting, and the API. The home page's part is
//! `due_rows`.

mod api;
mod pages;
mod shared;

pub use api::*;
pub use pages::*;
pub(crate) use shared::{DueRow, HeardRow, due_rows, heard_rows};

/// The reports' routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    [pages::routes(), api::routes()]
        .into_iter()
        .flatten()
        .collect()
}
