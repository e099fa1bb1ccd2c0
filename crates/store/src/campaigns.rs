//! Renewal campaigns (a body's campaign for a year, with its dues schedule), payments with
//! their receipts, and closing a campaign (members not renewed lapse).

use crate::BeginWrite as _;
use crate::Day;
use crate::audit::AuditEntry;
use crate::members::Member;
use crate::{AsConn, Conn, Db, Page, Paged, Result, ScopeFilter, StoreError};
use serde::Serialize;
use tanzim_domain::members::CampaignStatus;
use tanzim_domain::members::{CampaignPlan, DuesCategory, Status};
use tanzim_domain::policy::Target;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Campaign {
    pub id: i64,
    pub body_id: i64,
    pub body_name: String,
    pub organization: String,
    pub year: i64,
    #[schema(value_type = String, format = Date)]
    pub opens_on: Day,
    #[schema(value_type = String, format = Date)]
    pub closes_on: Day,
    /// `open` or `closed` (an open campaign being closed has `closing_since`).
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: CampaignStatus,
    pub path: String,
    pub created_at: i64,
    pub closed_at: Option<i64>,
    /// Set while it is being closed: payments have stopped, members lapse batch by batch.
    pub closing_since: Option<i64>,
    /// How many members lapsed when it last closed (so far, while it closes).
    pub lapsed_count: Option<i64>,
    /// Payments recorded so far.
    pub payments: i64,
}

impl Campaign {
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: Some(self.organization.clone()),
        }
    }
    /// Open for payments.
    pub fn is_open(&self) -> bool {
        self.status == CampaignStatus::Open && self.closing_since.is_none()
    }
    pub fn is_closing(&self) -> bool {
        self.status == CampaignStatus::Open && self.closing_since.is_some()
    }
}

const SELECT: &str = "SELECT c.id, c.body_id, b.name AS body_name, b.organization, c.year, c.opens_on, c.closes_on, c.status,
    c.path, c.created_at, c.closed_at, c.closing_since, c.lapsed_count,
    (SELECT COUNT(*) FROM payments p WHERE p.campaign_id = c.id) AS payments
    FROM campaigns c JOIN bodies b ON b.id = c.body_id";

/// Inserts a campaign and its dues categories inside the transaction of `tx` (shared by a
/// launch from the campaign page and by a meeting's approved decision).
pub(crate) async fn insert_campaign(
    tx: &mut Conn<'_>,
    body: &crate::bodies::Body,
    plan: &CampaignPlan,
    actor_id: Option<i64>,
) -> Result<i64> {
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO campaigns (body_id, year, opens_on, closes_on, status, path, created_by, created_at)
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $7) RETURNING id",
    )
    .bind(body.id)
    .bind(i64::from(plan.year))
    .bind(plan.opens_on.to_string())
    .bind(plan.closes_on.to_string())
    .bind(&body.path)
    .bind(actor_id)
    .bind(crate::now())
    .fetch_one(c)
    .await)
    .map_err(StoreError::unique_as("campaign-exists"))?;
    for (i, category) in plan.categories.iter().enumerate() {
        on_tx!(tx, c => sqlx::query("INSERT INTO dues_categories (campaign_id, key, label, amount, position) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(&category.key)
            .bind(&category.label)
            .bind(category.amount)
            .bind(i as i64)
            .execute(c)
            .await
            .map(|_| ()))?;
    }
    Ok(id)
}

pub async fn create(
    db: &Db,
    body: &crate::bodies::Body,
    plan: &CampaignPlan,
    actor_id: i64,
    audit: AuditEntry,
) -> Result<i64> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let id = insert_campaign(&mut tx.as_conn(), body, plan, Some(actor_id)).await?;
        let detail = serde_json::json!({ "year": plan.year, "body": body.id, "opens_on": plan.opens_on.to_string(), "closes_on": plan.closes_on.to_string(),
            "categories": plan.categories.iter().map(|c| format!("{}={}", c.key, c.amount)).collect::<Vec<_>>() });
        append_audit!(tx, &audit.target_of("campaign", id, &body.target()).detail(detail))?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Campaign>> {
    let sql = format!("{SELECT} WHERE c.id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Campaign>(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(p).await)?,
    )
}

