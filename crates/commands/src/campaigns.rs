//! Commands on renewal campaigns: launching one for a body, closing it (members of the
//! party who did not renew lapse, in the yearly model) and reopening or extending it.

use crate::progress::Progress;
use crate::{Actor, App, Error, Found, Result, today};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::jobs::{JobKind, JobState};
use tanzim_domain::members as rules;
use tanzim_domain::org::MembershipModel;
use tanzim_domain::policy::{Action, Decision};
use tanzim_domain::{DomainError, Field};
use tanzim_store::StoreError;
use tanzim_store::bodies;
use tanzim_store::campaigns::{self, Campaign};
use tanzim_store::jobs;

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

/// The pause between two batches of a close: a gap for the writers waiting on the
/// database. SQLite's busy handler, once a writer has waited a third of a second, polls
/// the lock every 100 ms; a shorter gap is missed three times in four, and the renewal
/// waits out batch after batch. PostgreSQL's writers wait on row locks, woken at once.
fn batch_pause(db: &tanzim_store::Db) -> std::time::Duration {
    std::time::Duration::from_millis(match db {
        tanzim_store::Db::Sqlite(_) => 110,
        tanzim_store::Db::Postgres(_) => 25,
    })
}

/// Starts closing an open campaign: payments stop at once, and the close is queued as a
/// job of the actor's (`run_close` then lapses its members who did not renew, batch by
/// batch, with its progress on the job's page); returns the job.
pub async fn close(app: &App, actor: &Actor<'_>, c: &Found<Campaign>) -> Result<i64> {
    c.require(Action::ManageCampaigns)?;
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    if c.is_closing() {
        // One close per campaign: its open job, when it is the actor's; a close whose job
        // failed goes on from where it stopped, now the actor's.
        let kind = JobKind::CampaignClose.as_str();
        return match jobs::open_on(&app.db, kind, &close_subject(c.id)).await? {
            Some(job) if job.owner_id == user_id => Ok(job.id),
            Some(_) => Err(Error::Conflict("campaign-closing")),
            None => queue_close(app, c.id, user_id).await,
        };
    }
    if !c.is_open() {
        return Err(Error::Conflict("campaign-closed"));
    }
    let entry = actor.audit(AuditAction::CampaignClosed);
    campaigns::begin_close(&app.db, c, user_id, entry).await?;
    queue_close(app, c.id, user_id).await
}

/// The job that closes campaign `id`, for `owner`: the campaign's one open close, if
/// there is one (whoever began it).
async fn queue_close(app: &App, id: i64, owner: i64) -> Result<i64> {
    let params = serde_json::json!({ "campaign": id }).to_string();
    let kind = JobKind::CampaignClose.as_str();
    Ok(jobs::create(&app.db, kind, owner, &close_subject(id), &params).await?)
}

/// How a campaign's close job names it.
pub fn close_subject(campaign_id: i64) -> String {
    format!("campaign-{campaign_id}")
}

/// Runs a campaign's close to its end, `batch` members a transaction, and closes it;
/// returns how many lapsed in all. Safe to run again after an interruption (a restart, a
/// failed batch): members already lapsed no longer match, and a closed campaign is left
/// as it is. Only the party's own campaigns lapse members: an affiliate's dues do not
/// decide membership of the party. A close is not cancelled half-way (see
/// `JobKind::cancellable`): `progress` is told, not asked.
pub async fn run_close(
    app: &App,
    campaign_id: i64,
    batch: i64,
    progress: &mut impl Progress,
) -> Result<i64> {
    let c = campaigns::get(&app.db, campaign_id)
        .await?
        .ok_or(Error::NotFound)?;
    if !c.is_closing() {
        return Ok(c.lapsed_count.unwrap_or(0));
    }
    let lapse = app.profile.membership.model == MembershipModel::YearlyRenewal
        && Some(c.organization.as_str()) == app.profile.party_key();
    let today = today().to_string();
    let mut done = c.lapsed_count.unwrap_or(0);
    let total = done
        + if lapse {
            campaigns::to_lapse(&app.db, &c).await?
        } else {
            0
        };
    progress.report(done, Some(total)).await?;
    if lapse {
        // A resumed close starts from the first member: those it lapsed are skipped, once.
        let mut after = campaigns::LapseCursor::default();
        loop {
            let (lapsed, last) = campaigns::lapse_batch(&app.db, &c, &today, &after, batch).await?;
            // Payments stopped when the close began, so no member of the batch was renewed
            // meanwhile: a batch with none to lapse is the end.
            if lapsed == 0 {
                break;
            }
            after = last;
            done += lapsed;
            // Renewals stopped when the close began, so the total only moves if members
            // were added meanwhile: never show more done than in all.
            progress.report(done, Some(total.max(done))).await?;
            tokio::time::sleep(batch_pause(&app.db)).await;
        }
    }
    Ok(campaigns::finish_close(&app.db, &c).await?)
}

/// The job closing campaign `id`, when the actor began it (its page shows the progress).
pub async fn close_job(app: &App, actor: &Actor<'_>, id: i64) -> Result<Option<i64>> {
    let kind = JobKind::CampaignClose.as_str();
    let job = jobs::latest_on(&app.db, kind, &close_subject(id)).await?;
    Ok(job
        .filter(|j| Some(j.owner_id) == actor.user_id())
        .map(|j| j.id))
}

/// How a close request ends: its job, and the members lapsed when it finished in time.
pub struct Closing {
    pub job: i64,
    pub lapsed: Option<i64>,
}

/// Starts the close and waits up to `wait` for its job to finish (it goes on whatever
/// happens to the caller).
pub async fn close_within(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<Campaign>,
    wait: std::time::Duration,
) -> Result<Closing> {
    let job = close(app, actor, c).await?;
    match crate::jobs::wait(app, job, wait).await? {
        JobState::Done => {
            let lapsed = campaigns::get(&app.db, c.id)
                .await?
                .and_then(|c| c.lapsed_count);
            Ok(Closing {
                job,
                lapsed: Some(lapsed.unwrap_or(0)),
            })
        }
        JobState::Queued | JobState::Running => Ok(Closing { job, lapsed: None }),
        JobState::Failed | JobState::Cancelled => {
            // The campaign stays closing; the next start queues its close again.
            Err(Error::Internal(format!("the close's job {job} stopped")))
        }
    }
}

/// At the server's start, every campaign being closed has its job: the one a stop left
/// (queued again by `jobs::resume`), or a new one for whoever began the close.
pub async fn resume_closes(app: &App) -> Result<()> {
    for id in campaigns::closing(&app.db).await? {
        match campaigns::closing_by(&app.db, id).await? {
            Some(owner) => {
                queue_close(app, id, owner).await?;
            }
            None => {
                run_close(app, id, CLOSE_BATCH, &mut crate::progress::Unwatched).await?;
            }
        }
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
