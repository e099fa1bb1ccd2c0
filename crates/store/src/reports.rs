//! Periodic reports: the rows, the writes inside their command's transaction, the bodies
//! that owe a report of a period, the reports a meeting hears, and the counts a report's
//! figures are made of (each an index range: see migration 0031).

use crate::{Day, Db, Result, ScopeFilter, StoreError, Tx};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;
use tanzim_domain::reports::{Narrative, ReportKind, ReportStatus};

/// A report with the names of the body that files it and of the body it is sent to.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Report {
    pub id: i64,
    /// The filing body, and its name.
    pub body_id: i64,
    pub body_name: String,
    /// The body above it, which receives it, and its name.
    pub parent_id: i64,
    pub parent_name: String,
    /// `quarterly`, `yearly` or `meeting` (a free period ending on a meeting's day).
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub kind: ReportKind,
    #[schema(value_type = String, format = Date)]
    pub starts_on: Day,
    #[schema(value_type = String, format = Date)]
    pub ends_on: Day,
    /// `draft`, `submitted`, `acknowledged` or `returned`.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: ReportStatus,
    pub achievements: String,
    pub difficulties: String,
    pub requests: String,
    /// The figures frozen at submission (JSON); none while a draft.
    #[serde(skip)]
    pub figures: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub submitted_on: Option<Day>,
    #[schema(value_type = Option<String>, format = Date)]
    pub reviewed_on: Option<Day>,
    /// Why the parent returned it.
    pub review_comment: Option<String>,
    pub created_at: i64,
}

const SELECT: &str =
    "SELECT r.id, r.body_id, b.name AS body_name, r.parent_id, p.name AS parent_name,
    r.kind, r.starts_on, r.ends_on, r.status, r.achievements, r.difficulties, r.requests, r.figures,
    r.submitted_on, r.reviewed_on, r.review_comment, r.created_at
    FROM reports r JOIN bodies b ON b.id = r.body_id JOIN bodies p ON p.id = r.parent_id";

async fn fetch(db: &Db, sql: String, id: i64) -> Result<Vec<Report>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, Report>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_all(p).await
    })?)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Report>> {
    let sql = format!("{SELECT} WHERE r.id = $1");
    Ok(fetch(db, sql, id).await?.into_iter().next())
}

/// The reports a body filed, latest period first (200 at most: four a year).
pub async fn of_body(db: &Db, body_id: i64) -> Result<Vec<Report>> {
    let sql = format!("{SELECT} WHERE r.body_id = $1 ORDER BY r.ends_on DESC, r.id DESC LIMIT 200");
    fetch(db, sql, body_id).await
}

/// The reports sent to a body (drafts are its children's own): submitted ones first, then
/// latest period first.
pub async fn sent_to(db: &Db, parent_id: i64) -> Result<Vec<Report>> {
    let sql = format!(
        "{SELECT} WHERE r.parent_id = $1 AND r.status <> 'draft'
         ORDER BY CASE WHEN r.status = 'submitted' THEN 0 ELSE 1 END, r.ends_on DESC, r.id DESC LIMIT 200"
    );
    fetch(db, sql, parent_id).await
}

/// The periods of the body's reports of a kind, read in the creating transaction with
/// the body's row locked (PostgreSQL `FOR UPDATE`; SQLite's `BEGIN IMMEDIATE` holds the
/// whole database already), so that two drafts at once cannot both miss the other.
pub async fn periods(tx: &mut Tx, body_id: i64, kind: ReportKind) -> Result<Vec<(Day, Day)>> {
    let lock = match tx {
        Tx::Sqlite(_) => "SELECT id FROM bodies WHERE id = $1",
        Tx::Postgres(_) => "SELECT id FROM bodies WHERE id = $1 FOR UPDATE",
    };
    on_tx!(tx, c => sqlx::query_scalar::<_, i64>(lock).bind(body_id).fetch_optional(c).await)?;
    let rows: Vec<(String, String)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT starts_on, ends_on FROM reports WHERE body_id = $1 AND kind = $2")
        .bind(body_id).bind(kind.as_str()).fetch_all(c).await)?;
    rows.into_iter()
        .map(|(s, e)| {
            let day = |d: &str| {
                d.parse::<Day>()
                    .map_err(|e| StoreError::Data(e.to_string()))
            };
            Ok((day(&s)?, day(&e)?))
        })
        .collect()
}

/// A report as drafted.
pub struct NewReport {
    pub body_id: i64,
    pub parent_id: i64,
    pub kind: ReportKind,
    pub starts_on: String,
    pub ends_on: String,
}

