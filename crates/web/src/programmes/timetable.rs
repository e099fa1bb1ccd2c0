//! A body's timetable: its activities and those of every body on its territory, a month
//! at a time (a calendar of counts and the list), filtered, with the clashes; its files
//! (XLSX, iCalendar); the API; and the home page's rows.

use super::views::ActivityRow;
use super::{ActivityView, choices, vocabulary};
use crate::access::Loaded;
use crate::ctx::{Ctx, CurrentUser};
use crate::error::AppError;
use crate::state::AppState;
use crate::views::{self, Layout, Pager};
use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use tanzim_commands::timetable::{self as cases, Filters};
use tanzim_domain::policy::Action;
use tanzim_domain::programmes::Clash;
use tanzim_store::Page;
use tanzim_store::bodies::Body;
use tanzim_store::programmes::Activity;

#[derive(Deserialize, utoipa::IntoParams, Default)]
pub struct TimetableQuery {
    /// YYYY-MM; this month when absent.
    month: Option<String>,
    /// A territory below the body's (a province), by code.
    territory: Option<String>,
    /// An organization's key (the party, its women's or youth organization).
    organization: Option<String>,
    kind: Option<String>,
    theme: Option<String>,
    /// planned, scheduled, held, postponed, cancelled.
    status: Option<String>,
    /// YYYY-MM-DD: one day of the month.
    day: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
}

