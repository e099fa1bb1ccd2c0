//! Importing a roll into the database: every row validated by the domain, valid rows written
//! in batches (each batch all or nothing), a report of every rejected row with its line.

use crate::import::{self, Roll, Row};
use std::collections::HashMap;
use tanzim_domain::Field;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::commune_names::{CommuneNames, Miss};
use tanzim_domain::members::Person;
use tanzim_domain::org::Profile;
use tanzim_domain::territory::Level;
use tanzim_store::audit::AuditEntry;
use tanzim_store::imports::{self, Item, OnExisting};
use tanzim_store::{Db, StoreError, territory};

/// Rows a dry run checks before looking up those that pass.
const STAGE_CHUNK: usize = 2_000;

/// Rows per transaction: large enough that `synchronous=FULL` costs little, small enough
/// that an interrupted import loses little (a re-run skips what was written).
pub const BATCH: usize = 20000;

/// Imports of at least this many rows refresh the planner's statistics afterwards.
pub(crate) const ANALYZE_AFTER: usize = 10_000;
/// During a large import, statistics are refreshed after the first batch and every so many.
pub(crate) const ANALYZE_EVERY: usize = 5;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub review: u64,
    /// Rows that match a member outside the importer's reach, referred to those who cover
    /// both places (the importer is not told where, or whom).
    pub referred: u64,
    /// Every rejected line with its reason (an error code of the Fluent files).
    pub rejected: Vec<(u64, String)>,
}

impl Summary {
    /// The line `tanzim import members` prints.
    pub fn line(&self) -> String {
        counts_line(
            [self.imported, self.updated, self.rejected.len() as u64],
            [self.review, self.referred, self.unchanged],
        )
    }
}