pub async fn add(tx: &mut Tx, r: &NewReport, by: Option<i64>) -> Result<i64> {
    let now = crate::now();
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO reports (body_id, parent_id, kind, starts_on, ends_on, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id")
    .bind(r.body_id).bind(r.parent_id).bind(r.kind.as_str()).bind(&r.starts_on).bind(&r.ends_on)
    .bind(by).bind(now)
    .fetch_one(c).await)?)
}

fn one_or(rows: u64, conflict: &'static str) -> Result<()> {
    if rows == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict(conflict))
    }
}

/// Saves the narrative of a report the body still writes (draft or returned).
pub async fn save_narrative(tx: &mut Tx, id: i64, n: &Narrative) -> Result<()> {
    let rows = on_tx!(tx, c => sqlx::query(
        "UPDATE reports SET achievements = $2, difficulties = $3, requests = $4, updated_at = $5
         WHERE id = $1 AND status IN ('draft', 'returned')")
    .bind(id).bind(&n.achievements).bind(&n.difficulties).bind(&n.requests).bind(crate::now())
    .execute(c).await.map(|r| r.rows_affected()))?;
    one_or(rows, "report-submitted")
}

/// Submits a report with its figures frozen; a second submission (or one racing it) is
/// `report-submitted`.
pub async fn submit(tx: &mut Tx, id: i64, figures: &str, on: &str, by: Option<i64>) -> Result<()> {
    let rows = on_tx!(tx, c => sqlx::query(
        "UPDATE reports SET status = 'submitted', figures = $2, submitted_on = $3, submitted_by = $4,
           updated_at = $5 WHERE id = $1 AND status IN ('draft', 'returned')")
    .bind(id).bind(figures).bind(on).bind(by).bind(crate::now())
    .execute(c).await.map(|r| r.rows_affected()))?;
    one_or(rows, "report-submitted")
}

/// The parent's answer to a submitted report: acknowledged, or returned with a comment;
/// `report-not-submitted` otherwise.
pub async fn review(
    tx: &mut Tx,
    id: i64,
    to: ReportStatus,
    comment: Option<&str>,
    on: &str,
    by: Option<i64>,
) -> Result<()> {
    let rows = on_tx!(tx, c => sqlx::query(
        "UPDATE reports SET status = $2, review_comment = $3, reviewed_on = $4, reviewed_by = $5,
           updated_at = $6 WHERE id = $1 AND status = 'submitted'")
    .bind(id).bind(to.as_str()).bind(comment).bind(on).bind(by).bind(crate::now())
    .execute(c).await.map(|r| r.rows_affected()))?;
    one_or(rows, "report-not-submitted")
}

/// Links a report to the agenda item (seat) of a meeting that hears it; linking it again
/// moves it to that item.
pub async fn hear(tx: &mut Tx, meeting_id: i64, seat: i64, report_id: i64) -> Result<()> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO report_hearings (meeting_id, seat, report_id) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id, report_id) DO UPDATE SET seat = excluded.seat")
    .bind(meeting_id).bind(seat).bind(report_id)
    .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// The reports a meeting hears, with the agenda item of each, in the agenda's order.
pub async fn heard_at(db: &Db, meeting_id: i64) -> Result<Vec<(i64, Report)>> {
    let links: Vec<(i64, i64)> = on_pool!(db, p => sqlx::query_as(
        "SELECT seat, report_id FROM report_hearings WHERE meeting_id = $1 ORDER BY seat, report_id")
        .bind(meeting_id).fetch_all(p).await)?;
    let mut out = Vec::new();
    for (seat, id) in links {
        if let Some(r) = get(db, id).await? {
            out.push((seat, r));
        }
    }
    Ok(out)
}

/// The agenda items that hear a report: (meeting, seat).
pub async fn hearings_of(db: &Db, report_id: i64) -> Result<Vec<(i64, i64)>> {
    Ok(on_pool!(db, p => sqlx::query_as(
        "SELECT meeting_id, seat FROM report_hearings WHERE report_id = $1 ORDER BY meeting_id, seat")
        .bind(report_id).fetch_all(p).await)?)
}

/// A body that owes a report of a period: none of it submitted or acknowledged. Its draft
/// (or returned) report of exactly that period, if it has one.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Owed {
    pub body_id: i64,
    pub body_name: String,
    pub parent_id: i64,
    pub report_id: Option<i64>,
}

/// Whose reports are looked at: the bodies of a scope, or the children of a body.
#[derive(Clone, Copy)]
pub enum Among<'a> {
    Scope(&'a ScopeFilter),
    ChildrenOf(i64),
}

/// A period reports are owed for: its kind, days, and the instant it ended (Unix seconds).
pub struct OwedPeriod<'a> {
    pub kind: ReportKind,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub ended_at: i64,
}

