//! Commands on a member: change of status, transfer to another branch.

use crate::access::member_decision;
use crate::{Actor, App, Error, Found, Result, permit, today};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::members::{self as rules, Event, Person, PersonInput, transition};
use tanzim_domain::policy::{Action, Decision, Target};
use tanzim_domain::territory::{Level, TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::StoreError;
use tanzim_store::campaigns::{self, Campaign};
use tanzim_store::imports;
use tanzim_store::members::{self, Change, Member, NewMember};
use tanzim_store::territory::{self, Territory};

/// A commune or arrondissement that exists: where a member lives decides the branch.
pub async fn residence(app: &App, code: &TerritoryCode) -> Result<Territory> {
    territory::get(&app.db, code)
        .await?
        .filter(|t| matches!(t.level, Level::Commune | Level::Arrondissement))
        .ok_or(Error::Invalid(DomainError::new(
            Field::Commune,
            "commune-unknown",
        )))
}

/// The day a change to this member takes effect (today when not given): within its
/// current period, so that history periods never overlap, and not in the future.
async fn change_date(app: &App, m: &Member, on: Option<NaiveDate>) -> Result<String> {
    let today = today();
    let on = on.unwrap_or(today);
    let history = members::history(&app.db, m.id).await?;
    let start = history.last().map(|h| h.valid_from).unwrap_or(m.joined_on);
    rules::check_effective_date(on, start.date(), today)?;
    Ok(on.to_string())
}

/// A status change as the officer gives it.
pub struct StatusChange {
    /// One of `Event::MANUAL`.
    pub event: Event,
    pub on: Option<NaiveDate>,
    pub reason: String,
    /// The decision it comes from, required for the events that need one.
    pub decision: Option<String>,
    /// The last day of a suspension.
    pub until: Option<NaiveDate>,
}

/// Suspends, reinstates, expels, records a resignation or a death, or readmits.
pub async fn change_status(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    input: &StatusChange,
) -> Result<()> {
    m.require(Action::ManageMembers)?;
    if !Event::MANUAL.contains(&input.event) {
        return Err(DomainError::new(Field::Status, "event-invalid").into());
    }
    let from = m.status;
    let to = transition(from, input.event, app.profile.membership.model)?;
    let reason = rules::parse_reason(&input.reason)?;
    if input.event.needs_decision() && input.decision.is_none() {
        return Err(DomainError::new(Field::Reason, "decision-required").into());
    }
    let on = change_date(app, m, input.on).await?;
    let until = match (input.event, input.until) {
        (Event::Suspend, Some(u)) if u.to_string() <= on => {
            return Err(DomainError::new(Field::Date, "until-before-date").into());
        }
        (Event::Suspend, Some(u)) => Some(u.to_string()),
        (Event::Suspend, None) => {
            return Err(DomainError::new(Field::Date, "until-required").into());
        }
        _ => None,
    };
    let path = TerritoryPath::from_stored(m.person.path.clone());
    let change = Change {
        event: input.event.as_str(),
        to_status: to,
        to_commune: &m.person.commune_code,
        to_path: &path,
        on: &on,
        suspended_until: until.as_deref(),
        reason: Some(&reason),
        decision: input.decision.as_deref(),
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::MemberStatusChanged);
    Ok(members::apply(&app.db, m, &change, entry).await?)
}

/// A transfer as the officer gives it.
pub struct Transfer {
    /// The new commune or arrondissement of residence.
    pub commune: TerritoryCode,
    pub on: Option<NaiveDate>,
    pub reason: String,
}

/// Moves a member to the branch of the commune they now live in. Moving them into a
/// branch the officer does not serve is refused (403: the officer knows the place).
pub async fn transfer(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    input: &Transfer,
) -> Result<()> {
    m.require(Action::ManageMembers)?;
    let t = residence(app, &input.commune).await?;
    if t.code == m.person.commune_code {
        return Err(DomainError::new(Field::Commune, "transfer-same-commune").into());
    }
    let to_path = t.territory_path();
    let destination = Target {
        path: to_path.clone(),
        organization: None,
    };
    permit(
        match actor.decide(Action::ManageMembers, Some(&destination)) {
            Decision::NotFound => Decision::Forbidden,
            d => d,
        },
    )?;
    let reason = rules::parse_reason(&input.reason)?;
    let on = change_date(app, m, input.on).await?;
    let status = m.status;
    let suspended_until = m.suspended_until.map(|d| d.to_string());
    let change = Change {
        event: "transfer",
        to_status: status,
        to_commune: &t.code,
        to_path: &to_path,
        on: &on,
        suspended_until: suspended_until.as_deref(),
        reason: Some(&reason),
        decision: None,
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::MemberTransferred);
    Ok(members::apply(&app.db, m, &change, entry).await?)
}

/// Checks a person and the commune they live in; every rule broken, each naming its field.
pub async fn check_person(
    app: &App,
    input: &PersonInput,
) -> Result<(Person, Territory), Vec<DomainError>> {
    let affiliates = app.profile.affiliate_keys();
    let person = input.validate(&app.profile.membership, &affiliates, today())?;
    match residence(app, &person.commune).await {
        Ok(t) => Ok((person, t)),
        Err(Error::Invalid(e)) => Err(vec![e]),
        Err(_) => Err(vec![DomainError::general("internal")]),
    }
}

/// A person entered with a CIN already registered. When the actor may see that member,
/// the conflict is said as it is (`cin-taken`); otherwise the person is referred to
/// whoever covers both places and the actor learns only that (`cin-referred`), never where
/// or whose.
pub async fn cin_conflict(app: &App, actor: &Actor<'_>, new: &NewMember<'_>) -> Error {
    let existing = match members::by_cin(&app.db, new.person.cin.as_str()).await {
        Ok(existing) => existing,
        Err(e) => return e.into(),
    };
    match existing {
        Some(m) if member_decision(app, actor, Action::ViewMembers, &m) == Decision::Allow => {
            Error::Conflict("cin-taken")
        }
        _ => {
            let entry = actor.audit(AuditAction::ReviewFiled);
            match imports::refer_cin(&app.db, new.person, &new.path, &new.joined_on, entry).await {
                Ok(_) => Error::Conflict("cin-referred"),
                Err(e) => e.into(),
            }
        }
    }
}

/// Creates a member (from an accepted application or by direct entry); a CIN already
/// registered answers as `cin_conflict` says.
pub async fn create(
    app: &App,
    actor: &Actor<'_>,
    new: &NewMember<'_>,
    action: AuditAction,
) -> Result<(i64, String)> {
    match members::create(&app.db, new, actor.audit(action)).await {
        Err(StoreError::Conflict("cin-taken")) => Err(cin_conflict(app, actor, new).await),
        other => Ok(other?),
    }
}

/// A member registered directly (an existing roll brought in by an officer).
pub struct Registration {
    pub person: PersonInput,
    /// Today when not given.
    pub joined_on: Option<NaiveDate>,
    pub consent_contact: bool,
    pub consent_public: bool,
    pub notes: Option<String>,
}

/// Registers a member in a branch the officer serves; returns its id.
pub async fn register(app: &App, actor: &Actor<'_>, input: &Registration) -> Result<i64> {
    permit(actor.decide(Action::ManageMembers, None))?;
    let affiliates = app.profile.affiliate_keys();
    let person = input
        .person
        .validate(&app.profile.membership, &affiliates, today())
        .map_err(Error::first)?;
    let t = residence(app, &person.commune).await?;
    let branch = Target {
        path: t.territory_path(),
        organization: None,
    };
    permit(match actor.decide(Action::ManageMembers, Some(&branch)) {
        Decision::NotFound => Decision::Forbidden,
        d => d,
    })?;
    let joined_on = input.joined_on.unwrap_or(today());
    rules::check_effective_date(joined_on, joined_on, today())?;
    rules::check_joined_on(joined_on, person.birth_date, &app.profile.membership)?;
    let new = NewMember {
        person: &person,
        // The province is the path's second segment (region/province/commune/...).
        province_code: t.path.split('/').nth(1).unwrap_or_default().to_owned(),
        path: t.territory_path(),
        joined_on: joined_on.to_string(),
        consent_contact: input.consent_contact,
        consent_public: input.consent_public,
        consent_source: "api".into(),
        consent_version: app.profile.membership.consent_version.clone(),
        notes: input.notes.clone(),
        card_token: crate::secrets::random_token(),
        application_id: None,
        committee_id: None,
        actor_id: actor.user_id(),
    };
    let (id, _) = create(app, actor, &new, AuditAction::MemberCreated).await?;
    Ok(id)
}

/// A renewal and its payment, as the officer records it.
pub struct Renewal {
    pub campaign_id: i64,
    pub category: String,
    pub method: String,
    /// Blank: the body's next number, made with the profile's pattern.
    pub receipt: String,
    /// Today when not given.
    pub paid_on: Option<NaiveDate>,
}

/// Records a member's renewal for an open campaign that covers them; returns the
/// payment's id.
pub async fn renew(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    input: &Renewal,
) -> Result<i64> {
    permit(member_decision(app, actor, Action::RecordPayments, m))?;
    let campaign = campaigns::get(&app.db, input.campaign_id)
        .await?
        .ok_or(DomainError::new(Field::Campaign, "campaign-unknown"))?;
    if campaign.is_closing() {
        return Err(Error::Conflict("campaign-closing"));
    }
    if !campaign.is_open() {
        return Err(Error::Conflict("campaign-closed"));
    }
    if !campaign_covers(app, &campaign, m) {
        return Err(DomainError::new(Field::Campaign, "campaign-not-for-member").into());
    }
    let categories = campaigns::categories(&app.db, campaign.id).await?;
    let category = categories
        .iter()
        .find(|c| c.key == input.category.trim())
        .ok_or(DomainError::new(Field::Category, "category-invalid"))?;
    let method = rules::parse_method(&input.method)?;
    let typed = match input.receipt.trim() {
        "" => None,
        r => Some(rules::parse_receipt(r)?),
    };
    let receipt = match &typed {
        Some(r) => campaigns::Receipt::Given(r),
        None => campaigns::Receipt::Next {
            pattern: &app.profile.membership.receipt_pattern,
        },
    };
    let paid_on = change_date(app, m, input.paid_on).await?;
    let from = m.status;
    let new_status = transition(from, Event::Renew, app.profile.membership.model)?;
    let new = campaigns::NewPayment {
        campaign: &campaign,
        category,
        method: &method,
        receipt,
        paid_on: &paid_on,
        new_status,
        actor_id: actor.user_id().ok_or(Error::Forbidden)?,
        receipt_token: &crate::secrets::random_token(),
    };
    let entry = actor.audit(AuditAction::PaymentRecorded);
    Ok(campaigns::record_payment(&app.db, m, &new, entry).await?)
}

/// Whether a campaign is for this member: its jurisdiction holds the member's branch, and
/// an affiliate's campaign is for the affiliate's members only.
pub fn campaign_covers(app: &App, c: &Campaign, m: &Member) -> bool {
    let place = TerritoryPath::from_stored(c.path.clone())
        .contains(&TerritoryPath::from_stored(m.person.path.clone()));
    let organization = Some(c.organization.as_str()) == app.profile.party_key()
        || m.person
            .affiliations
            .split(',')
            .any(|a| a == c.organization);
    place && organization
}

/// A consent given or withdrawn, as recorded.
pub struct Consent {
    /// One of `rules::CONSENT_KINDS`.
    pub kind: String,
    pub granted: bool,
    /// Where it was expressed: `form`, `paper`, `phone`, `email`.
    pub source: String,
    /// Today when not given.
    pub on: Option<NaiveDate>,
}

/// Records a consent given or withdrawn, with the wording version in force.
pub async fn record_consent(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    input: &Consent,
) -> Result<()> {
    m.require(Action::ManageMembers)?;
    let kind = rules::CONSENT_KINDS
        .iter()
        .find(|k| **k == input.kind.trim())
        .ok_or(DomainError::new(Field::Consent, "consent-kind-unknown"))?;
    let source = match input.source.trim() {
        s @ ("form" | "paper" | "phone" | "email") => s,
        _ => return Err(DomainError::new(Field::Consent, "consent-source-invalid").into()),
    };
    let on = input.on.unwrap_or(today());
    rules::check_effective_date(on, on, today())?;
    let on = on.to_string();
    let change = members::ConsentChange {
        kind,
        granted: input.granted,
        on: &on,
        source,
        wording_version: &app.profile.membership.consent_version,
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::ConsentRecorded);
    Ok(members::record_consent(&app.db, m, &change, entry).await?)
}

/// Contact details as the officer keeps them up to date (blank fields absent).
pub struct Contact {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub profession: Option<String>,
    pub education: Option<String>,
    pub notes: Option<String>,
}

/// Updates a member's contact details, each checked.
pub async fn update_contact(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<Member>,
    input: &Contact,
) -> Result<()> {
    m.require(Action::ManageMembers)?;
    let phone = input
        .phone
        .as_deref()
        .map(|p| rules::Phone::parse(p).map(|p| p.as_str().to_owned()))
        .transpose()?;
    let email = input.email.as_deref().map(rules::parse_email).transpose()?;
    if input
        .education
        .as_deref()
        .is_some_and(|e| !rules::EDUCATION_LEVELS.contains(&e))
    {
        return Err(DomainError::new(Field::Education, "education-invalid").into());
    }
    let update = members::ContactUpdate {
        phone: phone.as_deref(),
        email: email.as_deref(),
        address: input.address.as_deref(),
        profession: input.profession.as_deref(),
        education: input.education.as_deref(),
        notes: input.notes.as_deref(),
    };
    let entry = actor.audit(AuditAction::MemberUpdated);
    Ok(members::update_contact(&app.db, m, &update, entry).await?)
}
