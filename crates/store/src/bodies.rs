//! Bodies of the organization: the tree of national, regional, provincial and local
//! bodies of the party and its affiliates, each anchored to a territory.

use crate::BeginWrite as _;
use crate::Day;
use crate::audit::AuditEntry;
use crate::{Db, Page, Paged, Result, ScopeFilter, StoreError};
use serde::Serialize;
use tanzim_domain::org::BodyStatus;
use tanzim_domain::policy::Target;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Body {
    pub id: i64,
    pub organization: String,
    pub kind: String,
    /// `None` for a national body.
    pub territory_code: Option<String>,
    pub territory_name_ar: Option<String>,
    pub territory_name_fr: Option<String>,
    pub path: String,
    pub parent_id: Option<i64>,
    pub name: String,
    /// `active` or `dissolved`.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: BodyStatus,
    pub created_at: i64,
    pub dissolved_at: Option<i64>,
    /// Set while the body is being founded: the target date (YYYY-MM-DD).
    pub founding_target: Option<String>,
    /// The founding committee's members, one a line.
    pub founding_committee: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    /// The day its founding meeting constituted it.
    pub constituted_on: Option<Day>,
    /// Its own French name, when the product's (kind and territory) would not do.
    pub name_fr: Option<String>,
}

impl Body {
    /// Being founded: a target date, not yet constituted.
    pub fn in_formation(&self) -> bool {
        self.founding_target.is_some() && self.constituted_on.is_none()
    }
    /// What the policy needs to know about this body.
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: Some(self.organization.clone()),
        }
    }
    pub fn is_active(&self) -> bool {
        self.status == BodyStatus::Active
    }
}

const SELECT: &str = "SELECT b.id, b.organization, b.kind, b.territory_code, t.name_ar AS territory_name_ar,
    t.name_fr AS territory_name_fr, b.path, b.parent_id, b.name, b.status, b.created_at, b.dissolved_at,
    b.founding_target, b.founding_committee, b.constituted_on, b.name_fr
    FROM bodies b LEFT JOIN territories t ON t.code = b.territory_code";

pub struct NewBody {
    pub organization: String,
    pub kind: String,
    pub territory_code: Option<String>,
    pub path: TerritoryPath,
    pub parent_id: Option<i64>,
    pub name: String,
    /// Its own French name, when the kind's and the territory's would not do.
    pub name_fr: Option<String>,
    /// The profile allows one active body of this kind per organization and territory
    /// (`several_per_territory` unset): a second is refused, here and by the unique index
    /// `bodies_one_per_territory`, which holds the bodies marked `sole`.
    pub sole: bool,
}

/// Creates a body and records it in the audit log, in one transaction.
pub async fn create(db: &Db, new: &NewBody, audit: AuditEntry) -> Result<i64> {
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        if new.sole {
            // Bodies from before the index may be unmarked: any active one of the kind counts.
            let taken: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM bodies WHERE organization = $1 AND kind = $2 AND path = $3 AND status = 'active' LIMIT 1",
            )
            .bind(&new.organization)
            .bind(&new.kind)
            .bind(new.path.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            if taken.is_some() {
                return Err(StoreError::Conflict("body-exists"));
            }
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO bodies (organization, kind, territory_code, path, parent_id, name, status, created_at, sole, name_fr)
             SELECT $1, $2, $3, $4, $5, $6, 'active', $7, $8, $9
             WHERE $5 IS NULL OR EXISTS (SELECT 1 FROM bodies p WHERE p.id = $5 AND p.status = 'active')
             RETURNING id",
        )
        .bind(&new.organization)
        .bind(&new.kind)
        .bind(&new.territory_code)
        .bind(new.path.as_str())
        .bind(new.parent_id)
        .bind(&new.name)
        .bind(crate::now())
        .bind(new.sole)
        .bind(&new.name_fr)
        .fetch_optional(&mut *tx)
        .await
        // Two at once on PostgreSQL: both checked before either wrote; the index decides.
        .map_err(StoreError::unique_as("body-exists"))?
        .ok_or(StoreError::Conflict("parent-unknown"))?;
        let audit = audit.target("body", id, Some(new.path.clone())).organizations(&new.organization);
        append_audit!(tx, &audit)?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Puts a body in formation: its founding committee and target date.
pub async fn set_founding(
    db: &Db,
    b: &Body,
    target: &str,
    committee: &str,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("UPDATE bodies SET founding_target = $1, founding_committee = $2 WHERE id = $3 AND constituted_on IS NULL")
            .bind(target).bind(committee).bind(b.id)
            .execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("body-constituted"));
        }
        append_audit!(tx, &audit.target_of("body", b.id, &b.target()).detail(serde_json::json!({ "founding_target": target })))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Every active body of one organization and kind, for the coverage view.
