//! Reads that are kept: an officer's read of a personal record, an export or a download
//! is in the audit log before the page or the file is given (a read is not a change, so
//! its entry stands alone, committed in a group with others).

use crate::{Actor, App, Result};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::territory::TerritoryPath;
use tanzim_store::accounts::StoredRole;
use tanzim_store::applications::Application;
use tanzim_store::discipline::Case;
use tanzim_store::meetings::Meeting;
use tanzim_store::members::Member;

/// What was read.
pub enum Read<'a> {
    Member(&'a Member),
    Application(&'a Application),
    /// A user's account, with their roles (its scope is what they share).
    User(i64, &'a [StoredRole]),
    Case(&'a Case),
    CaseDocument(&'a Case, i64),
    /// A meeting's minutes, as a PDF.
    Minutes(&'a Meeting),
    /// The member list as a file: the query that chose it and the rows it held.
    Members(serde_json::Value),
}

/// Records that `actor` read it.
pub async fn record(app: &App, actor: &Actor<'_>, read: Read<'_>) -> Result<()> {
    let entry = match read {
        Read::Member(m) => actor.audit(AuditAction::MemberViewed).target(
            "member",
            m.id,
            Some(TerritoryPath::from_stored(m.person.path.clone())),
        ),
        Read::Application(a) => actor.audit(AuditAction::ApplicationViewed).target(
            "application",
            a.id,
            Some(a.target().path),
        ),
        Read::User(id, roles) => actor.audit(AuditAction::UserViewed).target(
            "user",
            id,
            crate::accounts::account_scope(roles),
        ),
        Read::Case(c) => {
            actor
                .audit(AuditAction::CaseViewed)
                .target("case", c.id, Some(c.target().path))
        }
        Read::CaseDocument(c, document) => actor
            .audit(AuditAction::CaseDocumentDownloaded)
            .target_of("case", c.id, &c.target())
            .detail(serde_json::json!({ "document": document })),
        Read::Minutes(m) => {
            actor
                .audit(AuditAction::MinutesExported)
                .target("meeting", m.id, Some(m.target().path))
        }
        Read::Members(query) => actor.audit(AuditAction::MembersExported).detail(query),
    };
    Ok(app.audit.append(&entry).await?)
}
