//! Disciplinary cases: opened by a body's ethics committee about a member, with their
//! hearings and documents (kept in the database with the case), and the decision, which
//! suspends or expels the member in the same transaction when it says so.

use crate::BeginWrite as _;
use crate::Day;
use crate::audit::AuditEntry;
use crate::members::{Change, Member};
use crate::{AsConn, Conn, Db, Page, Paged, Result, ScopeFilter, StoreError};
use serde::Serialize;
use sha2::{Digest, Sha256};
use tanzim_domain::discipline::CaseStatus;
use tanzim_domain::policy::Target;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Case {
    pub id: i64,
    pub body_id: i64,
    pub body_name: String,
    /// The body's organization: a role limited to one organization sees its bodies' cases.
    pub organization: String,
    /// The ethics committee that judges the case.
    pub committee_id: i64,
    pub member_id: i64,
    pub member_number: String,
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    /// The body's place in the tree.
    pub path: String,
    /// What the member is reproached with.
    pub grounds: String,
    #[schema(value_type = String, format = Date)]
    pub opened_on: Day,
    pub opened_by: Option<i64>,
    /// `open` or `decided`.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: CaseStatus,
    /// `no_action`, `warning`, `suspension` or `expulsion`, once decided.
    pub decision: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub decided_on: Option<Day>,
    #[schema(value_type = Option<String>, format = Date)]
    pub suspended_until: Option<Day>,
    /// The decision's reasons.
    pub reasons: Option<String>,
    /// Whether the member had a phone number on file when the case was decided: how they
    /// can be notified once the product has notification channels.
    pub notify_phone: Option<bool>,
    /// Whether the member had an e-mail address on file when the case was decided.
    pub notify_email: Option<bool>,
    pub decided_by: Option<i64>,
}

impl Case {
    /// What the policy needs to know: the case is its body's.
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: Some(self.organization.clone()),
        }
    }
    pub fn is_open(&self) -> bool {
        self.status == CaseStatus::Open
    }
    /// What the member's history keeps as the decision a status change comes from.
    pub fn reference(&self) -> String {
        format!("case:{}", self.id)
    }
    pub fn member_name(&self, lang: &str) -> String {
        tanzim_domain::members::display_name(
            [
                &self.first_name_ar,
                &self.last_name_ar,
                &self.first_name_lat,
                &self.last_name_lat,
            ],
            lang,
        )
    }
}

/// The case a history entry's decision names (`case:42` → 42).
pub fn case_of_reference(decision: &str) -> Option<i64> {
    decision.strip_prefix("case:")?.parse().ok()
}

const SELECT: &str = "SELECT dc.id, dc.body_id, b.name AS body_name, b.organization, dc.committee_id, dc.member_id,
    m.number AS member_number, m.first_name_ar, m.last_name_ar, m.first_name_lat, m.last_name_lat, dc.path, dc.grounds,
    dc.opened_on, dc.opened_by, dc.status, dc.decision, dc.decided_on, dc.suspended_until, dc.reasons, dc.notify_phone,
    dc.notify_email, dc.decided_by
    FROM disciplinary_cases dc JOIN bodies b ON b.id = dc.body_id JOIN members m ON m.id = dc.member_id";

/// The body's ethics committee (the latest one created, when a body re-formed it).
pub async fn ethics_committee(db: &Db, body_id: i64) -> Result<Option<i64>> {
    Ok(on_pool!(db, p => sqlx::query_scalar(
        "SELECT id FROM committees WHERE body_id = $1 AND kind = 'ethics' ORDER BY id DESC LIMIT 1",
    ).bind(body_id).fetch_optional(p).await)?)
}

pub struct NewCase<'a> {
    pub body_id: i64,
    pub committee_id: i64,
    pub member_id: i64,
    pub path: &'a TerritoryPath,
    pub grounds: &'a str,
    pub opened_on: &'a str,
    pub actor_id: Option<i64>,
}

