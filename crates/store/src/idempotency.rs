//! Idempotency keys of the API: the first answer to a state-changing request, kept a day
//! under its user's key, so that a retry gets that answer again instead of a second change.

use crate::{Db, Result};

/// What a key holds when a request comes with it.
pub enum Claim {
    /// Unknown: this request runs, and its answer is kept (`keep`) or let go (`release`).
    New,
    /// Answered already: the kept answer.
    Answered {
        status: u16,
        content_type: Option<String>,
        body: Vec<u8>,
    },
    /// The first request with this key is still running.
    Running,
    /// The key was used for another request (another route or body).
    Other,
}

/// A key's row: the request, and its answer once given (status, content type, body).
type Kept = (String, Option<i64>, Option<String>, Option<Vec<u8>>);

/// Claims `key` for `request` (the method, path and body's hash) on behalf of `user_id`.
pub async fn claim(db: &Db, user_id: i64, key: &str, request: &str) -> Result<Claim> {
    let now = crate::now();
    on_pool!(db, p => {
        let inserted = sqlx::query(
            "INSERT INTO idempotency_keys (user_id, key, request, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, key) DO NOTHING",
        )
        .bind(user_id).bind(key).bind(request).bind(now)
        .execute(p).await?
        .rows_affected() == 1;
        if inserted {
            return Ok(Claim::New);
        }
        let row: Option<Kept> = sqlx::query_as(
            "SELECT request, status, content_type, body FROM idempotency_keys WHERE user_id = $1 AND key = $2",
        )
        .bind(user_id).bind(key).fetch_optional(p).await?;
        Ok(match row {
            // Let go meanwhile: the caller may try again.
            None => Claim::Running,
            Some((kept, _, _, _)) if kept != request => Claim::Other,
            Some((_, None, _, _)) => Claim::Running,
            Some((_, Some(status), content_type, body)) => Claim::Answered {
                status: u16::try_from(status).unwrap_or(500),
                content_type,
                body: body.unwrap_or_default(),
            },
        })
    })
}

/// Keeps the answer of a claimed key.
pub async fn keep(
    db: &Db,
    user_id: i64,
    key: &str,
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<()> {
    on_pool!(db, p => sqlx::query(
        "UPDATE idempotency_keys SET status = $1, content_type = $2, body = $3 WHERE user_id = $4 AND key = $5",
    )
    .bind(i64::from(status)).bind(content_type).bind(body).bind(user_id).bind(key)
    .execute(p).await.map(|_| ()))?;
    Ok(())
}

/// Lets a claimed key go (the request failed on the server's side: a retry runs again).
pub async fn release(db: &Db, user_id: i64, key: &str) -> Result<()> {
    on_pool!(db, p => sqlx::query("DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status IS NULL")
        .bind(user_id).bind(key).execute(p).await.map(|_| ()))?;
    Ok(())
}

/// Forgets the keys older than `before` (Unix seconds).
pub async fn purge(db: &Db, before: i64) -> Result<u64> {
    Ok(
        on_pool!(db, p => sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
        .bind(before).execute(p).await.map(|r| r.rows_affected()))?,
    )
}
