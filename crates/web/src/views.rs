//! What every page shares: the layout (language, direction, navigation by permission,
//! language switcher) and rendering a template into a response.

use crate::AppState;
use crate::auth::Ctx;
use crate::i18n::{Lang, Tr};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use tanzim_domain::policy::{Action, Decision, decide};

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
            let may = |a: Action| decide(&user.principal, a, None) == Decision::Allow;
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
                        tr.t(&format!("error-{}", e.code)),
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