/// Opens a case and records it in the audit log, in one transaction.
pub async fn open(db: &Db, new: &NewCase<'_>, audit: AuditEntry) -> Result<i64> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO disciplinary_cases (body_id, committee_id, member_id, path, grounds, opened_on, opened_by, opened_at, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open') RETURNING id",
        )
        .bind(new.body_id).bind(new.committee_id).bind(new.member_id).bind(new.path.as_str())
        .bind(new.grounds).bind(new.opened_on).bind(new.actor_id).bind(crate::now())
        .fetch_one(&mut *tx).await?;
        let detail = serde_json::json!({ "body": new.body_id, "member": new.member_id, "opened_on": new.opened_on });
        append_audit!(tx, &audit.target("case", id, Some(new.path.clone())).detail(detail))?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Case>> {
    let sql = format!("{SELECT} WHERE dc.id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Case>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await)?,
    )
}

#[derive(Debug, Clone, Default)]
pub struct CaseQuery {
    pub body_id: Option<i64>,
    pub member_id: Option<i64>,
    pub status: Option<CaseStatus>,
}

/// The cases the scope covers (by their body's place and organization), open ones first,
/// then the newest.
pub async fn list(db: &Db, scope: &ScopeFilter, q: &CaseQuery, page: Page) -> Result<Paged<Case>> {
    let (scope_sql, mut binds) = scope.sql("dc.path", "b.organization", 1);
    let mut conditions = vec![scope_sql];
    for (column, id) in [("dc.body_id", q.body_id), ("dc.member_id", q.member_id)] {
        if let Some(id) = id {
            binds.push(id.to_string());
            conditions.push(format!("{column} = CAST(${} AS BIGINT)", binds.len()));
        }
    }
    if let Some(status) = q.status {
        binds.push(status.as_str().to_owned());
        conditions.push(format!("dc.status = ${}", binds.len()));
    }
    let where_sql = conditions.join(" AND ");
    let n = binds.len();
    let list_sql = format!(
        "{SELECT} WHERE {where_sql}
         ORDER BY CASE WHEN dc.status = 'open' THEN 0 ELSE 1 END, dc.opened_on DESC, dc.id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!(
        "SELECT COUNT(*) FROM disciplinary_cases dc JOIN bodies b ON b.id = dc.body_id WHERE {where_sql}"
    );
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

/// Takes the case's row for the rest of the transaction if it is still open, so that
/// nothing joins a case decided meanwhile; fails with `case-decided` otherwise.
async fn lock_open_case(tx: &mut Conn<'_>, case_id: i64) -> Result<()> {
    let locked = on_tx!(tx, c => sqlx::query(
        "UPDATE disciplinary_cases SET status = status WHERE id = $1 AND status = 'open'",
    )
    .bind(case_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    if locked != 1 {
        return Err(StoreError::Conflict("case-decided"));
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Hearing {
    pub id: i64,
    pub case_id: i64,
    #[schema(value_type = String, format = Date)]
    pub held_on: Day,
    /// Who was heard: the member, a complainant, a witness.
    pub heard: String,
    pub summary: String,
    pub recorded_by: Option<i64>,
    pub recorded_at: i64,
}

pub async fn hearings(db: &Db, case_id: i64) -> Result<Vec<Hearing>> {
    Ok(on_pool!(db, p => sqlx::query_as::<_, Hearing>(
        "SELECT id, case_id, held_on, heard, summary, recorded_by, recorded_at FROM case_hearings
         WHERE case_id = $1 ORDER BY held_on, id",
    ).bind(case_id).fetch_all(p).await)?)
}

pub struct NewHearing<'a> {
    pub held_on: &'a str,
    pub heard: &'a str,
    pub summary: &'a str,
    pub actor_id: Option<i64>,
}

/// Records a hearing of an open case.
pub async fn add_hearing(
    db: &Db,
    case: &Case,
    new: &NewHearing<'_>,
    audit: AuditEntry,
) -> Result<i64> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        lock_open_case(&mut tx.as_conn(), case.id).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO case_hearings (case_id, held_on, heard, summary, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(case.id).bind(new.held_on).bind(new.heard).bind(new.summary).bind(new.actor_id).bind(crate::now())
        .fetch_one(&mut *tx).await?;
        let detail = serde_json::json!({ "hearing": id, "held_on": new.held_on });
        append_audit!(tx, &audit.target_of("case", case.id, &case.target()).detail(detail))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// A document of a case, without its bytes.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Document {
    pub id: i64,
    pub case_id: i64,
    pub title: String,
    pub file_name: String,
    /// As served back (see `discipline::document_content_type`).
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256 of the content, hex: shows that a document is the one filed.
    pub sha256: String,
    pub uploaded_by: Option<i64>,
    pub uploaded_at: i64,
}

const DOCUMENT_SELECT: &str = "SELECT id, case_id, title, file_name, content_type, size, sha256, uploaded_by, uploaded_at FROM case_documents";

pub async fn documents(db: &Db, case_id: i64) -> Result<Vec<Document>> {
    let sql = format!("{DOCUMENT_SELECT} WHERE case_id = $1 ORDER BY id");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Document>(sqlx::AssertSqlSafe(sql)).bind(case_id).fetch_all(p).await)?,
    )
}

/// A document of the case `case_id` with its bytes.
/// One of a case's documents, with its content.
pub async fn document(db: &Db, case: &Case, id: i64) -> Result<Option<(Document, Vec<u8>)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        document: Document,
        content: Vec<u8>,
    }
    let sql =
        DOCUMENT_SELECT.replace(" FROM", ", content FROM") + " WHERE case_id = $1 AND id = $2";
    let row: Option<Row> = on_pool!(db, p => sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql)).bind(case.id).bind(id).fetch_optional(p).await)?;
    Ok(row.map(|r| (r.document, r.content)))
}