/// The active, constituted bodies with a parent that owe a report of the period: none of
/// it submitted or acknowledged. Bodies created after the period ended owe nothing for it.
pub async fn owed(db: &Db, among: Among<'_>, p: &OwedPeriod<'_>, limit: i64) -> Result<Vec<Owed>> {
    let mut binds = vec![
        p.kind.as_str().to_owned(),
        p.starts_on.to_owned(),
        p.ends_on.to_owned(),
        p.ended_at.to_string(),
    ];
    let filter = match among {
        Among::ChildrenOf(parent) => {
            binds.push(parent.to_string());
            "b.parent_id = CAST($5 AS BIGINT)".to_owned()
        }
        Among::Scope(scope) => {
            let (sql, more) = scope.sql("b.path", "b.organization", 5);
            binds.extend(more);
            sql
        }
    };
    let sql = format!(
        "SELECT b.id AS body_id, b.name AS body_name, b.parent_id AS parent_id,
           (SELECT MIN(d.id) FROM reports d WHERE d.body_id = b.id AND d.kind = $1 AND d.starts_on = $2
              AND d.ends_on = $3) AS report_id
         FROM bodies b
         WHERE b.status = 'active' AND b.parent_id IS NOT NULL AND b.created_at < CAST($4 AS BIGINT)
           AND (b.founding_target IS NULL OR b.constituted_on IS NOT NULL) AND {filter}
           AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.body_id = b.id AND r.kind = $1
             AND r.starts_on = $2 AND r.ends_on = $3 AND r.status IN ('submitted', 'acknowledged'))
         ORDER BY b.path, b.id LIMIT {limit}"
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Owed>(sqlx::AssertSqlSafe(sql));
        for b in &binds {
            q = q.bind(b);
        }
        q.fetch_all(p).await
    })?)
}

// ---- The counts a report's figures are made of ----

/// A counter cell: status, sex, birth year, count.
pub type Cell = (String, String, i64, i64);

/// Whose members a report counts: a territory's (its code, `None` for the country, and its
/// path range), and for an affiliate's body only those who joined the affiliate.
#[derive(Clone, Copy)]
pub struct Counted<'a> {
    pub code: Option<&'a str>,
    pub low: &'a str,
    pub high: &'a str,
    pub organization: Option<&'a str>,
}

/// The first day of `day`'s month and its last day.
fn month_of(day: &str) -> Result<(NaiveDate, NaiveDate)> {
    let d = day
        .parse::<Day>()
        .map_err(|e| StoreError::Data(e.to_string()))?
        .date();
    let first = d.with_day(1).unwrap_or(d);
    let next = first.checked_add_months(Months::new(1)).unwrap_or(first);
    Ok((first, next.pred_opt().unwrap_or(d)))
}

type CellMap = BTreeMap<(String, String, i64), i64>;

fn add_rows(cells: &mut CellMap, rows: Vec<Cell>, sign: i64) {
    for (status, sex, year, n) in rows {
        *cells.entry((status, sex, year)).or_insert(0) += sign * n;
    }
}

