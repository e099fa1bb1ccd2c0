//! Applications for membership: the public form (no account, three languages, consent,
//! honeypot and rate limit), the status check by reference, officers' entry, and the
//! membership committee's queue, duplicate check and decision.

use crate::access::Loaded;
use crate::access::found;
use crate::access::permit;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::{parse_form, parse_json};
use crate::members::PersonInputDoc;
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use crate::views::Choice;
use crate::views::{self, FormErrors, Layout, Pager};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands as commands;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members::{self as rules, Cin, Person};
use tanzim_domain::policy::{Action, Decision, Target, decide};
use tanzim_domain::territory::TerritoryCode;
use tanzim_domain::{DomainError, Field};
use tanzim_store::applications::{self, Application, NewApplication};
use tanzim_store::audit::AuditEntry;
use tanzim_store::members::{self, Member};
use tanzim_store::{Page, territory};

/// A reference an applicant can keep: 10 characters from an alphabet without look-alikes.
pub fn new_reference() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..10)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// What the forms send: the person's fields, consents, and the honeypot.
#[derive(Deserialize, Default)]
pub struct ApplicationForm {
    #[serde(flatten)]
    pub person: PersonFields,
    #[serde(default)]
    pub consent: Option<String>,
    #[serde(default)]
    pub consent_contact: Option<String>,
    #[serde(default)]
    pub consent_public: Option<String>,
    /// Hidden from people by the stylesheet; a bot that fills it is refused.
    #[serde(default)]
    pub website: Option<String>,
    /// The province chosen first, to list its communes.
    #[serde(default)]
    pub province: Option<String>,
}

/// The person fields as a form sends them (all text).
#[derive(Deserialize, Default, Clone)]
pub struct PersonFields {
    #[serde(default)]
    pub first_name_ar: String,
    #[serde(default)]
    pub last_name_ar: String,
    #[serde(default)]
    pub first_name_lat: String,
    #[serde(default)]
    pub last_name_lat: String,
    #[serde(default)]
    pub sex: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub cin: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub commune: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub profession: String,
    #[serde(default)]
    pub education: String,
    #[serde(default)]
    pub women: Option<String>,
    #[serde(default)]
    pub youth: Option<String>,
}

impl PersonFields {
    fn to_input(&self) -> rules::PersonInput {
        let opt = |s: &str| Some(s.to_owned()).filter(|s| !s.trim().is_empty());
        let affiliations: Vec<&str> = [("women", &self.women), ("youth", &self.youth)]
            .iter()
            .filter(|(_, v)| v.is_some())
            .map(|(k, _)| *k)
            .collect();
        rules::PersonInput {
            first_name_ar: opt(&self.first_name_ar),
            last_name_ar: opt(&self.last_name_ar),
            first_name_lat: opt(&self.first_name_lat),
            last_name_lat: opt(&self.last_name_lat),
            sex: self.sex.clone(),
            birth_date: self.birth_date.clone(),
            cin: self.cin.clone(),
            phone: opt(&self.phone),
            email: opt(&self.email),
            commune: self.commune.clone(),
            address: opt(&self.address),
            profession: opt(&self.profession),
            education: opt(&self.education),
            affiliations: Some(affiliations.join(",")),
        }
    }
}

/// Checks a person and the commune; returns the person and the commune's path.
async fn check_person(
    state: &AppState,
    input: &rules::PersonInput,
) -> Result<(Person, tanzim_store::territory::Territory), Vec<DomainError>> {
    commands::members::check_person(&state.app(), input).await
}

pub struct Province {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "apply.html")]
struct ApplyPage {
    layout: Layout,
    csrf: String,
    action: &'static str,
    public: bool,
    f: PersonFields,
    provinces: Vec<Province>,
    communes: Vec<Choice>,
    educations: Vec<Choice>,
    consent_version: String,
    errors: FormErrors,
}