fn some(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl TimetableQuery {
    fn filters(&self) -> Filters {
        Filters {
            month: some(&self.month)
                .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok()),
            territory: some(&self.territory),
            organization: some(&self.organization),
            kind: some(&self.kind),
            theme: some(&self.theme),
            status: some(&self.status),
            day: some(&self.day).and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        }
    }
    /// The query string without the page and the day, for links that change those.
    fn base(&self, month: NaiveDate) -> String {
        let mut pairs = vec![("month".to_owned(), month.format("%Y-%m").to_string())];
        for (k, v) in [
            ("territory", &self.territory),
            ("organization", &self.organization),
            ("kind", &self.kind),
            ("theme", &self.theme),
            ("status", &self.status),
        ] {
            if let Some(v) = some(v) {
                pairs.push((k.to_owned(), v));
            }
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TimetableAnswer {
    /// The month shown, YYYY-MM.
    pub month: String,
    pub items: Vec<ActivityView>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
    /// How many activities start on each day of the month: (YYYY-MM-DD, count).
    pub per_day: Vec<(String, i64)>,
    /// Two activities on one day in a province, a guest expected in two places, an
    /// activity outside its body's territory.
    #[schema(value_type = Vec<Object>)]
    pub clashes: Vec<Clash>,
}

/// The body's timetable for a month: its activities and, folded in, those of every body
/// on its territory that the caller sees.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/timetable", tag = "programmes", params(("id" = i64, Path), TimetableQuery),
    responses((status = 200, body = TimetableAnswer), crate::problems::BadRequest, crate::problems::Unauthenticated, crate::problems::Forbidden, crate::problems::NotFound), security(("bearer" = [])))]
pub async fn api_timetable(
    State(state): State<AppState>,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    Query(q): Query<TimetableQuery>,
) -> Result<Json<TimetableAnswer>, AppError> {
    let scope = crate::access::scope_for(&user, Action::ViewMeetings);
    let v = cases::of_body(
        &state.app(),
        &b,
        &scope,
        &q.filters(),
        Page::new(q.page, q.page_size),
    )
    .await?;
    Ok(Json(TimetableAnswer {
        month: v.month.starts_on.format("%Y-%m").to_string(),
        total: v.activities.total,
        page: v.activities.page,
        page_size: v.activities.page_size,
        items: v
            .activities
            .items
            .into_iter()
            .map(ActivityView::new)
            .collect(),
        per_day: v
            .per_day
            .into_iter()
            .map(|(d, n)| (d.to_string(), n))
            .collect(),
        clashes: v.clashes,
    }))
}

struct Cell {
    day: u32,
    date: String,
    count: i64,
    chosen: bool,
}

#[derive(Template)]
#[template(path = "timetable.html")]
struct TimetablePage {
    layout: Layout,
    body_id: i64,
    body_name: String,
    month_label: String,
    month_value: String,
    prev: String,
    next: String,
    base: String,
    weeks: Vec<Vec<Option<Cell>>>,
    weekdays: Vec<String>,
    rows: Vec<ActivityRow>,
    clashes: Vec<String>,
    pager: Pager,
    territories: Vec<(String, String)>,
    organizations: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    q_territory: String,
    q_organization: String,
    q_kind: String,
    q_theme: String,
    q_status: String,
    day_label: Option<String>,
    /// When the reader's calendar address for this timetable was issued, if one is live.
    feed_since: Option<String>,
}

fn weeks(
    first: NaiveDate,
    last: NaiveDate,
    per_day: &[(tanzim_store::Day, i64)],
    chosen: Option<NaiveDate>,
) -> Vec<Vec<Option<Cell>>> {
    let mut weeks = Vec::new();
    let mut week: Vec<Option<Cell>> = (0..first.weekday().num_days_from_monday())
        .map(|_| None)
        .collect();
    let mut d = first;
    while d <= last {
        let count = per_day
            .iter()
            .find(|(day, _)| day.date() == d)
            .map_or(0, |(_, n)| *n);
        week.push(Some(Cell {
            day: d.day(),
            date: d.to_string(),
            count,
            chosen: chosen == Some(d),
        }));
        if week.len() == 7 {
            weeks.push(std::mem::take(&mut week));
        }
        d += Duration::days(1);
    }
    if !week.is_empty() {
        while week.len() < 7 {
            week.push(None);
        }
        weeks.push(week);
    }
    weeks
}

fn clash_line(ctx: &Ctx, c: &Clash) -> String {
    let ids = |v: &[i64]| {
        v.iter()
            .map(|i| format!("#{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match c {
        Clash::SameDay {
            day,
            province,
            activities,
        } => ctx.tr.with(
            "clash-same-day",
            &[
                ("day", &ctx.tr.day(*day)),
                ("province", province),
                ("activities", &ids(activities)),
            ],
        ),
        Clash::Guest {
            day,
            guest,
            activities,
        } => ctx.tr.with(
            "clash-guest",
            &[
                ("day", &ctx.tr.day(*day)),
                ("guest", guest),
                ("activities", &ids(activities)),
            ],
        ),
        Clash::OutsideJurisdiction { activity } => ctx
            .tr
            .with("clash-outside", &[("activities", &format!("#{activity}"))]),
    }
}

/// The timetable page: filters, the month's calendar, the clashes, the list.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    Query(q): Query<TimetableQuery>,
) -> Result<Response, AppError> {
    let scope = crate::access::scope_for(&user, Action::ViewMeetings);
    let f = q.filters();
    let v = cases::of_body(&state.app(), &b, &scope, &f, Page::new(q.page, Some(50))).await?;
    let (first, last) = (v.month.starts_on, v.month.ends_on);
    let base = q.base(first);
    let day_q = f.day.map(|d| format!("&day={d}")).unwrap_or_default();
    let tr = &ctx.tr;
    let words = vocabulary(&state);
    let territories = match &b.territory_code {
        None => tanzim_store::territory::children(&state.db, None).await?,
        Some(code) => match tanzim_domain::territory::TerritoryCode::parse(code) {
            Ok(c) => tanzim_store::territory::children(&state.db, Some(&c)).await?,
            Err(_) => Vec::new(),
        },
    };
    let lang = ctx.lang().code();
    let feed_since = tanzim_commands::timetable_feeds::live(&state.app(), &user.actor(&ctx), &b)
        .await?
        .and_then(|f| chrono::DateTime::from_timestamp(f.created_at, 0))
        .map(|t| tr.day(t.date_naive()));
    Ok(views::html(TimetablePage {
        layout: Layout::new(&state, &ctx, "timetable-title"),
        body_id: b.id,
        body_name: b.name.clone(),
        month_label: format!(
            "{} {}",
            tr.t(&format!("month-{}", first.month())),
            first.year()
        ),
        month_value: first.format("%Y-%m").to_string(),
        prev: (first - Duration::days(1)).format("%Y-%m").to_string(),
        next: (last + Duration::days(1)).format("%Y-%m").to_string(),
        weeks: weeks(first, last, &v.per_day, f.day),
        weekdays: (0..7)
            .map(|i| tr.t(&format!("weekday-short-{i}")))
            .collect(),
        rows: v
            .activities
            .items
            .iter()
            .map(|a| ActivityRow::new(&state, &ctx, a))
            .collect(),
        clashes: v.clashes.iter().map(|c| clash_line(&ctx, c)).collect(),
        pager: Pager::new(
            &v.activities,
            &format!("/bodies/{}/timetable?{base}{day_q}&", b.id),
        ),
        territories: territories
            .into_iter()
            .map(|t| (t.code, if lang == "ar" { t.name_ar } else { t.name_fr }))
            .collect(),
        organizations: state
            .profile
            .organizations
            .iter()
            .map(|o| (o.key.clone(), o.name.get(lang).to_owned()))
            .collect(),
        kinds: choices(&words.kinds, &ctx),
        themes: choices(&words.themes, &ctx),
        statuses: tanzim_domain::programmes::ActivityStatus::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_owned(),
                    tr.t(&format!("activity-status-{}", s.as_str())),
                )
            })
            .collect(),
        q_territory: some(&q.territory).unwrap_or_default(),
        q_organization: some(&q.organization).unwrap_or_default(),
        q_kind: some(&q.kind).unwrap_or_default(),
        q_theme: some(&q.theme).unwrap_or_default(),
        q_status: some(&q.status).unwrap_or_default(),
        day_label: f
            .day
            .filter(|d| first <= *d && *d <= last)
            .map(|d| tr.day(d)),
        base,
        feed_since,
    }))
}

