//! Members: the values a member record holds, their validation, the statuses a member
//! goes through and the transitions between them, dues and campaigns.

use crate::org::{MembershipModel, MembershipRules};
use crate::{DomainError, Field};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A national identity card number (CIN/CNIE): one or two letters then digits, stored in
/// upper case without spaces ("bk 123456" → "BK123456").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Cin(String);

impl Cin {
    pub fn parse(input: &str) -> Result<Cin, DomainError> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        let letters = s.chars().take_while(|c| c.is_ascii_uppercase()).count();
        let digits = &s[letters..];
        if (1..=2).contains(&letters)
            && (3..=8).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            Ok(Cin(s))
        } else {
            Err(DomainError::new(Field::Cin, "cin-invalid"))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Moroccan phone number in E.164 (`+212` and nine digits, the first 5, 6, 7 or 8), from
/// any of the ways people write it: `06 12 34 56 78`, `0612-345678`, `+212 612345678`,
/// `00212612345678`, `212612345678`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Result<Phone, DomainError> {
        let plus = input.trim_start().starts_with('+');
        let digits: String = input.chars().filter(char::is_ascii_digit).collect();
        let national = if plus {
            digits.strip_prefix("212")
        } else if let Some(rest) = digits.strip_prefix("00212") {
            Some(rest)
        } else if digits.len() == 12 {
            digits.strip_prefix("212")
        } else {
            digits.strip_prefix('0')
        };
        // "+212 (0)6..." keeps the trunk zero people write out of habit.
        let national = national.map(|n| {
            if n.len() == 10 {
                n.strip_prefix('0').unwrap_or(n)
            } else {
                n
            }
        });
        let valid = input
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '+' | '(' | ')'));
        match national {
            Some(n) if valid && n.len() == 9 && matches!(n.as_bytes()[0], b'5'..=b'8') => {
                Ok(Phone(format!("+212{n}")))
            }
            _ => Err(DomainError::new(Field::Phone, "phone-invalid")),
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address, lower-cased; checked for shape only (one `@`, a dot in the domain).
pub fn parse_email(input: &str) -> Result<String, DomainError> {
    let s = input.trim().to_lowercase();
    let ok = match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && s.len() <= 254
                && !s.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(s)
    } else {
        Err(DomainError::new(Field::Email, "email-invalid"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    F,
    M,
}

impl Sex {
    pub fn parse(input: &str) -> Result<Sex, DomainError> {
        match input.trim() {
            "F" | "f" | "أنثى" => Ok(Sex::F),
            "M" | "m" | "H" | "h" | "ذكر" => Ok(Sex::M),
            _ => Err(DomainError::new(Field::Sex, "sex-invalid")),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::F => "F",
            Sex::M => "M",
        }
    }
}

/// Education levels, as the census counts them.
pub const EDUCATION_LEVELS: [&str; 6] = [
    "none",
    "primary",
    "lower_secondary",
    "upper_secondary",
    "higher",
    "other",
];

/// A date typed as `YYYY-MM-DD` (what date inputs send) or `DD/MM/YYYY` (what people type).
/// A date as officers write it (YYYY-MM-DD or DD/MM/YYYY), in years a membership record can
/// hold: 0001-01-01 or year -44 is a typing slip, and negative years sort wrongly as text.
pub fn parse_date(input: &str, field: Field) -> Result<NaiveDate, DomainError> {
    let s = input.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
        .filter(|d| (1900..=2100).contains(&d.year()))
        .ok_or(DomainError::new(field, "date-invalid"))
}

/// A member joins once born and old enough under the statutes.
pub fn check_joined_on(
    joined_on: NaiveDate,
    birth: NaiveDate,
    rules: &MembershipRules,
) -> Result<(), DomainError> {
    if age_on(birth, joined_on) < rules.min_age as i32 {
        Err(DomainError::new(Field::Date, "joined-before-minimum-age"))
    } else {
        Ok(())
    }
}

/// Full years between `birth` and `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

fn optional_text(
    input: &Option<String>,
    field: Field,
    max: usize,
) -> Result<Option<String>, DomainError> {
    match input.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) if s.chars().count() <= max => Ok(Some(s.to_owned())),
        Some(_) => Err(DomainError::new(field, "text-too-long")),
    }
}

/// What a form, the API or an import gives for a person: text as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PersonInput {
    #[serde(default)]
    pub first_name_ar: Option<String>,
    #[serde(default)]
    pub last_name_ar: Option<String>,
    #[serde(default)]
    pub first_name_lat: Option<String>,
    #[serde(default)]
    pub last_name_lat: Option<String>,
    #[serde(default)]
    pub sex: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub cin: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub commune: String,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub profession: Option<String>,
    #[serde(default)]
    pub education: Option<String>,
    /// Affiliated organizations joined, comma-separated keys (`women,youth`).
    #[serde(default)]
    pub affiliations: Option<String>,
}

