//! Periodic reports sent up the hierarchy: drafted, edited and submitted by whoever holds
//! the filing body's meetings; acknowledged or returned by whoever holds its parent's;
//! read by either; heard at a meeting (an agenda item linked to it) and named in its
//! minutes. The figures follow the data until submission, then stay as sent.

use crate::access::{InBody, Scoped};
use crate::meetings::press_name_ar;
use crate::{Actor, App, Error, Found, Result};
use chrono::{Datelike, NaiveDate};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings::noun_is_feminine;
use tanzim_domain::policy::{Action, Decision};
use tanzim_domain::reports::{self as rules, Figures, Period, ReportKind, ReportStatus, Step};
use tanzim_domain::stats::Summary;
use tanzim_domain::territory::TerritoryPath;
use tanzim_domain::{DomainError, Field};
use tanzim_store::ScopeFilter;
use tanzim_store::audit;
use tanzim_store::bodies::{self, Body};
use tanzim_store::meetings::{self as meetings, Meeting};
use tanzim_store::reports::{self as store, Among, NewReport, Owed, OwedPeriod, Report};

/// A report with its filing body and the body it is sent to: as reachable as either (a
/// sibling of the filing body, covering neither, gets 404).
#[derive(Debug, Clone)]
pub struct ReportOf {
    pub report: Report,
    pub body: Body,
    pub parent: Body,
}

impl ReportOf {
    pub fn period(&self) -> Period {
        period_of(&self.report)
    }
}

fn period_of(r: &Report) -> Period {
    Period {
        kind: r.kind,
        starts_on: r.starts_on.date(),
        ends_on: r.ends_on.date(),
    }
}

/// The more open of two decisions: allowed on either body is allowed.
fn either(a: Decision, b: Decision) -> Decision {
    match (a, b) {
        (Decision::Allow, _) | (_, Decision::Allow) => Decision::Allow,
        (Decision::Forbidden, _) | (_, Decision::Forbidden) => Decision::Forbidden,
        _ => Decision::NotFound,
    }
}

impl Scoped for ReportOf {
    async fn fetch(app: &App, id: i64) -> Result<Option<ReportOf>> {
        let Some(report) = store::get(&app.db, id).await? else {
            return Ok(None);
        };
        let body = bodies::get(&app.db, report.body_id).await?;
        let parent = bodies::get(&app.db, report.parent_id).await?;
        Ok(body.zip(parent).map(|(body, parent)| ReportOf {
            report,
            body,
            parent,
        }))
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        either(
            actor.decide(action, Some(&self.body.target())),
            actor.decide(action, Some(&self.parent.target())),
        )
    }
}

