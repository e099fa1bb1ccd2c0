//! The member registry: records, their history (status and branch over time, so that
//! "who was in good standing in this branch on date D" has an answer), and consents.

use crate::audit::AuditEntry;
use crate::{Db, Page, Paged, Result, ScopeFilter, StoreError};
use serde::Serialize;
use tanzim_domain::members::{Person, Status};
use tanzim_domain::names::fold;
use tanzim_domain::policy::Target;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Member {
    pub id: i64,
    pub number: String,
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    pub sex: String,
    pub birth_date: String,
    pub cin: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub commune_code: String,
    pub commune_name_ar: Option<String>,
    pub commune_name_fr: Option<String>,
    pub path: String,
    pub profession: Option<String>,
    pub education: Option<String>,
    /// Affiliated organizations joined, comma-separated keys.
    pub affiliations: String,
    pub joined_on: String,
    pub status: String,
    pub status_since: String,
    pub suspended_until: Option<String>,
    /// The last membership year paid.
    pub paid_year: Option<i64>,
    pub consent_contact: bool,
    pub consent_public: bool,
    pub notes: Option<String>,
    #[serde(skip)]
    pub card_token: String,
    pub application_id: Option<i64>,
}

impl Member {
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: None,
        }
    }
    pub fn status(&self) -> Option<Status> {
        Status::parse(&self.status)
    }
    pub fn display_name(&self, lang: &str) -> String {
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
    /// Removes what only some roles may see (CIN, phone, e-mail, address, birth date).
    pub fn without_contact(mut self) -> Member {
        self.cin = String::new();
        self.phone = None;
        self.email = None;
        self.address = None;
        self.birth_date = String::new();
        self.notes = None;
        self
    }
}

pub(crate) const SELECT: &str = "SELECT m.id, m.number, m.first_name_ar, m.last_name_ar, m.first_name_lat, m.last_name_lat,
    m.sex, m.birth_date, m.cin, m.phone, m.email, m.address, m.commune_code, t.name_ar AS commune_name_ar,
    t.name_fr AS commune_name_fr, m.path, m.profession, m.education, m.affiliations, m.joined_on, m.status,
    m.status_since, m.suspended_until, m.paid_year, m.consent_contact, m.consent_public, m.notes, m.card_token,
    m.application_id
    FROM members m JOIN territories t ON t.code = m.commune_code";

/// The consonant skeletons stored for cross-script search: the Arabic full name's and the
/// Latin full name's, separated by ` | `.
pub fn skeleton_key(p: &Person) -> String {
    skeleton_of([
        &p.first_name_ar,
        &p.last_name_ar,
        &p.first_name_lat,
        &p.last_name_lat,
    ])
}

