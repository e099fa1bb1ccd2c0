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

/// The bodies a new organization starts from: its national leadership, a body of one kind
/// in every region and of another in every province (abroad, in the countries where the
/// profile names cities), each under the one above.
pub struct TreeInput {
    pub organization: String,
    pub national_kind: String,
    pub region_kind: String,
    pub province_kind: String,
}

/// What setting up the tree did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TreeReport {
    pub created: usize,
    /// Bodies of those kinds that were there already (kept, and used as parents).
    pub existing: usize,
}

/// Creates what is missing of the tree, from the top: a second run creates only the gaps.
/// Each body goes through `create` (its checks, its audit entry); the first refusal other
/// than "already there" stops the run and is returned, what was created before it stays.
pub async fn set_up_tree(app: &App, actor: &Actor<'_>, input: &TreeInput) -> Result<TreeReport> {
    // The whole country's tree: for those who may create a body at the national level.
    let country = Target {
        path: tanzim_domain::territory::TerritoryPath::national(),
        organization: Some(input.organization.clone()),
    };
    // Someone who creates bodies in a region or a province only is told so (the route is
    // theirs; the whole country is not).
    if actor.decide(Action::CreateBody, Some(&country)) != Decision::Allow {
        return Err(DomainError::new(Field::Scope, "tree-national-only").into());
    }
    let levels = [
        (
            &input.national_kind,
            tanzim_domain::org::BodyLevel::National,
        ),
        (&input.region_kind, tanzim_domain::org::BodyLevel::Region),
        (
            &input.province_kind,
            tanzim_domain::org::BodyLevel::Province,
        ),
    ];
    for (kind, level) in levels {
        let fits = app
            .profile
            .body_kind(kind)
            .is_some_and(|k| k.level == level && k.organizations.contains(&input.organization));
        if !fits {
            return Err(DomainError::new(Field::BodyKind, "body-kind-unknown").into());
        }
    }
    let mut report = TreeReport::default();
    let national = ensure(
        app,
        actor,
        input,
        &input.national_kind,
        None,
        None,
        &mut report,
    )
    .await?;
    // Abroad, only the countries where the profile names cities.
    let organized = app
        .profile
        .diaspora
        .as_ref()
        .map(|d| d.organized_countries())
        .unwrap_or_default();
    for region in territory::children(&app.db, None).await? {
        let region_body = ensure(
            app,
            actor,
            input,
            &input.region_kind,
            Some(&region.code),
            Some(national),
            &mut report,
        )
        .await?;
        let code = tanzim_domain::territory::TerritoryCode::parse(&region.code)?;
        for province in territory::children(&app.db, Some(&code)).await? {
            if province.kind == "country" && !organized.contains(&province.code) {
                continue;
            }
            ensure(
                app,
                actor,
                input,
                &input.province_kind,
                Some(&province.code),
                Some(region_body),
                &mut report,
            )
            .await?;
        }
    }
    Ok(report)
}

/// The body of this kind on this territory: the one there, else a new one under `parent`.
async fn ensure(
    app: &App,
    actor: &Actor<'_>,
    input: &TreeInput,
    kind: &str,
    territory: Option<&str>,
    parent: Option<i64>,
    report: &mut TreeReport,
) -> Result<i64> {
    let there = bodies::of_kind(&app.db, &input.organization, kind)
        .await?
        .into_iter()
        .find(|b| b.territory_code.as_deref() == territory);
    if let Some(b) = there {
        report.existing += 1;
        return Ok(b.id);
    }
    let id = create(
        app,
        actor,
        &NewBodyInput {
            organization: input.organization.clone(),
            kind: kind.to_owned(),
            territory: territory.map(str::to_owned),
            parent_id: parent,
            name: None,
            name_fr: None,
        },
    )
    .await?;
    report.created += 1;
    Ok(id)
}

/// The active bodies above `b`, nearest first (a tree is a few levels deep; eight is a
/// bound against a cycle, not a depth anyone reaches).
pub async fn above(app: &App, b: &Body) -> Result<Vec<Body>> {
    let mut out = Vec::new();
    let mut at = b.parent_id;
    for _ in 0..8 {
        let Some(id) = at else { break };
        let Some(parent) = bodies::get(&app.db, id).await? else {
            break;
        };
        at = parent.parent_id;
        if parent.is_active() {
            out.push(parent);
        }
    }
    Ok(out)
}
