//! Sympathisers and contacts: the list (search, new contact form, export), a contact's page
//! (conversion into an application, erasure) and the contacts API. Each handler parses its
//! form or JSON into one command's input and renders what the command answers.

use crate::access::Loaded;
use crate::committed::Committed;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::{Confirm, parse_form, parse_json};
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use crate::views::{self, Choice, FormErrors, Layout, Pager};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use tanzim_commands::contacts::{self as cases, Completion, ListFilter};
use tanzim_commands::{Error, Found};
use tanzim_domain::contacts::{ConsentSource, ContactInput};
use tanzim_domain::policy::{Action, Decision};
use tanzim_store::contacts::Contact;
use tanzim_store::{Page, Paged};

// ---- the list and the new contact form ----

#[derive(Deserialize, Default)]
pub struct ListQuery {
    /// A name (either script) or a phone number.
    q: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
}

async fn list_contacts(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    q: &ListQuery,
) -> Result<Paged<Contact>, AppError> {
    let filter = ListFilter { q: q.q.clone() };
    let page = Page::new(q.page, q.page_size);
    Ok(cases::list(&state.app(), &user.actor(ctx), &filter, page).await?)
}

/// A contact as a list shows it.
pub struct ContactRow {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub commune: String,
    pub converted: bool,
}

fn commune_name(ctx: &Ctx, c: &Contact) -> String {
    let name = if ctx.lang() == crate::i18n::Lang::Ar {
        &c.commune_name_ar
    } else {
        &c.commune_name_fr
    };
    name.clone().unwrap_or_else(|| c.commune_code.clone())
}

/// The new contact's fields as typed (shown again beside their errors).
#[derive(Deserialize, Default, Clone)]
pub struct ContactForm {
    #[serde(default)]
    first_name_ar: String,
    #[serde(default)]
    last_name_ar: String,
    #[serde(default)]
    first_name_lat: String,
    #[serde(default)]
    last_name_lat: String,
    #[serde(default)]
    sex: String,
    #[serde(default)]
    birth_date: String,
    #[serde(default)]
    cin: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    organization: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    consent_on: String,
    #[serde(default)]
    consent_source: String,
    #[serde(default)]
    consent_wording: String,
}

fn given(s: &str) -> Option<String> {
    Some(s.to_owned()).filter(|s| !s.trim().is_empty())
}

impl ContactForm {
    fn to_input(&self) -> ContactInput {
        ContactInput {
            first_name_ar: given(&self.first_name_ar),
            last_name_ar: given(&self.last_name_ar),
            first_name_lat: given(&self.first_name_lat),
            last_name_lat: given(&self.last_name_lat),
            sex: given(&self.sex),
            birth_date: given(&self.birth_date),
            cin: given(&self.cin),
            phone: given(&self.phone),
            email: given(&self.email),
            commune: self.commune.clone(),
            organization: given(&self.organization),
            notes: given(&self.notes),
            consent_on: given(&self.consent_on),
            consent_source: given(&self.consent_source),
            consent_wording: given(&self.consent_wording),
        }
    }
}

#[derive(Template)]
#[template(path = "contacts.html")]
struct IndexPage {
    layout: Layout,
    rows: Vec<ContactRow>,
    pager: Pager,
    q: String,
    may_manage: bool,
    f: ContactForm,
    sources: Vec<Choice>,
    /// The party (empty value) and its affiliates.
    organizations: Vec<Choice>,
    errors: FormErrors,
    /// The form is open: it was just sent with errors.
    open: bool,
}

fn source_choices(ctx: &Ctx, selected: &str) -> Vec<Choice> {
    ConsentSource::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().to_owned(),
            label: ctx.tr.t(&format!("contact-source-{}", s.as_str())),
            selected: s.as_str() == selected,
        })
        .collect()
}

/// Whose sympathiser: the party itself (no value) or one of its affiliates.
fn organization_choices(state: &AppState, ctx: &Ctx, selected: &str) -> Vec<Choice> {
    state
        .profile
        .organizations
        .iter()
        .map(|o| {
            let party = Some(o.key.as_str()) == state.profile.party_key();
            let value = if party { String::new() } else { o.key.clone() };
            Choice {
                selected: value == selected,
                value,
                label: views::label(&o.name, &ctx.tr),
            }
        })
        .collect()
}

