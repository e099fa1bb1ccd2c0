//! Sympathisers and contacts (متعاطفون): people who are not members, kept with their
//! consent (when, how it was given, in what words) so that officers may invite them to
//! meetings and activities. They are never members: no number, no status of membership,
//! no counter. The person's checks are the members' own (names, CIN, phone, e-mail).

use crate::dates::parse_date;
use crate::members::{Cin, Phone, Sex, parse_email};
use crate::territory::TerritoryCode;
use crate::{DomainError, Field};
use chrono::NaiveDate;
use serde::Deserialize;

crate::stored_enum! {
    /// How the consent was given.
    pub enum ConsentSource as "consent source" {
        /// At a meeting (an attendance sheet signed).
        Meeting = "meeting",
        /// At an activity (a forum, a training, a campaign stand).
        Activity = "activity",
        /// A form filled in (on paper or online).
        Form = "form",
        /// Brought by a member, who asked the person first.
        Referral = "referral",
        /// A list brought in, each line with its consent recorded.
        Import = "import",
    }
}

crate::stored_enum! {
    /// Where a contact stands.
    pub enum ContactStatus as "contact status" {
        Active = "active",
        /// Became an application (linked to it).
        Converted = "converted",
        /// Personal data removed; the row stays for the audit log's references.
        Erased = "erased",
    }
}

/// The longest consent wording kept (the sentence read out or printed on the form).
pub const WORDING_MAX: usize = 1000;

/// What a form, the API or an import gives for a contact: text as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ContactInput {
    #[serde(default)]
    pub first_name_ar: Option<String>,
    #[serde(default)]
    pub last_name_ar: Option<String>,
    #[serde(default)]
    pub first_name_lat: Option<String>,
    #[serde(default)]
    pub last_name_lat: Option<String>,
    #[serde(default)]
    pub sex: Option<String>,
    #[serde(default)]
    pub birth_date: Option<String>,
    #[serde(default)]
    pub cin: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// HCP code of the commune or arrondissement where the person lives.
    #[serde(default)]
    pub commune: String,
    /// The affiliate whose sympathiser this is (empty or the party's key: the party).
    #[serde(default)]
    pub organization: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    /// The day the consent was given (YYYY-MM-DD or DD/MM/YYYY).
    #[serde(default)]
    pub consent_on: Option<String>,
    /// One of [`ConsentSource`].
    #[serde(default)]
    pub consent_source: Option<String>,
    /// The words the person agreed to.
    #[serde(default)]
    pub consent_wording: Option<String>,
}

/// The consent a contact is kept under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub on: NaiveDate,
    pub source: ConsentSource,
    pub wording: String,
}

/// A contact's details, checked. The commune is checked against the territories by the
/// caller; here only its code's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContact {
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    pub sex: Option<Sex>,
    pub birth_date: Option<NaiveDate>,
    pub cin: Option<Cin>,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub commune: TerritoryCode,
    /// `None`: the party's own.
    pub organization: Option<String>,
    pub notes: Option<String>,
    pub consent: Consent,
}

