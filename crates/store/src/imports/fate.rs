//! What becomes of a roll's row, decided on one look-up of its batch's CINs, numbers and
//! names: the import acts on it, its preview counts it. One function decides for both,
//! so the preview says what the import will do.

use super::{Item, OnExisting};
use crate::{AsConn, Conn, Db, Result};
use std::collections::{HashMap, HashSet};
use tanzim_domain::territory::TerritoryPath;

/// A member already registered, as an import needs it.
#[derive(sqlx::FromRow)]
pub(crate) struct Existing {
    pub(crate) id: i64,
    pub(crate) number: String,
    pub(crate) cin: String,
    pub(crate) path: String,
    pub(crate) affiliations: String,
    pub(crate) phone: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) address: Option<String>,
    pub(crate) profession: Option<String>,
    pub(crate) name_key: String,
    pub(crate) birth_date: String,
}

/// A batch's matches in the roll: members by CIN and by number, the first member of each
/// folded name and birth date (its id, path and affiliates), and the reviews already
/// filed (CIN and member matched).
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) by_cin: HashMap<String, Existing>,
    pub(crate) by_number: HashMap<String, Existing>,
    pub(crate) by_name: HashMap<(String, String), (i64, String, String)>,
    pub(crate) reviewed: HashSet<(String, i64)>,
}

/// Keys per look-up statement.
const LOOKUP: usize = 1000;

const EXISTING: &str = "SELECT id, number, cin, path, affiliations, phone, email, address, profession, name_key, birth_date FROM members";

/// Reads what a batch's rows match, a statement per thousand keys.
pub(crate) async fn look_up(
    db: &Db,
    conn: &mut Conn<'_>,
    items: &[Item],
    keys: &[String],
    with_reviews: bool,
) -> Result<Found> {
    let mut found = Found::default();
    let cins: Vec<&str> = items.iter().map(|i| i.person.cin.as_str()).collect();
    for row in existing(db, conn, "cin", &cins).await? {
        found.by_cin.insert(row.cin.clone(), row);
    }
    let numbers: Vec<&str> = items.iter().filter_map(|i| i.number.as_deref()).collect();
    for row in existing(db, conn, "number", &numbers).await? {
        found.by_number.insert(row.number.clone(), row);
    }
    for chunk in keys.chunks(LOOKUP) {
        let sql = format!(
            "SELECT id, name_key, birth_date, path, affiliations FROM members WHERE name_key IN ({}) ORDER BY id",
            crate::placeholders(db, 1, chunk.len())
        );
        let rows: Vec<(i64, String, String, String, String)> = on_tx!(conn, c => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
            for key in chunk {
                q = q.bind(key);
            }
            q.fetch_all(&mut *c).await
        })?;
        for (id, key, birth, path, affiliations) in rows {
            found
                .by_name
                .entry((key, birth))
                .or_insert((id, path, affiliations));
        }
    }
    if with_reviews {
        for chunk in cins.chunks(LOOKUP) {
            let sql = format!(
                "SELECT cin, matched_member_id FROM import_reviews WHERE cin IN ({})",
                crate::placeholders(db, 1, chunk.len())
            );
            let rows: Vec<(String, i64)> = on_tx!(conn, c => {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
                for cin in chunk {
                    q = q.bind(*cin);
                }
                q.fetch_all(&mut *c).await
            })?;
            found.reviewed.extend(rows);
        }
    }
    Ok(found)
}

async fn existing(
    db: &Db,
    conn: &mut Conn<'_>,
    column: &str,
    values: &[&str],
) -> Result<Vec<Existing>> {
    let mut out = Vec::new();
    for chunk in values.chunks(LOOKUP) {
        let sql = format!(
            "{EXISTING} WHERE {column} IN ({})",
            crate::placeholders(db, 1, chunk.len())
        );
        let rows: Vec<Existing> = on_tx!(conn, c => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
            for v in chunk {
                q = q.bind(*v);
            }
            q.fetch_all(&mut *c).await
        })?;
        out.extend(rows);
    }
    Ok(out)
}

/// What becomes of a row.
pub(crate) enum Fate<'a> {
    /// A new member.
    New,
    /// Already there as the file has it.
    Unchanged,
    /// Refused at the import, with its reason.
    Reported(&'static str),
    /// The member's contact details, as the file gives them.
    Update {
        member: &'a Existing,
        phone: Option<String>,
        email: Option<String>,
        address: Option<String>,
        profession: Option<String>,
    },
    /// A probable duplicate (or a CIN out of reach) to file for review where both places
    /// meet: of a member (its id) or of an earlier new row of the file (its CIN).
    Review {
        matched: std::result::Result<i64, String>,
        reason: &'static str,
        at: TerritoryPath,
        referred: bool,
    },
}

