//! The member registry: records, their history (status and branch over time, so that
//! "who was in good standing in this branch on date D" has an answer), and consents.

use crate::audit::AuditEntry;
use crate::counters::Deltas;
use crate::{AsConn, Conn, Db, Page, Paged, Result, ScopeFilter, StoreError};
use std::collections::{BTreeMap, HashMap};
use serde::Serialize;
use tanzim_domain::members::{Person, Status};
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
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub status: Status,
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
    [full_name(far, lar), full_name(flat, llat)]
        .iter()
        .map(|n| tanzim_domain::names::skeleton(n))
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Fills the skeleton and search terms of members written before they existed (run at
/// start; one indexed query when there are none).
pub async fn backfill_search_keys(db: &Db) -> Result<u64> {
    #[derive(sqlx::FromRow)]
    struct Names {
        id: i64,
        first_name_ar: Option<String>,
        last_name_ar: Option<String>,
        first_name_lat: Option<String>,
        last_name_lat: Option<String>,
    }
    let mut done = 0;
    let mut after = 0i64;
    loop {
        let rows: Vec<Names> = on_pool!(db, p => {
            sqlx::query_as::<_, Names>(
                "SELECT id, first_name_ar, last_name_ar, first_name_lat, last_name_lat FROM members
                 WHERE search_terms = '' AND id > $1 ORDER BY id LIMIT 1000",
            )
            .bind(after)
            .fetch_all(p)
            .await
        })?;
        let Some(last) = rows.last() else {
            return Ok(done);
        };
        after = last.id;
        on_pool!(db, p => {
            let mut tx = p.begin().await?;
            for r in &rows {
                let names = [&r.first_name_ar, &r.last_name_ar, &r.first_name_lat, &r.last_name_lat];
                sqlx::query("UPDATE members SET skeleton = $1, search_terms = $2 WHERE id = $3")
                    .bind(skeleton_of(names))
                    .bind(terms_of(names))
                    .bind(r.id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        done += rows.len() as u64;
    }
}

/// The terms of the text index (see `names::search_terms`).
pub fn search_terms(p: &Person) -> String {
    terms_of([
        &p.first_name_ar,
        &p.last_name_ar,
        &p.first_name_lat,
        &p.last_name_lat,
    ])
}

fn terms_of(names: [&Option<String>; 4]) -> String {
    let [far, lar, flat, llat] = names;
    tanzim_domain::names::search_terms(&full_name(far, lar), &full_name(flat, llat))
}

fn full_name(first: &Option<String>, last: &Option<String>) -> String {
    [first, last]
        .iter()
        .filter_map(|x| x.as_deref())
        .collect::<Vec<_>>()
        .join(" ")
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
    .map(tanzim_domain::names::fold)
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
            "INSERT INTO members (number, first_name_ar, last_name_ar, first_name_lat, last_name_lat, name_key, sex,
               birth_date, cin, phone, email, address, commune_code, path, profession, education, affiliations,
               joined_on, status, status_since, consent_contact, consent_public, notes, card_token, application_id,
               created_at, updated_at, skeleton, search_terms)
             VALUES {} RETURNING id, cin",
            crate::values_sql(db, chunk.len(), 29)
        );
        for new in chunk {
            let p = new.person;
            counts.add(new.path.as_str(), "active", p.sex.as_str(), &p.birth_date.to_string(), 1);
        }
        let rows: Vec<(i64, String)> = on_tx!(tx, c => {
            let mut insert = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
            for (new, number) in chunk.iter().zip(&chunk_numbers) {
                let p = new.person;
                insert = insert
                    .bind(number.clone())
                    .bind(p.first_name_ar.clone())
                    .bind(p.last_name_ar.clone())
                    .bind(p.first_name_lat.clone())
                    .bind(p.last_name_lat.clone())
                    .bind(name_key(p))
                    .bind(p.sex.as_str())
                    .bind(p.birth_date.to_string())
                    .bind(p.cin.as_str().to_owned())
                    .bind(p.phone.as_ref().map(|x| x.as_str().to_owned()))
                    .bind(p.email.clone())
                    .bind(p.address.clone())
                    .bind(p.commune.as_str().to_owned())
                    .bind(new.path.as_str().to_owned())
                    .bind(p.profession.clone())
                    .bind(p.education.clone())
                    .bind(p.affiliations.join(","))
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

/// For members just set lapsed (`rows`: id, commune, path, sex, birth date as returned by
/// the UPDATE), closes their history period, opens a lapsed one and moves their counts,
/// inside the transaction of `tx`.
pub(crate) async fn record_lapses(
    db: &Db,
    tx: &mut Conn<'_>,
    rows: &[(i64, String, String, String, String)],
    today: &str,
    reason: &str,
    actor_id: Option<i64>,
    now: i64,
) -> Result<()> {
    let mut counts = Deltas::default();
    for (id, commune, path, sex, birth_date) in rows {
        counts.add(path, "active", sex, birth_date, -1);
        counts.add(path, "lapsed", sex, birth_date, 1);
        on_tx!(tx, c => sqlx::query("UPDATE member_history SET valid_to = $1 WHERE member_id = $2 AND valid_to IS NULL")
            .bind(today).bind(id).execute(c).await.map(|_| ()))?;
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO member_history (member_id, valid_from, status, commune_code, path, event, reason, changed_by, changed_at)
             VALUES ($1, $2, 'lapsed', $3, $4, 'lapse', $5, $6, $7)",
        )
        .bind(id).bind(today).bind(commune).bind(path).bind(reason).bind(actor_id).bind(now)
        .execute(c).await.map(|_| ()))?;
    }
    on_tx!(tx, c => apply_counts!(db, c, &counts))?;
    Ok(())
}

/// Suspensions whose end date has passed (`suspended_until` is the last day suspended):
/// each member is active again from the next day, with a history row (`reinstate`), the
/// counters and an audit entry, all in one transaction. Returns how many were reinstated.
pub async fn end_suspensions(db: &Db, today: chrono::NaiveDate) -> Result<i64> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
            "SELECT id, commune_code, path, sex, birth_date, suspended_until FROM members
             WHERE status = 'suspended' AND suspended_until IS NOT NULL AND suspended_until < $1",
        )
        .bind(today.to_string())
        .fetch_all(&mut *tx).await?;
        let mut counts = crate::counters::Deltas::default();
        let mut reinstated = 0;
        for (id, commune, path, sex, birth_date, until) in &rows {
            // From the day after the last day of the suspension (the server may have been
            // down that day).
            let from = chrono::NaiveDate::parse_from_str(until, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.succ_opt())
                .unwrap_or(today)
                .to_string();
            let done = sqlx::query("UPDATE members SET status = 'active', status_since = $1, suspended_until = NULL, updated_at = $2 WHERE id = $3 AND status = 'suspended'")
                .bind(&from).bind(now).bind(id)
                .execute(&mut *tx).await?;
            // Changed meanwhile (expelled, say): not this run's to reinstate.
            if done.rows_affected() != 1 {
                continue;
            }
            reinstated += 1;
            counts.add(path, "suspended", sex, birth_date, -1);
            counts.add(path, "active", sex, birth_date, 1);
            sqlx::query("UPDATE member_history SET valid_to = $1 WHERE member_id = $2 AND valid_to IS NULL")
                .bind(&from).bind(id).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO member_history (member_id, valid_from, status, commune_code, path, event, reason, changed_at)
                 VALUES ($1, $2, 'active', $3, $4, 'reinstate', 'انتهاء مدة التوقيف', $5)",
            )
            .bind(id).bind(&from).bind(commune).bind(path).bind(now)
            .execute(&mut *tx).await?;
            let entry = AuditEntry::new(None, "system", tanzim_domain::audit::AuditAction::MemberStatusChanged, None)
                .target("member", *id, Some(TerritoryPath::from_stored(path.clone())))
                .detail(serde_json::json!({ "event": "reinstate", "from": "suspended", "to": "active", "on": from, "reason": "suspension ended" }));
            append_audit!(tx, &entry)?;
        }
        apply_counts!(db, tx, &counts)?;
        tx.commit().await?;
        Ok(reinstated)
    })
}

