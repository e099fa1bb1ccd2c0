//! Server-side PDF rendering of a meeting's minutes (محضر), with shaped
//! right-to-left Arabic.
//!
//! Typesetting is done by typst, used as a library. The template
//! (`minutes.typ`) and the fonts (Amiri, SIL Open Font License, see
//! `fonts/`) are compiled into the binary: nothing is read from the file
//! system, no system font is used and no package is ever fetched.
//!
//! User-entered strings never become typst markup: they are handed to the
//! template as data (`sys.inputs`) and displayed as plain text there.

use std::sync::LazyLock;

use typst::diag::SourceDiagnostic;
use typst::foundations::{Array, Dict, IntoValue, Value};
use typst_as_lib::{TypstAsLibError, TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

/// The template, a static typst file that reads its data from `sys.inputs`.
const TEMPLATE: &str = include_str!("minutes.typ");

/// Amiri Regular and Bold, SIL Open Font License 1.1 (`fonts/OFL.txt`).
const FONT_REGULAR: &[u8] = include_bytes!("../fonts/Amiri-Regular.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../fonts/Amiri-Bold.ttf");

/// Keep memoized layout work for this many compilations (typst-as-lib's
/// default of 0 would throw it all away after every document).
const CACHE_MAX_AGE: usize = 8;

/// Built once: parsing the template and the fonts is then shared by every
/// call, from any thread.
static ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> = LazyLock::new(|| {
    TypstEngine::builder()
        .main_file(TEMPLATE)
        .fonts([FONT_REGULAR, FONT_BOLD])
        .comemo_evict_max_age(Some(CACHE_MAX_AGE))
        .build()
});

/// One amendment made to the minutes after their approval.
#[derive(Debug, Clone, Copy)]
pub struct Amendment<'a> {
    /// When it was made, already formatted for the reader.
    pub when: &'a str,
    /// Who made it.
    pub author: &'a str,
    /// Why it was made.
    pub reason: &'a str,
    /// The amending text, in the same form as [`MinutesDoc::text`].
    pub text: &'a str,
}

/// Everything printed on the minutes. All strings are shown as they are
/// (already localized by the caller) and may contain anything.
#[derive(Debug, Clone, Copy)]
pub struct MinutesDoc<'a> {
    /// Language code: "ar" is set right to left, "fr" or "en" left to right.
    pub lang: &'a str,
    /// The organization, at the top of the document and of every later page.
    pub organization: &'a str,
    /// The title, e.g. "محضر اجتماع الأمانة الإقليمية بتاونات".
    pub title: &'a str,
    /// Already localized, e.g. "صودق عليه يوم 08 دجنبر 2022" or "مسودة".
    pub status_line: &'a str,
    /// The minutes: paragraphs separated by a blank line; a single newline
    /// inside a paragraph is a line break (lists as "1. ...", "- ...").
    pub text: &'a str,
    /// Heading of the amendments section, e.g. "التعديلات".
    pub amendments_heading: &'a str,
    /// The amendments; the section is left out when there are none.
    pub amendments: &'a [Amendment<'a>],
    /// Footer label, which reads "page_label N / M".
    pub page_label: &'a str,
}

/// Why the minutes could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The language is not a plain ISO 639 code.
    #[error("unsupported language code {0:?}")]
    Language(String),
    /// Typesetting failed (a defect of the template, not of the input).
    #[error("typesetting the minutes failed: {0}")]
    Typeset(String),
    /// Writing the typeset document as PDF failed.
    #[error("writing the PDF failed: {0}")]
    Export(String),
}

/// Renders the minutes to a PDF document.
///
/// Safe to call from several threads at once; the engine and fonts are set
/// up on the first call. It is CPU-bound: from async code, call it inside
/// `spawn_blocking`.
pub fn minutes(doc: &MinutesDoc<'_>) -> Result<Vec<u8>, PdfError> {
    let document = typeset(doc)?;
    let options = typst_pdf::PdfOptions::default();
    typst_pdf::pdf(&document, &options).map_err(|e| PdfError::Export(diagnostics(&e)))
}

/// Lays the minutes out into pages, before PDF export.
fn typeset(doc: &MinutesDoc<'_>) -> Result<PagedDocument, PdfError> {
    let inputs = inputs(doc)?;
    ENGINE
        .compile_with_input(inputs)
        .output
        .map_err(|e| match e {
            TypstAsLibError::TypstSource(diags) => PdfError::Typeset(diagnostics(&diags)),
            other => PdfError::Typeset(other.to_string()),
        })
}

/// The template's `sys.inputs`: the document as plain typst values.
fn inputs(doc: &MinutesDoc<'_>) -> Result<Dict, PdfError> {
    let (lang, dir) = language(doc.lang)?;
    let amendments: Array = doc
        .amendments
        .iter()
        .map(|a| {
            let mut d = Dict::new();
            d.insert("when".into(), a.when.into_value());
            d.insert("author".into(), a.author.into_value());
            d.insert("reason".into(), a.reason.into_value());
            d.insert("body".into(), a.text.into_value());
            Value::Dict(d)
        })
        .collect();
    let mut d = Dict::new();
    d.insert("lang".into(), lang.into_value());
    d.insert("dir".into(), dir.into_value());
    d.insert("org".into(), doc.organization.into_value());
    d.insert("title".into(), doc.title.into_value());
    d.insert("status".into(), doc.status_line.into_value());
    d.insert("body".into(), doc.text.into_value());
    d.insert(
        "amendments_heading".into(),
        doc.amendments_heading.into_value(),
    );
    d.insert("amendments".into(), amendments.into_value());
    d.insert("page".into(), doc.page_label.into_value());
    Ok(d)
}

/// The lowercased language code and the direction of its script. A region
/// ("ar-MA") is dropped.
///
/// Typst rejects a `lang` that is not two or three ASCII letters, so anything
/// else is refused here with a clear error.
fn language(code: &str) -> Result<(String, &'static str), PdfError> {
    let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
    let lang = primary.to_ascii_lowercase();
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(PdfError::Language(code.to_owned()));
    }
    let rtl = matches!(
        lang.as_str(),
        "ar" | "ary" | "arq" | "fa" | "ur" | "he" | "ps" | "ckb" | "syr" | "dv" | "yi"
    );
    Ok((lang, if rtl { "rtl" } else { "ltr" }))
}

fn diagnostics(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests;
