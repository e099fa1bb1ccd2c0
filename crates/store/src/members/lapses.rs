//! Members lapsing (not renewed) and suspensions ending, with their history and counts.

use super::history::close_period;
use crate::BeginWrite as _;
use crate::audit::AuditEntry;
use crate::counters::Deltas;
use crate::{AsConn, Conn, Db, Result};
use tanzim_domain::territory::TerritoryPath;

/// Members per statement when lapses are written (9 binds a row, under SQLite's limit).
const LAPSE_CHUNK: usize = 500;

/// For members just set lapsed (`rows`: id, commune, path, sex, birth date as returned by
/// the UPDATE), closes their history period, opens a lapsed one and moves their counts,
/// inside the transaction of `tx`.
pub(crate) async fn record_lapses(
    db: &Db,
    tx: &mut Conn<'_>,
    rows: &[(i64, String, String, String, String)],
    today: &str,
    reason: &str,
    actor_id: Option<i64>,
    now: i64,
) -> Result<()> {
    let mut counts = Deltas::default();
    for (_, _, path, sex, birth_date) in rows {
        counts.add(path, "active", sex, birth_date, today, -1);
        counts.add(path, "lapsed", sex, birth_date, today, 1);
    }
    // Two statements per chunk, not two per member: a national close lapses hundreds of
    // thousands.
    for chunk in rows.chunks(LAPSE_CHUNK) {
        let close = format!(
            "UPDATE member_history SET valid_to = {} WHERE valid_to IS NULL AND member_id IN ({})",
            crate::placeholders(db, 1, 1),
            crate::placeholders(db, 2, chunk.len())
        );
        let insert = format!(
            "INSERT INTO member_history (member_id, valid_from, status, commune_code, path, event, reason, changed_by, changed_at) VALUES {}",
            crate::values_sql(db, chunk.len(), 9)
        );
        on_tx!(tx, c => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(close.as_str())).bind(today);
            for (id, ..) in chunk {
                q = q.bind(id);
            }
            q.execute(&mut *c).await?;
            let mut q = sqlx::query(sqlx::AssertSqlSafe(insert.as_str()));
            for (id, commune, path, ..) in chunk {
                q = q.bind(id).bind(today).bind("lapsed").bind(commune).bind(path).bind("lapse").bind(reason).bind(actor_id).bind(now);
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    crate::counters::apply(db, tx, &counts).await?;
    Ok(())
}

/// Suspensions whose end date has passed (`suspended_until` is the last day suspended):
/// each member is active again from the next day, with a history row (`reinstate`), the
/// counters and an audit entry, all in one transaction. Returns how many were reinstated.
pub async fn end_suspensions(db: &Db, today: chrono::NaiveDate) -> Result<i64> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
            "SELECT id, commune_code, path, sex, birth_date, suspended_until FROM members
             WHERE status = 'suspended' AND suspended_until IS NOT NULL AND suspended_until < $1",
        )
        .bind(today.to_string())
        .fetch_all(&mut *tx).await?;
        let mut counts = crate::counters::Deltas::default();
        let mut reinstated = 0;
        for (id, commune, path, sex, birth_date, until) in &rows {
            // From the day after the last day of the suspension (the server may have been
            // down that day).
            let from = chrono::NaiveDate::parse_from_str(until, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.succ_opt())
                .unwrap_or(today)
                .to_string();
            let done = sqlx::query("UPDATE members SET status = 'active', status_since = $1, suspended_until = NULL, updated_at = $2 WHERE id = $3 AND status = 'suspended'")
                .bind(&from).bind(now).bind(id)
                .execute(&mut *tx).await?;
            // Changed meanwhile (expelled, say): not this run's to reinstate.
            if done.rows_affected() != 1 {
                continue;
            }
            reinstated += 1;
            counts.add(path, "suspended", sex, birth_date, &from, -1);
            counts.add(path, "active", sex, birth_date, &from, 1);
            close_period(&mut tx.as_conn(), *id, &from).await?;
            sqlx::query(
                "INSERT INTO member_history (member_id, valid_from, status, commune_code, path, event, reason, changed_at)
                 VALUES ($1, $2, 'active', $3, $4, 'reinstate', 'انتهاء مدة التوقيف', $5)",
            )
            .bind(id).bind(&from).bind(commune).bind(path).bind(now)
            .execute(&mut *tx).await?;
            let entry = AuditEntry::new(None, "system", tanzim_domain::audit::AuditAction::MemberStatusChanged, None)
                .target("member", *id, Some(TerritoryPath::from_stored(path.clone())))
                .detail(serde_json::json!({ "event": "reinstate", "from": "suspended", "to": "active", "on": from, "reason": "suspension ended" }));
            append_audit!(tx, &entry)?;
        }
        crate::counters::apply(db, &mut tx.as_conn(), &counts).await?;
        tx.commit().await?;
        Ok(reinstated)
    })
}

/// Demonstration data: lapses one active member in `every` (by id), as if they had not
/// renewed, with their history and counts. Returns how many lapsed.
pub async fn lapse_for_demo(db: &Db, every: i64, today: &str) -> Result<i64> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "UPDATE members SET status = 'lapsed', status_since = $2, updated_at = $3
             WHERE status = 'active' AND id % $1 = 0 AND joined_on < $2
             RETURNING id, commune_code, path, sex, birth_date",
        )
        .bind(every).bind(today).bind(now)
        .fetch_all(&mut *tx).await?;
        record_lapses(db, &mut tx.as_conn(), &rows, today, "demo: not renewed", None, now).await?;
        tx.commit().await?;
        Ok(rows.len() as i64)
    })
}
