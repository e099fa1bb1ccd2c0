//! Who attended a meeting.

use super::commit_recorded;
use super::profile::vote_rules;
use crate::access::InBody;
use crate::{Actor, App, Found, Result};
use tanzim_domain::meetings::{self as rules, Vote};
use tanzim_domain::policy::Action;
use tanzim_domain::{DomainError, Field};
use tanzim_store::meetings::{self as store, Attendee, Meeting};

/// Checks the attendance against the body's rules (names, presence, times, proxies,
/// weights) and replaces the record with it. The votes already recorded must still fit the
/// voters it gives them: they are read, checked and the list written in one transaction on
/// the locked record, so that a vote recorded meanwhile is checked against this list.
pub async fn record(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    list: Vec<Attendee>,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let meeting = &m.record;
    let time = |t: Option<String>| super::profile::time(t.as_deref(), Field::Attendance);
    let mut clean = Vec::with_capacity(list.len());
    for a in list {
        let name = a.name.trim().to_owned();
        if name.is_empty() {
            return Err(DomainError::new(Field::Name, "name-required").into());
        }
        if clean.iter().any(|c: &Attendee| c.name == name) {
            return Err(DomainError::new(Field::Attendance, "name-twice").into());
        }
        // Only someone present can be present from afar.
        if a.remote && a.presence != tanzim_domain::meetings::Presence::Present {
            return Err(DomainError::new(Field::Attendance, "remote-not-present").into());
        }
        clean.push(Attendee {
            name,
            arrived_at: time(a.arrived_at)?,
            left_at: time(a.left_at)?,
            proxy_to: a
                .proxy_to
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty()),
            ..a
        });
    }
    let seats: Vec<_> = clean.iter().map(Attendee::seat).collect();
    let rules_of_body = vote_rules(&app.profile, &m.body);
    rules::check_attendance(&seats, rules_of_body)?;
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    if !seats.is_empty() {
        for d in store::decisions_in(&mut tx, meeting.id).await? {
            if let Some(votes_for) = d.votes_for {
                let vote = Vote {
                    votes_for,
                    against: d.against.unwrap_or(0),
                    abstentions: d.abstentions.unwrap_or(0),
                    unanimous: d.unanimous,
                };
                let voters = rules::voters_at(&seats, d.taken_at.as_deref(), rules_of_body);
                rules::check_vote_against_voters(&vote, &voters)?;
            }
        }
    }
    store::record_attendance(&mut tx, meeting, &clean).await?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "attendance": clean.len() }),
    )
    .await?;
    Ok(())
}
