//! The one place that decides what a user may do. Every route asks [`decide`].
//!
//! A user holds roles on scopes. An action is allowed when one of the roles that permit it
//! covers the target. When a role permits the action but no scope covers the target, the
//! target is hidden (not found) for reads and for changes to existing records, and the
//! action is forbidden when it would create something in a public place (a body in a
//! territory, a role on a scope).

use crate::accounts::{Principal, Role, RoleAssignment};
use crate::territory::TerritoryPath;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Territories are public reference data (HCP census); any signed-in user browses them.
    ViewTerritories,
    ViewBodies,
    CreateBody,
    ManageBody,
    ViewUsers,
    ManageUsers,
    /// Grant a role on a scope (target: the scope granted).
    GrantRole,
    ViewAudit,
    /// Read member records (names, status, branch).
    ViewMembers,
    /// See a member's CIN, phone, e-mail, address and birth date (field-level rule).
    ViewMemberContact,
    /// Add members, change their status, transfer them, record consents.
    ManageMembers,
    /// See the applications queue.
    ViewApplications,
    /// Enter an application on someone's behalf.
    EnterApplication,
    /// Accept or reject applications (the membership committee).
    DecideApplications,
    /// See renewal campaigns and their figures.
    ViewCampaigns,
    /// Launch, close and reopen campaigns (target: the launching body).
    ManageCampaigns,
    /// Record renewals and payments.
    RecordPayments,
    /// Aggregate membership statistics of a territory (counts only, never a record).
    ViewStats,
    /// See a body's positions, meetings, minutes and communiqué drafts.
    ViewMeetings,
    /// Hold a body's meetings: positions, agenda, attendance, decisions, minutes.
    ManageMeetings,
    /// Edit, publish and unpublish press communiqués.
    PublishCommuniques,
    /// See a body's disciplinary cases: grounds, hearings, documents, decisions.
    ViewCases,
    /// Open a case, record its hearings and documents, and decide it (the ethics committee).
    ManageCases,
    /// See sympathisers and contacts (names, phone, consent) and export them.
    ViewContacts,
    /// Record, convert into an application and erase sympathisers and contacts.
    ManageContacts,
}

impl Action {
    pub const ALL: [Action; 25] = [
        Action::ViewTerritories,
        Action::ViewBodies,
        Action::CreateBody,
        Action::ManageBody,
        Action::ViewUsers,
        Action::ManageUsers,
        Action::GrantRole,
        Action::ViewAudit,
        Action::ViewMembers,
        Action::ViewMemberContact,
        Action::ManageMembers,
        Action::ViewApplications,
        Action::EnterApplication,
        Action::DecideApplications,
        Action::ViewCampaigns,
        Action::ManageCampaigns,
        Action::RecordPayments,
        Action::ViewStats,
        Action::ViewMeetings,
        Action::ManageMeetings,
        Action::PublishCommuniques,
        Action::ViewCases,
        Action::ManageCases,
        Action::ViewContacts,
        Action::ManageContacts,
    ];

    /// Out of scope, does the target look absent (404) rather than forbidden (403)?
    fn hides_out_of_scope(self) -> bool {
        !matches!(
            self,
            Action::CreateBody | Action::GrantRole | Action::EnterApplication
        )
    }
}

impl Role {
    /// What each role may do somewhere. Where it may do it is the scope's business.
    pub fn permits(self, action: Action) -> bool {
        use Action::*;
        match self {
            Role::Administrator => true,
            // Sympathisers are the officers' outreach: their records are little else than a
            // name and a phone, so they go with members' contact details, and of those who
            // see them (officers, the committee) only officers work with people who are not
            // members; the committee meets them once converted, as applications.
            Role::Officer => matches!(
                action,
                ViewTerritories
                    | ViewBodies
                    | CreateBody
                    | ManageBody
                    | ViewMembers
                    | ViewMemberContact
                    | ManageMembers
                    | ViewApplications
                    | EnterApplication
                    | ViewCampaigns
                    | ManageCampaigns
                    | RecordPayments
                    | ViewStats
                    | ViewMeetings
                    | ManageMeetings
                    | ViewContacts
                    | ManageContacts
            ),
            // The committee decides applications and looks for duplicates among members.
            // Disciplinary files (what a member is accused of, hearings, sanctions) are the
            // most sensitive records the party keeps: only the committee that judges them and
            // administrators see them. Officers run the body but do not sit in judgment,
            // communication officers and analysts have no need to know; a sanction still
            // reaches every reader of the member's record as a status.
            Role::CommitteeMember => matches!(
                action,
                ViewTerritories
                    | ViewBodies
                    | ViewMembers
                    | ViewMemberContact
                    | ViewApplications
                    | DecideApplications
                    | ViewCampaigns
                    | ViewStats
                    | ViewMeetings
                    | ViewCases
                    | ManageCases
            ),
            // Publishes: sees who members are, never their identity papers or contacts.
            Role::CommunicationOfficer => {
                matches!(
                    action,
                    ViewTerritories
                        | ViewBodies
                        | ViewMembers
                        | ViewStats
                        | ViewMeetings
                        | PublishCommuniques
                )
            }
            // Counts only: campaigns' figures, never a personal record.
            Role::Analyst => {
                matches!(
                    action,
                    ViewTerritories | ViewBodies | ViewCampaigns | ViewStats
                )
            }
        }
    }
}

