//! Commands on applications: the competent committee accepts one (the member is created
//! with its number, in one transaction) or rejects it with a reason.

use crate::members::{check_person, create};
use crate::secrets::random_token;
use crate::{Actor, App, Error, Found, Result, today};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members as rules;
use tanzim_domain::policy::Action;
use tanzim_domain::territory::TerritoryPath;
use tanzim_store::applications::{self, Application};
use tanzim_store::meetings::{Committee, membership_committee_at};
use tanzim_store::members::NewMember;

/// The membership committee competent for an application: the one constituted by the
/// party's body at the profile's committee level where the applicant lives (its
/// decisions are recorded as the committee's own), with that body's name.
pub async fn competent_committee(
    app: &App,
    a: &Application,
) -> Result<Option<(Committee, String)>> {
    let depth = app.profile.membership.committee_level.depth();
    let Some(at) = TerritoryPath::from_stored(a.path.clone()).ancestor(depth) else {
        return Ok(None);
    };
    // Applications join the party: its own bodies' committee decides, not an affiliate's.
    let party = app.profile.party_key().unwrap_or("party");
    Ok(membership_committee_at(&app.db, &at, party).await?)
}

/// Accepts an application: the member is created with its number; returns its id.
pub async fn accept(app: &App, actor: &Actor<'_>, a: &Found<Application>) -> Result<i64> {
    a.require(Action::DecideApplications)?;
    let (person, commune) = check_person(app, &a.as_input())
        .await
        .map_err(Error::first)?;
    // The province is the path's second segment (region/province/commune/...).
    let province = commune
        .path
        .split('/')
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    let new = NewMember {
        person: &person,
        province_code: province,
        path: commune.territory_path(),
        joined_on: today().to_string(),
        consent_contact: a.consent_contact,
        consent_public: a.consent_public,
        consent_source: if a.source == "public" {
            "form".into()
        } else {
            "paper".into()
        },
        consent_version: a.consent_version.clone(),
        notes: None,
        card_token: random_token(),
        application_id: Some(a.id),
        committee_id: competent_committee(app, a).await?.map(|(c, _)| c.id),
        actor_id: actor.user_id(),
    };
    let (id, _) = create(app, actor, &new, AuditAction::ApplicationAccepted).await?;
    Ok(id)
}

/// Rejects an application with a reason (required).
pub async fn reject(
    app: &App,
    actor: &Actor<'_>,
    a: &Found<Application>,
    reason: &str,
) -> Result<()> {
    a.require(Action::DecideApplications)?;
    let reason = rules::parse_reason(reason)?;
    let committee = competent_committee(app, a).await?.map(|(c, _)| c.id);
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let entry = actor.audit(AuditAction::ApplicationRejected);
    applications::reject(&app.db, a, &reason, user_id, committee, entry).await?;
    Ok(())
}