/// Demonstration data: lapses one active member in `every` (by id), as if they had not
/// renewed, with their history and counts. Returns how many lapsed.
pub async fn lapse_for_demo(db: &Db, every: i64, today: &str) -> Result<i64> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "UPDATE members SET status = 'lapsed', status_since = $2, updated_at = $3
             WHERE status = 'active' AND id % $1 = 0 AND joined_on < $2
             RETURNING id, commune_code, path, sex, birth_date",
        )
        .bind(every).bind(today).bind(now)
        .fetch_all(&mut *tx).await?;
        record_lapses(db, &mut tx.as_conn(), &rows, today, "demo: not renewed", None, now).await?;
        tx.commit().await?;
        Ok(rows.len() as i64)
    })
}

/// Creates a member with its number, first history row and consents, and (when it comes
/// from an application) marks the application accepted, all in one transaction.
pub async fn create(db: &Db, new: &NewMember<'_>, audit: AuditEntry) -> Result<(i64, String)> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut counts = crate::counters::Deltas::default();
        let written = insert_members(db, &mut tx.as_conn(), std::slice::from_ref(new), now, &mut counts).await?;
        let Some((id, number)) = written.into_iter().next() else {
            return Err(StoreError::Conflict("cin-taken"));
        };
        apply_counts!(db, tx, &counts)?;
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
    /// Where `q` may match CINs and phones: the scope in which the user may see them
    /// (`None`: nowhere). A role that sees contacts in one province finds no one elsewhere
    /// by CIN or phone.
    pub contact_scope: Option<ScopeFilter>,
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
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return search(
            db,
            text,
            q.contact_scope.as_ref(),
            &conditions.join(" AND "),
            binds,
            page,
        )
        .await;
    }
    let where_sql = conditions.join(" AND ");
    let n = binds.len();
    let list_sql = format!(
        "{SELECT} WHERE {where_sql} ORDER BY m.number LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM members m WHERE {where_sql}");
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

