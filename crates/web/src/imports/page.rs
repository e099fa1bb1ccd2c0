//! The import page: the upload form with its sample files and accepted headers, the
//! preview with its mapping step, and the result, all in the page's language.

use crate::ctx::Ctx;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::response::Response;
use tanzim_commands::imports::ImportView;
use tanzim_reports::columns::{self, IGNORED};
use tanzim_reports::roll::{Summary, counts_line};

/// A column of the file in the mapping step.
pub(super) struct ColumnChoice {
    pub(super) header: String,
    /// The field it is read as (`-`: left aside).
    pub(super) field: &'static str,
    /// Whether the header is one the import knows.
    pub(super) known: bool,
}

/// An accepted column, as the upload form lists it.
pub(super) struct Accepted {
    pub(super) label: String,
    pub(super) header_ar: &'static str,
    pub(super) synonyms: String,
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    layout: Layout,
    /// The staged roll's token (empty on the upload form).
    upload_id: String,
    preview: Vec<Vec<String>>,
    headers: Vec<String>,
    rejected: Vec<(u64, String)>,
    /// The figures, as the console and the tests read them (`data-counts`).
    summary: String,
    /// The summary in the page's language.
    sentence: String,
    /// Rows referred to a higher level (said without saying where, or whom).
    referred: u64,
    done: bool,
    /// The job importing it, while it runs.
    importing: Option<i64>,
    error: Option<String>,
    /// The mapping step: each column of the file and the fields it may be read as.
    columns: Vec<ColumnChoice>,
    field_options: Vec<(&'static str, String)>,
    /// No column is read as the CIN: every row would be refused.
    no_cin: bool,
    /// The upload form's list of accepted headers.
    accepted: Vec<Accepted>,
}

/// What a page says of an import: its figures and the first rows refused.
pub(super) struct Shown {
    counts: [u64; 6],
    rejected: Vec<(u64, String)>,
    done: bool,
    importing: Option<i64>,
}

impl Shown {
    pub(super) fn preview(s: &Summary) -> Shown {
        let rejected = s.rejected.iter().take(50).cloned().collect();
        Shown {
            counts: [
                s.imported,
                s.updated,
                s.rejected.len() as u64,
                s.review,
                s.referred,
                s.unchanged,
            ],
            rejected,
            done: false,
            importing: None,
        }
    }

    pub(super) fn of(v: &ImportView) -> Shown {
        let t = &v.tally;
        Shown {
            counts: [
                t.imported,
                t.updated,
                t.rejected,
                t.review,
                t.referred,
                t.unchanged,
            ],
            rejected: v.refused.clone(),
            done: v.is_done(),
            importing: v
                .job
                .as_ref()
                .filter(|j| j.state.is_open())
                .map(|j| j.job.id),
        }
    }
}

/// The file's header, how each column is read, and its first rows, as the preview shows
/// them.
pub(super) struct Mapped<'a> {
    pub(super) headers: &'a [String],
    pub(super) fields: &'a [&'static str],
    pub(super) first_rows: &'a [Vec<String>],
}

/// The summary in the page's language: each figure with its noun in the right plural
/// (Arabic has six forms), the ones at zero left out but the new members.
pub(super) fn sentence(tr: &Tr, counts: [u64; 6], done: bool) -> String {
    let [imported, updated, rejected, review, referred, unchanged] = counts;
    let lead = tr.t(if done {
        "import-lead-done"
    } else {
        "import-lead-preview"
    });
    let mut parts = vec![tr.count("import-count-imported", imported as i64)];
    for (key, n) in [
        ("import-count-updated", updated),
        ("import-count-unchanged", unchanged),
        ("import-count-rejected", rejected),
        ("import-count-review", review),
        ("import-count-referred", referred),
    ] {
        if n > 0 {
            parts.push(tr.count(key, n as i64));
        }
    }
    let separator = if tr.lang == Lang::Ar { "، " } else { ", " };
    format!("{lead} {}.", parts.join(separator))
}

fn field_options(tr: &Tr) -> Vec<(&'static str, String)> {
    std::iter::once((IGNORED, tr.t("import-field-ignored")))
        .chain(
            columns::COLUMNS
                .iter()
                .filter(|c| c.imported)
                .map(|c| (c.field, tr.t(&format!("import-field-{}", c.field)))),
        )
        .collect()
}

fn accepted(tr: &Tr) -> Vec<Accepted> {
    columns::COLUMNS
        .iter()
        .map(|c| Accepted {
            label: tr.t(&format!("import-field-{}", c.field)),
            header_ar: c.header_ar,
            synonyms: std::iter::once(c.field)
                .chain(c.synonyms.iter().copied())
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect()
}

pub(super) fn page(
    state: &AppState,
    ctx: &Ctx,
    upload_id: String,
    roll: Option<Mapped<'_>>,
    shown: Option<&Shown>,
    error: Option<String>,
) -> Response {
    let columns: Vec<ColumnChoice> = roll
        .as_ref()
        .map(|r| {
            r.headers
                .iter()
                .enumerate()
                .map(|(i, h)| ColumnChoice {
                    header: h.clone(),
                    field: r.fields.get(i).copied().unwrap_or(IGNORED),
                    known: tanzim_reports::import::is_known_header(h),
                })
                .collect()
        })
        .unwrap_or_default();
    let no_cin = roll.is_some() && !columns.iter().any(|c| c.field == "cin");
    views::html(ImportPage {
        layout: Layout::new(state, ctx, "import-title"),
        upload_id,
        headers: roll
            .as_ref()
            .map(|r| r.headers.to_vec())
            .unwrap_or_default(),
        preview: roll
            .as_ref()
            .map(|r| r.first_rows.to_vec())
            .unwrap_or_default(),
        rejected: shown
            .map(|s| {
                s.rejected
                    .iter()
                    .map(|(l, r)| (*l, ctx.tr.t(&format!("error-{r}"))))
                    .collect()
            })
            .unwrap_or_default(),
        summary: shown
            .map(|s| {
                let [a, b, c, d, e, f] = s.counts;
                counts_line([a, b, c], [d, e, f])
            })
            .unwrap_or_default(),
        sentence: shown
            .map(|s| sentence(&ctx.tr, s.counts, s.done))
            .unwrap_or_default(),
        referred: shown.map(|s| s.counts[4]).unwrap_or(0),
        done: shown.is_some_and(|s| s.done),
        importing: shown.and_then(|s| s.importing),
        error,
        field_options: if columns.is_empty() {
            Vec::new()
        } else {
            field_options(&ctx.tr)
        },
        columns,
        no_cin,
        accepted: accepted(&ctx.tr),
    })
}
