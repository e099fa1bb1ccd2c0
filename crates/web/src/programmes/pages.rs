//! The programmes' pages: a body's programmes and the form that drafts one, a programme
//! with its activities, the form that adds one and its history, and an activity's page
//! with the forms that move it along its course.

use super::views::ActivityRow;
use super::{activity_from_pairs, choices, vocabulary};
use crate::access::Loaded;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::input::{Confirm, parse_form};
use crate::state::AppState;
use crate::views::{self, Layout};
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tanzim_commands::Found;
use tanzim_commands::access::InBody;
use tanzim_commands::activity_press as press_cases;
use tanzim_commands::programmes::{self as cases, ActivityOf};
use tanzim_domain::policy::Action;
use tanzim_domain::programmes::HeldInput;
use tanzim_store::bodies::Body;
use tanzim_store::programmes::Programme;

/// After a form: to `to`, or the page again with the reason (422/409/400 kept).
fn answer(
    result: Result<String, AppError>,
    again: impl FnOnce(AppError) -> Response,
) -> Result<Response, AppError> {
    match result {
        Ok(to) => Ok(Redirect::to(&to).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::BadRequest(_))) => {
            let status = e.status();
            let mut page = again(e);
            *page.status_mut() = status;
            Ok(page)
        }
        Err(e) => Err(e),
    }
}

struct ProgrammeRow {
    id: i64,
    title: String,
    period: String,
    adopted: bool,
}

#[derive(Template)]
#[template(path = "programmes.html")]
struct ProgrammesPage {
    layout: Layout,
    body_id: i64,
    body_name: String,
    programmes: Vec<ProgrammeRow>,
    may_manage: bool,
    year: i32,
    error: Option<String>,
}

async fn programmes_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    b: &Body,
    error: Option<String>,
) -> Result<Response, AppError> {
    let tr = &ctx.tr;
    let programmes = tanzim_store::programmes::of_body(&state.db, b.id)
        .await?
        .into_iter()
        .map(|p| ProgrammeRow {
            id: p.id,
            adopted: p.is_adopted(),
            period: format!(
                "{} – {}",
                tr.day(p.starts_on.date()),
                tr.day(p.ends_on.date())
            ),
            title: p.title,
        })
        .collect();
    Ok(views::html(ProgrammesPage {
        layout: Layout::new(state, ctx, "programmes-title"),
        body_id: b.id,
        body_name: b.name.clone(),
        programmes,
        may_manage: user.may(Action::ManageMeetings, Some(&b.target())) && b.is_active(),
        year: chrono::Datelike::year(&crate::state::today()),
        error,
    }))
}

/// A body's programmes, latest first, and the form that drafts one.
pub async fn body_programmes(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
) -> Result<Response, AppError> {
    programmes_page(&state, &ctx, &user, &b, None).await
}

#[derive(Deserialize)]
pub struct DraftForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
}

pub async fn draft_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result: Result<String, AppError> = async {
        let f: DraftForm = parse_form(&body)?;
        let id = cases::draft(
            &state.app(),
            &user.actor(&ctx),
            &b,
            &f.title,
            &f.starts_on,
            &f.ends_on,
        )
        .await?;
        Ok(format!("/programmes/{id}"))
    }
    .await;
    let error = result.as_ref().err().map(|e| e.message(&ctx.tr));
    let page = programmes_page(&state, &ctx, &user, &b, error).await?;
    answer(result, |_| page)
}

struct ChangeRow {
    activity_id: i64,
    activity_title: String,
    change: String,
    reason: Option<String>,
    at: String,
}

#[derive(Template)]
#[template(path = "programme.html")]
struct ProgrammePage {
    layout: Layout,
    p: Programme,
    period: String,
    adopted_on: Option<String>,
    body_id: i64,
    body_name: String,
    rows: Vec<ActivityRow>,
    listed: Vec<String>,
    changes: Vec<ChangeRow>,
    may_manage: bool,
    kinds: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    audiences: Vec<(String, String)>,
    communes: Vec<(String, String)>,
    error: Option<String>,
}

