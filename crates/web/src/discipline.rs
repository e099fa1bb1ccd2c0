//! Disciplinary cases: the cases in the user's scope, a body's cases with the form to open
//! one, a case's page (hearings, documents, the decision, confirmed before it suspends or
//! expels), document downloads, and the cases API. Only the ethics committee and
//! administrators reach any of it (see `policy`).

use crate::access::Loaded;
use crate::access::found;
use crate::access::permit;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::{parse_form, parse_json};
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::{AppState, today};
use crate::views::Choice;
use crate::views::{self, Layout, Pager};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use tanzim_commands::{self as commands, Found};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::discipline::{self as rules, CaseStatus, Outcome};
use tanzim_domain::members::parse_date;
use tanzim_domain::policy::{Action, Decision, decide};
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::Body;
use tanzim_store::discipline::{self as store, Case, CaseQuery, Document, Hearing};
use tanzim_store::members::Member;
use tanzim_store::{Page, Paged};

fn allowed(user: &CurrentUser, action: Action, c: &Case) -> bool {
    decide(&user.principal, action, Some(&c.target())) == Decision::Allow
}

/// A form's optional date.
fn optional_day(input: Option<&str>) -> Result<Option<NaiveDate>, DomainError> {
    input
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|d| parse_date(d, Field::Date))
        .transpose()
}

/// A date as stored (YYYY-MM-DD) as Moroccans write it.
fn shown(ctx: &Ctx, stored: &str) -> String {
    parse_date(stored, Field::Date)
        .map(|d| ctx.tr.day(d))
        .unwrap_or_else(|_| stored.to_owned())
}

/// `confirm` as pages (`yes`) and the API (`true`, or the string) send it.
fn yes<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum BoolOrText {
        Bool(bool),
        Text(String),
    }
    Ok(match Option::<BoolOrText>::deserialize(d)? {
        Some(BoolOrText::Bool(b)) => b,
        Some(BoolOrText::Text(s)) => matches!(s.trim(), "yes" | "true"),
        None => false,
    })
}

// ---- opening a case ----

#[derive(Deserialize, Default, Clone, utoipa::ToSchema)]
pub struct OpenCase {
    /// The member concerned: their id...
    #[serde(default, deserialize_with = "crate::input::empty_as_none")]
    pub member_id: Option<i64>,
    /// ...or their membership number as on the card (`05091-000123`).
    #[serde(default)]
    pub member_number: Option<String>,
    /// What the member is reproached with.
    #[serde(default)]
    pub grounds: String,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub opened_on: Option<String>,
}

/// Opens a case before the body's ethics committee: the body must have one, and the member
/// must be one it judges (an unknown member and one outside its jurisdiction look the same).
async fn open_case(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Found<Body>,
    input: &OpenCase,
) -> Result<i64, AppError> {
    let open = commands::discipline::OpenCase {
        member_id: input.member_id,
        member_number: input
            .member_number
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        grounds: input.grounds.clone(),
        opened_on: optional_day(input.opened_on.as_deref())?,
    };
    Ok(commands::discipline::open(&state.app(), &user.actor(ctx), b, &open).await?)
}

// ---- hearings and documents ----

#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct HearingInput {
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub held_on: Option<String>,
    /// Who was heard: the member, a complainant, a witness.
    #[serde(default)]
    pub heard: String,
    /// What they said.
    #[serde(default)]
    pub summary: String,
}

async fn add_hearing(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: &Found<Case>,
    input: &HearingInput,
) -> Result<(), AppError> {
    let hearing = commands::discipline::Hearing {
        held_on: optional_day(input.held_on.as_deref())?,
        heard: input.heard.clone(),
        summary: input.summary.clone(),
    };
    Ok(commands::discipline::add_hearing(&state.app(), &user.actor(ctx), c, &hearing).await?)
}

