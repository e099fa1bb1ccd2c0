//! What the pages and the API of cases both call: opening a case, hearings, documents and their download, the decision, the scoped list, the audited read.

use super::shared::*;
use crate::access::found;
use crate::access::permit;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::Request;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tanzim_commands::{self as commands, Found};
use tanzim_domain::discipline::{self as rules, CaseStatus, Outcome};
use tanzim_domain::policy::{Action, decide};
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::Body;
use tanzim_store::discipline::{self as store, Case, CaseQuery};
use tanzim_store::{Page, Paged};

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
pub(super) async fn open_case(
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

pub(super) async fn add_hearing(
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
pub(super) async fn add_document(
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
pub(super) fn ext_value(name: &str) -> String {
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
pub(super) async fn download(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    case_id: i64,
    document_id: i64,
) -> Result<Response, AppError> {
    let c = found::<Case>(state, ctx, user, Action::ViewCases, case_id)
        .await?
        .into_inner();
    let (doc, content) = store::document(&state.db, &c, document_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let read = tanzim_commands::reads::Read::CaseDocument(&c, doc.id);
    tanzim_commands::reads::record(&state.app(), &user.actor(ctx), read).await?;
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

pub(super) async fn check_decision(
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
pub(super) async fn record_decision(
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

#[derive(Deserialize, Default)]
pub struct ListQuery {
    /// Only this member's cases.
    pub(super) member: Option<i64>,
    /// `open`, `decided`; any when absent or `all`.
    pub(super) status: Option<String>,
    pub(super) page: Option<u32>,
    pub(super) page_size: Option<u32>,
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

pub(super) async fn list(
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

pub(super) async fn audit_read(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: &Case,
) -> Result<(), AppError> {
    Ok(tanzim_commands::reads::record(
        &state.app(),
        &user.actor(ctx),
        tanzim_commands::reads::Read::Case(c),
    )
    .await?)
}