/// The period a report is drafted for, as the officer gives it.
pub struct Draft {
    pub kind: ReportKind,
    pub year: Option<i32>,
    pub quarter: Option<u32>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

/// Drafts a report of the body to its parent: a body without a parent has no one to
/// report to, and a period overlapping one of the body's reports of the same kind is
/// refused.
pub async fn draft(app: &App, actor: &Actor<'_>, b: &Found<Body>, input: &Draft) -> Result<i64> {
    b.require(Action::ManageMeetings)?;
    let no_parent = || Error::from(DomainError::new(Field::Parent, "report-no-parent"));
    let parent_id = b.parent_id.ok_or_else(no_parent)?;
    let parent = bodies::get(&app.db, parent_id)
        .await?
        .ok_or_else(no_parent)?;
    let p = rules::period(
        input.kind,
        input.year,
        input.quarter,
        input.starts_on,
        input.ends_on,
    )?;
    let mut tx = app.db.begin().await?;
    let filed: Vec<(NaiveDate, NaiveDate)> = store::periods(&mut tx, b.id, p.kind)
        .await?
        .into_iter()
        .map(|(s, e)| (s.date(), e.date()))
        .collect();
    rules::check_no_overlap(&p, &filed)?;
    let new = NewReport {
        body_id: b.id,
        parent_id: parent.id,
        kind: p.kind,
        starts_on: p.starts_on.to_string(),
        ends_on: p.ends_on.to_string(),
    };
    let id = store::add(&mut tx, &new, actor.user_id()).await?;
    let entry = actor
        .audit(AuditAction::ReportDrafted)
        .target_of("report", id, &b.target())
        .detail(
            serde_json::json!({ "body": b.id, "parent": parent.id, "kind": p.kind.as_str(),
            "from": new.starts_on, "to": new.ends_on }),
        );
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Whoever holds the filing body's meetings (the route loads the report for officers of
/// either body): the parent's officers read it, they do not write it.
fn filer(actor: &Actor<'_>, r: &Found<ReportOf>) -> Result<()> {
    r.require(Action::ManageMeetings)?;
    match actor.decide(Action::ManageMeetings, Some(&r.body.target())) {
        Decision::Allow => Ok(()),
        _ => Err(Error::Forbidden),
    }
}

/// Whoever holds the parent's meetings: only they acknowledge or return a report.
fn reviewer(actor: &Actor<'_>, r: &Found<ReportOf>) -> Result<()> {
    r.require(Action::ManageMeetings)?;
    match actor.decide(Action::ManageMeetings, Some(&r.parent.target())) {
        Decision::Allow => Ok(()),
        _ => Err(Error::Forbidden),
    }
}

fn course(status: ReportStatus, step: Step) -> Result<ReportStatus> {
    rules::step(status, step).map_err(Error::Conflict)
}

/// Ends a write to a report: its audit entry (on the filing body's place) in the same
/// transaction, then the commit.
async fn commit_audited(
    mut tx: tanzim_store::Tx,
    actor: &Actor<'_>,
    r: &ReportOf,
    action: AuditAction,
    detail: serde_json::Value,
) -> Result<()> {
    let entry = actor
        .audit(action)
        .target_of("report", r.report.id, &r.body.target())
        .detail(detail);
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The officer's sections of the report.
pub struct Sections {
    pub achievements: String,
    pub difficulties: String,
    pub requests: String,
}

/// Saves the narrative of a report not yet submitted (or returned).
pub async fn edit(
    app: &App,
    actor: &Actor<'_>,
    r: &Found<ReportOf>,
    input: &Sections,
) -> Result<()> {
    filer(actor, r)?;
    course(r.report.status, Step::Edit)?;
    let n = rules::check_narrative(&input.achievements, &input.difficulties, &input.requests)?;
    let mut tx = app.db.begin().await?;
    store::save_narrative(&mut tx, r.report.id, &n).await?;
    commit_audited(
        tx,
        actor,
        r,
        AuditAction::ReportEdited,
        serde_json::json!({}),
    )
    .await
}

/// Submits the report to the parent: its figures are computed once more and frozen.
pub async fn submit(
    app: &App,
    actor: &Actor<'_>,
    r: &Found<ReportOf>,
    today: NaiveDate,
) -> Result<()> {
    filer(actor, r)?;
    course(r.report.status, Step::Submit)?;
    let figures = compute(app, &r.body, &r.period()).await?;
    let json = serde_json::to_string(&figures).map_err(|e| Error::Internal(e.to_string()))?;
    let (id, on) = (r.report.id, today.to_string());
    let detail = serde_json::json!({ "parent": r.parent.id, "on": on });
    let mut tx = app.db.begin().await?;
    store::submit(&mut tx, id, &json, &on, actor.user_id()).await?;
    commit_audited(tx, actor, r, AuditAction::ReportSubmitted, detail).await
}

/// The parent acknowledges a submitted report.
pub async fn acknowledge(
    app: &App,
    actor: &Actor<'_>,
    r: &Found<ReportOf>,
    today: NaiveDate,
) -> Result<()> {
    reviewer(actor, r)?;
    let to = course(r.report.status, Step::Acknowledge)?;
    let (id, on) = (r.report.id, today.to_string());
    let detail = serde_json::json!({ "parent": r.parent.id, "on": on });
    let mut tx = app.db.begin().await?;
    store::review(&mut tx, id, to, None, &on, actor.user_id()).await?;
    commit_audited(tx, actor, r, AuditAction::ReportAcknowledged, detail).await
}

/// The parent returns a submitted report with a comment: the body edits and submits it again.
pub async fn return_to_body(
    app: &App,
    actor: &Actor<'_>,
    r: &Found<ReportOf>,
    comment: &str,
    today: NaiveDate,
) -> Result<()> {
    reviewer(actor, r)?;
    let to = course(r.report.status, Step::Return)?;
    let comment = rules::check_comment(comment)?;
    let (id, on) = (r.report.id, today.to_string());
    let detail = serde_json::json!({ "parent": r.parent.id, "on": on, "reason": comment });
    let mut tx = app.db.begin().await?;
    store::review(&mut tx, id, to, Some(&comment), &on, actor.user_id()).await?;
    commit_audited(tx, actor, r, AuditAction::ReportReturned, detail).await
}

/// The report as it now stands.
pub async fn read(app: &App, id: i64) -> Result<Report> {
    store::get(&app.db, id).await?.ok_or(Error::NotFound)
}

/// The figures a reader sees: as sent once submitted, as the data now says while the body
/// still writes it.
pub async fn figures(app: &App, r: &ReportOf) -> Result<Figures> {
    match (&r.report.figures, r.report.status.open()) {
        (Some(json), false) => {
            serde_json::from_str(json).map_err(|e| Error::Internal(e.to_string()))
        }
        _ => compute(app, &r.body, &r.period()).await,
    }
}

fn midnight(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0)
}

/// The figures of a body's report for a period, counted as of its end.
pub async fn compute(app: &App, body: &Body, p: &Period) -> Result<Figures> {
    let db = &app.db;
    let (low, high) = TerritoryPath::from_stored(body.path.clone()).range();
    let (start, end) = (p.starts_on.to_string(), p.ends_on.to_string());
    let eve = p.starts_on.pred_opt().unwrap_or(p.starts_on).to_string();
    let year = p.ends_on.year();
    // An affiliate's body (the women's or youth organization) counts the members who
    // joined it; the party's count every member of the territory.
    let counted = store::Counted {
        code: body.territory_code.as_deref(),
        low: &low,
        high: &high,
        organization: rules::counted_organization(&body.organization, app.profile.party_key()),
    };
    // As the statistics count them (under 35: the end's year less the birth year).
    let summary = |cells: &[store::Cell]| {
        Summary::from_cells(
            cells
                .iter()
                .map(|(s, x, y, n)| (s.as_str(), x.as_str(), *y, *n)),
            year.into(),
        )
    };
    let at_start = summary(&store::cells_on(db, counted, &eve).await?);
    let at_end = summary(&store::cells_on(db, counted, &end).await?);
    let (active, active_women, active_under_35) =
        (at_end.active, at_end.active_women, at_end.active_under_35);
    let (renewed, paid_last_year) = store::renewals(db, counted, year.into(), &end).await?;
    let mut f = Figures {
        as_of: end.clone(),
        new_members: store::joined(db, counted, &start, &end).await?,
        members_at_start: at_start.by_status.into_iter().collect(),
        members_at_end: at_end.by_status.into_iter().collect(),
        active,
        active_women,
        active_under_35,
        women_share: rules::share(active_women, active),
        under_35_share: rules::share(active_under_35, active),
        renewed,
        paid_last_year,
        renewal_rate: rules::share(renewed, paid_last_year),
        meetings_held: store::meetings_held(db, body.id, &start, &end).await?,
        meetings_expected: app
            .profile
            .reports
            .meetings_per_year
            .get(&body.kind)
            .map(|n| rules::meetings_expected(*n, p)),
        ..Figures::default()
    };
    for (status, n) in store::activities(db, body.id, &start, &end).await? {
        match status.as_str() {
            "planned" | "scheduled" => f.activities_planned += n,
            "held" => f.activities_held += n,
            "postponed" => f.activities_postponed += n,
            "cancelled" => f.activities_cancelled += n,
            _ => {}
        }
    }
    let until = midnight(p.ends_on.succ_opt().unwrap_or(p.ends_on));
    f.communiques_published =
        store::communiques_published(db, body.id, midnight(p.starts_on), until).await?;
    (f.bodies_constituted, f.bodies_in_formation) =
        store::children(db, body.id, until, &end).await?;
    Ok(f)
}

/// The reports a body filed, and those its children sent it.
pub async fn of_body(app: &App, b: &Found<Body>) -> Result<(Vec<Report>, Vec<Report>)> {
    b.require(Action::ViewMeetings)?;
    Ok((
        store::of_body(&app.db, b.id).await?,
        store::sent_to(&app.db, b.id).await?,
    ))
}

/// A report owed for a period that has ended: by whom, its period, its due day, and
/// whether that day has passed.
#[derive(Debug, Clone)]
pub struct Due {
    pub owed: Owed,
    pub period: Period,
    pub due_on: NaiveDate,
    pub overdue: bool,
}

async fn owed(app: &App, among: Among<'_>, today: NaiveDate, limit: i64) -> Result<Vec<Due>> {
    let mut out = Vec::new();
    for p in rules::expected(today) {
        let due_on = rules::due_on(p.kind, p.ends_on, &app.profile.reports);
        let (starts_on, ends_on) = (p.starts_on.to_string(), p.ends_on.to_string());
        let period = OwedPeriod {
            kind: p.kind,
            starts_on: &starts_on,
            ends_on: &ends_on,
            ended_at: midnight(p.ends_on.succ_opt().unwrap_or(p.ends_on)),
        };
        let rows = store::owed(&app.db, among, &period, limit).await?;
        out.extend(rows.into_iter().map(|owed| Due {
            owed,
            period: p,
            due_on,
            overdue: rules::late(None, due_on, today),
        }));
    }
    out.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(out)
}

/// The children of a body late with their report of the last quarter or year.
pub async fn late_children(app: &App, b: &Found<Body>, today: NaiveDate) -> Result<Vec<Due>> {
    b.require(Action::ViewMeetings)?;
    let all = owed(app, Among::ChildrenOf(b.id), today, 500).await?;
    Ok(all.into_iter().filter(|d| d.overdue).collect())
}

/// Reports due and overdue from the bodies of `scope` (those whose meetings the reader
/// holds): the last quarter's and year's, not yet submitted.
pub async fn due_in(
    app: &App,
    scope: &ScopeFilter,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<Due>> {
    owed(app, Among::Scope(scope), today, limit).await
}

/// A report an agenda item hears: the item (its seat, from 1) and the report.
pub struct Hear {
    pub seat: i64,
    pub report_id: i64,
}

/// Links an agenda item of the meeting to a report it hears, while the record is open: a
/// report of the meeting's body or sent to it. Any other id (unknown, another body's) is
/// the same `report-unknown`.
pub async fn hear(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    input: &Hear,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let unknown = || Error::from(DomainError::new(Field::Report, "report-unknown"));
    let report = store::get(&app.db, input.report_id)
        .await?
        .ok_or_else(unknown)?;
    if report.parent_id != m.body.id && report.body_id != m.body.id {
        return Err(unknown());
    }
    let agenda = meetings::agenda(&app.db, m.record.id).await?;
    if input.seat < 1 || input.seat > agenda.len() as i64 {
        return Err(DomainError::new(Field::AgendaItem, "agenda-item-unknown").into());
    }
    let mut tx = app.db.begin().await?;
    meetings::lock_open(&mut tx, m.record.id).await?;
    store::hear(&mut tx, m.record.id, input.seat, report.id).await?;
    let entry = actor
        .audit(AuditAction::MeetingRecorded)
        .target_of("meeting", m.record.id, &m.record.target())
        .detail(serde_json::json!({ "report": report.id, "seat": input.seat }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The reports a meeting hears, each with its agenda item.
pub async fn heard_at(app: &App, meeting_id: i64) -> Result<Vec<(i64, Report)>> {
    Ok(store::heard_at(&app.db, meeting_id).await?)
}

/// A report's Arabic title: «تقرير الأمانة الإقليمية بتازة عن الفصل الأول من سنة 2023».
pub fn title_ar(app: &App, body: &Body, r: &Report) -> String {
    rules::title_ar(&press_name_ar(&app.profile, body), &period_of(r))
}

/// What the minutes of a meeting say of the reports it hears, one line each with its
/// agenda item (from 1).
pub async fn minutes_lines(app: &App, meeting: &Meeting) -> Result<Vec<(i64, String)>> {
    let mut lines = Vec::new();
    for (seat, r) in store::heard_at(&app.db, meeting.id).await? {
        let Some(body) = bodies::get(&app.db, r.body_id).await? else {
            continue;
        };
        let feminine = noun_is_feminine(&crate::meetings::kind_ar(&app.profile, &body));
        lines.push((
            seat,
            rules::heard_ar(
                &press_name_ar(&app.profile, &body),
                feminine,
                &period_of(&r),
                r.submitted_on.map(|d| d.date()),
            ),
        ));
    }
    Ok(lines)
}
