//! What every side of applications reads: the form's person fields and their check.

use crate::state::AppState;
use serde::Deserialize;
use tanzim_commands as commands;
use tanzim_domain::DomainError;
use tanzim_domain::members::{self as rules, Person};

/// What the forms send: the person's fields, consents, and the honeypot.
#[derive(Deserialize, Default)]
pub struct ApplicationForm {
    #[serde(flatten)]
    pub person: PersonFields,
    #[serde(default)]
    pub consent: Option<String>,
    #[serde(default)]
    pub consent_contact: Option<String>,
    #[serde(default)]
    pub consent_public: Option<String>,
    /// Hidden from people by the stylesheet; a bot that fills it is refused.
    #[serde(default)]
    pub website: Option<String>,
    /// The province chosen first, to list its communes.
    #[serde(default)]
    pub province: Option<String>,
}

/// The person fields as a form sends them (all text).
#[derive(Deserialize, Default, Clone)]
pub struct PersonFields {
    #[serde(default)]
    pub first_name_ar: String,
    #[serde(default)]
    pub last_name_ar: String,
    #[serde(default)]
    pub first_name_lat: String,
    #[serde(default)]
    pub last_name_lat: String,
    #[serde(default)]
    pub sex: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub cin: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub commune: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub profession: String,
    #[serde(default)]
    pub education: String,
    #[serde(default)]
    pub women: Option<String>,
    #[serde(default)]
    pub youth: Option<String>,
}

impl PersonFields {
    pub(super) fn to_input(&self) -> rules::PersonInput {
        let opt = |s: &str| Some(s.to_owned()).filter(|s| !s.trim().is_empty());
        let affiliations: Vec<&str> = [("women", &self.women), ("youth", &self.youth)]
            .iter()
            .filter(|(_, v)| v.is_some())
            .map(|(k, _)| *k)
            .collect();
        rules::PersonInput {
            first_name_ar: opt(&self.first_name_ar),
            last_name_ar: opt(&self.last_name_ar),
            first_name_lat: opt(&self.first_name_lat),
            last_name_lat: opt(&self.last_name_lat),
            sex: self.sex.clone(),
            birth_date: self.birth_date.clone(),
            cin: self.cin.clone(),
            phone: opt(&self.phone),
            email: opt(&self.email),
            commune: self.commune.clone(),
            address: opt(&self.address),
            profession: opt(&self.profession),
            education: opt(&self.education),
            affiliations: Some(affiliations.join(",")),
        }
    }
}

/// Checks a person and the commune; returns the person and the commune's path.
pub(super) async fn check_person(
    state: &AppState,
    input: &rules::PersonInput,
) -> Result<(Person, tanzim_store::territory::Territory), Vec<DomainError>> {
    commands::members::check_person(&state.app(), input).await
}
