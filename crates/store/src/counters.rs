//! Member counters: kept in the same transaction as each change (members, status changes,
//! transfers, renewals, campaign closes), so statistics are read, never recomputed by a scan.

use crate::{Conn, Db, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use tanzim_domain::members::Status;
use tanzim_domain::sex::Sex;

/// One counter cell: a territory (on a member's path) × status × sex × birth year.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cell {
    pub code: String,
    pub parent_code: String,
    pub status: String,
    pub sex: String,
    pub birth_year: i64,
}

/// Changes to counters, summed before they are written: the counters as they stand, and
/// the same changes by the month of the day they take effect (`member_months`), from which
/// the members on a past day are worked out without reading what changed since.
#[derive(Debug, Default)]
pub struct Deltas {
    pub cells: BTreeMap<Cell, i64>,
    /// By cell and month (`YYYY-MM`): the change, and the members who joined.
    pub months: BTreeMap<(Cell, String), (i64, i64)>,
}

impl Deltas {
    /// Adds `n` (1 or -1) for a member on `path` in every territory of the path, the
    /// change taking effect on `on` (`YYYY-MM-DD`, the day a history period opens or
    /// closes).
    pub fn add(&mut self, path: &str, status: &str, sex: &str, birth_date: &str, on: &str, n: i64) {
        self.count(path, status, sex, birth_date, on, n, 0);
    }

    /// A member who joins on `on`, active: counted like [`Deltas::add`], and as a join of
    /// that month.
    pub fn join(&mut self, path: &str, sex: &str, birth_date: &str, on: &str) {
        self.count(path, "active", sex, birth_date, on, 1, 1);
    }

    #[allow(clippy::too_many_arguments)]
    fn count(
        &mut self,
        path: &str,
        status: &str,
        sex: &str,
        birth_date: &str,
        on: &str,
        n: i64,
        joins: i64,
    ) {
        let birth_year = birth_date
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(0);
        let month = on.get(..7).unwrap_or(on).to_owned();
        let mut parent = String::new();
        for code in path.split('/').filter(|c| !c.is_empty()) {
            let cell = Cell {
                code: code.to_owned(),
                parent_code: parent.clone(),
                status: status.to_owned(),
                sex: sex.to_owned(),
                birth_year,
            };
            *self.cells.entry(cell.clone()).or_insert(0) += n;
            let m = self.months.entry((cell, month.clone())).or_insert((0, 0));
            m.0 += n;
            m.1 += joins;
            parent = code.to_owned();
        }
    }
}

/// The upsert of `rows` counter deltas.
pub(crate) fn upsert_sql(db: &crate::Db, rows: usize) -> String {
    format!(
        "INSERT INTO member_counts (code, parent_code, status, sex, birth_year, n) VALUES {}
         ON CONFLICT (code, status, sex, birth_year) DO UPDATE SET n = member_counts.n + excluded.n",
        crate::values_sql(db, rows, 6)
    )
}

fn months_sql(db: &crate::Db, rows: usize) -> String {
    format!(
        "INSERT INTO member_months (code, parent_code, month, status, sex, birth_year, n, joins) VALUES {}
         ON CONFLICT (code, month, status, sex, birth_year)
         DO UPDATE SET n = member_months.n + excluded.n, joins = member_months.joins + excluded.joins",
        crate::values_sql(db, rows, 8)
    )
}

/// Writes deltas inside the transaction of the change they count, 500 cells a statement
/// (an import batch touches thousands).
pub(crate) async fn apply(db: &Db, tx: &mut Conn<'_>, deltas: &Deltas) -> Result<()> {
    let cells: Vec<_> = deltas.cells.iter().filter(|(_, n)| **n != 0).collect();
    for chunk in cells.chunks(500) {
        let sql = upsert_sql(db, chunk.len());
        on_tx!(tx, c => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (cell, n) in chunk {
                q = q
                    .bind(cell.code.clone())
                    .bind(cell.parent_code.clone())
                    .bind(cell.status.clone())
                    .bind(cell.sex.clone())
                    .bind(cell.birth_year)
                    .bind(**n);
            }
            q.execute(c).await.map(|_| ())
        })?;
    }
    let months: Vec<_> = deltas
        .months
        .iter()
        .filter(|(_, (n, joins))| *n != 0 || *joins != 0)
        .collect();
    for chunk in months.chunks(500) {
        let sql = months_sql(db, chunk.len());
        on_tx!(tx, c => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for ((cell, month), (n, joins)) in chunk {
                q = q
                    .bind(cell.code.clone())
                    .bind(cell.parent_code.clone())
                    .bind(month.clone())
                    .bind(cell.status.clone())
                    .bind(cell.sex.clone())
                    .bind(cell.birth_year)
                    .bind(*n)
                    .bind(*joins);
            }
            q.execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// A counter row as read.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct CountRow {
    pub code: String,
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: Status,
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub sex: Sex,
    pub birth_year: i64,
    pub n: i64,
}

/// The counters of one territory (`None`: the whole country, from its regions).
pub async fn of(db: &Db, code: Option<&str>) -> Result<Vec<CountRow>> {
    Ok(match code {
        Some(code) => on_pool!(db, p => {
            sqlx::query_as::<_, CountRow>("SELECT code, status, sex, birth_year, n FROM member_counts WHERE code = $1 AND n <> 0")
                .bind(code)
                .fetch_all(p)
                .await
        })?,
        None => on_pool!(db, p => {
            sqlx::query_as::<_, CountRow>("SELECT '' AS code, status, sex, birth_year, CAST(SUM(n) AS BIGINT) AS n FROM member_counts
                 WHERE parent_code = '' GROUP BY status, sex, birth_year HAVING SUM(n) <> 0")
                .fetch_all(p)
                .await
        })?,
    })
}

/// The counters of the territories directly under `code` (the regions for `None`).
pub async fn children_of(db: &Db, code: Option<&str>) -> Result<Vec<CountRow>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, CountRow>("SELECT code, status, sex, birth_year, n FROM member_counts WHERE parent_code = $1 AND n <> 0")
            .bind(code.unwrap_or(""))
            .fetch_all(p)
            .await
    })?)
}

/// Renewals recorded for `year` within a subtree (path range).
pub async fn renewals(db: &Db, low: &str, high: &str, year: i64) -> Result<i64> {
    Ok(on_pool!(db, p => {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM payments WHERE year = $1 AND path >= $2 AND path < $3")
            .bind(year)
            .bind(low)
            .bind(high)
            .fetch_one(p)
            .await
    })?)
}
