//! What the reports' pages and API share: the imports, the report as the API gives it, a
//! report and a due report as pages list them, and the figures as labelled lines (the
//! page's language, or Arabic for the PDF). It imports from neither of them.

pub(super) use crate::access::Loaded;
pub(super) use crate::committed::Committed;
pub(super) use crate::ctx::{Ctx, CurrentUser};
pub(super) use crate::error::AppError;
pub(super) use crate::i18n::Tr;
pub(super) use crate::input::{Confirm, parse_json};
pub(super) use crate::problems::{
    BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated,
};
pub(super) use crate::state::AppState;
pub(super) use crate::views::{self, Layout};
pub(super) use askama::Template;
pub(super) use axum::Json;
pub(super) use axum::body::Bytes;
pub(super) use axum::extract::State;
pub(super) use axum::http::header;
pub(super) use axum::response::{IntoResponse, Redirect, Response};
pub(super) use serde::{Deserialize, Serialize};
pub(super) use tanzim_commands::Found;
pub(super) use tanzim_commands::access::InBody;
pub(super) use tanzim_commands::reports::{self as cases, ReportOf};
pub(super) use tanzim_domain::policy::Action;
pub(super) use tanzim_domain::reports::{Figures, ReportKind, ReportStatus};
pub(super) use tanzim_domain::{DomainError, Field};
pub(super) use tanzim_store::bodies::Body;
pub(super) use tanzim_store::meetings::Meeting;
pub(super) use tanzim_store::reports::Report;

/// A report as the API gives it: the record, its Arabic title, when it is due and
/// whether it is late, and its figures (as sent once submitted, as the data says before).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReportView {
    #[serde(flatten)]
    pub report: Report,
    /// «تقرير الأمانة الإقليمية بتازة عن الفصل الأول من سنة 2023».
    pub title_ar: String,
    #[schema(format = Date)]
    pub due_on: String,
    pub late: bool,
    #[schema(value_type = Object)]
    pub figures: Figures,
}

/// The report `r` as it now stands, with its figures.
pub(super) async fn view(state: &AppState, r: &ReportOf) -> Result<ReportView, AppError> {
    let app = state.app();
    let report = cases::read(&app, r.report.id).await?;
    let fresh = ReportOf {
        report,
        body: r.body.clone(),
        parent: r.parent.clone(),
    };
    let figures = cases::figures(&app, &fresh).await?;
    Ok(list_view(state, &fresh.body, fresh.report, figures))
}

pub(super) fn list_view(
    state: &AppState,
    body: &Body,
    report: Report,
    figures: Figures,
) -> ReportView {
    let due = due_on(state, &report);
    ReportView {
        title_ar: cases::title_ar(&state.app(), body, &report),
        due_on: due.to_string(),
        late: tanzim_domain::reports::late(Some(report.status), due, crate::state::today()),
        figures,
        report,
    }
}

pub(super) fn due_on(state: &AppState, r: &Report) -> chrono::NaiveDate {
    tanzim_domain::reports::due_on(r.kind, r.ends_on.date(), &state.profile.reports)
}

/// A report as a page lists it.
pub struct ReportRow {
    pub id: i64,
    pub body_name: String,
    pub parent_name: String,
    pub period: String,
    pub status_key: String,
    pub status: String,
    pub due_on: String,
    pub late: bool,
}

/// A report's period in the page's language: «الفصل 1 من 2023», "T1 2023", a year, or
/// its two days.
pub(super) fn period_words(
    tr: &Tr,
    kind: ReportKind,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> String {
    use chrono::Datelike;
    match kind {
        ReportKind::Quarterly => tr.with(
            "report-period-quarter",
            &[
                ("quarter", &(from.month0() / 3 + 1).to_string()),
                ("year", &from.year().to_string()),
            ],
        ),
        ReportKind::Yearly => tr.with("report-period-year", &[("year", &from.year().to_string())]),
        ReportKind::Meeting => tr.with(
            "report-period-days",
            &[("from", &tr.day(from)), ("to", &tr.day(to))],
        ),
    }
}

pub(super) fn row(state: &AppState, tr: &Tr, r: &Report) -> ReportRow {
    let due = due_on(state, r);
    ReportRow {
        id: r.id,
        body_name: r.body_name.clone(),
        parent_name: r.parent_name.clone(),
        period: period_words(tr, r.kind, r.starts_on.date(), r.ends_on.date()),
        status_key: r.status.as_str().to_owned(),
        status: tr.t(&format!("report-status-{}", r.status.as_str())),
        due_on: tr.day(due),
        late: tanzim_domain::reports::late(Some(r.status), due, crate::state::today()),
    }
}

/// A report an agenda item hears, as the meeting page lists it under the item.
pub struct HeardRow {
    pub id: i64,
    /// «تقرير الأمانة الإقليمية بتازة، الفصل 1 من سنة 2023», in the page's language.
    pub label: String,
    pub status: String,
    /// Whether the reader may open it (a reader of the meeting may not read every report
    /// it hears: a role limited to an organization, say).
    pub link: bool,
}

/// The reports each agenda item of a meeting hears, item by item (`items` of them; a
/// report linked to an item the agenda no longer has is left to the minutes).
pub(crate) async fn heard_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    meeting_id: i64,
    items: usize,
) -> Result<Vec<Vec<HeardRow>>, AppError> {
    let app = state.app();
    let actor = user.actor(ctx);
    let mut out: Vec<Vec<HeardRow>> = (0..items).map(|_| Vec::new()).collect();
    for (seat, r) in cases::heard_at(&app, meeting_id).await? {
        let Some(under) = usize::try_from(seat)
            .ok()
            .and_then(|s| s.checked_sub(1))
            .and_then(|i| out.get_mut(i))
        else {
            continue;
        };
        let link = match tanzim_commands::access::load::<ReportOf>(
            &app,
            &actor,
            Action::ViewMeetings,
            r.id,
        )
        .await
        {
            Ok(_) => true,
            Err(tanzim_commands::Error::NotFound | tanzim_commands::Error::Forbidden) => false,
            Err(e) => return Err(e.into()),
        };
        let period = period_words(&ctx.tr, r.kind, r.starts_on.date(), r.ends_on.date());
        // In Arabic the body as the press names it (الأمانة الإقليمية بتازة), as the
        // minutes do.
        let body = match (
            ctx.lang(),
            tanzim_store::bodies::get(&state.db, r.body_id).await?,
        ) {
            (crate::i18n::Lang::Ar, Some(b)) => {
                tanzim_commands::meetings::press_name_ar(&state.profile, &b)
            }
            _ => r.body_name.clone(),
        };
        under.push(HeardRow {
            id: r.id,
            label: ctx.tr.with(
                "meeting-heard-report",
                &[("body", &body), ("period", &period)],
            ),
            status: ctx.tr.t(&format!("report-status-{}", r.status.as_str())),
            link,
        });
    }
    Ok(out)
}

