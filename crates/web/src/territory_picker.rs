//! The territory picker: the suggestions a territory field shows as an officer types (a
//! fragment that `assets/territory-picker.js` puts in the field's list), how a territory
//! is described to them (its name, the territory above it, its kind and code), and the
//! public news filter's way from a typed name to the news page. Without the script, every
//! territory field takes a name or a code and the server resolves it
//! (`commands::territories`).

use crate::ctx::Ctx;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::places::describe;
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_commands as commands;
use tanzim_domain::Field;
use tanzim_domain::gazetteer::Lookup;
use tanzim_store::territory;

/// Suggestions shown when the request names no limit, and the most it may ask for.
const DEFAULT_SUGGESTIONS: usize = 8;
const MAX_SUGGESTIONS: usize = 20;

/// What a territory field shows once it holds a territory: `تاونات (03.531)` for a code
/// or a name that resolves (as `lookup` reads it), what was typed otherwise.
pub fn field_value(tr: &Tr, typed: &str, lookup: Lookup<'_>) -> String {
    match commands::territories::resolve(typed, lookup) {
        Ok(place) if !typed.trim().is_empty() => place.choice(tr.lang.code()),
        _ => typed.to_owned(),
    }
}

pub struct Suggestion {
    /// What the field takes when it is chosen: the name and the code.
    pub value: String,
    /// The name, the territory above, the kind and the code.
    pub description: String,
}

#[derive(Template)]
#[template(path = "territory_suggestions.html")]
struct Suggestions {
    suggestions: Vec<Suggestion>,
    /// Read out to screen readers: how many were found.
    status: String,
}

#[derive(Deserialize)]
pub struct SuggestQuery {
    q: Option<String>,
    limit: Option<usize>,
}

/// The suggestions for what was typed (a name in Arabic or French, or the start of a
/// code), best first, as list items for the picker. Territories are public reference
/// data for whoever is signed in, like the territory pages.
pub async fn suggest(ctx: Ctx, Query(q): Query<SuggestQuery>) -> Result<Response, AppError> {
    let gazetteer = territory::gazetteer()?;
    let limit = q
        .limit
        .unwrap_or(DEFAULT_SUGGESTIONS)
        .clamp(1, MAX_SUGGESTIONS);
    let found = gazetteer.search(q.q.as_deref().unwrap_or_default(), limit);
    let lang = ctx.tr.lang.code();
    let status = if found.is_empty() {
        ctx.tr.t("picker-none")
    } else {
        ctx.tr.count("picker-found", found.len() as i64)
    };
    let suggestions = found
        .iter()
        .map(|p| Suggestion {
            value: p.choice(lang),
            description: describe(&ctx.tr, gazetteer, p),
        })
        .collect();
    Ok(views::html(Suggestions {
        suggestions,
        status,
    }))
}

#[derive(Deserialize)]
pub struct NewsFilter {
    territory: Option<String>,
}

#[derive(Template)]
#[template(path = "news_territory.html")]
struct NewsTerritoryPage {
    layout: Layout,
    territory: String,
    error: String,
    /// The territories an ambiguous name could mean: (link, description).
    choices: Vec<(String, String)>,
}

/// The public news filter's form: a territory by name or code becomes the news page of its
/// code; a name it cannot resolve is shown again with why, and the territories it could
/// mean as links.
pub async fn news_by_territory(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewsFilter>,
) -> Result<Response, AppError> {
    let typed = q.territory.unwrap_or_default();
    let lookup = Lookup::filter(Field::Territory);
    let error = match commands::territories::resolve_given(Some(&typed), lookup) {
        Ok(None) => return Ok(Redirect::to("/news").into_response()),
        Ok(Some(place)) => {
            return Ok(Redirect::to(&format!("/news?territory={}", place.code)).into_response());
        }
        Err(commands::Error::Invalid(e)) => e,
        Err(e) => return Err(e.into()),
    };
    let gazetteer = territory::gazetteer()?;
    let choices = error
        .candidates
        .iter()
        .filter_map(|c| gazetteer.get(c.as_str()))
        .map(|p| {
            (
                format!("/news?territory={}", p.code),
                describe(&ctx.tr, gazetteer, p),
            )
        })
        .collect();
    let page = NewsTerritoryPage {
        layout: Layout::new(&state, &ctx, "news-title"),
        error: views::field_message(&ctx.tr, &error),
        territory: typed,
        choices,
    };
    let mut response = views::html(page);
    *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/territories/suggest",
            Policy(Action::ViewTerritories, T::None),
            get(suggest),
        ),
        route("GET", "/news/by-territory", Public, get(news_by_territory)),
    ]
}