/// Matches a search counts up to this many; beyond, the page says "more than" and asks
/// for a narrower query (counting every Mohamed of the country would cost a scan).
pub const SEARCH_COUNT_CAP: i64 = 1000;

/// Ranked search within `filters`: an exact CIN, number or phone first, then names holding
/// every word of the query as it is spelled (folded), then names whose skeletons hold every
/// word of the query's (other spellings, other script): محمد finds محمد before محمود, which
/// only shares its skeleton. Words match as prefixes through the engine's text index; each
/// tier is read in id order and stops at the page's end, so a common name costs no more than
/// a rare one.
async fn search(
    db: &Db,
    text: &str,
    contact_scope: Option<&ScopeFilter>,
    filters: &str,
    mut binds: Vec<String>,
    page: Page,
) -> Result<Paged<Member>> {
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
    let exact_sql = match contact_scope {
        Some(contact) => {
            let (contact_sql, contact_binds) =
                contact.sql_members("m.path", "m.affiliations", binds.len() + 1);
            binds.extend(contact_binds);
            format!("(m.number = ${e} OR ((m.cin = ${e} OR m.phone = ${ph}) AND {contact_sql}))")
        }
        None => format!("(m.number = ${e} AND ${ph} = ${ph})"),
    };
    // A member without a phone makes the exact test NULL, not false.
    let not_exact = format!("NOT COALESCE({exact_sql}, FALSE)");
    let query = tanzim_domain::names::SearchQuery::parse(text);
    let names = (!query.words.is_empty()).then(|| text_query(db, &query.words, true));
    let skeletons = (!query.skeletons.is_empty()).then(|| text_query(db, &query.skeletons, false));
    let (names_only, others, any) = match (&names, &skeletons) {
        (Some(n), Some(s)) => (
            Some(n.clone()),
            Some(text_not(db, s, n)),
            Some(text_or(db, n, s)),
        ),
        (Some(n), None) => (Some(n.clone()), None, Some(n.clone())),
        (None, Some(s)) => (None, Some(s.clone()), Some(s.clone())),
        (None, None) => (None, None, None),
    };
    let end = page.offset() + page.limit();
    // Every statement below takes the filters' binds, then the exact ones, then (for a
    // text tier) its query at `$t`.
    let t = binds.len() + 1;
    // A tier's matches in id order up to `limit`, through the text index. PostgreSQL gathers
    // them through the index up to the count's cap before sorting: with `ORDER BY id LIMIT`
    // alone its planner may walk the whole roll in id order looking for a rare name.
    let tier_sql = |limit: i64| {
        match db {
        Db::Sqlite(_) => format!(
            "SELECT s.rowid FROM member_search s JOIN members m ON m.id = s.rowid
             WHERE s.member_search MATCH ${t} AND {filters} AND {not_exact} ORDER BY s.rowid LIMIT {limit}"
        ),
        Db::Postgres(_) => format!(
            "SELECT id FROM (SELECT m.id FROM members m WHERE m.search @@ CAST(${t} AS tsquery) AND {filters} AND {not_exact}
             LIMIT {}) c ORDER BY id LIMIT {limit}",
            SEARCH_COUNT_CAP + 1
        ),
    }
    };
    let ids_of = |sql: String, term: Option<String>| {
        let mut binds = binds.clone();
        binds.extend(term);
        async move {
            Ok::<Vec<i64>, StoreError>(on_pool!(db, p => {
                let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
                for b in &binds {
                    q = q.bind(b);
                }
                q.fetch_all(p).await
            })?)
        }
    };
    // Tiers one after the other, each only while the page is not full: a common name fills
    // it from its first tier and never costs the others.
    let mut ranked = ids_of(
        format!(
            "SELECT m.id FROM members m WHERE {exact_sql} AND {filters} ORDER BY m.id LIMIT {end}"
        ),
        None,
    )
    .await?;
    let mut complete = (ranked.len() as i64) < end;
    for terms in [names_only, others] {
        let Some(terms) = terms else { continue };
        if !complete {
            break;
        }
        let wanted = end - ranked.len() as i64;
        let more = ids_of(tier_sql(wanted), Some(terms)).await?;
        complete = (more.len() as i64) < wanted;
        ranked.extend(more);
    }
    // Everything was read: that is the count. Otherwise count, up to the cap.
    let total = if complete {
        ranked.len() as i64
    } else {
        let exact_count = format!(
            "(SELECT COUNT(*) FROM (SELECT m.id FROM members m WHERE {exact_sql} AND {filters} LIMIT {SEARCH_COUNT_CAP}) e)"
        );
        let (sql, term) = match any {
            Some(any) => {
                let any_sql = match db {
                    Db::Sqlite(_) => format!(
                        "SELECT s.rowid FROM member_search s JOIN members m ON m.id = s.rowid
                         WHERE s.member_search MATCH ${t} AND {filters} AND {not_exact} LIMIT {}",
                        SEARCH_COUNT_CAP + 1
                    ),
                    Db::Postgres(_) => format!(
                        "SELECT m.id FROM members m WHERE m.search @@ CAST(${t} AS tsquery) AND {filters} AND {not_exact} LIMIT {}",
                        SEARCH_COUNT_CAP + 1
                    ),
                };
                (
                    format!("SELECT {exact_count} + (SELECT COUNT(*) FROM ({any_sql}) a)"),
                    Some(any),
                )
            }
            None => (format!("SELECT {exact_count}"), None),
        };
        ids_of(sql, term).await?.first().copied().unwrap_or(0)
    };
    let page_ids: Vec<i64> = ranked
        .iter()
        .skip(usize::try_from(page.offset()).unwrap_or(0))
        .copied()
        .collect();
    let mut items = if page_ids.is_empty() {
        Vec::new()
    } else {
        // Ids read from the database, written into the statement as numbers.
        let list = page_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("{SELECT} WHERE m.id IN ({list})");
        on_pool!(db, p => sqlx::query_as::<_, Member>(sqlx::AssertSqlSafe(sql)).fetch_all(p).await)?
    };
    items.sort_by_key(|m| page_ids.iter().position(|id| *id == m.id));
    Ok(Paged {
        items,
        total: total.min(SEARCH_COUNT_CAP),
        capped: total > SEARCH_COUNT_CAP,
        page: page.number,
        page_size: page.size,
    })
}

