//! Commands on applications: a person files one on the public form, or an officer enters
//! it on their behalf; the competent committee accepts one (the member is created with
//! its number, in one transaction) or rejects it with a reason.

use crate::members::{check_person, create, residence};
use crate::secrets::{new_reference, random_token};
use crate::{Actor, App, Error, Found, Result, permit, today};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members::{self as rules, Person, PersonInput};
use tanzim_domain::policy::{Action, Target};
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::applications::{self, Application, NewApplication};
use tanzim_store::audit::AuditEntry;
use tanzim_store::meetings::{Committee, membership_committee_at};
use tanzim_store::members::NewMember;
use tanzim_store::territory::Territory;

/// An application as filled in: the person, and what they agree to.
pub struct Submission {
    pub person: PersonInput,
    /// The public form's consent statement, ticked (an officer's entry has it on paper).
    pub consent: bool,
    pub consent_contact: bool,
    pub consent_public: bool,
}

/// An application filed: its id, and the reference the applicant follows it with.
pub struct Filed {
    pub id: i64,
    pub reference: String,
}

/// Files an application from the public form, without an account (`address` goes to the
/// audit log). Every rule broken is said at once, each naming its field.
pub async fn submit(app: &App, address: &str, input: &Submission) -> Result<Filed> {
    let checked = check_person(app, &input.person).await;
    let consent = if input.consent {
        Vec::new()
    } else {
        vec![DomainError::new(Field::Consent, "consent-required")]
    };
    let (person, commune) = match checked {
        Ok(ok) if consent.is_empty() => ok,
        Ok(_) => return Err(Error::Rules(consent)),
        Err(mut errors) => {
            errors.extend(consent);
            return Err(Error::Rules(errors));
        }
    };
    let audit = AuditEntry::new(
        None,
        "public",
        AuditAction::ApplicationSubmitted,
        Some(address),
    );
    file(app, &person, &commune, input, "public", None, audit).await
}

/// Enters an application on someone's behalf, in a commune the officer serves.
pub async fn enter(app: &App, actor: &Actor<'_>, input: &Submission) -> Result<Filed> {
    permit(actor.decide(Action::EnterApplication, None))?;
    // The place is judged before the person, so that no rule speaks about a person the
    // officer may not enter.
    if let Ok(code) = TerritoryCode::parse(&input.person.commune)
        && let Ok(t) = residence(app, &code).await
    {
        let target = Target {
            path: t.territory_path(),
            organization: None,
        };
        permit(actor.decide(Action::EnterApplication, Some(&target)))?;
    }
    let (person, commune) = check_person(app, &input.person)
        .await
        .map_err(Error::Rules)?;
    let audit = actor.audit(AuditAction::ApplicationSubmitted);
    file(
        app,
        &person,
        &commune,
        input,
        "officer",
        actor.user_id(),
        audit,
    )
    .await
}

async fn file(
    app: &App,
    person: &Person,
    commune: &Territory,
    input: &Submission,
    source: &str,
    entered_by: Option<i64>,
    audit: AuditEntry,
) -> Result<Filed> {
    let reference = new_reference();
    let new = NewApplication {
        reference: &reference,
        source,
        person,
        path: &commune.territory_path(),
        consent_contact: input.consent_contact,
        consent_public: input.consent_public,
        consent_version: &app.profile.membership.consent_version,
        entered_by,
    };
    let id = applications::create(&app.db, &new, audit).await?;
    Ok(Filed { id, reference })
}

/// The membership committee competent for an application: the one constituted by the
/// party's body at the profile's committee level where the applicant lives (its
/// decisions are recorded as the committee's own), with that body's name.
pub async fn competent_committee(
    app: &App,
    a: &Application,
) -> Result<Option<(Committee, String)>> {
    let depth = app.profile.membership.committee_level.depth();
    let Some(at) = TerritoryPath::from_stored(a.person.path.clone()).ancestor(depth) else {
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
    let committee = competent_committee(app, a).await?.map(|(c, _)| c);
    let user_id = actor.user_id().ok_or(Error::Forbidden)?;
    let entry = actor.audit(AuditAction::ApplicationRejected);
    applications::reject(&app.db, a, &reason, user_id, committee.as_ref(), entry).await?;
    Ok(())
}
