//! The contact list out, as officers use it: CSV (UTF-8 with a BOM, every cell
//! neutralized like the members' export). The columns are named as the contact form's
//! fields, so a list can be read back by whoever imports it.

use crate::export::csv_records;
use tanzim_store::contacts::Contact;

/// The columns, in order.
pub const COLUMNS: [&str; 16] = [
    "id",
    "first_name_ar",
    "last_name_ar",
    "first_name_lat",
    "last_name_lat",
    "sex",
    "phone",
    "email",
    "commune_code",
    "commune",
    "organization",
    "consent_on",
    "consent_source",
    "consent_wording",
    "status",
    "application_id",
];

/// One contact's cells, in the order of [`COLUMNS`].
pub fn cells(c: &Contact) -> [String; 16] {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    [
        c.id.to_string(),
        text(&c.first_name_ar),
        text(&c.last_name_ar),
        text(&c.first_name_lat),
        text(&c.last_name_lat),
        text(&c.sex),
        text(&c.phone),
        text(&c.email),
        c.commune_code.clone(),
        text(&c.commune_name_fr),
        text(&c.organization),
        c.consent_on.to_string(),
        c.consent_source.as_str().to_owned(),
        text(&c.consent_wording),
        c.status.as_str().to_owned(),
        c.application_id.map(|a| a.to_string()).unwrap_or_default(),
    ]
}

/// The file: the header, then one line a contact.
pub fn csv(contacts: &[Contact]) -> String {
    let header = COLUMNS.map(str::to_owned);
    csv_records(
        b',',
        std::iter::once(header).chain(contacts.iter().map(cells)),
    )
}
