//! The home page: who the user is, which roles on which scopes, and where to go next.

use crate::accounts::RoleRow;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use tanzim_domain::policy::{Action, scopes_for};
use tanzim_store::bodies::{self, BodyQuery};
use tanzim_store::{Page, ScopeFilter, accounts};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    name: String,
    roles: Vec<RoleRow>,
    bodies: Option<i64>,
    /// Upcoming meetings in the user's scope: (id, body, kind, date).
    upcoming: Vec<(i64, String, String, String)>,
    /// What waits for the user: (link, what, detail).
    reminders: Vec<(String, String, String)>,
}

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let stored = accounts::roles(&state.db, user.id()).await?;
    let roles = crate::accounts::role_rows_for(&state, &ctx, &stored).await?;
    let bodies = if user.may(Action::ViewBodies, None) {
        let scope = ScopeFilter::from_assignments(scopes_for(&user.principal, Action::ViewBodies));
        Some(
            bodies::list(
                &state.db,
                &scope,
                &BodyQuery::default(),
                Page::new(None, Some(1)),
            )
            .await?
            .total,
        )
    } else {
        None
    };
    let upcoming =
        crate::meetings::upcoming_rows(&state, &ctx, user, crate::state::today(), 10).await?;
    let mut reminders = job_rows(&state, &ctx, user).await?;
    reminders
        .extend(crate::meetings::reminder_rows(&state, &ctx, user, crate::state::today()).await?);
    Ok(views::html(HomePage {
        upcoming,
        reminders,
        layout: Layout::new(&state, &ctx, "home-title"),
        name: user.display_name.clone(),
        roles,
        bodies,
    }))
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, route};
    use axum::routing::get;
    vec![route("GET", "/", SignedIn, get(home))]
}

/// The user's exports running or ready to download: the home page says when one is done.
async fn job_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &crate::ctx::CurrentUser,
) -> Result<Vec<(String, String, String)>, AppError> {
    let mine = tanzim_commands::jobs::mine(&state.app(), &user.actor(ctx), 10).await?;
    Ok(mine
        .iter()
        .filter(|v| v.state.is_open() || v.downloadable())
        .map(|v| {
            let what = match v.downloadable() {
                true => ctx.tr.t("job-ready"),
                false => ctx.tr.t("job-state-running"),
            };
            let detail = format!(
                "{} · {}",
                ctx.tr.t("job-title"),
                ctx.tr
                    .with("job-done", &[("done", &ctx.tr.number(v.progress.done))])
            );
            (format!("/jobs/{}", v.job.id), what, detail)
        })
        .collect())
}
