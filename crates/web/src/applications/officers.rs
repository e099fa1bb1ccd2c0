//! The officers' side: the committee's queue, entry of an application by an officer, an application with its duplicate check, acceptance and rejection.

use super::public::{apply_page, file};
use super::shared::*;
use crate::access::Loaded;
use crate::access::found;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::parse_form;
use crate::state::AppState;
use crate::views::Choice;
use crate::views::{self, FormErrors, Layout, Pager};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_commands as commands;
use tanzim_domain::members::Cin;
use tanzim_domain::policy::{Action, Decision, decide};
use tanzim_store::Page;
use tanzim_store::applications::{self, Application};
use tanzim_store::members::{self, Member};

#[derive(Deserialize)]
pub struct QueueQuery {
    pub(super) status: Option<String>,
    pub(super) page: Option<u32>,
    pub(super) page_size: Option<u32>,
}

pub struct AppRow {
    pub id: i64,
    pub reference: String,
    pub name: String,
    pub commune: String,
    pub submitted: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "applications.html")]
pub(super) struct QueuePage {
    layout: Layout,
    rows: Vec<AppRow>,
    pager: Pager,
    tabs: Vec<Choice>,
    may_enter: bool,
}

pub(super) fn status_filter(s: Option<&str>) -> Option<&'static str> {
    match s.unwrap_or("pending") {
        "accepted" => Some("accepted"),
        "rejected" => Some("rejected"),
        "all" => None,
        _ => Some("pending"),
    }
}

pub async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<QueueQuery>,
) -> Result<Response, AppError> {
    let status = status_filter(q.status.as_deref());
    let scope = crate::access::scope_for(&user, Action::ViewApplications);
    let paged =
        applications::list(&state.db, &scope, status, Page::new(q.page, q.page_size)).await?;
    let rows = paged
        .items
        .iter()
        .map(|a| AppRow {
            id: a.id,
            reference: a.reference.clone(),
            name: a.display_name(ctx.lang().code()),
            commune: (if ctx.lang() == crate::i18n::Lang::Ar {
                &a.person.commune_name_ar
            } else {
                &a.person.commune_name_fr
            })
            .clone()
            .unwrap_or_default(),
            submitted: ctx.tr.date(a.submitted_at),
            status: ctx.tr.t(&format!("application-{}", a.status)),
        })
        .collect();
    let current = status.unwrap_or("all");
    let tabs = ["pending", "accepted", "rejected", "all"]
        .iter()
        .map(|s| Choice {
            value: (*s).to_owned(),
            label: ctx.tr.t(&format!("applications-tab-{s}")),
            selected: *s == current,
        })
        .collect();
    Ok(views::html(QueuePage {
        layout: Layout::new(&state, &ctx, "applications-title"),
        pager: Pager::new(&paged, &format!("/applications?status={current}&")),
        rows,
        tabs,
        may_enter: user.may(Action::EnterApplication, None),
    }))
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    apply_page(
        &state,
        &ctx,
        false,
        &ApplicationForm::default(),
        FormErrors::default(),
    )
    .await
}

/// The commune must be in the officer's scope to enter an application for it.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: ApplicationForm = parse_form(&body)?;
    match file(&state, &ctx, &form, Some(&user)).await? {
        Ok(filed) => Ok(Redirect::to(&format!("/applications/{}", filed.id)).into_response()),
        Err(errors) => {
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let mut response = apply_page(&state, &ctx, false, &form, errors).await?;
            *response.status_mut() = status;
            Ok(response)
        }
    }
}

/// The membership committee competent for an application: the one constituted by the body
/// of the profile's committee level where the applicant lives (the committee's decisions
/// are recorded as its own).
pub(super) async fn competent_committee(
    state: &AppState,
    a: &Application,
) -> Result<Option<(tanzim_store::meetings::Committee, String)>, AppError> {
    Ok(commands::applications::competent_committee(&state.app(), a).await?)
}

/// The policy's decision on an application; deciding it also takes the competent
/// committee (the profile's level, province by default) unless the user is an
/// administrator covering it.
pub(crate) fn application_decision(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    a: &Application,
) -> Decision {
    tanzim_domain::policy::decide_application(
        &user.principal,
        action,
        &a.target(),
        state.profile.membership.committee_level,
    )
}

#[derive(Template)]
#[template(path = "application.html")]
pub(super) struct ShowPage {
    layout: Layout,
    a: Application,
    name: String,
    commune: String,
    submitted: String,
    status: String,
    source: String,
    sex: String,
    /// The birth date as Moroccans write it.
    born: String,
    duplicates: Vec<Member>,
    other_applications: Vec<Application>,
    may_decide: bool,
    /// The membership committee that decided it, or the one competent while pending:
    /// "its name, its body: its members".
    committee: Option<String>,
    errors: FormErrors,
}

