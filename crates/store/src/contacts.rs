//! Sympathisers and contacts: their rows, the scoped list and search, conversion into an
//! application and erasure. No statement here touches the members' tables or counters:
//! a contact is never counted as a member.

use crate::audit::AuditEntry;
use crate::{Day, Db, Page, Paged, Result, ScopeFilter, StoreError, Tx};
use serde::Serialize;
use tanzim_domain::contacts::{ConsentSource, ContactStatus, NewContact};
use tanzim_domain::names::SearchQuery;
use tanzim_domain::policy::Target;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Contact {
    pub id: i64,
    /// `active`, `converted` (into the application `application_id`) or `erased`.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: ContactStatus,
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    /// F or M, when known.
    pub sex: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub birth_date: Option<Day>,
    pub cin: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
    pub commune_code: String,
    pub commune_name_ar: Option<String>,
    pub commune_name_fr: Option<String>,
    pub path: String,
    /// The affiliate whose sympathiser this is; null for the party itself.
    pub organization: Option<String>,
    /// The day the consent was given.
    #[schema(value_type = String, format = Date)]
    pub consent_on: Day,
    /// meeting, activity, form, referral or import.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub consent_source: ConsentSource,
    /// The words agreed to (removed with the rest at erasure).
    pub consent_wording: Option<String>,
    /// The application the contact became.
    pub application_id: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub erased_at: Option<i64>,
}

impl Contact {
    /// Where the contact lives and whose sympathiser it is, as the policy judges it.
    pub fn target(&self) -> Target {
        Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: self.organization.clone(),
        }
    }
    /// The name as shown in `lang`, falling back on the other script (empty once erased).
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
    pub fn is_active(&self) -> bool {
        self.status == ContactStatus::Active
    }
    pub fn is_erased(&self) -> bool {
        self.status == ContactStatus::Erased
    }
}

const SELECT: &str = "SELECT c.id, c.status, c.first_name_ar, c.last_name_ar, c.first_name_lat, c.last_name_lat,
    c.sex, c.birth_date, c.cin, c.phone, c.email, c.notes, c.commune_code, t.name_ar AS commune_name_ar,
    t.name_fr AS commune_name_fr, c.path, c.organization, c.consent_on, c.consent_source, c.consent_wording,
    c.application_id, c.created_at, c.updated_at, c.erased_at
    FROM contacts c JOIN territories t ON t.code = c.commune_code";

