//! Reading a member roll: decoding, the separator, the header mapping, and each row turned
//! into the domain's input with its line number. Validation is the domain's.

use std::collections::HashMap;
use tanzim_domain::members::PersonInput;

use crate::columns::{self, IGNORED, fold_header};
use std::collections::HashSet;

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
    /// The file goes past one of its bounds (`file`, `expanded`, `rows`, `columns`,
    /// `parts`), checked before it is expanded further.
    #[error("the file is too large ({0})")]
    TooLarge(&'static str),
    #[error("line {0}: a cell is too long")]
    CellTooLong(u64),
}

/// How much of a file is read before it is refused: every file from a user is bounded
/// before it is expanded (a workbook's parts, its rows and columns, each cell).
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// The file as it arrives.
    pub file_bytes: usize,
    /// A workbook's parts once decompressed, all together.
    pub expanded_bytes: u64,
    /// Parts in a workbook (sheets, styles, strings...).
    pub parts: usize,
    pub rows: usize,
    pub columns: usize,
    /// Characters in one cell.
    pub cell_chars: usize,
}

impl Bounds {
    /// What a page accepts: a roll of some 150,000 rows.
    pub const fn upload() -> Bounds {
        Bounds {
            file_bytes: 20 * 1024 * 1024,
            expanded_bytes: 200 * 1024 * 1024,
            parts: 200,
            rows: 250_000,
            columns: 64,
            cell_chars: 1000,
        }
    }
    /// What the command line accepts: a national roll.
    pub const fn command_line() -> Bounds {
        Bounds {
            file_bytes: 1024 * 1024 * 1024,
            expanded_bytes: 2 * 1024 * 1024 * 1024,
            parts: 200,
            rows: 5_000_000,
            columns: 64,
            cell_chars: 1000,
        }
    }
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

/// Each column's field: a saved mapping (`header=field` lines) first, then the canonical
/// names and the headers parties write (`columns::field_of`); `None` for an unknown
/// header. A second column of one field is left aside: the first one is read.
fn fields_of(headers: &[String], mapping: &HashMap<String, String>) -> Vec<Option<&'static str>> {
    let saved: HashMap<String, &str> = mapping
        .iter()
        .map(|(k, v)| (fold_header(k), v.as_str()))
        .collect();
    let mut taken = HashSet::new();
    headers
        .iter()
        .map(|h| {
            let field = match saved.get(&fold_header(h)) {
                Some(chosen) => columns::mappable(chosen),
                None => columns::field_of(h),
            };
            match field {
                Some(f) if f != IGNORED && !taken.insert(f) => Some(IGNORED),
                other => other,
            }
        })
        .collect()
}

/// Maps each column to a canonical field (see `fields_of`); an unknown header, or no
/// CIN column, refuses the file (the command line, which has no mapping step).
pub fn map_header(
    headers: &[String],
    mapping: &HashMap<String, String>,
) -> Result<Vec<&'static str>, ImportError> {
    let out = fields_of(headers, mapping)
        .into_iter()
        .zip(headers)
        .map(|(f, h)| f.ok_or_else(|| ImportError::UnknownColumn(h.clone())))
        .collect::<Result<Vec<_>, _>>()?;
    if !out.contains(&"cin") {
        return Err(ImportError::NoCin);
    }
    Ok(out)
}

/// Maps each column as `map_header` does, an unknown header left aside: what the page
/// stages, then shows in its mapping step for the user to correct.
pub fn map_header_leniently(
    headers: &[String],
    mapping: &HashMap<String, String>,
) -> Vec<&'static str> {
    fields_of(headers, mapping)
        .into_iter()
        .map(|f| f.unwrap_or(IGNORED))
        .collect()
}

/// Whether a header is one the import knows (by name or synonym), mapped or not.
pub fn is_known_header(header: &str) -> bool {
    columns::field_of(header).is_some()
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
    /// The province the row names, which settles a commune name several share.
    pub province: Option<String>,
    /// The membership number an export wrote: the member the row updates.
    pub number: Option<String>,
}

/// The header and the rows of a roll.
pub struct Roll {
    pub headers: Vec<String>,
    pub separator: u8,
    pub rows: Vec<Row>,
}

/// Reads a whole roll, CSV or XLSX, within the command line's bounds.
pub fn read(bytes: &[u8], mapping: &HashMap<String, String>) -> Result<Roll, ImportError> {
    read_bounded(bytes, mapping, &Bounds::command_line())
}

