//! The secret addresses calendar apps subscribe to: one live feed a user and body, kept as
//! its token's hash.

use crate::audit::{self, AuditEntry};
use crate::{Db, Result, Tx};

/// A live feed as its address resolves: whose it is and which body's timetable it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Feed {
    pub id: i64,
    pub user_id: i64,
    pub body_id: i64,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// Revokes the user's live feed of the body, if any, in the change's transaction.
async fn revoke_in(tx: &mut Tx, user_id: i64, body_id: i64, now: i64) -> Result<u64> {
    Ok(on_tx!(tx, c => sqlx::query(
        "UPDATE timetable_feeds SET revoked_at = $1 WHERE user_id = $2 AND body_id = $3 AND revoked_at IS NULL",
    ).bind(now).bind(user_id).bind(body_id).execute(c).await.map(|r| r.rows_affected()))?)
}

/// A new feed replacing the user's previous one of the body (whose address stops working).
pub async fn issue(
    db: &Db,
    user_id: i64,
    body_id: i64,
    token_hash: &str,
    now: i64,
    entry: &AuditEntry,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    revoke_in(&mut tx, user_id, body_id, now).await?;
    let t = &mut tx;
    let id = on_tx!(t, c => sqlx::query_scalar::<_, i64>(
        "INSERT INTO timetable_feeds (user_id, body_id, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    ).bind(user_id).bind(body_id).bind(token_hash).bind(now).fetch_one(c).await)?;
    audit::append_in(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Revokes the user's feed of the body; whether there was one.
pub async fn revoke(
    db: &Db,
    user_id: i64,
    body_id: i64,
    now: i64,
    entry: &AuditEntry,
) -> Result<bool> {
    let mut tx = db.begin().await?;
    let n = revoke_in(&mut tx, user_id, body_id, now).await?;
    if n > 0 {
        audit::append_in(&mut tx, entry).await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

/// The user's live feed of the body, if any.
pub async fn live(db: &Db, user_id: i64, body_id: i64) -> Result<Option<Feed>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Feed>(
        "SELECT id, user_id, body_id, created_at, last_used_at FROM timetable_feeds
         WHERE user_id = $1 AND body_id = $2 AND revoked_at IS NULL",
    ).bind(user_id).bind(body_id).fetch_optional(p).await)?)
}

/// The live feed an address's token opens; marks it fetched (once a minute at most, so
/// that a calendar's polling stays a read).
pub async fn resolve(db: &Db, token_hash: &str, now: i64) -> Result<Option<Feed>> {
    let found = on_pool!(db, p => sqlx::query_as::<_, Feed>(
        "SELECT id, user_id, body_id, created_at, last_used_at FROM timetable_feeds
         WHERE token_hash = $1 AND revoked_at IS NULL",
    ).bind(token_hash).fetch_optional(p).await)?;
    if let Some(f) = found
        && f.last_used_at.is_none_or(|t| now - t >= 60)
    {
        on_pool!(db, p => sqlx::query("UPDATE timetable_feeds SET last_used_at = $1 WHERE id = $2")
            .bind(now).bind(f.id).execute(p).await.map(|_| ()))?;
    }
    Ok(found)
}
