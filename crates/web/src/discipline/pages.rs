//! The pages of disciplinary cases: the lists, a case with its forms, the confirmations.

use super::cases::*;
use super::shared::*;
use crate::access::found;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_form;
use crate::state::{AppState, today};
use crate::views::Choice;
use crate::views::{self, Layout, Pager};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_domain::discipline::{self as rules, Outcome};
use tanzim_domain::policy::Action;
use tanzim_store::bodies::Body;
use tanzim_store::discipline::{self as store, Case, Hearing};
use tanzim_store::members::Member;

pub struct CaseRow {
    pub id: i64,
    pub member: String,
    pub number: String,
    pub body: String,
    pub opened_on: String,
    pub open: bool,
    /// The status, or the decision once decided.
    pub state: String,
}

pub(super) fn case_row(ctx: &Ctx, c: &Case) -> CaseRow {
    CaseRow {
        id: c.id,
        member: c.member_name(ctx.lang().code()),
        number: c.member_number.clone(),
        body: c.body_name.clone(),
        opened_on: shown(ctx, &c.opened_on),
        open: c.is_open(),
        state: match &c.decision {
            Some(d) => ctx.tr.t(&format!("case-outcome-{d}")),
            None => ctx.tr.t(&format!("case-status-{}", c.status.as_str())),
        },
    }
}

#[derive(Template)]
#[template(path = "cases.html")]
pub(super) struct CasesPage {
    layout: Layout,
    rows: Vec<CaseRow>,
    pager: Pager,
    tabs: Vec<Choice>,
    /// The member the list is about (`?member=`), with their name when visible.
    member: Option<(i64, String)>,
}

/// The cases in the user's scope (a member's, with `?member=`), by status.
pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let paged = list(&state, &user, None, &q, Some(20)).await?;
    let member = match q.member {
        Some(id) => {
            match crate::access::found::<Member>(&state, &ctx, &user, Action::ViewMembers, id).await
            {
                Ok(m) => Some((m.id, m.display_name(ctx.lang().code()))),
                Err(AppError::NotFound | AppError::Forbidden) => None,
                Err(e) => return Err(e),
            }
        }
        None => None,
    };
    let selected = q.status.clone().unwrap_or_else(|| "all".to_owned());
    let member_filter = q.member.map(|m| format!("member={m}&")).unwrap_or_default();
    let tabs = ["all", "open", "decided"]
        .iter()
        .map(|t| Choice {
            value: format!("{member_filter}status={t}"),
            label: ctx.tr.t(&format!("cases-tab-{t}")),
            selected: *t == selected,
        })
        .collect();
    Ok(views::html(CasesPage {
        layout: Layout::new(&state, &ctx, "cases-title"),
        rows: paged.items.iter().map(|c| case_row(&ctx, c)).collect(),
        pager: Pager::new(&paged, &format!("/cases?{member_filter}status={selected}&")),
        tabs,
        member,
    }))
}

#[derive(Template)]
#[template(path = "body_cases.html")]
pub(super) struct BodyCasesPage {
    layout: Layout,
    body_id: i64,
    body_name: String,
    rows: Vec<CaseRow>,
    pager: Pager,
    may_manage: bool,
    has_committee: bool,
    today: String,
    error: Option<String>,
    /// What was typed, shown again beside the error.
    draft: OpenCase,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<u32>,
}

/// A body's cases, with the form to open one.
pub async fn body_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    body_cases_page(&state, &ctx, &user, id, q.page, None, OpenCase::default()).await
}

