//! The statistics dashboard and its API: a territory's members by status, sex and age,
//! shares and density, and its children's breakdown to drill down, all read from counters
//! kept with every change (never a scan of the members). Those who may not read the
//! territory's members get protected figures (`stats::Disclosure`): no count under the
//! profile's `stats_min_cell`, the others rounded.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::problems::{BadRequest, Forbidden, NotFound, Unauthenticated};
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tanzim_domain::policy::{Action, scopes_for};
use tanzim_domain::stats::{Disclosure, Summary, percent};
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_store::counters::{self, CountRow};
use tanzim_store::territory::{self, Territory};

#[derive(Deserialize)]
pub struct StatsQuery {
    territory: Option<String>,
}

/// `[key, count]` pairs; the count is null when withheld.
fn counts_schema(description: &str) -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ArrayItems, ObjectBuilder, Type};
    let pair = ArrayBuilder::new()
        .prefix_items([
            ObjectBuilder::new().schema_type(Type::String).build(),
            ObjectBuilder::new()
                .schema_type(
                    [Type::Integer, Type::Null]
                        .into_iter()
                        .collect::<utoipa::openapi::schema::SchemaType>(),
                )
                .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::Int64,
                )))
                .build(),
        ])
        .items(ArrayItems::False)
        .min_items(Some(2))
        .max_items(Some(2));
    ArrayBuilder::new()
        .items(pair)
        .description(Some(description))
        .build()
}

fn status_counts_schema() -> utoipa::openapi::schema::Array {
    counts_schema("Members by status: `[status, count]` for every status.")
}

fn age_counts_schema() -> utoipa::openapi::schema::Array {
    counts_schema("Active members by age band: `[band, count]` for every band.")
}

