//! What every page shares: the layout (language, direction, navigation by permission,
//! language switcher) and rendering a template into a response.

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use tanzim_domain::policy::Action;

pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub active: bool,
}

pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

pub struct Layout {
    pub tr: Tr,
    pub title: String,
    pub user_name: Option<String>,
    pub csrf: String,
    pub nav: Vec<NavItem>,
    pub langs: Vec<LangLink>,
}

impl Layout {
    pub fn new(_state: &AppState, ctx: &Ctx, title_key: &str) -> Layout {
        let tr = ctx.tr.clone();
        let path_only = ctx.path.split('?').next().unwrap_or("/");
        let mut nav = Vec::new();
        if let Some(user) = &ctx.user {
            let may = |a: Action| user.may(a, None);
            let mut add = |href: &'static str, key: &str| {
                let active = if href == "/" {
                    path_only == "/"
                } else {
                    path_only.starts_with(href)
                };
                nav.push(NavItem {
                    href,
                    label: tr.t(key),
                    active,
                });
            };
            add("/", "nav-home");
            if may(Action::ViewTerritories) {
                add("/territories", "nav-territories");
            }
            if may(Action::ViewBodies) {
                add("/bodies", "nav-bodies");
            }
            if may(Action::ViewMembers) {
                add("/members", "nav-members");
            }
            if may(Action::ViewContacts) {
                add("/contacts", "nav-contacts");
            }
            if may(Action::ViewApplications) {
                add("/applications", "nav-applications");
            }
            if may(Action::ViewCases) {
                add("/cases", "nav-cases");
            }
            if may(Action::ViewCampaigns) {
                add("/campaigns", "nav-campaigns");
            }
            if may(Action::ViewStats) {
                add("/stats", "nav-stats");
            }
            if may(Action::ViewUsers) {
                add("/users", "nav-users");
            }
            if may(Action::ViewAudit) {
                add("/audit", "nav-audit");
            }
            add("/account", "nav-account");
        }
        let next = url::form_urlencoded::byte_serialize(ctx.path.as_bytes()).collect::<String>();
        let langs = Lang::ALL
            .iter()
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                href: format!("/lang/{}?next={next}", l.code()),
                current: *l == ctx.lang(),
            })
            .collect();
        Layout {
            title: tr.t(title_key),
            tr,
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            csrf: ctx.user.as_ref().map(|u| u.csrf()).unwrap_or_default(),
            nav,
            langs,
        }
    }
    pub fn lang(&self) -> &'static str {
        self.tr.lang.code()
    }
    pub fn dir(&self) -> &'static str {
        self.tr.lang.dir()
    }
}