impl Summary {
    /// The rejected rows counted by reason (an error code), the most frequent first.
    pub fn reasons(&self) -> Vec<(&str, u64)> {
        let mut counts: Vec<(&str, u64)> = Vec::new();
        for (_, code) in &self.rejected {
            match counts.iter_mut().find(|(c, _)| *c == code.as_str()) {
                Some((_, n)) => *n += 1,
                None => counts.push((code.as_str(), 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        counts
    }

    /// The lines that say why rows were rejected (the console's `demo` prints them): a
    /// sentence, then one line per reason with its count, its code and `describe`'s
    /// words for it; nothing when no row was.
    pub fn rejections_explained(&self, describe: impl Fn(&str) -> String) -> Vec<String> {
        let reasons = self.reasons();
        if reasons.is_empty() {
            return Vec::new();
        }
        std::iter::once(
            "rejected rows by reason (people the rules refuse are left out, as in a real roll):"
                .to_owned(),
        )
        .chain(
            reasons
                .into_iter()
                .map(|(code, n)| format!("{n:>8}  {code}: {}", describe(code))),
        )
        .collect()
    }
}

/// `imported N, updated N, rejected N, review N, referred N[, unchanged N]`: the summary of
/// an import, from the console, the pages and their tests alike.
pub fn counts_line(
    [imported, updated, rejected]: [u64; 3],
    [review, referred, unchanged]: [u64; 3],
) -> String {
    let line = format!(
        "imported {imported}, updated {updated}, rejected {rejected}, review {review}, referred {referred}"
    );
    match unchanged {
        0 => line,
        n => format!("{line}, unchanged {n}"),
    }
}

pub struct Options<'a> {
    pub on_existing: OnExisting,
    pub dry_run: bool,
    pub actor: &'a str,
    pub actor_id: Option<i64>,
    /// Makes card tokens (the caller owns randomness).
    pub token: &'a (dyn Fn() -> String + Sync),
    /// Where the importing user may add members; rows elsewhere are rejected (`None`: anywhere).
    pub scope: Option<&'a (dyn Fn(&tanzim_domain::territory::TerritoryPath) -> bool + Sync)>,
    /// Which existing members (found by CIN, or by name and birth date) the importing user
    /// may see and update; the others' rows are referred (`None`: all of them).
    pub reach: Option<imports::Reach<'a>>,
    pub today: chrono::NaiveDate,
}

/// What a row is checked against: the communes (with their paths and provinces, and
/// their names in both scripts) and the profile's affiliated organizations, read once
/// per import.
pub struct Checks<'p> {
    profile: &'p Profile,
    places: HashMap<String, (tanzim_domain::territory::TerritoryPath, String)>,
    communes: CommuneNames,
    affiliates: Vec<&'p str>,
}

impl<'p> Checks<'p> {
    pub async fn load(db: &Db, profile: &'p Profile) -> Result<Checks<'p>, StoreError> {
        let mut places = HashMap::new();
        let mut communes = CommuneNames::new();
        for t in territory::all(db).await? {
            match t.level {
                Level::Commune | Level::Arrondissement => {
                    let province = t.path.split('/').nth(1).unwrap_or_default().to_owned();
                    // Every level between the region and the place: a prefecture, and
                    // its prefecture of arrondissements.
                    let within: Vec<&str> = t
                        .path
                        .split('/')
                        .filter(|c| !c.is_empty() && *c != t.code)
                        .skip(1)
                        .collect();
                    communes.add_place(&t.code, &within, &[&t.name_ar, &t.name_fr]);
                    places.insert(t.code.clone(), (t.territory_path(), province));
                }
                Level::Province => communes.add_province(&t.code, &[&t.name_ar, &t.name_fr]),
                Level::Region => {}
            }
        }
        let affiliates = profile
            .organizations
            .iter()
            .filter(|o| o.kind == tanzim_domain::org::OrganizationKind::Affiliate)
            .map(|o| o.key.as_str())
            .collect();
        Ok(Checks {
            profile,
            places,
            communes,
            affiliates,
        })
    }

    /// A row ready to write, or why it is refused. `seen` holds the CINs of the rows
    /// before it: the same CIN twice in one file, the first row wins.
    pub fn check(
        &self,
        row: &Row,
        opts: &Options<'_>,
        seen: &mut HashMap<String, u64>,
    ) -> Result<Item, &'static str> {
        // The commune as the row writes it (a code or a name) becomes its code first; a
        // miss is said once the rest of the row is checked, after the row's other faults.
        let inside = |code: &str| {
            self.places
                .get(code)
                .is_some_and(|(path, _)| opts.scope.is_none_or(|s| s(path)))
        };
        let mut input = row.person.clone();
        let commune = match row.person.commune.trim() {
            "" => Ok(()),
            written => self
                .communes
                .resolve(written, row.province.as_deref(), inside)
                .map(|code| input.commune = code),
        };
        let person: Person = input
            .validate(&self.profile.membership, &self.affiliates, opts.today)
            .map_err(|errors| {
                let other = errors.iter().find(|e| e.field != Some(Field::Commune));
                match (other, commune) {
                    (Some(e), _) => e.code,
                    (None, Err(miss)) => miss.code(),
                    (None, Ok(())) => errors.first().map_or("malformed-input", |e| e.code),
                }
            })?;
        commune.map_err(Miss::code)?;
        let (path, province) = self
            .places
            .get(person.commune.as_str())
            .ok_or("commune-unknown")?;
        if opts.scope.is_some_and(|inside| !inside(path)) {
            return Err("commune-out-of-scope");
        }
        let joined_on = match row.joined_on.as_deref() {
            Some(d) => match tanzim_domain::members::parse_date(d, tanzim_domain::Field::Date) {
                Ok(d) if d <= opts.today => {
                    // Joined younger than the statutes allow: said as such, not as a
                    // date that cannot be read.
                    tanzim_domain::members::check_joined_on(
                        d,
                        person.birth_date,
                        &self.profile.membership,
                    )
                    .map_err(|e| e.code)?;
                    d.to_string()
                }
                _ => return Err("date-invalid"),
            },
            None => opts.today.to_string(),
        };
        if seen.contains_key(person.cin.as_str()) {
            return Err("cin-repeated-in-file");
        }
        seen.insert(person.cin.as_str().to_owned(), row.line);
        Ok(Item {
            line: row.line,
            person,
            number: row.number.clone(),
            path: path.clone(),
            province_code: province.clone(),
            joined_on,
            card_token: (opts.token)(),
        })
    }
}

/// Validates and imports a parsed roll.
pub async fn import_roll(
    db: &Db,
    profile: &Profile,
    roll: &Roll,
    opts: &Options<'_>,
) -> Result<Summary, StoreError> {
    let checks = Checks::load(db, profile).await?;
    let mut summary = Summary::default();
    let mut items = Vec::new();
    let mut seen_cins: HashMap<String, u64> = HashMap::new();
    for row in &roll.rows {
        match checks.check(row, opts, &mut seen_cins) {
            Ok(item) => items.push(item),
            Err(code) => summary.rejected.push((row.line, code.to_owned())),
        }
    }
    if opts.dry_run {
        let mut earlier = HashMap::new();
        for batch in items.chunks(BATCH) {
            preview_items(db, batch, opts, &mut earlier, &mut summary).await?;
        }
        summary.rejected.sort();
        return Ok(summary);
    }
    for (n, batch) in items.chunks(BATCH).enumerate() {
        // A large import into a small table: fresh planner statistics now and then, or
        // PostgreSQL keeps planning the batch lookups for the empty table it last measured.
        if n % ANALYZE_EVERY == 1 {
            imports::analyze(db).await?;
        }
        let audit = AuditEntry::new(
            opts.actor_id,
            opts.actor,
            AuditAction::MembersImported,
            Some("import"),
        );
        let report = imports::import_batch(db, batch, opts.on_existing, opts.reach, audit, None)
            .await
            .map_err(|e| in_batch(n, batch, (summary.imported, summary.updated), e))?;
        summary.imported += report.imported;
        summary.updated += report.updated;
        summary.unchanged += report.unchanged;
        summary.review += report.review;
        summary.referred += report.referred;
        summary
            .rejected
            .extend(report.reported.into_iter().map(|(l, c)| (l, c.to_owned())));
    }
    if items.len() >= ANALYZE_AFTER {
        imports::analyze(db).await?;
    }
    summary.rejected.sort();
    Ok(summary)
}

/// Adds to a preview what the import would do with checked rows, by its own look-ups and
/// rules (`imports::preview_batch`), writing nothing; the lines it would refuse.
pub(crate) async fn preview_items(
    db: &Db,
    items: &[Item],
    opts: &Options<'_>,
    earlier: &mut HashMap<(String, String), String>,
    summary: &mut Summary,
) -> Result<Vec<(u64, &'static str)>, StoreError> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let report = imports::preview_batch(db, items, opts.on_existing, opts.reach, earlier).await?;
    summary.imported += report.imported;
    summary.updated += report.updated;
    summary.unchanged += report.unchanged;
    summary.review += report.review;
    summary.referred += report.referred;
    summary
        .rejected
        .extend(report.reported.iter().map(|(l, c)| (*l, (*c).to_owned())));
    Ok(report.reported)
}

/// A batch's failure, said with where it stopped: the batch and its lines, and what the
/// batches before it (committed, each whole) brought in.
pub(crate) fn in_batch(
    n: usize,
    batch: &[Item],
    (imported, updated): (u64, u64),
    e: StoreError,
) -> StoreError {
    let lines = (batch.first().map(|i| i.line), batch.last().map(|i| i.line));
    let (Some(first), Some(last)) = lines else {
        return e;
    };
    StoreError::ImportStopped(format!(
        "batch {} (lines {first} to {last}) failed, the batches before it are in \
         (imported {}, updated {}): {e}",
        n + 1,
        imported,
        updated
    ))
}

/// Reads and imports a file; the rejected rows come back as a CSV to fix and re-import.
/// A dry run reads the file row by row and keeps only the rows it refuses.
pub async fn import_file(
    db: &Db,
    profile: &Profile,
    bytes: &[u8],
    mapping: &HashMap<String, String>,
    opts: &Options<'_>,
) -> Result<(Summary, String), ImportFailure> {
    if opts.dry_run {
        return check_file(db, profile, bytes, mapping, opts).await;
    }
    let roll = import::read(bytes, mapping).map_err(ImportFailure::File)?;
    let summary = import_roll(db, profile, &roll, opts)
        .await
        .map_err(ImportFailure::Store)?;
    let rejected = import::rejected_csv(&roll, &summary.rejected);
    Ok((summary, rejected))
}

/// Checks every row of a file as its import would, writing nothing: the summary and the
/// refused rows' file (what `import::rejected_csv` writes), the roll never held whole.
async fn check_file(
    db: &Db,
    profile: &Profile,
    bytes: &[u8],
    mapping: &HashMap<String, String>,
    opts: &Options<'_>,
) -> Result<(Summary, String), ImportFailure> {
    let mut rows = import::open(bytes, mapping, &import::Bounds::command_line())
        .map_err(ImportFailure::File)?;
    let checks = Checks::load(db, profile)
        .await
        .map_err(ImportFailure::Store)?;
    let mut header = vec!["line".to_owned(), "reason".to_owned()];
    header.extend(rows.headers.iter().cloned());
    let mut refused = vec![header];
    let mut summary = Summary::default();
    let mut seen = HashMap::new();
    let mut earlier = HashMap::new();
    let mut passed: Vec<(Item, Vec<String>)> = Vec::new();
    let mut refused_lines = Vec::new();
    let mut next = rows.by_ref().peekable();
    while let Some(row) = next.next() {
        let row = row.map_err(ImportFailure::File)?;
        match checks.check(&row, opts, &mut seen) {
            Ok(item) => passed.push((item, row.raw)),
            Err(code) => {
                summary.rejected.push((row.line, code.to_owned()));
                refused_lines.push((row.line, code, row.raw));
            }
        }
        // A chunk of rows that pass is looked up as the import will (see `preview_items`).
        if passed.len() == STAGE_CHUNK || next.peek().is_none() {
            let (items, raws): (Vec<Item>, Vec<Vec<String>>) = passed.drain(..).unzip();
            let reported = preview_items(db, &items, opts, &mut earlier, &mut summary)
                .await
                .map_err(ImportFailure::Store)?;
            let raw_of: HashMap<u64, &Vec<String>> =
                items.iter().map(|i| i.line).zip(&raws).collect();
            for (line, code) in reported {
                if let Some(raw) = raw_of.get(&line) {
                    refused_lines.push((line, code, (*raw).clone()));
                }
            }
        }
    }
    refused_lines.sort_by_key(|(line, _, _)| *line);
    for (line, code, raw) in refused_lines {
        let mut record = vec![line.to_string(), code.to_owned()];
        record.extend(raw);
        refused.push(record);
    }
    summary.rejected.sort();
    Ok((summary, crate::export::csv_records(rows.separator, refused)))
}

#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error("{0}")]
    File(import::ImportError),
    #[error("{0}")]
    Store(StoreError),
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use tanzim_domain::members::{Cin, Person};
    use tanzim_domain::sex::Sex;
    use tanzim_domain::territory::{TerritoryCode, TerritoryPath};

    fn item(line: u64) -> Item {
        Item {
            line,
            number: None,
            person: Person {
                first_name_ar: Some("فاطمة".into()),
                last_name_ar: None,
                first_name_lat: None,
                last_name_lat: None,
                sex: Sex::F,
                birth_date: chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
                cin: Cin::parse("AB123456").unwrap(),
                phone: None,
                email: None,
                commune: TerritoryCode::parse("05.091.01.07").unwrap(),
                address: None,
                profession: None,
                education: None,
                affiliations: Vec::new(),
            },
            path: TerritoryPath::national(),
            province_code: "05.091".into(),
            joined_on: "2026-01-01".into(),
            card_token: String::new(),
        }
    }

    #[test]
    fn rejections_are_counted_by_reason_most_frequent_first() {
        let summary = Summary {
            rejected: vec![
                (2, "too-young".into()),
                (5, "cin-repeated-in-file".into()),
                (9, "too-young".into()),
                (12, "commune-ambiguous".into()),
            ],
            ..Summary::default()
        };
        assert_eq!(
            summary.reasons(),
            [
                ("too-young", 2),
                ("cin-repeated-in-file", 1),
                ("commune-ambiguous", 1)
            ]
        );
        assert_eq!(
            summary.rejections_explained(|code| format!("<{code}>")),
            [
                "rejected rows by reason (people the rules refuse are left out, as in a real roll):",
                "       2  too-young: <too-young>",
                "       1  cin-repeated-in-file: <cin-repeated-in-file>",
                "       1  commune-ambiguous: <commune-ambiguous>"
            ]
        );
        assert!(
            Summary::default()
                .rejections_explained(|c| c.into())
                .is_empty()
        );
    }

    #[test]
    fn a_failed_batch_says_where_the_import_stopped() {
        let e = in_batch(
            1,
            &[item(1002), item(1500), item(2003)],
            (1000, 3),
            StoreError::Conflict("cin-taken"),
        );
        assert_eq!(
            e.to_string(),
            "batch 2 (lines 1002 to 2003) failed, the batches before it are in \
             (imported 1000, updated 3): conflict: cin-taken"
        );
    }
}
