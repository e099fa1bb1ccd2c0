//! The registry list as a user may read it: filtered by name or number, status, territory
//! or a past day, always within the actor's scope, and each member's contact details
//! only where the actor may see them. The list pages, the API and the export read it here.

use crate::access::member_decision;
use crate::territories::resolve_given;
use crate::{Actor, App, Result, permit};
use serde::{Deserialize, Serialize};
use tanzim_domain::accounts::{Role, RoleAssignment};
use tanzim_domain::gazetteer::Lookup;
use tanzim_domain::members::{self as rules, Status};
use tanzim_domain::policy::{Action, Decision, member_assignments};
use tanzim_domain::territory::TerritoryPath;
use tanzim_domain::{DomainError, Field};
use tanzim_store::members::{self, Member, MemberQuery};
use tanzim_store::{Page, Paged, ScopeFilter};

/// The list's filters as the user gives them (every one optional).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ListFilter {
    pub q: Option<String>,
    pub status: Option<String>,
    /// A territory by HCP code or by name: members of its subtree.
    pub territory: Option<String>,
    /// YYYY-MM-DD: members in good standing on that day, in the branch they had then.
    pub as_of: Option<String>,
}

/// The filters, checked.
pub(crate) struct Checked {
    pub within: Option<TerritoryPath>,
    pub status: Option<Status>,
    pub q: Option<String>,
    pub as_of: Option<String>,
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl ListFilter {
    pub(crate) fn check(&self) -> Result<Checked> {
        // A filter: "فاس" means the prefecture, which holds its commune of the same name.
        let lookup = Lookup::filter(Field::Territory);
        let within = resolve_given(given(&self.territory), lookup)?.map(|p| p.path.clone());
        let status = match given(&self.status) {
            Some(s) => {
                Some(Status::parse(s).ok_or(DomainError::new(Field::Status, "status-invalid"))?)
            }
            None => None,
        };
        let as_of = match given(&self.as_of) {
            Some(date) => Some(rules::parse_date(date, Field::Date)?.to_string()),
            None => None,
        };
        Ok(Checked {
            within,
            status,
            q: given(&self.q).map(str::to_owned),
            as_of,
        })
    }
}

/// The scope of `action` over members for `actor`: its roles' jurisdictions (a role
/// limited to an affiliate covers that affiliate's members); the console's is national.
pub fn member_scope(app: &App, actor: &Actor<'_>, action: Action) -> ScopeFilter {
    match actor.principal() {
        Some(p) => {
            let assignments = member_assignments(p, action, app.profile.party_key());
            ScopeFilter::from_assignments(assignments.iter())
        }
        None => ScopeFilter::from_assignments([&RoleAssignment {
            role: Role::Administrator,
            scope: None,
            scope_path: TerritoryPath::national(),
            organization: None,
        }]),
    }
}

/// The store's query for the checked filters, the text query looking up CINs and phones
/// only where the actor may see them.
pub(crate) fn query(app: &App, actor: &Actor<'_>, f: &Checked) -> MemberQuery {
    MemberQuery {
        within: f.within.clone(),
        status: f.status,
        q: f.q.clone(),
        contact_scope: (actor.decide(Action::ViewMemberContact, None) == Decision::Allow)
            .then(|| member_scope(app, actor, Action::ViewMemberContact)),
    }
}

/// One page of the list.
pub async fn list(
    app: &App,
    actor: &Actor<'_>,
    filter: &ListFilter,
    page: Page,
) -> Result<Paged<Member>> {
    permit(actor.decide(Action::ViewMembers, None))?;
    let checked = filter.check()?;
    let scope = member_scope(app, actor, Action::ViewMembers);
    let paged = match &checked.as_of {
        Some(date) => {
            members::in_good_standing_on(&app.db, &scope, checked.within.as_ref(), date, page)
                .await?
        }
        None => members::list(&app.db, &scope, &query(app, actor, &checked), page).await?,
    };
    let items = paged
        .items
        .into_iter()
        .map(|m| shown_to(app, actor, m))
        .collect();
    Ok(Paged { items, ..paged })
}

/// The member as `actor` may see them: without contact details outside the scope where
/// the actor sees those.
pub(crate) fn shown_to(app: &App, actor: &Actor<'_>, m: Member) -> Member {
    if member_decision(app, actor, Action::ViewMemberContact, &m) == Decision::Allow {
        m
    } else {
        m.without_contact()
    }
}
