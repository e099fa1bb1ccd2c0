//! The import page's mapping step: the columns of a staged roll read again as the user
//! says (the file is not sent again: its rows are staged), the choices remembered for the
//! user's next files; and the sample roll the page offers.

use crate::imports::{self, Staged};
use crate::{Actor, App, Error, Result, permit};
use std::collections::HashMap;
use tanzim_domain::DomainError;
use tanzim_domain::jobs::ExportFormat;
use tanzim_domain::policy::Action;
use tanzim_reports::columns::{self, IGNORED, fold_header};
use tanzim_reports::import::{self, ImportError};
use tanzim_reports::staged as staged_rolls;
use tanzim_store::import_mappings as store;
use tanzim_store::staged_imports;

/// Rows read at a time from a staged roll being mapped again.
const PAGE: i64 = 20_000;

/// The mapping the actor's files start from: the columns they mapped by hand before
/// (folded header → field); none for the console.
pub async fn remembered(app: &App, actor: &Actor<'_>) -> Result<HashMap<String, String>> {
    match actor.user_id() {
        Some(user) => Ok(store::of_user(&app.db, user).await?),
        None => Ok(HashMap::new()),
    }
}

/// Stages the actor's roll `token` again with each column read as `fields` says (one a
/// column, `-` for a column left aside), and remembers the choices that differ from the
/// known headers for the actor's next files. The roll waiting before is withdrawn; one
/// confirmed meanwhile answers 409 `import-done`.
pub async fn remap(
    app: &App,
    actor: &Actor<'_>,
    token: &str,
    fields: &[String],
) -> Result<std::result::Result<Staged, ImportError>> {
    permit(actor.decide(Action::ManageMembers, None))?;
    let s = imports::mine(app, actor, token).await?;
    if s.state != "staged" {
        return Err(Error::Conflict("import-done"));
    }
    let headers: Vec<String> = serde_json::from_str(&s.headers).unwrap_or_default();
    if fields.len() != headers.len() || fields.iter().any(|f| columns::mappable(f).is_none()) {
        return Err(Error::Invalid(DomainError::general("mapping-invalid")));
    }
    let mapping: HashMap<String, String> = headers
        .iter()
        .zip(fields)
        .map(|(h, f)| (h.clone(), f.clone()))
        .collect();
    let mut records = Vec::new();
    let mut after = 0;
    loop {
        let page = staged_imports::rows_after(&app.db, s.id, after, PAGE).await?;
        let Some(last) = page.last().map(|r| r.0) else {
            break;
        };
        for (line, cells, _) in page {
            let cells: Vec<String> = serde_json::from_str(&cells).unwrap_or_default();
            records.push((line as u64, cells));
        }
        after = last;
    }
    let separator = u8::try_from(s.separator).unwrap_or(b',');
    let mut rows = import::reopen(headers.clone(), separator, records, &mapping);
    let on_existing = staged_rolls::on_existing_of(&s);
    let staged = imports::stage(app, actor, &mut rows, on_existing, &s.file_hash, &mapping).await?;
    if staged.is_ok() {
        staged_imports::withdraw(&app.db, s.id).await?;
        if let Some(user) = actor.user_id() {
            store::remember(&app.db, user, &choices(&headers, fields)).await?;
        }
    }
    Ok(staged)
}

/// What to remember of a mapping: each header's field where it differs from what the
/// known headers say, and a forgetting where it does not (the user went back to it).
fn choices(headers: &[String], fields: &[String]) -> Vec<(String, Option<String>)> {
    headers
        .iter()
        .zip(fields)
        .filter(|(h, _)| !fold_header(h).is_empty())
        .map(|(h, f)| {
            let known = columns::field_of(h).unwrap_or(IGNORED);
            (fold_header(h), (known != f).then(|| f.clone()))
        })
        .collect()
}

/// The sample roll in `format`, with its file name.
pub fn sample(actor: &Actor<'_>, format: ExportFormat) -> Result<(Vec<u8>, &'static str)> {
    permit(actor.decide(Action::ManageMembers, None))?;
    match format {
        ExportFormat::Csv => Ok((tanzim_reports::sample::csv().into_bytes(), "roll.csv")),
        ExportFormat::Xlsx => tanzim_reports::sample::xlsx()
            .map(|b| (b, "roll.xlsx"))
            .map_err(|e| Error::Internal(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_differs_from_the_known_headers_is_remembered() {
        let headers = ["Nom", "Colonne X", "CIN", ""].map(str::to_owned);
        let fields = ["last_name_ar", "phone", "cin", "-"].map(str::to_owned);
        assert_eq!(
            choices(&headers, &fields),
            [
                ("nom".to_owned(), Some("last_name_ar".to_owned())),
                ("colonnex".to_owned(), Some("phone".to_owned())),
                ("cin".to_owned(), None),
            ]
        );
    }
}