/// The communes of the body's territory, for the place of an activity (none for a body
/// above a province: a region's commune is typed as a code).
async fn communes(
    state: &AppState,
    ctx: &Ctx,
    b: &Body,
) -> Result<Vec<(String, String)>, AppError> {
    let Some(code) = &b.territory_code else {
        return Ok(Vec::new());
    };
    let parsed =
        tanzim_domain::territory::TerritoryCode::parse(code).map_err(|_| AppError::NotFound)?;
    let Some(t) = tanzim_store::territory::get(&state.db, &parsed).await? else {
        return Ok(Vec::new());
    };
    let all = match t.level.as_str() {
        "province" => tanzim_store::territory::children(&state.db, Some(&parsed)).await?,
        "commune" => vec![t],
        _ => return Ok(Vec::new()),
    };
    Ok(all
        .into_iter()
        .map(|c| {
            let name = if ctx.lang().code() == "ar" {
                c.name_ar
            } else {
                c.name_fr
            };
            (c.code, name)
        })
        .collect())
}

async fn programme_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    p: &Found<InBody<Programme>>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let tr = &ctx.tr;
    let programme = &p.record;
    let (activities, changes) = cases::read(&state.app(), p).await?;
    let words = vocabulary(state);
    let b = &p.body;
    Ok(views::html(ProgrammePage {
        layout: Layout::new(state, ctx, "programme-title"),
        period: format!(
            "{} – {}",
            tr.day(programme.starts_on.date()),
            tr.day(programme.ends_on.date())
        ),
        adopted_on: programme.adopted_on.map(|d| tr.day(d.date())),
        body_id: b.id,
        body_name: b.name.clone(),
        rows: activities
            .iter()
            .map(|a| ActivityRow::new(state, ctx, a))
            .collect(),
        listed: programme.listed.lines().map(str::to_owned).collect(),
        changes: changes
            .into_iter()
            .map(|c| ChangeRow {
                activity_id: c.activity_id,
                activity_title: c.activity_title,
                change: tr.t(&format!("activity-change-{}", c.change.replace('_', "-"))),
                reason: c.reason,
                at: tr.datetime(c.created_at),
            })
            .collect(),
        may_manage: user.may(Action::ManageMeetings, Some(&b.target())),
        kinds: choices(&words.kinds, ctx),
        themes: choices(&words.themes, ctx),
        audiences: choices(&words.audiences, ctx),
        communes: communes(state, ctx, b).await?,
        p: programme.clone(),
        error,
    }))
}

pub async fn programme(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(p): Loaded<InBody<Programme>>,
) -> Result<Response, AppError> {
    programme_page(&state, &ctx, &user, &p, None).await
}

pub async fn add_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(p): Loaded<InBody<Programme>>,
    body: Bytes,
) -> Result<Response, AppError> {
    let result: Result<String, AppError> = async {
        let pairs: Vec<(String, String)> = parse_form(&body)?;
        let (input, commune, reason) = activity_from_pairs(&pairs);
        cases::add_activity(
            &state.app(),
            &user.actor(&ctx),
            &p,
            &input,
            commune.as_deref(),
            reason.as_deref(),
        )
        .await?;
        Ok(format!("/programmes/{}#activities", p.record.id))
    }
    .await;
    let error = result.as_ref().err().map(|e| e.message(&ctx.tr));
    let page = programme_page(&state, &ctx, &user, &p, error).await?;
    answer(result, |_| page)
}

#[derive(Template)]
#[template(path = "activity.html")]
struct ActivityPage {
    layout: Layout,
    a: ActivityRow,
    raw: tanzim_store::programmes::Activity,
    programme_id: i64,
    programme_title: String,
    adopted: bool,
    open: bool,
    may_manage: bool,
    /// The bodies above whose timetables the user may fold it into: (id, name).
    above: Vec<(i64, String)>,
    when_value: String,
    themes_value: Vec<String>,
    budget_value: String,
    kinds: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    audiences: Vec<(String, String)>,
    today: String,
    /// The photographs' ids, and the communiqués drafted from the record: (id, headline,
    /// status, language).
    photos: Vec<i64>,
    communiques: Vec<(i64, String, String, String)>,
    may_publish: bool,
    error: Option<String>,
}

