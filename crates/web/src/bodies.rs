//! Bodies: the tree of the organization's bodies in the user's scope; creating, renaming
//! and dissolving them, in pages and in the API.

use crate::access::Loaded;
use crate::access::found;
use crate::committed::Committed;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::Confirm;
use crate::input::{parse_form, parse_json};
use crate::problems::{BadRequest, Conflict, Forbidden, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use crate::territory::{BodyRow, body_row};
use crate::views::Choice;
use crate::views::{self, Layout, Pager};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_commands::{self as commands, Found};
use tanzim_domain::gazetteer::Lookup;
use tanzim_domain::policy::{Action, scopes_for};
use tanzim_domain::territory::Level;
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::{self, Body, BodyQuery};
use tanzim_store::territory;
use tanzim_store::{Page, Paged, ScopeFilter};

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct CreateBody {
    /// Organization key from the profile (`party`, `women`, `youth`, ...).
    pub organization: String,
    /// Body kind key from the profile (`provincial_secretariat`, ...).
    pub kind: String,
    /// The territory: its HCP code or its name in Arabic or French (a name of several
    /// territories means the one at the kind's level); empty or absent for a national body.
    #[serde(default)]
    pub territory: Option<String>,
    /// The body above this one, of the same organization.
    #[serde(default, deserialize_with = "crate::input::empty_as_none")]
    pub parent_id: Option<i64>,
    /// Defaults to the kind's Arabic name and the territory's Arabic name.
    #[serde(default)]
    pub name: Option<String>,
    /// Its French name for the French communiqués; by default the kind's French name and
    /// the territory's (Secrétariat provincial de Taounate).
    #[serde(default)]
    pub name_fr: Option<String>,
}

/// Checks and creates a body; every way in (page, API) goes through here.
async fn create_body(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    input: &CreateBody,
) -> Result<i64, AppError> {
    let input = commands::bodies::NewBodyInput {
        organization: input.organization.clone(),
        kind: input.kind.clone(),
        territory: input.territory.clone(),
        parent_id: input.parent_id,
        name: input.name.clone(),
        name_fr: input.name_fr.clone(),
    };
    Ok(commands::bodies::create(&state.app(), &user.actor(ctx), &input).await?)
}

#[derive(Deserialize)]
pub struct ListQuery {
    territory: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
    dissolved: Option<String>,
}

async fn list_bodies(
    state: &AppState,
    user: &CurrentUser,
    q: &ListQuery,
) -> Result<Paged<Body>, AppError> {
    let scope = ScopeFilter::from_assignments(scopes_for(&user.principal, Action::ViewBodies));
    let lookup = Lookup::filter(Field::Territory);
    let within = commands::territories::resolve_given(q.territory.as_deref(), lookup)?
        .map(|p| p.path.clone());
    let query = BodyQuery {
        within,
        include_dissolved: q.dissolved.is_some(),
        ..BodyQuery::default()
    };
    Ok(bodies::list(&state.db, &scope, &query, Page::new(q.page, q.page_size)).await?)
}

// ---- pages ----

pub struct TreeRow {
    pub depth: usize,
    pub body: BodyRow,
    pub place: String,
    pub dissolved: bool,
}

#[derive(Template)]
#[template(path = "bodies.html")]
struct IndexPage {
    layout: Layout,
    rows: Vec<TreeRow>,
    pager: Pager,
    may_create: bool,
    show_dissolved: bool,
}

fn place_name(ctx: &Ctx, b: &Body) -> String {
    let name = if ctx.lang() == crate::i18n::Lang::Ar {
        &b.territory_name_ar
    } else {
        &b.territory_name_fr
    };
    name.clone()
        .unwrap_or_else(|| ctx.tr.t("territories-country"))
}

pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let paged = list_bodies(&state, &user, &q).await?;
    let min_depth = paged
        .items
        .iter()
        .map(|b| b.path.matches('/').count())
        .min()
        .unwrap_or(0);
    let rows = paged
        .items
        .iter()
        .map(|b| TreeRow {
            depth: b.path.matches('/').count() - min_depth,
            body: body_row(&state, &ctx, b),
            place: place_name(&ctx, b),
            dissolved: !b.is_active(),
        })
        .collect();
    let base = if q.dissolved.is_some() {
        "/bodies?dissolved=1&"
    } else {
        "/bodies?"
    };
    let page = IndexPage {
        layout: Layout::new(&state, &ctx, "bodies-title"),
        pager: Pager::new(&paged, base),
        rows,
        may_create: user.may(Action::CreateBody, None),
        show_dissolved: q.dissolved.is_some(),
    };
    Ok(views::html(page))
}

