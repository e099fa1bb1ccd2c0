//! The append-only audit log. Changes append their entry in their own transaction
//! (`append_audit!`); events that change nothing else (logins, reads) use [`append`].

use crate::BeginWrite as _;
use crate::{Db, Page, Paged, Result, ScopeFilter};
use serde::Serialize;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::territory::TerritoryPath;

pub(crate) const INSERT_SQL: &str = "INSERT INTO audit_log (at, actor_id, actor, action, target_kind, target_id, scope_path, address, detail, organization)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

/// Appends `entry` inside the use case's transaction, with the change it records.
pub async fn append_in(tx: &mut crate::Tx, entry: &AuditEntry) -> Result<()> {
    on_tx!(tx, c => append_audit!(c, entry).map(|_| ()))?;
    Ok(())
}

/// One thing that happened: who (`actor`), what, to what, where in the tree, from where.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: AuditAction,
    pub target_kind: Option<&'static str>,
    pub target_id: Option<String>,
    /// Where the target lies; only administrators whose scope covers it see the entry.
    /// `None`: national administrators only.
    pub scope_path: Option<TerritoryPath>,
    /// The organizations the target belongs to (comma-separated keys: a body's, or the
    /// affiliates a member joined); `None`: administrators limited to an organization do
    /// not see the entry.
    pub organization: Option<String>,
    pub address: Option<String>,
    /// JSON object with what else is worth keeping (old and new name, filter, ...).
    pub detail: String,
}

impl AuditEntry {
    pub fn new(
        actor_id: Option<i64>,
        actor: &str,
        action: AuditAction,
        address: Option<&str>,
    ) -> Self {
        AuditEntry {
            actor_id,
            actor: actor.to_owned(),
            action,
            target_kind: None,
            target_id: None,
            scope_path: None,
            organization: None,
            address: address.map(str::to_owned),
            detail: "{}".to_owned(),
        }
    }
    pub fn target(
        mut self,
        kind: &'static str,
        id: impl ToString,
        scope: Option<TerritoryPath>,
    ) -> Self {
        self.target_kind = Some(kind);
        self.target_id = Some(id.to_string());
        self.scope_path = scope;
        self
    }
    /// The target as the policy sees it: its place, and the organization it belongs to.
    pub fn target_of(
        self,
        kind: &'static str,
        id: impl ToString,
        target: &tanzim_domain::policy::Target,
    ) -> Self {
        let organization = target.organization.clone().unwrap_or_default();
        self.target(kind, id, Some(target.path.clone()))
            .organizations(&organization)
    }
    /// The organizations the target belongs to (a body's key, a member's affiliations).
    pub fn organizations(mut self, keys: &str) -> Self {
        self.organization = Some(keys.to_owned()).filter(|k| !k.is_empty());
        self
    }
    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail.to_string();
        self
    }
}

pub async fn append(db: &Db, entry: &AuditEntry) -> Result<()> {
    on_pool!(db, p => {
        let mut conn = p.acquire().await?;
        append_audit!(conn, entry)?;
    });
    Ok(())
}

/// Appends entries that stand alone by group commit: concurrent requests (a member page
/// read by many officers at once) share one transaction, and so one flush to disk, instead
/// of queueing one commit each. Each caller still waits until its entry is committed, so a
/// page is never shown before its read is on record.
pub struct AuditWriter {
    db: Db,
    queue: Option<tokio::sync::mpsc::Sender<(AuditEntry, tokio::sync::oneshot::Sender<bool>)>>,
}

