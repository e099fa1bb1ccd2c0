//! Public mandates (الانتدابات) members hold: a seat in either House of Parliament, on a
//! regional, provincial or commune council, or in a professional chamber. The kinds come
//! from the profile's `[mandates]`, each saying where it is held (a constituency, a
//! commune…) and whether a person holds one at a time; the pairs the law forbids one
//! person to hold together are a rule table of the profile, flagged rather than refused
//! (the record says what is, the officers settle it).

use crate::dates::parse_date;
use crate::org::Label;
use crate::{DomainError, Field};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a mandate of a kind is held, which its record must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Seat {
    /// A constituency of the House of Representatives (a province's code) and its list,
    /// local or regional (the regional list's constituency is the region).
    Constituency,
    /// A college of the House of Councillors (territorial, professional, unions, employers).
    College,
    Region,
    Province,
    Commune,
    /// A professional chamber (agriculture, commerce, crafts, fisheries), by its name.
    Chamber,
}

/// One kind of mandate of the profile.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct MandateKind {
    pub key: String,
    pub name: Label,
    pub seat: Seat,
    /// One at a time: a person presides over one commune council, sits once in a House.
    #[serde(default)]
    pub single: bool,
    /// Numbered among its peers (a commune's first, second… vice-president).
    #[serde(default)]
    pub ranked: bool,
}

/// The profile's `[mandates]`: the kinds and the pairs one person may not hold together.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct MandateVocabulary {
    pub kinds: Vec<MandateKind>,
    /// Two kinds' keys: whoever holds both at once is flagged.
    #[serde(default)]
    pub incompatible: Vec<(String, String)>,
}

fn kind(key: &str, ar: &str, fr: &str, en: &str, seat: Seat, single: bool) -> MandateKind {
    MandateKind {
        key: key.to_owned(),
        name: Label {
            ar: ar.to_owned(),
            fr: fr.to_owned(),
            en: en.to_owned(),
        },
        seat,
        single,
        ranked: false,
    }
}

impl Default for MandateVocabulary {
    /// Morocco's elected mandates; the incompatibilities are those of the organic laws on
    /// the Houses and the territorial councils that a party checks first (a profile
    /// replaces the table with its own reading of the law).
    fn default() -> Self {
        use Seat::*;
        let mut vice = kind(
            "commune_vice_president",
            "نائب رئيس مجلس الجماعة",
            "Vice-président du conseil communal",
            "Commune council vice-president",
            Commune,
            false,
        );
        vice.ranked = true;
        MandateVocabulary {
            kinds: vec![
                kind(
                    "representative",
                    "عضو مجلس النواب",
                    "Membre de la Chambre des représentants",
                    "Member of the House of Representatives",
                    Constituency,
                    true,
                ),
                kind(
                    "councillor",
                    "عضو مجلس المستشارين",
                    "Membre de la Chambre des conseillers",
                    "Member of the House of Councillors",
                    College,
                    true,
                ),
                kind(
                    "region_president",
                    "رئيس مجلس الجهة",
                    "Président du conseil régional",
                    "Regional council president",
                    Region,
                    true,
                ),
                kind(
                    "region_member",
                    "عضو مجلس الجهة",
                    "Membre du conseil régional",
                    "Regional council member",
                    Region,
                    true,
                ),
                kind(
                    "province_president",
                    "رئيس مجلس العمالة أو الإقليم",
                    "Président du conseil préfectoral ou provincial",
                    "Provincial council president",
                    Province,
                    true,
                ),
                kind(
                    "province_member",
                    "عضو مجلس العمالة أو الإقليم",
                    "Membre du conseil préfectoral ou provincial",
                    "Provincial council member",
                    Province,
                    true,
                ),
                kind(
                    "commune_president",
                    "رئيس مجلس الجماعة",
                    "Président du conseil communal",
                    "Commune council president",
                    Commune,
                    true,
                ),
                vice,
                kind(
                    "commune_member",
                    "عضو مجلس الجماعة",
                    "Membre du conseil communal",
                    "Commune council member",
                    Commune,
                    true,
                ),
                kind(
                    "chamber_member",
                    "عضو غرفة مهنية",
                    "Membre d'une chambre professionnelle",
                    "Professional chamber member",
                    Chamber,
                    false,
                ),
            ],
            incompatible: [
                ("representative", "councillor"),
                ("region_president", "commune_president"),
                ("region_president", "province_president"),
                ("province_president", "commune_president"),
                ("representative", "region_president"),
            ]
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect(),
        }
    }
}

impl MandateVocabulary {
    pub fn kind(&self, key: &str) -> Option<&MandateKind> {
        self.kinds.iter().find(|k| k.key == key)
    }
}

/// A mandate as an officer records it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct MandateInput {
    pub kind: String,
    /// YYYY-MM-DD.
    pub starts_on: String,
    /// YYYY-MM-DD; empty while it runs.
    #[serde(default)]
    pub ends_on: String,
    /// The territory's code where the kind is held in one (constituency, region,
    /// province, commune).
    #[serde(default)]
    pub territory: String,
    /// The House of Representatives' list: `local` or `regional`.
    #[serde(default)]
    pub list: String,
    /// The House of Councillors' college, or the chamber's name.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub rank: Option<u32>,
    /// The election or legislature it came from ("2021 legislative elections").
    #[serde(default)]
    pub election: String,
}

