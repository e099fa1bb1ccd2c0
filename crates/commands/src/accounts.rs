//! Commands on accounts: creating a user with a first role, granting and revoking roles,
//! disabling and enabling an account, and API tokens. The web and the command line
//! (`tanzim user add`, `tanzim token create`) call the same functions.

use crate::access::Account;
use crate::secrets::{hash_password, new_api_token, token_hash};
use crate::{Actor, App, Error, Found, Result, permit};
use tanzim_domain::accounts::{
    Role, RoleAssignment, Username, check_new_password, parse_display_name, parse_token_name,
};
use tanzim_domain::audit::AuditAction;
use tanzim_domain::policy::{Action, Target};
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_domain::{DomainError, Field};
use tanzim_store::Tx;
use tanzim_store::accounts::{self, NewUser, StoredRole};
use tanzim_store::territory;

/// A role to grant: national when `scope` is `None`, for every organization when
/// `organization` is `None`.
pub struct RoleGrant {
    pub role: Role,
    pub scope: Option<TerritoryCode>,
    pub organization: Option<String>,
}

/// The assignment a grant makes, if the actor may grant it there.
async fn assignment(app: &App, actor: &Actor<'_>, g: &RoleGrant) -> Result<RoleAssignment> {
    let scope_path = match &g.scope {
        None => TerritoryPath::national(),
        Some(code) => territory::get(&app.db, code)
            .await?
            .ok_or(DomainError::new(Field::Scope, "territory-unknown"))?
            .territory_path(),
    };
    let organization = match &g.organization {
        None => None,
        Some(o) => Some(
            app.profile
                .organization(o)
                .ok_or(DomainError::new(
                    Field::Organization,
                    "organization-unknown",
                ))?
                .key
                .clone(),
        ),
    };
    let target = Target {
        path: scope_path.clone(),
        organization: organization.clone(),
    };
    permit(actor.decide(Action::GrantRole, Some(&target)))?;
    Ok(RoleAssignment {
        role: g.role,
        scope: g.scope.clone(),
        scope_path,
        organization,
    })
}

/// An account to create, with its first role.
pub struct NewAccount {
    pub username: Username,
    pub display_name: String,
    pub password: String,
    pub role: RoleGrant,
}

/// Creates a user with a first role; a taken username is `Conflict("username-taken")`.
pub async fn create_user(app: &App, actor: &Actor<'_>, new: &NewAccount) -> Result<i64> {
    permit(actor.decide(Action::ManageUsers, None))?;
    let display_name = parse_display_name(&new.display_name)?;
    check_new_password(&new.password, &new.username)?;
    let role = assignment(app, actor, &new.role).await?;
    let user = NewUser {
        username: new.username.clone(),
        display_name,
        password_hash: hash_password(new.password.clone()).await?,
    };
    let entry = actor.audit(AuditAction::UserCreated);
    Ok(accounts::create_user(&app.db, &user, &[role], entry).await?)
}

/// Grants a role to an account the actor manages.
pub async fn grant_role(
    app: &App,
    actor: &Actor<'_>,
    account: &Found<Account>,
    grant: &RoleGrant,
) -> Result<i64> {
    account.require(Action::ManageUsers)?;
    let role = assignment(app, actor, grant).await?;
    let entry = actor.audit(AuditAction::RoleGranted);
    Ok(accounts::grant_role(&app.db, account.user.id, &role, entry).await?)
}

/// Opens the transaction of a change that takes `roles` away, refusing it when it would
/// leave no enabled national administrator: the count and the change are one transaction,
/// and such changes take their turn, so two administrators removing each other cannot both
/// succeed.
async fn keep_one_national_administrator(app: &App, roles: &[StoredRole]) -> Result<Tx> {
    let mut tx = app.db.begin().await?;
    let national_admin = roles.iter().any(|r| {
        r.role == Role::Administrator && r.scope_path.is_empty() && r.organization.is_none()
    });
    if national_admin {
        accounts::lock_administrators(&mut tx).await?;
        if accounts::count_national_administrators(&mut tx).await? <= 1 {
            return Err(Error::Conflict("last-administrator"));
        }
    }
    Ok(tx)
}

/// Revokes one of the account's roles (never the last national administrator's).
pub async fn revoke_role(
    app: &App,
    actor: &Actor<'_>,
    account: &Found<Account>,
    role_id: i64,
) -> Result<()> {
    account.require(Action::ManageUsers)?;
    let role = account
        .roles
        .iter()
        .find(|r| r.id == role_id)
        .ok_or(Error::NotFound)?;
    let mut tx = keep_one_national_administrator(app, std::slice::from_ref(role)).await?;
    let entry = actor.audit(AuditAction::RoleRevoked);
    accounts::revoke_role(&mut tx, role, entry).await?;
    Ok(tx.commit().await?)
}

/// Where an account sits for the audit log: the deepest territory containing all its
/// roles' scopes (national when they share none), so that no administrator whose scope
/// covers only some of them reads entries about it.
pub fn account_scope(roles: &[StoredRole]) -> Option<TerritoryPath> {
    let mut paths = roles.iter().map(|r| r.scope_path.as_str());
    let first = paths.next()?;
    let mut common: Vec<&str> = first.split_inclusive('/').collect();
    for p in paths {
        let segments: Vec<&str> = p.split_inclusive('/').collect();
        let shared = common
            .iter()
            .zip(&segments)
            .take_while(|(a, b)| a == b)
            .count();
        common.truncate(shared);
    }
    Some(TerritoryPath::from_stored(common.concat()))
}

/// Disables an account (its sessions and tokens stop working) or enables it again. An
/// administrator cannot disable themselves, nor the last national administrator.
pub async fn set_disabled(
    app: &App,
    actor: &Actor<'_>,
    account: &Found<Account>,
    disabled: bool,
) -> Result<()> {
    account.require(Action::ManageUsers)?;
    let (action, id) = (
        if disabled {
            AuditAction::UserDisabled
        } else {
            AuditAction::UserEnabled
        },
        account.user.id,
    );
    if disabled && Some(id) == actor.user_id() {
        return Err(Error::Conflict("cannot-disable-self"));
    }
    let removed: &[StoredRole] = if disabled { &account.roles } else { &[] };
    let mut tx = keep_one_national_administrator(app, removed).await?;
    let scope = account_scope(&account.roles);
    accounts::set_disabled(&mut tx, id, disabled, scope, actor.audit(action)).await?;
    Ok(tx.commit().await?)
}

/// Creates an API token for `user_id` (a user's own; the console's for anyone) and
/// returns it: it is shown once and stored only as its hash.
pub async fn create_token(
    app: &App,
    actor: &Actor<'_>,
    user_id: i64,
    name: &str,
) -> Result<String> {
    if actor.user_id().is_some_and(|me| me != user_id) {
        return Err(Error::Forbidden);
    }
    let name = parse_token_name(name)?;
    let user = accounts::user(&app.db, user_id)
        .await?
        .ok_or(Error::NotFound)?;
    if user.disabled {
        return Err(Error::Conflict("account-disabled"));
    }
    let token = new_api_token();
    let entry = actor.audit(AuditAction::TokenCreated);
    accounts::create_token(&app.db, user_id, &name, &token_hash(&token), entry).await?;
    Ok(token)
}

/// Revokes one of the actor's own tokens.
pub async fn revoke_token(app: &App, actor: &Actor<'_>, token_id: i64) -> Result<()> {
    let me = actor.principal().ok_or(Error::Forbidden)?;
    let entry = actor.audit(AuditAction::TokenRevoked);
    Ok(accounts::revoke_token(&app.db, me, token_id, entry).await?)
}
