//! A member's history: status and branch over time.

use super::rows::{Member, SELECT};
use crate::Day;
use crate::{Conn, Db, Page, Paged, Result, ScopeFilter};
use serde::Serialize;
use tanzim_domain::territory::TerritoryPath;

/// Members in good standing on `date` (YYYY-MM-DD) in the scope (and optionally a
/// subtree), from the history: their status and branch as they were that day.
pub async fn in_good_standing_on(
    db: &Db,
    scope: &ScopeFilter,
    within: Option<&TerritoryPath>,
    date: &str,
    page: Page,
) -> Result<Paged<Member>> {
    let (scope_sql, mut binds) = scope.sql_members("h.path", "m.affiliations", 1);
    let mut conditions = vec![scope_sql];
    binds.push(date.to_owned());
    let d = binds.len();
    conditions.push(format!(
        "h.valid_from <= ${d} AND (h.valid_to IS NULL OR h.valid_to > ${d}) AND h.status = 'active'"
    ));
    if let Some(within) = within {
        let (low, high) = within.range();
        binds.push(low);
        binds.push(high);
        conditions.push(format!(
            "h.path >= ${} AND h.path < ${}",
            binds.len() - 1,
            binds.len()
        ));
    }
    let where_sql = conditions.join(" AND ");
    let n = binds.len();
    // The branch shown is the one the member belonged to on that date.
    let select = SELECT.replace("m.commune_code, t.name_ar", "h.commune_code, t.name_ar").replace(
        "FROM members m JOIN territories t ON t.code = m.commune_code",
        "FROM member_history h JOIN members m ON m.id = h.member_id JOIN territories t ON t.code = h.commune_code",
    );
    let list_sql = format!(
        "{select} WHERE {where_sql} ORDER BY m.number LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!(
        "SELECT COUNT(*) FROM member_history h JOIN members m ON m.id = h.member_id WHERE {where_sql}"
    );
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct HistoryEntry {
    pub id: i64,
    #[schema(value_type = String, format = Date)]
    pub valid_from: Day,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_to: Option<Day>,
    pub status: String,
    pub commune_code: String,
    pub event: String,
    pub reason: Option<String>,
    pub decision: Option<String>,
    pub changed_by: Option<i64>,
    pub changed_at: i64,
}

pub async fn history(db: &Db, member_id: i64) -> Result<Vec<HistoryEntry>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, HistoryEntry>(
            "SELECT id, valid_from, valid_to, status, commune_code, event, reason, decision, changed_by, changed_at
             FROM member_history WHERE member_id = $1 ORDER BY id",
        )
        .bind(member_id)
        .fetch_all(p)
        .await
    })?)
}

/// Closes the member's current history period on `on`, the day the next one starts,
/// inside the transaction of `tx` (every change of status or branch does).
pub(crate) async fn close_period(tx: &mut Conn<'_>, member_id: i64, on: &str) -> Result<()> {
    on_tx!(tx, c => sqlx::query("UPDATE member_history SET valid_to = $1 WHERE member_id = $2 AND valid_to IS NULL")
        .bind(on)
        .bind(member_id)
        .execute(c)
        .await
        .map(|_| ()))?;
    Ok(())
}
