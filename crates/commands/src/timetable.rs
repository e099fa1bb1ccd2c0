//! A body's timetable: its own activities and, folded in, those of every body on its
//! territory (provinces, locals, the affiliated organizations), in the reader's scope,
//! a month at a time or as a list, with the clashes the window holds; and the activities
//! of the coming week for the home page.

use crate::{App, Found, Result};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;
use tanzim_domain::policy::Action;
use tanzim_domain::programmes::{self as rules, ActivityStatus, Clash, Span};
use tanzim_domain::territory::TerritoryPath;
use tanzim_store::bodies::Body;
use tanzim_store::programmes::{self as store, Activity, Timetable};
use tanzim_store::{Day, Page, Paged, ScopeFilter};

/// How far the clash rules read in one window: a national month holds a few thousand.
const CLASH_WINDOW: i64 = 20_000;

/// What the reader narrows the timetable to.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// A month (its first day); the whole of time when `None` (the list then starts today).
    pub month: Option<NaiveDate>,
    /// A territory below the body's (a province), by code.
    pub territory: Option<String>,
    pub organization: Option<String>,
    pub kind: Option<String>,
    pub theme: Option<String>,
    pub status: Option<String>,
    /// One day of the month (the calendar's cell the reader chose).
    pub day: Option<NaiveDate>,
}

pub struct TimetableView {
    pub activities: Paged<Activity>,
    /// Activities starting on each day of the month.
    pub per_day: Vec<(Day, i64)>,
    pub clashes: Vec<Clash>,
    /// The month shown.
    pub month: Span,
}

/// The first and last day of the month that holds `day`.
pub fn month_of(day: NaiveDate) -> Span {
    let first = day.with_day(1).unwrap_or(day);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    Span {
        starts_on: first,
        ends_on: next - Duration::days(1),
    }
}

/// The body's timetable for a month, filtered; `scope` is the reader's (over meetings).
pub async fn of_body(
    app: &App,
    b: &Found<Body>,
    scope: &ScopeFilter,
    f: &Filters,
    page: Page,
) -> Result<TimetableView> {
    b.require(Action::ViewMeetings)?;
    let month = month_of(f.month.unwrap_or_else(crate::today));
    let within = TerritoryPath::from_stored(b.path.clone());
    let territory = match f.territory.as_deref() {
        Some(code) => Some(path_below(app, &within, code).await?),
        None => None,
    };
    let mut t = Timetable {
        within,
        folded_into: Some(b.id),
        from: Some(Day(month.starts_on)),
        to: Some(Day(month.ends_on)),
        territory,
        organization: f.organization.clone(),
        kind: f.kind.clone(),
        theme: f.theme.clone(),
        status: f
            .status
            .clone()
            .filter(|s| ActivityStatus::parse(s).is_some()),
    };
    // One pass over the month gives the calendar's counts, the clashes and the list's
    // count; the list itself is then one page read in the same order.
    let rows = store::window(&app.db, scope, &t, CLASH_WINDOW).await?;
    let capped = rows.len() as i64 >= CLASH_WINDOW;
    let mut per_day: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for r in &rows {
        let day = r.starts_on.date();
        if month.starts_on <= day && day <= month.ends_on {
            *per_day.entry(day).or_default() += 1;
        }
    }
    let day = f
        .day
        .filter(|d| month.starts_on <= *d && *d <= month.ends_on);
    let total = match day {
        Some(d) => rows
            .iter()
            .filter(|r| r.starts_on.date() <= d && d <= r.ends_on.date())
            .count(),
        None => rows.len(),
    } as i64;
    let placed: Vec<rules::Placed> = rows
        .into_iter()
        .filter(|r| r.status != ActivityStatus::Cancelled.as_str())
        .map(placed_rule)
        .collect();
    let clashes = rules::clashes(&placed);
    if let Some(d) = day {
        t.from = Some(Day(d));
        t.to = Some(Day(d));
    }
    let activities = Paged {
        items: store::timetable_page(&app.db, scope, &t, page).await?,
        total,
        capped,
        page: page.number,
        page_size: page.size,
    };
    let per_day = per_day.into_iter().map(|(d, n)| (Day(d), n)).collect();
    Ok(TimetableView {
        activities,
        per_day,
        clashes,
        month,
    })
}

/// Every activity of the body's timetable in a window of days, for a file (XLSX, iCalendar).
pub async fn export(
    app: &App,
    b: &Found<Body>,
    scope: &ScopeFilter,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Activity>> {
    b.require(Action::ViewMeetings)?;
    let t = Timetable {
        within: TerritoryPath::from_stored(b.path.clone()),
        folded_into: Some(b.id),
        from: Some(Day(from)),
        to: Some(Day(to)),
        ..Default::default()
    };
    let page = Page {
        number: 1,
        size: 10_000,
    };
    Ok(store::timetable_page(&app.db, scope, &t, page).await?)
}

/// The stored path of territory `code` when it lies below `within`; else a path that
/// holds nothing (a territory outside the body's narrows to nothing rather than widening).
async fn path_below(app: &App, within: &TerritoryPath, code: &str) -> Result<TerritoryPath> {
    let nothing = TerritoryPath::from_stored("-/".to_owned());
    let Ok(code) = tanzim_domain::territory::TerritoryCode::parse(code) else {
        return Ok(nothing);
    };
    let path = tanzim_store::territory::get(&app.db, &code)
        .await?
        .map(|t| TerritoryPath::from_stored(t.path));
    Ok(path.filter(|p| within.contains(p)).unwrap_or(nothing))
}

fn placed_rule(p: store::Placed) -> rules::Placed {
    rules::Placed {
        id: p.id,
        status: ActivityStatus::parse(&p.status).unwrap_or(ActivityStatus::Planned),
        span: Span {
            starts_on: p.starts_on.date(),
            ends_on: p.ends_on.date(),
        },
        body_territory: TerritoryPath::from_stored(p.path).code().map(str::to_owned),
        commune: p.commune_code,
        guests: rules::guest_lines(&p.guests),
    }
}

/// The open activities of the coming seven days in the reader's scope, for the home page.
pub async fn this_week(app: &App, scope: &ScopeFilter, limit: i64) -> Result<Vec<Activity>> {
    let today = crate::today();
    let t = Timetable {
        from: Some(Day(today)),
        to: Some(Day(today + Duration::days(6))),
        ..Default::default()
    };
    let page = Page {
        number: 1,
        size: u32::try_from(limit).unwrap_or(20),
    };
    let mut items = store::timetable_page(&app.db, scope, &t, page).await?;
    items.retain(|a| ActivityStatus::parse(&a.status).is_some_and(ActivityStatus::is_open));
    Ok(items)
}

/// The draft programmes awaiting a meeting's adoption in the reader's scope.
pub async fn drafts(app: &App, scope: &ScopeFilter, limit: i64) -> Result<Vec<store::Draft>> {
    Ok(store::drafts_in(&app.db, scope, limit).await?)
}