/// The active bodies above the activity's whose meetings the user holds, nearest first.
async fn bodies_above(
    state: &AppState,
    user: &CurrentUser,
    b: &Body,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(tanzim_commands::bodies::above(&state.app(), b)
        .await?
        .into_iter()
        .filter(|p| user.may(Action::ManageMeetings, Some(&p.target())))
        .map(|p| (p.id, p.name))
        .collect())
}

async fn activity_page(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    a: &Found<ActivityOf>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let raw = a.activity.clone();
    let (photos, communiques) = press_cases::of_activity(&state.app(), a).await?;
    let words = vocabulary(state);
    let open =
        tanzim_domain::programmes::ActivityStatus::parse(&raw.status).is_some_and(|s| s.is_open());
    Ok(views::html(ActivityPage {
        layout: Layout::new(state, ctx, "activity-title"),
        a: ActivityRow::new(state, ctx, &raw),
        programme_id: a.programme.id,
        programme_title: a.programme.title.clone(),
        adopted: a.programme.is_adopted(),
        open,
        may_manage: user.may(Action::ManageMeetings, Some(&a.body.target())),
        above: bodies_above(state, user, &a.body).await?,
        when_value: raw.span().typed(),
        themes_value: raw.theme_keys().map(str::to_owned).collect(),
        budget_value: raw
            .budget_centimes
            .map(|c| format!("{}.{:02}", c / 100, c % 100))
            .unwrap_or_default(),
        kinds: choices(&words.kinds, ctx),
        themes: choices(&words.themes, ctx),
        audiences: choices(&words.audiences, ctx),
        today: crate::state::today().to_string(),
        photos: photos.into_iter().map(|p| p.id).collect(),
        communiques: communiques
            .into_iter()
            .map(|c| {
                (
                    c.id,
                    c.headline,
                    ctx.tr.t(&format!("communique-{}", c.status)),
                    c.lang,
                )
            })
            .collect(),
        may_publish: user.may(Action::PublishCommuniques, Some(&a.body.target())),
        raw,
        error,
    }))
}

pub async fn activity(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
) -> Result<Response, AppError> {
    activity_page(&state, &ctx, &user, &a, None).await
}

/// Every form of the activity's page: one command each, then the page again.
async fn on_activity<F, Fut>(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    a: &Found<ActivityOf>,
    run: F,
) -> Result<Response, AppError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<String, AppError>>,
{
    let result = run().await;
    let error = result.as_ref().err().map(|e| e.message(&ctx.tr));
    let page = activity_page(state, ctx, user, a, error).await?;
    answer(result, |_| page)
}

pub async fn amend_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    on_activity(&state, &ctx, &user, &a, || async {
        let pairs: Vec<(String, String)> = parse_form(&body)?;
        let (input, commune, reason) = activity_from_pairs(&pairs);
        cases::amend(
            &state.app(),
            &user.actor(&ctx),
            &a,
            &input,
            commune.as_deref(),
            reason.as_deref(),
        )
        .await?;
        Ok(format!("/activities/{}", a.activity.id))
    })
    .await
}

#[derive(Deserialize)]
pub struct CourseForm {
    #[serde(default)]
    when: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    body_id: String,
}

pub async fn postpone_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    on_activity(&state, &ctx, &user, &a, || async {
        let f: CourseForm = parse_form(&body)?;
        cases::postpone(&state.app(), &user.actor(&ctx), &a, &f.when, &f.reason).await?;
        Ok(format!("/activities/{}", a.activity.id))
    })
    .await
}

pub async fn cancel_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    on_activity(&state, &ctx, &user, &a, || async {
        let f: CourseForm = parse_form(&body)?;
        cases::cancel(&state.app(), &user.actor(&ctx), &a, &f.reason).await?;
        Ok(format!("/activities/{}", a.activity.id))
    })
    .await
}

