//! Changes officers make to a member: status, branch, contact details.

use super::history::close_period;
use super::rows::Member;
use crate::BeginWrite as _;
use crate::audit::AuditEntry;
use crate::counters::Deltas;
use crate::{AsConn, Conn, Db, Result, StoreError};
use tanzim_domain::members::Status;
use tanzim_domain::territory::TerritoryPath;

/// A change of status or branch, as decided by the domain.
pub struct Change<'a> {
    pub event: &'a str,
    pub to_status: Status,
    pub to_commune: &'a str,
    pub to_path: &'a TerritoryPath,
    /// The day it takes effect (YYYY-MM-DD).
    pub on: &'a str,
    pub suspended_until: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub decision: Option<&'a str>,
    pub actor_id: Option<i64>,
}

/// Applies a change inside the transaction of `tx`: the member row, the history (the
/// current period closes, a new one opens), the counts and the audit entry. Refused with
/// `Conflict` when the member changed since it was read (another officer got there first).
/// Shared by status changes and transfers ([`apply`]) and by decisions that change a
/// member's status (disciplinary cases).
pub(crate) async fn apply_change(
    db: &Db,
    tx: &mut Conn<'_>,
    member: &Member,
    change: &Change<'_>,
    audit: AuditEntry,
) -> Result<()> {
    let now = crate::now();
    let done = on_tx!(tx, c => sqlx::query(
        "UPDATE members SET status = $1, status_since = CASE WHEN status = $1 THEN status_since ELSE $2 END,
           suspended_until = $3, commune_code = $4, path = $5, updated_at = $6
         WHERE id = $7 AND status = $8 AND path = $9",
    )
    .bind(change.to_status.as_str())
    .bind(change.on)
    .bind(change.suspended_until)
    .bind(change.to_commune)
    .bind(change.to_path.as_str())
    .bind(now)
    .bind(member.id)
    .bind(member.status.as_str())
    .bind(&member.person.path)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    if done != 1 {
        return Err(StoreError::Conflict("member-changed"));
    }
    // Sex and birth date from the row itself (the caller's copy may hide them).
    let (sex, birth_date): (String, String) = on_tx!(tx, c => sqlx::query_as("SELECT sex, birth_date FROM members WHERE id = $1")
        .bind(member.id)
        .fetch_one(c)
        .await)?;
    let mut counts = Deltas::default();
    counts.add(
        &member.person.path,
        member.status.as_str(),
        &sex,
        &birth_date,
        change.on,
        -1,
    );
    counts.add(
        change.to_path.as_str(),
        change.to_status.as_str(),
        &sex,
        &birth_date,
        change.on,
        1,
    );
    crate::counters::apply(db, tx, &counts).await?;
    close_period(tx, member.id, change.on).await?;
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO member_history (member_id, valid_from, status, commune_code, path, event, reason, decision, changed_by, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(member.id)
    .bind(change.on)
    .bind(change.to_status.as_str())
    .bind(change.to_commune)
    .bind(change.to_path.as_str())
    .bind(change.event)
    .bind(change.reason)
    .bind(change.decision)
    .bind(change.actor_id)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    let detail = serde_json::json!({
        "event": change.event, "from": member.status, "to": change.to_status.as_str(),
        "commune_from": member.person.commune_code, "commune_to": change.to_commune, "on": change.on,
        "reason": change.reason, "decision": change.decision,
    });
    let entry = audit
        .target("member", member.id, Some(change.to_path.clone()))
        .organizations(&member.person.affiliations)
        .detail(detail);
    on_tx!(tx, c => append_audit!(c, &entry).map(|_| ()))?;
    Ok(())
}

/// Applies a change (see [`apply_change`]) in a transaction of its own.
pub async fn apply(db: &Db, member: &Member, change: &Change<'_>, audit: AuditEntry) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        apply_change(db, &mut tx.as_conn(), member, change, audit).await?;
        tx.commit().await?;
        Ok(())
    })
}

/// Contact details an officer keeps up to date.
pub struct ContactUpdate<'a> {
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub address: Option<&'a str>,
    pub profession: Option<&'a str>,
    pub education: Option<&'a str>,
    pub notes: Option<&'a str>,
}

pub async fn update_contact(
    db: &Db,
    member: &Member,
    u: &ContactUpdate<'_>,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query(
            "UPDATE members SET phone = $1, email = $2, address = $3, profession = $4, education = $5, notes = $6, updated_at = $7
             WHERE id = $8",
        )
        .bind(u.phone)
        .bind(u.email)
        .bind(u.address)
        .bind(u.profession)
        .bind(u.education)
        .bind(u.notes)
        .bind(crate::now())
        .bind(member.id)
        .execute(&mut *tx)
        .await?;
        append_audit!(tx, &audit.target("member", member.id, Some(TerritoryPath::from_stored(member.person.path.clone()))).organizations(&member.person.affiliations))?;
        tx.commit().await?;
        Ok(())
    })
}