async fn index_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    q: &ListQuery,
    f: ContactForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let paged = list_contacts(state, ctx, user, q).await?;
    let query: String =
        url::form_urlencoded::byte_serialize(q.q.as_deref().unwrap_or("").as_bytes()).collect();
    let rows = paged
        .items
        .iter()
        .map(|c| ContactRow {
            id: c.id,
            name: c.display_name(ctx.lang().code()),
            phone: c.phone.clone().unwrap_or_default(),
            commune: commune_name(ctx, c),
            converted: c.application_id.is_some(),
        })
        .collect();
    let open = !errors.is_empty();
    Ok(views::html(IndexPage {
        layout: Layout::new(state, ctx, "contacts-title"),
        rows,
        pager: Pager::new(&paged, &format!("/contacts?q={query}&")),
        q: q.q.clone().unwrap_or_default(),
        may_manage: user.may(Action::ManageContacts, None),
        sources: source_choices(ctx, &f.consent_source),
        organizations: organization_choices(state, ctx, &f.organization),
        f,
        errors,
        open,
    }))
}

pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let f = ContactForm {
        consent_on: crate::state::today().to_string(),
        ..ContactForm::default()
    };
    index_page(&state, &ctx, &user, &q, f, FormErrors::default()).await
}

/// The new contact form: every broken rule shown beside its field (422), nothing saved.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: ContactForm = parse_form(&body)?;
    match cases::record(&state.app(), &user.actor(&ctx), &form.to_input()).await {
        Ok(id) => Ok(Redirect::to(&format!("/contacts/{id}")).into_response()),
        Err(Error::Rules(errors)) => {
            let errors = FormErrors::from_domain(&errors, &ctx.tr);
            let q = ListQuery::default();
            let mut response = index_page(&state, &ctx, &user, &q, form, errors).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// The list as a CSV file, for those who may see it, with their password just typed.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Response, AppError> {
    crate::reauth::require_fresh_password(&user, &ctx.path)?;
    let (file, _) = cases::export_csv(&state.app(), &user.actor(&ctx)).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"contacts.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        file,
    )
        .into_response())
}

// ---- a contact's page ----

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage {
    layout: Layout,
    c: Contact,
    name: String,
    commune: String,
    status: String,
    source: String,
    organization: String,
    created: String,
    /// Days as Moroccans write them.
    born: Option<String>,
    consent_on: String,
    may_manage: bool,
    /// The fields an application needs that the record lacks (asked at the conversion).
    ask_sex: bool,
    ask_birth_date: bool,
    ask_cin: bool,
    /// What was typed into the conversion form (shown again beside its errors).
    completion_sex: String,
    completion_birth_date: String,
    completion_cin: String,
    errors: FormErrors,
}

async fn contact_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    c: Found<Contact>,
    completion: CompletionForm,
    errors: FormErrors,
) -> Result<Response, AppError> {
    cases::read(&state.app(), &user.actor(ctx), &c).await?;
    let may_manage = cases::decision(&state.app(), &user.actor(ctx), Action::ManageContacts, &c)
        == Decision::Allow;
    let c = c.into_inner();
    let organization = match &c.organization {
        Some(key) => state
            .profile
            .organization(key)
            .map(|o| views::label(&o.name, &ctx.tr))
            .unwrap_or_else(|| key.clone()),
        None => String::new(),
    };
    Ok(views::html(ContactPage {
        layout: Layout::new(state, ctx, "contact-title"),
        born: c.birth_date.map(|d| ctx.tr.day(d.date())),
        consent_on: ctx.tr.day(c.consent_on.date()),
        name: c.display_name(ctx.lang().code()),
        commune: commune_name(ctx, &c),
        status: ctx.tr.t(&format!("contact-status-{}", c.status)),
        source: ctx
            .tr
            .t(&format!("contact-source-{}", c.consent_source.as_str())),
        organization,
        created: ctx.tr.date(c.created_at),
        may_manage,
        ask_sex: c.sex.is_none(),
        ask_birth_date: c.birth_date.is_none(),
        ask_cin: c.cin.is_none(),
        c,
        completion_sex: CompletionForm::value(&completion.sex).to_owned(),
        completion_birth_date: CompletionForm::value(&completion.birth_date).to_owned(),
        completion_cin: CompletionForm::value(&completion.cin).to_owned(),
        errors,
    }))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Contact>,
) -> Result<Response, AppError> {
    contact_page(
        &state,
        &ctx,
        &user,
        c,
        CompletionForm::default(),
        FormErrors::default(),
    )
    .await
}

