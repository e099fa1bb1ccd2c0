//! The queue of probable duplicates met during imports: a row that resembles a registered
//! member (same folded name and birth date, another CIN) waits here until an officer says
//! it is the same person (nothing written) or a different one (added as a member).

use crate::access::Loaded;
use crate::access::{member_decision, member_scope, sees_contact};
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{self, Layout, Pager};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_commands as commands;
use tanzim_domain::policy::{Action, Decision};
use tanzim_store::imports::{self, Review};
use tanzim_store::{Page, members};

struct Row {
    id: i64,
    file_label: String,
    file_name: String,
    file_cin: String,
    birth_date: String,
    file_commune: String,
    member_id: i64,
    member_name: String,
    member_number: String,
    member_cin: String,
    /// The file's CIN is the member's (a referral): the row cannot be added as another.
    same_cin: bool,
}

#[derive(Template)]
#[template(path = "reviews.html")]
struct ReviewsPage {
    layout: Layout,
    rows: Vec<Row>,
    pager: Pager,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<u32>,
}

pub async fn index(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    page(&state, &ctx, &user, q.page, None).await
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    number: Option<u32>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let scope = member_scope(state, user, Action::ManageMembers);
    let paged = imports::reviews(&state.db, &scope, Page::new(number, Some(20))).await?;
    let lang = ctx.tr.lang.code();
    let mut rows = Vec::new();
    for r in &paged.items {
        let file = r.row();
        // A review lies where the user may decide it, but its member must be in reach too
        // (reviews filed before referrals existed lie where the row was): otherwise nothing
        // of that member is shown, not even that it exists.
        let Some(m) = members::get(&state.db, r.matched_member_id).await? else {
            continue;
        };
        if member_decision(state, user, Action::ManageMembers, &m) != Decision::Allow {
            continue;
        }
        let m = if sees_contact(state, user, &m) {
            m
        } else {
            m.without_contact()
        };
        let line = file.line.unwrap_or_default().to_string();
        rows.push(Row {
            id: r.id,
            file_label: ctx.tr.with("reviews-file-row", &[("line", &line)]),
            file_name: tanzim_domain::members::display_name(
                [
                    &file.first_name_ar,
                    &file.last_name_ar,
                    &file.first_name_lat,
                    &file.last_name_lat,
                ],
                lang,
            ),
            file_cin: file.cin.clone(),
            birth_date: file.birth_date.clone(),
            file_commune: file.commune.clone(),
            member_id: m.id,
            member_name: m.display_name(lang),
            member_number: m.number.clone(),
            member_cin: m.person.cin.clone(),
            same_cin: r.reason == imports::REFERRED_CIN,
        });
    }
    Ok(views::html(ReviewsPage {
        layout: Layout::new(state, ctx, "reviews-title"),
        pager: Pager::new(&paged, "/members/reviews?"),
        rows,
        error,
    }))
}

/// The same person as the registered member: the review closes, nothing else changes.
pub async fn same(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(review): Loaded<Review>,
) -> Result<Response, AppError> {
    let result = commands::reviews::same(&state.app(), &user.actor(&ctx), &review).await;
    after(&state, &ctx, &user, result.map_err(AppError::from)).await
}

/// A different person: the row is validated again and added as a member.
pub async fn distinct(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(review): Loaded<Review>,
) -> Result<Response, AppError> {
    let result = commands::reviews::distinct(&state.app(), &user.actor(&ctx), &review).await;
    after(&state, &ctx, &user, result.map_err(AppError::from)).await
}

/// Back to the queue, or the queue with the reason it could not be done.
async fn after(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    result: Result<(), AppError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to("/members/reviews").into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            let mut response = page(state, ctx, user, None, Some(e.message(&ctx.tr))).await?;
            *response.status_mut() = e.status();
            Ok(response)
        }
        Err(e) => Err(e),
    }
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route(
            "GET",
            "/members/reviews",
            Policy(Action::ManageMembers, T::None),
            get(index),
        ),
        route(
            "POST",
            "/members/reviews/{id}/same",
            Policy(Action::ManageMembers, T::Review),
            post(same),
        ),
        route(
            "POST",
            "/members/reviews/{id}/distinct",
            Policy(Action::ManageMembers, T::Review),
            post(distinct),
        ),
    ]
}
