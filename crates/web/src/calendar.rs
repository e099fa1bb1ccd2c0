//! The calendar: the user's upcoming meetings, and the iCalendar feeds calendar apps
//! subscribe to (one per user, one per user and body). The documents themselves are
//! written by `tanzim_reports::calendar`, which escapes whatever a meeting's record holds.

use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::meetings::{body_meetings_page, kind_words, upcoming_rows};
use crate::state::{AppState, today};
use crate::views::{self, Layout};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tanzim_commands::{self as commands, meetings as cmd};
use tanzim_domain::policy::{Action, Decision, decide, scopes_for};
use tanzim_reports::calendar::{self as ics, Event};
use tanzim_store::bodies;
use tanzim_store::meetings::{self as store, Meeting};

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    layout: Layout,
    upcoming: Vec<(i64, String, String, String)>,
    has_link: bool,
    new_link: Option<String>,
}

async fn calendar_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    new_link: Option<String>,
) -> Result<Response, AppError> {
    Ok(views::html(CalendarPage {
        layout: Layout::new(state, ctx, "calendar-title"),
        upcoming: upcoming_rows(state, ctx, user, today(), 50).await?,
        has_link: store::has_calendar_feed(&state.db, user.id()).await?,
        new_link,
    }))
}

/// The user's calendar: upcoming meetings and the link of their personal feed.
pub async fn calendar(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Response, AppError> {
    calendar_page(&state, &ctx, &user, None).await
}

/// Creates (or renews) the user's feed link; shown once, stored hashed.
pub async fn calendar_link(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
) -> Result<Response, AppError> {
    // A feed link is a credential of its own, which outlives the session that made it.
    crate::reauth::require_fresh_password(&user, "/calendar")?;
    let token = crate::auth::random_token();
    let hash = crate::auth::token_hash(&token);
    cmd::calendar::link(&state.app(), &user.actor(&ctx), &hash).await?;
    let link = format!("{}/calendar/feed/{token}", state.config.public_base());
    // The link is made: a page that cannot be read now is not its failure.
    let render = || calendar_page(&state, &ctx, &user, Some(link.clone()));
    Ok(crate::committed::page("/calendar", render).await)
}

/// The personal iCalendar feed: the meetings the link's owner may see, from a month ago on.
pub async fn calendar_feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let user_id = store::calendar_feed_user(&state.db, &crate::auth::token_hash(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    let (principal, _) = tanzim_store::accounts::principal(&state.db, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut meetings = Vec::new();
    if decide(&principal, Action::ViewMeetings, None) == Decision::Allow {
        let scope = tanzim_store::ScopeFilter::from_assignments(scopes_for(
            &principal,
            Action::ViewMeetings,
        ));
        let from = today() - chrono::Duration::days(31);
        meetings = store::upcoming(&state.db, &scope, &from.to_string(), 200).await?;
    }
    Ok(feed(&state, meetings))
}

/// Makes (or renews) the user's calendar feed link for one body; shown once, stored hashed.
pub async fn body_calendar_link(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let b =
        commands::access::load(&state.app(), &user.actor(&ctx), Action::ViewMeetings, id).await?;
    crate::reauth::require_fresh_password(&user, &format!("/bodies/{id}/meetings"))?;
    let token = crate::auth::random_token();
    let hash = crate::auth::token_hash(&token);
    cmd::calendar::body_link(&state.app(), &user.actor(&ctx), &b, &hash).await?;
    let link = format!(
        "{}/calendar/bodies/feed/{token}",
        state.config.public_base()
    );
    // The link is made: a page that cannot be read now is not its failure.
    let render = || body_meetings_page(&state, &ctx, &user, id, None, Some(link.clone()));
    Ok(crate::committed::page(&format!("/bodies/{id}/meetings"), render).await)
}

/// A body's iCalendar feed: its meetings from a month ago on, while the link's owner may
/// still see the body (a role taken away closes the feed).
pub async fn body_calendar_feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (user_id, body_id) = store::body_calendar_feed(&state.db, &crate::auth::token_hash(&token))
        .await?
        .ok_or(AppError::NotFound)?;
    let (principal, _) = tanzim_store::accounts::principal(&state.db, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let b = bodies::get(&state.db, body_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if decide(&principal, Action::ViewMeetings, Some(&b.target())) != Decision::Allow {
        return Err(AppError::NotFound);
    }
    let from = today() - chrono::Duration::days(31);
    let mut meetings: Vec<(Meeting, String)> = store::of_body(&state.db, b.id)
        .await?
        .into_iter()
        .filter(|m| m.held_on >= from)
        .map(|m| (m, b.name.clone()))
        .collect();
    meetings.reverse();
    Ok(feed(&state, meetings))
}

/// Meetings (with their body's name) as an iCalendar response.
fn feed(state: &AppState, meetings: Vec<(Meeting, String)>) -> Response {
    let base = state.config.public_base();
    let events: Vec<Event> = meetings
        .into_iter()
        .map(|(m, body)| Event {
            uid: format!("meeting-{}@tanzim", m.id),
            day: m.held_on.date(),
            time: m
                .starts_at
                .as_deref()
                .and_then(|t| t.get(..5))
                .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok()),
            summary: format!("{} - {body}", kind_words(state, &m.kind).ar_noun),
            description: m.slogan,
            location: m.place,
            url: Some(format!("{base}/meetings/{}", m.id)),
        })
        .collect();
    let text = ics::document("-//tanzim//meetings//AR", chrono::Utc::now(), &events);
    (
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        text,
    )
        .into_response()
}

/// This module's routes and the access each requires; `routes::table` joins them.
pub(crate) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, fresh_password, route};
    use axum::routing::{get, post};
    use tanzim_domain::policy::Action;
    vec![
        route("GET", "/calendar", SignedIn, get(calendar)),
        fresh_password(route(
            "POST",
            "/calendar/link",
            SignedIn,
            post(calendar_link),
        )),
        route("GET", "/calendar/feed/{token}", Public, get(calendar_feed)),
        route(
            "GET",
            "/calendar/bodies/feed/{token}",
            Public,
            get(body_calendar_feed),
        ),
        fresh_password(route(
            "POST",
            "/bodies/{id}/calendar/link",
            Policy(Action::ViewMeetings, T::Body),
            post(body_calendar_link),
        )),
    ]
}