pub async fn fold_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    on_activity(&state, &ctx, &user, &a, || async {
        let f: CourseForm = parse_form(&body)?;
        let into = f.body_id.trim().parse().ok();
        cases::fold(&state.app(), &user.actor(&ctx), &a, into).await?;
        Ok(format!("/activities/{}", a.activity.id))
    })
    .await
}

pub async fn ask_move_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    on_activity(&state, &ctx, &user, &a, || async {
        let f: CourseForm = parse_form(&body)?;
        let from = f.body_id.trim().parse().unwrap_or(0);
        cases::ask_move(&state.app(), &user.actor(&ctx), &a, from, &f.reason).await?;
        Ok(format!("/activities/{}", a.activity.id))
    })
    .await
}

#[derive(Deserialize)]
pub struct HeldForm {
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    attended_men: String,
    #[serde(default)]
    attended_women: String,
    #[serde(default)]
    attended_under35: String,
    #[serde(default)]
    speakers: String,
    #[serde(default)]
    attendees: String,
    #[serde(default)]
    summary: String,
}

fn count(s: &str) -> Result<Option<i64>, AppError> {
    match s.trim() {
        "" => Ok(None),
        n => n.parse().map(Some).map_err(|_| {
            tanzim_domain::DomainError::new(
                tanzim_domain::Field::Attendance,
                "activity-count-invalid",
            )
            .into()
        }),
    }
}

pub async fn held_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    on_activity(&state, &ctx, &user, &a, || async {
        let f: HeldForm = parse_form(&body)?;
        let input = HeldInput {
            held_on: f.held_on,
            attended_men: count(&f.attended_men)?,
            attended_women: count(&f.attended_women)?,
            attended_under35: count(&f.attended_under35)?,
            speakers: f.speakers,
            attendees: f.attendees,
            summary: f.summary,
        };
        cases::mark_held(&state.app(), &user.actor(&ctx), &a, &input, None).await?;
        Ok(format!("/activities/{}", a.activity.id))
    })
    .await
}

pub async fn remove_form(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(a): Loaded<ActivityOf>,
    body: Bytes,
) -> Result<Response, AppError> {
    on_activity(&state, &ctx, &user, &a, || async {
        let f: Confirm = parse_form(&body)?;
        f.check()?;
        cases::remove(&state.app(), &user.actor(&ctx), &a).await?;
        Ok(format!("/programmes/{}", a.programme.id))
    })
    .await
}

pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::{get, post};
    let manage = Policy(Action::ManageMeetings, T::Activity);
    vec![
        route(
            "GET",
            "/bodies/{id}/programmes",
            Policy(Action::ViewMeetings, T::Body),
            get(body_programmes),
        ),
        route(
            "POST",
            "/bodies/{id}/programmes",
            Policy(Action::ManageMeetings, T::Body),
            post(draft_form),
        ),
        route(
            "GET",
            "/programmes/{id}",
            Policy(Action::ViewMeetings, T::Programme),
            get(programme),
        ),
        route(
            "POST",
            "/programmes/{id}/activities",
            Policy(Action::ManageMeetings, T::Programme),
            post(add_form),
        ),
        route(
            "GET",
            "/activities/{id}",
            Policy(Action::ViewMeetings, T::Activity),
            get(activity),
        ),
        route("POST", "/activities/{id}/edit", manage, post(amend_form)),
        route(
            "POST",
            "/activities/{id}/postpone",
            manage,
            post(postpone_form),
        ),
        route("POST", "/activities/{id}/cancel", manage, post(cancel_form)),
        route("POST", "/activities/{id}/held", manage, post(held_form)),
        route("POST", "/activities/{id}/fold", manage, post(fold_form)),
        route(
            "POST",
            "/activities/{id}/ask-move",
            manage,
            post(ask_move_form),
        ),
        route("POST", "/activities/{id}/remove", manage, post(remove_form)),
    ]
}
