//! Who is invited to a meeting; attendance starts from the list.

use super::commit_recorded;
use super::profile::holder_title;
use crate::access::InBody;
use crate::{Actor, App, Found, Result};
use tanzim_domain::policy::Action;
use tanzim_domain::{DomainError, Field};
use tanzim_store::meetings::{self as store, Invitee, Meeting};

/// The invitation list as the officer gives it.
pub struct Invitations {
    /// Guests and others invited by name.
    pub invitations: Vec<Invitee>,
    /// Also invite every current position holder of the body.
    pub position_holders: bool,
}

/// Sets the invitation list: the body's position holders (when asked) and those named,
/// each person once.
pub async fn invite(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    input: Invitations,
) -> Result<()> {
    m.require(Action::ManageMeetings)?;
    let (meeting, b) = (&m.record, &m.body);
    let mut list: Vec<Invitee> = Vec::new();
    if input.position_holders {
        for h in store::holders(&app.db, b.id, true).await? {
            // One person holding two positions is invited once.
            if list.iter().any(|l| l.name == h.holder_name) {
                continue;
            }
            list.push(Invitee {
                title: Some(holder_title(&app.profile, b, &h)?),
                holder_id: Some(h.id),
                name: h.holder_name,
                guest: false,
            });
        }
    }
    for i in input.invitations {
        let name = i.name.trim().to_owned();
        if name.is_empty() {
            return Err(DomainError::new(Field::Name, "name-required").into());
        }
        // Someone named twice (a holder also listed by name) is invited once.
        if list.iter().any(|l| l.name == name) {
            continue;
        }
        list.push(Invitee {
            name,
            title: i
                .title
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty()),
            holder_id: None,
            guest: i.guest,
        });
    }
    let mut tx = app.db.begin().await?;
    store::lock_open(&mut tx, meeting.id).await?;
    store::invite(&mut tx, meeting, &list).await?;
    commit_recorded(
        tx,
        actor,
        meeting,
        serde_json::json!({ "invited": list.len() }),
    )
    .await?;
    Ok(())
}
