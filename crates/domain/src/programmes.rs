//! Activity programmes (برنامج العمل): a body's plan for a period, its activities and
//! their course (planned, scheduled, held, postponed, cancelled), and the clashes a
//! timetable that folds in the bodies below shows.

use crate::dates::parse_date;
use crate::members::parse_amount;
use crate::org::Label;
use crate::{DomainError, Field};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One word of the profile's activity vocabulary: its key and its names.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Term {
    pub key: String,
    pub name: Label,
}

/// The kinds, themes and audiences activities are described with (the profile's
/// `[activities]`); a profile that names none gets the party's usual ones.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ActivityVocabulary {
    pub kinds: Vec<Term>,
    pub themes: Vec<Term>,
    pub audiences: Vec<Term>,
}

fn term(key: &str, ar: &str, fr: &str, en: &str) -> Term {
    Term {
        key: key.to_owned(),
        name: Label {
            ar: ar.to_owned(),
            fr: fr.to_owned(),
            en: en.to_owned(),
        },
    }
}

impl Default for ActivityVocabulary {
    fn default() -> Self {
        ActivityVocabulary {
            kinds: vec![
                term("forum", "ملتقى", "Forum", "Forum"),
                term(
                    "training",
                    "دورة تكوينية",
                    "Session de formation",
                    "Training session",
                ),
                term(
                    "seminar",
                    "ندوة موضوعاتية",
                    "Séminaire thématique",
                    "Thematic seminar",
                ),
                term(
                    "outreach",
                    "لقاء تواصلي",
                    "Rencontre de communication",
                    "Outreach meeting",
                ),
                term(
                    "field",
                    "نشاط ميداني",
                    "Activité de terrain",
                    "Field activity",
                ),
                term(
                    "congress",
                    "تحضير المؤتمر",
                    "Préparation du congrès",
                    "Congress preparation",
                ),
            ],
            themes: vec![
                term("media", "الإعلام", "Médias", "Media"),
                term(
                    "administration",
                    "الإدارة الجهوية",
                    "Administration régionale",
                    "Regional administration",
                ),
                term(
                    "politics",
                    "الوضع السياسي",
                    "Situation politique",
                    "Politics",
                ),
                term("economy", "الاقتصاد", "Économie", "Economy"),
                term("society", "الشأن الاجتماعي", "Société", "Society"),
                term("culture", "الثقافة", "Culture", "Culture"),
                term("youth", "الشباب", "Jeunesse", "Youth"),
                term("women", "النساء", "Femmes", "Women"),
                term("elected", "المنتخبون", "Élus", "Elected officials"),
                term(
                    "professions",
                    "القطاعات المهنية",
                    "Secteurs professionnels",
                    "Professions",
                ),
                term(
                    "associations",
                    "النسيج الجمعوي",
                    "Tissu associatif",
                    "Associations",
                ),
                term("rights", "حقوق الإنسان", "Droits humains", "Human rights"),
                term("unions", "العمل النقابي", "Action syndicale", "Unions"),
            ],
            audiences: vec![
                term("members", "المنخرطون", "Adhérents", "Members"),
                term("elected", "المنتخبون", "Élus", "Elected officials"),
                term("youth", "الشباب", "Jeunes", "Youth"),
                term("women", "النساء", "Femmes", "Women"),
                term("public", "عموم المواطنين", "Grand public", "The public"),
                term(
                    "professionals",
                    "المهنيون",
                    "Professionnels",
                    "Professionals",
                ),
            ],
        }
    }
}

impl ActivityVocabulary {
    pub fn kind(&self, key: &str) -> Option<&Term> {
        self.kinds.iter().find(|t| t.key == key)
    }
    pub fn theme(&self, key: &str) -> Option<&Term> {
        self.themes.iter().find(|t| t.key == key)
    }
    pub fn audience(&self, key: &str) -> Option<&Term> {
        self.audiences.iter().find(|t| t.key == key)
    }
}

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// In the programme, its day not yet fixed.
    Planned,
    /// Its day, place and guests fixed.
    Scheduled,
    Held,
    /// Moved to a new date (the first one is kept).
    Postponed,
    Cancelled,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 5] = [
        ActivityStatus::Planned,
        ActivityStatus::Scheduled,
        ActivityStatus::Held,
        ActivityStatus::Postponed,
        ActivityStatus::Cancelled,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityStatus::Planned => "planned",
            ActivityStatus::Scheduled => "scheduled",
            ActivityStatus::Held => "held",
            ActivityStatus::Postponed => "postponed",
            ActivityStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<ActivityStatus> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
    /// Held and cancelled activities are closed: nothing moves them any more.
    pub fn is_open(self) -> bool {
        !matches!(self, ActivityStatus::Held | ActivityStatus::Cancelled)
    }
}

