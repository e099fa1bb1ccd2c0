//! The operator's commands on the whole database: a backup (proven by restoring it, when
//! asked) and a restore. Only the console gives them: whoever runs the binary holds the
//! database already. Each is on the audit log, since a copy of the roll is a copy of
//! everyone's political opinions.

use crate::{Actor, Error, Result};
use serde_json::json;
use std::path::Path;
use tanzim_domain::audit::AuditAction;
use tanzim_store::Db;
use tanzim_store::audit;
use tanzim_store::backup::{self, TableSum};

/// Writes a backup of `db` to `path` (a new file) while the server runs. With `verify`,
/// restores it into a scratch database and compares every table; returns the tables'
/// sums then.
pub async fn backup(
    db: &Db,
    actor: Actor<'_>,
    path: &Path,
    verify: bool,
) -> Result<Option<Vec<TableSum>>> {
    console_only(actor)?;
    backup::backup(db, path).await?;
    let verified = match verify {
        true => Some(backup::verify(db, path).await?),
        false => None,
    };
    let entry = actor
        .audit(AuditAction::DatabaseBackedUp)
        .detail(json!({ "file": path.display().to_string(), "verified": verify }));
    audit::append(db, &entry).await?;
    Ok(verified)
}

/// Restores the backup at `path` into `db`, which must be new. Returns the rows copied
/// per table.
pub async fn restore(db: &Db, actor: Actor<'_>, path: &Path) -> Result<Vec<(String, u64)>> {
    console_only(actor)?;
    let copied = backup::restore(db, path).await?;
    let rows: u64 = copied.iter().map(|(_, n)| n).sum();
    let entry = actor
        .audit(AuditAction::DatabaseRestored)
        .detail(json!({ "file": path.display().to_string(), "rows": rows }));
    audit::append(db, &entry).await?;
    Ok(copied)
}

/// Restores the backup at `path` into a scratch database and compares every table with
/// the backup's (`tanzim backup --verify FILE` on a file made before).
pub async fn verify(db: &Db, path: &Path) -> Result<Vec<TableSum>> {
    Ok(backup::verify(db, path).await?)
}

/// A signed-in user never backs up or restores: these are the console's.
fn console_only(actor: Actor<'_>) -> Result<()> {
    match actor.principal() {
        None => Ok(()),
        Some(_) => Err(Error::Forbidden),
    }
}
