//! Commands on the probable duplicates an import met: the same person as the registered
//! member (the review closes), or a different one (the row is checked again and added).

use crate::members::residence;
use crate::{Actor, App, Error, Found, Result, today};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::policy::Action;
use tanzim_store::imports::{self, Review};
use tanzim_store::members::NewMember;

/// The same person as the registered member: the review closes, nothing else changes.
pub async fn same(app: &App, actor: &Actor<'_>, review: &Found<Review>) -> Result<()> {
    review.require(Action::ManageMembers)?;
    let entry = actor
        .audit(AuditAction::ReviewDecided)
        .target_of("review", review.id, &review.target())
        .detail(serde_json::json!({ "decision": "same", "member": review.matched_member_id }));
    Ok(imports::decide_same(&app.db, review, actor.user_id(), entry).await?)
}

/// A different person: the row is validated again and added as a member.
pub async fn distinct(app: &App, actor: &Actor<'_>, review: &Found<Review>) -> Result<()> {
    review.require(Action::ManageMembers)?;
    let row = review.row();
    let affiliates = app.profile.affiliate_keys();
    let person = row
        .person_input()
        .validate(&app.profile.membership, &affiliates, today())
        .map_err(Error::first)?;
    let t = residence(app, &person.commune).await?;
    let new = NewMember {
        person: &person,
        // The province is the path's second segment (region/province/commune/...).
        province_code: t.path.split('/').nth(1).unwrap_or_default().to_owned(),
        path: t.territory_path(),
        joined_on: row.joined_on.clone().unwrap_or_else(|| today().to_string()),
        consent_contact: false,
        consent_public: false,
        consent_source: "import".into(),
        consent_version: "-".into(),
        notes: None,
        card_token: crate::secrets::random_token(),
        application_id: None,
        committee_id: None,
        actor_id: actor.user_id(),
    };
    let entry = actor.audit(AuditAction::ReviewDecided);
    imports::decide_distinct(&app.db, review.id, &new, entry).await?;
    Ok(())
}