/// A report owed by a body, as the home page and the parent's page list it.
pub struct DueRow {
    pub body_id: i64,
    pub body_name: String,
    /// Its draft, when it has one.
    pub report_id: Option<i64>,
    pub period: String,
    pub due_on: String,
    pub overdue: bool,
}

pub(super) fn due_row(tr: &Tr, d: &cases::Due) -> DueRow {
    DueRow {
        body_id: d.owed.body_id,
        body_name: d.owed.body_name.clone(),
        report_id: d.owed.report_id,
        period: period_words(tr, d.period.kind, d.period.starts_on, d.period.ends_on),
        due_on: tr.day(d.due_on),
        overdue: d.overdue,
    }
}

/// Reports due and overdue from the bodies whose meetings the user holds (the home page).
pub(crate) async fn due_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    limit: i64,
) -> Result<Vec<DueRow>, AppError> {
    if !user.may(Action::ManageMeetings, None) {
        return Ok(Vec::new());
    }
    let scope = crate::access::scope_for(user, Action::ManageMeetings);
    let due = cases::due_in(&state.app(), &scope, crate::state::today(), limit).await?;
    Ok(due.iter().map(|d| due_row(&ctx.tr, d)).collect())
}

/// The figures as (label, value) lines, in `tr`'s language.
pub(super) fn figure_lines(tr: &Tr, f: &Figures) -> Vec<(String, String)> {
    let n = |x: i64| tr.number(x);
    let pct = |x: Option<f64>| x.map(|x| tr.percent(x)).unwrap_or_else(|| "—".to_owned());
    let mut out = Vec::new();
    for (status, at_end) in &f.members_at_end {
        let at_start = f.members_at_start.get(status).copied().unwrap_or(0);
        if *at_end == 0 && at_start == 0 {
            continue;
        }
        out.push((
            tr.with(
                "report-fig-members",
                &[("status", &tr.t(&format!("status-{status}")))],
            ),
            tr.with(
                "report-fig-change",
                &[("end", &n(*at_end)), ("start", &n(at_start))],
            ),
        ));
    }
    out.push((tr.t("report-fig-new-members"), n(f.new_members)));
    out.push((
        tr.t("report-fig-women"),
        format!("{} ({})", n(f.active_women), pct(f.women_share)),
    ));
    out.push((
        tr.t("report-fig-under-35"),
        format!("{} ({})", n(f.active_under_35), pct(f.under_35_share)),
    ));
    out.push((
        tr.t("report-fig-renewal"),
        tr.with(
            "report-fig-renewal-value",
            &[
                ("rate", &pct(f.renewal_rate)),
                ("renewed", &n(f.renewed)),
                ("last", &n(f.paid_last_year)),
            ],
        ),
    ));
    out.push((
        tr.t("report-fig-meetings"),
        match f.meetings_expected {
            Some(e) => tr.with(
                "report-fig-of-expected",
                &[("held", &n(f.meetings_held)), ("expected", &n(e))],
            ),
            None => n(f.meetings_held),
        },
    ));
    for (key, v) in [
        ("report-fig-activities-planned", f.activities_planned),
        ("report-fig-activities-held", f.activities_held),
        ("report-fig-activities-postponed", f.activities_postponed),
        ("report-fig-activities-cancelled", f.activities_cancelled),
        ("report-fig-communiques", f.communiques_published),
        ("report-fig-bodies-constituted", f.bodies_constituted),
        ("report-fig-bodies-forming", f.bodies_in_formation),
    ] {
        out.push((tr.t(key), n(v)));
    }
    out
}
