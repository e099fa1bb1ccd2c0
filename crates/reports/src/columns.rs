//! The columns of a roll: each field, the Arabic header the sample file and the page give
//! it, and the headers parties really write for it (Arabic and French, matched folded:
//! hamza, ta marbuta, diacritics, accents, case and punctuation do not count). The
//! export writes the canonical names, which are synonyms too, so an export imports back.

/// A field of a roll and the headers that name it.
pub struct Column {
    /// The canonical name (what the export writes and a saved mapping names).
    pub field: &'static str,
    /// The header of the sample file.
    pub header_ar: &'static str,
    /// Other headers that mean it, as written (folded when compared).
    pub synonyms: &'static [&'static str],
    /// Whether the import reads it; an export's own columns (status, year paid) are
    /// known, so they are not taken for mistakes, and left aside.
    pub imported: bool,
}

/// What a column mapped to nothing is called (a saved mapping's `-`).
pub const IGNORED: &str = "-";

const fn col(
    field: &'static str,
    header_ar: &'static str,
    synonyms: &'static [&'static str],
) -> Column {
    Column {
        field,
        header_ar,
        synonyms,
        imported: true,
    }
}

/// Every column, in the sample file's order.
pub const COLUMNS: &[Column] = &[
    col(
        "number",
        "رقم العضوية",
        &[
            "رقم العضو",
            "رقم الانخراط",
            "رقم المنخرط",
            "numero",
            "numero d adhesion",
            "numero adherent",
            "n adhesion",
            "n adherent",
            "matricule",
            "membership number",
        ],
    ),
    col(
        "first_name_ar",
        "الاسم الشخصي",
        &[
            "الاسم",
            "الاسم الشخصي بالعربية",
            "prenom ar",
            "prenom arabe",
            "prenom en arabe",
        ],
    ),
    col(
        "last_name_ar",
        "الاسم العائلي",
        &[
            "النسب",
            "اسم العائلة",
            "الاسم العائلي بالعربية",
            "النسب بالعربية",
            "nom ar",
            "nom arabe",
            "nom en arabe",
        ],
    ),
    col(
        "first_name_lat",
        "الاسم الشخصي بالفرنسية",
        &[
            "prenom",
            "prenom fr",
            "prenom latin",
            "first name",
            "firstname",
            "الاسم الشخصي بالحروف اللاتينية",
            "الاسم بالفرنسية",
        ],
    ),
    col(
        "last_name_lat",
        "الاسم العائلي بالفرنسية",
        &[
            "nom",
            "nom fr",
            "nom de famille",
            "nom latin",
            "last name",
            "lastname",
            "النسب بالفرنسية",
            "الاسم العائلي بالحروف اللاتينية",
        ],
    ),
    col(
        "sex",
        "الجنس",
        &["النوع", "sexe", "genre", "gender", "h f", "m f"],
    ),
    col(
        "birth_date",
        "تاريخ الازدياد",
        &[
            "تاريخ الميلاد",
            "تاريخ الولادة",
            "تاريخ ومكان الازدياد",
            "date de naissance",
            "date naissance",
            "ne le",
            "nee le",
            "ne e le",
            "birth date",
            "date of birth",
        ],
    ),
    col(
        "cin",
        "رقم البطاقة الوطنية",
        &[
            "البطاقة الوطنية",
            "رقم البطاقة الوطنية للتعريف",
            "رقم بطاقة التعريف الوطنية",
            "بطاقة التعريف الوطنية",
            "ر ب و",
            "ب و",
            "رقم ب و",
            "cnie",
            "n cin",
            "numero cin",
            "num cin",
            "carte nationale",
            "n carte nationale",
            "national id",
        ],
    ),
    col(
        "phone",
        "الهاتف",
        &[
            "رقم الهاتف",
            "الهاتف المحمول",
            "المحمول",
            "telephone",
            "tel",
            "n tel",
            "numero de telephone",
            "gsm",
            "portable",
            "mobile",
        ],
    ),
    col(
        "email",
        "البريد الإلكتروني",
        &[
            "البريد الالكتروني",
            "البريد",
            "email",
            "e mail",
            "mail",
            "courriel",
            "adresse email",
            "adresse electronique",
        ],
    ),
    col(
        "commune_code",
        "الجماعة",
        &[
            "الجماعة الترابية",
            "رمز الجماعة",
            "الجماعة او المقاطعة",
            "المقاطعة",
            "commune",
            "code commune",
            "commune code",
            "arrondissement",
            "commune ou arrondissement",
        ],
    ),
    col(
        "province",
        "الإقليم",
        &[
            "العمالة",
            "الإقليم او العمالة",
            "العمالة او الإقليم",
            "province",
            "prefecture",
            "province ou prefecture",
            "province prefecture",
        ],
    ),
    col("address", "العنوان", &["adresse", "address", "السكنى"]),
    col(
        "profession",
        "المهنة",
        &["الوظيفة", "profession", "metier", "occupation", "fonction"],
    ),
    col(
        "joined_on",
        "تاريخ الانخراط",
        &[
            "تاريخ العضوية",
            "date d adhesion",
            "date adhesion",
            "adhesion",
            "joined",
        ],
    ),
    Column {
        field: "status",
        header_ar: "الوضعية",
        synonyms: &["الحالة", "statut", "etat"],
        imported: false,
    },
    Column {
        field: "paid_year",
        header_ar: "آخر سنة مؤداة",
        synonyms: &["سنة الأداء", "annee payee", "cotisation"],
        imported: false,
    },
];