/// The members counted on `day` as counter cells. A territory's are its counters (today's)
/// less the changes of the months after the day's (`member_months`, migration 0034) and
/// less those of the days after it in its own month, read from the history through its
/// indexes on the day (`member_history_asof`, `member_history_closed`): nothing for a
/// month's last day, as a quarter's or a year's ends and eves are. An affiliate's are the
/// history periods covering the day of the members who joined it (the counters do not
/// know organizations).
pub async fn cells_on(db: &Db, t: Counted<'_>, day: &str) -> Result<Vec<Cell>> {
    let mut cells = CellMap::new();
    if let Some(org) = t.organization {
        let sql = format!(
            "SELECT h.status, m.sex, CAST(SUBSTR(m.birth_date, 1, 4) AS BIGINT), COUNT(*)
             FROM member_history h JOIN members m ON m.id = h.member_id
             WHERE h.path >= $1 AND h.path < $2 AND h.valid_from <= $3
               AND (h.valid_to IS NULL OR h.valid_to > $3) AND {} GROUP BY 1, 2, 3",
            affiliated(4)
        );
        let rows: Vec<Cell> = on_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(t.low).bind(t.high).bind(day).bind(org).fetch_all(p).await)?;
        add_rows(&mut cells, rows, 1);
        return Ok(collect(cells));
    }
    for r in crate::counters::of(db, t.code).await? {
        *cells
            .entry((
                r.status.as_str().to_owned(),
                r.sex.as_str().to_owned(),
                r.birth_year,
            ))
            .or_insert(0) += r.n;
    }
    let (_, last) = month_of(day)?;
    let month = &day[..7];
    let (filter, code) = months_filter(t.code);
    let sql = format!(
        "SELECT status, sex, birth_year, CAST(SUM(n) AS BIGINT) FROM member_months
         WHERE {filter} AND month > $2 GROUP BY status, sex, birth_year"
    );
    let rows: Vec<Cell> = on_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(code).bind(month).fetch_all(p).await)?;
    add_rows(&mut cells, rows, -1);
    let last = last.to_string();
    if day < last.as_str() {
        // A period opening after the day was counted (+1), one closing after it taken
        // away (-1): undone.
        for (index, column, sign) in [
            ("member_history_asof", "valid_from", -1),
            ("member_history_closed", "valid_to", 1),
        ] {
            let sql = format!(
                "SELECT h.status, m.sex, CAST(SUBSTR(m.birth_date, 1, 4) AS BIGINT), COUNT(*)
                 FROM {} JOIN members m ON m.id = h.member_id
                 WHERE h.{column} > $3 AND h.{column} <= $4 AND h.path >= $1 AND h.path < $2
                 GROUP BY 1, 2, 3",
                history(db, index)
            );
            let rows: Vec<Cell> = on_pool!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(t.low).bind(t.high).bind(day).bind(&last).fetch_all(p).await)?;
            add_rows(&mut cells, rows, sign);
        }
    }
    Ok(collect(cells))
}

fn collect(cells: CellMap) -> Vec<Cell> {
    cells
        .into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|((status, sex, year), n)| (status, sex, year, n))
        .collect()
}

/// The `member_months` rows of a territory (`code`, bound as `$1`), or the country's
/// (its regions').
fn months_filter(code: Option<&str>) -> (&'static str, &str) {
    match code {
        Some(code) => ("code = $1", code),
        None => ("parent_code = $1", ""),
    }
}

/// The condition that a member (`m`) joined the organization bound as `$n`, as
/// `ScopeFilter::sql_members` matches affiliations.
fn affiliated(n: usize) -> String {
    format!("(',' || m.affiliations || ',') LIKE ('%,' || ${n} || ',%')")
}

/// Members who joined in the period (their first history period). A territory's: the
/// joins of the months from the start's to the end's (`member_months`), less those of the
/// days before the start in its month and after the end in its own (none for a period of
/// whole months). An affiliate's: the history's joins of the members who joined it.
pub async fn joined(db: &Db, t: Counted<'_>, from: &str, to: &str) -> Result<i64> {
    let count = |low_day: String, high_day: String, org: Option<&str>| {
        let org_sql = match org {
            Some(_) => format!(
                "AND EXISTS (SELECT 1 FROM members m WHERE m.id = h.member_id AND {})",
                affiliated(5)
            ),
            None => String::new(),
        };
        let sql = format!(
            "SELECT COUNT(*) FROM {} WHERE h.path >= $1 AND h.path < $2
               AND h.valid_from >= $3 AND h.valid_from <= $4 AND h.event = 'join' {org_sql}",
            history(db, "member_history_asof")
        );
        let org = org.map(str::to_owned);
        async move {
            Ok::<i64, StoreError>(on_pool!(db, p => {
                let mut q = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .bind(t.low).bind(t.high).bind(low_day).bind(high_day);
                if let Some(org) = &org {
                    q = q.bind(org.clone());
                }
                q.fetch_one(p).await
            })?)
        }
    };
    if t.organization.is_some() {
        return count(from.to_owned(), to.to_owned(), t.organization).await;
    }
    let (first, _) = month_of(from)?;
    let (_, last) = month_of(to)?;
    let (filter, code) = months_filter(t.code);
    let sql = format!(
        "SELECT CAST(COALESCE(SUM(joins), 0) AS BIGINT) FROM member_months
         WHERE {filter} AND month >= $2 AND month <= $3"
    );
    let mut n: i64 = on_pool!(db, p => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(code).bind(&from[..7]).bind(&to[..7]).fetch_one(p).await)?;
    let before = from.parse::<Day>().ok().and_then(|d| d.date().pred_opt());
    if let Some(before) = before.filter(|b| *b >= first) {
        n -= count(first.to_string(), before.to_string(), None).await?;
    }
    let after = to.parse::<Day>().ok().and_then(|d| d.date().succ_opt());
    if let Some(after) = after.filter(|a| *a <= last) {
        n -= count(after.to_string(), last.to_string(), None).await?;
    }
    Ok(n)
}