async fn provinces(state: &AppState, ctx: &Ctx, selected: &str) -> Result<Vec<Province>, AppError> {
    let mut out = Vec::new();
    for region in territory::children(&state.db, None).await? {
        let code = TerritoryCode::parse(&region.code)?;
        for p in territory::children(&state.db, Some(&code)).await? {
            out.push(Province {
                label: format!(
                    "{} — {}",
                    p.name(ctx.lang().code()),
                    region.name(ctx.lang().code())
                ),
                selected: p.code == selected,
                code: p.code,
            });
        }
    }
    Ok(out)
}

/// The communes (and arrondissements) of a province, as options.
async fn communes(
    state: &AppState,
    ctx: &Ctx,
    province: &str,
    selected: &str,
) -> Result<Vec<Choice>, AppError> {
    let Ok(code) = TerritoryCode::parse(province) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for c in territory::children(&state.db, Some(&code)).await? {
        let arrondissements =
            territory::children(&state.db, Some(&TerritoryCode::parse(&c.code)?)).await?;
        if arrondissements.is_empty() {
            out.push(Choice {
                selected: c.code == selected,
                label: c.name(ctx.lang().code()).to_owned(),
                value: c.code,
            });
        } else {
            for a in arrondissements {
                out.push(Choice {
                    selected: a.code == selected,
                    label: format!(
                        "{} — {}",
                        c.name(ctx.lang().code()),
                        a.name(ctx.lang().code())
                    ),
                    value: a.code,
                });
            }
        }
    }
    Ok(out)
}

async fn apply_page(
    state: &AppState,
    ctx: &Ctx,
    public: bool,
    form: &ApplicationForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let f = form.person.clone();
    let province = form
        .province
        .clone()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| f.commune.split('.').take(2).collect::<Vec<_>>().join("."));
    let educations = rules::EDUCATION_LEVELS
        .iter()
        .map(|e| Choice {
            value: (*e).to_owned(),
            label: ctx.tr.t(&format!("education-{e}")),
            selected: *e == f.education,
        })
        .collect();
    let page = ApplyPage {
        layout: Layout::new(
            state,
            ctx,
            if public {
                "apply-title"
            } else {
                "applications-new-title"
            },
        ),
        // A signed-in user's forms carry the session's token, an anonymous visitor's the
        // pre-session one (the middleware checks whichever applies).
        csrf: ctx
            .user
            .as_ref()
            .map(|u| u.csrf())
            .unwrap_or_else(|| ctx.pre_session_form_token()),
        action: if public { "/apply" } else { "/applications" },
        public,
        provinces: provinces(state, ctx, &province).await?,
        communes: communes(state, ctx, &province, &f.commune).await?,
        educations,
        consent_version: state.profile.membership.consent_version.clone(),
        errors,
        f,
    };
    Ok(views::html(page))
}

pub async fn public_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    apply_page(
        &state,
        &ctx,
        true,
        &ApplicationForm::default(),
        FormErrors::default(),
    )
    .await
}

#[derive(Deserialize)]
pub struct ProvinceQuery {
    province: Option<String>,
}