#[derive(Template)]
#[template(path = "body_new.html")]
struct NewPage {
    layout: Layout,
    organizations: Vec<Choice>,
    kinds: Vec<Choice>,
    parents: Vec<Choice>,
    territory: String,
    /// The territory the field resolves to, described; the country when it is blank.
    territory_label: String,
    name: String,
    /// What is wrong, naming the field, and the field it is about (`kind`, `territory`...).
    error: Option<String>,
    error_field: &'static str,
}

/// The form's fields as a link or a refresh gives them (htmx asks for the kinds again when
/// the organization or the territory changes).
#[derive(Deserialize)]
pub struct NewQuery {
    organization: Option<String>,
    kind: Option<String>,
    territory: Option<String>,
    #[serde(default, deserialize_with = "crate::input::empty_as_none")]
    parent_id: Option<i64>,
    name: Option<String>,
}

/// The form's no-script refresh button: show the kinds for what is chosen, create nothing.
#[derive(Deserialize)]
struct Refresh {
    refresh: Option<String>,
}

/// The levels of the territories a typed text may mean: one when it resolves, each
/// candidate's when several bear the name, none (every level) when blank or unknown.
fn typed_levels(typed: &str) -> Vec<Option<Level>> {
    if typed.trim().is_empty() {
        return Vec::new();
    }
    match commands::territories::resolve(typed, Lookup::exact(Field::Territory)) {
        Ok(place) => vec![Some(place.level)],
        Err(commands::Error::Invalid(e)) => {
            let Ok(gazetteer) = territory::gazetteer() else {
                return Vec::new();
            };
            e.candidates
                .iter()
                .filter_map(|c| gazetteer.get(c.as_str()))
                .map(|p| Some(p.level))
                .collect()
        }
        Err(_) => Vec::new(),
    }
}

async fn new_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    input: &CreateBody,
    error: Option<&tanzim_domain::DomainError>,
) -> Result<Response, AppError> {
    let tr = &ctx.tr;
    let organizations = state
        .profile
        .organizations
        .iter()
        .map(|o| Choice {
            value: o.key.clone(),
            label: views::label(&o.name, tr),
            selected: o.key == input.organization,
        })
        .collect();
    let typed = input.territory.clone().unwrap_or_default();
    // Only the organization's kinds that fit the territory's level, each once.
    let kinds: Vec<Choice> = state
        .profile
        .kinds_offered(input.organization.trim(), &typed_levels(&typed))
        .into_iter()
        .map(|k| Choice {
            value: k.key.clone(),
            label: format!(
                "{} ({})",
                views::label(&k.name, tr),
                tr.t(&format!("body-level-{}", serde_plain(&k.level)))
            ),
            selected: k.key == input.kind,
        })
        .collect();
    // The territory as the command would read it, at the chosen kind's level.
    let levels = state
        .profile
        .body_kind(&input.kind)
        .map(|k| k.level.territory_levels())
        .unwrap_or_default();
    let lookup = Lookup::exact(Field::Territory).at(levels);
    let place = commands::territories::resolve_given(Some(&typed), lookup)
        .ok()
        .flatten();
    // Possible parents: active bodies in scope whose jurisdiction contains the territory.
    let scope = ScopeFilter::from_assignments(scopes_for(&user.principal, Action::ViewBodies));
    let all = bodies::list(
        &state.db,
        &scope,
        &BodyQuery::default(),
        Page::new(None, Some(Page::MAX_SIZE)),
    )
    .await?;
    let here = place.map(|p| p.path.clone()).unwrap_or_default();
    let parents = all
        .items
        .iter()
        .filter(|b| b.target().path.contains(&here) && b.target().path != here)
        .map(|b| Choice {
            value: b.id.to_string(),
            label: format!("{} — {}", b.name, place_name(ctx, b)),
            selected: Some(b.id) == input.parent_id,
        })
        .collect();
    let territory_label = match (place, typed.trim().is_empty()) {
        (Some(p), _) => territory::gazetteer()
            .map(|g| crate::places::describe(tr, g, p))
            .unwrap_or_default(),
        (None, true) => tr.t("territories-country"),
        (None, false) => String::new(),
    };
    let page = NewPage {
        layout: Layout::new(state, ctx, "bodies-new-title"),
        organizations,
        kinds,
        parents,
        territory_label,
        territory: typed,
        name: input.name.clone().unwrap_or_default(),
        error: error.map(|e| views::field_message(tr, e)),
        error_field: error.and_then(|e| e.field).map(Field::as_str).unwrap_or(""),
    };
    Ok(views::html(page))
}