/// The days an activity takes: one day, a week or a month of the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl Span {
    pub fn is_one_day(&self) -> bool {
        self.starts_on == self.ends_on
    }
    pub fn within(&self, outer: &Span) -> bool {
        outer.starts_on <= self.starts_on && self.ends_on <= outer.ends_on
    }
    /// How an officer would type it back: `2023-03-18`, `2023-W11` or `2023-03`.
    pub fn typed(&self) -> String {
        if self.is_one_day() {
            return self.starts_on.format("%Y-%m-%d").to_string();
        }
        let iso = self.starts_on.iso_week();
        if self.starts_on.weekday() == Weekday::Mon
            && self.ends_on == self.starts_on + Duration::days(6)
        {
            return format!("{}-W{:02}", iso.year(), iso.week());
        }
        self.starts_on.format("%Y-%m").to_string()
    }
}

/// A day (`2023-03-18`, `18/03/2023`), an ISO week (`2023-W11`) or a month (`2023-03`).
pub fn parse_when(input: &str, field: Field) -> Result<Span, DomainError> {
    let s = input.trim();
    let bad = || DomainError::new(field, "activity-when-invalid");
    if let Some((year, week)) = s.split_once("-W") {
        let (year, week): (i32, u32) = (
            year.parse().map_err(|_| bad())?,
            week.parse().map_err(|_| bad())?,
        );
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(bad)?;
        return Ok(Span {
            starts_on: monday,
            ends_on: monday + Duration::days(6),
        });
    }
    if s.len() == 7 && s.as_bytes()[4] == b'-' {
        let first = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").map_err(|_| bad())?;
        let next = first
            .checked_add_months(chrono::Months::new(1))
            .ok_or_else(bad)?;
        return Ok(Span {
            starts_on: first,
            ends_on: next - Duration::days(1),
        });
    }
    let day = parse_date(s, field).map_err(|_| bad())?;
    Ok(Span {
        starts_on: day,
        ends_on: day,
    })
}

/// A programme's title and period, checked: a title, an end after the start, at most
/// two years (a mandate's programme is split by year).
pub fn check_programme(
    title: &str,
    starts_on: &str,
    ends_on: &str,
) -> Result<(String, Span), DomainError> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(DomainError::new(Field::Title, "programme-title-required"));
    }
    let starts_on = parse_date(starts_on, Field::StartsOn)?;
    let ends_on = parse_date(ends_on, Field::EndsOn)?;
    if ends_on < starts_on {
        return Err(DomainError::new(
            Field::EndsOn,
            "programme-ends-before-start",
        ));
    }
    if ends_on > starts_on + Duration::days(2 * 366) {
        return Err(DomainError::new(Field::EndsOn, "programme-too-long"));
    }
    Ok((title.to_owned(), Span { starts_on, ends_on }))
}

/// An activity as an officer types it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ActivityInput {
    pub title: String,
    pub kind: String,
    #[serde(default)]
    pub themes: Vec<String>,
    pub audience: String,
    /// A day, a week or a month (`parse_when`).
    pub when: String,
    #[serde(default)]
    pub online: bool,
    #[serde(default)]
    pub responsible: Option<String>,
    /// One guest a line.
    #[serde(default)]
    pub guests: String,
    /// In dirhams (`15000`, `1500,50`); blank for none.
    #[serde(default)]
    pub budget: Option<String>,
}

/// An activity's description, checked against the programme and the vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckedActivity {
    pub title: String,
    pub kind: String,
    pub themes: Vec<String>,
    pub audience: String,
    pub span: Span,
    pub online: bool,
    pub responsible: Option<String>,
    pub guests: Vec<String>,
    pub budget_centimes: Option<i64>,
}