#[derive(sqlx::FromRow)]
struct CategoryRow {
    key: String,
    label: String,
    amount: i64,
}

pub async fn categories(db: &Db, campaign_id: i64) -> Result<Vec<DuesCategory>> {
    let rows: Vec<CategoryRow> = on_pool!(db, p => {
        sqlx::query_as::<_, CategoryRow>("SELECT key, label, amount FROM dues_categories WHERE campaign_id = $1 ORDER BY position")
            .bind(campaign_id)
            .fetch_all(p)
            .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| DuesCategory {
            key: r.key,
            label: r.label,
            amount: r.amount,
        })
        .collect())
}

/// Campaigns the scope covers, newest year first.
pub async fn list(db: &Db, scope: &ScopeFilter, page: Page) -> Result<Paged<Campaign>> {
    let (where_sql, binds) = scope.sql("c.path", "b.organization", 1);
    let n = binds.len();
    let list_sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY c.year DESC, c.path, c.id LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!(
        "SELECT COUNT(*) FROM campaigns c JOIN bodies b ON b.id = c.body_id WHERE {where_sql}"
    );
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

/// Open campaigns whose jurisdiction contains a member's branch, most local first.
pub async fn open_for(db: &Db, member_path: &str) -> Result<Vec<Campaign>> {
    let sql = format!(
        "{SELECT} WHERE c.status = 'open' AND substr($1, 1, length(c.path)) = c.path ORDER BY length(c.path) DESC, c.year DESC"
    );
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Campaign>(sqlx::AssertSqlSafe(sql.as_str())).bind(member_path).fetch_all(p).await)?,
    )
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Payment {
    pub id: i64,
    pub member_id: i64,
    pub member_number: String,
    pub campaign_id: i64,
    pub year: i64,
    pub category: String,
    /// Centimes of a dirham.
    pub amount: i64,
    pub method: String,
    pub receipt: String,
    pub body_id: i64,
    pub body_name: String,
    #[schema(value_type = String, format = Date)]
    pub paid_on: Day,
    pub path: String,
    pub recorded_at: i64,
    /// The member's own link to this receipt (`/receipts/{token}`).
    #[serde(skip)]
    pub receipt_token: Option<String>,
}

const PAYMENT_SELECT: &str = "SELECT p.id, p.member_id, m.number AS member_number, p.campaign_id, p.year, p.category, p.amount,
    p.method, p.receipt, p.body_id, b.name AS body_name, p.paid_on, p.path, p.recorded_at, p.receipt_token
    FROM payments p JOIN members m ON m.id = p.member_id JOIN bodies b ON b.id = p.body_id";

pub struct NewPayment<'a> {
    pub campaign: &'a Campaign,
    pub category: &'a DuesCategory,
    pub method: &'a str,
    pub receipt: Receipt<'a>,
    pub paid_on: &'a str,
    /// The member's status after renewing (from the domain's transition).
    pub new_status: Status,
    pub actor_id: i64,
    /// An unguessable token for the member's link to the receipt.
    pub receipt_token: &'a str,
}

/// A payment's receipt number: typed from a paper receipt book, or the body's next one.
#[derive(Clone, Copy)]
pub enum Receipt<'a> {
    Given(&'a str),
    /// The body's next number this year, made with the profile's pattern.
    Next {
        pattern: &'a str,
    },
}

