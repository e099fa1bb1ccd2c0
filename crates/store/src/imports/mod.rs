//! Importing member rolls in batches: each batch is one transaction (all its rows or none),
//! existing members (same CIN) are updated or reported as the user chose, probable
//! duplicates go to a review queue, and importing the same file again changes nothing.

use crate::BeginWrite as _;
use crate::BeginWriteOn;
use crate::audit::AuditEntry;
use crate::members::{NewMember, name_key};
use crate::{AsConn, Conn, Db, Result};
use std::collections::HashMap;
use tanzim_domain::members::Person;
use tanzim_domain::territory::TerritoryPath;

mod fate;
use fate::Fate;
pub use fate::preview_batch;

/// A valid row, ready to write.
pub struct Item {
    pub line: u64,
    pub person: Person,
    /// The membership number the row gives (an export's), to find the member it updates.
    pub number: Option<String>,
    pub path: TerritoryPath,
    pub province_code: String,
    pub joined_on: String,
    pub card_token: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnExisting {
    /// A member with the same CIN gets the file's phone, e-mail, address and profession.
    Update,
    /// A member with the same CIN is left alone and the row reported.
    Report,
}

/// Whether the importer may see and change an existing member, given its branch and the
/// affiliates it joined. A member found by CIN or by name and birth date outside that reach
/// is neither shown nor changed: the row is referred to those who cover both places.
pub type Reach<'a> = &'a (dyn Fn(&TerritoryPath, &str) -> bool + Sync);

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BatchReport {
    pub imported: u64,
    pub updated: u64,
    /// Rows already present and identical (update mode): nothing to do.
    pub unchanged: u64,
    pub review: u64,
    /// Rows that match a member outside the importer's reach, filed for review at the
    /// territory that holds both (the importer is not told where, or whom).
    pub referred: u64,
    /// Lines reported, with the reason code (`cin-taken` in report mode).
    pub reported: Vec<(u64, &'static str)>,
}

/// Writes one batch in one transaction: one lookup of the batch's CINs, one of its names,
/// then multi-row inserts (see `members::insert_members`). `reach` (`None`: everywhere, the
/// operator's command line) decides which existing members the importer may update or
/// review; every member updated gets its own audit entry, placed where the member is. A
/// staged import's `checkpoint` moves its cursor and tally in the same transaction.
pub async fn import_batch(
    db: &Db,
    items: &[Item],
    on_existing: OnExisting,
    reach: Option<Reach<'_>>,
    audit: AuditEntry,
    checkpoint: Option<&crate::staged_imports::Checkpoint<'_>>,
) -> Result<BatchReport> {
    let now = crate::now();
    let mut report = BatchReport::default();
    let keys: Vec<String> = items.iter().map(|i| name_key(&i.person)).collect();
    let covers = |path: &str, affiliations: &str| {
        reach.is_none_or(|r| r(&TerritoryPath::from_stored(path.to_owned()), affiliations))
    };
    on_pool!(db, pool => {
        let mut conn = pool.acquire().await?;
        if let Db::Sqlite(_) = db {
            // An import writes into every index of the roll at random places: a larger page
            // cache for this connection while it imports keeps those pages in memory.
            sqlx::query("PRAGMA cache_size = -262144").execute(&mut *conn).await?;
        }
        let written: Result<BatchReport> = async {
        // The write lock first: this transaction reads the roll's matches before it writes.
        let mut tx = BeginWriteOn::begin_write(&mut *conn).await?;
        let mut counts = crate::counters::Deltas::default();

        let found = fate::look_up(db, &mut tx.as_conn(), items, &keys, false).await?;

        let mut new_members = Vec::new();
        // Probable duplicates: of a member already there (its id, and where the review goes),
        // or of an earlier row of this batch (its CIN, whose id is known once written).
        // Each review lies where both places meet, so that whoever sees it covers both; it
        // is a referral when the importer does not reach the member it matched.
        let mut reviews: Vec<PendingReview> = Vec::new();
        let mut batch_keys: HashMap<(String, String), String> = HashMap::new();
        for (item, key) in items.iter().zip(&keys) {
            let p = &item.person;
            match fate::fate(item, key, &found, &mut batch_keys, on_existing, &covers) {
                Fate::Unchanged => report.unchanged += 1,
                Fate::Reported(code) => report.reported.push((item.line, code)),
                Fate::Update { member: m, phone, email, address, profession } => {
                    sqlx::query("UPDATE members SET phone = $1, email = $2, address = $3, profession = $4, updated_at = $5 WHERE id = $6")
                        .bind(phone).bind(email).bind(address).bind(profession).bind(now).bind(m.id)
                        .execute(&mut *tx)
                        .await?;
                    let entry = audit.clone()
                        .target("member", m.id, Some(TerritoryPath::from_stored(m.path.clone())))
                        .organizations(&m.affiliations)
                        .detail(serde_json::json!({ "import_line": item.line, "updated": ["phone", "email", "address", "profession"] }));
                    append_audit!(tx, &entry)?;
                    report.updated += 1;
                }
                Fate::Review { matched, reason, at, referred } => {
                    reviews.push(PendingReview { item, matched, reason, at, referred });
                }
                Fate::New => new_members.push(NewMember {
                    person: p,
                    province_code: item.province_code.clone(),
                    path: item.path.clone(),
                    joined_on: item.joined_on.clone(),
                    consent_contact: false,
                    consent_public: false,
                    consent_source: "import".to_owned(),
                    consent_version: "-".to_owned(),
                    notes: None,
                    card_token: item.card_token.clone(),
                    application_id: None,
                    committee_id: None,
                    actor_id: audit.actor_id,
                }),
            }
        }
        let written = crate::members::insert_members(db, &mut tx.as_conn(), &new_members, now, &mut counts).await?;
        report.imported = written.len() as u64;
        let ids: HashMap<&str, i64> = new_members
            .iter()
            .zip(&written)
            .map(|(n, (id, _))| (n.person.cin.as_str(), *id))
            .collect();
        for PendingReview { item, matched, reason, at, referred } in reviews {
            let Some(matched) = matched.map_or_else(|cin| ids.get(cin.as_str()).copied(), Some) else {
                continue;
            };
            let filed = file_review(&mut tx.as_conn(), reason, &item.person, item.line, &item.joined_on, matched, &at, now).await?;
            match (filed, referred) {
                (false, _) => report.unchanged += 1,
                (true, true) => report.referred += 1,
                (true, false) => report.review += 1,
            }
        }
        crate::counters::apply(db, &mut tx.as_conn(), &counts).await?;
        let detail = serde_json::json!({ "rows": items.len(), "imported": report.imported, "updated": report.updated,
            "review": report.review, "referred": report.referred, "reported": report.reported.len() });
        // A batch of rows all refused writes no member: nothing to put on the log.
        if !items.is_empty() {
            append_audit!(tx, &audit.detail(detail))?;
        }
        if let Some(c) = checkpoint {
            checkpoint_in(&mut tx.as_conn(), c, &report).await?;
        }
        tx.commit().await?;
        Ok(report)
        }
        .await;
        if let Db::Sqlite(_) = db {
            // Back to the pool's size (see `Db::connect_sqlite`), whether the batch was
            // written or not.
            sqlx::query("PRAGMA cache_size = -16384").execute(&mut *conn).await?;
        }
        written
    })
}

impl crate::staged_imports::Tally {
    /// The tally once a batch is in: what it wrote, and every row it refused.
    pub fn with(&self, report: &BatchReport, refused: u64) -> crate::staged_imports::Tally {
        crate::staged_imports::Tally {
            imported: self.imported + report.imported,
            updated: self.updated + report.updated,
            unchanged: self.unchanged + report.unchanged,
            review: self.review + report.review,
            referred: self.referred + report.referred,
            rejected: self.rejected + refused + report.reported.len() as u64,
        }
    }
}

pub(crate) async fn checkpoint_in(
    tx: &mut Conn<'_>,
    c: &crate::staged_imports::Checkpoint<'_>,
    report: &BatchReport,
) -> Result<()> {
    let tally = c
        .before
        .with(report, c.refused_at_staging + c.refused.len() as u64);
    let tally = serde_json::to_string(&tally).unwrap_or_default();
    let moved = on_tx!(tx, conn => sqlx::query(
        "UPDATE staged_imports SET next_line = $1, tally = $2, updated_at = $3
         WHERE id = $4 AND next_line = $5 AND state = 'importing'",
    )
    .bind(c.next_line).bind(tally).bind(crate::now()).bind(c.import_id).bind(c.from_line)
    .execute(&mut *conn).await.map(|r| r.rows_affected()))?;
    if moved != 1 {
        return Err(crate::StoreError::Conflict("import-moved"));
    }
    let reported = report.reported.iter().map(|(l, r)| (*l, *r));
    let refused: Vec<(u64, &str)> = c
        .refused
        .iter()
        .map(|(l, r)| (*l, r.as_str()))
        .chain(reported)
        .collect();
    // A statement per few hundred rows (`CASE line WHEN ...`), not one per row, inside
    // the batch's write lock.
    for part in refused.chunks(crate::staged_imports::PER_INSERT) {
        let cases = (0..part.len())
            .map(|i| format!("WHEN ${} THEN ${}", 2 * i + 2, 2 * i + 3))
            .collect::<Vec<_>>()
            .join(" ");
        let lines = (0..part.len())
            .map(|i| format!("${}", 2 * i + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "UPDATE staged_import_rows SET reason = CASE line {cases} END WHERE import_id = $1 AND line IN ({lines})"
        );
        on_tx!(tx, conn => {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(c.import_id);
            for (line, reason) in part {
                q = q.bind(*line as i64).bind(*reason);
            }
            q.execute(&mut *conn).await.map(drop)
        })?;
    }
    Ok(())
}

/// A review a batch files once its new members have ids.
struct PendingReview<'a> {
    item: &'a Item,
    /// The member matched, or the CIN of an earlier row of the batch.
    matched: std::result::Result<i64, String>,
    reason: &'static str,
    at: TerritoryPath,
    referred: bool,
}

/// Why a review was filed: the same folded name and birth date as a member...
pub const REVIEW_NAME: &str = "name";
/// ...or a CIN already registered outside the reach of whoever entered the person.
pub const REFERRED_CIN: &str = "cin";

/// The person a review holds, as JSON (see `ReviewRow`).
fn review_data(p: &Person, line: u64, joined_on: &str) -> String {
    serde_json::json!({
        "line": line, "first_name_ar": p.first_name_ar, "last_name_ar": p.last_name_ar,
        "first_name_lat": p.first_name_lat, "last_name_lat": p.last_name_lat, "sex": p.sex.as_str(),
        "birth_date": p.birth_date.to_string(), "cin": p.cin.as_str(), "commune": p.commune.as_str(),
        "phone": p.phone.as_ref().map(|x| x.as_str()), "email": p.email, "address": p.address,
        "profession": p.profession, "joined_on": joined_on,
    })
    .to_string()
}

/// Files a review in the transaction of `tx`; whether it is new (the same row and member
/// already under review is left as it is).
#[allow(clippy::too_many_arguments)]
async fn file_review(
    tx: &mut Conn<'_>,
    reason: &str,
    p: &Person,
    line: u64,
    joined_on: &str,
    matched: i64,
    at: &TerritoryPath,
    now: i64,
) -> Result<bool> {
    let filed = on_tx!(tx, c => sqlx::query(
        "INSERT INTO import_reviews (cin, matched_member_id, path, data, status, created_at, reason) VALUES ($1, $2, $3, $4, 'open', $5, $6)
         ON CONFLICT (cin, matched_member_id) DO NOTHING",
    )
    .bind(p.cin.as_str())
    .bind(matched)
    .bind(at.as_str())
    .bind(review_data(p, line, joined_on))
    .bind(now)
    .bind(reason)
    .execute(c)
    .await
    .map(|done| done.rows_affected() == 1))?;
    Ok(filed)
}

/// Refers a person whose CIN is registered to a member outside the reach of the user who
/// entered them (a member created by hand, an application accepted): a review filed at
/// the territory that holds both places, audited there. Returns whether it is new.
pub async fn refer_cin(
    db: &Db,
    person: &Person,
    path: &TerritoryPath,
    joined_on: &str,
    audit: AuditEntry,
) -> Result<bool> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let matched: Option<(i64, String)> = sqlx::query_as("SELECT id, path FROM members WHERE cin = $1")
            .bind(person.cin.as_str()).fetch_optional(&mut *tx).await?;
        let Some((matched, their_path)) = matched else {
            return Ok(false);
        };
        let at = path.common_ancestor(&TerritoryPath::from_stored(their_path));
        let filed = file_review(&mut tx.as_conn(), REFERRED_CIN, person, 0, joined_on, matched, &at, now).await?;
        if filed {
            append_audit!(tx, &audit.target("review", matched, Some(at)).detail(serde_json::json!({ "referred": "cin" })))?;
        }
        tx.commit().await?;
        Ok(filed)
    })
}