impl CheckedActivity {
    /// The theme keys as stored: between commas, so that one is found with `LIKE '%,key,%'`.
    pub fn themes_stored(&self) -> String {
        format!(",{},", self.themes.join(","))
    }
}

fn optional(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

pub fn check_activity(
    input: &ActivityInput,
    programme: &Span,
    words: &ActivityVocabulary,
) -> Result<CheckedActivity, DomainError> {
    let title = input.title.trim();
    if title.is_empty() || title.chars().count() > 300 {
        return Err(DomainError::new(Field::Title, "activity-title-required"));
    }
    if words.kind(input.kind.trim()).is_none() {
        return Err(DomainError::new(
            Field::ActivityKind,
            "activity-kind-unknown",
        ));
    }
    let mut themes: Vec<String> = Vec::new();
    for t in input
        .themes
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        if words.theme(t).is_none() {
            return Err(DomainError::new(Field::Themes, "activity-theme-unknown"));
        }
        if !themes.iter().any(|k| k == t) {
            themes.push(t.to_owned());
        }
    }
    if words.audience(input.audience.trim()).is_none() {
        return Err(DomainError::new(
            Field::Audience,
            "activity-audience-unknown",
        ));
    }
    let span = parse_when(&input.when, Field::When)?;
    if !span.within(programme) {
        return Err(DomainError::new(Field::When, "activity-outside-programme"));
    }
    let budget_centimes = match optional(input.budget.as_deref()) {
        None => None,
        Some(b) => {
            let c = parse_amount(&b)
                .map_err(|_| DomainError::new(Field::Budget, "activity-budget-invalid"))?;
            if c <= 0 {
                return Err(DomainError::new(Field::Budget, "activity-budget-invalid"));
            }
            Some(c)
        }
    };
    Ok(CheckedActivity {
        title: title.to_owned(),
        kind: input.kind.trim().to_owned(),
        themes,
        audience: input.audience.trim().to_owned(),
        span,
        online: input.online,
        responsible: optional(input.responsible.as_deref()),
        guests: guest_lines(&input.guests),
        budget_centimes,
    })
}

