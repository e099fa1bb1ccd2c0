//! The reports' pages: a body's reports with the form to draft one, a report's page (its
//! figures, narrative, course, and the agenda item of the parent's meeting that hears it)
//! and its PDF.

use super::api::{DraftInput, HearInput, SectionsInput};
use super::shared::*;
use crate::access::found;
use chrono::Datelike;

#[derive(Template)]
#[template(path = "body_reports.html")]
struct BodyReportsPage {
    layout: Layout,
    body_id: i64,
    body_name: String,
    filed: Vec<ReportRow>,
    received: Vec<ReportRow>,
    late: Vec<DueRow>,
    may_draft: bool,
    year: i32,
    error: Option<String>,
}

pub async fn body_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
) -> Result<Response, AppError> {
    body_reports_page(&state, &ctx, &user, &b, None).await
}

async fn body_reports_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Found<Body>,
    error: Option<AppError>,
) -> Result<Response, AppError> {
    let app = state.app();
    let (filed, received) = cases::of_body(&app, b).await?;
    let late = cases::late_children(&app, b, crate::state::today()).await?;
    let status = error.as_ref().map(AppError::status);
    let mut response = views::html(BodyReportsPage {
        layout: Layout::new(state, ctx, "reports-title"),
        body_id: b.id,
        body_name: b.name.clone(),
        filed: filed.iter().map(|r| row(state, &ctx.tr, r)).collect(),
        received: received.iter().map(|r| row(state, &ctx.tr, r)).collect(),
        late: late.iter().map(|d| due_row(&ctx.tr, d)).collect(),
        may_draft: b.parent_id.is_some() && user.may(Action::ManageMeetings, Some(&b.target())),
        year: crate::state::today().year(),
        error: error.map(|e| e.message(&ctx.tr)),
    });
    if let Some(status) = status {
        *response.status_mut() = status;
    }
    Ok(response)
}

#[derive(Deserialize)]
pub struct DraftForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    quarter: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
}

/// A number typed in a form; anything else is the field's error.
fn number<T: std::str::FromStr>(
    s: &str,
    field: Field,
    code: &'static str,
) -> Result<Option<T>, AppError> {
    match s.trim() {
        "" => Ok(None),
        t => Ok(Some(t.parse().map_err(|_| DomainError::new(field, code))?)),
    }
}

pub async fn draft_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: DraftForm = crate::input::parse_form(&body)?;
        let input = DraftInput {
            kind: form.kind,
            year: number(&form.year, Field::Year, "report-year-invalid")?,
            quarter: number(&form.quarter, Field::Quarter, "report-quarter-invalid")?,
            starts_on: Some(form.starts_on),
            ends_on: Some(form.ends_on),
        }
        .parse()?;
        Ok::<_, AppError>(cases::draft(&state.app(), &user.actor(&ctx), &b, &input).await?)
    }
    .await;
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/reports/{id}")).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            // The page reads the body's reports, which holding its meetings includes.
            let b = found::<Body>(&state, &ctx, &user, Action::ViewMeetings, b.id).await?;
            body_reports_page(&state, &ctx, &user, &b, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    layout: Layout,
    r: ReportRow,
    title_ar: String,
    body_id: i64,
    parent_id: i64,
    lines: Vec<(String, String)>,
    as_of: String,
    achievements: String,
    difficulties: String,
    requests: String,
    review_comment: Option<String>,
    submitted_on: Option<String>,
    may_edit: bool,
    may_review: bool,
    /// The open agenda items of the parent's meetings that may hear it: (value, label).
    hear_options: Vec<(String, String)>,
    /// The agenda items that hear it.
    heard_at: Vec<(i64, String)>,
    error: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
) -> Result<Response, AppError> {
    report_page(&state, &ctx, &user, &r, None).await
}

