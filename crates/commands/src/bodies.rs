//! Commands on bodies: creating one where the profile places it (once per organization,
//! kind and territory unless the profile allows several), renaming it, dissolving it (it
//! must have no active body under it).

use crate::territories::resolve_given;
use crate::{Actor, App, Found, Result, permit};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::gazetteer::Lookup;
use tanzim_domain::org::{Placement, parse_body_name, place_body};
use tanzim_domain::policy::{Action, Decision, Target};
use tanzim_domain::{DomainError, Field};
use tanzim_store::bodies::{self, Body, NewBody};
use tanzim_store::territory;

/// A body to create, as the form or the API gives it.
pub struct NewBodyInput {
    pub organization: String,
    pub kind: String,
    /// Its territory, by HCP code or by name (Arabic or French); none for a national body.
    pub territory: Option<String>,
    pub parent_id: Option<i64>,
    /// Defaults to the kind's Arabic name and the territory's Arabic name.
    pub name: Option<String>,
    /// Its French name for the French texts; by default the kind's and the territory's
    /// (Secrétariat provincial de Taounate).
    pub name_fr: Option<String>,
}

/// Checks and creates a body; returns its id.
pub async fn create(app: &App, actor: &Actor<'_>, input: &NewBodyInput) -> Result<i64> {
    permit(actor.decide(Action::CreateBody, None))?;
    let kind = app.profile.body_kind(input.kind.trim());
    // A name of several territories means the one at the kind's level: "تاونات" is the
    // province for a provincial secretariat, the commune for a local bureau.
    let levels = kind.map(|k| k.level.territory_levels()).unwrap_or_default();
    let lookup = Lookup::exact(Field::Territory).at(levels);
    let territory = match resolve_given(input.territory.as_deref(), lookup)? {
        None => None,
        Some(place) => Some(
            territory::get(&app.db, &place.code)
                .await?
                .ok_or(DomainError::new(Field::Territory, "territory-unknown"))?,
        ),
    };
    let parent = match input.parent_id {
        None => None,
        Some(id) => {
            let parent = bodies::get(&app.db, id).await?.filter(|b| b.is_active());
            let visible = parent
                .filter(|p| actor.decide(Action::ViewBodies, Some(&p.target())) == Decision::Allow);
            Some(visible.ok_or(DomainError::new(Field::Parent, "parent-unknown"))?)
        }
    };
    let territory_path = territory.as_ref().map(|t| t.territory_path());
    let parent_path = parent.as_ref().map(|p| p.target().path);
    let placement = Placement {
        organization: input.organization.trim(),
        kind: input.kind.trim(),
        territory: territory
            .as_ref()
            .zip(territory_path.as_ref())
            .map(|(t, p)| (t.level, p)),
        parent: parent
            .as_ref()
            .zip(parent_path.as_ref())
            .map(|(b, p)| (b.organization.as_str(), p)),
    };
    let path = place_body(&app.profile, &placement)?;
    let target = Target {
        path: path.clone(),
        organization: Some(placement.organization.to_owned()),
    };
    permit(actor.decide(Action::CreateBody, Some(&target)))?;
    let name = match input
        .name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(n) => parse_body_name(n)?,
        None => {
            let kind = app
                .profile
                .body_kind(placement.kind)
                .map(|k| k.name.ar.clone())
                .unwrap_or_default();
            match &territory {
                Some(t) => format!("{kind} {}", t.name_ar),
                None => kind,
            }
        }
    };
    let new = NewBody {
        organization: placement.organization.to_owned(),
        kind: placement.kind.to_owned(),
        territory_code: territory.map(|t| t.code),
        path,
        parent_id: parent.map(|p| p.id),
        name,
        name_fr: match input
            .name_fr
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(n) => Some(parse_body_name(n)?),
            None => None,
        },
        sole: !kind.is_some_and(|k| k.several_per_territory),
    };
    Ok(bodies::create(&app.db, &new, actor.audit(AuditAction::BodyCreated)).await?)
}

/// Renames a body the actor manages.
pub async fn rename(app: &App, actor: &Actor<'_>, b: &Found<Body>, name: &str) -> Result<()> {
    b.require(Action::ManageBody)?;
    let name = parse_body_name(name)?;
    let entry = actor.audit(AuditAction::BodyRenamed);
    Ok(bodies::rename(&app.db, b, &name, entry).await?)
}

/// Dissolves a body the actor manages.
pub async fn dissolve(app: &App, actor: &Actor<'_>, b: &Found<Body>) -> Result<()> {
    b.require(Action::ManageBody)?;
    let entry = actor.audit(AuditAction::BodyDissolved);
    Ok(bodies::dissolve(&app.db, b, entry).await?)
}
