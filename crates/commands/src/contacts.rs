//! Commands on sympathisers and contacts: record one with their consent, list and search
//! them, read one (kept in the audit log), turn one into a pending application, erase one,
//! export the list, and list a body's sympathisers for a meeting's attendance.
//!
//! A contact is reached like a member: its commune's path decides, and a role limited to
//! an organization covers that organization's sympathisers (all of them for the party).

use crate::access::Scoped;
use crate::members::{check_person, residence};
use crate::secrets::new_reference;
use crate::{Actor, App, Error, Found, Result, permit, today};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::contacts::{ContactInput, ContactStatus, phone_query};
use tanzim_domain::members::PersonInput;
use tanzim_domain::names::SearchQuery;
use tanzim_domain::policy::{Action, Decision, decide_member, member_assignments};
use tanzim_domain::territory::TerritoryPath;
use tanzim_store::applications::{self, NewApplication};
use tanzim_store::bodies::Body;
use tanzim_store::contacts::{self, Contact, Search};
use tanzim_store::{Page, Paged, ScopeFilter};

/// The policy's decision on a contact: its commune decides, and a role limited to an
/// organization covers that organization's sympathisers (every one for the party).
pub fn decision(app: &App, actor: &Actor<'_>, action: Action, c: &Contact) -> Decision {
    decision_at(
        app,
        actor,
        action,
        &TerritoryPath::from_stored(c.path.clone()),
        c.organization.as_deref(),
    )
}

fn decision_at(
    app: &App,
    actor: &Actor<'_>,
    action: Action,
    path: &TerritoryPath,
    organization: Option<&str>,
) -> Decision {
    match actor.principal() {
        Some(p) => decide_member(
            p,
            action,
            path,
            organization.unwrap_or(""),
            app.profile.party_key(),
        ),
        None => Decision::Allow,
    }
}

/// The scope of `action` over contacts, as a list filters by it (the members' rule).
pub fn scope(app: &App, actor: &Actor<'_>, action: Action) -> ScopeFilter {
    match actor.principal() {
        Some(p) => {
            let assignments = member_assignments(p, action, app.profile.party_key());
            ScopeFilter::from_assignments(assignments.iter())
        }
        // The console holds the database already: the whole country, like an
        // administrator's national role.
        None => ScopeFilter::from_assignments(std::iter::once(
            &tanzim_domain::accounts::RoleAssignment {
                role: tanzim_domain::accounts::Role::Administrator,
                scope: None,
                scope_path: TerritoryPath::national(),
                organization: None,
            },
        )),
    }
}

impl Scoped for Contact {
    async fn fetch(app: &App, id: i64) -> Result<Option<Contact>> {
        Ok(contacts::get(&app.db, id).await?)
    }
    fn decide(&self, app: &App, actor: &Actor<'_>, action: Action) -> Decision {
        decision(app, actor, action, self)
    }
}

/// Records a sympathiser or contact with their consent, in a commune the actor serves;
/// every rule broken is said at once, each naming its field. Returns its id.
pub async fn record(app: &App, actor: &Actor<'_>, input: &ContactInput) -> Result<i64> {
    permit(actor.decide(Action::ManageContacts, None))?;
    let affiliates = app.profile.affiliate_keys();
    let new = input
        .validate(&affiliates, app.profile.party_key(), today())
        .map_err(Error::Rules)?;
    let place = residence(app, &new.commune)
        .await
        .map_err(|e| match e {
            Error::Invalid(d) => Error::Rules(vec![d]),
            other => other,
        })?
        .territory_path();
    // Recording someone where the actor does not serve is refused (403: the actor named
    // the place).
    permit(
        match decision_at(
            app,
            actor,
            Action::ManageContacts,
            &place,
            new.organization.as_deref(),
        ) {
            Decision::NotFound => Decision::Forbidden,
            d => d,
        },
    )?;
    let entry = actor.audit(AuditAction::ContactCreated);
    Ok(contacts::create(&app.db, &new, &place, actor.user_id(), entry).await?)
}

/// What a list is filtered by.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// A name (either script) or a phone number.
    pub q: Option<String>,
}

/// The contacts in the actor's scope, newest first, searched by name or phone.
pub async fn list(
    app: &App,
    actor: &Actor<'_>,
    filter: &ListFilter,
    page: Page,
) -> Result<Paged<Contact>> {
    permit(actor.decide(Action::ViewContacts, None))?;
    let search = filter
        .q
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(|q| match phone_query(q) {
            Some(phone) => Search::Phone(phone),
            None => Search::Names(SearchQuery::parse(q)),
        });
    let scope = scope(app, actor, Action::ViewContacts);
    Ok(contacts::list(&app.db, &scope, search.as_ref(), page).await?)
}

/// Records that the actor read a contact's record (before it is shown); the entry names
/// the row, not the person.
pub async fn read(app: &App, actor: &Actor<'_>, c: &Found<Contact>) -> Result<()> {
    let entry = actor
        .audit(AuditAction::ContactViewed)
        .target_of("contact", c.id, &c.target());
    Ok(app.audit.append(&entry).await?)
}

/// What the contact's record may lack for an application, given at the conversion.
#[derive(Debug, Clone, Default)]
pub struct Completion {
    pub sex: Option<String>,
    pub birth_date: Option<String>,
    pub cin: Option<String>,
}

