//! Where a member stands, what happens to them, and which changes the rules allow.

use crate::org::MembershipModel;
use crate::stored::{UnknownStored, decode};
use crate::{DomainError, Field};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a member stands. History keeps every change with its reason and decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Paid up for the current year (or, in the until-resignation model, simply a member).
    Active,
    /// The year ended without a renewal.
    Lapsed,
    /// Suspended by the ethics committee until a date.
    Suspended,
    /// Expelled by the ethics committee.
    Expelled,
    Resigned,
    Deceased,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Active,
        Status::Lapsed,
        Status::Suspended,
        Status::Expelled,
        Status::Resigned,
        Status::Deceased,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Lapsed => "lapsed",
            Status::Suspended => "suspended",
            Status::Expelled => "expelled",
            Status::Resigned => "resigned",
            Status::Deceased => "deceased",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// In good standing: may vote, be a candidate or a delegate.
    pub fn in_good_standing(self) -> bool {
        self == Status::Active
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for Status {
    type Error = UnknownStored;
    fn try_from(value: String) -> Result<Status, UnknownStored> {
        decode("member status", value, Status::parse)
    }
}

/// What happens to a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Dues paid for a campaign year.
    Renew,
    /// A campaign closed without the member's renewal (yearly model only).
    Lapse,
    /// Ethics committee decision: suspended until a date.
    Suspend,
    /// The suspension ended or was lifted.
    Reinstate,
    /// Ethics committee decision.
    Expel,
    Resign,
    Decease,
    /// A former member (resigned or lapsed) taken back by a decision.
    Readmit,
}

impl Event {
    pub const ALL: [Event; 8] = [
        Event::Renew,
        Event::Lapse,
        Event::Suspend,
        Event::Reinstate,
        Event::Expel,
        Event::Resign,
        Event::Decease,
        Event::Readmit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::Renew => "renew",
            Event::Lapse => "lapse",
            Event::Suspend => "suspend",
            Event::Reinstate => "reinstate",
            Event::Expel => "expel",
            Event::Resign => "resign",
            Event::Decease => "decease",
            Event::Readmit => "readmit",
        }
    }
    pub fn parse(s: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// Events an officer records by hand (the others come from campaigns and payments).
    pub const MANUAL: [Event; 6] = [
        Event::Suspend,
        Event::Reinstate,
        Event::Expel,
        Event::Resign,
        Event::Decease,
        Event::Readmit,
    ];
    /// Whether the change needs a decision reference (of the ethics committee or a body).
    pub fn needs_decision(self) -> bool {
        matches!(self, Event::Suspend | Event::Expel | Event::Readmit)
    }
}

/// The status after `event`, or why the event cannot happen to a member in `from`.
pub fn transition(
    from: Status,
    event: Event,
    model: MembershipModel,
) -> Result<Status, DomainError> {
    use Event as E;
    use Status as S;
    let to = match (from, event) {
        (S::Active, E::Renew) | (S::Lapsed, E::Renew) => S::Active,
        (S::Active, E::Lapse) if model == MembershipModel::YearlyRenewal => S::Lapsed,
        // Only an active member is suspended: reinstating returns to active.
        (S::Active, E::Suspend) => S::Suspended,
        (S::Suspended, E::Reinstate) => S::Active,
        (S::Active | S::Lapsed | S::Suspended, E::Expel) => S::Expelled,
        (S::Active | S::Lapsed | S::Suspended, E::Resign) => S::Resigned,
        (S::Active | S::Lapsed | S::Suspended | S::Resigned | S::Expelled, E::Decease) => {
            S::Deceased
        }
        (S::Resigned | S::Lapsed | S::Expelled, E::Readmit) => S::Active,
        _ => return Err(DomainError::new(Field::Status, "transition-not-allowed")),
    };
    Ok(to)
}

/// The day a change takes effect must fall in the member's current period (not before it
/// began, or the history would overlap) and not in the future.
pub fn check_effective_date(
    on: NaiveDate,
    period_start: NaiveDate,
    today: NaiveDate,
) -> Result<(), DomainError> {
    if on > today {
        Err(DomainError::new(Field::Date, "date-in-future"))
    } else if on < period_start {
        Err(DomainError::new(Field::Date, "date-before-current-period"))
    } else {
        Ok(())
    }
}

/// A reason for a status change: required, at most 500 characters.
pub fn parse_reason(input: &str) -> Result<String, DomainError> {
    let s = input.trim();
    if s.is_empty() {
        Err(DomainError::new(Field::Reason, "reason-required"))
    } else if s.chars().count() > 500 {
        Err(DomainError::new(Field::Reason, "text-too-long"))
    } else {
        Ok(s.to_owned())
    }
}

crate::stored_enum! {
    /// Where an application to join stands.
    pub enum ApplicationStatus as "application status" {
        Pending = "pending",
        Accepted = "accepted",
        Rejected = "rejected",
    }
}