/// Whether the importer reaches a member (its path and affiliates).
pub(crate) type Covers<'c> = &'c dyn Fn(&str, &str) -> bool;

/// Decides a row's fate. `earlier` holds the CIN of the first new row of each folded
/// name and birth date met so far (the batch's at the import, the file's at the preview,
/// which writes none of them).
pub(crate) fn fate<'a>(
    item: &Item,
    key: &str,
    found: &'a Found,
    earlier: &mut HashMap<(String, String), String>,
    on_existing: OnExisting,
    covers: Covers<'_>,
) -> Fate<'a> {
    let p = &item.person;
    // An export's number names the member the row is, where the importer reaches it; its
    // CIN must be that member's (a CIN is corrected on the member's page, not by a file).
    let by_number = item
        .number
        .as_deref()
        .and_then(|n| found.by_number.get(n))
        .filter(|m| covers(&m.path, &m.affiliations));
    if by_number.is_some_and(|m| m.cin != p.cin.as_str()) {
        return Fate::Reported("number-cin-mismatch");
    }
    if let Some(m) = by_number.or_else(|| found.by_cin.get(p.cin.as_str())) {
        if !covers(&m.path, &m.affiliations) {
            let at = item
                .path
                .common_ancestor(&TerritoryPath::from_stored(m.path.clone()));
            return Fate::Review {
                matched: Ok(m.id),
                reason: super::REFERRED_CIN,
                at,
                referred: true,
            };
        }
        let phone = p
            .phone
            .as_ref()
            .map(|x| x.as_str().to_owned())
            .or(m.phone.clone());
        let email = p.email.clone().or(m.email.clone());
        let address = p.address.clone().or(m.address.clone());
        let profession = p.profession.clone().or(m.profession.clone());
        let same = (&phone, &email, &address, &profession)
            == (&m.phone, &m.email, &m.address, &m.profession);
        let same_person = (m.name_key.as_str(), m.birth_date.as_str())
            == (key, p.birth_date.to_string().as_str());
        return match on_existing {
            // Already there as the file has it: a second run of the same roll reports it
            // as unchanged, not as an error.
            OnExisting::Report if same && same_person => Fate::Unchanged,
            OnExisting::Report => Fate::Reported("cin-taken"),
            OnExisting::Update if same => Fate::Unchanged,
            OnExisting::Update => Fate::Update {
                member: m,
                phone,
                email,
                address,
                profession,
            },
        };
    }
    let dup_key = (key.to_owned(), p.birth_date.to_string());
    if let Some((matched, path, affiliations)) = found.by_name.get(&dup_key) {
        let at = item
            .path
            .common_ancestor(&TerritoryPath::from_stored(path.clone()));
        return Fate::Review {
            matched: Ok(*matched),
            reason: super::REVIEW_NAME,
            at,
            referred: !covers(path, affiliations),
        };
    }
    if let Some(first_cin) = earlier.get(&dup_key) {
        return Fate::Review {
            matched: Err(first_cin.clone()),
            reason: super::REVIEW_NAME,
            at: item.path.clone(),
            referred: false,
        };
    }
    earlier.insert(dup_key, p.cin.as_str().to_owned());
    Fate::New
}

/// What a batch would do, written nowhere: the preview's figures, by the rules the import
/// follows (`fate`). `earlier` carries the file's new names from batch to batch.
pub async fn preview_batch(
    db: &Db,
    items: &[Item],
    on_existing: OnExisting,
    reach: Option<super::Reach<'_>>,
    earlier: &mut HashMap<(String, String), String>,
) -> Result<super::BatchReport> {
    let keys: Vec<String> = items
        .iter()
        .map(|i| crate::members::name_key(&i.person))
        .collect();
    let covers = |path: &str, affiliations: &str| {
        reach.is_none_or(|r| r(&TerritoryPath::from_stored(path.to_owned()), affiliations))
    };
    let found = on_pool!(db, pool => {
        let mut conn = pool.acquire().await?;
        look_up(db, &mut conn.as_conn(), items, &keys, true).await
    })?;
    let mut report = super::BatchReport::default();
    for (item, key) in items.iter().zip(&keys) {
        match fate(item, key, &found, earlier, on_existing, &covers) {
            Fate::New => report.imported += 1,
            Fate::Unchanged => report.unchanged += 1,
            Fate::Reported(code) => report.reported.push((item.line, code)),
            Fate::Update { .. } => report.updated += 1,
            // A review filed before (same CIN, same member) is not filed again.
            Fate::Review {
                matched: Ok(id), ..
            } if found
                .reviewed
                .contains(&(item.person.cin.as_str().to_owned(), id)) =>
            {
                report.unchanged += 1
            }
            Fate::Review { referred: true, .. } => report.referred += 1,
            Fate::Review { .. } => report.review += 1,
        }
    }
    Ok(report)
}