/// Reads a whole roll, CSV or XLSX (rows stay as text: the domain validates them one by
/// one), refusing it as soon as it goes past `bounds`.
pub fn read_bounded(
    bytes: &[u8],
    mapping: &HashMap<String, String>,
    bounds: &Bounds,
) -> Result<Roll, ImportError> {
    let rows = open(bytes, mapping, bounds)?;
    let (headers, separator) = (rows.headers.clone(), rows.separator);
    Ok(Roll {
        headers,
        separator,
        rows: rows.collect::<Result<_, _>>()?,
    })
}

/// A roll read row by row: a CSV's records one at a time, so a national roll is never
/// held as rows (the file's text is); a workbook's rows from its cells (a sheet's cells
/// may come in any order, so its records are gathered first). Empty rows are skipped.
pub struct Rows {
    pub headers: Vec<String>,
    pub separator: u8,
    fields: Vec<&'static str>,
    source: Source,
}

enum Source {
    Csv {
        records: csv::StringRecordsIntoIter<std::io::Cursor<Vec<u8>>>,
        bounds: Bounds,
        read: usize,
    },
    Workbook(std::vec::IntoIter<(u64, Vec<String>)>),
}

/// Opens a roll, CSV or XLSX: its header is read and mapped now, its rows as they are
/// asked for, each refused as soon as it goes past `bounds`. An unknown header refuses
/// the file (see `open_leniently`).
pub fn open(
    bytes: &[u8],
    mapping: &HashMap<String, String>,
    bounds: &Bounds,
) -> Result<Rows, ImportError> {
    open_with(bytes, bounds, |headers| map_header(headers, mapping))
}

/// Opens a roll as `open` does, an unknown header left aside (the page's mapping step
/// shows it to be corrected).
pub fn open_leniently(
    bytes: &[u8],
    mapping: &HashMap<String, String>,
    bounds: &Bounds,
) -> Result<Rows, ImportError> {
    open_with(bytes, bounds, |headers| {
        Ok(map_header_leniently(headers, mapping))
    })
}

/// A staged roll's records read again under another mapping (the page's mapping step).
pub fn reopen(
    headers: Vec<String>,
    separator: u8,
    records: Vec<(u64, Vec<String>)>,
    mapping: &HashMap<String, String>,
) -> Rows {
    let fields = map_header_leniently(&headers, mapping);
    Rows {
        headers,
        separator,
        fields,
        source: Source::Workbook(records.into_iter()),
    }
}

fn open_with(
    bytes: &[u8],
    bounds: &Bounds,
    map: impl Fn(&[String]) -> Result<Vec<&'static str>, ImportError>,
) -> Result<Rows, ImportError> {
    if bytes.len() > bounds.file_bytes {
        return Err(ImportError::TooLarge("file"));
    }
    if is_xlsx(bytes) {
        let (headers, records) = xlsx_records(bytes, bounds)?;
        let fields = map(&headers)?;
        return Ok(Rows {
            headers,
            separator: b',',
            fields,
            source: Source::Workbook(records.into_iter()),
        });
    }
    let text = decode(bytes);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let separator = separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .from_reader(std::io::Cursor::new(text.into_bytes()));
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::Csv(1, e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect();
    if headers.len() > bounds.columns {
        return Err(ImportError::TooLarge("columns"));
    }
    let fields = map(&headers)?;
    Ok(Rows {
        headers,
        separator,
        fields,
        source: Source::Csv {
            records: reader.into_records(),
            bounds: *bounds,
            read: 0,
        },
    })
}

impl Rows {
    /// Each column's field (`columns::IGNORED` for a column left aside).
    pub fn fields(&self) -> &[&'static str] {
        &self.fields
    }
}

impl Iterator for Rows {
    type Item = Result<Row, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (line, raw) = match &mut self.source {
                Source::Workbook(records) => records.next()?,
                Source::Csv {
                    records,
                    bounds,
                    read,
                } => {
                    let record = match records.next()? {
                        Ok(r) => r,
                        Err(e) => {
                            let line = e.position().map(|p| p.line()).unwrap_or(0);
                            return Some(Err(ImportError::Csv(line, e.to_string())));
                        }
                    };
                    let line = record.position().map(|p| p.line()).unwrap_or(0);
                    if *read >= bounds.rows {
                        return Some(Err(ImportError::TooLarge("rows")));
                    }
                    *read += 1;
                    if record.len() > bounds.columns {
                        return Some(Err(ImportError::TooLarge("columns")));
                    }
                    match cells(record.iter(), line, bounds) {
                        Ok(raw) => (line, raw),
                        Err(e) => return Some(Err(e)),
                    }
                }
            };
            if !raw.iter().all(|c| c.trim().is_empty()) {
                return Some(Ok(row_from(line, raw, &self.fields)));
            }
        }
    }
}

