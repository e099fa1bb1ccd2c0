//! Which territories have a body of a kind constituted, in formation, or none.

use super::shared::*;

#[derive(Serialize, utoipa::ToSchema)]
pub struct AreaCoverage {
    pub code: String,
    pub name: String,
    /// Territories of the kind's level in the area (within the caller's scope).
    pub territories: usize,
    pub constituted: usize,
    pub forming: usize,
    pub none: usize,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TerritoryCoverage {
    pub code: String,
    pub name: String,
    /// `constituted`, `forming` or `none`.
    pub status: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Coverage {
    pub organization: String,
    pub kind: String,
    pub regions: Vec<AreaCoverage>,
    /// By province too, for kinds of body below the province (local bureaus).
    pub provinces: Vec<AreaCoverage>,
    pub territories: Vec<TerritoryCoverage>,
}

#[derive(Deserialize)]
pub struct CoverageQuery {
    kind: Option<String>,
    /// Only this region (its HCP code).
    region: Option<String>,
}

impl AreaCoverage {
    /// Counts a territory of `status` in the area `code`, adding the area when first met.
    fn tally(
        areas: &mut Vec<AreaCoverage>,
        code: &str,
        name: impl FnOnce() -> String,
        status: &str,
    ) {
        let i = match areas.iter().position(|a| a.code == code) {
            Some(i) => i,
            None => {
                areas.push(AreaCoverage {
                    code: code.to_owned(),
                    name: name(),
                    territories: 0,
                    constituted: 0,
                    forming: 0,
                    none: 0,
                });
                areas.len() - 1
            }
        };
        let a = &mut areas[i];
        a.territories += 1;
        match status {
            "forming" => a.forming += 1,
            "constituted" => a.constituted += 1,
            _ => a.none += 1,
        }
    }
}

/// For one kind of body, which territories of its level have one constituted, one in
/// formation, or none, by region, within the caller's scope.
pub(super) async fn coverage(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    kind: Option<&str>,
    region: Option<&str>,
) -> Result<Coverage, AppError> {
    let actor = user.actor(ctx);
    let kind = match kind.filter(|k| !k.is_empty()) {
        Some(k) => state.profile.body_kinds.iter().find(|b| b.key == k),
        None => state
            .profile
            .body_kinds
            .iter()
            .find(|b| b.level == BodyLevel::Province),
    }
    .ok_or(DomainError::new(Field::BodyKind, "body-kind-unknown"))?;
    let organization = kind.organizations.first().cloned().unwrap_or_default();
    let wanted = |t: &territory::Territory| {
        use tanzim_domain::territory::Level;
        matches!(
            (kind.level, Some(t.level)),
            (BodyLevel::Region, Some(Level::Region))
                | (BodyLevel::Province, Some(Level::Province))
                | (BodyLevel::Commune, Some(Level::Commune))
        )
    };
    let all = territory::all(&state.db).await?;
    let lang = ctx.tr.lang.code();
    let area_name = |code: &str| {
        all.iter()
            .find(|t| t.code == code)
            .map(|t| t.name(lang).to_owned())
            .unwrap_or_default()
    };
    let existing = bodies::of_kind(&state.db, &organization, &kind.key).await?;
    let mut regions: Vec<AreaCoverage> = Vec::new();
    let mut provinces: Vec<AreaCoverage> = Vec::new();
    let mut territories = Vec::new();
    let region_filter = region.filter(|r| !r.is_empty());
    // Abroad, the party is organized in the countries and cities its profile names (and
    // wherever a body of the kind already sits): the world's other countries are not
    // counted as gaps.
    let organized_countries = state
        .profile
        .diaspora
        .as_ref()
        .map(|d| d.organized_countries())
        .unwrap_or_default();
    let counted_abroad = |t: &territory::Territory| match t.kind.as_str() {
        "country" => organized_countries.contains(&t.code),
        "country_rest" => false,
        _ => true,
    };
    let has_body = |t: &territory::Territory| {
        existing
            .iter()
            .any(|b| b.territory_code.as_deref() == Some(t.code.as_str()))
    };
    for t in all
        .iter()
        .filter(|t| wanted(t) && (counted_abroad(t) || has_body(t)))
    {
        let target = tanzim_domain::policy::Target {
            path: t.territory_path(),
            organization: Some(organization.clone()),
        };
        if actor.decide(Action::ViewBodies, Some(&target)) != tanzim_domain::policy::Decision::Allow
        {
            continue;
        }
        let status = match existing
            .iter()
            .find(|b| b.territory_code.as_deref() == Some(t.code.as_str()))
        {
            Some(b) if b.in_formation() => "forming",
            Some(_) => "constituted",
            None => "none",
        };
        let mut codes = t.path.split('/').filter(|c| !c.is_empty());
        let region = codes.next().unwrap_or_default();
        if region_filter.is_some_and(|r| r != region) {
            continue;
        }
        AreaCoverage::tally(&mut regions, region, || area_name(region), status);
        if kind.level == BodyLevel::Commune
            && let Some(province) = codes.next()
        {
            AreaCoverage::tally(&mut provinces, province, || area_name(province), status);
        }
        territories.push(TerritoryCoverage {
            code: t.code.clone(),
            name: t.name(lang).to_owned(),
            status: status.to_owned(),
        });
    }
    Ok(Coverage {
        organization,
        kind: kind.key.clone(),
        regions,
        provinces,
        territories,
    })
}

/// Coverage of one kind of body (the provincial one by default).
#[utoipa::path(get, path = "/api/v1/bodies/coverage", tag = "meetings", params(("kind" = Option<String>, Query, description = "a body kind of the profile"), ("region" = Option<String>, Query, description = "only this region (HCP code)")),
    responses((status = 200, body = Coverage), BadRequest, Unauthenticated, Forbidden, Invalid), security(("bearer" = [])))]