/// A document as uploaded: a multipart form with `title` and `file` (and `csrf` from pages).
#[derive(utoipa::ToSchema)]
pub struct DocumentUpload {
    pub title: String,
    /// At most 5 MiB. PDF, images, text and office documents keep their type; anything else
    /// is stored as `application/octet-stream`.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}

/// Reads the upload (only once the user is known to be allowed) and files the document.
async fn add_document(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: &Found<Case>,
    request: Request,
) -> Result<i64, AppError> {
    // The whole request, up to what the server accepts at all; the file's own limit is the
    // domain's, so that a file too large gets its message rather than a cut connection.
    let mut multipart =
        <axum::extract::Multipart as axum::extract::FromRequest<AppState>>::from_request(
            request, state,
        )
        .await
        .map_err(|_| AppError::BadRequest("malformed-input"))?;
    let (mut title, mut file) = (String::new(), None);
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest("malformed-input"))?
    {
        match field.name() {
            Some("title") => {
                title = crate::input::clean_text(&field.text().await.unwrap_or_default())?
            }
            Some("file") => {
                let name = rules::document_file_name(field.file_name().unwrap_or_default());
                let kind = rules::document_content_type(field.content_type());
                let content = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::BadRequest("malformed-input"))?;
                file = Some((name, kind, content));
            }
            _ => {}
        }
    }
    let document = commands::discipline::Document {
        title,
        file: file.map(|(name, kind, content)| (name, kind, content.to_vec())),
    };
    Ok(commands::discipline::add_document(&state.app(), &user.actor(ctx), c, &document).await?)
}

/// `filename*` of RFC 6266 / 8187: UTF-8, percent-encoded but for the attribute characters.
fn ext_value(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A document's bytes as an attachment with its stored type, never shown inline: the
/// download is audited like a read of the case.
async fn download(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    case_id: i64,
    document_id: i64,
) -> Result<Response, AppError> {
    let c = found::<Case>(state, ctx, user, Action::ViewCases, case_id)
        .await?
        .into_inner();
    let (doc, content) = store::document(&state.db, c.id, document_id)
        .await?
        .ok_or(AppError::NotFound)?;
    state
        .audit
        .append(
            &user
                .actor(ctx)
                .audit(AuditAction::CaseDocumentDownloaded)
                .target_of("case", c.id, &c.target())
                .detail(serde_json::json!({ "document": doc.id })),
        )
        .await?;
    // Plain ASCII names go as they are; others keep an ASCII stand-in for old clients.
    let plain = doc
        .file_name
        .chars()
        .all(|ch| ch.is_ascii_graphic() || ch == ' ');
    let fallback = if plain {
        doc.file_name.clone()
    } else {
        let extension = doc
            .file_name
            .rsplit_once('.')
            .map(|(_, e)| e)
            .filter(|e| e.chars().all(|ch| ch.is_ascii_alphanumeric()))
            .map(|e| format!(".{e}"))
            .unwrap_or_default();
        format!("document-{}{extension}", doc.id)
    };
    let disposition = format!(
        "attachment; filename=\"{fallback}\"; filename*=UTF-8''{}",
        ext_value(&doc.file_name)
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                rules::document_content_type(Some(&doc.content_type)).to_owned(),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_owned(),
            ),
        ],
        content,
    )
        .into_response())
}

// ---- the decision ----

#[derive(Deserialize, Default, Clone, utoipa::ToSchema)]
pub struct CaseDecisionInput {
    /// `no_action`, `warning`, `suspension` or `expulsion`.
    #[serde(default)]
    pub decision: String,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    pub decided_on: Option<String>,
    /// YYYY-MM-DD, the day a suspension ends (after the decision's date); suspension only.
    #[serde(default)]
    pub until: Option<String>,
    /// The decision's reasons.
    #[serde(default)]
    pub reasons: String,
    /// `true` (`yes` from pages): required for a suspension or an expulsion, which change
    /// the member's status.
    #[serde(default, deserialize_with = "yes")]
    #[schema(value_type = Option<bool>)]
    pub confirm: bool,
}

use commands::discipline::Checked;

async fn check_decision(
    state: &AppState,
    c: &Found<Case>,
    input: &CaseDecisionInput,
) -> Result<Checked, AppError> {
    let decide = commands::discipline::Decide {
        outcome: Outcome::parse(&input.decision, input.until.as_deref())?,
        decided_on: optional_day(input.decided_on.as_deref())?,
        reasons: input.reasons.clone(),
    };
    Ok(commands::discipline::check_decision(&state.app(), c, &decide).await?)
}

/// Records a checked decision: the case, and the member's status change when there is one,
/// in one transaction (see `store::decide`).
async fn record_decision(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: &Found<Case>,
    checked: &Checked,
) -> Result<(), AppError> {
    // The member's history is read by every officer: it says who decided, not why; and in
    // Arabic, the organization's language of record (like the minutes), whatever the
    // language of the page the decision was taken from.
    let history_reason = crate::i18n::Tr::new(state.i18n.clone(), crate::i18n::Lang::Ar)
        .with("case-history-reason", &[("body", c.body_name.as_str())]);
    let app = state.app();
    Ok(commands::discipline::decide(&app, &user.actor(ctx), c, checked, &history_reason).await?)
}