/// The folded words and skeletons of a contact's names (see `names::search_terms`).
fn search_terms(c: &NewContact) -> String {
    let full = |a: &Option<String>, b: &Option<String>| {
        [a, b]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    tanzim_domain::names::search_terms(
        &full(&c.first_name_ar, &c.last_name_ar),
        &full(&c.first_name_lat, &c.last_name_lat),
    )
}

/// Records a contact living at `path`, with its audit entry.
pub async fn create(
    db: &Db,
    c: &NewContact,
    path: &TerritoryPath,
    created_by: Option<i64>,
    audit: AuditEntry,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let now = crate::now();
    let values: [Option<String>; 16] = [
        c.first_name_ar.clone(),
        c.last_name_ar.clone(),
        c.first_name_lat.clone(),
        c.last_name_lat.clone(),
        Some(search_terms(c)),
        c.sex.map(|s| s.as_str().to_owned()),
        c.birth_date.map(|d| d.to_string()),
        c.cin.as_ref().map(|x| x.as_str().to_owned()),
        c.phone.as_ref().map(|x| x.as_str().to_owned()),
        c.email.clone(),
        c.notes.clone(),
        Some(c.commune.as_str().to_owned()),
        Some(path.as_str().to_owned()),
        c.organization.clone(),
        Some(c.consent.on.to_string()),
        Some(c.consent.source.as_str().to_owned()),
    ];
    let id: i64 = on_tx!(&mut tx, conn => {
        let mut insert = sqlx::query_scalar::<_, i64>(
            "INSERT INTO contacts (first_name_ar, last_name_ar, first_name_lat, last_name_lat, search_terms,
               sex, birth_date, cin, phone, email, notes, commune_code, path, organization, consent_on,
               consent_source, consent_wording, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)
             RETURNING id",
        );
        for v in &values {
            insert = insert.bind(v.clone());
        }
        insert
            .bind(c.consent.wording.clone())
            .bind(created_by)
            .bind(now)
            .fetch_one(conn)
            .await
    })?;
    // The entry says how the consent was given, never who the person is.
    let target = Target {
        path: path.clone(),
        organization: c.organization.clone(),
    };
    let entry = audit
        .target_of("contact", id, &target)
        .detail(serde_json::json!({ "consent_source": c.consent.source.as_str() }));
    crate::audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Contact>> {
    let sql = format!("{SELECT} WHERE c.id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Contact>(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(id).fetch_optional(p).await)?,
    )
}

/// What a list is searched by: a phone number (exact, as stored) or names.
#[derive(Debug, Clone)]
pub enum Search {
    Phone(String),
    Names(SearchQuery),
}

/// The SQL condition of a search, its placeholders numbered after `binds`.
fn search_sql(search: &Search, binds: &mut Vec<String>) -> String {
    let mut bind = |value: String| {
        binds.push(value);
        format!("${}", binds.len())
    };
    match search {
        Search::Phone(phone) => format!("c.phone = {}", bind(phone.clone())),
        Search::Names(q) => {
            // Every folded word of the query among the names' words, or every skeleton
            // word (another spelling, the other script); words of three letters or more
            // match as prefixes, like the members' search.
            let mut all = |terms: &[String]| {
                terms
                    .iter()
                    .map(|t| {
                        let pattern = if SearchQuery::is_prefix(t) {
                            format!("% {t}%")
                        } else {
                            format!("% {t} %")
                        };
                        format!("(' ' || c.search_terms || ' ') LIKE {}", bind(pattern))
                    })
                    .collect::<Vec<_>>()
                    .join(" AND ")
            };
            let words = all(&q.words);
            let skeletons = all(&q.skeletons);
            match (words.is_empty(), skeletons.is_empty()) {
                (true, true) => "1 = 0".to_owned(),
                (false, true) => format!("({words})"),
                (true, false) => format!("({skeletons})"),
                (false, false) => format!("(({words}) OR ({skeletons}))"),
            }
        }
    }
}

/// Contacts the scope covers (erased ones are no one any more), newest first.
pub async fn list(
    db: &Db,
    scope: &ScopeFilter,
    search: Option<&Search>,
    page: Page,
) -> Result<Paged<Contact>> {
    let (scope_sql, mut binds) = scope.sql("c.path", "c.organization", 1);
    let mut conditions = vec![scope_sql, "c.status <> 'erased'".to_owned()];
    if let Some(s) = search {
        conditions.push(search_sql(s, &mut binds));
    }
    let where_sql = conditions.join(" AND ");
    let n = binds.len();
    let list_sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY c.id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM contacts c WHERE {where_sql}");
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

/// The next `limit` contacts the scope covers after the id `after`, in id order: an
/// export reads the list by keyset, so its last batch costs what its first did.
pub async fn batch_after(
    db: &Db,
    scope: &ScopeFilter,
    after: i64,
    limit: i64,
) -> Result<Vec<Contact>> {
    let (scope_sql, binds) = scope.sql("c.path", "c.organization", 3);
    let sql = format!(
        "{SELECT} WHERE c.id > $1 AND c.status <> 'erased' AND {scope_sql} ORDER BY c.id LIMIT $2"
    );
    on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Contact>(sqlx::AssertSqlSafe(sql.as_str())).bind(after).bind(limit);
        for b in &binds {
            q = q.bind(b);
        }
        Ok(q.fetch_all(p).await?)
    })
}