/// After a large import: PostgreSQL's planner gets fresh statistics of the members (a
/// search planned on the statistics of an empty table reads the whole roll). SQLite plans
/// without statistics.
pub async fn analyze(db: &Db) -> Result<()> {
    if let Db::Postgres(p) = db {
        sqlx::query("ANALYZE members").execute(p).await?;
    }
    Ok(())
}

/// Open reviews in a scope (the officer's queue of probable duplicates).
pub async fn open_reviews(db: &Db, scope: &crate::ScopeFilter) -> Result<i64> {
    let (where_sql, binds) = scope.without_organizations().sql("path", "", 1);
    let sql = format!("SELECT COUNT(*) FROM import_reviews WHERE status = 'open' AND {where_sql}");
    on_pool!(db, p => {
        let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.as_str()));
        for b in &binds {
            q = q.bind(b);
        }
        Ok(q.fetch_one(p).await?)
    })
}

/// A probable duplicate met during an import, waiting for an officer's decision.
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct Review {
    pub id: i64,
    pub cin: String,
    pub matched_member_id: i64,
    pub matched_number: String,
    pub path: String,
    /// The file's row, as JSON (see `ReviewRow`).
    pub data: String,
    /// `open`, `same` (the member already there) or `added` (a distinct person).
    pub status: String,
    pub created_at: i64,
    pub member_id: Option<i64>,
    /// `name` (a probable duplicate) or `cin` (the CIN is registered to the matched member).
    pub reason: String,
    /// Where the matched member is (to check that the reviewer covers it too).
    pub matched_path: String,
    pub matched_affiliations: String,
}

