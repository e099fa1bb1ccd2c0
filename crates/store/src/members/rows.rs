//! A member's record as read, and the lookups of one member (or a few) by a key.

use crate::Day;
use crate::person::PersonRecord;
use crate::{Db, Result};
use serde::Serialize;
use tanzim_domain::members::Status;
use tanzim_domain::policy::Target;

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Member {
    pub id: i64,
    pub number: String,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub person: PersonRecord,
    /// Absent where the reader may not see it.
    #[schema(value_type = Option<String>, format = Date)]
    pub birth_date: Option<Day>,
    #[schema(value_type = String, format = Date)]
    pub joined_on: Day,
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: Status,
    #[schema(value_type = String, format = Date)]
    pub status_since: Day,
    #[schema(value_type = Option<String>, format = Date)]
    pub suspended_until: Option<Day>,
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
        self.person.target()
    }
    pub fn display_name(&self, lang: &str) -> String {
        self.person.display_name(lang)
    }
    /// Removes what only some roles may see (CIN, phone, e-mail, address, birth date).
    pub fn without_contact(mut self) -> Member {
        self.person.cin = String::new();
        self.person.phone = None;
        self.person.email = None;
        self.person.address = None;
        self.birth_date = None;
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

/// The member with this CIN, wherever it is (the caller decides what the user may learn).
pub async fn by_cin(db: &Db, cin: &str) -> Result<Option<Member>> {
    let sql = format!("{SELECT} WHERE m.cin = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Member>(sqlx::AssertSqlSafe(sql.as_str())).bind(cin).fetch_optional(p).await)?,
    )
}

/// The member with this membership number (`05091-000123`), as printed on the card.
pub async fn by_number(db: &Db, number: &str) -> Result<Option<Member>> {
    let sql = format!("{SELECT} WHERE m.number = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Member>(sqlx::AssertSqlSafe(sql.as_str())).bind(number).fetch_optional(p).await)?,
    )
}