/// `a OR b` in the engine's text-query syntax.
fn text_or(db: &Db, a: &str, b: &str) -> String {
    match db {
        Db::Sqlite(_) => format!("({a}) OR ({b})"),
        Db::Postgres(_) => format!("({a}) | ({b})"),
    }
}

/// `a AND NOT b` in the engine's text-query syntax.
fn text_not(db: &Db, a: &str, b: &str) -> String {
    match db {
        Db::Sqlite(_) => format!("({a}) NOT ({b})"),
        Db::Postgres(_) => format!("({a}) & !({b})"),
    }
}

/// A text-index query in which every term must match, the last as a prefix: FTS5 syntax
/// on SQLite, tsquery on PostgreSQL. Terms hold letters and digits only (see
/// `names::SearchQuery`).
fn text_query(db: &Db, terms: &[String], prefix_last: bool) -> String {
    // Every word but the last is taken whole, as typed; the last may be unfinished (names
    // only: a prefix of a consonant skeleton matches hundreds of skeletons). Whole terms
    // are what keeps PostgreSQL's GIN index fast on a common name.
    let quoted = terms.iter().enumerate().map(|(i, t)| {
        let last = i + 1 == terms.len();
        let star = if prefix_last && last && tanzim_domain::names::SearchQuery::is_prefix(t) {
            "*"
        } else {
            ""
        };
        match db {
            Db::Sqlite(_) => format!("\"{}\"{star}", t.replace('"', "")),
            Db::Postgres(_) => format!(
                "'{}'{}",
                t.replace(['\'', '\\'], ""),
                if star.is_empty() { "" } else { ":*" }
            ),
        }
    });
    let and = match db {
        Db::Sqlite(_) => " AND ",
        Db::Postgres(_) => " & ",
    };
    quoted.collect::<Vec<_>>().join(and)
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
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
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
    .bind(&member.path)
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
    counts.add(&member.path, member.status.as_str(), &sex, &birth_date, -1);
    counts.add(change.to_path.as_str(), change.to_status.as_str(), &sex, &birth_date, 1);
    on_tx!(tx, c => apply_counts!(db, c, &counts))?;
    on_tx!(tx, c => sqlx::query("UPDATE member_history SET valid_to = $1 WHERE member_id = $2 AND valid_to IS NULL")
        .bind(change.on)
        .bind(member.id)
        .execute(c)
        .await
        .map(|_| ()))?;
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
        "commune_from": member.commune_code, "commune_to": change.to_commune, "on": change.on,
        "reason": change.reason, "decision": change.decision,
    });
    let entry = audit
        .target("member", member.id, Some(change.to_path.clone()))
        .organizations(&member.affiliations)
        .detail(detail);
    on_tx!(tx, c => append_audit!(c, &entry).map(|_| ()))?;
    Ok(())
}

/// Applies a change (see [`apply_change`]) in a transaction of its own.
pub async fn apply(db: &Db, member: &Member, change: &Change<'_>, audit: AuditEntry) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin().await?;
        apply_change(db, &mut tx.as_conn(), member, change, audit).await?;
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
        append_audit!(tx, &audit.target("member", member.id, Some(TerritoryPath::from_stored(member.path.clone()))).organizations(&member.affiliations).organizations(&member.affiliations).detail(detail))?;
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
        append_audit!(tx, &audit.target("member", member.id, Some(TerritoryPath::from_stored(member.path.clone()))).organizations(&member.affiliations))?;
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