/// A person's details, checked. The commune is checked against the territories by the
/// caller (the domain has no table of them); here only its code's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub cin: Cin,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub commune: crate::territory::TerritoryCode,
    pub address: Option<String>,
    pub profession: Option<String>,
    pub education: Option<String>,
    pub affiliations: Vec<String>,
}

impl Person {
    /// The name as shown in `lang`, falling back on the other script.
    pub fn display_name(&self, lang: &str) -> String {
        display_name(
            [
                &self.first_name_ar,
                &self.last_name_ar,
                &self.first_name_lat,
                &self.last_name_lat,
            ],
            lang,
        )
    }
}

/// "First Last" in the page's script when the record has it, else in the other.
pub fn display_name(names: [&Option<String>; 4], lang: &str) -> String {
    let [far, lar, flat, llat] = names;
    let join = |a: &Option<String>, b: &Option<String>| {
        [a, b]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let ar = join(far, lar);
    let lat = join(flat, llat);
    if (lang == "ar" && !ar.is_empty()) || lat.is_empty() {
        ar
    } else {
        lat
    }
}

impl PersonInput {
    /// Checks every field and reports every problem at once (a form shows each beside its
    /// field); `today` decides the age against the statutes' minimum.
    pub fn validate(
        &self,
        rules: &MembershipRules,
        known_affiliations: &[&str],
        today: NaiveDate,
    ) -> Result<Person, Vec<DomainError>> {
        let mut errors = Vec::new();
        let mut keep =
            |r: Result<Option<String>, DomainError>| r.map_err(|e| errors.push(e)).ok().flatten();
        let first_name_ar = keep(optional_text(&self.first_name_ar, Field::FirstNameAr, 100));
        let last_name_ar = keep(optional_text(&self.last_name_ar, Field::LastNameAr, 100));
        let first_name_lat = keep(optional_text(
            &self.first_name_lat,
            Field::FirstNameLat,
            100,
        ));
        let last_name_lat = keep(optional_text(&self.last_name_lat, Field::LastNameLat, 100));
        let address = keep(optional_text(&self.address, Field::Address, 300));
        let profession = keep(optional_text(&self.profession, Field::Profession, 120));
        let has_ar = first_name_ar.is_some() && last_name_ar.is_some();
        let has_lat = first_name_lat.is_some() && last_name_lat.is_some();
        if !has_ar && !has_lat {
            errors.push(DomainError::new(
                if first_name_ar.is_some() || last_name_ar.is_some() {
                    Field::LastNameAr
                } else {
                    Field::FirstNameAr
                },
                "name-required",
            ));
        }
        let sex = Sex::parse(&self.sex).map_err(|e| errors.push(e)).ok();
        let birth_date = match parse_date(&self.birth_date, Field::BirthDate) {
            Ok(d) if d > today => {
                errors.push(DomainError::new(Field::BirthDate, "birth-date-future"));
                None
            }
            Ok(d) if age_on(d, today) < rules.min_age as i32 => {
                errors.push(DomainError::new(Field::BirthDate, "too-young"));
                None
            }
            Ok(d) if age_on(d, today) > 120 => {
                errors.push(DomainError::new(Field::BirthDate, "date-invalid"));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let cin = Cin::parse(&self.cin).map_err(|e| errors.push(e)).ok();
        let phone = match self
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(p) => Phone::parse(p).map_err(|e| errors.push(e)).ok(),
        };
        let email = match self
            .email
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(e) => parse_email(e).map_err(|e| errors.push(e)).ok(),
        };
        let commune = crate::territory::TerritoryCode::parse(&self.commune)
            .map_err(|_| errors.push(DomainError::new(Field::Commune, "commune-unknown")))
            .ok();
        let education = match self
            .education
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(e) if EDUCATION_LEVELS.contains(&e) => Some(e.to_owned()),
            Some(_) => {
                errors.push(DomainError::new(Field::Education, "education-invalid"));
                None
            }
        };
        let mut affiliations = Vec::new();
        for a in self
            .affiliations
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            if known_affiliations.contains(&a) {
                if !affiliations.iter().any(|x| x == a) {
                    affiliations.push(a.to_owned());
                }
            } else {
                errors.push(DomainError::new(Field::Profession, "affiliation-unknown"));
            }
        }
        match (sex, birth_date, cin, commune) {
            (Some(sex), Some(birth_date), Some(cin), Some(commune)) if errors.is_empty() => {
                Ok(Person {
                    first_name_ar,
                    last_name_ar,
                    first_name_lat,
                    last_name_lat,
                    sex,
                    birth_date,
                    cin,
                    phone,
                    email,
                    commune,
                    address,
                    profession,
                    education,
                    affiliations,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Where a member stands. History keeps every change with its reason and decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Paid up for the current year (or, in the until-resignation model, simply a member).
    Active,
    /// The year ended without a renewal.
    Lapsed,
    /// Suspended by the ethics committee until a date.
    Suspended,
    /// Expelled by the ethics committee.
    Expelled,
    Resigned,
    Deceased,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Active,
        Status::Lapsed,
        Status::Suspended,
        Status::Expelled,
        Status::Resigned,
        Status::Deceased,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Lapsed => "lapsed",
            Status::Suspended => "suspended",
            Status::Expelled => "expelled",
            Status::Resigned => "resigned",
            Status::Deceased => "deceased",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// In good standing: may vote, be a candidate or a delegate.
    pub fn in_good_standing(self) -> bool {
        self == Status::Active
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stored value the domain does not know: the store refuses to read the row rather than
/// guess (a status or a sex is never defaulted).
#[derive(Debug, thiserror::Error)]
#[error("unknown stored {kind}: {value:?}")]
pub struct UnknownStored {
    pub kind: &'static str,
    pub value: String,
}

impl TryFrom<String> for Status {
    type Error = UnknownStored;
    fn try_from(value: String) -> Result<Status, UnknownStored> {
        Status::parse(&value).ok_or(UnknownStored {
            kind: "member status",
            value,
        })
    }
}

/// What happens to a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Dues paid for a campaign year.
    Renew,
    /// A campaign closed without the member's renewal (yearly model only).
    Lapse,
    /// Ethics committee decision: suspended until a date.
    Suspend,
    /// The suspension ended or was lifted.
    Reinstate,
    /// Ethics committee decision.
    Expel,
    Resign,
    Decease,
    /// A former member (resigned or lapsed) taken back by a decision.
    Readmit,
}

impl Event {
    pub const ALL: [Event; 8] = [
        Event::Renew,
        Event::Lapse,
        Event::Suspend,
        Event::Reinstate,
        Event::Expel,
        Event::Resign,
        Event::Decease,
        Event::Readmit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::Renew => "renew",
            Event::Lapse => "lapse",
            Event::Suspend => "suspend",
            Event::Reinstate => "reinstate",
            Event::Expel => "expel",
            Event::Resign => "resign",
            Event::Decease => "decease",
            Event::Readmit => "readmit",
        }
    }
    pub fn parse(s: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|x| x.as_str() == s)
    }
    /// Events an officer records by hand (the others come from campaigns and payments).
    pub const MANUAL: [Event; 6] = [
        Event::Suspend,
        Event::Reinstate,
        Event::Expel,
        Event::Resign,
        Event::Decease,
        Event::Readmit,
    ];
    /// Whether the change needs a decision reference (of the ethics committee or a body).
    pub fn needs_decision(self) -> bool {
        matches!(self, Event::Suspend | Event::Expel | Event::Readmit)
    }
}

/// The status after `event`, or why the event cannot happen to a member in `from`.
pub fn transition(
    from: Status,
    event: Event,
    model: MembershipModel,
) -> Result<Status, DomainError> {
    use Event as E;
    use Status as S;
    let to = match (from, event) {
        (S::Active, E::Renew) | (S::Lapsed, E::Renew) => S::Active,
        (S::Active, E::Lapse) if model == MembershipModel::YearlyRenewal => S::Lapsed,
        // Only an active member is suspended: reinstating returns to active.
        (S::Active, E::Suspend) => S::Suspended,
        (S::Suspended, E::Reinstate) => S::Active,
        (S::Active | S::Lapsed | S::Suspended, E::Expel) => S::Expelled,
        (S::Active | S::Lapsed | S::Suspended, E::Resign) => S::Resigned,
        (S::Active | S::Lapsed | S::Suspended | S::Resigned | S::Expelled, E::Decease) => {
            S::Deceased
        }
        (S::Resigned | S::Lapsed | S::Expelled, E::Readmit) => S::Active,
        _ => return Err(DomainError::new(Field::Status, "transition-not-allowed")),
    };
    Ok(to)
}

/// The day a change takes effect must fall in the member's current period (not before it
/// began, or the history would overlap) and not in the future.
pub fn check_effective_date(
    on: NaiveDate,
    period_start: NaiveDate,
    today: NaiveDate,
) -> Result<(), DomainError> {
    if on > today {
        Err(DomainError::new(Field::Date, "date-in-future"))
    } else if on < period_start {
        Err(DomainError::new(Field::Date, "date-before-current-period"))
    } else {
        Ok(())
    }
}

/// A reason for a status change: required, at most 500 characters.
pub fn parse_reason(input: &str) -> Result<String, DomainError> {
    let s = input.trim();
    if s.is_empty() {
        Err(DomainError::new(Field::Reason, "reason-required"))
    } else if s.chars().count() > 500 {
        Err(DomainError::new(Field::Reason, "text-too-long"))
    } else {
        Ok(s.to_owned())
    }
}

/// A membership number: the province's five digits and a sequence within it, never reused
/// (`05091-000123`). A transfer keeps the number.
pub fn membership_number(province_code: &str, sequence: i64) -> String {
    let digits: String = province_code.chars().filter(char::is_ascii_digit).collect();
    format!("{digits}-{sequence:06}")
}

/// An amount of dirhams typed as `150`, `150.5`, `150,50`: returned in centimes.
pub fn parse_amount(input: &str) -> Result<i64, DomainError> {
    let bad = || DomainError::new(Field::Amount, "amount-invalid");
    let s = input.trim().replace(',', ".");
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().map_err(|_| bad())?
    };
    let total = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or_else(bad)?;
    if total > 100_000_000 {
        Err(bad())
    } else {
        Ok(total)
    }
}

/// Centimes as dirhams with two decimals ("150.00").
pub fn format_amount(centimes: i64) -> String {
    format!("{}.{:02}", centimes / 100, centimes % 100)
}

pub const PAYMENT_METHODS: [&str; 4] = ["cash", "transfer", "card", "other"];

pub fn parse_method(input: &str) -> Result<String, DomainError> {
    let s = input.trim();
    if PAYMENT_METHODS.contains(&s) {
        Ok(s.to_owned())
    } else {
        Err(DomainError::new(Field::Method, "method-invalid"))
    }
}

/// A receipt number as written on the paper book: 1 to 40 letters, digits, `-` or `/`.
pub fn parse_receipt(input: &str) -> Result<String, DomainError> {
    let s = input.trim().to_ascii_uppercase();
    if !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'/')
    {
        Ok(s)
    } else {
        Err(DomainError::new(Field::Receipt, "receipt-invalid"))
    }
}

/// One category of the dues schedule (standard, reduced, elected officials, ...).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct DuesCategory {
    pub key: String,
    pub label: String,
    /// Centimes.
    pub amount: i64,
}