fn serde_plain(level: &tanzim_domain::org::BodyLevel) -> &'static str {
    use tanzim_domain::org::BodyLevel::*;
    match level {
        National => "national",
        Region => "region",
        Province => "province",
        Commune => "commune",
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    let input = CreateBody {
        organization: q.organization.unwrap_or_else(|| "party".into()),
        kind: q.kind.unwrap_or_default(),
        territory: q.territory.map(|t| {
            crate::territory_picker::field_value(&ctx.tr, &t, Lookup::exact(Field::Territory))
        }),
        parent_id: q.parent_id,
        name: q.name,
        name_fr: None,
    };
    new_page(&state, &ctx, &user, &input, None).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: CreateBody = parse_form(&body)?;
    if parse_form::<Refresh>(&body)?.refresh.is_some() {
        return new_page(&state, &ctx, &user, &input, None).await;
    }
    let refused = match create_body(&state, &ctx, &user, &input).await {
        Ok(id) => return Ok(Redirect::to(&format!("/bodies/{id}")).into_response()),
        Err(AppError::Invalid(e)) => (e, StatusCode::UNPROCESSABLE_ENTITY),
        // A second body of the kind where the organization has one: about the kind chosen.
        Err(AppError::Conflict(code)) => {
            let field = match code {
                "parent-unknown" => Field::Parent,
                _ => Field::BodyKind,
            };
            (DomainError::new(field, code), StatusCode::CONFLICT)
        }
        Err(AppError::Forbidden) => (DomainError::general("forbidden"), StatusCode::FORBIDDEN),
        Err(e) => return Err(e),
    };
    let mut response = new_page(&state, &ctx, &user, &input, Some(&refused.0)).await?;
    *response.status_mut() = refused.1;
    Ok(response)
}

#[derive(Template)]
#[template(path = "body.html")]
struct ShowPage {
    layout: Layout,
    body: BodyRow,
    place: String,
    territory_code: Option<String>,
    created: String,
    dissolved: Option<String>,
    parent: Option<BodyRow>,
    children: Vec<BodyRow>,
    may_manage: bool,
    confirm_dissolve: bool,
    error: Option<String>,
    /// The body's disciplinary cases are shown to the roles that may see them only.
    may_view_cases: bool,
    /// The office as it stands, in the profile's order of positions: (title, name, since),
    /// to those who see the body's meetings.
    office: Option<Vec<(String, String, String)>>,
}