/// The row of the file a review holds.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ReviewRow {
    pub line: Option<u64>,
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    #[serde(default)]
    pub sex: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub cin: String,
    #[serde(default)]
    pub commune: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub profession: Option<String>,
    pub joined_on: Option<String>,
}

impl Review {
    pub fn target(&self) -> tanzim_domain::policy::Target {
        tanzim_domain::policy::Target {
            path: TerritoryPath::from_stored(self.path.clone()),
            organization: None,
        }
    }
    pub fn row(&self) -> ReviewRow {
        serde_json::from_str(&self.data).unwrap_or_default()
    }
}

impl ReviewRow {
    /// The row as the domain's input, to validate again before adding it.
    pub fn person_input(&self) -> tanzim_domain::members::PersonInput {
        tanzim_domain::members::PersonInput {
            first_name_ar: self.first_name_ar.clone(),
            last_name_ar: self.last_name_ar.clone(),
            first_name_lat: self.first_name_lat.clone(),
            last_name_lat: self.last_name_lat.clone(),
            sex: self.sex.clone(),
            birth_date: self.birth_date.clone(),
            cin: self.cin.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            commune: self.commune.clone(),
            address: self.address.clone(),
            profession: self.profession.clone(),
            education: None,
            affiliations: None,
        }
    }
}