/// A header as compared: folded (see `names::fold`), letters and digits only, so that
/// "N° CIN", "n_cin" and "N.CIN", or "ر.ب.و" and "ر ب و", are one header.
pub fn fold_header(header: &str) -> String {
    tanzim_domain::names::fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The column a field is, if any.
pub fn column(field: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.field == field)
}

/// The field a header names, by its canonical name, its Arabic header or a synonym:
/// `Some(IGNORED)` for a known column the import leaves aside, `None` for an unknown one.
pub fn field_of(header: &str) -> Option<&'static str> {
    let folded = fold_header(header);
    if folded.is_empty() {
        return None;
    }
    COLUMNS
        .iter()
        .find(|c| {
            fold_header(c.field) == folded
                || fold_header(c.header_ar) == folded
                || c.synonyms.iter().any(|s| fold_header(s) == folded)
        })
        .map(|c| if c.imported { c.field } else { IGNORED })
}

/// A field a mapping may name: an imported field, or `IGNORED`.
pub fn mappable(field: &str) -> Option<&'static str> {
    if field == IGNORED {
        return Some(IGNORED);
    }
    COLUMNS
        .iter()
        .find(|c| c.imported && c.field == field)
        .map(|c| c.field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_parties_write_are_known_whatever_their_spelling() {
        let cases = [
            ("الاسم العائلي", Some("last_name_ar")),
            ("الإسم العائلي", Some("last_name_ar")),
            ("النسب", Some("last_name_ar")),
            ("Nom", Some("last_name_lat")),
            ("NOM DE FAMILLE", Some("last_name_lat")),
            ("الاسم الشخصي", Some("first_name_ar")),
            ("Prénom", Some("first_name_lat")),
            ("رقم البطاقة الوطنية", Some("cin")),
            ("رقم البطاقه الوطنيه", Some("cin")),
            ("ر.ب.و", Some("cin")),
            ("C.I.N", Some("cin")),
            ("CIN", Some("cin")),
            ("N° CIN", Some("cin")),
            ("الهاتف", Some("phone")),
            ("Téléphone", Some("phone")),
            ("الجماعة", Some("commune_code")),
            ("Commune", Some("commune_code")),
            ("تاريخ الازدياد", Some("birth_date")),
            ("Date de naissance", Some("birth_date")),
            ("Né(e) le", Some("birth_date")),
            ("الجنس", Some("sex")),
            ("Sexe", Some("sex")),
            ("العمالة أو الإقليم", Some("province")),
            ("number", Some("number")),
            ("رقم العضوية", Some("number")),
            ("status", Some(IGNORED)),
            ("البريد الإلكتروني", Some("email")),
            ("Couleur préférée", None),
            ("", None),
        ];
        for (header, field) in cases {
            assert_eq!(field_of(header), field, "{header}");
        }
    }

    #[test]
    fn every_header_names_one_field_only() {
        let mut seen = std::collections::HashMap::new();
        for c in COLUMNS {
            let names = [c.field, c.header_ar]
                .into_iter()
                .chain(c.synonyms.iter().copied());
            for name in names {
                if let Some(other) = seen.insert(fold_header(name), c.field) {
                    assert_eq!(other, c.field, "{name} names two fields");
                }
            }
        }
    }
}
