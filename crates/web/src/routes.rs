//! The route table: every route with the access it requires. Each module declares its own
//! routes (`fn routes()` at its end) and the table is their concatenation; the router is
//! built from it and the authorization matrix test walks it, so a new route cannot be left
//! out of either.

use crate::{
    accounts, api, applications, audit, bodies, calendar, campaigns, contacts, discipline, home,
    imports, jobs, meetings, members, programmes, reauth, reports, reviews, session, setup, stats,
    territory, territory_picker,
};

pub use crate::routing::{Access, Guard, Route, RouteSpec, TargetKind};

pub fn table() -> Vec<Route> {
    [
        api::routes(),
        session::routes(),
        home::routes(),
        accounts::routes(),
        reauth::routes(),
        territory::routes(),
        territory_picker::routes(),
        bodies::routes(),
        setup::routes(),
        audit::routes(),
        applications::routes(),
        members::routes(),
        meetings::routes(),
        programmes::routes(),
        reports::routes(),
        calendar::routes(),
        reviews::routes(),
        campaigns::routes(),
        stats::routes(),
        imports::routes(),
        discipline::routes(),
        jobs::routes(),
        contacts::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