fn given(input: &Option<String>) -> Option<&str> {
    input.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn text(input: &Option<String>, field: Field, max: usize) -> Result<Option<String>, DomainError> {
    match given(input) {
        None => Ok(None),
        Some(s) if s.chars().count() <= max => Ok(Some(s.to_owned())),
        Some(_) => Err(DomainError::new(field, "text-too-long")),
    }
}

/// The consent, every part required: without it nothing of the person may be kept.
pub fn parse_consent(
    on: &Option<String>,
    source: &Option<String>,
    wording: &Option<String>,
    today: NaiveDate,
) -> Result<Consent, Vec<DomainError>> {
    let mut errors = Vec::new();
    let on = match given(on).map(|d| parse_date(d, Field::ConsentOn)) {
        None => {
            errors.push(DomainError::new(
                Field::ConsentOn,
                "contact-consent-required",
            ));
            None
        }
        Some(Ok(d)) if d > today => {
            errors.push(DomainError::new(Field::ConsentOn, "date-in-future"));
            None
        }
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            errors.push(e);
            None
        }
    };
    let source = match given(source) {
        None => {
            errors.push(DomainError::new(
                Field::ConsentSource,
                "contact-consent-required",
            ));
            None
        }
        Some(s) => ConsentSource::parse(s).or_else(|| {
            errors.push(DomainError::new(
                Field::ConsentSource,
                "contact-consent-source-invalid",
            ));
            None
        }),
    };
    let wording = match text(wording, Field::ConsentWording, WORDING_MAX) {
        Ok(Some(w)) => Some(w),
        Ok(None) => {
            errors.push(DomainError::new(
                Field::ConsentWording,
                "contact-consent-required",
            ));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    match (on, source, wording) {
        (Some(on), Some(source), Some(wording)) => Ok(Consent {
            on,
            source,
            wording,
        }),
        _ => Err(errors),
    }
}

impl ContactInput {
    /// Checks every field and reports every problem at once, each naming its field.
    /// `organizations`: the affiliates a contact may belong to; `party`: the party's key.
    pub fn validate(
        &self,
        affiliates: &[&str],
        party: Option<&str>,
        today: NaiveDate,
    ) -> Result<NewContact, Vec<DomainError>> {
        let mut errors = Vec::new();
        let mut keep =
            |r: Result<Option<String>, DomainError>| r.map_err(|e| errors.push(e)).ok().flatten();
        let first_name_ar = keep(text(&self.first_name_ar, Field::FirstNameAr, 100));
        let last_name_ar = keep(text(&self.last_name_ar, Field::LastNameAr, 100));
        let first_name_lat = keep(text(&self.first_name_lat, Field::FirstNameLat, 100));
        let last_name_lat = keep(text(&self.last_name_lat, Field::LastNameLat, 100));
        let notes = keep(text(&self.notes, Field::Notes, 1000));
        // The members' rule: a first and a last name in one script at least.
        if !(first_name_ar.is_some() && last_name_ar.is_some()
            || first_name_lat.is_some() && last_name_lat.is_some())
        {
            errors.push(DomainError::new(
                if first_name_ar.is_some() || last_name_ar.is_some() {
                    Field::LastNameAr
                } else {
                    Field::FirstNameAr
                },
                "name-required",
            ));
        }
        let sex = given(&self.sex).and_then(|s| Sex::parse(s).map_err(|e| errors.push(e)).ok());
        let birth_date = match given(&self.birth_date).map(|d| parse_date(d, Field::BirthDate)) {
            None => None,
            Some(Ok(d)) if d > today => {
                errors.push(DomainError::new(Field::BirthDate, "birth-date-future"));
                None
            }
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                errors.push(e);
                None
            }
        };
        let cin = given(&self.cin).and_then(|c| Cin::parse(c).map_err(|e| errors.push(e)).ok());
        let phone =
            given(&self.phone).and_then(|p| Phone::parse(p).map_err(|e| errors.push(e)).ok());
        let email =
            given(&self.email).and_then(|e| parse_email(e).map_err(|e| errors.push(e)).ok());
        let commune = TerritoryCode::parse(&self.commune)
            .map_err(|_| errors.push(DomainError::new(Field::Commune, "commune-unknown")))
            .ok();
        let organization = match given(&self.organization) {
            None => None,
            Some(o) if Some(o) == party => None,
            Some(o) if affiliates.contains(&o) => Some(o.to_owned()),
            Some(_) => {
                errors.push(DomainError::new(
                    Field::Organization,
                    "organization-unknown",
                ));
                None
            }
        };
        let consent = parse_consent(
            &self.consent_on,
            &self.consent_source,
            &self.consent_wording,
            today,
        )
        .map_err(|e| errors.extend(e))
        .ok();
        match (commune, consent) {
            (Some(commune), Some(consent)) if errors.is_empty() => Ok(NewContact {
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
                organization,
                notes,
                consent,
            }),
            _ => Err(errors),
        }
    }
}

/// A phone number typed into a search, as stored (`+212…`), when it is one.
pub fn phone_query(q: &str) -> Option<String> {
    let q = q.trim();
    // A name has letters; only digits and separators may be a phone.
    if q.chars().any(char::is_alphabetic) {
        return None;
    }
    Phone::parse(q).ok().map(|p| p.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default()
    }

    fn input() -> ContactInput {
        ContactInput {
            first_name_ar: Some("سعاد".into()),
            last_name_ar: Some("العلوي".into()),
            phone: Some("06 12 34 56 78".into()),
            commune: "05.091.01.07".into(),
            consent_on: Some("2026-11-20".into()),
            consent_source: Some("meeting".into()),
            consent_wording: Some("أوافق على أن يتصل بي الحزب".into()),
            ..ContactInput::default()
        }
    }

    #[test]
    fn a_contact_with_its_consent_is_kept() {
        let c = input().validate(&["women"], Some("party"), today());
        let c = c.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            c.phone.map(|p| p.as_str().to_owned()).as_deref(),
            Some("+212612345678")
        );
        assert_eq!(c.consent.source, ConsentSource::Meeting);
        assert_eq!(c.organization, None);
    }

    #[test]
    fn without_consent_every_missing_part_is_named() {
        let mut i = input();
        i.consent_on = None;
        i.consent_source = Some("rumour".into());
        i.consent_wording = Some("  ".into());
        let fields: Vec<_> = i
            .validate(&[], Some("party"), today())
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            fields,
            vec![
                (Some(Field::ConsentOn), "contact-consent-required"),
                (Some(Field::ConsentSource), "contact-consent-source-invalid"),
                (Some(Field::ConsentWording), "contact-consent-required"),
            ]
        );
    }

    #[test]
    fn the_members_formats_apply() {
        let mut i = input();
        i.phone = Some("12345".into());
        i.cin = Some("123".into());
        i.organization = Some("unknown".into());
        i.first_name_ar = None;
        i.consent_on = Some("2099-01-01".into());
        let codes: Vec<_> = i
            .validate(&["women"], Some("party"), today())
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(
            codes,
            vec![
                "name-required",
                "cin-invalid",
                "phone-invalid",
                "organization-unknown",
                "date-in-future"
            ]
        );
    }

    #[test]
    fn a_phone_search_is_told_from_a_name_search() {
        assert_eq!(phone_query("0612345678").as_deref(), Some("+212612345678"));
        assert_eq!(phone_query("سعاد"), None);
        assert_eq!(phone_query("12"), None);
    }
}