async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Body,
    confirm_dissolve: bool,
    error: Option<String>,
) -> Result<Response, AppError> {
    let parent = match b.parent_id {
        Some(pid) => bodies::get(&state.db, pid)
            .await?
            .filter(|p| user.may(Action::ViewBodies, Some(&p.target())))
            .map(|p| body_row(state, ctx, &p)),
        None => None,
    };
    let scope = ScopeFilter::from_assignments(scopes_for(&user.principal, Action::ViewBodies));
    let within = BodyQuery {
        parent_id: Some(b.id),
        ..BodyQuery::default()
    };
    let children = bodies::list(
        &state.db,
        &scope,
        &within,
        Page::new(None, Some(Page::MAX_SIZE)),
    )
    .await?
    .items
    .iter()
    .map(|c| body_row(state, ctx, c))
    .collect();
    let office = if user.may(Action::ViewMeetings, Some(&b.target())) {
        let holders = tanzim_commands::meetings::holders::office(&state.app(), b).await?;
        let mut rows = Vec::with_capacity(holders.len());
        for h in &holders {
            rows.push((
                tanzim_commands::meetings::holder_title(&state.profile, b, h)?,
                h.holder_name.clone(),
                ctx.tr.day(h.started_on.date()),
            ));
        }
        Some(rows)
    } else {
        None
    };
    let page = ShowPage {
        office,
        layout: Layout::new(state, ctx, "body-title"),
        body: body_row(state, ctx, b),
        place: place_name(ctx, b),
        territory_code: b.territory_code.clone(),
        created: ctx.tr.date(b.created_at),
        dissolved: b.dissolved_at.map(|t| ctx.tr.date(t)),
        parent,
        children,
        may_manage: b.is_active() && user.may(Action::ManageBody, Some(&b.target())),
        confirm_dissolve,
        error,
        may_view_cases: user.may(Action::ViewCases, Some(&b.target())),
    };
    Ok(views::html(page))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ViewBodies, id)
        .await?
        .into_inner();
    show_page(&state, &ctx, &user, &b, false, None).await
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Rename {
    pub name: String,
}

pub async fn rename(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ManageBody, id).await?;
    let input: Rename = parse_form(&body)?;
    match commands::bodies::rename(&state.app(), &user.actor(&ctx), &b, &input.name).await {
        Ok(()) => Ok(Redirect::to(&format!("/bodies/{id}")).into_response()),
        Err(commands::Error::Invalid(e)) => {
            let mut response = show_page(
                &state,
                &ctx,
                &user,
                &b,
                false,
                Some(ctx.tr.t(&format!("error-{}", e.code))),
            )
            .await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn confirm_dissolve(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ManageBody, id).await?;
    show_page(&state, &ctx, &user, &b, true, None).await
}

async fn dissolve_body(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Found<Body>,
) -> Result<(), AppError> {
    Ok(commands::bodies::dissolve(&state.app(), &user.actor(ctx), b).await?)
}

pub async fn dissolve(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ManageBody, id).await?;
    parse_form::<Confirm>(&body)?.check()?;
    match dissolve_body(&state, &ctx, &user, &b).await {
        Ok(()) => Ok(Redirect::to(&format!("/bodies/{id}")).into_response()),
        Err(e @ AppError::Conflict(_)) => {
            let mut response = show_page(
                &state,
                &ctx,
                &user,
                &b,
                false,
                Some(ctx.tr.t(&format!("error-{}", e.code()))),
            )
            .await?;
            *response.status_mut() = StatusCode::CONFLICT;
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

// ---- API ----

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct BodyList {
    pub items: Vec<Body>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Bodies in the caller's scope, optionally within a territory's subtree.
#[utoipa::path(get, path = "/api/v1/bodies", tag = "bodies",
    params(("territory" = Option<String>, Query, description = "HCP code or name: bodies in its subtree"),
           ("page" = Option<u32>, Query), ("page_size" = Option<u32>, Query),
           ("dissolved" = Option<String>, Query, description = "any value: include dissolved bodies")),
    responses((status = 200, body = BodyList), BadRequest, Unauthenticated, Forbidden, Invalid),
    security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Json<BodyList>, AppError> {
    let p = list_bodies(&state, &user, &q).await?;
    Ok(Json(BodyList {
        items: p.items,
        total: p.total,
        page: p.page,
        page_size: p.page_size,
    }))
}

/// Creates a body.
#[utoipa::path(post, path = "/api/v1/bodies", tag = "bodies", request_body = CreateBody,
    responses((status = 201, body = Body), BadRequest, Unauthenticated, Forbidden, Conflict, Invalid),
    security(("bearer" = [])))]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    body: Bytes,
) -> Result<Response, AppError> {
    let input: CreateBody = parse_json(&body)?;
    let id = create_body(&state, &ctx, &user, &input).await?;
    Ok(answer(&state, Committed::created(id), id).await)
}

/// The answer to a committed write of the body `id`: the body as it now stands.
async fn answer(state: &AppState, committed: Committed, id: i64) -> Response {
    committed
        .at(format!("/api/v1/bodies/{id}"))
        .json(|| async { bodies::get(&state.db, id).await?.ok_or(AppError::NotFound) })
        .await
}

/// One body.
#[utoipa::path(get, path = "/api/v1/bodies/{id}", tag = "bodies", params(("id" = i64, Path)),
    responses((status = 200, body = Body), BadRequest, Unauthenticated, Forbidden, NotFound),
    security(("bearer" = [])))]