fn skeleton_of(names: [&Option<String>; 4]) -> String {
    let [far, lar, flat, llat] = names;
    let full = |a: &Option<String>, b: &Option<String>| {
        [a, b]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    [full(far, lar), full(flat, llat)]
        .iter()
        .map(|n| tanzim_domain::names::skeleton(n))
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Fills the skeleton of members written before it existed (run at start; cheap when none).
pub async fn backfill_skeletons(db: &Db) -> Result<u64> {
    #[derive(sqlx::FromRow)]
    struct Names {
        id: i64,
        first_name_ar: Option<String>,
        last_name_ar: Option<String>,
        first_name_lat: Option<String>,
        last_name_lat: Option<String>,
    }
    let mut done = 0;
    loop {
        let rows: Vec<Names> = on_pool!(db, p => {
            sqlx::query_as::<_, Names>(
                "SELECT id, first_name_ar, last_name_ar, first_name_lat, last_name_lat FROM members WHERE skeleton = '' LIMIT 1000",
            )
            .fetch_all(p)
            .await
        })?;
        if rows.is_empty() {
            return Ok(done);
        }
        on_pool!(db, p => {
            let mut tx = p.begin().await?;
            for r in &rows {
                // A name with no consonant at all still gets a non-empty key, so it is not read again.
                let key = skeleton_of([&r.first_name_ar, &r.last_name_ar, &r.first_name_lat, &r.last_name_lat]);
                let key = if key.is_empty() { "-".to_owned() } else { key };
                sqlx::query("UPDATE members SET skeleton = $1 WHERE id = $2").bind(key).bind(r.id).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        done += rows.len() as u64;
    }
}

/// The folded names stored for search.
pub fn name_key(p: &Person) -> String {
    [
        &p.first_name_ar,
        &p.last_name_ar,
        &p.first_name_lat,
        &p.last_name_lat,
    ]
    .iter()
    .filter_map(|n| n.as_deref())
    .map(fold)
    .collect::<Vec<_>>()
    .join(" | ")
}

pub struct NewMember<'a> {
    pub person: &'a Person,
    /// The province the number's sequence belongs to.
    pub province_code: String,
    pub path: TerritoryPath,
    pub joined_on: String,
    pub consent_contact: bool,
    pub consent_public: bool,
    pub consent_source: String,
    pub consent_version: String,
    pub notes: Option<String>,
    pub card_token: String,
    /// The accepted application this member comes from (marked accepted in the same
    /// transaction); `None` for direct entry.
    pub application_id: Option<i64>,
    pub actor_id: Option<i64>,
}

/// Inserts a member (its number from the province's sequence, its first history period
/// and its consents) inside the transaction `$tx`, adding its counts to `$counts`;
/// evaluates to `Result<(id, number), StoreError>`. Shared by single entry and import.
macro_rules! insert_member {
    ($tx:expr, $new:expr, $now:expr, $counts:expr) => {{
        let new: &$crate::members::NewMember<'_> = $new;
        let p = new.person;
        let now: i64 = $now;
        let result: $crate::Result<(i64, String)> = async {
        let seq: i64 = sqlx::query_scalar(
                "INSERT INTO member_sequences (province_code, last_value) VALUES ($1, 1)
                 ON CONFLICT (province_code) DO UPDATE SET last_value = member_sequences.last_value + 1
                 RETURNING last_value",
            )
            .bind(&new.province_code)
            .fetch_one(&mut *$tx)
            .await?;
            let number = tanzim_domain::members::membership_number(&new.province_code, seq);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO members (number, first_name_ar, last_name_ar, first_name_lat, last_name_lat, name_key, sex,
                   birth_date, cin, phone, email, address, commune_code, path, profession, education, affiliations,
                   joined_on, status, status_since, consent_contact, consent_public, notes, card_token, application_id,
                   created_at, updated_at, skeleton)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'active', $18,
                   $19, $20, $21, $22, $23, $24, $24, $25)
                 RETURNING id",
            )
            .bind(&number)
            .bind(&p.first_name_ar)
            .bind(&p.last_name_ar)
            .bind(&p.first_name_lat)
            .bind(&p.last_name_lat)
            .bind($crate::members::name_key(p))
            .bind(p.sex.as_str())
            .bind(p.birth_date.to_string())
            .bind(p.cin.as_str())
            .bind(p.phone.as_ref().map(|x| x.as_str()))
            .bind(&p.email)
            .bind(&p.address)
            .bind(p.commune.as_str())
            .bind(new.path.as_str())
            .bind(&p.profession)
            .bind(&p.education)
            .bind(p.affiliations.join(","))
            .bind(&new.joined_on)
            .bind(new.consent_contact)
            .bind(new.consent_public)
            .bind(&new.notes)
            .bind(&new.card_token)
            .bind(new.application_id)
            .bind(now)
            .bind($crate::members::skeleton_key(p))
            .fetch_one(&mut *$tx)
            .await
            .map_err($crate::StoreError::unique_as("cin-taken"))?;
            $counts.add(new.path.as_str(), "active", p.sex.as_str(), &p.birth_date.to_string(), 1);
            sqlx::query(
                "INSERT INTO member_history (member_id, valid_from, status, commune_code, path, event, changed_by, changed_at)
                 VALUES ($1, $2, 'active', $3, $4, 'join', $5, $6)",
            )
            .bind(id)
            .bind(&new.joined_on)
            .bind(p.commune.as_str())
            .bind(new.path.as_str())
            .bind(new.actor_id)
            .bind(now)
            .execute(&mut *$tx)
            .await?;
            for (kind, granted) in [("contact", new.consent_contact), ("public_lists", new.consent_public)] {
                sqlx::query(
                    "INSERT INTO consents (member_id, kind, granted, given_on, source, wording_version, recorded_by, recorded_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(id)
                .bind(kind)
                .bind(granted)
                .bind(&new.joined_on)
                .bind(&new.consent_source)
                .bind(&new.consent_version)
                .bind(new.actor_id)
                .bind(now)
                .execute(&mut *$tx)
                .await?;
            }
                Ok((id, number))
        }
        .await;
        result
    }};
}

/// Creates a member with its number, first history row and consents, and (when it comes
/// from an application) marks the application accepted, all in one transaction.
pub async fn create(db: &Db, new: &NewMember<'_>, audit: AuditEntry) -> Result<(i64, String)> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut counts = crate::counters::Deltas::default();
        let (id, number) = insert_member!(tx, new, now, &mut counts)?;
        apply_counts!(tx, &counts)?;
        if let Some(app) = new.application_id {
            let done = sqlx::query(
                "UPDATE applications SET status = 'accepted', decided_by = $1, decided_at = $2, member_id = $3
                 WHERE id = $4 AND status = 'pending'",
            )
            .bind(new.actor_id)
            .bind(now)
            .bind(id)
            .bind(app)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict("application-decided"));
            }
        }
        let detail = serde_json::json!({ "number": number, "application": new.application_id });
        append_audit!(tx, &audit.target("member", id, Some(new.path.clone())).detail(detail))?;
        tx.commit().await?;
        Ok((id, number))
    })
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Member>> {
    let sql = format!("{SELECT} WHERE m.id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Member>(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(p).await)?,
    )
}