/// The year around the month asked (or this year) for a file: January to December.
fn year_of(q: &TimetableQuery) -> (NaiveDate, NaiveDate) {
    let day = q.filters().month.unwrap_or_else(crate::state::today);
    let y = day.year();
    (
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(day),
        NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(day),
    )
}

/// The year's timetable as a workbook: one row an activity.
pub async fn xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    Query(q): Query<TimetableQuery>,
) -> Result<Response, AppError> {
    let scope = crate::access::scope_for(&user, Action::ViewMeetings);
    let (from, to) = year_of(&q);
    let items = cases::export(&state.app(), &b, &scope, from, to).await?;
    let tr = &ctx.tr;
    let header_row: Vec<String> = [
        "activity-col-when",
        "activity-col-title",
        "activity-col-body",
        "field-activity-kind",
        "field-themes",
        "field-audience",
        "activity-col-place",
        "field-status",
        "field-budget",
        "field-guests",
    ]
    .iter()
    .map(|k| tr.t(k))
    .collect();
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|a| {
            let r = ActivityRow::new(&state, &ctx, a);
            vec![
                r.when,
                r.title,
                r.body_name,
                r.kind,
                r.themes,
                r.audience,
                r.place,
                r.status_label,
                r.budget.unwrap_or_default(),
                r.guests.join("\n"),
            ]
        })
        .collect();
    let bytes = tanzim_reports::export::table_xlsx(&header_row, &rows, &tr.t("timetable-title"))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let name = format!("timetable-{}-{}.xlsx", b.id, from.year());
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The year's timetable as an iCalendar document, for a calendar app: one event an activity.
pub async fn ics(
    State(state): State<AppState>,
    ctx: Ctx,
    user: CurrentUser,
    Loaded(b): Loaded<Body>,
    Query(q): Query<TimetableQuery>,
) -> Result<Response, AppError> {
    let scope = crate::access::scope_for(&user, Action::ViewMeetings);
    let (from, to) = year_of(&q);
    let items = cases::export(&state.app(), &b, &scope, from, to).await?;
    Ok(calendar(&state, &ctx, &items))
}

/// Activities as an iCalendar document, one event each (the cancelled ones left out).
pub(super) fn calendar(state: &AppState, ctx: &Ctx, items: &[Activity]) -> Response {
    use tanzim_reports::calendar::{self as ical, Event};
    let base = state.config.public_base();
    let events: Vec<Event> = items
        .iter()
        .filter(|a| a.status != "cancelled")
        .map(|a| {
            let r = ActivityRow::new(state, ctx, a);
            Event {
                uid: format!("activity-{}@tanzim", a.id),
                day: a.starts_on.date(),
                time: None,
                summary: a.title.clone(),
                description: Some(format!("{} · {} · {}", r.body_name, r.kind, r.status_label)),
                location: Some(r.place).filter(|p| !p.is_empty()),
                url: Some(format!("{base}/activities/{}", a.id)),
            }
        })
        .collect();
    let doc = ical::document("-//tanzim//timetable//AR", chrono::Utc::now(), &events);
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=900"),
        ],
        doc,
    )
        .into_response()
}

/// The home page's rows: the activities of the coming week and the programmes awaiting a
/// meeting's adoption, in the user's scope.
pub(crate) async fn home_rows(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
) -> Result<(Vec<ActivityRow>, Vec<(i64, String, String)>), AppError> {
    if !user.may(Action::ViewMeetings, None) {
        return Ok((Vec::new(), Vec::new()));
    }
    let scope = crate::access::scope_for(user, Action::ViewMeetings);
    let week = cases::this_week(&state.app(), &scope, 20).await?;
    let drafts = cases::drafts(&state.app(), &scope, 10).await?;
    Ok((
        week.iter()
            .map(|a| ActivityRow::new(state, ctx, a))
            .collect(),
        drafts
            .into_iter()
            .map(|d| (d.programme.id, d.programme.title, d.body_name))
            .collect(),
    ))
}

pub(super) fn routes() -> Vec<crate::routing::Route> {
    use crate::routing::{Access::*, TargetKind as T, route};
    use axum::routing::get;
    let view = Policy(Action::ViewMeetings, T::Body);
    vec![
        route("GET", "/bodies/{id}/timetable", view, get(page)),
        route("GET", "/bodies/{id}/timetable.xlsx", view, get(xlsx)),
        route("GET", "/bodies/{id}/timetable.ics", view, get(ics)),
        route(
            "GET",
            "/api/v1/bodies/{id}/timetable",
            view,
            get(api_timetable),
        ),
    ]
}