/// A header and numbered records, before mapping.
type Records = (Vec<String>, Vec<(u64, Vec<String>)>);

/// An XLSX file is a ZIP archive.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A record's cells, each within the bound.
fn cells<'a>(
    cells: impl Iterator<Item = &'a str>,
    line: u64,
    bounds: &Bounds,
) -> Result<Vec<String>, ImportError> {
    cells
        .map(|c| {
            if c.len() > bounds.cell_chars * 4 || c.chars().count() > bounds.cell_chars {
                Err(ImportError::CellTooLong(line))
            } else {
                Ok(c.to_owned())
            }
        })
        .collect()
}

/// Measures a workbook's parts by decompressing them, each read stopping at the bound: a
/// part's declared size can lie, so only what actually comes out of it counts.
fn check_workbook(bytes: &[u8], bounds: &Bounds) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::Workbook(e.to_string()))?;
    if archive.len() > bounds.parts {
        return Err(ImportError::TooLarge("parts"));
    }
    let mut left = bounds.expanded_bytes;
    for i in 0..archive.len() {
        let part = archive
            .by_index(i)
            .map_err(|e| ImportError::Workbook(e.to_string()))?;
        let read = std::io::copy(
            &mut std::io::Read::take(part, left.saturating_add(1)),
            &mut std::io::sink(),
        )
        .map_err(|e| ImportError::Workbook(e.to_string()))?;
        left = left
            .checked_sub(read)
            .ok_or(ImportError::TooLarge("expanded"))?;
    }
    Ok(())
}

/// The first sheet of a workbook, cell by cell (a workbook's stated range can span the
/// whole sheet for two cells, so no dense range is ever built); a record's line is its row
/// number in Excel.
fn xlsx_records(bytes: &[u8], bounds: &Bounds) -> Result<Records, ImportError> {
    use calamine::Reader;
    check_workbook(bytes, bounds)?;
    let workbook = |e: calamine::XlsxError| ImportError::Workbook(e.to_string());
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(workbook)?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or(ImportError::Empty)?;
    let mut reader = book.worksheet_cells_reader(&first).map_err(workbook)?;
    let mut rows: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    while let Some(cell) = reader.next_cell().map_err(workbook)? {
        let (row, column) = cell.get_position();
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let line = u64::from(row) + 1;
        if column as usize >= bounds.columns {
            return Err(ImportError::TooLarge("columns"));
        }
        if text.chars().count() > bounds.cell_chars {
            return Err(ImportError::CellTooLong(line));
        }
        if !rows.contains_key(&row) && rows.len() > bounds.rows {
            return Err(ImportError::TooLarge("rows"));
        }
        let cells = rows.entry(row).or_default();
        if cells.len() <= column as usize {
            cells.resize(column as usize + 1, String::new());
        }
        cells[column as usize] = text;
    }
    let mut rows = rows.into_iter();
    let headers = match rows.next() {
        Some((_, cells)) => cells,
        None => return Err(ImportError::Empty),
    };
    let records = rows
        .map(|(row, cells)| (u64::from(row) + 1, cells))
        .collect();
    Ok((headers, records))
}

