//! Members: the values a member record holds, their validation, the statuses a member
//! goes through and the transitions between them, dues and campaigns.

mod dues;
mod person;
mod status;

pub use crate::dates::parse_date;
pub use dues::*;
pub use person::*;
pub use status::*;

/// Whether a membership committee whose role covers `scope` is the competent one for an
/// application from `place`: the profile names the level (province by default) and the
/// committee's scope must be the application's territory at that level.
pub fn competent_committee(
    level: crate::org::CommitteeLevel,
    scope: &crate::territory::TerritoryPath,
    place: &crate::territory::TerritoryPath,
) -> bool {
    scope.depth() == level.depth() && scope.contains(place)
}

/// Consent kinds a member gives or withdraws.
pub const CONSENT_KINDS: [&str; 2] = ["contact", "public_lists"];

#[cfg(test)]
mod tests;