pub struct NewDocument<'a> {
    pub title: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub content: &'a [u8],
    pub actor_id: Option<i64>,
}

/// Files a document in an open case.
pub async fn add_document(
    db: &Db,
    case: &Case,
    new: &NewDocument<'_>,
    audit: AuditEntry,
) -> Result<i64> {
    let sha256 = hex::encode(Sha256::digest(new.content));
    let size = i64::try_from(new.content.len()).unwrap_or(i64::MAX);
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        lock_open_case(&mut tx.as_conn(), case.id).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO case_documents (case_id, title, file_name, content_type, size, sha256, content, uploaded_by, uploaded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(case.id).bind(new.title).bind(new.file_name).bind(new.content_type).bind(size).bind(&sha256)
        .bind(new.content).bind(new.actor_id).bind(crate::now())
        .fetch_one(&mut *tx).await?;
        let detail = serde_json::json!({ "document": id, "title": new.title, "size": size, "sha256": sha256 });
        append_audit!(tx, &audit.target_of("case", case.id, &case.target()).detail(detail))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// A decision as the domain checked it.
pub struct CaseDecision<'a> {
    /// The outcome's key (`no_action`, `warning`, `suspension`, `expulsion`).
    pub outcome: &'a str,
    pub decided_on: &'a str,
    pub suspended_until: Option<&'a str>,
    pub reasons: &'a str,
    pub actor_id: Option<i64>,
}

/// The member's change a decision makes, with its own audit entry.
pub struct MemberEffect<'a> {
    pub member: &'a Member,
    pub change: &'a Change<'a>,
    pub audit: AuditEntry,
}

/// Decides an open case: the decision, the contact details the member has on file (to be
/// notified), the member's status change when there is one (see `members::apply_change`) and the
/// audit entries, all in one transaction. A case decided meanwhile is `case-decided`; a
/// member changed meanwhile is `member-changed`, and nothing is written.
pub async fn decide(
    db: &Db,
    case: &Case,
    d: &CaseDecision<'_>,
    effect: Option<MemberEffect<'_>>,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = sqlx::query(
            "UPDATE disciplinary_cases SET status = 'decided', decision = $1, decided_on = $2, suspended_until = $3,
               reasons = $4, decided_by = $5, decided_at = $6,
               notify_phone = (SELECT m.phone IS NOT NULL AND m.phone <> '' FROM members m WHERE m.id = disciplinary_cases.member_id),
               notify_email = (SELECT m.email IS NOT NULL AND m.email <> '' FROM members m WHERE m.id = disciplinary_cases.member_id)
             WHERE id = $7 AND status = 'open'",
        )
        .bind(d.outcome).bind(d.decided_on).bind(d.suspended_until).bind(d.reasons).bind(d.actor_id)
        .bind(crate::now()).bind(case.id)
        .execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("case-decided"));
        }
        if let Some(e) = effect {
            crate::members::apply_change(db, &mut tx.as_conn(), e.member, e.change, e.audit).await?;
        }
        let detail = serde_json::json!({ "decision": d.outcome, "decided_on": d.decided_on,
            "until": d.suspended_until, "member": case.member_id });
        append_audit!(tx, &audit.target_of("case", case.id, &case.target()).detail(detail))?;
        tx.commit().await?;
        Ok(())
    })
}