/// Records a renewal: the payment with its receipt (unique per body), the member's paid
/// year, and, if it was lapsed, its return to active with a history row. One transaction.
pub async fn record_payment(
    db: &Db,
    member: &Member,
    new: &NewPayment<'_>,
    audit: AuditEntry,
) -> Result<i64> {
    let now = crate::now();
    let c = new.campaign;
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let receipt = match new.receipt {
            Receipt::Given(r) => r.to_owned(),
            // The body's sequence for the year, inside the payment's transaction (the write
            // lock orders two renewals); a number already typed by hand is skipped.
            Receipt::Next { pattern } => loop {
                let seq: i64 = sqlx::query_scalar(
                    "INSERT INTO receipt_sequences (body_id, year, last_value) VALUES ($1, $2, 1)
                     ON CONFLICT (body_id, year) DO UPDATE SET last_value = receipt_sequences.last_value + 1
                     RETURNING last_value",
                )
                .bind(c.body_id)
                .bind(c.year)
                .fetch_one(&mut *tx)
                .await?;
                let candidate = tanzim_domain::members::receipt_from_pattern(pattern, c.body_id, c.year, seq);
                let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM payments WHERE body_id = $1 AND receipt = $2")
                    .bind(c.body_id)
                    .bind(&candidate)
                    .fetch_optional(&mut *tx)
                    .await?;
                if taken.is_none() {
                    break candidate;
                }
            },
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO payments (member_id, campaign_id, year, category, amount, method, receipt, body_id, paid_on, path, recorded_by, recorded_at, receipt_token)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(member.id)
        .bind(c.id)
        .bind(c.year)
        .bind(&new.category.key)
        .bind(new.category.amount)
        .bind(new.method)
        .bind(&receipt)
        .bind(c.body_id)
        .bind(new.paid_on)
        .bind(&member.person.path)
        .bind(new.actor_id)
        .bind(now)
        .bind(new.receipt_token)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match &e {
            // Two uniqueness rules: the receipt per body, the renewal per member and year.
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                if d.message().contains("receipt") { StoreError::Conflict("receipt-taken") } else { StoreError::Conflict("already-renewed") }
            }
            _ => StoreError::Database(e),
        })?;
        let done = sqlx::query(
            "UPDATE members SET paid_year = CASE WHEN paid_year IS NULL OR paid_year < $1 THEN $1 ELSE paid_year END,
               status = $2, status_since = CASE WHEN status = $2 THEN status_since ELSE $3 END, updated_at = $4
             WHERE id = $5 AND status = $6 AND path = $7",
        )
        .bind(c.year)
        .bind(new.new_status.as_str())
        .bind(new.paid_on)
        .bind(now)
        .bind(member.id)
        .bind(member.status.as_str())
        .bind(&member.person.path)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("member-changed"));
        }
        if member.status != new.new_status {
            let (sex, birth_date): (String, String) = sqlx::query_as("SELECT sex, birth_date FROM members WHERE id = $1")
                .bind(member.id)
                .fetch_one(&mut *tx)
                .await?;
            let mut counts = crate::counters::Deltas::default();
            counts.add(&member.person.path, member.status.as_str(), &sex, &birth_date, new.paid_on, -1);
            counts.add(&member.person.path, new.new_status.as_str(), &sex, &birth_date, new.paid_on, 1);
            crate::counters::apply(db, &mut tx.as_conn(), &counts).await?;
            crate::members::close_period(&mut tx.as_conn(), member.id, new.paid_on).await?;
            sqlx::query(
                "INSERT INTO member_history (member_id, valid_from, status, commune_code, path, event, reason, changed_by, changed_at)
                 VALUES ($1, $2, $3, $4, $5, 'renew', $6, $7, $8)",
            )
            .bind(member.id)
            .bind(new.paid_on)
            .bind(new.new_status.as_str())
            .bind(&member.person.commune_code)
            .bind(&member.person.path)
            .bind(format!("{} {}", c.year, receipt))
            .bind(new.actor_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        let detail = serde_json::json!({ "campaign": c.id, "year": c.year, "category": new.category.key, "amount": new.category.amount,
            "method": new.method, "receipt": receipt, "member": member.number });
        append_audit!(tx, &audit.target("payment", id, Some(TerritoryPath::from_stored(member.person.path.clone()))).organizations(&member.person.affiliations).detail(detail))?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn payment(db: &Db, id: i64) -> Result<Option<Payment>> {
    let sql = format!("{PAYMENT_SELECT} WHERE p.id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Payment>(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(p).await)?,
    )
}

/// A receipt by the member's link.
pub async fn payment_by_token(db: &Db, token: &str) -> Result<Option<Payment>> {
    let sql = format!("{PAYMENT_SELECT} WHERE p.receipt_token = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Payment>(sqlx::AssertSqlSafe(sql.as_str())).bind(token).fetch_optional(p).await)?,
    )
}

pub async fn payments_of_member(db: &Db, member_id: i64) -> Result<Vec<Payment>> {
    let sql = format!("{PAYMENT_SELECT} WHERE p.member_id = $1 ORDER BY p.year DESC");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Payment>(sqlx::AssertSqlSafe(sql.as_str())).bind(member_id).fetch_all(p).await)?,
    )
}