/// A renewal campaign as an officer sets it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignPlan {
    pub year: i32,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub categories: Vec<DuesCategory>,
}

/// Checks a campaign: a plausible year, opening before closing, at least one category,
/// unique category keys. Categories come as `key|label|amount` lines.
pub fn plan_campaign(
    year: &str,
    opens_on: &str,
    closes_on: &str,
    categories: &str,
) -> Result<CampaignPlan, Vec<DomainError>> {
    let mut errors = Vec::new();
    let year = match year.trim().parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) => Some(y),
        _ => {
            errors.push(DomainError::new(Field::Year, "year-invalid"));
            None
        }
    };
    let opens = parse_date(opens_on, Field::Date)
        .map_err(|e| errors.push(e))
        .ok();
    let closes = parse_date(closes_on, Field::Date)
        .map_err(|e| errors.push(e))
        .ok();
    if let (Some(o), Some(c)) = (opens, closes)
        && c < o
    {
        errors.push(DomainError::new(Field::Date, "closes-before-opens"));
    }
    // A campaign for a year opens and closes around it: from the year before to the next.
    if let Some(y) = year {
        let around = |d: NaiveDate| (y - 1..=y + 1).contains(&d.year());
        if opens.is_some_and(|d| !around(d)) || closes.is_some_and(|d| !around(d)) {
            errors.push(DomainError::new(Field::Date, "campaign-dates-off-year"));
        }
    }
    let mut cats: Vec<DuesCategory> = Vec::new();
    for line in categories.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let parsed = match parts.as_slice() {
            [key, label, amount]
                if !key.is_empty()
                    && !label.is_empty()
                    && key.len() <= 40
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
            {
                parse_amount(amount).ok().map(|a| DuesCategory {
                    key: (*key).to_owned(),
                    label: (*label).to_owned(),
                    amount: a,
                })
            }
            _ => None,
        };
        match parsed {
            Some(c) if cats.iter().any(|x| x.key == c.key) => {
                errors.push(DomainError::new(Field::Category, "category-duplicate"))
            }
            Some(c) => cats.push(c),
            None => errors.push(DomainError::new(Field::Category, "category-invalid")),
        }
    }
    if cats.is_empty() && !errors.iter().any(|e| e.field == Some(Field::Category)) {
        errors.push(DomainError::new(Field::Category, "category-required"));
    }
    match (year, opens, closes) {
        (Some(year), Some(opens_on), Some(closes_on)) if errors.is_empty() => Ok(CampaignPlan {
            year,
            opens_on,
            closes_on,
            categories: cats,
        }),
        _ => Err(errors),
    }
}

