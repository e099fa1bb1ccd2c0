//! Reading a member roll: decoding, the separator, the header mapping, and each row turned
//! into the domain's input with its line number. Validation is the domain's.

use std::collections::HashMap;
use tanzim_domain::members::PersonInput;

/// The fields a roll can hold, as the canonical column names.
pub const FIELDS: [&str; 13] = [
    "first_name_ar",
    "last_name_ar",
    "first_name_lat",
    "last_name_lat",
    "sex",
    "birth_date",
    "cin",
    "phone",
    "email",
    "commune_code",
    "address",
    "profession",
    "joined_on",
];

/// Usual headers in French and Arabic, folded (lower case, no accents, single spaces).
const ALIASES: [(&str, &str); 30] = [
    ("prenom", "first_name_lat"),
    ("nom", "last_name_lat"),
    ("prenom ar", "first_name_ar"),
    ("nom ar", "last_name_ar"),
    ("الاسم", "first_name_ar"),
    ("الاسم الشخصي", "first_name_ar"),
    ("النسب", "last_name_ar"),
    ("الاسم العائلي", "last_name_ar"),
    ("sexe", "sex"),
    ("الجنس", "sex"),
    ("date de naissance", "birth_date"),
    ("تاريخ الازدياد", "birth_date"),
    ("تاريخ الميلاد", "birth_date"),
    ("cin", "cin"),
    ("cnie", "cin"),
    ("رقم البطاقة الوطنية", "cin"),
    ("telephone", "phone"),
    ("tel", "phone"),
    ("الهاتف", "phone"),
    ("email", "email"),
    ("courriel", "email"),
    ("commune", "commune_code"),
    ("code commune", "commune_code"),
    ("الجماعة", "commune_code"),
    ("adresse", "address"),
    ("العنوان", "address"),
    ("profession", "profession"),
    ("المهنة", "profession"),
    ("date d adhesion", "joined_on"),
    ("تاريخ الانخراط", "joined_on"),
];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("column {0:?} is not known; map it with --mapping")]
    UnknownColumn(String),
    #[error("the file has no CIN column")]
    NoCin,
    #[error("line {0}: {1}")]
    Csv(u64, String),
    #[error("the workbook cannot be read: {0}")]
    Workbook(String),
}

/// Decodes a file: UTF-8 (a BOM is dropped), or Windows-1256 when the bytes are not UTF-8
/// (what Excel on an Arabic Windows saves).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1256.decode(bytes).0.into_owned(),
    }
}

/// `;` when the header line has more of them than commas (French Excel), else `,`.
pub fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

fn fold_header(h: &str) -> String {
    tanzim_domain::names::fold(h)
        .replace(['_', '\''], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Maps each column to a canonical field: a saved mapping (`header=field` lines) first, then
/// the canonical names, then the usual French and Arabic headers.
pub fn map_header(
    headers: &[String],
    mapping: &HashMap<String, String>,
) -> Result<Vec<&'static str>, ImportError> {
    let mut out = Vec::new();
    for h in headers {
        let folded = fold_header(h);
        let wanted = mapping
            .iter()
            .find(|(k, _)| fold_header(k) == folded)
            .map(|(_, v)| v.as_str());
        let field = match wanted {
            Some(v) => FIELDS.iter().find(|f| **f == v).copied().or(if v == "-" {
                Some("-")
            } else {
                None
            }),
            None => FIELDS
                .iter()
                .find(|f| fold_header(f) == folded)
                .copied()
                .or_else(|| ALIASES.iter().find(|(a, _)| *a == folded).map(|(_, f)| *f)),
        };
        out.push(field.ok_or_else(|| ImportError::UnknownColumn(h.clone()))?);
    }
    if !out.contains(&"cin") {
        return Err(ImportError::NoCin);
    }
    Ok(out)
}

/// Parses a saved mapping: `header=field` per line (`field` `-` ignores a column).
pub fn parse_mapping(text: &str) -> HashMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

/// One row of the roll: its line in the file, the raw record (for the rejected-rows file)
/// and what it says.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub raw: Vec<String>,
    pub person: PersonInput,
    pub joined_on: Option<String>,
}

/// The header and the rows of a roll.
pub struct Roll {
    pub headers: Vec<String>,
    pub separator: u8,
    pub rows: Vec<Row>,
}

/// Reads a whole roll, CSV or XLSX (rows stay as text: the domain validates them one by one).
pub fn read(bytes: &[u8], mapping: &HashMap<String, String>) -> Result<Roll, ImportError> {
    let (headers, records, separator) = if is_xlsx(bytes) {
        let (headers, records) = xlsx_records(bytes)?;
        (headers, records, b',')
    } else {
        let text = decode(bytes);
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        let sep = separator(&text);
        let (headers, records) = csv_records(&text, sep)?;
        (headers, records, sep)
    };
    let fields = map_header(&headers, mapping)?;
    let rows = records
        .into_iter()
        .filter(|(_, raw)| !raw.iter().all(|c| c.trim().is_empty()))
        .map(|(line, raw)| row_from(line, raw, &fields))
        .collect();
    Ok(Roll {
        headers,
        separator,
        rows,
    })
}

