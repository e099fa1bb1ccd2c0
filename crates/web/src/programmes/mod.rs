//! Activity programmes on the web: a body's programmes, a programme's activities and
//! history, an activity's course, the rolled-up timetable and its files, and the API.
//! Thin adapters over `tanzim_commands::programmes` and `::timetable`.

pub mod api;
pub mod feed;
mod pages;
pub mod press;
pub mod timetable;
mod views;

pub(crate) use api::ActivityView;
pub(crate) use timetable::home_rows;
pub(crate) use views::ActivityRow;

use crate::ctx::Ctx;
use tanzim_domain::programmes::{ActivityInput, ActivityVocabulary, Term};

/// A vocabulary word in the reader's language (the key itself when the profile lost it).
pub(crate) fn term_name<'a>(terms: &'a [Term], key: &'a str, ctx: &Ctx) -> &'a str {
    terms
        .iter()
        .find(|t| t.key == key)
        .map(|t| t.name.get(ctx.lang().code()))
        .unwrap_or(key)
}

/// The choices of a vocabulary list for a select: (key, name).
pub(crate) fn choices(terms: &[Term], ctx: &Ctx) -> Vec<(String, String)> {
    terms
        .iter()
        .map(|t| (t.key.clone(), t.name.get(ctx.lang().code()).to_owned()))
        .collect()
}

/// An activity as a page's form sends it: the themes are ticked boxes (repeated keys).
pub(crate) fn activity_from_pairs(
    pairs: &[(String, String)],
) -> (ActivityInput, Option<String>, Option<String>) {
    let one = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let some = |name: &str| Some(one(name)).filter(|v| !v.trim().is_empty());
    let input = ActivityInput {
        title: one("title"),
        kind: one("kind"),
        themes: pairs
            .iter()
            .filter(|(k, _)| k == "themes")
            .map(|(_, v)| v.clone())
            .collect(),
        audience: one("audience"),
        when: one("when"),
        online: one("online") == "yes",
        responsible: some("responsible"),
        guests: one("guests"),
        budget: some("budget"),
    };
    (input, some("commune"), some("reason"))
}

pub(crate) fn vocabulary(state: &crate::state::AppState) -> &ActivityVocabulary {
    &state.profile.activities
}

pub(crate) fn routes() -> Vec<crate::routing::Route> {
    let mut all = api::routes();
    all.extend(pages::routes());
    all.extend(timetable::routes());
    all.extend(press::routes());
    all.extend(feed::routes());
    all
}