pub async fn api_get(Loaded(body): Loaded<Body>) -> Result<Json<Body>, AppError> {
    Ok(Json(body.into_inner()))
}

/// Renames a body.
#[utoipa::path(patch, path = "/api/v1/bodies/{id}", tag = "bodies", params(("id" = i64, Path)), request_body = Rename,
    responses((status = 200, body = Body), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict, Invalid),
    security(("bearer" = [])))]
pub async fn api_rename(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ManageBody, id).await?;
    let input: Rename = parse_json(&body)?;
    commands::bodies::rename(&state.app(), &user.actor(&ctx), &b, &input.name).await?;
    Ok(answer(&state, Committed::ok(id), id).await)
}

/// Dissolves a body (it must have no active body under it). Body: `{"confirm": "true"}`.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/dissolve", tag = "bodies", params(("id" = i64, Path)), request_body = Confirm,
    responses((status = 200, body = Body), BadRequest, Unauthenticated, Forbidden, NotFound, Conflict),
    security(("bearer" = [])))]
pub async fn api_dissolve(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let b = found::<Body>(&state, &ctx, &user, Action::ManageBody, id).await?;
    parse_json::<Confirm>(&body)?.check()?;
    dissolve_body(&state, &ctx, &user, &b).await?;
    Ok(answer(&state, Committed::ok(id), id).await)
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, patch, post};
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/bodies",
            Policy(Action::ViewBodies, T::None),
            get(index),
        ),
        route(
            "GET",
            "/bodies/new",
            Policy(Action::CreateBody, T::None),
            get(new_form),
        ),
        route(
            "POST",
            "/bodies",
            Policy(Action::CreateBody, T::None),
            post(create),
        ),
        route(
            "GET",
            "/bodies/{id}",
            Policy(Action::ViewBodies, T::Body),
            get(show),
        ),
        route(
            "POST",
            "/bodies/{id}/rename",
            Policy(Action::ManageBody, T::Body),
            post(rename),
        ),
        route(
            "GET",
            "/bodies/{id}/dissolve",
            Policy(Action::ManageBody, T::Body),
            get(confirm_dissolve),
        ),
        route(
            "POST",
            "/bodies/{id}/dissolve",
            Policy(Action::ManageBody, T::Body),
            post(dissolve),
        ),
        route(
            "GET",
            "/api/v1/bodies",
            Policy(Action::ViewBodies, T::None),
            get(api_list),
        ),
        route(
            "POST",
            "/api/v1/bodies",
            Policy(Action::CreateBody, T::None),
            post(api_create),
        ),
        route(
            "GET",
            "/api/v1/bodies/{id}",
            Policy(Action::ViewBodies, T::Body),
            get(api_get),
        ),
        route(
            "PATCH",
            "/api/v1/bodies/{id}",
            Policy(Action::ManageBody, T::Body),
            patch(api_rename),
        ),
        route(
            "POST",
            "/api/v1/bodies/{id}/dissolve",
            Policy(Action::ManageBody, T::Body),
            post(api_dissolve),
        ),
    ]
}