pub fn guest_lines(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.trim().trim_start_matches(['-', '–', '•']).trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A reason the record keeps (an amendment's, a cancellation's): required, one paragraph.
pub fn check_reason(reason: &str) -> Result<String, DomainError> {
    let r = reason.trim();
    if r.is_empty() || r.chars().count() > 2000 {
        return Err(DomainError::new(Field::Reason, "activity-reason-required"));
    }
    Ok(r.to_owned())
}

/// Postponing moves an open activity to a new day or period of the programme.
pub fn check_postpone(
    status: ActivityStatus,
    current: &Span,
    new_when: &str,
    programme: &Span,
) -> Result<Span, DomainError> {
    if !status.is_open() {
        return Err(DomainError::new(Field::Status, "activity-closed"));
    }
    let span = parse_when(new_when, Field::When)?;
    if !span.within(programme) {
        return Err(DomainError::new(Field::When, "activity-outside-programme"));
    }
    if span == *current {
        return Err(DomainError::new(Field::When, "activity-postpone-same-date"));
    }
    Ok(span)
}

/// What an officer records once the activity took place.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HeldInput {
    pub held_on: String,
    #[serde(default)]
    pub attended_men: Option<i64>,
    #[serde(default)]
    pub attended_women: Option<i64>,
    #[serde(default)]
    pub attended_under35: Option<i64>,
    /// One speaker a line.
    #[serde(default)]
    pub speakers: String,
    /// The members and guests named as present, one a line (the counts stay the record).
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Held {
    pub held_on: NaiveDate,
    pub attended_men: Option<i64>,
    pub attended_women: Option<i64>,
    pub attended_under35: Option<i64>,
    pub speakers: Vec<String>,
    pub attendees: Vec<String>,
    pub summary: Option<String>,
}

/// How many people a held activity's record names at most: a congress's hall.
pub const MAX_ATTENDEES: usize = 3_000;

/// An open activity is marked held on a day that has come, with counts that add up
/// (the under-35s are among the men and women counted).
pub fn check_held(
    status: ActivityStatus,
    input: &HeldInput,
    today: NaiveDate,
) -> Result<Held, DomainError> {
    if !status.is_open() {
        return Err(DomainError::new(Field::Status, "activity-closed"));
    }
    let held_on = parse_date(&input.held_on, Field::HeldOn)?;
    if held_on > today {
        return Err(DomainError::new(Field::HeldOn, "activity-held-in-future"));
    }
    let count = |n: Option<i64>| match n {
        Some(n) if !(0..=1_000_000).contains(&n) => Err(DomainError::new(
            Field::Attendance,
            "activity-count-invalid",
        )),
        n => Ok(n),
    };
    let (men, women, young) = (
        count(input.attended_men)?,
        count(input.attended_women)?,
        count(input.attended_under35)?,
    );
    if let (Some(y), Some(m), Some(w)) = (young, men, women)
        && y > m + w
    {
        return Err(DomainError::new(
            Field::Attendance,
            "activity-under35-exceeds",
        ));
    }
    let attendees = guest_lines(&input.attendees);
    if attendees.len() > MAX_ATTENDEES {
        return Err(DomainError::new(
            Field::Attendees,
            "activity-attendees-too-many",
        ));
    }
    Ok(Held {
        held_on,
        attended_men: men,
        attended_women: women,
        attended_under35: young,
        attendees,
        speakers: guest_lines(&input.speakers),
        summary: optional(Some(&input.summary)),
    })
}

/// What the clash rules need to know of an activity in a timetable.
#[derive(Debug, Clone)]
pub struct Placed {
    pub id: i64,
    pub status: ActivityStatus,
    pub span: Span,
    /// The body's territory code (`None` for a national body).
    pub body_territory: Option<String>,
    /// The commune it takes place in, if one was given.
    pub commune: Option<String>,
    pub guests: Vec<String>,
}

impl Placed {
    /// The province it takes place in: its commune's, else its body's (a regional or
    /// national body's activity without a commune is in no one province).
    fn province(&self) -> Option<String> {
        let code = self.commune.as_deref().or(self.body_territory.as_deref())?;
        let mut parts = code.split('.');
        let (region, province) = (parts.next()?, parts.next()?);
        Some(format!("{region}.{province}"))
    }
}

/// Something a timetable flags for the officers to settle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Clash {
    /// Two activities on the same day in one province.
    SameDay {
        day: NaiveDate,
        province: String,
        activities: Vec<i64>,
    },
    /// One guest expected at two activities on one day.
    Guest {
        day: NaiveDate,
        guest: String,
        activities: Vec<i64>,
    },
    /// An activity placed in a commune outside its body's territory.
    OutsideJurisdiction { activity: i64 },
}

fn guest_key(name: &str) -> String {
    crate::names::fold(name)
}

/// The clashes among open, one-day activities (an activity spread over a week or a month
/// has no day to clash on yet), and every activity placed outside its body's territory.
pub fn clashes(items: &[Placed]) -> Vec<Clash> {
    let mut by_day: BTreeMap<(NaiveDate, String), Vec<i64>> = BTreeMap::new();
    let mut by_guest: BTreeMap<(NaiveDate, String), (String, Vec<i64>)> = BTreeMap::new();
    let mut out = Vec::new();
    for a in items {
        if let (Some(commune), Some(body)) = (&a.commune, &a.body_territory)
            && !commune.starts_with(&format!("{body}."))
            && commune != body
        {
            out.push(Clash::OutsideJurisdiction { activity: a.id });
        }
        if a.status == ActivityStatus::Cancelled || !a.span.is_one_day() {
            continue;
        }
        let day = a.span.starts_on;
        if let Some(p) = a.province() {
            by_day.entry((day, p)).or_default().push(a.id);
        }
        for g in &a.guests {
            let e = by_guest
                .entry((day, guest_key(g)))
                .or_insert_with(|| (g.clone(), Vec::new()));
            if !e.1.contains(&a.id) {
                e.1.push(a.id);
            }
        }
    }
    for ((day, province), activities) in by_day {
        if activities.len() > 1 {
            out.push(Clash::SameDay {
                day,
                province,
                activities,
            });
        }
    }
    for ((day, _), (guest, activities)) in by_guest {
        if activities.len() > 1 {
            out.push(Clash::Guest {
                day,
                guest,
                activities,
            });
        }
    }
    out
}

#[cfg(test)]
#[path = "programmes_tests.rs"]
mod tests;