/// A mandate whose input passed the rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckedMandate {
    pub kind: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub territory: Option<String>,
    pub list: Option<String>,
    pub body: Option<String>,
    pub rank: Option<u32>,
    pub election: Option<String>,
}

/// A mandate already on record, as the rules compare a new one with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub id: i64,
    pub kind: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl Held {
    fn overlaps(&self, starts_on: NaiveDate, ends_on: Option<NaiveDate>) -> bool {
        let ends_after_start = self.ends_on.is_none_or(|e| e >= starts_on);
        let starts_before_end = ends_on.is_none_or(|e| self.starts_on <= e);
        ends_after_start && starts_before_end
    }
}

fn text(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.chars().take(200).collect())
}

/// Checks a new mandate against the vocabulary and the person's mandates on record: its
/// kind, its dates (an end, if any, not before the start), the seat its kind needs, and
/// no second mandate at once of a kind a person holds one at a time. Whether the seat's
/// territory lies within the reporting body's is the caller's (it knows the body).
pub fn check_mandate(
    input: &MandateInput,
    words: &MandateVocabulary,
    held: &[Held],
) -> Result<CheckedMandate, DomainError> {
    let kind = words
        .kind(input.kind.trim())
        .ok_or(DomainError::new(Field::MandateKind, "mandate-kind-unknown"))?;
    let starts_on = parse_date(&input.starts_on, Field::StartsOn)?;
    let ends_on = match input.ends_on.trim() {
        "" => None,
        s => Some(parse_date(s, Field::EndsOn)?),
    };
    if ends_on.is_some_and(|e| e < starts_on) {
        return Err(DomainError::new(Field::EndsOn, "mandate-ends-before-start"));
    }
    let territory = text(&input.territory);
    let needs_territory = matches!(
        kind.seat,
        Seat::Constituency | Seat::Region | Seat::Province | Seat::Commune
    );
    if needs_territory && territory.is_none() {
        return Err(DomainError::new(
            Field::Territory,
            "mandate-territory-required",
        ));
    }
    let list = match (kind.seat, input.list.trim()) {
        (Seat::Constituency, l @ ("local" | "regional")) => Some(l.to_owned()),
        (Seat::Constituency, _) => {
            return Err(DomainError::new(Field::List, "mandate-list-invalid"));
        }
        _ => None,
    };
    let body = text(&input.body);
    if matches!(kind.seat, Seat::College | Seat::Chamber) && body.is_none() {
        return Err(DomainError::new(Field::SeatBody, "mandate-body-required"));
    }
    let rank = match (kind.ranked, input.rank) {
        (true, Some(r)) if (1..=20).contains(&r) => Some(r),
        (true, _) => return Err(DomainError::new(Field::Rank, "mandate-rank-invalid")),
        (false, _) => None,
    };
    if kind.single
        && held
            .iter()
            .any(|h| h.kind == kind.key && h.overlaps(starts_on, ends_on))
    {
        return Err(DomainError::new(Field::MandateKind, "mandate-already-held"));
    }
    Ok(CheckedMandate {
        kind: kind.key.clone(),
        starts_on,
        ends_on,
        territory: needs_territory.then_some(territory).flatten(),
        list,
        body: matches!(kind.seat, Seat::College | Seat::Chamber)
            .then_some(body)
            .flatten(),
        rank,
        election: text(&input.election),
    })
}

/// How a mandate ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    Term,
    Resignation,
    Annulment,
    Death,
}

impl Ending {
    pub fn parse(s: &str) -> Option<Ending> {
        match s.trim() {
            "term" => Some(Ending::Term),
            "resignation" => Some(Ending::Resignation),
            "annulment" => Some(Ending::Annulment),
            "death" => Some(Ending::Death),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Ending::Term => "term",
            Ending::Resignation => "resignation",
            Ending::Annulment => "annulment",
            Ending::Death => "death",
        }
    }
}

/// Ends a running mandate on a day not before it started, for a reason.
pub fn check_end(
    held: &Held,
    ended_on: &str,
    how: &str,
) -> Result<(NaiveDate, Ending), DomainError> {
    if held.ends_on.is_some() {
        return Err(DomainError::new(Field::EndsOn, "mandate-already-ended"));
    }
    let day = parse_date(ended_on, Field::EndsOn)?;
    if day < held.starts_on {
        return Err(DomainError::new(Field::EndsOn, "mandate-ends-before-start"));
    }
    let how =
        Ending::parse(how).ok_or(DomainError::new(Field::Ending, "mandate-ending-invalid"))?;
    Ok((day, how))
}

/// The pairs of one person's mandates the profile's table forbids together that overlap
/// in time, by their ids (the smaller first), in the order of the table.
pub fn incompatibilities(held: &[Held], words: &MandateVocabulary) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    for (a, b) in &words.incompatible {
        for x in held.iter().filter(|h| &h.kind == a) {
            for y in held.iter().filter(|h| &h.kind == b) {
                if x.id != y.id && x.overlaps(y.starts_on, y.ends_on) {
                    out.push((x.id.min(y.id), x.id.max(y.id)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "mandates_tests.rs"]
mod tests;
