//! The home page: who the user is, which roles on which scopes, and where to go next.

use crate::accounts::RoleRow;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use tanzim_domain::jobs::JobState;
use tanzim_domain::org::BodyLevel;
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
    /// Requests awaiting an answer from bodies in the user's scope, oldest first.
    requests: Vec<crate::meetings::RequestRow>,
    /// Reports due and overdue from the bodies whose meetings the user holds.
    reports: Vec<crate::reports::DueRow>,
    /// For an administrator who sees no body yet: the kinds the first-run step creates
    /// (national, region, province), named.
    first_run: Option<[String; 3]>,
    /// Activities of the coming week, and programmes awaiting adoption: (id, title, body).
    this_week: Vec<crate::programmes::ActivityRow>,
    drafts: Vec<(i64, String, String)>,
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
    let requests = crate::meetings::awaiting_rows(&state, &ctx, user, 20).await?;
    let (this_week, drafts) = crate::programmes::home_rows(&state, &ctx, user).await?;
    let reports = crate::reports::due_rows(&state, &ctx, user, 20).await?;
    let party = state.profile.party_key().unwrap_or_default();
    let country = tanzim_domain::policy::Target {
        path: tanzim_domain::territory::TerritoryPath::national(),
        organization: Some(party.to_owned()),
    };
    let first_run =
        (bodies == Some(0) && user.may(Action::CreateBody, Some(&country))).then(|| {
            [BodyLevel::National, BodyLevel::Region, BodyLevel::Province].map(|level| {
                let key = crate::setup::first_kind(&state.profile, party, level);
                state
                    .profile
                    .body_kind(&key)
                    .map(|k| crate::views::label(&k.name, &ctx.tr))
                    .unwrap_or(key)
            })
        });
    Ok(views::html(HomePage {
        first_run,
        requests,
        this_week,
        drafts,
        reports,
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

/// The user's jobs running, files ready to download, and imports and closes that ended
/// in the last day: the home page says when one is done.
async fn job_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &crate::ctx::CurrentUser,
) -> Result<Vec<(String, String, String)>, AppError> {
    let mine = tanzim_commands::jobs::mine(&state.app(), &user.actor(ctx), 10).await?;
    let since = tanzim_store::now() - tanzim_domain::jobs::KEPT_SECS;
    Ok(mine
        .iter()
        .filter_map(|v| {
            let (prefix, (href, _)) = crate::jobs::kind_of(v);
            let ended_lately = prefix != "job" && v.job.finished_at.is_some_and(|t| t >= since);
            let what = if v.state.is_open() {
                ctx.tr.t(&format!("{prefix}-state-{}", v.state.as_str()))
            } else if v.downloadable() || (ended_lately && v.state == JobState::Done) {
                ctx.tr.t(&format!("{prefix}-ready"))
            } else if ended_lately {
                ctx.tr.t(&format!("{prefix}-state-{}", v.state.as_str()))
            } else {
                return None;
            };
            let detail = format!(
                "{} · {}",
                ctx.tr.t(&format!("{prefix}-title")),
                ctx.tr
                    .with("job-done", &[("done", &ctx.tr.number(v.progress.done))])
            );
            // A finished import leads to its result, a close to its campaign.
            let link = match (v.state.is_open(), prefix) {
                (false, "job-import" | "job-close") => href,
                _ => format!("/jobs/{}", v.job.id),
            };
            Some((link, what, detail))
        })
        .collect())
}