pub async fn api_coverage(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<CoverageQuery>,
) -> Result<Json<Coverage>, AppError> {
    Ok(Json(
        coverage(&state, &ctx, &user, q.kind.as_deref(), q.region.as_deref()).await?,
    ))
}

#[derive(Template)]
#[template(path = "coverage.html")]
pub(super) struct CoveragePage {
    layout: Layout,
    c: Coverage,
    kind: String,
    region: String,
    /// (code, name) of the country's regions, for the filter.
    all_regions: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    /// (code, name, in formation) of territories without a constituted body.
    missing: Vec<(String, String, bool)>,
}

pub async fn coverage_page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<CoverageQuery>,
) -> Result<Response, AppError> {
    let c = coverage(&state, &ctx, &user, q.kind.as_deref(), q.region.as_deref()).await?;
    Ok(views::html(CoveragePage {
        layout: Layout::new(&state, &ctx, "coverage-title"),
        kind: c.kind.clone(),
        region: q.region.clone().unwrap_or_default(),
        all_regions: territory::all(&state.db)
            .await?
            .into_iter()
            .filter(|t| t.level == tanzim_domain::territory::Level::Region)
            .map(|t| (t.code.clone(), t.name(ctx.tr.lang.code()).to_owned()))
            .collect(),
        kinds: state
            .profile
            .body_kinds
            .iter()
            .filter(|k| k.level != BodyLevel::National)
            .map(|k| (k.key.clone(), views::label(&k.name, &ctx.tr)))
            .collect(),
        missing: c
            .territories
            .iter()
            .filter(|t| t.status != "constituted")
            .map(|t| (t.code.clone(), t.name.clone(), t.status == "forming"))
            .collect(),
        c,
    }))
}

/// This module's routes and the access each requires.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    vec![
        route(
            "GET",
            "/bodies/coverage",
            Policy(Action::ViewBodies, T::None),
            get(coverage_page),
        ),
        route(
            "GET",
            "/api/v1/bodies/coverage",
            Policy(Action::ViewBodies, T::None),
            get(api_coverage),
        ),
    ]
}
