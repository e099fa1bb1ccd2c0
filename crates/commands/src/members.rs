//! Commands on a member: change of status, transfer to another branch.

use crate::{Actor, App, Error, Found, Result, permit, today};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members::{self as rules, Event, transition};
use tanzim_domain::policy::{Action, Decision, Target};
use tanzim_domain::territory::{Level, TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::members::{self, Change, Member};
use tanzim_store::territory::{self, Territory};

/// A commune or arrondissement that exists: where a member lives decides the branch.
pub async fn residence(app: &App, code: &TerritoryCode) -> Result<Territory> {
    territory::get(&app.db, code)
        .await?
        .filter(|t| matches!(t.level(), Some(Level::Commune | Level::Arrondissement)))
        .ok_or(Error::Invalid(DomainError::new(
            Field::Commune,
            "commune-unknown",
        )))
}

/// The day a change to this member takes effect (today when not given): within its
/// current period, so that history periods never overlap, and not in the future.
async fn change_date(app: &App, m: &Member, on: Option<NaiveDate>) -> Result<String> {
    let today = today();
    let on = on.unwrap_or(today);
    let history = members::history(&app.db, m.id).await?;
    let start = history
        .last()
        .map(|h| h.valid_from.as_str())
        .unwrap_or(m.joined_on.as_str());
    rules::check_effective_date(on, rules::parse_date(start, Field::Date)?, today)?;
    Ok(on.to_string())
}

/// A status change as the officer gives it.
pub struct StatusChange {
    /// One of `Event::MANUAL`.
    pub event: Event,
    pub on: Option<NaiveDate>,
    pub reason: String,
    /// The decision it comes from, required for the events that need one.
    pub decision: Option<String>,
    /// The last day of a suspension.
    pub until: Option<NaiveDate>,
}

/// Suspends, reinstates, expels, records a resignation or a death, or readmits.
pub async fn change_status(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    input: &StatusChange,
) -> Result<()> {
    m.require(Action::ManageMembers)?;
    if !Event::MANUAL.contains(&input.event) {
        return Err(DomainError::new(Field::Status, "event-invalid").into());
    }
    let from = m.status().ok_or(Error::Internal(format!(
        "member {} has status {}",
        m.id, m.status
    )))?;
    let to = transition(from, input.event, app.profile.membership.model)?;
    let reason = rules::parse_reason(&input.reason)?;
    if input.event.needs_decision() && input.decision.is_none() {
        return Err(DomainError::new(Field::Reason, "decision-required").into());
    }
    let on = change_date(app, m, input.on).await?;
    let until = match (input.event, input.until) {
        (Event::Suspend, Some(u)) if u.to_string() <= on => {
            return Err(DomainError::new(Field::Date, "until-before-date").into());
        }
        (Event::Suspend, Some(u)) => Some(u.to_string()),
        (Event::Suspend, None) => {
            return Err(DomainError::new(Field::Date, "until-required").into());
        }
        _ => None,
    };
    let path = TerritoryPath::from_stored(m.path.clone());
    let change = Change {
        event: input.event.as_str(),
        to_status: to,
        to_commune: &m.commune_code,
        to_path: &path,
        on: &on,
        suspended_until: until.as_deref(),
        reason: Some(&reason),
        decision: input.decision.as_deref(),
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::MemberStatusChanged);
    Ok(members::apply(&app.db, m, &change, entry).await?)
}

/// A transfer as the officer gives it.
pub struct Transfer {
    /// The new commune or arrondissement of residence.
    pub commune: TerritoryCode,
    pub on: Option<NaiveDate>,
    pub reason: String,
}

/// Moves a member to the branch of the commune they now live in. Moving them into a
/// branch the officer does not serve is refused (403: the officer knows the place).
pub async fn transfer(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    input: &Transfer,
) -> Result<()> {
    m.require(Action::ManageMembers)?;
    let t = residence(app, &input.commune).await?;
    if t.code == m.commune_code {
        return Err(DomainError::new(Field::Commune, "transfer-same-commune").into());
    }
    let to_path = t.territory_path();
    let destination = Target {
        path: to_path.clone(),
        organization: None,
    };
    permit(
        match actor.decide(Action::ManageMembers, Some(&destination)) {
            Decision::NotFound => Decision::Forbidden,
            d => d,
        },
    )?;
    let reason = rules::parse_reason(&input.reason)?;
    let on = change_date(app, m, input.on).await?;
    let status = m.status().ok_or(Error::Internal("status".into()))?;
    let change = Change {
        event: "transfer",
        to_status: status,
        to_commune: &t.code,
        to_path: &to_path,
        on: &on,
        suspended_until: m.suspended_until.as_deref(),
        reason: Some(&reason),
        decision: None,
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::MemberTransferred);
    Ok(members::apply(&app.db, m, &change, entry).await?)
}
