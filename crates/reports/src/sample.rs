//! The sample roll the import page offers: the accepted columns under their Arabic
//! headers, in XLSX and in CSV, with no row (a sample row would be imported by whoever
//! fills the file below it).

use crate::columns::COLUMNS;

/// The sample's headers, in order: every column the import reads.
pub fn headers() -> Vec<&'static str> {
    COLUMNS
        .iter()
        .filter(|c| c.imported)
        .map(|c| c.header_ar)
        .collect()
}

/// The sample as CSV (UTF-8 with a BOM, so Excel shows Arabic).
pub fn csv() -> String {
    crate::export::csv_records(b',', [headers()])
}

/// The sample as a workbook: one sheet, right to left, a bold frozen header whose cells
/// are text (a CIN or a date typed below stays as typed).
pub fn xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("الأعضاء")?;
    sheet.set_right_to_left(true);
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (col, header) in headers().iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *header, &bold)?;
        sheet.set_column_format(col, &text)?;
        sheet.set_column_width(col, 20)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn the_sample_reads_back_with_every_field_known() {
        let expected = [
            "number",
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
            "province",
            "address",
            "profession",
            "joined_on",
        ];
        let csv = csv();
        assert!(csv.starts_with("\u{FEFF}رقم العضوية,الاسم الشخصي,الاسم العائلي,"));
        for bytes in [csv.into_bytes(), xlsx().unwrap_or_default()] {
            let rows =
                crate::import::open(&bytes, &HashMap::new(), &crate::import::Bounds::upload())
                    .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(rows.fields(), expected);
        }
    }
}
