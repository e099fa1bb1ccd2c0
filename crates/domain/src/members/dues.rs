//! Dues, payments and renewal campaigns.

use crate::dates::parse_date;
use crate::{DomainError, Field};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A membership number: the province's five digits and a sequence within it, never reused
/// (`05091-000123`). A transfer keeps the number.
pub fn membership_number(province_code: &str, sequence: i64) -> String {
    let digits: String = province_code.chars().filter(char::is_ascii_digit).collect();
    format!("{digits}-{sequence:06}")
}

/// An amount of dirhams typed as `150`, `150.5`, `150,50`: returned in centimes.
pub fn parse_amount(input: &str) -> Result<i64, DomainError> {
    let bad = || DomainError::new(Field::Amount, "amount-invalid");
    let s = input.trim().replace(',', ".");
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().map_err(|_| bad())?
    };
    let total = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or_else(bad)?;
    if total > 100_000_000 {
        Err(bad())
    } else {
        Ok(total)
    }
}

/// Centimes as dirhams with two decimals ("150.00").
pub fn format_amount(centimes: i64) -> String {
    format!("{}.{:02}", centimes / 100, centimes % 100)
}

pub const PAYMENT_METHODS: [&str; 4] = ["cash", "transfer", "card", "other"];

pub fn parse_method(input: &str) -> Result<String, DomainError> {
    let s = input.trim();
    if PAYMENT_METHODS.contains(&s) {
        Ok(s.to_owned())
    } else {
        Err(DomainError::new(Field::Method, "method-invalid"))
    }
}

/// A receipt number as written on the paper book: 1 to 40 letters, digits, `-` or `/`.
pub fn parse_receipt(input: &str) -> Result<String, DomainError> {
    let s = input.trim().to_ascii_uppercase();
    if !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'/')
    {
        Ok(s)
    } else {
        Err(DomainError::new(Field::Receipt, "receipt-invalid"))
    }
}

/// The receipt numbers generated when the profile names no pattern: `R12-2026-00001`.
pub const DEFAULT_RECEIPT_PATTERN: &str = "R{body}-{year}-{seq}";

/// A generated receipt number: the pattern with the body, the year and the sequence
/// (five digits at least) put in.
pub fn receipt_from_pattern(pattern: &str, body_id: i64, year: i64, seq: i64) -> String {
    pattern
        .replace("{body}", &body_id.to_string())
        .replace("{year}", &year.to_string())
        .replace("{seq}", &format!("{seq:05}"))
        .to_ascii_uppercase()
}

/// A pattern whose numbers are receipts (`parse_receipt` takes them) and differ by `{seq}`.
pub fn check_receipt_pattern(pattern: &str) -> Result<(), String> {
    let sample = receipt_from_pattern(pattern, 123_456, 2026, 12_345);
    if !pattern.contains("{seq}") || parse_receipt(&sample).is_err() {
        return Err(format!(
            "membership.receipt_pattern must contain {{seq}} and make receipts of letters, digits, - and / (at most 40), not {pattern:?}"
        ));
    }
    Ok(())
}

/// One category of the dues schedule (standard, reduced, elected officials, ...).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct DuesCategory {
    pub key: String,
    pub label: String,
    /// Centimes.
    pub amount: i64,
}

/// A renewal campaign as an officer sets it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignPlan {
    pub year: i32,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub categories: Vec<DuesCategory>,
}

/// Checks a campaign: a plausible year, opening before closing, at least one category,
/// unique category keys. Categories come as `key|label|amount` lines.
pub fn plan_campaign(
    year: &str,
    opens_on: &str,
    closes_on: &str,
    categories: &str,
) -> Result<CampaignPlan, Vec<DomainError>> {
    let mut errors = Vec::new();
    let year = match year.trim().parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) => Some(y),
        _ => {
            errors.push(DomainError::new(Field::Year, "year-invalid"));
            None
        }
    };
    let opens = parse_date(opens_on, Field::Date)
        .map_err(|e| errors.push(e))
        .ok();
    let closes = parse_date(closes_on, Field::Date)
        .map_err(|e| errors.push(e))
        .ok();
    if let (Some(o), Some(c)) = (opens, closes)
        && c < o
    {
        errors.push(DomainError::new(Field::Date, "closes-before-opens"));
    }
    // A campaign for a year opens and closes around it: from the year before to the next.
    if let Some(y) = year {
        let around = |d: NaiveDate| (y - 1..=y + 1).contains(&d.year());
        if opens.is_some_and(|d| !around(d)) || closes.is_some_and(|d| !around(d)) {
            errors.push(DomainError::new(Field::Date, "campaign-dates-off-year"));
        }
    }
    let mut cats: Vec<DuesCategory> = Vec::new();
    for line in categories.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let parsed = match parts.as_slice() {
            [key, label, amount]
                if !key.is_empty()
                    && !label.is_empty()
                    && key.len() <= 40
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
            {
                parse_amount(amount).ok().map(|a| DuesCategory {
                    key: (*key).to_owned(),
                    label: (*label).to_owned(),
                    amount: a,
                })
            }
            _ => None,
        };
        match parsed {
            Some(c) if cats.iter().any(|x| x.key == c.key) => {
                errors.push(DomainError::new(Field::Category, "category-duplicate"))
            }
            Some(c) => cats.push(c),
            None => errors.push(DomainError::new(Field::Category, "category-invalid")),
        }
    }
    if cats.is_empty() && !errors.iter().any(|e| e.field == Some(Field::Category)) {
        errors.push(DomainError::new(Field::Category, "category-required"));
    }
    match (year, opens, closes) {
        (Some(year), Some(opens_on), Some(closes_on)) if errors.is_empty() => Ok(CampaignPlan {
            year,
            opens_on,
            closes_on,
            categories: cats,
        }),
        _ => Err(errors),
    }
}

crate::stored_enum! {
    /// A renewal campaign is open for payments until it is closed.
    pub enum CampaignStatus as "campaign status" {
        Open = "open",
        Closed = "closed",
    }
}

#[cfg(test)]
mod receipt_tests {
    use super::*;

    #[test]
    fn generated_receipts_follow_the_pattern() {
        assert_eq!(
            receipt_from_pattern(DEFAULT_RECEIPT_PATTERN, 12, 2026, 1),
            "R12-2026-00001"
        );
        assert_eq!(
            receipt_from_pattern("bm/{year}/{seq}", 3, 2027, 123_456),
            "BM/2027/123456"
        );
        assert_eq!(check_receipt_pattern(DEFAULT_RECEIPT_PATTERN), Ok(()));
        assert!(check_receipt_pattern("R-{year}").is_err(), "no sequence");
        assert!(check_receipt_pattern("وصل-{seq}").is_err(), "not a receipt");
    }
}
