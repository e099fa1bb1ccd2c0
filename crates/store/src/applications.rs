//! Applications for membership: from the public form or entered by an officer, decided by
//! the membership committee. Acceptance creates the member (see `members::create`).

use crate::BeginWrite as _;
use crate::Day;
use crate::audit::AuditEntry;
use crate::members::{PERSON_COLUMNS, person_values};
use crate::person::PersonRecord;
use crate::{Db, Page, Paged, Result, ScopeFilter, StoreError, Tx};
use serde::Serialize;
use tanzim_domain::members::ApplicationStatus;
use tanzim_domain::members::{Cin, Person, PersonInput};
use tanzim_domain::policy::Target;
use tanzim_domain::territory::TerritoryPath;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Application {
    pub id: i64,
    pub reference: String,
    /// `pending`, `accepted` or `rejected`.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: ApplicationStatus,
    /// `public` (the online form) or `officer`.
    pub source: String,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub person: PersonRecord,
    #[schema(value_type = String, format = Date)]
    pub birth_date: Day,
    pub consent_contact: bool,
    pub consent_public: bool,
    pub consent_version: String,
    pub submitted_at: i64,
    pub decided_at: Option<i64>,
    pub reason: Option<String>,
    pub member_id: Option<i64>,
    /// The membership committee that decided it (when one was constituted).
    pub committee_id: Option<i64>,
}

impl Application {
    pub fn target(&self) -> Target {
        self.person.target()
    }
    pub fn display_name(&self, lang: &str) -> String {
        self.person.display_name(lang)
    }
    pub fn is_pending(&self) -> bool {
        self.status == ApplicationStatus::Pending
    }
    /// The application's details as input again (they were valid when submitted; the
    /// committee's acceptance checks them once more, e.g. the age on the day).
    pub fn as_input(&self) -> PersonInput {
        let p = &self.person;
        PersonInput {
            first_name_ar: p.first_name_ar.clone(),
            last_name_ar: p.last_name_ar.clone(),
            first_name_lat: p.first_name_lat.clone(),
            last_name_lat: p.last_name_lat.clone(),
            sex: p.sex.as_str().to_owned(),
            birth_date: self.birth_date.to_string(),
            cin: p.cin.clone(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            commune: p.commune_code.clone(),
            address: p.address.clone(),
            profession: p.profession.clone(),
            education: p.education.clone(),
            affiliations: Some(p.affiliations.clone()),
        }
    }
}

const SELECT: &str = "SELECT a.id, a.reference, a.status, a.source, a.first_name_ar, a.last_name_ar, a.first_name_lat,
    a.last_name_lat, a.sex, a.birth_date, a.cin, a.phone, a.email, a.address, a.commune_code,
    t.name_ar AS commune_name_ar, t.name_fr AS commune_name_fr, a.path, a.profession, a.education, a.affiliations,
    a.consent_contact, a.consent_public, a.consent_version, a.submitted_at, a.decided_at, a.reason, a.member_id, a.committee_id
    FROM applications a JOIN territories t ON t.code = a.commune_code";

pub struct NewApplication<'a> {
    pub reference: &'a str,
    pub source: &'a str,
    pub person: &'a Person,
    pub path: &'a TerritoryPath,
    pub consent_contact: bool,
    pub consent_public: bool,
    pub consent_version: &'a str,
    pub entered_by: Option<i64>,
}

/// Files an application.
pub async fn create(db: &Db, new: &NewApplication<'_>, audit: AuditEntry) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = create_in(&mut tx, new, audit).await?;
    tx.commit().await?;
    Ok(id)
}

/// Files an application inside the command's transaction (a contact converted into one
/// is marked in the same transaction).
pub async fn create_in(tx: &mut Tx, new: &NewApplication<'_>, audit: AuditEntry) -> Result<i64> {
    let p = new.person;
    let sql = format!(
        "INSERT INTO applications (reference, status, source, {PERSON_COLUMNS},
           consent_contact, consent_public, consent_version, submitted_at, entered_by)
         VALUES ($1, 'pending', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
         RETURNING id"
    );
    // No check against existing members or applications here: telling the sender "this
    // CIN is already a member" would reveal a political affiliation. The committee sees
    // possible duplicates and decides; a member's CIN stays unique at acceptance.
    let id: i64 = on_tx!(tx, c => {
        let mut insert = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(new.reference)
            .bind(new.source);
        for value in person_values(p, new.path) {
            insert = insert.bind(value);
        }
        insert
            .bind(new.consent_contact)
            .bind(new.consent_public)
            .bind(new.consent_version)
            .bind(crate::now())
            .bind(new.entered_by)
            .fetch_one(c)
            .await
    })?;
    let entry = audit
        .target("application", id, Some(new.path.clone()))
        .detail(serde_json::json!({ "source": new.source }));
    crate::audit::append_in(tx, &entry).await?;
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<Application>> {
    let sql = format!("{SELECT} WHERE a.id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Application>(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(p).await)?,
    )
}

pub async fn by_reference(db: &Db, reference: &str) -> Result<Option<Application>> {
    let sql = format!("{SELECT} WHERE a.reference = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Application>(sqlx::AssertSqlSafe(sql.as_str())).bind(reference).fetch_optional(p).await)?,
    )
}

/// Applications the scope covers, oldest first (a queue), optionally of one status.
pub async fn list(
    db: &Db,
    scope: &ScopeFilter,
    status: Option<&str>,
    page: Page,
) -> Result<Paged<Application>> {
    // Applications belong to no organization yet: roles limited to one do not cover them.
    let (scope_sql, mut binds) = scope.sql("a.path", "NULL", 1);
    let mut conditions = vec![scope_sql];
    if let Some(s) = status {
        binds.push(s.to_owned());
        conditions.push(format!("a.status = ${}", binds.len()));
    }
    let where_sql = conditions.join(" AND ");
    let n = binds.len();
    let list_sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY a.submitted_at, a.id LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM applications a WHERE {where_sql}");
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

/// Other applications with the same CIN, for the committee's duplicate check.
pub async fn same_cin(db: &Db, cin: &Cin, except: i64) -> Result<Vec<Application>> {
    let sql = format!("{SELECT} WHERE a.cin = $1 AND a.id <> $2 ORDER BY a.id");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Application>(sqlx::AssertSqlSafe(sql.as_str())).bind(cin.as_str()).bind(except).fetch_all(p).await)?,
    )
}

pub async fn reject(
    db: &Db,
    app: &Application,
    reason: &str,
    actor_id: i64,
    committee: Option<&crate::meetings::Committee>,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = sqlx::query(
            "UPDATE applications SET status = 'rejected', decided_by = $1, decided_at = $2, reason = $3, committee_id = $4
             WHERE id = $5 AND status = 'pending'",
        )
        .bind(actor_id)
        .bind(crate::now())
        .bind(reason)
        .bind(committee.map(|c| c.id))
        .bind(app.id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("application-decided"));
        }
        let scope = Some(TerritoryPath::from_stored(app.person.path.clone()));
        append_audit!(tx, &audit.target("application", app.id, scope).detail(serde_json::json!({ "reason": reason })))?;
        tx.commit().await?;
        Ok(())
    })
}