const REVIEW_SELECT: &str = "SELECT r.id, r.cin, r.matched_member_id, m.number AS matched_number, r.path, r.data,
    r.status, r.created_at, r.member_id, r.reason, m.path AS matched_path, m.affiliations AS matched_affiliations
    FROM import_reviews r JOIN members m ON m.id = r.matched_member_id";

/// Open reviews in a scope, oldest first.
pub async fn reviews(
    db: &Db,
    scope: &crate::ScopeFilter,
    page: crate::Page,
) -> Result<crate::Paged<Review>> {
    let (scope_sql, binds) = scope.without_organizations().sql("r.path", "", 1);
    let where_sql = format!("r.status = 'open' AND {scope_sql}");
    let n = binds.len();
    let list_sql = format!(
        "{REVIEW_SELECT} WHERE {where_sql} ORDER BY r.id LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM import_reviews r WHERE {where_sql}");
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

pub async fn review(db: &Db, id: i64) -> Result<Option<Review>> {
    let sql = format!("{REVIEW_SELECT} WHERE r.id = $1");
    Ok(
        on_pool!(db, p => sqlx::query_as::<_, Review>(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(p).await)?,
    )
}

/// Closes an open review as the member already there: nothing else is written.
pub async fn decide_same(
    db: &Db,
    review: &Review,
    actor_id: Option<i64>,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let done = sqlx::query("UPDATE import_reviews SET status = 'same', decided_by = $1, decided_at = $2 WHERE id = $3 AND status = 'open'")
            .bind(actor_id).bind(crate::now()).bind(review.id)
            .execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Err(crate::StoreError::Conflict("review-decided"));
        }
        append_audit!(tx, &audit)?;
        tx.commit().await?;
        Ok(())
    })
}

