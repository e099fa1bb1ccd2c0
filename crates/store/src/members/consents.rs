//! A member's consents, given and withdrawn over time.

use super::rows::Member;
use crate::BeginWrite as _;
use crate::Day;
use crate::audit::AuditEntry;
use crate::{Db, Result, StoreError};
use serde::Serialize;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Consent {
    pub id: i64,
    pub kind: String,
    pub granted: bool,
    #[schema(value_type = String, format = Date)]
    pub given_on: Day,
    pub source: String,
    pub wording_version: String,
    pub recorded_at: i64,
}

pub async fn consents(db: &Db, member_id: i64) -> Result<Vec<Consent>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, Consent>(
            "SELECT id, kind, granted, given_on, source, wording_version, recorded_at FROM consents WHERE member_id = $1 ORDER BY id DESC",
        )
        .bind(member_id)
        .fetch_all(p)
        .await
    })?)
}

pub struct ConsentChange<'a> {
    pub kind: &'a str,
    pub granted: bool,
    pub on: &'a str,
    pub source: &'a str,
    pub wording_version: &'a str,
    pub actor_id: Option<i64>,
}

/// Records a consent given or withdrawn, and the member's current state of it.
pub async fn record_consent(
    db: &Db,
    member: &Member,
    c: &ConsentChange<'_>,
    audit: AuditEntry,
) -> Result<()> {
    let column = match c.kind {
        "contact" => "consent_contact",
        "public_lists" => "consent_public",
        _ => return Err(StoreError::Conflict("consent-kind-unknown")),
    };
    let update = format!("UPDATE members SET {column} = $1, updated_at = $2 WHERE id = $3");
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(sqlx::AssertSqlSafe(update.as_str())).bind(c.granted).bind(crate::now()).bind(member.id).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO consents (member_id, kind, granted, given_on, source, wording_version, recorded_by, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(member.id)
        .bind(c.kind)
        .bind(c.granted)
        .bind(c.on)
        .bind(c.source)
        .bind(c.wording_version)
        .bind(c.actor_id)
        .bind(crate::now())
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({ "kind": c.kind, "granted": c.granted, "source": c.source, "version": c.wording_version });
        append_audit!(tx, &audit.target("member", member.id, Some(TerritoryPath::from_stored(member.person.path.clone()))).organizations(&member.person.affiliations).organizations(&member.person.affiliations).detail(detail))?;
        tx.commit().await?;
        Ok(())
    })
}