pub(super) async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    a: Application,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let may_decide = a.is_pending()
        && application_decision(state, user, Action::DecideApplications, &a) == Decision::Allow;
    let (duplicates, other_applications) = if may_decide {
        let key = tanzim_store::members::name_key(
            &check_person(state, &a.as_input())
                .await
                .map(|(p, _)| p)
                .map_err(AppError::first_invalid)?,
        );
        // Duplicates outside the committee's scope are neither shown nor counted: a name
        // and a birth date must not tell whether someone is a member elsewhere. Accepting
        // one whose CIN is registered elsewhere refers it to whoever covers both.
        let dups: Vec<Member> =
            members::possible_duplicates(&state.db, &a.person.cin, &key, &a.birth_date.to_string())
                .await?
                .into_iter()
                .filter(|m| {
                    crate::access::member_decision(state, user, Action::ViewMembers, m)
                        == Decision::Allow
                })
                .map(|m| {
                    if crate::access::sees_contact(state, user, &m) {
                        m
                    } else {
                        m.without_contact()
                    }
                })
                .collect();
        let cin = Cin::parse(&a.person.cin)?;
        // Other applications with this CIN, only those the committee may see.
        let others = applications::same_cin(&state.db, &cin, a.id)
            .await?
            .into_iter()
            .filter(|o| {
                application_decision(state, user, Action::ViewApplications, o) == Decision::Allow
            })
            .collect();
        (dups, others)
    } else {
        (Vec::new(), Vec::new())
    };
    let committee = match a.committee_id {
        Some(id) => tanzim_store::meetings::committee(&state.db, id).await?,
        None if a.is_pending() => competent_committee(state, &a).await?,
        None => None,
    }
    .map(|(c, body)| {
        let name = format!("{} – {body}", ctx.tr.t("committee-membership"));
        if c.members.is_empty() {
            name
        } else {
            format!("{name}: {}", c.members)
        }
    });
    Ok(views::html(ShowPage {
        committee,
        born: ctx.tr.day(a.birth_date.date()),
        layout: Layout::new(state, ctx, "application-title"),
        name: a.display_name(ctx.lang().code()),
        commune: (if ctx.lang() == crate::i18n::Lang::Ar {
            &a.person.commune_name_ar
        } else {
            &a.person.commune_name_fr
        })
        .clone()
        .unwrap_or_default(),
        submitted: ctx.tr.datetime(a.submitted_at),
        status: ctx.tr.t(&format!("application-{}", a.status)),
        source: ctx.tr.t(&format!("application-source-{}", a.source)),
        sex: ctx.tr.t(&format!("sex-{}", a.person.sex)),
        duplicates,
        other_applications,
        may_decide,
        errors,
        a,
    }))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let a = found::<Application>(&state, &ctx, &user, Action::ViewApplications, id)
        .await?
        .into_inner();
    tanzim_commands::reads::record(
        &state.app(),
        &user.actor(&ctx),
        tanzim_commands::reads::Read::Application(&a),
    )
    .await?;
    show_page(&state, &ctx, &user, a, FormErrors::default()).await
}

/// Accepts an application: the member is created with its number, in one transaction.
pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<Application>,
) -> Result<Response, AppError> {
    let id = a.id;
    match commands::applications::accept(&state.app(), &user.actor(&ctx), &a).await {
        Ok(member) => {
            // Committee members may not open member pages of other roles; they stay here.
            let to = if decide(&user.principal, Action::ViewMembers, Some(&a.target()))
                == Decision::Allow
            {
                format!("/members/{member}")
            } else {
                format!("/applications/{id}")
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(e @ (commands::Error::Invalid(_) | commands::Error::Conflict(_))) => {
            let e = AppError::from(e);
            let errors = match &e {
                AppError::Invalid(d) => FormErrors::from_domain(std::slice::from_ref(d), &ctx.tr),
                other => FormErrors::general(ctx.tr.t(&format!("error-{}", other.code()))),
            };
            let mut response = show_page(&state, &ctx, &user, a.into_inner(), errors).await?;
            *response.status_mut() = e.status();
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Rejection {
    pub reason: String,
}

pub async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<Application>,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = a.id;
    let input: Rejection = parse_form(&body)?;
    match commands::applications::reject(&state.app(), &user.actor(&ctx), &a, &input.reason).await {
        Ok(()) => Ok(Redirect::to(&format!("/applications/{id}")).into_response()),
        Err(commands::Error::Invalid(e)) => {
            let mut response = show_page(
                &state,
                &ctx,
                &user,
                a.into_inner(),
                FormErrors::from_domain(&[e], &ctx.tr),
            )
            .await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}