async fn report_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    found: &ReportOf,
    error: Option<AppError>,
) -> Result<Response, AppError> {
    let v = view(state, found).await?;
    let report = &v.report;
    let manages = |b: &Body| user.may(Action::ManageMeetings, Some(&b.target()));
    let may_review = report.status == ReportStatus::Submitted && manages(&found.parent);
    let mut hear_options = Vec::new();
    if manages(&found.parent) && report.status != ReportStatus::Draft {
        for m in tanzim_store::meetings::of_body(&state.db, found.parent.id).await? {
            if m.locked() {
                continue;
            }
            let agenda = tanzim_store::meetings::agenda(&state.db, m.id).await?;
            for (i, item) in agenda.iter().enumerate() {
                hear_options.push((
                    format!("{}:{}", m.id, i + 1),
                    format!("{} — {}. {item}", ctx.tr.day(m.held_on.date()), i + 1),
                ));
            }
        }
    }
    let heard_at = tanzim_store::reports::hearings_of(&state.db, report.id).await?;
    let status = error.as_ref().map(AppError::status);
    let mut response = views::html(ReportPage {
        layout: Layout::new(state, ctx, "report-title"),
        r: row(state, &ctx.tr, report),
        title_ar: v.title_ar.clone(),
        body_id: found.body.id,
        parent_id: found.parent.id,
        lines: figure_lines(&ctx.tr, &v.figures),
        as_of: ctx.tr.day(report.ends_on.date()),
        achievements: report.achievements.clone(),
        difficulties: report.difficulties.clone(),
        requests: report.requests.clone(),
        review_comment: report.review_comment.clone(),
        submitted_on: report.submitted_on.map(|d| ctx.tr.day(d.date())),
        may_edit: report.status.open() && manages(&found.body),
        may_review,
        hear_options,
        heard_at: heard_at
            .into_iter()
            .map(|(meeting, seat)| {
                (
                    meeting,
                    ctx.tr
                        .with("report-heard-item", &[("seat", &seat.to_string())]),
                )
            })
            .collect(),
        error: error.map(|e| e.message(&ctx.tr)),
    });
    if let Some(status) = status {
        *response.status_mut() = status;
    }
    Ok(response)
}

/// After a form on a report's page: the page again, with the reason when it failed.
async fn back_to_report(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    r: &ReportOf,
    result: Result<(), AppError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/reports/{}", r.report.id)).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            report_page(state, ctx, user, r, Some(e)).await
        }
        Err(e) => Err(e),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: SectionsInput = crate::input::parse_form(&body)?;
        Ok(cases::edit(&state.app(), &user.actor(&ctx), &r, &form.parse()).await?)
    }
    .await;
    back_to_report(&state, &ctx, &user, &r, result).await
}

pub async fn submit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: Confirm = crate::input::parse_form(&body)?;
        form.check()?;
        Ok(cases::submit(&state.app(), &user.actor(&ctx), &r, crate::state::today()).await?)
    }
    .await;
    back_to_report(&state, &ctx, &user, &r, result).await
}

pub async fn acknowledge_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: Confirm = crate::input::parse_form(&body)?;
        form.check()?;
        Ok(cases::acknowledge(&state.app(), &user.actor(&ctx), &r, crate::state::today()).await?)
    }
    .await;
    back_to_report(&state, &ctx, &user, &r, result).await
}

#[derive(Deserialize)]
pub struct ReturnForm {
    #[serde(default)]
    comment: String,
}

pub async fn return_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: ReturnForm = crate::input::parse_form(&body)?;
        let app = state.app();
        Ok(cases::return_to_body(
            &app,
            &user.actor(&ctx),
            &r,
            &form.comment,
            crate::state::today(),
        )
        .await?)
    }
    .await;
    back_to_report(&state, &ctx, &user, &r, result).await
}

#[derive(Deserialize)]
pub struct HearForm {
    /// `meeting:seat`.
    #[serde(default)]
    item: String,
}

