//! Activity programmes: a body's officers draft a programme and its activities; a
//! meeting's decision adopts it (when the minutes are approved, see
//! `meetings::decisions`); after that every change is an amendment with its reason in the
//! programme's history. Activities are postponed, cancelled, held; a body above folds one
//! into its own timetable or asks that it be moved.

use crate::access::{InBody, Scoped};
use crate::{Actor, App, Error, Found, Result};
use serde_json::json;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::policy::{Action, Decision};
use tanzim_domain::programmes::{self as rules, ActivityInput, ActivityStatus, HeldInput};
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit;
use tanzim_store::bodies::{self, Body};
use tanzim_store::programmes::{self as store, Activity, NewChange, Owner, Programme};
use tanzim_store::{Tx, now};

impl Scoped for InBody<Programme> {
    async fn fetch(app: &App, id: i64) -> Result<Option<Self>> {
        let Some(record) = store::get(&app.db, id).await? else {
            return Ok(None);
        };
        Ok(bodies::get(&app.db, record.body_id)
            .await?
            .map(|body| InBody { record, body }))
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        actor.decide(action, Some(&self.body.target()))
    }
}

/// An activity with its programme and its body: reached as its body is.
#[derive(Debug, Clone)]
pub struct ActivityOf {
    pub activity: Activity,
    pub programme: Programme,
    pub body: Body,
}

impl Scoped for ActivityOf {
    async fn fetch(app: &App, id: i64) -> Result<Option<Self>> {
        let Some(activity) = store::activity(&app.db, id).await? else {
            return Ok(None);
        };
        let programme = store::get(&app.db, activity.programme_id).await?;
        let body = bodies::get(&app.db, activity.body_id).await?;
        Ok(programme.zip(body).map(|(programme, body)| ActivityOf {
            activity,
            programme,
            body,
        }))
    }
    fn decide(&self, _: &App, actor: &Actor<'_>, action: Action) -> Decision {
        actor.decide(action, Some(&self.body.target()))
    }
}