/// A territory's figures. Counts are null when withheld (see `MemberStats.min_cell`).
#[derive(Serialize, utoipa::ToSchema)]
pub struct Breakdown {
    /// HCP code; empty for the whole country.
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub total: Option<i64>,
    pub active: Option<i64>,
    pub lapsed: Option<i64>,
    pub active_women: Option<i64>,
    pub active_under_35: Option<i64>,
    /// Per cent of active members.
    pub women_share: Option<f64>,
    pub under_35_share: Option<f64>,
    pub per_thousand_adults: Option<f64>,
    #[schema(schema_with = status_counts_schema)]
    pub by_status: Vec<(String, Option<i64>)>,
    #[schema(schema_with = age_counts_schema)]
    pub by_age: Vec<(String, Option<i64>)>,
    /// The counts withheld, by name: `total`, `active_women`, `by_status.lapsed`,
    /// `by_age.18-24`, `renewals_this_year`… Empty for exact figures.
    pub suppressed: Vec<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MemberStats {
    #[serde(flatten)]
    pub territory: Breakdown,
    /// Renewals recorded for the current year in the territory.
    pub renewals_this_year: Option<i64>,
    /// Renewals over members expected to renew (active and lapsed), per cent.
    pub renewal_rate: Option<f64>,
    /// Set when the caller may see only counts: a count below it is null, every other
    /// count is rounded to a multiple of it, and shares are computed from the rounded
    /// counts. Null for exact figures.
    pub min_cell: Option<i64>,
    pub children: Vec<Breakdown>,
}

fn breakdown(
    code: &str,
    name_ar: &str,
    name_fr: &str,
    rows: &[&CountRow],
    adults: Option<i64>,
    year: i64,
    disclosure: Disclosure,
) -> Breakdown {
    let s = Summary::from_cells(
        rows.iter()
            .map(|r| (r.status.as_str(), r.sex.as_str(), r.birth_year, r.n)),
        year,
    );
    let p = s.publish(disclosure, adults);
    Breakdown {
        code: code.to_owned(),
        name_ar: name_ar.to_owned(),
        name_fr: name_fr.to_owned(),
        total: p.total,
        active: p.active,
        lapsed: p.lapsed,
        active_women: p.active_women,
        active_under_35: p.active_under_35,
        women_share: p.women_share,
        under_35_share: p.under_35_share,
        per_thousand_adults: p.per_thousand_adults,
        by_status: p.by_status,
        by_age: p.by_age,
        suppressed: p.suppressed,
    }
}

/// Exact figures for a user who may read the territory's members, protected ones for
/// the others (analysts).
fn disclosure(state: &AppState, user: &CurrentUser, t: Option<&Territory>) -> Disclosure {
    Disclosure::for_reader(
        &user.principal,
        &t.map(|t| t.territory_path()).unwrap_or_default(),
        state.profile.stats_min_cell,
    )
}

/// Whether the user's roles cover the statistics of this subtree. Counts are aggregates,
/// not records: a role limited to one organization sees its territory's counts too.
fn covers(user: &CurrentUser, path: &TerritoryPath) -> bool {
    scopes_for(&user.principal, Action::ViewStats)
        .iter()
        .any(|a| a.scope_path.contains(path))
}

/// The territory asked for, or without one the country for national users and the first
/// scope for the others; 404 outside the user's scopes.
async fn place(
    state: &AppState,
    user: &CurrentUser,
    code: Option<&str>,
) -> Result<Option<Territory>, AppError> {
    let code = match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(c.to_owned()),
        None if covers(user, &TerritoryPath::national()) => None,
        None => scopes_for(&user.principal, Action::ViewStats)
            .iter()
            .find_map(|a| a.scope.as_ref().map(|c| c.to_string())),
    };
    let t = match code {
        Some(c) => Some(
            territory::get(
                &state.db,
                &TerritoryCode::parse(&c).map_err(|_| AppError::NotFound)?,
            )
            .await?
            .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    if !covers(
        user,
        &t.as_ref().map(|t| t.territory_path()).unwrap_or_default(),
    ) {
        return Err(AppError::NotFound);
    }
    Ok(t)
}

async fn member_stats(
    state: &AppState,
    t: Option<&Territory>,
    disclosure: Disclosure,
) -> Result<MemberStats, AppError> {
    let year = i64::from(chrono::Datelike::year(&crate::state::today()));
    let code = t.map(|t| t.code.as_str());
    let own = counters::of(&state.db, code).await?;
    let children = territory::children(
        &state.db,
        t.and_then(|t| TerritoryCode::parse(&t.code).ok()).as_ref(),
    )
    .await?;
    let adults = match t {
        Some(t) => t.adult_population,
        None => Some(children.iter().filter_map(|c| c.adult_population).sum()),
    };
    let child_rows = counters::children_of(&state.db, code).await?;
    let mut by_child: BTreeMap<&str, Vec<&CountRow>> = BTreeMap::new();
    for r in &child_rows {
        by_child.entry(r.code.as_str()).or_default().push(r);
    }
    let children = children
        .iter()
        .map(|c| {
            breakdown(
                &c.code,
                &c.name_ar,
                &c.name_fr,
                by_child
                    .get(c.code.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]),
                c.adult_population,
                year,
                disclosure,
            )
        })
        .collect();
    let own_refs: Vec<&CountRow> = own.iter().collect();
    let (name_ar, name_fr) = t
        .map(|t| (t.name_ar.as_str(), t.name_fr.as_str()))
        .unwrap_or(("المغرب", "Maroc"));
    let mut territory = breakdown(
        code.unwrap_or(""),
        name_ar,
        name_fr,
        &own_refs,
        adults,
        year,
        disclosure,
    );
    let (low, high) = t.map(|t| t.territory_path()).unwrap_or_default().range();
    let renewals = disclosure.count(counters::renewals(&state.db, &low, &high, year).await?);
    if renewals.is_none() {
        territory.suppressed.push("renewals_this_year".to_owned());
    }
    let expected = territory.active.zip(territory.lapsed).map(|(a, l)| a + l);
    Ok(MemberStats {
        renewal_rate: percent(renewals, expected),
        territory,
        renewals_this_year: renewals,
        min_cell: disclosure.min_cell(),
        children,
    })
}

pub struct ChildRow {
    pub code: String,
    pub name: String,
    pub active: String,
    pub women: String,
    pub under_35: String,
    pub density: String,
}

#[derive(Template)]
#[template(path = "stats.html")]
struct StatsPage {
    layout: Layout,
    name: String,
    parent_link: Option<String>,
    total: String,
    active: String,
    women: String,
    under_35: String,
    density: String,
    renewals: String,
    renewal_rate: String,
    statuses: Vec<(String, String)>,
    ages: Vec<(String, String)>,
    children: Vec<ChildRow>,
    bars: Vec<Bar>,
    /// The bars' anchor, `right` in Arabic and `left` otherwise (`data-anchor`).
    anchor: &'static str,
    drillable: bool,
    /// Said when the figures are protected (rounded, small counts withheld).
    protected_note: Option<String>,
}

/// A published count in the page's language: "<5" (localized) when withheld.
fn figure(tr: &crate::i18n::Tr, n: Option<i64>, disclosure: Disclosure) -> String {
    match (n, disclosure.min_cell()) {
        (Some(n), _) => tr.number(n),
        (None, Some(min)) => tr.with("stats-withheld", &[("min", &min.to_string())]),
        (None, None) => "—".to_owned(),
    }
}

/// A share as the page's language writes it, "—" when unknown.
fn pct(tr: &crate::i18n::Tr, v: Option<f64>) -> String {
    v.map(|x| tr.percent(x)).unwrap_or_else(|| "—".to_owned())
}

/// Members per thousand adults, one decimal.
fn per_thousand(tr: &crate::i18n::Tr, v: Option<f64>) -> String {
    v.map(|x| tr.decimal(x, 1))
        .unwrap_or_else(|| "—".to_owned())
}

/// One bar of the chart of the children's active members: the territory's name in the
/// page's language (HTML text, so it wraps and is read out), the figure as the page writes
/// numbers, and the bar's start and length in per cent of the track, measured from the
/// right in Arabic.
pub struct Bar {
    pub name: String,
    pub value: String,
    pub x: String,
    pub width: String,
}

/// Horizontal bars of the children's active members (as published: withheld ones get no
/// bar), each anchored on the line's start: the right in Arabic, the left in French.
fn bars(children: &[Breakdown], tr: &crate::i18n::Tr) -> Vec<Bar> {
    let rows: Vec<(&Breakdown, i64)> = children
        .iter()
        .filter_map(|c| c.active.filter(|a| *a > 0).map(|a| (c, a)))
        .collect();
    let max = rows.iter().map(|(_, a)| *a).max().unwrap_or(1).max(1) as f64;
    let rtl = tr.lang == crate::i18n::Lang::Ar;
    rows.iter()
        .map(|(c, active)| {
            let w = 100.0 * *active as f64 / max;
            Bar {
                name: if rtl { &c.name_ar } else { &c.name_fr }.clone(),
                value: tr.number(*active),
                x: format!("{:.1}", if rtl { 100.0 - w } else { 0.0 }),
                width: format!("{w:.1}"),
            }
        })
        .collect()
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<StatsQuery>,
) -> Result<Response, AppError> {
    let t = place(&state, &user, q.territory.as_deref()).await?;
    let d = disclosure(&state, &user, t.as_ref());
    let stats = member_stats(&state, t.as_ref(), d).await?;
    let tr = &ctx.tr;
    let count = |n: Option<i64>| figure(tr, n, d);
    let name = |b: &Breakdown| {
        if ctx.lang() == crate::i18n::Lang::Ar {
            b.name_ar.clone()
        } else {
            b.name_fr.clone()
        }
    };
    // The level above, if the user's scope covers it.
    let parent_link = t.as_ref().and_then(|t| {
        let stem = t.path.trim_end_matches('/');
        let parent = stem
            .rsplit_once('/')
            .map(|(p, _)| format!("{p}/"))
            .unwrap_or_default();
        covers(&user, &TerritoryPath::from_stored(parent)).then(|| match &t.parent_code {
            Some(p) => format!("/stats?territory={p}"),
            None => "/stats".to_owned(),
        })
    });
    let b = &stats.territory;
    let page = StatsPage {
        layout: Layout::new(&state, &ctx, "stats-title"),
        name: name(b),
        parent_link,
        total: count(b.total),
        active: count(b.active),
        women: pct(tr, b.women_share),
        under_35: pct(tr, b.under_35_share),
        density: per_thousand(tr, b.per_thousand_adults),
        renewals: count(stats.renewals_this_year),
        renewal_rate: pct(tr, stats.renewal_rate),
        statuses: b
            .by_status
            .iter()
            .map(|(k, n)| (tr.t(&format!("status-{k}")), count(*n)))
            .collect(),
        ages: b
            .by_age
            .iter()
            .map(|(k, n)| (k.clone(), count(*n)))
            .collect(),
        bars: bars(&stats.children, tr),
        anchor: if ctx.lang() == crate::i18n::Lang::Ar {
            "right"
        } else {
            "left"
        },
        drillable: t
            .as_ref()
            .is_none_or(|t| t.level != tanzim_domain::territory::Level::Arrondissement),
        children: stats
            .children
            .iter()
            .map(|c| ChildRow {
                code: c.code.clone(),
                name: name(c),
                active: count(c.active),
                women: pct(tr, c.women_share),
                under_35: pct(tr, c.under_35_share),
                density: per_thousand(tr, c.per_thousand_adults),
            })
            .collect(),
        protected_note: d
            .min_cell()
            .map(|min| tr.with("stats-protected", &[("min", &min.to_string())])),
    };
    Ok(views::html(page))
}

/// Membership statistics of a territory (the country without `territory`) with its
/// children's breakdown; counts only.
#[utoipa::path(get, path = "/api/v1/stats/members", tag = "stats",
    params(("territory" = Option<String>, Query, description = "HCP code; the whole country when absent")),
    responses((status = 200, body = MemberStats), BadRequest, Unauthenticated, Forbidden, NotFound), security(("bearer" = [])))]
pub async fn api(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<StatsQuery>,
) -> Result<Json<MemberStats>, AppError> {
    let t = place(&state, &user, q.territory.as_deref()).await?;
    let d = disclosure(&state, &user, t.as_ref());
    Ok(Json(member_stats(&state, t.as_ref(), d).await?))
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/stats",
            Policy(Action::ViewStats, T::None),
            get(page),
        ),
        route(
            "GET",
            "/api/v1/stats/members",
            Policy(Action::ViewStats, T::None),
            get(api),
        ),
    ]
}