/// A cell as the text a CSV would hold: dates as YYYY-MM-DD, whole numbers without `.0`.
fn cell_text(cell: &calamine::DataRef<'_>) -> String {
    use calamine::DataRef;
    match cell {
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => d
            .as_datetime()
            .map(|d| d.date().to_string())
            .unwrap_or_else(|| d.as_f64().to_string()),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// A record as a row of the roll, its cells read through the header's `fields` (see
/// `map_header`).
pub fn row_from(line: u64, raw: Vec<String>, fields: &[&'static str]) -> Row {
    let get = |name: &str| {
        fields
            .iter()
            .position(|f| *f == name)
            .and_then(|i| raw.get(i))
            .map(|v| crate::export::restore(tanzim_domain::text::strip(v).trim()).to_owned())
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
    let province = get("province");
    let number = get("number");
    Row {
        line,
        raw,
        person,
        joined_on,
        province,
        number,
    }
}

/// Writes rejected rows back as a CSV (UTF-8 with BOM, so Excel shows Arabic) with the
/// line number and the reason first, to be fixed and imported again.
pub fn rejected_csv(roll: &Roll, rejected: &[(u64, String)]) -> String {
    let rows: HashMap<u64, &Row> = roll.rows.iter().map(|r| (r.line, r)).collect();
    let mut header = vec!["line".to_owned(), "reason".to_owned()];
    header.extend(roll.headers.iter().cloned());
    let records = rejected.iter().filter_map(|(line, reason)| {
        let row = rows.get(line)?;
        let mut rec = vec![line.to_string(), reason.clone()];
        rec.extend(row.raw.iter().cloned());
        Some(rec)
    });
    crate::export::csv_records(roll.separator, std::iter::once(header).chain(records))
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

    fn workbook(cells: &[(u32, u16, &str)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (row, col, text) in cells {
            sheet
                .write_string(*row, *col, *text)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_workbook_is_read_cell_by_cell_never_as_a_dense_range() {
        // Two cells at opposite corners of a sheet: 17 billion cells as a dense range.
        let corners = workbook(&[(0, 0, "cin"), (1_048_575, 16_383, "x")]);
        assert_eq!(
            read_bounded(&corners, &HashMap::new(), &Bounds::upload()).err(),
            Some(ImportError::TooLarge("columns"))
        );
        // The command line reads with its own, larger bounds, and refuses it too.
        assert_eq!(
            read(&corners, &HashMap::new()).err(),
            Some(ImportError::TooLarge("columns"))
        );
        // The last row of a sheet, in the first column: two rows, read as two rows.
        let far = workbook(&[(0, 0, "cin"), (1_048_575, 0, "AB123")]);
        let roll = read_bounded(&far, &HashMap::new(), &Bounds::upload())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(roll.rows.len(), 1);
        assert_eq!(roll.rows[0].line, 1_048_576);
        assert_eq!(roll.rows[0].person.cin, "AB123");
    }

    #[test]
    fn a_workbook_that_expands_past_the_bound_is_refused_before_it_is_opened() {
        // Distinct strings, or the workbook would share one.
        let texts: Vec<String> = (1..400)
            .map(|r| format!("{r}{}", "ب".repeat(900)))
            .collect();
        let mut all = vec![(0, 0, "cin")];
        all.extend(texts.iter().zip(1..).map(|(t, r)| (r, 0, t.as_str())));
        let book = workbook(&all);
        let small = Bounds {
            expanded_bytes: 64 * 1024,
            ..Bounds::upload()
        };
        assert_eq!(
            read_bounded(&book, &HashMap::new(), &small).err(),
            Some(ImportError::TooLarge("expanded"))
        );
        let few_parts = Bounds {
            parts: 3,
            ..Bounds::upload()
        };
        assert_eq!(
            read_bounded(&book, &HashMap::new(), &few_parts).err(),
            Some(ImportError::TooLarge("parts"))
        );
        assert!(read_bounded(&book, &HashMap::new(), &Bounds::upload()).is_ok());
    }

    #[test]
    fn rolls_past_their_bounds_are_errors_with_a_line_never_a_crash() {
        let long_line = format!("cin,nom\nAB1,{}\n", "x".repeat(1024 * 1024));
        assert_eq!(
            read_bounded(long_line.as_bytes(), &HashMap::new(), &Bounds::upload()).err(),
            Some(ImportError::CellTooLong(2))
        );
        let rows: String = std::iter::once("cin\n".to_owned())
            .chain((0..11).map(|i| format!("AB{i}\n")))
            .collect();
        let ten = Bounds {
            rows: 10,
            ..Bounds::upload()
        };
        assert_eq!(
            read_bounded(rows.as_bytes(), &HashMap::new(), &ten).err(),
            Some(ImportError::TooLarge("rows"))
        );
        let wide = format!("cin{}\n", ",x".repeat(100));
        assert_eq!(
            read_bounded(wide.as_bytes(), &HashMap::new(), &Bounds::upload()).err(),
            Some(ImportError::TooLarge("columns"))
        );
        let big = vec![b'a'; Bounds::upload().file_bytes + 1];
        assert_eq!(
            read_bounded(&big, &HashMap::new(), &Bounds::upload()).err(),
            Some(ImportError::TooLarge("file"))
        );
        // Not a workbook, though it starts like one; and bytes in no known encoding.
        assert!(matches!(
            read_bounded(b"PK\x03\x04garbage", &HashMap::new(), &Bounds::upload()),
            Err(ImportError::Workbook(_))
        ));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(read_bounded(&noise, &HashMap::new(), &Bounds::upload()).is_err());
    }

    #[test]
    fn a_neutralized_cell_reads_back_as_it_was() {
        let roll = read(b"cin,nom\nAB1,'=1+1\n", &HashMap::new()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(roll.rows[0].person.last_name_lat.as_deref(), Some("=1+1"));
    }
}