/// The history as `h`, read through `index` on SQLite: its planner, without statistics,
/// takes the index on path, whose range is a whole territory, where the day's range holds
/// the few periods that changed. PostgreSQL chooses from its statistics.
fn history(db: &Db, index: &str) -> String {
    match db {
        Db::Sqlite(_) => format!("member_history h INDEXED BY {index}"),
        Db::Postgres(_) => "member_history h".to_owned(),
    }
}

/// Of last year's payers counted (see [`Counted`]), those who paid for `year` by `by`; and
/// last year's payers.
pub async fn renewals(db: &Db, t: Counted<'_>, year: i64, by: &str) -> Result<(i64, i64)> {
    let org = |alias: &str| match t.organization {
        Some(_) => format!(
            "AND EXISTS (SELECT 1 FROM members m WHERE m.id = {alias}.member_id AND {})",
            affiliated(5)
        ),
        None => String::new(),
    };
    let sql = format!(
        "SELECT
           (SELECT COUNT(*) FROM payments t WHERE t.year = $3 AND t.path >= $1 AND t.path < $2 AND t.paid_on <= $4
              AND EXISTS (SELECT 1 FROM payments l WHERE l.member_id = t.member_id AND l.year = $3 - 1) {}),
           (SELECT COUNT(*) FROM payments l WHERE l.year = $3 - 1 AND l.path >= $1 AND l.path < $2 {})",
        org("t"),
        org("l")
    );
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(t.low).bind(t.high).bind(year).bind(by);
        if let Some(org) = t.organization {
            q = q.bind(org);
        }
        q.fetch_one(p).await
    })?)
}

/// Meetings a body held in the period.
pub async fn meetings_held(db: &Db, body_id: i64, from: &str, to: &str) -> Result<i64> {
    Ok(on_pool!(db, p => sqlx::query_scalar(
        "SELECT COUNT(*) FROM meetings WHERE body_id = $1 AND held_on >= $2 AND held_on <= $3")
        .bind(body_id).bind(from).bind(to).fetch_one(p).await)?)
}

/// A body's own activities of the period by status: a held one on the day it was held,
/// the others on the day they start (or were moved to).
pub async fn activities(db: &Db, body_id: i64, from: &str, to: &str) -> Result<Vec<(String, i64)>> {
    Ok(on_pool!(db, p => sqlx::query_as(
        "SELECT status, COUNT(*) FROM activities WHERE body_id = $1
           AND COALESCE(held_on, starts_on) >= $2 AND COALESCE(held_on, starts_on) <= $3
         GROUP BY status")
        .bind(body_id).bind(from).bind(to).fetch_all(p).await)?)
}

/// Communiqués of a body published between two instants (Unix seconds, end excluded).
pub async fn communiques_published(db: &Db, body_id: i64, from: i64, until: i64) -> Result<i64> {
    Ok(on_pool!(db, p => sqlx::query_scalar(
        "SELECT COUNT(*) FROM communiques WHERE body_id = $1 AND status = 'published'
           AND published_at >= $2 AND published_at < $3")
        .bind(body_id).bind(from).bind(until).fetch_one(p).await)?)
}

/// The active bodies below a body that existed by `until` (Unix seconds): (constituted,
/// being founded on `day`).
pub async fn children(db: &Db, body_id: i64, until: i64, day: &str) -> Result<(i64, i64)> {
    let (c, f): (Option<i64>, Option<i64>) = on_pool!(db, p => sqlx::query_as(
        "SELECT CAST(SUM(CASE WHEN founding_target IS NOT NULL AND (constituted_on IS NULL OR constituted_on > $3) THEN 0 ELSE 1 END) AS BIGINT),
                CAST(SUM(CASE WHEN founding_target IS NOT NULL AND (constituted_on IS NULL OR constituted_on > $3) THEN 1 ELSE 0 END) AS BIGINT)
         FROM bodies WHERE parent_id = $1 AND status = 'active' AND created_at < $2")
        .bind(body_id).bind(until).bind(day).fetch_one(p).await)?;
    Ok((c.unwrap_or(0), f.unwrap_or(0)))
}
