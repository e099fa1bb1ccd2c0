//! Press communiqués: drafted from a meeting's public facts, edited, published on the
//! public news page and feed, withdrawn.

use super::{facts, record};
use crate::access::InBody;
use crate::{Actor, App, Found, Result};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::meetings as rules;
use tanzim_domain::meetings_fr as fr;
use tanzim_domain::policy::Action;
use tanzim_domain::{DomainError, Field};
use tanzim_store::audit;
use tanzim_store::meetings::{self as store, Communique, Meeting};

/// The language a communiqué is drafted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ar,
    Fr,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ar" => Some(Lang::Ar),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
        }
    }
}

/// What a communiqué reports: the meeting held, or the meeting to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Report,
    Announcement,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "report" => Some(Kind::Report),
            "announcement" => Some(Kind::Announcement),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Report => "report",
            Kind::Announcement => "announcement",
        }
    }
}

/// Drafts the press communiqué of a meeting from its public facts (the report after it,
/// or the announcement before it); its id.
pub async fn draft(
    app: &App,
    actor: &Actor<'_>,
    m: &Found<InBody<Meeting>>,
    (lang, kind): (Lang, Kind),
) -> Result<i64> {
    m.require(Action::PublishCommuniques)?;
    let (meeting, b) = (&m.record, &m.body);
    let d = record::read(app, b, meeting.id).await?;
    let f = facts::read(app, b, &d).await?;
    let (headline, text) = match (lang, kind) {
        (Lang::Ar, Kind::Report) => rules::communique_ar(&f),
        (Lang::Fr, Kind::Report) => fr::communique_fr(&f),
        (Lang::Ar, Kind::Announcement) => rules::announcement_ar(&f),
        (Lang::Fr, Kind::Announcement) => fr::announcement_fr(&f),
    };
    let mut tx = app.db.begin().await?;
    let id = store::create_communique(
        &mut tx,
        meeting,
        (lang.as_str(), kind.as_str()),
        &headline,
        &text,
    )
    .await?;
    let entry =
        actor
            .audit(AuditAction::CommuniqueDrafted)
            .target_of("communique", id, &meeting.target());
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Edits a communiqué before (or after) publishing. The caller reads it back: once the
/// edit has committed, a failed read is no longer the edit's failure.
pub async fn edit(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<InBody<Communique>>,
    headline: &str,
    body: &str,
) -> Result<()> {
    c.require(Action::PublishCommuniques)?;
    let (headline, body) = (headline.trim(), body.trim());
    if headline.is_empty() || body.is_empty() {
        return Err(DomainError::new(Field::Name, "text-required").into());
    }
    let old = &c.record;
    let mut tx = app.db.begin().await?;
    store::edit_communique(&mut tx, old.id, headline, body).await?;
    let detail = serde_json::json!({ "headline_from": old.headline, "body_from": old.body });
    let entry = actor
        .audit(AuditAction::CommuniqueEdited)
        .target_of("communique", old.id, &old.target())
        .detail(detail);
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes a communiqué on the public news page and feed (`publish`), or withdraws it
/// (its history stays). The caller reads it back, as after `edit`.
pub async fn publication(
    app: &App,
    actor: &Actor<'_>,
    c: &Found<InBody<Communique>>,
    publish: bool,
) -> Result<()> {
    c.require(Action::PublishCommuniques)?;
    let (status, action) = if publish {
        ("published", AuditAction::CommuniquePublished)
    } else {
        ("unpublished", AuditAction::CommuniqueUnpublished)
    };
    let c = &c.record;
    let mut tx = app.db.begin().await?;
    store::set_publication(&mut tx, c.id, status).await?;
    let entry = actor
        .audit(action)
        .target_of("communique", c.id, &c.target())
        .detail(serde_json::json!({ "status": status }));
    audit::append_in(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}
