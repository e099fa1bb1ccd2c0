//! Commands on disciplinary cases: opening one before a body's ethics committee, recording
//! a hearing, filing a document, and deciding it (a suspension or an expulsion changes the
//! member's status in the same transaction).

use crate::{Actor, App, Error, Found, Result, today};
use chrono::NaiveDate;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::discipline::{self as rules, MemberStanding, Outcome};
use tanzim_domain::members::Status;
use tanzim_domain::policy::Action;
use tanzim_domain::territory::TerritoryPath;
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::Body;
use tanzim_store::discipline::{self as store, Case};
use tanzim_store::members::{self, Change, Member};

/// A case as the committee opens it: the member by id or by number.
pub struct OpenCase {
    pub member_id: Option<i64>,
    pub member_number: Option<String>,
    pub grounds: String,
    /// Today when not given.
    pub opened_on: Option<NaiveDate>,
}

/// Opens a case before the body's ethics committee: the body must have one, and the member
/// must be one it judges (an unknown member and one outside its jurisdiction look the same).
pub async fn open(app: &App, actor: &Actor<'_>, b: &Found<Body>, input: &OpenCase) -> Result<i64> {
    b.require(Action::ManageCases)?;
    if !b.is_active() {
        return Err(Error::Conflict("body-dissolved"));
    }
    let committee = store::ethics_committee(&app.db, b.id)
        .await?
        .ok_or(Error::Conflict("ethics-committee-missing"))?;
    let grounds = rules::parse_grounds(&input.grounds)?;
    let opened_on = input.opened_on.unwrap_or(today());
    if opened_on > today() {
        return Err(DomainError::new(Field::Date, "date-in-future").into());
    }
    let unknown = || Error::Invalid(DomainError::new(Field::Member, "case-member-unknown"));
    let member = match (input.member_id, input.member_number.as_deref()) {
        (Some(id), _) => members::get(&app.db, id).await?,
        (None, Some(n)) => members::by_number(&app.db, n).await?,
        (None, None) => None,
    }
    .ok_or_else(unknown)?;
    let party = app.profile.party_key().unwrap_or_default();
    if !rules::in_jurisdiction(
        &b.target().path,
        &b.organization,
        party,
        &TerritoryPath::from_stored(member.person.path.clone()),
        &member.person.affiliations,
    ) {
        return Err(unknown());
    }
    rules::check_can_open(member.status)?;
    let path = b.target().path;
    let new = store::NewCase {
        body_id: b.id,
        committee_id: committee,
        member_id: member.id,
        path: &path,
        grounds: &grounds,
        opened_on: &opened_on.to_string(),
        actor_id: actor.user_id(),
    };
    let entry = actor
        .audit(AuditAction::CaseOpened)
        .organizations(&b.organization);
    Ok(store::open(&app.db, &new, entry).await?)
}

/// A hearing as recorded.
pub struct Hearing {
    /// Today when not given.
    pub held_on: Option<NaiveDate>,
    pub heard: String,
    pub summary: String,
}

/// Records a hearing in an open case.
pub async fn add_hearing(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<Case>,
    input: &Hearing,
) -> Result<()> {
    c.require(Action::ManageCases)?;
    let held_on = input.held_on.unwrap_or(today()).to_string();
    let h = rules::check_hearing(
        &held_on,
        &input.heard,
        &input.summary,
        c.opened_on.date(),
        today(),
    )?;
    let new = store::NewHearing {
        held_on: &h.held_on.to_string(),
        heard: &h.heard,
        summary: &h.summary,
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::CaseHearingRecorded);
    store::add_hearing(&app.db, c, &new, entry).await?;
    Ok(())
}