/// The application the contact would file: its own details, completed by what the officer
/// adds (a value on file stays as it is).
fn application_input(c: &Contact, more: &Completion) -> PersonInput {
    let or = |on_file: &Option<String>, given: &Option<String>| {
        on_file
            .clone()
            .or_else(|| given.clone())
            .unwrap_or_default()
    };
    PersonInput {
        first_name_ar: c.first_name_ar.clone(),
        last_name_ar: c.last_name_ar.clone(),
        first_name_lat: c.first_name_lat.clone(),
        last_name_lat: c.last_name_lat.clone(),
        sex: or(&c.sex, &more.sex),
        birth_date: or(&c.birth_date.map(|d| d.to_string()), &more.birth_date),
        cin: or(&c.cin, &more.cin),
        phone: c.phone.clone(),
        email: c.email.clone(),
        commune: c.commune_code.clone(),
        address: None,
        profession: None,
        education: None,
        affiliations: c.organization.clone(),
    }
}

/// The conflict a contact's state makes for a change.
fn not_active(status: ContactStatus) -> Error {
    match status {
        ContactStatus::Erased => Error::Conflict("contact-erased"),
        _ => Error::Conflict("contact-converted"),
    }
}

/// Turns a contact into a pending application in one step: the application is filed from
/// the contact's details (what an application needs and the record lacks is given in
/// `more`), and the contact is marked converted with a link to it, in one transaction.
/// Returns the application's id. A contact converted or erased already answers 409.
pub async fn convert(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<Contact>,
    more: &Completion,
) -> Result<i64> {
    c.require(Action::ManageContacts)?;
    if !c.is_active() {
        return Err(not_active(c.status));
    }
    // The officer enters the application on the person's behalf: that is theirs to do
    // where the person lives.
    permit(
        match actor.decide(
            Action::EnterApplication,
            Some(&tanzim_domain::policy::Target {
                path: TerritoryPath::from_stored(c.path.clone()),
                organization: None,
            }),
        ) {
            Decision::NotFound => Decision::Forbidden,
            d => d,
        },
    )?;
    let (person, commune) = check_person(app, &application_input(c, more))
        .await
        .map_err(Error::Rules)?;
    let reference = new_reference();
    let path = commune.territory_path();
    let new = NewApplication {
        reference: &reference,
        source: "officer",
        person: &person,
        path: &path,
        // They agreed to be contacted by the party when recorded; nothing public.
        consent_contact: true,
        consent_public: false,
        consent_version: &app.profile.membership.consent_version,
        entered_by: actor.user_id(),
    };
    let mut tx = app.db.begin().await?;
    let status = contacts::lock(&mut tx, c.id).await?;
    if status != ContactStatus::Active {
        return Err(not_active(status));
    }
    let filed = actor.audit(AuditAction::ApplicationSubmitted);
    let id = applications::create_in(&mut tx, &new, filed).await?;
    let converted = actor.audit(AuditAction::ContactConverted);
    contacts::mark_converted(&mut tx, c, id, converted).await?;
    tx.commit().await?;
    Ok(id)
}

/// Erases a contact: their personal data is removed from the row for good; the audit
/// entry names the row only. An erased contact answers 409.
pub async fn erase(app: &App, actor: &Actor<'_>, c: &Found<Contact>) -> Result<()> {
    c.require(Action::ManageContacts)?;
    if c.is_erased() {
        return Err(Error::Conflict("contact-erased"));
    }
    let entry = actor.audit(AuditAction::ContactErased);
    Ok(contacts::erase(&app.db, c, entry).await?)
}

/// Contacts read a batch at a time by an export.
const EXPORT_BATCH: i64 = 2_000;

/// The actor's contacts as a CSV file, and how many rows it holds. The export is on
/// record before the file is given.
pub async fn export_csv(app: &App, actor: &Actor<'_>) -> Result<(String, usize)> {
    permit(actor.decide(Action::ViewContacts, None))?;
    let scope = scope(app, actor, Action::ViewContacts);
    let mut rows = Vec::new();
    let mut after = 0;
    loop {
        let batch = contacts::batch_after(&app.db, &scope, after, EXPORT_BATCH).await?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        let full = batch.len() as i64 == EXPORT_BATCH;
        rows.extend(batch);
        if !full {
            break;
        }
    }
    let entry = actor
        .audit(AuditAction::ContactsExported)
        .detail(serde_json::json!({ "rows": rows.len() }));
    app.audit.append(&entry).await?;
    Ok((tanzim_reports::contacts::csv(&rows), rows.len()))
}

/// The sympathisers a body may invite to its meetings and activities and list among their
/// attendees: those of its territory (an affiliate's body, its own; the party's, every
/// one) that the actor may see. The actor must see contacts where the body sits.
pub async fn for_attendance(app: &App, actor: &Actor<'_>, body: &Body) -> Result<Vec<Contact>> {
    let territory = TerritoryPath::from_stored(body.path.clone());
    let affiliate =
        Some(body.organization.as_str()).filter(|o| Some(*o) != app.profile.party_key());
    permit(decision_at(
        app,
        actor,
        Action::ViewContacts,
        &territory,
        affiliate,
    ))?;
    let scope = scope(app, actor, Action::ViewContacts);
    Ok(contacts::of_territory(&app.db, &scope, &territory, affiliate).await?)
}