/// Renders a page; a template error is logged and answered with a plain 500.
pub fn html(page: impl Template) -> Response {
    match page.render() {
        Ok(body) => Html(body).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A link target that stays on this site (`/path`, never `//host` or `https://`).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        // Browsers drop tabs and newlines from URLs, so "/\t/evil" would become "//evil".
        Some(n)
            if n.starts_with('/')
                && !n[1..].starts_with(['/', '\\'])
                && !n.contains('\\')
                && !n.chars().any(|c| c.is_control() || c.is_whitespace()) =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// One option of a select list.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Pager links for a list page.
pub struct Pager {
    pub page: u32,
    pub pages: u32,
    pub total: i64,
    /// More match than `total` counts (a search's count stops at a cap).
    pub capped: bool,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    /// `base` is the list's URL with its filters, ending in `?` or `&`.
    pub fn new<T>(paged: &tanzim_store::Paged<T>, base: &str) -> Pager {
        let pages = paged.pages();
        Pager {
            page: paged.page,
            pages,
            total: paged.total,
            capped: paged.capped,
            prev: (paged.page > 1).then(|| format!("{base}page={}", paged.page - 1)),
            next: (paged.page < pages).then(|| format!("{base}page={}", paged.page + 1)),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub status: u16,
    /// The stable error code, for scripts and tests reading the page.
    pub code: &'static str,
    pub message: String,
}

/// Labels of a profile entry in the page's language.
pub fn label(l: &tanzim_domain::org::Label, tr: &Tr) -> String {
    l.get(tr.lang.code()).to_owned()
}

/// Validation messages by field, for a form shown again beside what was typed.
#[derive(Default)]
pub struct FormErrors(Vec<(String, String)>);

impl FormErrors {
    pub fn from_domain(errors: &[tanzim_domain::DomainError], tr: &Tr) -> FormErrors {
        FormErrors(
            errors
                .iter()
                .map(|e| {
                    (
                        e.field.map(|f| f.as_str()).unwrap_or("").to_owned(),
                        domain_message(tr, e),
                    )
                })
                .collect(),
        )
    }
    /// One message not tied to a field (a conflict, a refusal).
    pub fn general(message: String) -> FormErrors {
        FormErrors(vec![(String::new(), message)])
    }
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
    pub fn all(&self) -> Vec<&str> {
        self.0.iter().map(|(_, m)| m.as_str()).collect()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The label a form shows for a field, where a message names the field it is about.
fn field_label_key(field: tanzim_domain::Field) -> Option<&'static str> {
    use tanzim_domain::Field as F;
    Some(match field {
        F::Territory => "field-territory",
        F::Scope => "field-scope",
        F::Commune => "field-commune",
        F::Organization => "field-organization",
        F::BodyKind => "field-body-kind",
        F::Parent => "field-parent",
        F::BodyName => "field-body-name",
        _ => return None,
    })
}

/// A broken rule's message in the page's language. Its message may name the field
/// (`$field`) and, for a name of several territories, list them (`$candidates`).
pub fn domain_message(tr: &Tr, e: &tanzim_domain::DomainError) -> String {
    let field = e
        .field
        .and_then(field_label_key)
        .map(|k| tr.t(k))
        .unwrap_or_default();
    let candidates = crate::places::candidates(tr, &e.candidates);
    tr.with(
        &format!("error-{}", e.code),
        &[("field", &field), ("candidates", &candidates)],
    )
}

/// The message preceded by the label of its field ("نوع الهيئة: ..."), for a form's
/// summary of what is wrong, where the message is not beside its field.
pub fn field_message(tr: &Tr, e: &tanzim_domain::DomainError) -> String {
    let message = domain_message(tr, e);
    match e.field.and_then(field_label_key) {
        Some(key) if !message.contains(&tr.t(key)) => format!("{}: {message}", tr.t(key)),
        _ => message,
    }
}

/// A refusal as a form shows it above itself: a broken rule names its field.
pub fn error_message(tr: &Tr, error: &AppError) -> String {
    match error {
        AppError::Invalid(e) => field_message(tr, e),
        other => tr.t(&format!("error-{}", other.code())),
    }
}

/// An error as the client sees it: JSON for the API, a redirect to sign in or to confirm the
/// password, or a localized page.
pub fn render_error(state: &AppState, ctx: &Ctx, error: AppError) -> Response {
    if let AppError::Internal(cause) = &error {
        tracing::error!(path = %ctx.path, %cause, "internal error");
    }
    let message = match &error {
        AppError::Invalid(e) => domain_message(&ctx.tr, e),
        _ => ctx.tr.t(&format!("error-{}", error.code())),
    };
    if ctx.api {
        let (field, candidates) = match &error {
            AppError::Invalid(e) => (e.field.map(|f| f.as_str()), e.candidates.as_slice()),
            _ => (None, &[][..]),
        };
        let mut body =
            serde_json::json!({ "error": error.code(), "message": message, "field": field });
        if !candidates.is_empty() {
            body["candidates"] = serde_json::json!(candidates);
        }
        return (error.status(), axum::Json(body)).into_response();
    }
    if matches!(error, AppError::Unauthenticated) {
        let next = url::form_urlencoded::byte_serialize(ctx.path.as_bytes()).collect::<String>();
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    if let AppError::ReauthRequired(back) = &error {
        let next = url::form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>();
        return Redirect::to(&format!("/account/confirm?next={next}")).into_response();
    }
    let page = ErrorPage {
        layout: Layout::new(state, ctx, "error-title"),
        status: error.status().as_u16(),
        code: error.code(),
        message,
    };
    (error.status(), html(page)).into_response()
}