/// The commune options of a province (the form's second step, fetched by htmx).
pub async fn commune_options(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ProvinceQuery>,
) -> Result<Response, AppError> {
    let options = communes(&state, &ctx, q.province.as_deref().unwrap_or(""), "").await?;
    let mut html = String::new();
    for o in options {
        html.push_str(&format!(
            "<option value=\"{}\">{}</option>",
            escape(&o.value),
            escape(&o.label)
        ));
    }
    Ok(axum::response::Html(html).into_response())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Files an application from a form; on a rule broken, the form again with the messages.
async fn file(
    state: &AppState,
    ctx: &Ctx,
    form: &ApplicationForm,
    source: &str,
    entered_by: Option<i64>,
    audit: AuditEntry,
) -> Result<Result<String, FormErrors>, AppError> {
    // "Show communes" (no script): the form again, one step further.
    if form.person.commune.is_empty() && form.province.as_deref().is_some_and(|p| !p.is_empty()) {
        return Ok(Err(FormErrors::default()));
    }
    let (person, commune) = match check_person(state, &form.person.to_input()).await {
        Ok(ok) => ok,
        Err(errors) => return Ok(Err(FormErrors::from_domain(&errors, &ctx.tr))),
    };
    if source == "public" && form.consent.is_none() {
        return Ok(Err(FormErrors::from_domain(
            &[DomainError::new(Field::Consent, "consent-required")],
            &ctx.tr,
        )));
    }
    let reference = new_reference();
    let path = commune.territory_path();
    let new = NewApplication {
        reference: &reference,
        source,
        person: &person,
        path: &path,
        consent_contact: form.consent_contact.is_some(),
        consent_public: form.consent_public.is_some(),
        consent_version: &state.profile.membership.consent_version,
        entered_by,
    };
    match applications::create(&state.db, &new, audit).await {
        Ok(_) => Ok(Ok(reference)),
        Err(tanzim_store::StoreError::Conflict(code)) => Ok(Err(FormErrors::from_domain(
            &[DomainError::new(Field::Cin, code)],
            &ctx.tr,
        ))),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "apply_done.html")]
struct DonePage {
    layout: Layout,
    reference: String,
}

pub async fn submit_public(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: ApplicationForm = parse_form(&body)?;
    if form.website.as_deref().is_some_and(|w| !w.is_empty()) {
        // A bot filled the hidden field: answer as if accepted, file nothing.
        return Ok(views::html(DonePage {
            layout: Layout::new(&state, &ctx, "apply-done-title"),
            reference: new_reference(),
        }));
    }
    if !state.apply_limit.allow(&ctx.address) {
        return Err(AppError::Throttled);
    }
    let entry = AuditEntry::new(
        None,
        "public",
        AuditAction::ApplicationSubmitted,
        Some(&ctx.address),
    );
    match file(&state, &ctx, &form, "public", None, entry).await? {
        Ok(reference) => Ok(views::html(DonePage {
            layout: Layout::new(&state, &ctx, "apply-done-title"),
            reference,
        })),
        Err(errors) => {
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let mut response = apply_page(&state, &ctx, true, &form, errors).await?;
            *response.status_mut() = status;
            Ok(response)
        }
    }
}

#[derive(Template)]
#[template(path = "apply_status.html")]
struct StatusPage {
    layout: Layout,
    reference: String,
    state: Option<String>,
    searched: bool,
}

#[derive(Deserialize)]
pub struct ReferenceQuery {
    reference: Option<String>,
}

/// An applicant checks where the application stands, by its reference; nothing else shown.
pub async fn public_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ReferenceQuery>,
) -> Result<Response, AppError> {
    let reference = q.reference.unwrap_or_default().trim().to_ascii_uppercase();
    let found = if reference.is_empty() {
        None
    } else {
        if !state.lookup_limit.allow(&ctx.address) {
            return Err(AppError::Throttled);
        }
        applications::by_reference(&state.db, &reference).await?
    };
    Ok(views::html(StatusPage {
        layout: Layout::new(&state, &ctx, "apply-status-title"),
        state: found.map(|a| ctx.tr.t(&format!("application-{}", a.status))),
        searched: !reference.is_empty(),
        reference,
    }))
}

// ---- officers and the committee ----

#[derive(Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
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
struct QueuePage {
    layout: Layout,
    rows: Vec<AppRow>,
    pager: Pager,
    tabs: Vec<Choice>,
    may_enter: bool,
}

