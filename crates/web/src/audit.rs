//! Browsing the audit log (administrators, within their scope). Nothing here edits it.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::problems::{BadRequest, Forbidden, Unauthenticated};
use crate::state::AppState;
use crate::views::{self, Layout, Pager};
use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::policy::Action;
use tanzim_store::audit::{self, AuditQuery, AuditRecord};
use tanzim_store::{Page, Paged};

#[derive(Deserialize, Default)]
pub struct Filter {
    actor: Option<String>,
    action: Option<String>,
    /// YYYY-MM-DD, inclusive.
    from: Option<String>,
    /// YYYY-MM-DD, inclusive.
    to: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
}

fn day_start(s: Option<&str>) -> Option<i64> {
    let d = NaiveDate::parse_from_str(s?.trim(), "%Y-%m-%d").ok()?;
    Some(d.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

async fn entries(
    state: &AppState,
    user: &CurrentUser,
    f: &Filter,
) -> Result<Paged<AuditRecord>, AppError> {
    if !user.may(Action::ViewAudit, None) {
        return Err(AppError::Forbidden);
    }
    // As for members: a role limited to the party itself covers every record, one limited
    // to an affiliate the records of that affiliate.
    let scope = crate::access::member_scope(state, user, Action::ViewAudit);
    let q = AuditQuery {
        actor: f
            .actor
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
        action: f.action.as_deref().and_then(AuditAction::parse),
        since: day_start(f.from.as_deref()),
        until: day_start(f.to.as_deref()).map(|t| t + 86_400),
    };
    Ok(audit::list(&state.db, &scope, &q, Page::new(f.page, f.page_size)).await?)
}

pub struct Row {
    pub at: String,
    pub actor: String,
    pub action: String,
    /// What the entry is about, in words: "طلب انخراط رقم 99".
    pub target: String,
    /// Its page, when it has one.
    pub link: Option<String>,
    pub address: String,
    /// The details as "label: value" phrases, in the page's language.
    pub detail: String,
}

/// An entry's subject in words: its kind named in the page's language, and its number.
fn subject(tr: &crate::i18n::Tr, kind: &str, id: &str) -> String {
    let key = format!("audit-kind-{kind}");
    let name = match tr.t(&key) {
        missing if missing == key => kind.to_owned(),
        name => name,
    };
    tr.with("audit-subject", &[("kind", &name), ("id", id)])
}

/// The page of a subject, for those who may open it (the page itself decides).
fn link(kind: &str, id: &str) -> Option<String> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let path = match kind {
        "member" => format!("/members/{id}"),
        "application" => format!("/applications/{id}"),
        "body" => format!("/bodies/{id}"),
        "campaign" => format!("/campaigns/{id}"),
        "case" => format!("/cases/{id}"),
        "meeting" => format!("/meetings/{id}"),
        "report" => format!("/reports/{id}"),
        "payment" => format!("/payments/{id}/receipt"),
        "user" => format!("/users/{id}"),
        _ => return None,
    };
    Some(path)
}

/// An entry's details (stored as JSON) as phrases: each field named in the page's language
/// ("السنة: 2026 · المبلغ: 100"), lists joined, the rest as written.
fn detail_in_words(tr: &crate::i18n::Tr, detail: &str) -> String {
    let Ok(serde_json::Value::Object(fields)) = serde_json::from_str::<serde_json::Value>(detail)
    else {
        return String::new();
    };
    let value = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| match i {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("، "),
        serde_json::Value::Bool(true) => tr.t("audit-yes"),
        serde_json::Value::Bool(false) => tr.t("audit-no"),
        other => other.to_string(),
    };
    fields
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| {
            let key = format!("audit-field-{k}");
            let label = match tr.t(&key) {
                missing if missing == key => k.replace('_', " "),
                label => label,
            };
            // Amounts are kept in centimes: written in dirhams.
            let written = match (k.as_str(), v.as_i64(), v.as_str()) {
                ("amount", Some(centimes), _) => {
                    format!("{} {}", tr.amount(centimes), tr.t("currency"))
                }
                ("method", _, Some(m)) => tr.t(&format!("method-{m}")),
                _ => value(v),
            };
            tr.with("audit-pair", &[("label", &label), ("value", &written)])
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    rows: Vec<Row>,
    pager: Pager,
    actions: Vec<crate::views::Choice>,
    actor: String,
    from: String,
    to: String,
}

pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(f): Query<Filter>,
) -> Result<Response, AppError> {
    let paged = entries(&state, &user, &f).await?;
    let rows = paged
        .items
        .iter()
        .map(|e| Row {
            at: ctx.tr.datetime(e.at),
            actor: e.actor.clone(),
            action: ctx.tr.t(&format!("audit-{}", e.action)),
            target: match (&e.target_kind, &e.target_id) {
                (Some(k), Some(id)) => subject(&ctx.tr, k, id),
                _ => String::new(),
            },
            link: match (&e.target_kind, &e.target_id) {
                (Some(k), Some(id)) => link(k, id),
                _ => None,
            },
            address: e.address.clone().unwrap_or_default(),
            detail: detail_in_words(&ctx.tr, &e.detail),
        })
        .collect();
    let enc = |s: &Option<String>| {
        url::form_urlencoded::byte_serialize(s.as_deref().unwrap_or("").as_bytes())
            .collect::<String>()
    };
    let base = format!(
        "/audit?actor={}&action={}&from={}&to={}&",
        enc(&f.actor),
        enc(&f.action),
        enc(&f.from),
        enc(&f.to)
    );
    let selected = f.action.clone().unwrap_or_default();
    let mut actions = vec![crate::views::Choice {
        value: String::new(),
        label: ctx.tr.t("audit-any-action"),
        selected: selected.is_empty(),
    }];
    actions.extend(AuditAction::ALL.iter().map(|a| crate::views::Choice {
        value: a.as_str().to_owned(),
        label: ctx.tr.t(&format!("audit-{}", a.as_str())),
        selected: a.as_str() == selected,
    }));
    let page = AuditPage {
        layout: Layout::new(&state, &ctx, "audit-title"),
        pager: Pager::new(&paged, &base),
        rows,
        actions,
        actor: f.actor.unwrap_or_default(),
        from: f.from.unwrap_or_default(),
        to: f.to.unwrap_or_default(),
    };
    Ok(views::html(page))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditList {
    pub items: Vec<AuditRecord>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Audit entries in the caller's scope, newest first (administrators).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit",
    params(("actor" = Option<String>, Query), ("action" = Option<String>, Query),
           ("from" = Option<String>, Query, description = "YYYY-MM-DD"), ("to" = Option<String>, Query, description = "YYYY-MM-DD"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = AuditList), BadRequest, Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(f): Query<Filter>,
) -> Result<Json<AuditList>, AppError> {
    let p = entries(&state, &user, &f).await?;
    Ok(Json(AuditList {
        items: p.items,
        total: p.total,
        page: p.page,
        page_size: p.page_size,
    }))
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/audit",
            Policy(Action::ViewAudit, T::None),
            get(index),
        ),
        route(
            "GET",
            "/api/v1/audit",
            Policy(Action::ViewAudit, T::None),
            get(api_list),
        ),
    ]
}
