//! Reading what the client sent.

use crate::error::AppError;
use axum::body::Bytes;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// Every form and JSON body goes through these two: text with a control character (a NUL,
/// a bare escape) is refused with a clear error, bidirectional overrides are dropped.
pub(crate) fn parse_form<T: DeserializeOwned>(body: &Bytes) -> Result<T, AppError> {
    let malformed = |_| AppError::BadRequest("malformed-input");
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).map_err(malformed)?;
    let mut cleaned = Vec::with_capacity(pairs.len());
    for (name, value) in pairs {
        let value = clean_text(&value)?;
        cleaned.push((name, value));
    }
    let text = serde_urlencoded::to_string(&cleaned)
        .map_err(|_| AppError::BadRequest("malformed-input"))?;
    serde_urlencoded::from_str(&text).map_err(malformed)
}

pub(crate) fn parse_json<T: DeserializeOwned>(body: &Bytes) -> Result<T, AppError> {
    let malformed = |_| AppError::BadRequest("malformed-input");
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(malformed)?;
    clean_json(&mut value)?;
    serde_json::from_value(value).map_err(malformed)
}

/// A text field as it may be stored (see `tanzim_domain::text`).
pub(crate) fn clean_text(value: &str) -> Result<String, AppError> {
    tanzim_domain::text::clean(value)
        .map(|v| v.into_owned())
        .ok_or(AppError::BadRequest("text-control-character"))
}

fn clean_json(value: &mut serde_json::Value) -> Result<(), AppError> {
    match value {
        serde_json::Value::String(s) => *s = clean_text(s)?,
        serde_json::Value::Array(items) => items.iter_mut().try_for_each(clean_json)?,
        serde_json::Value::Object(fields) => fields.values_mut().try_for_each(clean_json)?,
        _ => {}
    }
    Ok(())
}

/// Forms send an empty string for "none chosen"; JSON sends null or a number.
pub(crate) fn empty_as_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrText {
        Num(i64),
        Text(String),
    }
    match Option::<NumOrText>::deserialize(d)? {
        None => Ok(None),
        Some(NumOrText::Num(n)) => Ok(Some(n)),
        Some(NumOrText::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(NumOrText::Text(s)) => s.trim().parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// The confirmation a destructive or public action needs.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct Confirm {
    /// Must be `yes` (pages) or `true` (API): destructive actions are confirmed.
    #[serde(default)]
    pub confirm: Option<String>,
}

impl Confirm {
    pub fn check(&self) -> Result<(), AppError> {
        match self.confirm.as_deref() {
            Some("yes" | "true") => Ok(()),
            _ => Err(AppError::BadRequest("confirmation-required")),
        }
    }
}
