//! The territory browser: region → province → commune (→ arrondissement), with population
//! and the bodies anchored there that the user's scope covers; search by Arabic or French
//! name. Territories are public reference data (HCP census); bodies are scoped.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::problems::{BadRequest, Forbidden, NotFound, Unauthenticated};
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use tanzim_domain::policy::{Action, Decision, Target, decide, scopes_for};
use tanzim_domain::territory::TerritoryCode;
use tanzim_store::bodies::{self, Body, BodyQuery};
use tanzim_store::territory::{self, Territory};
use tanzim_store::{Page, ScopeFilter};

fn require(user: &CurrentUser, action: Action) -> Result<(), AppError> {
    match decide(&user.principal, action, None) {
        Decision::Allow => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}

async fn find(state: &AppState, code: &str) -> Result<Territory, AppError> {
    let code = TerritoryCode::parse(code).map_err(|_| AppError::NotFound)?;
    territory::get(&state.db, &code)
        .await?
        .ok_or(AppError::NotFound)
}

pub struct Row {
    pub code: String,
    pub name: String,
    pub other_name: String,
    pub kind: String,
    pub population: String,
}

fn row(t: &Territory, ctx: &Ctx) -> Row {
    let (name, other) = if ctx.lang() == crate::i18n::Lang::Ar {
        (&t.name_ar, &t.name_fr)
    } else {
        (&t.name_fr, &t.name_ar)
    };
    Row {
        code: t.code.clone(),
        name: name.clone(),
        other_name: other.clone(),
        kind: ctx.tr.t(&format!("kind-{}", t.kind)),
        population: ctx.tr.number(t.population),
    }
}

#[derive(Template)]
#[template(path = "territories.html")]
struct IndexPage {
    layout: Layout,
    q: String,
    rows: Vec<Row>,
    searched: bool,
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    parent: Option<String>,
}

pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<SearchQuery>,
) -> Result<Response, AppError> {
    require(&user, Action::ViewTerritories)?;
    let query = q.q.unwrap_or_default();
    let found = if query.trim().is_empty() {
        territory::children(&state.db, None).await?
    } else {
        territory::search(&state.db, &query, 50).await?
    };
    let page = IndexPage {
        layout: Layout::new(&state, &ctx, "territories-title"),
        searched: !query.trim().is_empty(),
        rows: found.iter().map(|t| row(t, &ctx)).collect(),
        q: query,
    };
    Ok(views::html(page))
}

pub struct BodyRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub organization: String,
    /// The target date while the body is in formation.
    pub founding_target: Option<String>,
    pub constituted_on: Option<String>,
}

pub fn body_row(state: &AppState, ctx: &Ctx, b: &Body) -> BodyRow {
    let kind = state
        .profile
        .body_kind(&b.kind)
        .map(|k| views::label(&k.name, &ctx.tr))
        .unwrap_or_else(|| b.kind.clone());
    let organization = state
        .profile
        .organization(&b.organization)
        .map(|o| views::label(&o.name, &ctx.tr))
        .unwrap_or_else(|| b.organization.clone());
    BodyRow {
        id: b.id,
        name: b.name.clone(),
        kind,
        organization,
        founding_target: b
            .founding_target
            .as_deref()
            .filter(|_| b.in_formation())
            .map(|t| match chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
                Ok(day) => ctx.tr.day(day),
                Err(_) => t.to_owned(),
            }),
        constituted_on: b.constituted_on.map(|d| ctx.tr.day(d.date())),
    }
}

#[derive(Template)]
#[template(path = "territory.html")]
struct DetailPage {
    layout: Layout,
    territory: Row,
    adult_population: Option<String>,
    crumbs: Vec<Row>,
    children: Vec<Row>,
    bodies: Vec<BodyRow>,
    may_create_body: bool,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    require(&user, Action::ViewTerritories)?;
    let t = find(&state, &code).await?;
    let path = t.territory_path();
    let mut crumbs: Vec<Row> = territory::ancestors(&state.db, &path)
        .await?
        .iter()
        .map(|a| row(a, &ctx))
        .collect();
    crumbs.pop();
    let children =
        territory::children(&state.db, TerritoryCode::parse(&t.code).ok().as_ref()).await?;
    let bodies = if user.may(Action::ViewBodies, None) {
        let scope = ScopeFilter::from_assignments(scopes_for(&user.principal, Action::ViewBodies));
        let q = BodyQuery {
            at_territory: Some(t.code.clone()),
            ..BodyQuery::default()
        };
        bodies::list(&state.db, &scope, &q, Page::new(None, Some(Page::MAX_SIZE)))
            .await?
            .items
    } else {
        Vec::new()
    };
    let target = Target {
        path,
        organization: None,
    };
    let may_create_body = scopes_for(&user.principal, Action::CreateBody)
        .iter()
        .any(|a| a.scope_path.contains(&target.path));
    let page = DetailPage {
        layout: Layout::new(&state, &ctx, "territory-title"),
        adult_population: t.adult_population.map(|n| ctx.tr.number(n)),
        territory: row(&t, &ctx),
        crumbs,
        children: children.iter().map(|c| row(c, &ctx)).collect(),
        bodies: bodies.iter().map(|b| body_row(&state, &ctx, b)).collect(),
        may_create_body,
    };
    Ok(views::html(page))
}

// ---- API ----

#[derive(Serialize, utoipa::ToSchema)]
pub struct TerritoryList {
    pub items: Vec<Territory>,
    pub total: i64,
}

/// Territories: the children of `parent` (the regions without it), or a name search `q`.
#[utoipa::path(get, path = "/api/v1/territories", tag = "territories",
    params(("parent" = Option<String>, Query, description = "HCP code of the parent"),
           ("q" = Option<String>, Query, description = "Arabic or French name, folded")),
    responses((status = 200, body = TerritoryList), BadRequest, Unauthenticated, Forbidden, NotFound),
    security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<SearchQuery>,
) -> Result<Json<TerritoryList>, AppError> {
    require(&user, Action::ViewTerritories)?;
    let items = match (
        q.q.as_deref().filter(|s| !s.trim().is_empty()),
        q.parent.as_deref(),
    ) {
        (Some(query), _) => territory::search(&state.db, query, 200).await?,
        (None, Some(parent)) => {
            let parent = find(&state, parent).await?;
            territory::children(&state.db, TerritoryCode::parse(&parent.code).ok().as_ref()).await?
        }
        (None, None) => territory::children(&state.db, None).await?,
    };
    Ok(Json(TerritoryList {
        total: items.len() as i64,
        items,
    }))
}

/// One territory by its HCP code.
#[utoipa::path(get, path = "/api/v1/territories/{code}", tag = "territories",
    params(("code" = String, Path, description = "HCP code, e.g. 05.091.01.07")),
    responses((status = 200, body = Territory), BadRequest, Unauthenticated, Forbidden, NotFound),
    security(("bearer" = [])))]
pub async fn api_get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> Result<Json<Territory>, AppError> {
    require(&user, Action::ViewTerritories)?;
    Ok(Json(find(&state, &code).await?))
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/territories",
            Policy(Action::ViewTerritories, T::None),
            get(index),
        ),
        route(
            "GET",
            "/territories/{code}",
            Policy(Action::ViewTerritories, T::None),
            get(show),
        ),
        route(
            "GET",
            "/api/v1/territories",
            Policy(Action::ViewTerritories, T::None),
            get(api_list),
        ),
        route(
            "GET",
            "/api/v1/territories/{code}",
            Policy(Action::ViewTerritories, T::None),
            get(api_get),
        ),
    ]
}