fn status_filter(s: Option<&str>) -> Option<&'static str> {
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
    permit(decide(&user.principal, Action::ViewApplications, None))?;
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
                &a.commune_name_ar
            } else {
                &a.commune_name_fr
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

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::EnterApplication, None))?;
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
async fn check_entry_scope(
    state: &AppState,
    user: &CurrentUser,
    commune: &str,
) -> Result<(), AppError> {
    let Ok(code) = TerritoryCode::parse(commune) else {
        return Ok(());
    };
    if let Some(t) = territory::get(&state.db, &code).await? {
        let target = Target {
            path: t.territory_path(),
            organization: None,
        };
        permit(decide(
            &user.principal,
            Action::EnterApplication,
            Some(&target),
        ))?;
    }
    Ok(())
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::EnterApplication, None))?;
    let form: ApplicationForm = parse_form(&body)?;
    check_entry_scope(&state, &user, &form.person.commune).await?;
    match file(
        &state,
        &ctx,
        &form,
        "officer",
        Some(user.id()),
        user.actor(&ctx).audit(AuditAction::ApplicationSubmitted),
    )
    .await?
    {
        Ok(reference) => {
            let app = applications::by_reference(&state.db, &reference)
                .await?
                .ok_or(AppError::NotFound)?;
            Ok(Redirect::to(&format!("/applications/{}", app.id)).into_response())
        }
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
async fn competent_committee(
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
struct ShowPage {
    layout: Layout,
    a: Application,
    name: String,
    commune: String,
    submitted: String,
    status: String,
    source: String,
    sex: String,
    duplicates: Vec<Member>,
    other_applications: Vec<Application>,
    may_decide: bool,
    /// The membership committee that decided it, or the one competent while pending:
    /// "its name, its body: its members".
    committee: Option<String>,
    errors: FormErrors,
}

async fn show_page(
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
            members::possible_duplicates(&state.db, &a.cin, &key, &a.birth_date)
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
        let cin = Cin::parse(&a.cin)?;
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
        layout: Layout::new(state, ctx, "application-title"),
        name: a.display_name(ctx.lang().code()),
        commune: (if ctx.lang() == crate::i18n::Lang::Ar {
            &a.commune_name_ar
        } else {
            &a.commune_name_fr
        })
        .clone()
        .unwrap_or_default(),
        submitted: ctx.tr.datetime(a.submitted_at),
        status: ctx.tr.t(&format!("application-{}", a.status)),
        source: ctx.tr.t(&format!("application-source-{}", a.source)),
        sex: ctx.tr.t(&format!("sex-{}", a.sex)),
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
    let entry = user
        .actor(&ctx)
        .audit(AuditAction::ApplicationViewed)
        .target("application", id, Some(a.target().path));
    state.audit.append(&entry).await?;
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

// ---- API ----

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApplicationList {
    pub items: Vec<Application>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Applications in the caller's scope (`status`: pending by default, accepted, rejected, all).
#[utoipa::path(get, path = "/api/v1/applications", tag = "applications",
    params(("status" = Option<String>, Query), ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = ApplicationList), BadRequest, Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<QueueQuery>,
) -> Result<Json<ApplicationList>, AppError> {
    permit(decide(&user.principal, Action::ViewApplications, None))?;
    let scope = crate::access::scope_for(&user, Action::ViewApplications);
    let p = applications::list(
        &state.db,
        &scope,
        status_filter(q.status.as_deref()),
        Page::new(q.page, q.page_size),
    )
    .await?;
    Ok(Json(ApplicationList {
        items: p.items,
        total: p.total,
        page: p.page,
        page_size: p.page_size,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ApplicationInput {
    #[serde(flatten)]
    pub person: PersonInputDoc,
    #[serde(default)]
    pub consent_contact: bool,
    #[serde(default)]
    pub consent_public: bool,
}

/// Enters an application on someone's behalf.
#[utoipa::path(post, path = "/api/v1/applications", tag = "applications", request_body = ApplicationInput,
    responses((status = 201, body = Application), BadRequest, Unauthenticated, Forbidden, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    permit(decide(&user.principal, Action::EnterApplication, None))?;
    let input: ApplicationInput = parse_json(&body)?;
    let (person, commune) = check_person(&state, &input.person.into_input())
        .await
        .map_err(AppError::first_invalid)?;
    check_entry_scope(&state, &user, &commune.code).await?;
    let reference = new_reference();
    let path = commune.territory_path();
    let new = NewApplication {
        reference: &reference,
        source: "officer",
        person: &person,
        path: &path,
        consent_contact: input.consent_contact,
        consent_public: input.consent_public,
        consent_version: &state.profile.membership.consent_version,
        entered_by: Some(user.id()),
    };
    let id = applications::create(
        &state.db,
        &new,
        user.actor(&ctx).audit(AuditAction::ApplicationSubmitted),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(
            applications::get(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
    )
        .into_response())
}

/// One application.
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "applications", params(("id" = i64, Path)),
    responses((status = 200, body = Application), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<Application>, AppError> {
    let a = found::<Application>(&state, &ctx, &user, Action::ViewApplications, id)
        .await?
        .into_inner();
    let entry = user
        .actor(&ctx)
        .audit(AuditAction::ApplicationViewed)
        .target("application", id, Some(a.target().path));
    state.audit.append(&entry).await?;
    Ok(Json(a))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Accepted {
    pub member_id: i64,
}

/// Accepts an application (membership committee): creates the member.
#[utoipa::path(post, path = "/api/v1/applications/{id}/accept", tag = "applications", params(("id" = i64, Path)),
    responses((status = 201, body = Accepted), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_accept(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<Application>,
) -> Result<Response, AppError> {
    let member_id = commands::applications::accept(&state.app(), &user.actor(&ctx), &a).await?;
    Ok((StatusCode::CREATED, Json(Accepted { member_id })).into_response())
}

/// Rejects an application with a reason (membership committee).
#[utoipa::path(post, path = "/api/v1/applications/{id}/reject", tag = "applications", params(("id" = i64, Path)), request_body = Rejection,
    responses((status = 200, body = Application), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_reject(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<Application>,
    body: Bytes,
) -> Result<Json<Application>, AppError> {
    let input: Rejection = parse_json(&body)?;
    commands::applications::reject(&state.app(), &user.actor(&ctx), &a, &input.reason).await?;
    Ok(Json(
        applications::get(&state.db, a.id)
            .await?
            .ok_or(AppError::NotFound)?,
    ))
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route("GET", "/apply", Public, get(public_form)),
        route("POST", "/apply", Public, post(submit_public)),
        route("GET", "/apply/communes", Public, get(commune_options)),
        route("GET", "/apply/status", Public, get(public_status)),
        route(
            "GET",
            "/applications",
            Policy(Action::ViewApplications, T::None),
            get(queue),
        ),
        route(
            "GET",
            "/applications/new",
            Policy(Action::EnterApplication, T::None),
            get(new_form),
        ),
        route(
            "POST",
            "/applications",
            Policy(Action::EnterApplication, T::None),
            post(create),
        ),
        route(
            "GET",
            "/applications/{id}",
            Policy(Action::ViewApplications, T::Application),
            get(show),
        ),
        route(
            "POST",
            "/applications/{id}/accept",
            Policy(Action::DecideApplications, T::Application),
            post(accept),
        ),
        route(
            "POST",
            "/applications/{id}/reject",
            Policy(Action::DecideApplications, T::Application),
            post(reject),
        ),
        route(
            "GET",
            "/api/v1/applications",
            Policy(Action::ViewApplications, T::None),
            get(api_list),
        ),
        route(
            "POST",
            "/api/v1/applications",
            Policy(Action::EnterApplication, T::None),
            post(api_create),
        ),
        route(
            "GET",
            "/api/v1/applications/{id}",
            Policy(Action::ViewApplications, T::Application),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/applications/{id}/accept",
            Policy(Action::DecideApplications, T::Application),
            post(api_accept),
        ),
        route(
            "POST",
            "/api/v1/applications/{id}/reject",
            Policy(Action::DecideApplications, T::Application),
            post(api_reject),
        ),
    ]
}