/// The contacts of a body's territory that the scope covers, to invite to its meetings
/// and activities: an affiliate's body reaches its own sympathisers, the party's every
/// one (erased ones are no one any more; converted ones are still sympathisers until the
/// committee decides).
pub async fn of_territory(
    db: &Db,
    scope: &ScopeFilter,
    territory: &TerritoryPath,
    affiliate: Option<&str>,
) -> Result<Vec<Contact>> {
    let (low, high) = territory.range();
    let (scope_sql, mut binds) = scope.sql("c.path", "c.organization", 3);
    let mut sql = format!(
        "{SELECT} WHERE c.path >= $1 AND c.path < $2 AND c.status <> 'erased' AND {scope_sql}"
    );
    if let Some(org) = affiliate {
        binds.push(org.to_owned());
        sql.push_str(&format!(" AND c.organization = ${}", binds.len() + 2));
    }
    sql.push_str(" ORDER BY c.id");
    on_pool!(db, p => {
        let mut q = sqlx::query_as::<_, Contact>(sqlx::AssertSqlSafe(sql.as_str())).bind(low.clone()).bind(high.clone());
        for b in &binds {
            q = q.bind(b);
        }
        Ok(q.fetch_all(p).await?)
    })
}

/// The contact's status, its row locked until the transaction ends (PostgreSQL
/// `FOR UPDATE`; SQLite's `BEGIN IMMEDIATE` holds the whole database already).
pub async fn lock(tx: &mut Tx, id: i64) -> Result<ContactStatus> {
    let sql = match tx {
        Tx::Sqlite(_) => "SELECT status FROM contacts WHERE id = $1",
        Tx::Postgres(_) => "SELECT status FROM contacts WHERE id = $1 FOR UPDATE",
    };
    let status: Option<String> =
        on_tx!(tx, c => sqlx::query_scalar(sql).bind(id).fetch_optional(c).await)?;
    let status = status.ok_or(StoreError::NotFound)?;
    Ok(ContactStatus::try_from(status)?)
}

/// Marks an active contact converted into `application_id`, inside the command's
/// transaction (which filed the application).
pub async fn mark_converted(
    tx: &mut Tx,
    c: &Contact,
    application_id: i64,
    audit: AuditEntry,
) -> Result<()> {
    let done = on_tx!(tx, conn => sqlx::query(
        "UPDATE contacts SET status = 'converted', application_id = $1, updated_at = $2 WHERE id = $3 AND status = 'active'",
    )
    .bind(application_id)
    .bind(crate::now())
    .bind(c.id)
    .execute(conn)
    .await
    .map(|r| r.rows_affected()))?;
    if done != 1 {
        return Err(StoreError::Conflict("contact-not-active"));
    }
    let entry = audit
        .target_of("contact", c.id, &c.target())
        .detail(serde_json::json!({ "application": application_id }));
    crate::audit::append_in(tx, &entry).await
}

/// Erases a contact: every personal column emptied in place (names, identity, phone,
/// e-mail, notes, the consent's words), the row kept with its place, the consent's day and
/// source and the application it became. The entry names the row, never the person.
pub async fn erase(db: &Db, c: &Contact, audit: AuditEntry) -> Result<()> {
    let mut tx = db.begin().await?;
    let now = crate::now();
    let done = on_tx!(&mut tx, conn => sqlx::query(
        "UPDATE contacts SET status = 'erased', first_name_ar = NULL, last_name_ar = NULL, first_name_lat = NULL,
           last_name_lat = NULL, search_terms = '', sex = NULL, birth_date = NULL, cin = NULL, phone = NULL,
           email = NULL, notes = NULL, consent_wording = NULL, updated_at = $1, erased_at = $1
         WHERE id = $2 AND status <> 'erased'",
    )
    .bind(now)
    .bind(c.id)
    .execute(conn)
    .await
    .map(|r| r.rows_affected()))?;
    if done != 1 {
        return Err(StoreError::Conflict("contact-erased"));
    }
    crate::audit::append_in(&mut tx, &audit.target_of("contact", c.id, &c.target())).await?;
    tx.commit().await?;
    Ok(())
}
