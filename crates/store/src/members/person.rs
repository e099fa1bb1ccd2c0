//! A person's columns, as a member and an application both store them: one list and one
//! order of values, so that the two inserts cannot drift apart.

use super::keys::name_key;
use tanzim_domain::members::Person;
use tanzim_domain::territory::TerritoryPath;

/// The person's columns, in the order of [`person_values`].
pub(crate) const PERSON_COLUMNS: &str = "first_name_ar, last_name_ar, first_name_lat, last_name_lat, name_key, sex,
    birth_date, cin, phone, email, address, commune_code, path, profession, education, affiliations";

/// The values of [`PERSON_COLUMNS`] for a person placed at `path`. All are text, so one
/// type binds them all (a `Some` binds as its text, a `None` as NULL).
pub(crate) fn person_values(p: &Person, path: &TerritoryPath) -> [Option<String>; 16] {
    [
        p.first_name_ar.clone(),
        p.last_name_ar.clone(),
        p.first_name_lat.clone(),
        p.last_name_lat.clone(),
        Some(name_key(p)),
        Some(p.sex.as_str().to_owned()),
        Some(p.birth_date.to_string()),
        Some(p.cin.as_str().to_owned()),
        p.phone.as_ref().map(|x| x.as_str().to_owned()),
        p.email.clone(),
        p.address.clone(),
        Some(p.commune.as_str().to_owned()),
        Some(path.as_str().to_owned()),
        p.profession.clone(),
        p.education.clone(),
        Some(p.affiliations.join(",")),
    ]
}
