//! A body's timetable as a calendar app subscribes to it: a secret address a user issues
//! for one body, read at every fetch with that user's roles and scope as they stand then
//! (a user disabled, or who lost the role or the body, gets nothing), revoked by issuing
//! another or by revoking it.

use crate::access::load;
use crate::secrets::{random_token, token_hash};
use crate::{Actor, App, Error, Found, Result};
use chrono::{Datelike, Months, NaiveDate};
use serde_json::json;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::policy::{Action, scopes_for};
use tanzim_store::bodies::Body;
use tanzim_store::programmes::Activity;
use tanzim_store::timetable_feeds::{self as store, Feed};
use tanzim_store::{ScopeFilter, accounts, now};

/// A new secret address token for the actor's feed of the body; the previous one stops
/// working. The token is shown once: only its hash is kept.
pub async fn issue(app: &App, actor: &Actor<'_>, b: &Found<Body>) -> Result<String> {
    b.require(Action::ViewMeetings)?;
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let token = random_token();
    let entry = actor
        .audit(AuditAction::TimetableFeedIssued)
        .target_of("body", b.id, &b.target())
        .detail(json!({ "body": b.id }));
    store::issue(&app.db, user_id, b.id, &token_hash(&token), now(), &entry).await?;
    Ok(token)
}

/// Revokes the actor's feed of the body; whether there was one.
pub async fn revoke(app: &App, actor: &Actor<'_>, b: &Found<Body>) -> Result<bool> {
    b.require(Action::ViewMeetings)?;
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let entry = actor
        .audit(AuditAction::TimetableFeedRevoked)
        .target_of("body", b.id, &b.target())
        .detail(json!({ "body": b.id }));
    Ok(store::revoke(&app.db, user_id, b.id, now(), &entry).await?)
}

/// The actor's live feed of the body, if any (when it was issued and last fetched).
pub async fn live(app: &App, actor: &Actor<'_>, b: &Found<Body>) -> Result<Option<Feed>> {
    b.require(Action::ViewMeetings)?;
    match actor.user_id() {
        Some(user_id) => Ok(store::live(&app.db, user_id, b.id).await?),
        None => Ok(None),
    }
}

/// The months a feed holds: the three before this one, this one, and the next twelve.
pub fn window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = today.with_day(1).unwrap_or(today);
    let from = first.checked_sub_months(Months::new(3)).unwrap_or(first);
    let to = first
        .checked_add_months(Months::new(13))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    (from, to)
}

/// The body and the activities an address shows, read as its user would read them now;
/// `None` for an address that does not exist, was revoked, or whose user may no longer
/// see the body (all answered alike).
pub async fn read(app: &App, token: &str, address: &str) -> Result<Option<(Body, Vec<Activity>)>> {
    let Some(feed) = store::resolve(&app.db, &token_hash(token), now()).await? else {
        return Ok(None);
    };
    let Some((principal, _)) = accounts::principal(&app.db, feed.user_id).await? else {
        return Ok(None);
    };
    let actor = Actor::user(&principal, address);
    let body = match load::<Body>(app, &actor, Action::ViewMeetings, feed.body_id).await {
        Ok(b) => b,
        Err(Error::NotFound | Error::Forbidden) => return Ok(None),
        Err(e) => return Err(e),
    };
    let scope = ScopeFilter::from_assignments(scopes_for(&principal, Action::ViewMeetings));
    let (from, to) = window(crate::today());
    let items = crate::timetable::export(app, &body, &scope, from, to).await?;
    Ok(Some((body.into_inner(), items)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_holds_three_months_back_and_twelve_ahead() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(window(d("2026-12-08")), (d("2026-09-01"), d("2027-12-31")));
        assert_eq!(window(d("2024-02-29")), (d("2023-11-01"), d("2025-02-28")));
    }
}
