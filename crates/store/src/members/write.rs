//! Entering members: their numbers, first history periods, consents and counts.

use super::keys::{search_terms, skeleton_key};
use super::person::{PERSON_COLUMNS, person_values};
use crate::BeginWrite as _;
use crate::audit::AuditEntry;
use crate::counters::Deltas;
use crate::{AsConn, Conn, Db, Result, StoreError};
use std::collections::{BTreeMap, HashMap};
use tanzim_domain::members::Person;
use tanzim_domain::territory::TerritoryPath;

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
    /// The membership committee accepting that application.
    pub committee_id: Option<i64>,
    pub actor_id: Option<i64>,
}

/// Rows per multi-row statement: 29 binds a member stays below SQLite's 32,766 and
/// PostgreSQL's 65,535 binds per statement.
pub(crate) const ROWS_PER_INSERT: usize = 500;

/// Inserts members (their numbers from the provinces' sequences, their first history
/// periods and their consents) inside the transaction of `tx`, adding their counts to
/// `counts`, a few statements per `ROWS_PER_INSERT` members; returns `(id, number)` in the
/// order given. Shared by single entry, accepted applications and import.
pub(crate) async fn insert_members(
    db: &Db,
    tx: &mut Conn<'_>,
    news: &[NewMember<'_>],
    now: i64,
    counts: &mut Deltas,
) -> Result<Vec<(i64, String)>> {
    // Reserve each province's block of numbers with one statement.
    let mut per_province: BTreeMap<&str, i64> = Default::default();
    for new in news {
        *per_province.entry(new.province_code.as_str()).or_insert(0) += 1;
    }
    let mut next: BTreeMap<&str, i64> = Default::default();
    for (province, n) in &per_province {
        let last: i64 = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO member_sequences (province_code, last_value) VALUES ($1, $2)
             ON CONFLICT (province_code) DO UPDATE SET last_value = member_sequences.last_value + $2
             RETURNING last_value",
        )
        .bind(*province)
        .bind(*n)
        .fetch_one(c)
        .await)?;
        next.insert(*province, last - n + 1);
    }
    let mut numbers: Vec<String> = news
        .iter()
        .map(|new| {
            let seq = next.entry(new.province_code.as_str()).or_insert(1);
            *seq += 1;
            tanzim_domain::members::membership_number(&new.province_code, *seq - 1)
        })
        .collect();
    let mut out = Vec::with_capacity(news.len());
    for chunk in news.chunks(ROWS_PER_INSERT) {
        let chunk_numbers: Vec<String> = numbers.drain(..chunk.len()).collect();
        let sql = format!(
            "INSERT INTO members (number, {PERSON_COLUMNS},
               joined_on, status, status_since, consent_contact, consent_public, notes, card_token, application_id,
               created_at, updated_at, skeleton, search_terms)
             VALUES {} RETURNING id, cin",
            crate::values_sql(db, chunk.len(), 29)
        );
        for new in chunk {
            let p = new.person;
            counts.join(
                new.path.as_str(),
                p.sex.as_str(),
                &p.birth_date.to_string(),
                &new.joined_on,
            );
        }
        let rows: Vec<(i64, String)> = on_tx!(tx, c => {
            let mut insert = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
            for (new, number) in chunk.iter().zip(&chunk_numbers) {
                let p = new.person;
                insert = insert.bind(number.clone());
                for value in person_values(p, &new.path) {
                    insert = insert.bind(value);
                }
                insert = insert
                    .bind(new.joined_on.clone())
                    .bind("active")
                    .bind(new.joined_on.clone())
                    .bind(new.consent_contact)
                    .bind(new.consent_public)
                    .bind(new.notes.clone())
                    .bind(new.card_token.clone())
                    .bind(new.application_id)
                    .bind(now)
                    .bind(now)
                    .bind(skeleton_key(p))
                    .bind(search_terms(p));
            }
            insert.fetch_all(c).await
        })
        .map_err(StoreError::unique_as("cin-taken"))?;
        let ids: HashMap<String, i64> = rows.into_iter().map(|(id, cin)| (cin, id)).collect();
        // Every row returns its id (a failed row fails the statement).
        let ids: Vec<i64> = chunk
            .iter()
            .filter_map(|n| ids.get(n.person.cin.as_str()).copied())
            .collect();

        let sql = format!(
            "INSERT INTO member_history (member_id, valid_from, status, commune_code, path, event, changed_by, changed_at)
             VALUES {}",
            crate::values_sql(db, chunk.len(), 8)
        );
        on_tx!(tx, c => {
            let mut history = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (new, id) in chunk.iter().zip(&ids) {
                history = history
                    .bind(*id)
                    .bind(new.joined_on.clone())
                    .bind("active")
                    .bind(new.person.commune.as_str().to_owned())
                    .bind(new.path.as_str().to_owned())
                    .bind("join")
                    .bind(new.actor_id)
                    .bind(now);
            }
            history.execute(c).await.map(|_| ())
        })?;

        let sql = format!(
            "INSERT INTO consents (member_id, kind, granted, given_on, source, wording_version, recorded_by, recorded_at)
             VALUES {}",
            crate::values_sql(db, chunk.len() * 2, 8)
        );
        on_tx!(tx, c => {
            let mut consents = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (new, id) in chunk.iter().zip(&ids) {
                for (kind, granted) in [("contact", new.consent_contact), ("public_lists", new.consent_public)] {
                    consents = consents
                        .bind(*id)
                        .bind(kind)
                        .bind(granted)
                        .bind(new.joined_on.clone())
                        .bind(new.consent_source.clone())
                        .bind(new.consent_version.clone())
                        .bind(new.actor_id)
                        .bind(now);
                }
            }
            consents.execute(c).await.map(|_| ())
        })?;
        out.extend(ids.into_iter().zip(chunk_numbers));
    }
    Ok(out)
}

/// Creates a member with its number, first history row and consents, and (when it comes
/// from an application) marks the application accepted, all in one transaction.
pub async fn create(db: &Db, new: &NewMember<'_>, audit: AuditEntry) -> Result<(i64, String)> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let mut counts = crate::counters::Deltas::default();
        let written = insert_members(db, &mut tx.as_conn(), std::slice::from_ref(new), now, &mut counts).await?;
        let Some((id, number)) = written.into_iter().next() else {
            return Err(StoreError::Conflict("cin-taken"));
        };
        crate::counters::apply(db, &mut tx.as_conn(), &counts).await?;
        if let Some(app) = new.application_id {
            let done = sqlx::query(
                "UPDATE applications SET status = 'accepted', decided_by = $1, decided_at = $2, member_id = $3, committee_id = $4
                 WHERE id = $5 AND status = 'pending'",
            )
            .bind(new.actor_id)
            .bind(now)
            .bind(id)
            .bind(new.committee_id)
            .bind(app)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::Conflict("application-decided"));
            }
        }
        let detail = serde_json::json!({ "number": number, "application": new.application_id });
        append_audit!(tx, &audit.target("member", id, Some(new.path.clone())).organizations(&new.person.affiliations.join(",")).detail(detail))?;
        tx.commit().await?;
        Ok((id, number))
    })
}