pub async fn of_kind(db: &Db, organization: &str, kind: &str) -> Result<Vec<Body>> {
    let sql = format!("{SELECT} WHERE b.organization = $1 AND b.kind = $2 AND b.status = 'active'");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Body>(sqlx::AssertSqlSafe(sql)).bind(organization).bind(kind).fetch_all(p).await)?,
    )
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Body>> {
    let sql = format!("{SELECT} WHERE b.id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Body>(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(p).await)?,
    )
}

#[derive(Debug, Clone, Default)]
pub struct BodyQuery {
    /// Only bodies anchored in this subtree.
    pub within: Option<TerritoryPath>,
    /// Only bodies anchored exactly at this territory.
    pub at_territory: Option<String>,
    /// Only bodies directly under this one.
    pub parent_id: Option<i64>,
    pub include_dissolved: bool,
}

/// The bodies the scope covers, ordered as a tree reads (by path, then organization).
pub async fn list(db: &Db, scope: &ScopeFilter, q: &BodyQuery, page: Page) -> Result<Paged<Body>> {
    let (scope_sql, mut binds) = scope.sql("b.path", "b.organization", 1);
    let mut conditions = vec![scope_sql];
    if let Some(within) = &q.within {
        let (low, high) = within.range();
        binds.push(low);
        binds.push(high);
        conditions.push(format!(
            "b.path >= ${} AND b.path < ${}",
            binds.len() - 1,
            binds.len()
        ));
    }
    if let Some(code) = &q.at_territory {
        binds.push(code.clone());
        conditions.push(format!("b.territory_code = ${}", binds.len()));
    }
    if let Some(parent) = q.parent_id {
        binds.push(parent.to_string());
        conditions.push(format!("b.parent_id = CAST(${} AS BIGINT)", binds.len()));
    }
    if !q.include_dissolved {
        conditions.push("b.status = 'active'".to_owned());
    }
    let where_sql = conditions.join(" AND ");
    let n = binds.len();
    let list_sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY b.path, b.organization, b.id LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM bodies b WHERE {where_sql}");
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

pub async fn rename(db: &Db, body: &Body, name: &str, audit: AuditEntry) -> Result<()> {
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("UPDATE bodies SET name = $1 WHERE id = $2 AND status = 'active'")
            .bind(name)
            .bind(body.id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        let audit = audit
            .target_of("body", body.id, &body.target())
            .detail(serde_json::json!({ "from": body.name, "to": name }));
        append_audit!(tx, &audit)?;
        tx.commit().await?;
        Ok(())
    })
}

/// Dissolves a body (it stays in the record, marked dissolved with the date).
pub async fn dissolve(db: &Db, body: &Body, audit: AuditEntry) -> Result<()> {
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        // The rule "no active body under it" is checked in the same statement, so that a
        // body created under it meanwhile cannot be left under a dissolved parent.
        let done = sqlx::query(
            "UPDATE bodies SET status = 'dissolved', dissolved_at = $1 WHERE id = $2 AND status = 'active'
               AND NOT EXISTS (SELECT 1 FROM bodies c WHERE c.parent_id = $2 AND c.status = 'active')",
        )
        .bind(crate::now())
        .bind(body.id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("body-has-children"));
        }
        let audit = audit.target_of("body", body.id, &body.target());
        append_audit!(tx, &audit)?;
        tx.commit().await?;
        Ok(())
    })
}