/// Drafts a programme for the body: its title and period.
pub async fn draft(
    app: &App,
    actor: &Actor<'_>,
    b: &Found<Body>,
    title: &str,
    starts_on: &str,
    ends_on: &str,
) -> Result<i64> {
    b.require(Action::ManageMeetings)?;
    if !b.is_active() {
        return Err(Error::Conflict("body-dissolved"));
    }
    let (title, span) = rules::check_programme(title, starts_on, ends_on)?;
    let mut tx = app.db.begin().await?;
    let id = store::insert(
        &mut tx,
        b.id,
        &b.path,
        &title,
        &span,
        actor.user_id(),
        now(),
    )
    .await?;
    let entry = actor
        .audit(AuditAction::ProgrammeDrafted)
        .target_of("programme", id, &b.target())
        .detail(json!({ "title": title, "starts_on": span.starts_on, "ends_on": span.ends_on }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// The commune an activity takes place in: one of the body's territory (a national body's
/// anywhere); `None` for none given.
async fn commune_in(app: &App, body: &Body, code: Option<&str>) -> Result<Option<String>> {
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let outside = || Error::from(DomainError::new(Field::Commune, "activity-commune-outside"));
    let parsed = TerritoryCode::parse(code).map_err(|_| outside())?;
    let t = tanzim_store::territory::get(&app.db, &parsed)
        .await?
        .ok_or_else(outside)?;
    let body_path = TerritoryPath::from_stored(body.path.clone());
    if t.level.as_str() != "commune"
        || !body_path.contains(&TerritoryPath::from_stored(t.path.clone()))
    {
        return Err(outside());
    }
    Ok(Some(code.to_owned()))
}

/// An amendment's reason: required once the programme is adopted, ignored before.
fn amendment_reason(p: &Programme, reason: Option<&str>) -> Result<Option<String>> {
    if p.is_adopted() {
        Ok(Some(rules::check_reason(reason.unwrap_or(""))?))
    } else {
        Ok(None)
    }
}

/// What one change to an activity leaves behind: a line of the programme's history once
/// it is adopted (a draft's changes are only audited), and the audit entry.
struct Recorded<'a> {
    change: &'a str,
    reason: Option<&'a str>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    action: AuditAction,
    detail: serde_json::Value,
}

/// Writes the change's history line and audit entry, then commits the change.
async fn record(
    mut tx: Tx,
    actor: &Actor<'_>,
    programme: &Programme,
    body: &Body,
    activity_id: i64,
    r: Recorded<'_>,
) -> Result<()> {
    if programme.is_adopted() {
        let change = NewChange {
            activity_id,
            programme_id: programme.id,
            change: r.change,
            reason: r.reason,
            before_json: r.before.map(|v| v.to_string()),
            after_json: r.after.map(|v| v.to_string()),
        };
        store::record_change(&mut tx, &change, actor.user_id(), now()).await?;
    }
    let entry = actor
        .audit(r.action)
        .target_of("activity", activity_id, &body.target())
        .detail(r.detail);
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds an activity to the programme; to an adopted one as an amendment, with its reason.
pub async fn add_activity(
    app: &App,
    actor: &Actor<'_>,
    p: &Found<InBody<Programme>>,
    input: &ActivityInput,
    commune: Option<&str>,
    reason: Option<&str>,
) -> Result<i64> {
    p.require(Action::ManageMeetings)?;
    let (programme, body) = (&p.record, &p.body);
    let checked = rules::check_activity(input, &programme.span(), &app.profile.activities)?;
    let commune = commune_in(app, body, commune).await?;
    let reason = amendment_reason(programme, reason)?;
    let owner = Owner {
        programme_id: programme.id,
        body_id: body.id,
        path: &body.path,
        organization: &body.organization,
    };
    let mut tx = app.db.begin().await?;
    let id = store::add_activity(
        &mut tx,
        &owner,
        &checked,
        commune.as_deref(),
        actor.user_id(),
        now(),
    )
    .await?;
    let after = json!({ "activity": &checked, "commune": commune });
    record(
        tx,
        actor,
        programme,
        body,
        id,
        Recorded {
            change: "added",
            reason: reason.as_deref(),
            before: None,
            after: Some(after),
            action: AuditAction::ActivityAdded,
            detail: json!({ "programme": programme.id, "title": checked.title, "reason": reason }),
        },
    )
    .await?;
    Ok(id)
}

fn described(a: &Activity) -> serde_json::Value {
    json!({
        "title": a.title, "kind": a.kind, "themes": a.themes, "audience": a.audience,
        "starts_on": a.starts_on, "ends_on": a.ends_on, "commune": a.commune_code, "online": a.online,
        "responsible": a.responsible, "guests": a.guests, "budget_centimes": a.budget_centimes,
    })
}

fn open(a: &Activity) -> Result<()> {
    match ActivityStatus::parse(&a.status) {
        Some(s) if s.is_open() => Ok(()),
        _ => Err(Error::Conflict("activity-closed")),
    }
}

/// Rewrites an open activity's description; an adopted programme's as an amendment.
pub async fn amend(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<ActivityOf>,
    input: &ActivityInput,
    commune: Option<&str>,
    reason: Option<&str>,
) -> Result<()> {
    a.require(Action::ManageMeetings)?;
    open(&a.activity)?;
    let checked = rules::check_activity(input, &a.programme.span(), &app.profile.activities)?;
    let commune = commune_in(app, &a.body, commune).await?;
    let reason = amendment_reason(&a.programme, reason)?;
    let mut tx = app.db.begin().await?;
    store::update_activity(&mut tx, a.activity.id, &checked, commune.as_deref(), now()).await?;
    record(
        tx,
        actor,
        &a.programme,
        &a.body,
        a.activity.id,
        Recorded {
            change: "amended",
            reason: reason.as_deref(),
            before: Some(described(&a.activity)),
            after: Some(json!({ "activity": &checked, "commune": commune })),
            action: AuditAction::ActivityAmended,
            detail: json!({ "reason": reason }),
        },
    )
    .await
}

/// Removes an activity from a draft; an adopted programme's activity is cancelled instead.
pub async fn remove(app: &App, actor: &Actor<'_>, a: &Found<ActivityOf>) -> Result<()> {
    a.require(Action::ManageMeetings)?;
    if a.programme.is_adopted() {
        return Err(Error::Conflict("programme-adopted"));
    }
    let mut tx = app.db.begin().await?;
    store::remove_activity(&mut tx, a.activity.id).await?;
    record(
        tx,
        actor,
        &a.programme,
        &a.body,
        a.activity.id,
        Recorded {
            change: "removed",
            reason: None,
            before: None,
            after: None,
            action: AuditAction::ActivityRemoved,
            detail: json!({ "title": a.activity.title }),
        },
    )
    .await
}

/// Moves an open activity to a new day or period of the programme, with its reason.
pub async fn postpone(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<ActivityOf>,
    when: &str,
    reason: &str,
) -> Result<()> {
    a.require(Action::ManageMeetings)?;
    let status = ActivityStatus::parse(&a.activity.status).unwrap_or(ActivityStatus::Planned);
    let to = rules::check_postpone(status, &a.activity.span(), when, &a.programme.span())?;
    let reason = rules::check_reason(reason)?;
    let mut tx = app.db.begin().await?;
    store::postpone(&mut tx, a.activity.id, &to, now()).await?;
    record(
        tx,
        actor,
        &a.programme,
        &a.body,
        a.activity.id,
        Recorded {
            change: "postponed",
            reason: Some(&reason),
            before: Some(
                json!({ "starts_on": a.activity.starts_on, "ends_on": a.activity.ends_on }),
            ),
            after: Some(json!({ "starts_on": to.starts_on, "ends_on": to.ends_on })),
            action: AuditAction::ActivityPostponed,
            detail: json!({ "to": to.typed(), "reason": reason }),
        },
    )
    .await
}

/// Cancels an open activity, with its reason.
pub async fn cancel(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<ActivityOf>,
    reason: &str,
) -> Result<()> {
    a.require(Action::ManageMeetings)?;
    open(&a.activity)?;
    let reason = rules::check_reason(reason)?;
    let mut tx = app.db.begin().await?;
    store::cancel(&mut tx, a.activity.id, &reason, now()).await?;
    record(
        tx,
        actor,
        &a.programme,
        &a.body,
        a.activity.id,
        Recorded {
            change: "cancelled",
            reason: Some(&reason),
            before: None,
            after: None,
            action: AuditAction::ActivityCancelled,
            detail: json!({ "reason": reason }),
        },
    )
    .await
}

/// Marks an open activity of an adopted programme held: its day (not in the future), its
/// attendance, speakers and summary, and the meeting it was, if one of its body's.
pub async fn mark_held(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<ActivityOf>,
    input: &HeldInput,
    meeting_id: Option<i64>,
) -> Result<()> {
    a.require(Action::ManageMeetings)?;
    let status = ActivityStatus::parse(&a.activity.status).unwrap_or(ActivityStatus::Planned);
    let held = rules::check_held(status, input, crate::today())?;
    if let Some(id) = meeting_id {
        let m = tanzim_store::meetings::get(&app.db, id).await?;
        if m.is_none_or(|m| m.body_id != a.body.id) {
            return Err(DomainError::new(Field::Programme, "activity-meeting-unknown").into());
        }
    }
    let mut tx = app.db.begin().await?;
    store::mark_held(&mut tx, a.activity.id, &held, meeting_id, now()).await?;
    record(
        tx,
        actor,
        &a.programme,
        &a.body,
        a.activity.id,
        Recorded {
            change: "held",
            reason: None,
            before: None,
            after: Some(json!(&held)),
            action: AuditAction::ActivityHeld,
            detail: json!({ "held_on": held.held_on, "meeting": meeting_id }),
        },
    )
    .await
}

/// The body whose timetable takes the activity in: above the activity's body (its
/// territory holds the activity's), active, and the actor holds its meetings.
async fn body_above(app: &App, actor: &Actor<'_>, a: &ActivityOf, into: i64) -> Result<Body> {
    let unknown = || {
        Error::from(DomainError::new(
            Field::Parent,
            "activity-fold-body-unknown",
        ))
    };
    let b = bodies::get(&app.db, into).await?.ok_or_else(unknown)?;
    let holds = TerritoryPath::from_stored(b.path.clone())
        .contains(&TerritoryPath::from_stored(a.body.path.clone()));
    if b.id == a.body.id || !holds || !b.is_active() {
        return Err(unknown());
    }
    match actor.decide(Action::ManageMeetings, Some(&b.target())) {
        Decision::Allow => Ok(b),
        _ => Err(unknown()),
    }
}

/// A body above takes the activity into its own timetable (article 001: the provinces'
/// programmes in the regional timetable), or lets it go (`into` is `None`).
pub async fn fold(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<ActivityOf>,
    into: Option<i64>,
) -> Result<()> {
    a.require(Action::ManageMeetings)?;
    let (target, change) = match into {
        Some(id) => (body_above(app, actor, a, id).await?, "folded"),
        None => {
            let id = a
                .activity
                .folded_into
                .ok_or(Error::Conflict("activity-not-folded"))?;
            (body_above(app, actor, a, id).await?, "unfolded")
        }
    };
    let mut tx = app.db.begin().await?;
    store::fold(&mut tx, a.activity.id, into, now()).await?;
    record(
        tx,
        actor,
        &a.programme,
        &a.body,
        a.activity.id,
        Recorded {
            change,
            reason: None,
            before: None,
            after: Some(json!({ "body": target.id, "name": target.name })),
            action: AuditAction::ActivityFolded,
            detail: json!({ "into": into, "body": target.id }),
        },
    )
    .await
}

/// A body above asks that the activity be moved (a clash); postponing it answers.
pub async fn ask_move(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<ActivityOf>,
    from: i64,
    text: &str,
) -> Result<()> {
    a.require(Action::ManageMeetings)?;
    open(&a.activity)?;
    let asking = body_above(app, actor, a, from).await?;
    let text = rules::check_reason(text)?;
    let mut tx = app.db.begin().await?;
    store::ask_move(
        &mut tx,
        a.activity.id,
        &format!("{}: {text}", asking.name),
        now(),
    )
    .await?;
    record(
        tx,
        actor,
        &a.programme,
        &a.body,
        a.activity.id,
        Recorded {
            change: "move_asked",
            reason: Some(&text),
            before: None,
            after: Some(json!({ "body": asking.id, "name": asking.name })),
            action: AuditAction::ActivityMoveAsked,
            detail: json!({ "by": asking.id, "text": text }),
        },
    )
    .await
}

/// The programme a decision adopts, checked when the decision is recorded: a draft of the
/// meeting's body with at least one activity. Its title, period and activities' titles
/// fill the decision's words.
pub async fn to_adopt(app: &App, body: &Body, id: i64) -> Result<(Programme, Vec<Activity>)> {
    let unknown = || Error::from(DomainError::new(Field::Programme, "programme-unknown"));
    let p = store::get(&app.db, id).await?.ok_or_else(unknown)?;
    if p.body_id != body.id {
        return Err(unknown());
    }
    if p.is_adopted() {
        return Err(DomainError::new(Field::Programme, "programme-not-draft").into());
    }
    let activities = store::activities(&app.db, p.id).await?;
    if activities.is_empty() {
        return Err(DomainError::new(Field::Programme, "programme-empty").into());
    }
    Ok((p, activities))
}

/// The body's programmes, latest first.
pub async fn of_body(app: &App, b: &Found<Body>) -> Result<Vec<Programme>> {
    b.require(Action::ViewMeetings)?;
    Ok(store::of_body(&app.db, b.id).await?)
}

/// A programme's activities and history (for its page, also after a change to it).
pub async fn read(
    app: &App,
    p: &Found<InBody<Programme>>,
) -> Result<(Vec<Activity>, Vec<store::Change>)> {
    p.require_any(&[Action::ViewMeetings, Action::ManageMeetings])?;
    Ok((
        store::activities(&app.db, p.record.id).await?,
        store::changes(&app.db, p.record.id).await?,
    ))
}