/// A header and numbered records, before mapping.
type Records = (Vec<String>, Vec<(u64, Vec<String>)>);

/// An XLSX file is a ZIP archive.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn csv_records(text: &str, sep: u8) -> Result<Records, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::Csv(1, e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            ImportError::Csv(e.position().map(|p| p.line()).unwrap_or(0), e.to_string())
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        records.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok((headers, records))
}

/// The first sheet of a workbook; a record's line is its row number in Excel.
fn xlsx_records(bytes: &[u8]) -> Result<Records, ImportError> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ImportError::Workbook(e.to_string()))?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or(ImportError::Empty)?
        .map_err(|e| ImportError::Workbook(e.to_string()))?;
    let first_row = u64::from(sheet.start().map(|(r, _)| r).unwrap_or(0));
    let mut rows = sheet.rows().enumerate();
    let headers: Vec<String> = match rows.next() {
        Some((_, cells)) => cells.iter().map(cell_text).collect(),
        None => return Err(ImportError::Empty),
    };
    let records = rows
        .map(|(i, cells)| {
            (
                first_row + i as u64 + 1,
                cells.iter().map(cell_text).collect(),
            )
        })
        .collect();
    Ok((headers, records))
}

/// A cell as the text a CSV would hold: dates as YYYY-MM-DD, whole numbers without `.0`.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|d| d.date().to_string())
            .unwrap_or_else(|| d.as_f64().to_string()),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

fn row_from(line: u64, raw: Vec<String>, fields: &[&'static str]) -> Row {
    let get = |name: &str| {
        fields
            .iter()
            .position(|f| *f == name)
            .and_then(|i| raw.get(i))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let person = PersonInput {
        first_name_ar: get("first_name_ar"),
        last_name_ar: get("last_name_ar"),
        first_name_lat: get("first_name_lat"),
        last_name_lat: get("last_name_lat"),
        sex: get("sex").unwrap_or_default(),
        birth_date: get("birth_date").unwrap_or_default(),
        cin: get("cin").unwrap_or_default(),
        phone: get("phone"),
        email: get("email"),
        commune: get("commune_code").unwrap_or_default(),
        address: get("address"),
        profession: get("profession"),
        education: None,
        affiliations: None,
    };
    let joined_on = get("joined_on");
    Row {
        line,
        raw,
        person,
        joined_on,
    }
}

/// Writes rejected rows back as a CSV (UTF-8 with BOM, so Excel shows Arabic) with the
/// line number and the reason first, to be fixed and imported again.
pub fn rejected_csv(roll: &Roll, rejected: &[(u64, String)]) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut writer = csv::WriterBuilder::new()
        .delimiter(roll.separator)
        .from_writer(Vec::new());
    let mut header = vec!["line".to_owned(), "reason".to_owned()];
    header.extend(roll.headers.iter().cloned());
    let _ = writer.write_record(&header);
    for (line, reason) in rejected {
        if let Some(row) = roll.rows.iter().find(|r| r.line == *line) {
            let mut rec = vec![line.to_string(), reason.clone()];
            rec.extend(row.raw.iter().cloned());
            let _ = writer.write_record(&rec);
        }
    }
    out.push_str(&String::from_utf8_lossy(
        &writer.into_inner().unwrap_or_default(),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_french_excel_in_windows_1256() {
        let text = "Prénom;Nom;الاسم;النسب;Sexe;Date de naissance;CIN;Téléphone;Commune\n\
                    Mohamed;Alaoui;محمد;العلوي;M;12/03/1980;AB123;0612345678;05.091.01.07\n\
                    ;;;;;;;;\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let roll = read(&bytes, &HashMap::new()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(roll.separator, b';');
        assert_eq!(roll.rows.len(), 1, "the empty row is skipped");
        let p = &roll.rows[0].person;
        assert_eq!(
            (
                p.first_name_ar.as_deref(),
                p.last_name_lat.as_deref(),
                p.cin.as_str()
            ),
            (Some("محمد"), Some("Alaoui"), "AB123")
        );
        assert_eq!(roll.rows[0].line, 2);
    }

    #[test]
    fn utf8_with_bom_and_a_saved_mapping() {
        let text = "\u{FEFF}N° carte,Nom complet arabe,Genre,Né le,Code\nX1,ignored,F,1990-01-01,05.091.01.07\n";
        let mapping = parse_mapping(
            "N° carte = cin\nNom complet arabe = -\nGenre=sex\nNé le=birth_date\nCode=commune_code",
        );
        let roll = read(text.as_bytes(), &mapping).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(roll.rows[0].person.cin, "X1");
        assert_eq!(roll.rows[0].person.sex, "F");
        assert_eq!(
            read(b"Foo,CIN\n1,2\n", &HashMap::new()).err(),
            Some(ImportError::UnknownColumn("Foo".into()))
        );
        assert_eq!(
            read(b"nom\nx\n", &HashMap::new()).err(),
            Some(ImportError::NoCin)
        );
        assert_eq!(read(b"", &HashMap::new()).err(), Some(ImportError::Empty));
    }
}
