//! Requests raised at meetings and their answers: the rows, the reads (a meeting's, the
//! answers its meeting reports, a body's list, what awaits an answer in a scope), and the
//! writes inside their command's transaction.

use crate::{Day, Db, Page, Paged, Result, ScopeFilter, StoreError, Tx};
use serde::Serialize;

/// A request with the names of its bodies and the day of the meeting that raised it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Request {
    pub id: i64,
    /// The meeting that raised it, and its day.
    pub meeting_id: i64,
    #[schema(value_type = String, format = Date)]
    pub raised_on: Day,
    /// The body that raised it (the meeting's), and its name.
    pub body_id: i64,
    pub body_name: String,
    /// The body it is addressed to, and its name.
    pub addressed_body_id: i64,
    pub addressed_body_name: String,
    /// What is asked.
    pub text: String,
    /// Who asked: a person or a group ("أعضاء الفرع المحلي").
    pub requested_by: Option<String>,
    /// An official of the addressed body ("البرلماني عن الدائرة").
    pub addressed_to: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<Day>,
    /// The answer, and its day: answered requests are closed.
    pub answer: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub answered_on: Option<Day>,
}

impl Request {
    pub fn answered(&self) -> bool {
        self.answered_on.is_some()
    }
}

const SELECT: &str =
    "SELECT r.id, r.meeting_id, m.held_on AS raised_on, r.body_id, rb.name AS body_name,
    r.addressed_body_id, ab.name AS addressed_body_name, r.text, r.requested_by, r.addressed_to,
    r.due_on, r.answer, r.answered_on
    FROM meeting_requests r JOIN meetings m ON m.id = r.meeting_id
    JOIN bodies rb ON rb.id = r.body_id JOIN bodies ab ON ab.id = r.addressed_body_id";

async fn fetch(db: &Db, sql: String, binds: &[String]) -> Result<Vec<Request>> {
    Ok(on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Request>(sqlx::AssertSqlSafe(sql));
        for b in binds {
            q = q.bind(b);
        }
        q.fetch_all(p).await
    })?)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Request>> {
    let sql = format!("{SELECT} WHERE r.id = CAST($1 AS BIGINT)");
    Ok(fetch(db, sql, &[id.to_string()]).await?.into_iter().next())
}

/// The requests a meeting raised, in the order recorded.
pub async fn of_meeting(db: &Db, meeting_id: i64) -> Result<Vec<Request>> {
    let sql = format!("{SELECT} WHERE r.meeting_id = CAST($1 AS BIGINT) ORDER BY r.id");
    fetch(db, sql, &[meeting_id.to_string()]).await
}

/// The answers a meeting reports: requests its body raised earlier, answered before its
/// day, whose answer no meeting of the body held between the answer and this one reported
/// (the first meeting of the raising body after the answer's day; on one day, the first
/// recorded).
pub async fn answers_at(
    db: &Db,
    body_id: i64,
    meeting_id: i64,
    held_on: &str,
) -> Result<Vec<Request>> {
    let sql = format!(
        "{SELECT} WHERE r.body_id = CAST($1 AS BIGINT) AND r.answered_on IS NOT NULL AND r.answered_on < $3
           AND NOT EXISTS (SELECT 1 FROM meetings n WHERE n.body_id = r.body_id AND n.held_on > r.answered_on
             AND (n.held_on < $3 OR (n.held_on = $3 AND n.id < CAST($2 AS BIGINT))))
         ORDER BY r.answered_on, r.id"
    );
    fetch(
        db,
        sql,
        &[
            body_id.to_string(),
            meeting_id.to_string(),
            held_on.to_owned(),
        ],
    )
    .await
}

/// Requests addressed to a body: open ones first (oldest first), then answered ones
/// (latest answer first); `open` keeps only one kind.
pub async fn addressed_to(
    db: &Db,
    body_id: i64,
    open: Option<bool>,
    page: Page,
) -> Result<Paged<Request>> {
    let status = match open {
        Some(true) => " AND r.answered_on IS NULL",
        Some(false) => " AND r.answered_on IS NOT NULL",
        None => "",
    };
    let where_sql = format!("r.addressed_body_id = CAST($1 AS BIGINT){status}");
    let list_sql = format!(
        "{SELECT} WHERE {where_sql}
         ORDER BY CASE WHEN r.answered_on IS NULL THEN 0 ELSE 1 END, CASE WHEN r.answered_on IS NULL THEN m.held_on ELSE '' END,
           r.answered_on DESC, r.id LIMIT $2 OFFSET $3"
    );
    let count_sql = format!("SELECT COUNT(*) FROM meeting_requests r WHERE {where_sql}");
    crate::fetch_page(db, list_sql, count_sql, vec![body_id.to_string()], page).await
}

/// Requests awaiting an answer from a body in the scope, oldest first.
pub async fn awaiting(db: &Db, scope: &ScopeFilter, limit: i64) -> Result<Vec<Request>> {
    let (scope_sql, binds) = scope.sql("ab.path", "ab.organization", 1);
    let sql = format!(
        "{SELECT} WHERE r.answered_on IS NULL AND {scope_sql} ORDER BY m.held_on, r.id LIMIT {limit}"
    );
    fetch(db, sql, &binds).await
}

/// A request as recorded.
pub struct NewRequest<'a> {
    pub meeting_id: i64,
    pub body_id: i64,
    pub addressed_body_id: i64,
    pub text: &'a str,
    pub requested_by: Option<&'a str>,
    pub addressed_to: Option<&'a str>,
    pub due_on: Option<String>,
}

pub async fn add(tx: &mut Tx, r: &NewRequest<'_>, by: Option<i64>) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO meeting_requests (meeting_id, body_id, addressed_body_id, text, requested_by, addressed_to, due_on, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")
    .bind(r.meeting_id).bind(r.body_id).bind(r.addressed_body_id).bind(r.text).bind(r.requested_by)
    .bind(r.addressed_to).bind(r.due_on.as_deref()).bind(by).bind(crate::now())
    .fetch_one(c).await)?)
}

/// Corrects an unanswered request; `request-answered` once answered.
pub async fn correct(tx: &mut Tx, id: i64, r: &NewRequest<'_>) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE meeting_requests SET addressed_body_id = $2, text = $3, requested_by = $4, addressed_to = $5, due_on = $6
         WHERE id = $1 AND answered_on IS NULL")
    .bind(id).bind(r.addressed_body_id).bind(r.text).bind(r.requested_by).bind(r.addressed_to)
    .bind(r.due_on.as_deref())
    .execute(c).await.map(|r| r.rows_affected()))?;
    answered_unless(n)
}

/// Removes an unanswered request; `request-answered` once answered.
pub async fn remove(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query("DELETE FROM meeting_requests WHERE id = $1 AND answered_on IS NULL")
    .bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    answered_unless(n)
}

/// Answers a request once: a second answer (or one racing it) gets `request-answered`.
pub async fn answer(
    tx: &mut Tx,
    id: i64,
    answer: &str,
    answered_on: &str,
    by: Option<i64>,
) -> Result<()> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE meeting_requests SET answer = $2, answered_on = $3, answered_by = $4, answered_at = $5
         WHERE id = $1 AND answered_on IS NULL")
    .bind(id).bind(answer).bind(answered_on).bind(by).bind(crate::now())
    .execute(c).await.map(|r| r.rows_affected()))?;
    answered_unless(n)
}

fn answered_unless(rows: u64) -> Result<()> {
    if rows == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict("request-answered"))
    }
}