/// Closes an open review as a distinct person: the row becomes a member, in the same
/// transaction. Returns the member's id and number.
pub async fn decide_distinct(
    db: &Db,
    id: i64,
    new: &NewMember<'_>,
    audit: AuditEntry,
) -> Result<(i64, String)> {
    let now = crate::now();
    on_pool!(db, pool => {
        let mut tx = pool.begin_write().await?;
        let open: Option<i64> = sqlx::query_scalar("SELECT id FROM import_reviews WHERE id = $1 AND status = 'open'")
            .bind(id).fetch_optional(&mut *tx).await?;
        if open.is_none() {
            return Err(crate::StoreError::Conflict("review-decided"));
        }
        let mut counts = crate::counters::Deltas::default();
        let written = crate::members::insert_members(db, &mut tx.as_conn(), std::slice::from_ref(new), now, &mut counts).await?;
        let Some((member_id, number)) = written.into_iter().next() else {
            return Err(crate::StoreError::Conflict("cin-taken"));
        };
        crate::counters::apply(db, &mut tx.as_conn(), &counts).await?;
        let done = sqlx::query("UPDATE import_reviews SET status = 'added', decided_by = $1, decided_at = $2, member_id = $3 WHERE id = $4 AND status = 'open'")
            .bind(new.actor_id).bind(now).bind(member_id).bind(id)
            .execute(&mut *tx).await?;
        if done.rows_affected() != 1 {
            return Err(crate::StoreError::Conflict("review-decided"));
        }
        let detail = serde_json::json!({ "review": id, "number": number });
        append_audit!(tx, &audit.target("member", member_id, Some(new.path.clone())).detail(detail))?;
        tx.commit().await?;
        Ok((member_id, number))
    })
}