// ---- API ----

#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseList {
    pub items: Vec<Case>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

impl From<Paged<Case>> for CaseList {
    fn from(p: Paged<Case>) -> Self {
        CaseList {
            items: p.items,
            total: p.total,
            page: p.page,
            page_size: p.page_size,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub case: Case,
    pub hearings: Vec<Hearing>,
    pub documents: Vec<Document>,
}

async fn detail(state: &AppState, id: i64) -> Result<CaseDetail, AppError> {
    Ok(CaseDetail {
        case: store::get(&state.db, id).await?.ok_or(AppError::NotFound)?,
        hearings: store::hearings(&state.db, id).await?,
        documents: store::documents(&state.db, id).await?,
    })
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    /// Only this member's cases.
    member: Option<i64>,
    /// `open`, `decided`; any when absent or `all`.
    status: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
}

impl ListQuery {
    fn status(&self) -> Result<Option<CaseStatus>, AppError> {
        match self
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty() && *s != "all")
        {
            Some(s) => Ok(Some(CaseStatus::parse(s).ok_or(AppError::Invalid(
                DomainError::new(Field::Status, "status-invalid"),
            ))?)),
            None => Ok(None),
        }
    }
}

async fn list(
    state: &AppState,
    user: &CurrentUser,
    body_id: Option<i64>,
    q: &ListQuery,
    page_size: Option<u32>,
) -> Result<Paged<Case>, AppError> {
    permit(decide(&user.principal, Action::ViewCases, None))?;
    let query = CaseQuery {
        body_id,
        member_id: q.member,
        status: q.status()?,
    };
    Ok(store::list(
        &state.db,
        &crate::access::scope_for(user, Action::ViewCases),
        &query,
        Page::new(q.page, q.page_size.or(page_size)),
    )
    .await?)
}

/// The disciplinary cases in the caller's scope, open ones first.
#[utoipa::path(get, path = "/api/v1/cases", tag = "discipline",
    params(("member" = Option<i64>, Query, description = "only this member's cases"),
           ("status" = Option<String>, Query, description = "open or decided"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = CaseList), BadRequest, Unauthenticated, Forbidden, Invalid), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Json<CaseList>, AppError> {
    Ok(Json(list(&state, &user, None, &q, None).await?.into()))
}

/// A body's disciplinary cases.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/cases", tag = "discipline", params(("id" = i64, Path),
           ("status" = Option<String>, Query, description = "open or decided"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = CaseList), BadRequest, Unauthenticated, Forbidden, NotFound, Invalid), security(("bearer" = [])))]
pub async fn api_body_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Loaded(body): Loaded<tanzim_store::bodies::Body>,
    Query(q): Query<ListQuery>,
) -> Result<Json<CaseList>, AppError> {
    let b = body.into_inner();
    Ok(Json(
        list(&state, &user, Some(b.id), &q, None).await?.into(),
    ))
}

/// Opens a case about a member before the body's ethics committee (409 when the body has
/// none).
#[utoipa::path(post, path = "/api/v1/bodies/{id}/cases", tag = "discipline", params(("id" = i64, Path)), request_body = OpenCase,
    responses((status = 201, body = CaseDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_open(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: OpenCase = parse_json(&body)?;
    let cid = open_case(&state, &ctx, &user, &b, &input).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, cid).await?)).into_response())
}

/// A case with its hearings and documents (the read is audited).
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "discipline", params(("id" = i64, Path)),
    responses((status = 200, body = CaseDetail), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<CaseDetail>, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ViewCases, id)
        .await?
        .into_inner();
    audit_read(&state, &ctx, &user, &c).await?;
    Ok(Json(detail(&state, c.id).await?))
}

async fn audit_read(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: &Case,
) -> Result<(), AppError> {
    Ok(state
        .audit
        .append(&user.actor(ctx).audit(AuditAction::CaseViewed).target(
            "case",
            c.id,
            Some(c.target().path),
        ))
        .await?)
}

/// Records a hearing of an open case.
#[utoipa::path(post, path = "/api/v1/cases/{id}/hearings", tag = "discipline", params(("id" = i64, Path)), request_body = HearingInput,
    responses((status = 201, body = CaseDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_hearing(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: HearingInput = parse_json(&body)?;
    add_hearing(&state, &ctx, &user, &c, &input).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, c.id).await?)).into_response())
}