/// Whether a membership committee whose role covers `scope` is the competent one for an
/// application from `place`: the profile names the level (province by default) and the
/// committee's scope must be the application's territory at that level.
pub fn competent_committee(
    level: crate::org::CommitteeLevel,
    scope: &crate::territory::TerritoryPath,
    place: &crate::territory::TerritoryPath,
) -> bool {
    scope.depth() == level.depth() && scope.contains(place)
}

/// Consent kinds a member gives or withdraws.
pub const CONSENT_KINDS: [&str; 2] = ["contact", "public_lists"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::MembershipModel::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn cin_is_normalized() {
        assert_eq!(
            Cin::parse(" bk 123456 ").map(|c| c.0),
            Ok("BK123456".into())
        );
        assert_eq!(Cin::parse("D-98765").map(|c| c.0), Ok("D98765".into()));
        for bad in ["", "123456", "ABC12345", "B12", "BK12345678901", "بك123456"] {
            assert!(Cin::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_become_e164() {
        for ok in [
            "06 12 34 56 78",
            "0612-345678",
            "+212 612345678",
            "00212612345678",
            "212612345678",
            "+212 (0)5 22 00 11 22",
        ] {
            assert!(Phone::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            Phone::parse("0612345678").map(|p| p.0),
            Ok("+212612345678".into())
        );
        assert_eq!(
            Phone::parse("07.00.11.22.33").map(|p| p.0),
            Ok("+212700112233".into())
        );
        for bad in [
            "",
            "0412345678",
            "061234567",
            "+33612345678",
            "06123456789",
            "phone",
        ] {
            assert!(Phone::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_field_is_checked_and_reported_at_once() {
        let rules = MembershipRules::default();
        let today = date("2026-11-23");
        let input = PersonInput {
            first_name_ar: Some("فاطمة".into()),
            sex: "X".into(),
            birth_date: "2010-01-01".into(),
            cin: "12".into(),
            phone: Some("123".into()),
            email: Some("no-at-sign".into()),
            commune: "5.91".into(),
            education: Some("phd".into()),
            ..PersonInput::default()
        };
        let errors = input
            .validate(&rules, &["women"], today)
            .err()
            .unwrap_or_default();
        let codes: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.map(|f| f.as_str()).unwrap_or(""), e.code))
            .collect();
        assert_eq!(
            codes,
            [
                ("last_name_ar", "name-required"),
                ("sex", "sex-invalid"),
                ("birth_date", "too-young"),
                ("cin", "cin-invalid"),
                ("phone", "phone-invalid"),
                ("email", "email-invalid"),
                ("commune", "commune-unknown"),
                ("education", "education-invalid"),
            ]
        );
        let good = PersonInput {
            first_name_lat: Some("Fatima".into()),
            last_name_lat: Some("Zahra".into()),
            sex: "F".into(),
            birth_date: "08/12/1990".into(),
            cin: "ab123456".into(),
            commune: "05.091.01.07".into(),
            affiliations: Some("women, women".into()),
            ..PersonInput::default()
        };
        let person = good
            .validate(&rules, &["women"], today)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(person.display_name("ar"), "Fatima Zahra");
        assert_eq!(person.affiliations, ["women"]);
        assert_eq!(person.birth_date, date("1990-12-08"));
    }

    #[test]
    fn dates_lie_in_years_a_record_can_hold() {
        let d = |s: &str| {
            parse_date(s, Field::Date)
                .map(|d| d.to_string())
                .map_err(|e| e.code)
        };
        assert_eq!(d("1980-03-12"), Ok("1980-03-12".to_owned()));
        assert_eq!(d("12/03/1980"), Ok("1980-03-12".to_owned()));
        assert_eq!(d("0001-01-01"), Err("date-invalid"));
        assert_eq!(d("-0044-03-15"), Err("date-invalid"));
        assert_eq!(d("9999-12-31"), Err("date-invalid"));
        let rules = MembershipRules::default();
        let birth = NaiveDate::from_ymd_opt(2000, 6, 1).unwrap_or_default();
        let on = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert!(check_joined_on(on(2018, 6, 1), birth, &rules).is_ok());
        assert_eq!(
            check_joined_on(on(2018, 5, 31), birth, &rules).map_err(|e| e.code),
            Err("joined-before-minimum-age")
        );
        let cats = "standard|عادي|100";
        assert!(plan_campaign("2026", "2025-12-01", "2027-03-31", cats).is_ok());
        let off = plan_campaign("2100", "0001-01-01", "9999-12-31", cats);
        assert!(off.is_err_and(|e| e.iter().all(|e| e.code == "date-invalid")));
        let far = plan_campaign("2026", "2024-12-31", "2026-12-31", cats);
        assert!(far.is_err_and(|e| e.iter().any(|e| e.code == "campaign-dates-off-year")));
    }

    #[test]
    fn the_minimum_age_comes_from_the_statutes() {
        let rules = MembershipRules {
            min_age: 16,
            ..MembershipRules::default()
        };
        assert_eq!(age_on(date("2010-11-24"), date("2026-11-23")), 15);
        assert_eq!(age_on(date("2010-11-23"), date("2026-11-23")), 16);
        let input = |b: &str| PersonInput {
            first_name_ar: Some("أ".into()),
            last_name_ar: Some("ب".into()),
            sex: "M".into(),
            birth_date: b.into(),
            cin: "A123".into(),
            commune: "05.091.01.07".into(),
            ..PersonInput::default()
        };
        assert!(
            input("2010-11-23")
                .validate(&rules, &[], date("2026-11-23"))
                .is_ok()
        );
        assert!(
            input("2010-11-24")
                .validate(&rules, &[], date("2026-11-23"))
                .is_err()
        );
    }

    #[test]
    fn every_status_transition() {
        use Event as E;
        use Status as S;
        // (from, event, yearly model, until-resignation model); None: not allowed.
        let table: Vec<(S, E, Option<S>, Option<S>)> = vec![
            (S::Active, E::Renew, Some(S::Active), Some(S::Active)),
            (S::Lapsed, E::Renew, Some(S::Active), Some(S::Active)),
            (S::Active, E::Lapse, Some(S::Lapsed), None),
            (
                S::Active,
                E::Suspend,
                Some(S::Suspended),
                Some(S::Suspended),
            ),
            (S::Lapsed, E::Suspend, None, None),
            (S::Suspended, E::Reinstate, Some(S::Active), Some(S::Active)),
            (S::Active, E::Reinstate, None, None),
            (S::Suspended, E::Expel, Some(S::Expelled), Some(S::Expelled)),
            (S::Active, E::Resign, Some(S::Resigned), Some(S::Resigned)),
            (S::Resigned, E::Readmit, Some(S::Active), Some(S::Active)),
            (S::Expelled, E::Readmit, Some(S::Active), Some(S::Active)),
            (S::Expelled, E::Renew, None, None),
            (S::Resigned, E::Renew, None, None),
            (S::Suspended, E::Renew, None, None),
            (S::Active, E::Decease, Some(S::Deceased), Some(S::Deceased)),
            (S::Deceased, E::Readmit, None, None),
            (S::Deceased, E::Renew, None, None),
            (S::Lapsed, E::Lapse, None, None),
            (S::Active, E::Readmit, None, None),
        ];
        for (from, event, yearly, until) in table {
            assert_eq!(
                transition(from, event, YearlyRenewal).ok(),
                yearly,
                "{from:?} {event:?} yearly"
            );
            assert_eq!(
                transition(from, event, UntilResignation).ok(),
                until,
                "{from:?} {event:?} until resignation"
            );
        }
        // Nothing leaves Deceased.
        for e in Event::ALL {
            assert!(transition(Status::Deceased, e, YearlyRenewal).is_err());
        }
    }

    #[test]
    fn amounts_and_campaigns() {
        assert_eq!(parse_amount("150"), Ok(15000));
        assert_eq!(parse_amount("150,5"), Ok(15050));
        assert_eq!(parse_amount("0.05"), Ok(5));
        for bad in ["", "-1", "1.234", "abc", "1e3", "99999999999999999999"] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
        assert_eq!(format_amount(15050), "150.50");
        let plan = plan_campaign(
            "2026",
            "2026-01-15",
            "2026-03-31",
            "standard|عادي|100\nreduced|مخفض (طلبة ومعطلون)|50\nelected|المنتخبون|500",
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(plan.categories.len(), 3);
        assert_eq!(plan.categories[1].amount, 5000);
        let errs = plan_campaign("26", "2026-03-31", "2026-01-15", "a|A|1\na|B|2")
            .err()
            .unwrap_or_default();
        let codes: Vec<&str> = errs.iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            ["year-invalid", "closes-before-opens", "category-duplicate"]
        );
        assert_eq!(
            plan_campaign("2026", "2026-01-01", "2026-02-01", "")
                .err()
                .map(|e| e[0].code),
            Some("category-required")
        );
    }

    #[test]
    fn the_competent_committee_sits_at_the_profiles_level() {
        use crate::org::CommitteeLevel::{Province, Region};
        use crate::territory::{TerritoryCode, TerritoryPath};
        let path = |codes: &[&str]| {
            codes.iter().fold(TerritoryPath::national(), |p, c| {
                p.child(&TerritoryCode::parse(c).unwrap_or_else(|e| panic!("{e}")))
            })
        };
        let kasba = path(&["05", "05.091", "05.091.01.07"]);
        assert!(competent_committee(
            Province,
            &path(&["05", "05.091"]),
            &kasba
        ));
        assert!(!competent_committee(Province, &path(&["05"]), &kasba));
        assert!(!competent_committee(
            Province,
            &path(&["03", "03.531"]),
            &kasba
        ));
        assert!(!competent_committee(Province, &kasba, &kasba));
        assert!(competent_committee(Region, &path(&["05"]), &kasba));
        assert!(!competent_committee(
            Region,
            &TerritoryPath::national(),
            &kasba
        ));
    }

    #[test]
    fn membership_numbers_are_per_province() {
        assert_eq!(membership_number("05.091", 123), "05091-000123");
    }
}