/// The report page's form: an agenda item of one of the parent's meetings hears it. The
/// meeting is a second target, loaded for holding its meetings.
pub async fn hear_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(r): Loaded<ReportOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result = async {
        let form: HearForm = crate::input::parse_form(&body)?;
        let unknown = || AppError::from(DomainError::new(Field::AgendaItem, "agenda-item-unknown"));
        let (meeting, seat) = form.item.split_once(':').ok_or_else(unknown)?;
        let meeting: i64 = meeting.parse().map_err(|_| unknown())?;
        let m =
            found::<InBody<Meeting>>(&state, &ctx, &user, Action::ManageMeetings, meeting).await?;
        let input = HearInput {
            seat: Some(seat.parse().map_err(|_| unknown())?),
            report_id: Some(r.report.id),
        }
        .parse()?;
        Ok(cases::hear(&state.app(), &user.actor(&ctx), &m, &input).await?)
    }
    .await;
    back_to_report(&state, &ctx, &user, &r, result).await
}

/// The report as a PDF in Arabic (the document of record whatever the page's language):
/// its title, to whom, the figures as of its end, and the narrative.
pub async fn report_pdf(
    State(state): State<AppState>,
    Loaded(found): Loaded<ReportOf>,
) -> Result<Response, AppError> {
    let v = view(&state, &found).await?;
    let ar = Tr::new(state.i18n.clone(), crate::i18n::Lang::Ar);
    let r = &v.report;
    let organization = state
        .profile
        .organization(&found.body.organization)
        .map(|o| o.name.ar.clone())
        .unwrap_or_default();
    let status_line = match r.submitted_on {
        Some(on) if !r.status.open() => {
            ar.with("report-submitted-on", &[("date", &ar.day(on.date()))])
        }
        _ => ar.t(&format!("report-status-{}", r.status.as_str())),
    };
    let mut parts = vec![
        format!(
            "{}: {}",
            ar.t("report-sent-to"),
            tanzim_commands::meetings::press_name_ar(&state.profile, &found.parent)
        ),
        format!(
            "{}\n{}",
            ar.with(
                "report-figures-as-of",
                &[("date", &ar.day(r.ends_on.date()))]
            ),
            figure_lines(&ar, &v.figures)
                .iter()
                .map(|(label, value)| format!("- {label}: {value}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    ];
    for (key, text) in [
        ("field-achievements", &r.achievements),
        ("field-difficulties", &r.difficulties),
        ("field-report-requests", &r.requests),
    ] {
        if !text.trim().is_empty() {
            parts.push(format!("{}:\n{}", ar.t(key), text.trim()));
        }
    }
    if let Some(c) = r
        .review_comment
        .as_deref()
        .filter(|_| r.status == ReportStatus::Returned)
    {
        parts.push(format!("{}:\n{c}", ar.t("report-return-comment")));
    }
    let text = parts.join("\n\n");
    let (title, page) = (v.title_ar.clone(), ar.t("pdf-page"));
    let pdf = tokio::task::spawn_blocking(move || {
        tanzim_pdf::minutes(&tanzim_pdf::MinutesDoc {
            lang: "ar",
            organization: &organization,
            title: &title,
            status_line: &status_line,
            text: &text,
            amendments_heading: "",
            amendments: &[],
            page_label: &page,
        })
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"report-{}.pdf\"", r.id),
            ),
        ],
        pdf,
    )
        .into_response())
}

pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    let view = Policy(Action::ViewMeetings, T::Report);
    let manage = Policy(Action::ManageMeetings, T::Report);
    vec![
        route(
            "GET",
            "/bodies/{id}/reports",
            Policy(Action::ViewMeetings, T::Body),
            get(body_page),
        ),
        route(
            "POST",
            "/bodies/{id}/reports",
            Policy(Action::ManageMeetings, T::Body),
            post(draft_form),
        ),
        route("GET", "/reports/{id}", view, get(show)),
        route("GET", "/reports/{id}/report.pdf", view, get(report_pdf)),
        route("POST", "/reports/{id}/edit", manage, post(edit_form)),
        route("POST", "/reports/{id}/submit", manage, post(submit_form)),
        route(
            "POST",
            "/reports/{id}/acknowledge",
            manage,
            post(acknowledge_form),
        ),
        route("POST", "/reports/{id}/return", manage, post(return_form)),
        route("POST", "/reports/{id}/hear", manage, post(hear_form)),
    ]
}