pub async fn by_card_token(db: &Db, token: &str) -> Result<Option<Member>> {
    let sql = format!("{SELECT} WHERE m.card_token = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Member>(sqlx::AssertSqlSafe(sql.as_str())).bind(token).fetch_optional(p).await)?,
    )
}

#[derive(Debug, Clone, Default)]
pub struct MemberQuery {
    pub within: Option<TerritoryPath>,
    pub status: Option<Status>,
    /// A name (folded, either script), a CIN, a phone or a membership number.
    pub q: Option<String>,
    /// Whether `q` may match CINs and phones (only for roles that may see them).
    pub match_contact: bool,
}

/// Members the scope covers, filtered, by number.
pub async fn list(
    db: &Db,
    scope: &ScopeFilter,
    q: &MemberQuery,
    page: Page,
) -> Result<Paged<Member>> {
    let (scope_sql, mut binds) = scope.sql_members("m.path", "m.affiliations", 1);
    let mut conditions = vec![scope_sql];
    if let Some(within) = &q.within {
        let (low, high) = within.range();
        binds.push(low);
        binds.push(high);
        conditions.push(format!(
            "m.path >= ${} AND m.path < ${}",
            binds.len() - 1,
            binds.len()
        ));
    }
    if let Some(status) = q.status {
        binds.push(status.as_str().to_owned());
        conditions.push(format!("m.status = ${}", binds.len()));
    }
    // Ranked search: an exact CIN, number or phone first, then names containing the folded
    // query, then names whose skeleton holds every word of the query's (other spellings,
    // other script). محمد then finds محمد before محمود, which only shares its skeleton.
    let mut order = "m.number".to_owned();
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let clean = |s: String| {
            s.chars()
                .filter(|c| !matches!(c, '%' | '\\' | '|' | '_'))
                .collect::<String>()
        };
        let folded = clean(fold(text));
        let exact = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let phone = tanzim_domain::members::Phone::parse(text)
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default();
        binds.push(exact);
        let e = binds.len();
        binds.push(phone);
        let ph = binds.len();
        binds.push(format!("%{folded}%"));
        let f = binds.len();
        let exact_sql = if q.match_contact {
            format!("(m.cin = ${e} OR m.number = ${e} OR m.phone = ${ph})")
        } else {
            format!("(m.number = ${e} AND ${ph} = ${ph})")
        };
        let folded_sql = format!("m.name_key LIKE ${f}");
        let tokens: Vec<String> = tanzim_domain::names::skeleton(text)
            .split(' ')
            .filter(|t| t.len() >= 2)
            .map(|t| clean(t.to_owned()))
            .collect();
        let skeleton_sql = if tokens.is_empty() {
            "1 = 0".to_owned()
        } else {
            tokens
                .iter()
                .map(|t| {
                    binds.push(format!("%{t}%"));
                    format!("m.skeleton LIKE ${}", binds.len())
                })
                .collect::<Vec<_>>()
                .join(" AND ")
        };
        conditions.push(format!("({exact_sql} OR {folded_sql} OR ({skeleton_sql}))"));
        order =
            format!("CASE WHEN {exact_sql} THEN 0 WHEN {folded_sql} THEN 1 ELSE 2 END, m.number");
    }
    let where_sql = conditions.join(" AND ");
    let n = binds.len();
    let list_sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY {order} LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM members m WHERE {where_sql}");
    fetch_page!(db, Member, list_sql, count_sql, binds, page)
}

