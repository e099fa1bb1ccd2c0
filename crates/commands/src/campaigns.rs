//! Commands on renewal campaigns: launching one for a body, closing it (members of the
//! party who did not renew lapse, in the yearly model) and reopening or extending it.

use crate::{Actor, App, Error, Found, Result, today};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members as rules;
use tanzim_domain::org::MembershipModel;
use tanzim_domain::policy::{Action, Decision};
use tanzim_domain::{DomainError, Field};
use tanzim_store::StoreError;
use tanzim_store::bodies;
use tanzim_store::campaigns::{self, Campaign};

/// A campaign as an officer plans it: the year, its dates and its dues categories (as the
/// form gives them; `rules::plan_campaign` reads them).
pub struct Launch {
    pub body_id: Option<i64>,
    pub year: String,
    pub opens_on: String,
    pub closes_on: String,
    pub categories: String,
}

/// Launches a campaign for an active body the actor manages campaigns of; every rule
/// broken, each naming its field.
pub async fn launch(
    app: &App,
    actor: &Actor<'_>,
    input: &Launch,
) -> std::result::Result<i64, Vec<DomainError>> {
    let body_id = input
        .body_id
        .ok_or_else(|| vec![DomainError::new(Field::Campaign, "body-required")])?;
    let body = bodies::get(&app.db, body_id)
        .await
        .ok()
        .flatten()
        .filter(|b| b.is_active())
        // A body out of reach is as unknown as one that does not exist.
        .filter(|b| actor.decide(Action::ManageCampaigns, Some(&b.target())) == Decision::Allow)
        .ok_or_else(|| vec![DomainError::new(Field::Campaign, "parent-unknown")])?;
    let plan = rules::plan_campaign(
        &input.year,
        &input.opens_on,
        &input.closes_on,
        &input.categories,
    )?;
    let user_id = actor
        .user_id()
        .ok_or_else(|| vec![DomainError::general("forbidden")])?;
    let entry = actor.audit(AuditAction::CampaignCreated);
    campaigns::create(&app.db, &body, &plan, user_id, entry)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(code) => vec![DomainError::new(Field::Year, code)],
            StoreError::NotFound => vec![DomainError::general("not-found")],
            _ => vec![DomainError::general("internal")],
        })
}

/// Closes an open campaign; returns how many members lapsed. Only the party's own
/// campaigns lapse members: an affiliate's dues do not decide membership of the party.
pub async fn close(app: &App, actor: &Actor<'_>, c: &Found<Campaign>) -> Result<i64> {
    c.require(Action::ManageCampaigns)?;
    if !c.is_open() {
        return Err(Error::Conflict("campaign-closed"));
    }
    let lapse = app.profile.membership.model == MembershipModel::YearlyRenewal
        && Some(c.organization.as_str()) == app.profile.party_key();
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let entry = actor.audit(AuditAction::CampaignClosed);
    Ok(campaigns::close(&app.db, c, &today().to_string(), lapse, user_id, entry).await?)
}

/// Reopens a closed campaign, or extends an open one, to a new closing date.
pub async fn reopen(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<Campaign>,
    closes_on: NaiveDate,
) -> Result<()> {
    c.require(Action::ManageCampaigns)?;
    if c.opens_on > closes_on {
        return Err(DomainError::new(Field::Date, "closes-before-opens").into());
    }
    let entry = actor.audit(AuditAction::CampaignReopened);
    Ok(campaigns::reopen(&app.db, c, &closes_on.to_string(), entry).await?)
}
