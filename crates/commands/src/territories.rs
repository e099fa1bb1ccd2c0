//! A territory typed into a field, by name or by code, turned into the one it names (the
//! rules are the gazetteer's, `tanzim_domain::gazetteer`): what every form and the API
//! use before a command or a filter gets a code.

use crate::Result;
use tanzim_domain::gazetteer::{Lookup, Place};
use tanzim_store::territory;

/// The territory `input` names, or the error naming `lookup.field` (unknown, or a name of
/// several territories with them as candidates).
pub fn resolve(input: &str, lookup: Lookup<'_>) -> Result<&'static Place> {
    Ok(territory::gazetteer()?.resolve(input, lookup)?)
}

/// The same for an optional field: blank means none was given.
pub fn resolve_given(input: Option<&str>, lookup: Lookup<'_>) -> Result<Option<&'static Place>> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => resolve(text, lookup).map(Some),
        None => Ok(None),
    }
}
