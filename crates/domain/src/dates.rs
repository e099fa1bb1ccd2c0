//! Dates as officers write them.

use crate::{DomainError, Field};
use chrono::{Datelike, NaiveDate};

/// A date typed as `YYYY-MM-DD` (what date inputs send) or `DD/MM/YYYY` (what people type).
/// A date as officers write it (YYYY-MM-DD or DD/MM/YYYY), in years a membership record can
/// hold: 0001-01-01 or year -44 is a typing slip, and negative years sort wrongly as text.
pub fn parse_date(input: &str, field: Field) -> Result<NaiveDate, DomainError> {
    let s = input.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
        .filter(|d| (1900..=2100).contains(&d.year()))
        .ok_or(DomainError::new(field, "date-invalid"))
}
