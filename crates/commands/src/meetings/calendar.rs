//! Calendar feed links: one per user, one per user and body. The adapter makes the secret
//! and shows it once; the command stores its hash, replacing any earlier link.

use crate::{Actor, App, Error, Found, Result};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::policy::Action;
use tanzim_store::audit;
use tanzim_store::bodies::Body;
use tanzim_store::meetings as store;

/// Gives the actor a new feed link of the meetings they may see.
pub async fn link(app: &App, actor: &Actor<'_>, token_hash: &str) -> Result<()> {
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let mut tx = app.db.begin().await?;
    store::set_calendar_feed(&mut tx, user_id, token_hash).await?;
    let entry = actor
        .audit(AuditAction::TokenCreated)
        .detail(serde_json::json!({ "calendar_feed": true }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives the actor a new feed link of one body's meetings.
pub async fn body_link(
    app: &App,
    actor: &Actor<'_>,
    b: &Found<Body>,
    token_hash: &str,
) -> Result<()> {
    b.require(Action::ViewMeetings)?;
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let mut tx = app.db.begin().await?;
    store::set_body_calendar_feed(&mut tx, user_id, b, token_hash).await?;
    let entry = actor
        .audit(AuditAction::TokenCreated)
        .detail(serde_json::json!({ "calendar_feed": b.id }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}