/// Files a document in an open case (multipart: `title`, `file`).
#[utoipa::path(post, path = "/api/v1/cases/{id}/documents", tag = "discipline", params(("id" = i64, Path)),
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = Document), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_document(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    request: Request,
) -> Result<Response, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let did = add_document(&state, &ctx, &user, &c, request).await?;
    let doc = store::documents(&state.db, c.id)
        .await?
        .into_iter()
        .find(|d| d.id == did)
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(doc)).into_response())
}

/// A document's bytes, as an attachment with its stored content type (the download is
/// audited).
#[utoipa::path(get, path = "/api/v1/cases/{id}/documents/{document_id}", tag = "discipline",
    params(("id" = i64, Path), ("document_id" = i64, Path)),
    responses((status = 200, description = "The document, as an attachment"), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_download(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path((id, document_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    download(&state, &ctx, &user, id, document_id).await
}

/// Decides an open case. A suspension or an expulsion changes the member's status in the
/// same transaction (their history names the case) and needs `"confirm": true`; a second
/// decision is 409.
#[utoipa::path(post, path = "/api/v1/cases/{id}/decision", tag = "discipline", params(("id" = i64, Path)), request_body = CaseDecisionInput,
    responses((status = 200, body = CaseDetail), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_decide(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Json<CaseDetail>, AppError> {
    let c = found::<Case>(&state, &ctx, &user, Action::ManageCases, id).await?;
    let input: CaseDecisionInput = parse_json(&body)?;
    let checked = check_decision(&state, &c, &input).await?;
    if checked.outcome.changes_status() && !input.confirm {
        return Err(AppError::BadRequest("confirmation-required"));
    }
    record_decision(&state, &ctx, &user, &c, &checked).await?;
    Ok(Json(detail(&state, c.id).await?))
}

// ---- pages ----

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

fn case_row(ctx: &Ctx, c: &Case) -> CaseRow {
    CaseRow {
        id: c.id,
        member: c.member_name(ctx.lang().code()),
        number: c.member_number.clone(),
        body: c.body_name.clone(),
        opened_on: shown(ctx, &c.opened_on),
        open: c.is_open(),
        state: match &c.decision {
            Some(d) => ctx.tr.t(&format!("case-outcome-{d}")),
            None => ctx.tr.t(&format!("case-status-{}", c.status)),
        },
    }
}

#[derive(Template)]
#[template(path = "cases.html")]
struct CasesPage {
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
struct BodyCasesPage {
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

async fn body_cases_page(
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
        may_manage: b.is_active()
            && decide(&user.principal, Action::ManageCases, Some(&b.target())) == Decision::Allow,
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
struct CasePage {
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

async fn case_page(
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
async fn back_to_case(
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

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/cases",
            Policy(Action::ViewCases, T::None),
            get(index),
        ),
        route(
            "GET",
            "/bodies/{id}/cases",
            Policy(Action::ViewCases, T::Body),
            get(body_page),
        ),
        route(
            "POST",
            "/bodies/{id}/cases",
            Policy(Action::ManageCases, T::Body),
            post(open_form),
        ),
        route(
            "GET",
            "/cases/{id}",
            Policy(Action::ViewCases, T::Case),
            get(show),
        ),
        route(
            "POST",
            "/cases/{id}/hearings",
            Policy(Action::ManageCases, T::Case),
            post(hearing_form),
        ),
        route(
            "POST",
            "/cases/{id}/documents",
            Policy(Action::ManageCases, T::Case),
            post(document_form),
        ),
        route(
            "GET",
            "/cases/{id}/documents/{document_id}",
            Policy(Action::ViewCases, T::Case),
            get(download_page),
        ),
        route(
            "POST",
            "/cases/{id}/decision",
            Policy(Action::ManageCases, T::Case),
            post(decision_form),
        ),
        route(
            "GET",
            "/api/v1/cases",
            Policy(Action::ViewCases, T::None),
            get(api_list),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}/cases",
            Policy(Action::ViewCases, T::Body),
            get(api_body_list),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/cases",
            Policy(Action::ManageCases, T::Body),
            post(api_open),
        ),
        route(
            "GET",
            "/api/v1/cases/{id}",
            Policy(Action::ViewCases, T::Case),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/hearings",
            Policy(Action::ManageCases, T::Case),
            post(api_hearing),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/documents",
            Policy(Action::ManageCases, T::Case),
            post(api_document),
        ),
        route(
            "GET",
            "/api/v1/cases/{id}/documents/{document_id}",
            Policy(Action::ViewCases, T::Case),
            get(api_download),
        ),
        route(
            "POST",
            "/api/v1/cases/{id}/decision",
            Policy(Action::ManageCases, T::Case),
            post(api_decide),
        ),
    ]
}
