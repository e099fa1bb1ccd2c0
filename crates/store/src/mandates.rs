//! Public mandates held by members: recorded, ended, read by member and by territory.

use crate::audit::{self, AuditEntry};
use crate::{Day, Db, Result, ScopeFilter, StoreError};
use serde::Serialize;
use tanzim_domain::mandates::{CheckedMandate, Ending, Held};

/// A mandate as stored.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Mandate {
    pub id: i64,
    pub member_id: i64,
    pub kind: String,
    #[schema(value_type = String, format = Date)]
    pub starts_on: Day,
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Option<Day>,
    pub ending: Option<String>,
    pub seat_code: Option<String>,
    pub list: Option<String>,
    pub seat_body: Option<String>,
    pub rank: Option<i64>,
    pub election: Option<String>,
    pub body_id: Option<i64>,
}

impl Mandate {
    pub fn held(&self) -> Held {
        Held {
            id: self.id,
            kind: self.kind.clone(),
            starts_on: self.starts_on.date(),
            ends_on: self.ends_on.map(|d| d.date()),
        }
    }
}

const MANDATE: &str = "SELECT id, member_id, kind, starts_on, ends_on, ending, seat_code, list,
    seat_body, rank, election, body_id FROM mandates";

/// Where a new mandate is filed: the member (and their path, for scope), the seat's path
/// and the party body it reports to.
pub struct Filing<'a> {
    pub member_id: i64,
    pub member_path: &'a str,
    pub seat_path: Option<&'a str>,
    pub body_id: Option<i64>,
}

pub async fn insert(
    db: &Db,
    f: &Filing<'_>,
    m: &CheckedMandate,
    actor_id: Option<i64>,
    now: i64,
    entry: AuditEntry,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let t = &mut tx;
    let id = on_tx!(t, c => sqlx::query_scalar::<_, i64>(
        "INSERT INTO mandates (member_id, path, kind, starts_on, ends_on, seat_code, seat_path, list,
           seat_body, rank, election, body_id, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
    ).bind(f.member_id).bind(f.member_path).bind(&m.kind).bind(Day(m.starts_on)).bind(m.ends_on.map(Day))
    .bind(&m.territory).bind(f.seat_path).bind(&m.list).bind(&m.body).bind(m.rank.map(i64::from))
    .bind(&m.election).bind(f.body_id).bind(actor_id).bind(now).fetch_one(c).await)?;
    audit::append_in(&mut tx, &entry.target("mandate", id, None)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Ends a running mandate (409 when it has ended meanwhile).
pub async fn end(
    db: &Db,
    id: i64,
    on: Day,
    how: Ending,
    now: i64,
    entry: &AuditEntry,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let t = &mut tx;
    let n = on_tx!(t, c => sqlx::query(
        "UPDATE mandates SET ends_on = $1, ending = $2, updated_at = $3 WHERE id = $4 AND ends_on IS NULL",
    ).bind(on).bind(how.as_str()).bind(now).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    if n != 1 {
        return Err(StoreError::Conflict("mandate-already-ended"));
    }
    audit::append_in(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Mandate>> {
    let sql = format!("{MANDATE} WHERE id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Mandate>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?,
    )
}

/// A member's mandates, the latest first.
pub async fn of_member(db: &Db, member_id: i64) -> Result<Vec<Mandate>> {
    let sql = format!("{MANDATE} WHERE member_id = $1 ORDER BY starts_on DESC, id DESC");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Mandate>(sqlx::AssertSqlSafe(sql)).bind(member_id).fetch_all(p).await)?,
    )
}

/// How many running mandates of each kind have their seat in a territory, among the
/// members the reader sees (`scope` over the members' paths).
pub async fn running_by_kind(
    db: &Db,
    scope: &ScopeFilter,
    seat_within: &tanzim_domain::territory::TerritoryPath,
) -> Result<Vec<(String, i64)>> {
    let (scope_sql, mut binds) = scope.sql("path", "NULL", 1);
    let (low, high) = seat_within.range();
    binds.push(low);
    binds.push(high);
    let n = binds.len();
    let sql = format!(
        "SELECT kind, COUNT(*) FROM mandates WHERE {scope_sql} AND ends_on IS NULL
           AND seat_path >= ${} AND seat_path < ${} GROUP BY kind ORDER BY kind",
        n - 1,
        n
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, (String, i64)>(sqlx::AssertSqlSafe(sql));
        for b in &binds { q = q.bind(b); }
        q.fetch_all(p).await
    })?)
}
