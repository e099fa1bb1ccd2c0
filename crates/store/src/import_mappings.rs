//! The columns each user mapped by hand on the import page, remembered for their next
//! files (a folded header and its field).

use crate::{Db, Result};
use std::collections::HashMap;

/// The user's remembered choices: folded header → field (`-`: left aside).
pub async fn of_user(db: &Db, user_id: i64) -> Result<HashMap<String, String>> {
    let rows: Vec<(String, String)> = on_pool!(db, p => sqlx::query_as(
        "SELECT header, field FROM import_mappings WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_all(p)
    .await)?;
    Ok(rows.into_iter().collect())
}

/// Remembers the user's choice for each folded header (`Some(field)`), or forgets it
/// (`None`: the header means what the known headers say), in one transaction.
pub async fn remember(db: &Db, user_id: i64, choices: &[(String, Option<String>)]) -> Result<()> {
    use crate::BeginWrite as _;
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        for (header, field) in choices {
            match field {
                Some(field) => sqlx::query(
                    "INSERT INTO import_mappings (user_id, header, field, updated_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (user_id, header) DO UPDATE SET field = excluded.field, updated_at = excluded.updated_at",
                )
                .bind(user_id).bind(header).bind(field).bind(now)
                .execute(&mut *tx).await?,
                None => sqlx::query("DELETE FROM import_mappings WHERE user_id = $1 AND header = $2")
                    .bind(user_id).bind(header)
                    .execute(&mut *tx).await?,
            };
        }
        tx.commit().await?;
        Ok(())
    })
}
