//! A person's details as a record holds them: identity card, phone, e-mail, sex, names,
//! commune, and the checks that turn what was typed into them.

use crate::dates::parse_date;
use crate::org::MembershipRules;
use crate::{DomainError, Field};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use crate::sex::Sex;

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

/// Education levels, as the census counts them.
pub const EDUCATION_LEVELS: [&str; 6] = [
    "none",
    "primary",
    "lower_secondary",
    "upper_secondary",
    "higher",
    "other",
];

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