/// Members in good standing on `date` (YYYY-MM-DD) in the scope (and optionally a
/// subtree), from the history: their status and branch as they were that day.
pub async fn in_good_standing_on(
    db: &Db,
    scope: &ScopeFilter,
    within: Option<&TerritoryPath>,
    date: &str,
    page: Page,
) -> Result<Paged<Member>> {
    let (scope_sql, mut binds) = scope.sql_members("h.path", "m.affiliations", 1);
    let mut conditions = vec![scope_sql];
    binds.push(date.to_owned());
    let d = binds.len();
    conditions.push(format!(
        "h.valid_from <= ${d} AND (h.valid_to IS NULL OR h.valid_to > ${d}) AND h.status = 'active'"
    ));
    if let Some(within) = within {
        let (low, high) = within.range();
        binds.push(low);
        binds.push(high);
        conditions.push(format!(
            "h.path >= ${} AND h.path < ${}",
            binds.len() - 1,
            binds.len()
        ));
    }
    let where_sql = conditions.join(" AND ");
    let n = binds.len();
    // The branch shown is the one the member belonged to on that date.
    let select = SELECT.replace("m.commune_code, t.name_ar", "h.commune_code, t.name_ar").replace(
        "FROM members m JOIN territories t ON t.code = m.commune_code",
        "FROM member_history h JOIN members m ON m.id = h.member_id JOIN territories t ON t.code = h.commune_code",
    );
    let list_sql = format!(
        "{select} WHERE {where_sql} ORDER BY m.number LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!(
        "SELECT COUNT(*) FROM member_history h JOIN members m ON m.id = h.member_id WHERE {where_sql}"
    );
    fetch_page!(db, Member, list_sql, count_sql, binds, page)
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct HistoryEntry {
    pub id: i64,
    pub valid_from: String,
    pub valid_to: Option<String>,
    pub status: String,
    pub commune_code: String,
    pub event: String,
    pub reason: Option<String>,
    pub decision: Option<String>,
    pub changed_by: Option<i64>,
    pub changed_at: i64,
}

pub async fn history(db: &Db, member_id: i64) -> Result<Vec<HistoryEntry>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, HistoryEntry>(
            "SELECT id, valid_from, valid_to, status, commune_code, event, reason, decision, changed_by, changed_at
             FROM member_history WHERE member_id = $1 ORDER BY id",
        )
        .bind(member_id)
        .fetch_all(p)
        .await
    })?)
}

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

/// Applies a change: the member row, the history (the current period closes, a new one
/// opens) and the audit entry, in one transaction. Refused with `Conflict` when the member
/// changed since it was read (another officer got there first).
pub async fn apply(db: &Db, member: &Member, change: &Change<'_>, audit: AuditEntry) -> Result<()> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let done = sqlx::query(
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
        .bind(&member.status)
        .bind(&member.path)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("member-changed"));
        }
        // Sex and birth date from the row itself (the caller's copy may hide them).
        let (sex, birth_date): (String, String) = sqlx::query_as("SELECT sex, birth_date FROM members WHERE id = $1")
            .bind(member.id)
            .fetch_one(&mut *tx)
            .await?;
        let mut counts = crate::counters::Deltas::default();
        counts.add(&member.path, &member.status, &sex, &birth_date, -1);
        counts.add(change.to_path.as_str(), change.to_status.as_str(), &sex, &birth_date, 1);
        apply_counts!(tx, &counts)?;
        sqlx::query("UPDATE member_history SET valid_to = $1 WHERE member_id = $2 AND valid_to IS NULL")
            .bind(change.on)
            .bind(member.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
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
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({
            "event": change.event, "from": member.status, "to": change.to_status.as_str(),
            "commune_from": member.commune_code, "commune_to": change.to_commune, "on": change.on,
            "reason": change.reason, "decision": change.decision,
        });
        append_audit!(tx, &audit.target("member", member.id, Some(change.to_path.clone())).detail(detail))?;
        tx.commit().await?;
        Ok(())
    })
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Consent {
    pub id: i64,
    pub kind: String,
    pub granted: bool,
    pub given_on: String,
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
        let mut tx = pool.begin().await?;
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
        append_audit!(tx, &audit.target("member", member.id, Some(TerritoryPath::from_stored(member.path.clone()))).detail(detail))?;
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
        let mut tx = pool.begin().await?;
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
        append_audit!(tx, &audit.target("member", member.id, Some(TerritoryPath::from_stored(member.path.clone()))))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Members with the same CIN, or the same folded name and birth date: possible duplicates
/// of an application, for the committee to look at.
pub async fn possible_duplicates(
    db: &Db,
    cin: &str,
    name_key: &str,
    birth_date: &str,
) -> Result<Vec<Member>> {
    let sql = format!(
        "{SELECT} WHERE m.cin = $1 OR (m.name_key = $2 AND m.birth_date = $3) ORDER BY m.number LIMIT 20"
    );
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, Member>(sqlx::AssertSqlSafe(sql.as_str())).bind(cin).bind(name_key).bind(birth_date).fetch_all(p).await
    })?)
}