pub async fn payments_of_campaign(
    db: &Db,
    scope: &ScopeFilter,
    campaign_id: i64,
    page: Page,
) -> Result<Paged<Payment>> {
    let (scope_sql, binds) = scope.sql_members("p.path", "m.affiliations", 2);
    let where_sql = format!("p.campaign_id = $1 AND {scope_sql}");
    let n = binds.len() + 1;
    let list_sql = format!(
        "{PAYMENT_SELECT} WHERE {where_sql} ORDER BY p.id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!(
        "SELECT COUNT(*) FROM payments p JOIN members m ON m.id = p.member_id WHERE {where_sql}"
    );
    on_pool!(db, p => {
        let mut items = sqlx::query_as::<_, Payment>(sqlx::AssertSqlSafe(list_sql.as_str())).bind(campaign_id);
        let mut count = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql.as_str())).bind(campaign_id);
        for b in &binds {
            items = items.bind(b);
            count = count.bind(b);
        }
        let items = items.bind(page.limit()).bind(page.offset()).fetch_all(p).await?;
        let total = count.fetch_one(p).await?;
        Ok(Paged { items, total, capped: false, page: page.number, page_size: page.size })
    })
}

/// Starts closing a campaign: payments stop, and `actor_id` is kept as the one who closed
/// it. Its members who did not renew then lapse batch by batch (`lapse_batch`) until
/// `finish_close`.
pub async fn begin_close(db: &Db, c: &Campaign, actor_id: i64, audit: AuditEntry) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = sqlx::query("UPDATE campaigns SET closing_since = $1, closing_by = $2 WHERE id = $3 AND status = 'open' AND closing_since IS NULL")
            .bind(crate::now())
            .bind(actor_id)
            .bind(c.id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("campaign-closed"));
        }
        let detail = serde_json::json!({ "year": c.year });
        append_audit!(tx, &audit.target("campaign", c.id, Some(TerritoryPath::from_stored(c.path.clone()))).organizations(&c.organization).detail(detail))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Lapses up to `limit` members of a closing campaign who did not renew for its year,
/// after `after` in the order of the roll's index (path, then id), with their history rows
/// and the counters, in one transaction (so a batch is wholly in or out); returns how many
/// lapsed and where the next batch starts (each reads the index from there, instead of
/// gathering and sorting every active member of the scope again), 0 when none is left or
/// the campaign is not closing.
pub async fn lapse_batch(
    db: &Db,
    c: &Campaign,
    today: &str,
    after: &LapseCursor,
    limit: i64,
) -> Result<(i64, LapseCursor)> {
    let (low, high) = TerritoryPath::from_stored(c.path.clone()).range();
    let year_start = format!("{:04}-01-01", c.year);
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let closing_by: Option<Option<i64>> = sqlx::query_scalar("SELECT closing_by FROM campaigns WHERE id = $1 AND status = 'open' AND closing_since IS NOT NULL")
            .bind(c.id).fetch_optional(&mut *tx).await?;
        let Some(closing_by) = closing_by else {
            return Ok((0, after.clone()));
        };
        // Lapse first and take exactly the rows changed, so that a renewal committing
        // meanwhile (PostgreSQL runs each statement on its own snapshot) cannot get a
        // history row or a count it should not. The outer condition is checked again on
        // the row as it is when locked: PostgreSQL re-checks only that one after waiting
        // on a row another transaction changed, so a member lapsed or renewed meanwhile
        // is left alone.
        let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "UPDATE members SET status = 'lapsed', status_since = $5, updated_at = $6 WHERE id IN (
               SELECT id FROM members WHERE status = 'active' AND path >= $1 AND path < $2 AND joined_on < $3
                 AND (paid_year IS NULL OR paid_year < $4) AND path >= $8 AND (path > $8 OR id > $9)
                 ORDER BY path, id LIMIT $7)
               AND status = 'active' AND (paid_year IS NULL OR paid_year < $4)
             RETURNING id, commune_code, path, sex, birth_date",
        )
        .bind(&low).bind(&high).bind(&year_start).bind(c.year).bind(today).bind(now).bind(limit)
        .bind(&after.path).bind(after.id)
        .fetch_all(&mut *tx).await?;
        let reason = format!("campaign {} ({}) closed", c.id, c.year);
        crate::members::record_lapses(db, &mut tx.as_conn(), &rows, today, &reason, closing_by, now).await?;
        let lapsed = rows.len() as i64;
        sqlx::query("UPDATE campaigns SET lapsed_count = COALESCE(lapsed_count, 0) + $1 WHERE id = $2").bind(lapsed).bind(c.id).execute(&mut *tx).await?;
        tx.commit().await?;
        let next = rows
            .iter()
            .map(|r| LapseCursor { path: r.2.clone(), id: r.0 })
            .max()
            .unwrap_or_else(|| after.clone());
        Ok((lapsed, next))
    })
}