impl AuditWriter {
    /// Starts the writer on the current runtime (outside one, entries are written directly).
    pub fn start(db: Db) -> AuditWriter {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return AuditWriter { db, queue: None };
        };
        let (queue, mut entries) =
            tokio::sync::mpsc::channel::<(AuditEntry, tokio::sync::oneshot::Sender<bool>)>(4096);
        let writer_db = db.clone();
        runtime.spawn(async move {
            while let Some(first) = entries.recv().await {
                let mut batch = vec![first];
                while batch.len() < 500 {
                    match entries.try_recv() {
                        Ok(more) => batch.push(more),
                        Err(_) => break,
                    }
                }
                let written: Vec<AuditEntry> = batch.iter().map(|(e, _)| e.clone()).collect();
                let ok = append_many(&writer_db, &written).await.is_ok();
                for (_, ack) in batch {
                    let _ = ack.send(ok);
                }
            }
        });
        AuditWriter {
            db,
            queue: Some(queue),
        }
    }

    pub async fn append(&self, entry: &AuditEntry) -> Result<()> {
        if let Some(queue) = &self.queue {
            let (ack, committed) = tokio::sync::oneshot::channel();
            if queue.send((entry.clone(), ack)).await.is_ok() && committed.await == Ok(true) {
                return Ok(());
            }
        }
        // No writer, or its batch failed: write alone, so the caller sees the real error.
        append(&self.db, entry).await
    }
}

/// Appends entries in one transaction.
pub async fn append_many(db: &Db, entries: &[AuditEntry]) -> Result<()> {
    let now = crate::now();
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        for chunk in entries.chunks(500) {
            let sql = format!(
                "INSERT INTO audit_log (at, actor_id, actor, action, target_kind, target_id, scope_path, address, detail, organization) VALUES {}",
                crate::values_sql(db, chunk.len(), 10)
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for e in chunk {
                q = q
                    .bind(now)
                    .bind(e.actor_id)
                    .bind(e.actor.clone())
                    .bind(e.action.as_str())
                    .bind(e.target_kind)
                    .bind(e.target_id.clone())
                    .bind(e.scope_path.as_ref().map(|p| p.as_str().to_owned()))
                    .bind(e.address.clone())
                    .bind(e.detail.clone())
                    .bind(e.organization.clone());
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct AuditRecord {
    pub id: i64,
    /// Unix seconds.
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub target_kind: Option<String>,
    pub target_id: Option<String>,
    pub scope_path: Option<String>,
    /// The organizations of the target (comma-separated keys), if any.
    pub organization: Option<String>,
    pub address: Option<String>,
    pub detail: String,
}

#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    pub since: Option<i64>,
    pub until: Option<i64>,
}

/// The entries a reader with `scope` may see, newest first. Entries with no place in the
/// tree are for national administrators only; a reader limited to an organization sees
/// only the entries of records that belong to it (members who joined it, its bodies).
pub async fn list(
    db: &Db,
    scope: &ScopeFilter,
    q: &AuditQuery,
    page: Page,
) -> Result<Paged<AuditRecord>> {
    let mut conditions = Vec::new();
    let mut binds: Vec<String> = Vec::new();
    if !scope.is_national() {
        let (sql, b) = scope.sql_members("scope_path", "organization", 1);
        conditions.push(format!("scope_path IS NOT NULL AND {sql}"));
        binds.extend(b);
    }
    let mut ints: Vec<i64> = Vec::new();
    if let Some(actor) = &q.actor {
        binds.push(actor.clone());
        conditions.push(format!("actor = ${}", binds.len()));
    }
    if let Some(action) = q.action {
        binds.push(action.as_str().to_owned());
        conditions.push(format!("action = ${}", binds.len()));
    }
    if let Some(since) = q.since {
        ints.push(since);
        conditions.push(format!("at >= ${}", binds.len() + ints.len()));
    }
    if let Some(until) = q.until {
        ints.push(until);
        conditions.push(format!("at < ${}", binds.len() + ints.len()));
    }
    let where_sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let n = binds.len() + ints.len();
    let list_sql = format!(
        "SELECT id, at, actor_id, actor, action, target_kind, target_id, scope_path, organization, address, detail
         FROM audit_log {where_sql} ORDER BY id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM audit_log {where_sql}");
    on_pool!(db, p => {
        let mut items = sqlx::query_as::<_, AuditRecord>(sqlx::AssertSqlSafe(list_sql.as_str()));
        let mut count = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql.as_str()));
        for b in &binds {
            items = items.bind(b);
            count = count.bind(b);
        }
        for i in &ints {
            items = items.bind(i);
            count = count.bind(i);
        }
        let items = items.bind(page.limit()).bind(page.offset()).fetch_all(p).await?;
        let total = count.fetch_one(p).await?;
        Ok(Paged { items, total, capped: false, page: page.number, page_size: page.size })
    })
}