/// What an action is done to: a place in the territory tree, and the organization the
/// record belongs to (`None` when it belongs to none, e.g. a user account).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub path: TerritoryPath,
    pub organization: Option<String>,
}

impl RoleAssignment {
    pub fn covers(&self, target: &Target) -> bool {
        self.scope_path.contains(&target.path)
            && match (&self.organization, &target.organization) {
                (None, _) => true,
                (Some(mine), Some(theirs)) => mine == theirs,
                (Some(_), None) => false,
            }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// The user has no role for this action (403).
    Forbidden,
    /// The target lies outside every scope the user holds the action on (404).
    NotFound,
}

/// May `principal` do `action` to `target`? With no target: may it do the action anywhere
/// (lists, whose rows are then filtered by scope in the query, and forms).
pub fn decide(principal: &Principal, action: Action, target: Option<&Target>) -> Decision {
    let mut granting = principal
        .roles
        .iter()
        .filter(|a| a.role.permits(action))
        .peekable();
    if granting.peek().is_none() {
        return Decision::Forbidden;
    }
    let Some(target) = target else {
        return Decision::Allow;
    };
    if granting.any(|a| a.covers(target)) {
        Decision::Allow
    } else if action.hides_out_of_scope() {
        Decision::NotFound
    } else {
        Decision::Forbidden
    }
}

/// The decision on a member, whose branch (`path`) and joined affiliates (`affiliations`,
/// comma-separated keys) decide: a role limited to an organization covers the members of
/// that organization, everyone for the party itself (`party`), those who joined for an
/// affiliate.
pub fn decide_member(
    principal: &Principal,
    action: Action,
    path: &TerritoryPath,
    affiliations: &str,
    party: Option<&str>,
) -> Decision {
    let plain = Target {
        path: path.clone(),
        organization: None,
    };
    let d = decide(principal, action, Some(&plain));
    if d != Decision::NotFound {
        return d;
    }
    let orgs = party
        .into_iter()
        .chain(affiliations.split(',').filter(|a| !a.is_empty()));
    for org in orgs {
        let target = Target {
            path: path.clone(),
            organization: Some(org.to_owned()),
        };
        if decide(principal, action, Some(&target)) == Decision::Allow {
            return Decision::Allow;
        }
    }
    d
}

/// The scopes on which `principal` may do `action`: what a list query filters by.
pub fn scopes_for(principal: &Principal, action: Action) -> Vec<&RoleAssignment> {
    principal
        .roles
        .iter()
        .filter(|a| a.role.permits(action))
        .collect()
}

/// The policy's decision on an application: its place decides, and deciding it also takes
/// the competent committee (a committee member whose scope sits at the profile's
/// `committee_level` and holds the application's place) unless the user is an
/// administrator covering it.
pub fn decide_application(
    principal: &Principal,
    action: Action,
    target: &Target,
    committee_level: crate::org::CommitteeLevel,
) -> Decision {
    let d = decide(principal, action, Some(target));
    if action != Action::DecideApplications || d != Decision::Allow {
        return d;
    }
    let competent = principal.roles.iter().any(|r| {
        r.covers(target)
            && match r.role {
                Role::Administrator => true,
                Role::CommitteeMember => crate::members::competent_committee(
                    committee_level,
                    &r.scope_path,
                    &target.path,
                ),
                _ => false,
            }
    });
    if competent {
        Decision::Allow
    } else {
        Decision::Forbidden
    }
}

/// May `principal` do `action` to an account whose roles lie at `role_places`? Every one
/// of them must be in the principal's scope; an account with no role is national.
pub fn decide_account(principal: &Principal, action: Action, role_places: &[Target]) -> Decision {
    let national = [Target {
        path: TerritoryPath::national(),
        organization: None,
    }];
    let targets = if role_places.is_empty() {
        &national[..]
    } else {
        role_places
    };
    targets
        .iter()
        .map(|t| decide(principal, action, Some(t)))
        .find(|d| *d != Decision::Allow)
        .unwrap_or(Decision::Allow)
}

/// The scopes of `action` over members, as a list filters by them: a role limited to the
/// party itself covers all its members (its organization limit is dropped), one limited
/// to an affiliate covers the members who joined that affiliate.
pub fn member_assignments(
    principal: &Principal,
    action: Action,
    party: Option<&str>,
) -> Vec<RoleAssignment> {
    scopes_for(principal, action)
        .into_iter()
        .map(|a| RoleAssignment {
            organization: a.organization.clone().filter(|o| Some(o.as_str()) != party),
            ..a.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::Username;
    use crate::territory::TerritoryCode;

    fn path(codes: &[&str]) -> TerritoryPath {
        codes.iter().fold(TerritoryPath::national(), |p, c| {
            p.child(&TerritoryCode::parse(c).unwrap_or_else(|e| panic!("{e}")))
        })
    }

    fn principal(role: Role, scope: &[&str], organization: Option<&str>) -> Principal {
        Principal {
            user_id: 1,
            username: Username::from_stored("u".into()),
            roles: vec![RoleAssignment {
                role,
                scope: scope.last().and_then(|c| TerritoryCode::parse(c).ok()),
                scope_path: path(scope),
                organization: organization.map(str::to_owned),
            }],
        }
    }

    fn target(codes: &[&str], organization: Option<&str>) -> Target {
        Target {
            path: path(codes),
            organization: organization.map(str::to_owned),
        }
    }

    #[test]
    fn officer_of_taounate_sees_nothing_of_beni_mellal() {
        let officer = principal(Role::Officer, &["03", "03.531"], None);
        let in_beni_mellal = target(&["05", "05.091"], Some("party"));
        let in_taounate = target(&["03", "03.531", "03.531.01.03"], Some("party"));
        assert_eq!(
            decide(&officer, Action::ViewBodies, Some(&in_beni_mellal)),
            Decision::NotFound
        );
        assert_eq!(
            decide(&officer, Action::ManageBody, Some(&in_beni_mellal)),
            Decision::NotFound
        );
        assert_eq!(
            decide(&officer, Action::CreateBody, Some(&in_beni_mellal)),
            Decision::Forbidden
        );
        assert_eq!(
            decide(&officer, Action::ViewBodies, Some(&in_taounate)),
            Decision::Allow
        );
        assert_eq!(
            decide(&officer, Action::CreateBody, Some(&in_taounate)),
            Decision::Allow
        );
        // Its own province's body is in scope; its region's is not.
        assert_eq!(
            decide(
                &officer,
                Action::ViewBodies,
                Some(&target(&["03"], Some("party")))
            ),
            Decision::NotFound
        );
    }

    #[test]
    fn roles_without_the_action_are_forbidden_even_in_scope() {
        let analyst = principal(Role::Analyst, &[], None);
        let anywhere = target(&["05"], None);
        assert_eq!(
            decide(&analyst, Action::ViewUsers, Some(&anywhere)),
            Decision::Forbidden
        );
        assert_eq!(
            decide(&analyst, Action::ManageBody, None),
            Decision::Forbidden
        );
        assert_eq!(
            decide(&analyst, Action::ViewAudit, None),
            Decision::Forbidden
        );
        assert_eq!(
            decide(&analyst, Action::ViewBodies, Some(&anywhere)),
            Decision::Allow
        );
        let nobody = Principal {
            roles: vec![],
            ..analyst
        };
        assert_eq!(
            decide(&nobody, Action::ViewTerritories, None),
            Decision::Forbidden
        );
    }

    #[test]
    fn an_organization_limit_hides_other_organizations() {
        let women_officer = principal(Role::Officer, &["05"], Some("women"));
        let women_body = target(&["05", "05.091"], Some("women"));
        let party_body = target(&["05", "05.091"], Some("party"));
        assert_eq!(
            decide(&women_officer, Action::ManageBody, Some(&women_body)),
            Decision::Allow
        );
        assert_eq!(
            decide(&women_officer, Action::ViewBodies, Some(&party_body)),
            Decision::NotFound
        );
    }

    #[test]
    fn personal_records_are_seen_by_the_roles_that_need_them() {
        let place = target(&["05", "05.091", "05.091.01.07"], None);
        let expect = |role, action, d| {
            let p = principal(role, &["05"], None);
            assert_eq!(decide(&p, action, Some(&place)), d, "{role:?} {action:?}");
        };
        expect(Role::Officer, Action::ViewMemberContact, Decision::Allow);
        expect(
            Role::CommitteeMember,
            Action::DecideApplications,
            Decision::Allow,
        );
        expect(
            Role::CommitteeMember,
            Action::ManageMembers,
            Decision::Forbidden,
        );
        expect(
            Role::Officer,
            Action::DecideApplications,
            Decision::Forbidden,
        );
        expect(
            Role::CommunicationOfficer,
            Action::ViewMembers,
            Decision::Allow,
        );
        expect(
            Role::CommunicationOfficer,
            Action::ViewMemberContact,
            Decision::Forbidden,
        );
        expect(Role::Analyst, Action::ViewMembers, Decision::Forbidden);
        expect(Role::Analyst, Action::ViewCampaigns, Decision::Allow);
        let taounate = principal(Role::Officer, &["03", "03.531"], None);
        assert_eq!(
            decide(&taounate, Action::ViewMembers, Some(&place)),
            Decision::NotFound
        );
        assert_eq!(
            decide(&taounate, Action::EnterApplication, Some(&place)),
            Decision::Forbidden
        );
    }

    #[test]
    fn disciplinary_files_are_for_the_committee_and_administrators_only() {
        let body = target(&["05", "05.091"], Some("party"));
        for role in Role::ALL {
            let p = principal(role, &["05"], None);
            let expected = if matches!(role, Role::Administrator | Role::CommitteeMember) {
                Decision::Allow
            } else {
                Decision::Forbidden
            };
            for action in [Action::ViewCases, Action::ManageCases] {
                assert_eq!(
                    decide(&p, action, Some(&body)),
                    expected,
                    "{role:?} {action:?}"
                );
            }
        }
        // Another region's committee does not know the case exists.
        let taounate = principal(Role::CommitteeMember, &["03"], None);
        assert_eq!(
            decide(&taounate, Action::ViewCases, Some(&body)),
            Decision::NotFound
        );
        assert_eq!(
            decide(&taounate, Action::ManageCases, Some(&body)),
            Decision::NotFound
        );
    }

    #[test]
    fn sympathisers_are_for_officers_and_administrators() {
        let kasba_tadla = path(&["05", "05.091", "05.091.01.07"]);
        for role in Role::ALL {
            let p = principal(role, &["05"], None);
            let expected = if matches!(role, Role::Administrator | Role::Officer) {
                Decision::Allow
            } else {
                Decision::Forbidden
            };
            for action in [Action::ViewContacts, Action::ManageContacts] {
                assert_eq!(
                    decide_member(&p, action, &kasba_tadla, "", Some("party")),
                    expected,
                    "{role:?} {action:?}"
                );
            }
        }
        // Like members: another province does not know them, an affiliate's officer sees
        // its own sympathisers only.
        let taounate = principal(Role::Officer, &["03", "03.531"], None);
        let women = principal(Role::Officer, &["05"], Some("women"));
        let d = |p: &Principal, organization: &str| {
            decide_member(
                p,
                Action::ViewContacts,
                &kasba_tadla,
                organization,
                Some("party"),
            )
        };
        assert_eq!(d(&taounate, ""), Decision::NotFound);
        assert_eq!(d(&women, ""), Decision::NotFound);
        assert_eq!(d(&women, "women"), Decision::Allow);
    }

    #[test]
    fn members_are_covered_by_their_branch_and_their_organizations() {
        let kasba_tadla = path(&["05", "05.091", "05.091.01.07"]);
        let women = principal(Role::Officer, &["05"], Some("women"));
        let party = principal(Role::Officer, &["05"], Some("party"));
        let taounate = principal(Role::Officer, &["03", "03.531"], None);
        let d = |p: &Principal, affiliations: &str| {
            decide_member(
                p,
                Action::ManageMembers,
                &kasba_tadla,
                affiliations,
                Some("party"),
            )
        };
        assert_eq!(d(&women, "women"), Decision::Allow);
        assert_eq!(d(&women, "youth"), Decision::NotFound);
        assert_eq!(d(&women, ""), Decision::NotFound);
        assert_eq!(d(&party, ""), Decision::Allow);
        assert_eq!(d(&party, "youth"), Decision::Allow);
        assert_eq!(d(&taounate, "women"), Decision::NotFound);
    }

    #[test]
    fn only_administrators_manage_accounts_and_read_the_audit_log() {
        for role in Role::ALL {
            let p = principal(role, &[], None);
            let expected = if role == Role::Administrator {
                Decision::Allow
            } else {
                Decision::Forbidden
            };
            for action in [
                Action::ViewUsers,
                Action::ManageUsers,
                Action::GrantRole,
                Action::ViewAudit,
            ] {
                assert_eq!(decide(&p, action, None), expected, "{role:?} {action:?}");
            }
        }
        let regional_admin = principal(Role::Administrator, &["05"], None);
        assert_eq!(
            decide(&regional_admin, Action::GrantRole, Some(&target(&[], None))),
            Decision::Forbidden
        );
        assert_eq!(
            decide(
                &regional_admin,
                Action::GrantRole,
                Some(&target(&["05", "05.091"], None))
            ),
            Decision::Allow
        );
    }
}
