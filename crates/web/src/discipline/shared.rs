//! Small readings every part of the cases needs: who may act on a case, dates and checkboxes as forms send them.

use crate::ctx::{Ctx, CurrentUser};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};
use tanzim_domain::members::parse_date;
use tanzim_domain::policy::Action;
use tanzim_domain::{DomainError, Field};
use tanzim_store::discipline::Case;

pub(super) fn allowed(user: &CurrentUser, action: Action, c: &Case) -> bool {
    user.may(action, Some(&c.target()))
}

/// A form's optional date.
pub(super) fn optional_day(input: Option<&str>) -> Result<Option<NaiveDate>, DomainError> {
    input
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|d| parse_date(d, Field::Date))
        .transpose()
}

/// A date as stored (YYYY-MM-DD) as Moroccans write it.
pub(super) fn shown(ctx: &Ctx, day: &chrono::NaiveDate) -> String {
    ctx.tr.day(*day)
}

/// `confirm` as pages (`yes`) and the API (`true`, or the string) send it.
pub(super) fn yes<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum BoolOrText {
        Bool(bool),
        Text(String),
    }
    Ok(match Option::<BoolOrText>::deserialize(d)? {
        Some(BoolOrText::Bool(b)) => b,
        Some(BoolOrText::Text(s)) => matches!(s.trim(), "yes" | "true"),
        None => false,
    })
}

// ---- opening a case ----