pub(super) async fn body_cases_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    page: Option<u32>,
    error: Option<AppError>,
    draft: OpenCase,
) -> Result<Response, AppError> {
    let b =
        crate::access::found::<tanzim_store::bodies::Body>(state, ctx, user, Action::ViewCases, id)
            .await?
            .into_inner();
    let q = ListQuery {
        page,
        ..ListQuery::default()
    };
    let paged = list(state, user, Some(b.id), &q, Some(20)).await?;
    let status = error.as_ref().map(AppError::status);
    let mut response = views::html(BodyCasesPage {
        layout: Layout::new(state, ctx, "cases-of-body"),
        body_id: b.id,
        body_name: b.name.clone(),
        rows: paged.items.iter().map(|c| case_row(ctx, c)).collect(),
        pager: Pager::new(&paged, &format!("/bodies/{}/cases?", b.id)),
        may_manage: b.is_active() && user.may(Action::ManageCases, Some(&b.target())),
        has_committee: store::ethics_committee(&state.db, b.id).await?.is_some(),
        today: today().to_string(),
        error: error.map(|e| e.message(&ctx.tr)),
        draft,
    });
    if let Some(status) = status {
        *response.status_mut() = status;
    }
    Ok(response)
}

/// The body page's form: opens a case and goes to it.
pub async fn open_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: OpenCase = parse_form(&body)?;
    match open_case(&state, &ctx, &user, &b, &input).await {
        Ok(cid) => Ok(Redirect::to(&format!("/cases/{cid}")).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            body_cases_page(&state, &ctx, &user, id, None, Some(e), input).await
        }
        Err(e) => Err(e),
    }
}

pub struct DocumentRow {
    pub id: i64,
    pub title: String,
    pub file_name: String,
    pub size: String,
    pub uploaded: String,
}

/// The decision as the case page shows it.
pub struct DecisionView {
    pub outcome: String,
    pub decided_on: String,
    pub until: Option<String>,
    pub reasons: String,
    /// How the member can be notified: the contact details on file when it was decided.
    pub notify: String,
}

/// A grave decision waiting for its confirmation.
pub struct Confirmation {
    /// What will happen, in words.
    pub summary: String,
}

#[derive(Template)]
#[template(path = "case.html")]
pub(super) struct CasePage {
    layout: Layout,
    c: Case,
    member_name: String,
    /// The member's current status, when the user may see the member.
    member_status: Option<String>,
    opened_on: String,
    state: String,
    hearings: Vec<(String, Hearing)>,
    documents: Vec<DocumentRow>,
    decision: Option<DecisionView>,
    may_manage: bool,
    outcomes: Vec<(String, String)>,
    today: String,
    max_mb: usize,
    error: Option<String>,
    /// The decision as typed (shown again after an error, and carried by the confirmation).
    draft: CaseDecisionInput,
    confirmation: Option<Confirmation>,
}

/// A case's page: the record with its forms.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ViewCases, id)
        .await?
        .into_inner();
    audit_read(&state, &ctx, &user, &c).await?;
    case_page(
        &state,
        &ctx,
        &user,
        c,
        None,
        CaseDecisionInput::default(),
        None,
    )
    .await
}

