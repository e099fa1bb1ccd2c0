//! The member registry: records, their history (status and branch over time, so that
//! "who was in good standing in this branch on date D" has an answer), and consents.
//!
//! `rows`, `keys` and `person` are leaves, `history` uses only `rows`; the others use
//! those and never each other.

mod changes;
mod consents;
mod history;
mod keys;
mod lapses;
mod person;
mod rows;
mod search;
mod write;

pub(crate) use changes::apply_change;
pub use changes::{Change, ContactUpdate, apply, update_contact};
pub use consents::{Consent, ConsentChange, consents, record_consent};
pub(crate) use history::close_period;
pub use history::{HistoryEntry, history, in_good_standing_on};
pub use keys::{backfill_search_keys, name_key, search_terms, skeleton_key};
pub(crate) use lapses::record_lapses;
pub use lapses::{end_suspensions, lapse_for_demo};
pub(crate) use person::{PERSON_COLUMNS, person_values};
pub use rows::{Member, by_card_token, by_cin, by_number, get, possible_duplicates};
pub use search::{MemberQuery, SEARCH_COUNT_CAP, count, list, list_after};
pub(crate) use write::insert_members;
pub use write::{NewMember, create};