/// Where a close's next batch starts: after this member, in the order of the index on
/// status and path (path, then id). The default starts at the beginning.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct LapseCursor {
    pub path: String,
    pub id: i64,
}

/// How many members a closing campaign still has to lapse (the total a close's progress
/// is measured against).
pub async fn to_lapse(db: &Db, c: &Campaign) -> Result<i64> {
    let (low, high) = TerritoryPath::from_stored(c.path.clone()).range();
    let year_start = format!("{:04}-01-01", c.year);
    on_pool!(db, p => Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM members WHERE status = 'active' AND path >= $1 AND path < $2 AND joined_on < $3
           AND (paid_year IS NULL OR paid_year < $4)",
    )
    .bind(&low).bind(&high).bind(&year_start).bind(c.year).fetch_one(p).await?))
}

/// Who began closing campaign `id` (the owner of its job).
pub async fn closing_by(db: &Db, id: i64) -> Result<Option<i64>> {
    on_pool!(db, p => Ok(sqlx::query_scalar::<_, Option<i64>>("SELECT closing_by FROM campaigns WHERE id = $1")
        .bind(id).fetch_optional(p).await?.flatten()))
}

/// Ends a close: the campaign is closed. Returns how many members lapsed in all.
pub async fn finish_close(db: &Db, c: &Campaign) -> Result<i64> {
    on_pool!(db, p => {
        let lapsed: Option<Option<i64>> = sqlx::query_scalar(
            "UPDATE campaigns SET status = 'closed', closed_at = $1, closing_since = NULL, lapsed_count = COALESCE(lapsed_count, 0)
             WHERE id = $2 AND closing_since IS NOT NULL
             RETURNING lapsed_count",
        )
        .bind(crate::now()).bind(c.id).fetch_optional(p).await?;
        Ok(lapsed.flatten().unwrap_or(0))
    })
}

/// The campaigns being closed (to resume after a restart).
pub async fn closing(db: &Db) -> Result<Vec<i64>> {
    Ok(
        on_pool!(db, p => sqlx::query_scalar("SELECT id FROM campaigns WHERE status = 'open' AND closing_since IS NOT NULL ORDER BY id").fetch_all(p).await)?,
    )
}

/// Reopens a closed campaign or moves its closing date; members who lapsed stay lapsed
/// until they renew (a renewal makes them active again).
pub async fn reopen(db: &Db, c: &Campaign, closes_on: &str, audit: AuditEntry) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        sqlx::query("UPDATE campaigns SET status = 'open', closes_on = $1, closed_at = NULL, closing_since = NULL WHERE id = $2")
            .bind(closes_on)
            .bind(c.id)
            .execute(&mut *tx)
            .await?;
        let detail = serde_json::json!({ "from_status": c.status, "closes_on_from": c.closes_on, "closes_on_to": closes_on });
        append_audit!(tx, &audit.target("campaign", c.id, Some(TerritoryPath::from_stored(c.path.clone()))).organizations(&c.organization).detail(detail))?;
        tx.commit().await?;
        Ok(())
    })
}
