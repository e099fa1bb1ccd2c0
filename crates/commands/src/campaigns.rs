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

/// Members lapsed per transaction when a campaign closes: small enough that renewals and
/// imports get the database between two batches.
pub const CLOSE_BATCH: i64 = 2_000;
const BATCH_PAUSE: std::time::Duration = std::time::Duration::from_millis(25);

/// Starts closing an open campaign: payments stop at once; `run_close` then lapses its
/// members who did not renew, batch by batch.
pub async fn close(app: &App, actor: &Actor<'_>, c: &Found<Campaign>) -> Result<()> {
    c.require(Action::ManageCampaigns)?;
    if !c.is_open() {
        return Err(Error::Conflict("campaign-closed"));
    }
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let entry = actor.audit(AuditAction::CampaignClosed);
    Ok(campaigns::begin_close(&app.db, c, user_id, entry).await?)
}

/// Runs a campaign's close to its end, `batch` members a transaction, and closes it;
/// returns how many lapsed in all. Safe to run again after an interruption (a restart, a
/// failed batch): members already lapsed no longer match, and a closed campaign is left
/// as it is. Only the party's own campaigns lapse members: an affiliate's dues do not
/// decide membership of the party.
pub async fn run_close(app: &App, campaign_id: i64, batch: i64) -> Result<i64> {
    let c = campaigns::get(&app.db, campaign_id)
        .await?
        .ok_or(Error::NotFound)?;
    if !c.is_closing() {
        return Ok(c.lapsed_count.unwrap_or(0));
    }
    let lapse = app.profile.membership.model == MembershipModel::YearlyRenewal
        && Some(c.organization.as_str()) == app.profile.party_key();
    let today = today().to_string();
    while lapse && campaigns::lapse_batch(&app.db, &c, &today, batch).await? > 0 {
        // A pause for the writers waiting on the database: SQLite's busy handler polls at
        // intervals, and a batch started at once would take the lock again before them.
        tokio::time::sleep(BATCH_PAUSE).await;
    }
    Ok(campaigns::finish_close(&app.db, &c).await?)
}

/// Starts the close and runs it in the background (it goes on whatever happens to the
/// caller); the members lapsed when it finished within `wait`, `None` while it goes on.
pub async fn close_within(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<Campaign>,
    wait: std::time::Duration,
) -> Result<Option<i64>> {
    close(app, actor, c).await?;
    let (app, id) = (app.clone(), c.id);
    let mut running = tokio::spawn(async move {
        let done = run_close(&app, id, CLOSE_BATCH).await;
        if let Err(e) = &done {
            // The campaign stays closing; the next start resumes it.
            tracing::error!(campaign = id, error = %e, "closing the campaign failed");
        }
        done
    });
    match tokio::time::timeout(wait, &mut running).await {
        Ok(Ok(done)) => Ok(Some(done?)),
        Ok(Err(e)) => Err(Error::Internal(format!("close task: {e}"))),
        Err(_) => Ok(None),
    }
}

/// Resumes every close a stop interrupted (at the server's start).
pub async fn resume_closes(app: &App) -> Result<()> {
    for id in campaigns::closing(&app.db).await? {
        run_close(app, id, CLOSE_BATCH).await?;
    }
    Ok(())
}

/// Reopens a closed campaign, or extends an open one, to a new closing date.
pub async fn reopen(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<Campaign>,
    closes_on: NaiveDate,
) -> Result<()> {
    c.require(Action::ManageCampaigns)?;
    if c.is_closing() {
        return Err(Error::Conflict("campaign-closing"));
    }
    if c.opens_on > closes_on {
        return Err(DomainError::new(Field::Date, "closes-before-opens").into());
    }
    let entry = actor.audit(AuditAction::CampaignReopened);
    Ok(campaigns::reopen(&app.db, c, &closes_on.to_string(), entry).await?)
}