/// What the conversion form sends (and the API's body): what the record lacks.
#[derive(Deserialize, Default, Clone, utoipa::ToSchema)]
pub struct CompletionForm {
    /// F or M, when the contact's record has none.
    #[serde(default)]
    pub sex: Option<String>,
    /// YYYY-MM-DD, when the contact's record has none.
    #[serde(default)]
    pub birth_date: Option<String>,
    /// The identity card number, when the contact's record has none.
    #[serde(default)]
    pub cin: Option<String>,
}

impl CompletionForm {
    fn to_completion(&self) -> Completion {
        let given = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
        Completion {
            sex: given(&self.sex),
            birth_date: given(&self.birth_date),
            cin: given(&self.cin),
        }
    }
    fn value(s: &Option<String>) -> &str {
        s.as_deref().unwrap_or("")
    }
}

/// Converts the contact into a pending application, then shows that application.
pub async fn convert(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Contact>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: CompletionForm = parse_form(&body)?;
    let id = c.id;
    match cases::convert(&state.app(), &user.actor(&ctx), &c, &form.to_completion()).await {
        Ok(application) => {
            // The officer may not see the committee's queue (a role limited to an
            // organization): the contact's page then shows the link.
            let to = if user.may(Action::ViewApplications, None) {
                format!("/applications/{application}")
            } else {
                format!("/contacts/{id}")
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(Error::Rules(errors)) => {
            let errors = FormErrors::from_domain(&errors, &ctx.tr);
            let mut response = contact_page(&state, &ctx, &user, c, form, errors).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// Erases the contact's personal data, once confirmed (`confirm=yes`).
pub async fn erase(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Contact>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: Confirm = parse_form(&body)?;
    form.check()?;
    cases::erase(&state.app(), &user.actor(&ctx), &c).await?;
    Ok(Redirect::to(&format!("/contacts/{}", c.id)).into_response())
}

// ---- API ----

#[derive(Serialize, utoipa::ToSchema)]
pub struct ContactList {
    pub items: Vec<Contact>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Sympathisers and contacts in the caller's scope, newest first.
#[utoipa::path(get, path = "/api/v1/contacts", tag = "contacts",
    params(("q" = Option<String>, Query, description = "a name (either script) or a phone number"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query)),
    responses((status = 200, body = ContactList), BadRequest, Unauthenticated, Forbidden), security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Json<ContactList>, AppError> {
    let p = list_contacts(&state, &ctx, &user, &q).await?;
    Ok(Json(ContactList {
        items: p.items,
        total: p.total,
        page: p.page,
        page_size: p.page_size,
    }))
}

/// A new contact, as the API takes it.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewContactInput {
    pub first_name_ar: Option<String>,
    pub last_name_ar: Option<String>,
    pub first_name_lat: Option<String>,
    pub last_name_lat: Option<String>,
    /// F or M.
    pub sex: Option<String>,
    /// YYYY-MM-DD or DD/MM/YYYY.
    pub birth_date: Option<String>,
    pub cin: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// HCP code of the commune or arrondissement where the person lives.
    #[serde(default)]
    pub commune: String,
    /// The affiliate whose sympathiser this is; absent for the party.
    pub organization: Option<String>,
    pub notes: Option<String>,
    /// The day the consent was given (required).
    pub consent_on: Option<String>,
    /// meeting, activity, form, referral or import (required).
    pub consent_source: Option<String>,
    /// The words the person agreed to (required).
    pub consent_wording: Option<String>,
}

impl NewContactInput {
    fn into_input(self) -> ContactInput {
        ContactInput {
            first_name_ar: self.first_name_ar,
            last_name_ar: self.last_name_ar,
            first_name_lat: self.first_name_lat,
            last_name_lat: self.last_name_lat,
            sex: self.sex,
            birth_date: self.birth_date,
            cin: self.cin,
            phone: self.phone,
            email: self.email,
            commune: self.commune,
            organization: self.organization,
            notes: self.notes,
            consent_on: self.consent_on,
            consent_source: self.consent_source,
            consent_wording: self.consent_wording,
        }
    }
}

/// Records a sympathiser or contact with their consent, in a commune the caller serves.
#[utoipa::path(post, path = "/api/v1/contacts", tag = "contacts", request_body = NewContactInput,
    responses((status = 201, body = Contact), BadRequest, Unauthenticated, Forbidden, Invalid), security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: NewContactInput = parse_json(&body)?;
    let id = cases::record(&state.app(), &user.actor(&ctx), &input.into_input()).await?;
    Ok(Committed::created(id)
        .at(format!("/api/v1/contacts/{id}"))
        .json(|| read_contact(&state, &ctx, &user, id))
        .await)
}

/// A contact as the API answers a change to it (read back after the change).
async fn read_contact(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: i64,
) -> Result<Contact, AppError> {
    Ok(
        crate::access::found::<Contact>(state, ctx, user, Action::ViewContacts, id)
            .await?
            .into_inner(),
    )
}

/// One contact (the read is audited).
#[utoipa::path(get, path = "/api/v1/contacts/{id}", tag = "contacts", params(("id" = i64, Path)),
    responses((status = 200, body = Contact), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Contact>,
) -> Result<Json<Contact>, AppError> {
    cases::read(&state.app(), &user.actor(&ctx), &c).await?;
    Ok(Json(c.into_inner()))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Converted {
    /// The pending application filed from the contact.
    pub application_id: i64,
    pub contact: Contact,
}

/// Turns a contact into a pending application (what the record lacks for one is given in
/// the body); the contact is marked converted with a link to it. A second conversion, or
/// one of an erased contact, answers 409.
#[utoipa::path(post, path = "/api/v1/contacts/{id}/convert", tag = "contacts", params(("id" = i64, Path)), request_body = CompletionForm,
    responses((status = 201, body = Converted), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid), security(("bearer" = [])))]
pub async fn api_convert(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Contact>,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: CompletionForm = parse_json(&body)?;
    let id = c.id;
    let application_id =
        cases::convert(&state.app(), &user.actor(&ctx), &c, &input.to_completion()).await?;
    Ok(Committed::created(application_id)
        .at(format!("/api/v1/applications/{application_id}"))
        .json(|| async {
            Ok(Converted {
                application_id,
                contact: read_contact(&state, &ctx, &user, id).await?,
            })
        })
        .await)
}

/// Erases a contact's personal data for good (`{"confirm": "yes"}`); the row stays, with
/// its place and status. An erased contact answers 409.
#[utoipa::path(post, path = "/api/v1/contacts/{id}/erase", tag = "contacts", params(("id" = i64, Path)), request_body = Confirm,
    responses((status = 200, body = Contact), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict), security(("bearer" = [])))]
pub async fn api_erase(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(c): Loaded<Contact>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form: Confirm = parse_json(&body)?;
    form.check()?;
    let id = c.id;
    cases::erase(&state.app(), &user.actor(&ctx), &c).await?;
    Ok(Committed::ok(id)
        .at(format!("/api/v1/contacts/{id}"))
        .json(|| read_contact(&state, &ctx, &user, id))
        .await)
}

/// These routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, fresh_password, route};
    use axum::routing::{get, post};
    vec![
        route(
            "GET",
            "/contacts",
            Policy(Action::ViewContacts, T::None),
            get(index),
        ),
        route(
            "POST",
            "/contacts",
            Policy(Action::ManageContacts, T::None),
            post(create),
        ),
        fresh_password(route(
            "GET",
            "/contacts/export.csv",
            Policy(Action::ViewContacts, T::None),
            get(export_csv),
        )),
        route(
            "GET",
            "/contacts/{id}",
            Policy(Action::ViewContacts, T::Contact),
            get(show),
        ),
        route(
            "POST",
            "/contacts/{id}/convert",
            Policy(Action::ManageContacts, T::Contact),
            post(convert),
        ),
        route(
            "POST",
            "/contacts/{id}/erase",
            Policy(Action::ManageContacts, T::Contact),
            post(erase),
        ),
        route(
            "GET",
            "/api/v1/contacts",
            Policy(Action::ViewContacts, T::None),
            get(api_list),
        ),
        route(
            "POST",
            "/api/v1/contacts",
            Policy(Action::ManageContacts, T::None),
            post(api_create),
        ),
        route(
            "GET",
            "/api/v1/contacts/{id}",
            Policy(Action::ViewContacts, T::Contact),
            get(api_get),
        ),
        route(
            "POST",
            "/api/v1/contacts/{id}/convert",
            Policy(Action::ManageContacts, T::Contact),
            post(api_convert),
        ),
        route(
            "POST",
            "/api/v1/contacts/{id}/erase",
            Policy(Action::ManageContacts, T::Contact),
            post(api_erase),
        ),
    ]
}