pub(super) async fn case_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: Case,
    error: Option<AppError>,
    draft: CaseDecisionInput,
    confirmation: Option<Confirmation>,
) -> Result<Response, AppError> {
    let lang = ctx.lang().code();
    let member_status =
        match crate::access::found::<Member>(state, ctx, user, Action::ViewMembers, c.member_id)
            .await
        {
            Ok(m) => Some(ctx.tr.t(&format!("status-{}", m.status))),
            Err(AppError::NotFound | AppError::Forbidden) => None,
            Err(e) => return Err(e),
        };
    let hearings = store::hearings(&state.db, c.id)
        .await?
        .into_iter()
        .map(|h| (shown(ctx, &h.held_on), h))
        .collect();
    let documents = store::documents(&state.db, c.id)
        .await?
        .into_iter()
        .map(|d| DocumentRow {
            id: d.id,
            title: d.title,
            file_name: d.file_name,
            size: ctx.tr.with(
                "case-document-size",
                &[("kb", &ctx.tr.number((d.size + 1023) / 1024))],
            ),
            uploaded: ctx.tr.datetime(d.uploaded_at),
        })
        .collect();
    let decision = c.decision.as_ref().map(|d| DecisionView {
        outcome: ctx.tr.t(&format!("case-outcome-{d}")),
        decided_on: c
            .decided_on
            .as_deref()
            .map(|d| shown(ctx, d))
            .unwrap_or_default(),
        until: c.suspended_until.as_deref().map(|d| shown(ctx, d)),
        reasons: c.reasons.clone().unwrap_or_default(),
        notify: ctx.tr.t(
            match (
                c.notify_phone.unwrap_or(false),
                c.notify_email.unwrap_or(false),
            ) {
                (true, true) => "case-notify-phone-email",
                (true, false) => "case-notify-phone",
                (false, true) => "case-notify-email",
                (false, false) => "case-notify-none",
            },
        ),
    });
    let status = error.as_ref().map(AppError::status);
    let mut response = views::html(CasePage {
        layout: Layout::new(state, ctx, "case-title"),
        member_name: c.member_name(lang),
        member_status,
        opened_on: shown(ctx, &c.opened_on),
        state: case_row(ctx, &c).state,
        hearings,
        documents,
        decision,
        may_manage: c.is_open() && allowed(user, Action::ManageCases, &c),
        outcomes: Outcome::KINDS
            .iter()
            .map(|k| ((*k).to_owned(), ctx.tr.t(&format!("case-outcome-{k}"))))
            .collect(),
        today: today().to_string(),
        max_mb: rules::MAX_DOCUMENT_BYTES / (1024 * 1024),
        error: error.map(|e| e.message(&ctx.tr)),
        draft,
        confirmation,
        c,
    });
    if let Some(status) = status {
        *response.status_mut() = status;
    }
    Ok(response)
}

/// After a form on the case page: back to it, or the page again with the reason.
pub(super) async fn back_to_case(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
    result: Result<(), AppError>,
    draft: CaseDecisionInput,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            let c = found::<Case>(state, ctx, user, Action::ViewCases, id)
                .await?
                .into_inner();
            case_page(state, ctx, user, c, Some(e), draft, None).await
        }
        Err(e) => Err(e),
    }
}

pub async fn hearing_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: HearingInput = parse_form(&body)?;
    let result = add_hearing(&state, &ctx, &user, &c, &input).await;
    back_to_case(
        &state,
        &ctx,
        &user,
        id,
        result,
        CaseDecisionInput::default(),
    )
    .await
}

pub async fn document_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let result = add_document(&state, &ctx, &user, &c, request)
        .await
        .map(|_| ());
    back_to_case(
        &state,
        &ctx,
        &user,
        id,
        result,
        CaseDecisionInput::default(),
    )
    .await
}

pub async fn download_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, document_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    download(&state, &ctx, &user, id, document_id).await
}

/// The decision form. A suspension or an expulsion is shown back for confirmation first,
/// with what it will do; nothing is written until it is confirmed.
pub async fn decision_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: CaseDecisionInput = parse_form(&body)?;
    let checked = match check_decision(&state, &c, &input).await {
        Ok(checked) => checked,
        Err(e) => return back_to_case(&state, &ctx, &user, id, Err(e), input).await,
    };
    if checked.outcome.changes_status() && !input.confirm {
        let name = c.member_name(ctx.lang().code());
        let summary = match checked.outcome {
            Outcome::Suspension { until } => ctx.tr.with(
                "case-confirm-suspension",
                &[("member", &name), ("until", &ctx.tr.day(until))],
            ),
            _ => ctx.tr.with("case-confirm-expulsion", &[("member", &name)]),
        };
        return case_page(
            &state,
            &ctx,
            &user,
            c.into_inner(),
            None,
            input,
            Some(Confirmation { summary }),
        )
        .await;
    }
    let result = record_decision(&state, &ctx, &user, &c, &checked).await;
    back_to_case(&state, &ctx, &user, id, result, input).await
}
