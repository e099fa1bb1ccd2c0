//! Correcting and removing a meeting's interventions while its record is open (recording
//! one is `record::intervene`).

use super::commit_recorded;
use super::record::{Speech, speech_row};
use crate::access::InBody;
use crate::{Actor, App, Error, Found, Result};
use tanzim_domain::policy::Action;
use tanzim_store::meetings::{self as store, Meeting};

/// Rewrites the meeting's intervention `id` as the input gives it, checked as when it was
/// recorded; 404 when the meeting has none with that id, 409 once the minutes are approved.
pub async fn correct(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    id: i64,
    input: &Speech,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let row = speech_row(app, input)?;
    let meeting = &m.record;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    if !store::update_intervention(&mut tx, meeting, id, &row.row()).await? {
        return Err(Error::NotFound);
    }
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "intervention": id, "corrected": true }),
    )
    .await?;
    Ok(())
}

/// Removes the meeting's intervention `id` (the audit entry keeps what it said); 404 when
/// the meeting has none with that id, 409 once the minutes are approved.
pub async fn remove(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    id: i64,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let meeting = &m.record;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    let summary = store::remove_intervention(&mut tx, meeting, id)
        .await?
        .ok_or(Error::NotFound)?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "intervention": id, "removed": true, "summary": summary }),
    )
    .await?;
    Ok(())
}