/// A document as uploaded (the file already read within the server's bound).
pub struct Document {
    pub title: String,
    /// The file's name, type and bytes; `None` when no file came.
    pub file: Option<(String, &'static str, Vec<u8>)>,
}

/// Files a document in an open case; returns its id.
pub async fn add_document(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<Case>,
    input: &Document,
) -> Result<i64> {
    c.require(Action::ManageCases)?;
    let title = rules::parse_document_title(&input.title)?;
    let (file_name, content_type, content) = input
        .file
        .as_ref()
        .ok_or(DomainError::new(Field::File, "case-document-empty"))?;
    rules::check_document_size(content.len())?;
    // A picture (a scan, a phone's photograph) is kept without its metadata: the GPS
    // position of where it was taken is nobody's business in a case file.
    let stripped = content_type
        .starts_with("image/")
        .then(|| tanzim_domain::photos::strip_metadata(content))
        .flatten();
    let (content_type, content) = match &stripped {
        Some(p) => (p.mime, &p.content),
        None => (*content_type, content),
    };
    let new = store::NewDocument {
        title: &title,
        file_name,
        content_type,
        content,
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::CaseDocumentAdded);
    Ok(store::add_document(&app.db, c, &new, entry).await?)
}

/// A decision as the committee gives it.
pub struct Decide {
    pub outcome: Outcome,
    /// Today when not given.
    pub decided_on: Option<NaiveDate>,
    pub reasons: String,
}

/// A decision checked against the rules and the member as they stand now (what the
/// confirmation page shows before a suspension or an expulsion is recorded).
pub struct Checked {
    pub outcome: Outcome,
    pub decided_on: NaiveDate,
    pub reasons: String,
    pub member: Member,
    pub to: Option<Status>,
}

pub async fn check_decision(app: &App, c: &Found<Case>, input: &Decide) -> Result<Checked> {
    c.require(Action::ManageCases)?;
    if !c.is_open() {
        return Err(Error::Conflict("case-decided"));
    }
    let decided_on = input.decided_on.unwrap_or(today());
    let reasons = rules::parse_reasons(&input.reasons)?;
    let member = members::get(&app.db, c.member_id)
        .await?
        .ok_or(Error::NotFound)?;
    let history = members::history(&app.db, member.id).await?;
    let period_start = history
        .last()
        .map(|h| h.valid_from)
        .unwrap_or(member.joined_on);
    let to = rules::check_decision(
        input.outcome,
        decided_on,
        c.opened_on.date(),
        MemberStanding {
            status: member.status,
            period_start: period_start.date(),
        },
        today(),
        app.profile.membership.model,
    )?;
    Ok(Checked {
        outcome: input.outcome,
        decided_on,
        reasons,
        member,
        to,
    })
}

/// Records a checked decision: the case, and the member's status change when there is one,
/// in one transaction (see `store::decide`). `history_reason` is what the member's history
/// says of it, in the organization's language of record.
pub async fn decide(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<Case>,
    checked: &Checked,
    history_reason: &str,
) -> Result<()> {
    c.require(Action::ManageCases)?;
    let on = checked.decided_on.to_string();
    let until = checked.outcome.suspended_until().map(|d| d.to_string());
    let reference = c.reference();
    let path = TerritoryPath::from_stored(checked.member.person.path.clone());
    let change = match (checked.outcome.event(), checked.to) {
        (Some(event), Some(to)) => Some(Change {
            event: event.as_str(),
            to_status: to,
            to_commune: &checked.member.person.commune_code,
            to_path: &path,
            on: &on,
            suspended_until: until.as_deref(),
            reason: Some(history_reason),
            decision: Some(&reference),
            actor_id: actor.user_id(),
        }),
        _ => None,
    };
    let effect = change.as_ref().map(|change| store::MemberEffect {
        member: &checked.member,
        change,
        audit: actor.audit(AuditAction::MemberStatusChanged),
    });
    let decision = store::CaseDecision {
        outcome: checked.outcome.kind(),
        decided_on: &on,
        suspended_until: until.as_deref(),
        reasons: &checked.reasons,
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::CaseDecided);
    store::decide(&app.db, c, &decision, effect, entry).await?;
    Ok(())
}
