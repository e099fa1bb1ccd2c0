//! Accounts: users, their role assignments, sessions, API tokens, login failures.
//! Secrets (session and API tokens) are stored only as SHA-256 hashes.

use crate::BeginWrite as _;
use crate::audit::AuditEntry;
use crate::{Db, Page, Paged, Result, ScopeFilter, StoreError, Tx};
use serde::Serialize;
use tanzim_domain::accounts::{Principal, Role, RoleAssignment, Username};
use tanzim_domain::stored::UnknownStored;
use tanzim_domain::territory::{TerritoryCode, TerritoryPath};
use tanzim_domain::throttle::{Failures, Tally};

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub disabled: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Credentials {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub disabled: bool,
}

/// A role assignment as stored, with its id (to revoke it).
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct StoredRole {
    pub id: i64,
    pub user_id: i64,
    #[sqlx(try_from = "String")]
    #[schema(value_type = String)]
    pub role: Role,
    /// `None`: national.
    pub scope_code: Option<String>,
    pub scope_path: String,
    pub organization: Option<String>,
}

impl StoredRole {
    /// The assignment as the policy reads it. A stored scope that is not a code is an
    /// error: read as no code, it would make the role national.
    pub fn assignment(&self) -> std::result::Result<RoleAssignment, UnknownStored> {
        let scope = match &self.scope_code {
            Some(code) => Some(TerritoryCode::parse(code).map_err(|_| UnknownStored {
                kind: "role scope",
                value: code.clone(),
            })?),
            None => None,
        };
        Ok(RoleAssignment {
            role: self.role,
            scope,
            scope_path: TerritoryPath::from_stored(self.scope_path.clone()),
            organization: self.organization.clone(),
        })
    }
}

pub struct NewUser {
    pub username: Username,
    pub display_name: String,
    pub password_hash: String,
}

/// Creates a user with its first roles, in one transaction; a taken username is a
/// `Conflict("username-taken")`.
pub async fn create_user(
    db: &Db,
    new: &NewUser,
    roles: &[RoleAssignment],
    audit: AuditEntry,
) -> Result<i64> {
    let now = crate::now();
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (username, display_name, password_hash, disabled, created_at)
             VALUES ($1, $2, $3, FALSE, $4) RETURNING id",
        )
        .bind(new.username.as_str())
        .bind(&new.display_name)
        .bind(&new.password_hash)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::unique_as("username-taken"))?;
        for r in roles {
            sqlx::query(
                "INSERT INTO role_assignments (user_id, role, scope_code, scope_path, organization, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(r.role.as_str())
            .bind(r.scope.as_ref().map(|c| c.as_str()))
            .bind(r.scope_path.as_str())
            .bind(&r.organization)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        let scope = roles.first().map(|r| r.scope_path.clone());
        let detail = serde_json::json!({
            "username": new.username.as_str(),
            "roles": roles.iter().map(|r| format!("{}@{}", r.role.as_str(), r.scope.as_ref().map(|c| c.as_str()).unwrap_or("national"))).collect::<Vec<_>>(),
        });
        append_audit!(tx, &audit.target("user", id, scope).detail(detail))?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn credentials(db: &Db, username: &str) -> Result<Option<Credentials>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, Credentials>("SELECT id, username, password_hash, disabled FROM users WHERE username = $1")
            .bind(username)
            .fetch_optional(p)
            .await
    })?)
}

pub async fn user(db: &Db, id: i64) -> Result<Option<User>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, User>("SELECT id, username, display_name, disabled, created_at FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(p)
            .await
    })?)
}

pub async fn roles(db: &Db, user_id: i64) -> Result<Vec<StoredRole>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, StoredRole>(
            "SELECT id, user_id, role, scope_code, scope_path, organization FROM role_assignments WHERE user_id = $1 ORDER BY id",
        )
        .bind(user_id)
        .fetch_all(p)
        .await
    })?)
}

/// The principal for an enabled user (its id, name and every role it holds), with its
/// display name; `None` for an unknown or disabled user.
pub async fn principal(db: &Db, user_id: i64) -> Result<Option<(Principal, String)>> {
    let Some(user) = user(db, user_id).await? else {
        return Ok(None);
    };
    if user.disabled {
        return Ok(None);
    }
    let roles = roles(db, user_id)
        .await?
        .iter()
        .map(StoredRole::assignment)
        .collect::<std::result::Result<_, _>>()?;
    let principal = Principal {
        user_id,
        username: Username::from_stored(user.username),
        roles,
    };
    Ok(Some((principal, user.display_name)))
}

/// The users a reader with `scope` may see: every user for a national reader; otherwise
/// users who hold at least one role and all of whose roles lie inside the scope.
pub async fn list_users(db: &Db, scope: &ScopeFilter, page: Page) -> Result<Paged<User>> {
    let (where_sql, binds) = if scope.is_national() {
        ("1 = 1".to_owned(), Vec::new())
    } else {
        let (inside, binds) = scope.sql("r.scope_path", "r.organization", 1);
        (
            format!(
                "EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id)
                 AND NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND NOT {inside})"
            ),
            binds,
        )
    };
    let n = binds.len();
    let list_sql = format!(
        "SELECT u.id, u.username, u.display_name, u.disabled, u.created_at FROM users u
         WHERE {where_sql} ORDER BY u.username LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let count_sql = format!("SELECT COUNT(*) FROM users u WHERE {where_sql}");
    crate::fetch_page(db, list_sql, count_sql, binds, page).await
}

pub async fn count_administrators(db: &Db) -> Result<i64> {
    Ok(on_pool!(db, p => {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM role_assignments r JOIN users u ON u.id = r.user_id
             WHERE r.role = 'administrator' AND u.disabled = FALSE",
        )
        .fetch_one(p)
        .await
    })?)
}

/// Enabled users holding a national administrator role (the last one cannot be removed),
/// counted inside the transaction that would remove one, after `lock_administrators`.
pub async fn count_national_administrators(tx: &mut Tx) -> Result<i64> {
    Ok(on_tx!(tx, c => {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(DISTINCT r.user_id) FROM role_assignments r JOIN users u ON u.id = r.user_id
             WHERE r.role = 'administrator' AND r.scope_path = '' AND r.organization IS NULL AND u.disabled = FALSE",
        )
        .fetch_one(c)
        .await
    })?)
}

/// Serializes the changes that could remove a national administrator, so that two of them
/// cannot each count the other and both go ahead. On SQLite the transaction's write lock
/// (`BEGIN IMMEDIATE`) already does; PostgreSQL takes a transaction-scoped advisory lock,
/// and the count that follows, a new statement, sees what the one before committed.
pub async fn lock_administrators(tx: &mut Tx) -> Result<()> {
    if let Tx::Postgres(t) = tx {
        sqlx::query("SELECT pg_advisory_xact_lock(7201)")
            .execute(&mut **t)
            .await?;
    }
    Ok(())
}

pub async fn grant_role(
    db: &Db,
    user_id: i64,
    role: &RoleAssignment,
    audit: AuditEntry,
) -> Result<i64> {
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO role_assignments (user_id, role, scope_code, scope_path, organization, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(user_id)
        .bind(role.role.as_str())
        .bind(role.scope.as_ref().map(|c| c.as_str()))
        .bind(role.scope_path.as_str())
        .bind(&role.organization)
        .bind(crate::now())
        .fetch_one(&mut *tx)
        .await?;
        let detail = serde_json::json!({ "role": role.role.as_str(), "scope": role.scope.as_ref().map(|c| c.as_str()), "organization": role.organization });
        append_audit!(tx, &audit.target("user", user_id, Some(role.scope_path.clone())).detail(detail))?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn revoke_role(tx: &mut Tx, role: &StoredRole, audit: AuditEntry) -> Result<()> {
    let done = on_tx!(tx, c => sqlx::query("DELETE FROM role_assignments WHERE id = $1 AND user_id = $2")
        .bind(role.id)
        .bind(role.user_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    if done != 1 {
        return Err(StoreError::NotFound);
    }
    let detail = serde_json::json!({ "role": role.role, "scope": role.scope_code, "organization": role.organization });
    let scope = Some(TerritoryPath::from_stored(role.scope_path.clone()));
    crate::audit::append_in(
        tx,
        &audit.target("user", role.user_id, scope).detail(detail),
    )
    .await
}

/// Disables or enables an account; disabling also ends its sessions and revokes nothing
/// else (its API tokens stop working because the principal of a disabled user is `None`).
pub async fn set_disabled(
    tx: &mut Tx,
    user_id: i64,
    disabled: bool,
    scope: Option<TerritoryPath>,
    audit: AuditEntry,
) -> Result<()> {
    on_tx!(tx, c => sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2").bind(disabled).bind(user_id).execute(c).await.map(|_| ()))?;
    if disabled {
        // Its API tokens end too: re-enabling must not revive keys handed out before.
        on_tx!(tx, c => sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
            .bind(crate::now())
            .bind(user_id)
            .execute(c)
            .await
            .map(|_| ()))?;
        on_tx!(tx, c => sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(c).await.map(|_| ()))?;
    }
    crate::audit::append_in(tx, &audit.target("user", user_id, scope)).await
}

// ---- sessions ----

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub user_id: i64,
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// When the user last typed their password in this session.
    pub reauthenticated_at: Option<i64>,
}

/// A new session; signing in is a password check, so it counts as one.
pub async fn create_session(
    db: &Db,
    token_hash: &str,
    user_id: i64,
    csrf: &str,
    address: &str,
    now: i64,
) -> Result<()> {
    on_pool!(db, p => {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, reauthenticated_at, address) VALUES ($1, $2, $3, $4, $4, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(csrf)
        .bind(now)
        .bind(address)
        .execute(p).await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn session(db: &Db, token_hash: &str) -> Result<Option<Session>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, Session>("SELECT user_id, csrf_token, created_at, last_seen_at, reauthenticated_at FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(p)
            .await
    })?)
}

pub async fn touch_session(db: &Db, token_hash: &str, now: i64) -> Result<()> {
    on_pool!(db, p => sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2").bind(now).bind(token_hash).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records that the session's user has just typed their password again.
pub async fn set_reauthenticated(db: &Db, token_hash: &str, now: i64) -> Result<()> {
    on_pool!(db, p => sqlx::query("UPDATE sessions SET reauthenticated_at = $1 WHERE token_hash = $2").bind(now).bind(token_hash).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete_session(db: &Db, token_hash: &str) -> Result<()> {
    on_pool!(db, p => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes sessions idle or old past the limits (run now and then; reads check too).
pub async fn purge_sessions(db: &Db, idle_before: i64, created_before: i64) -> Result<u64> {
    Ok(on_pool!(db, p => {
        sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(idle_before)
            .bind(created_before)
            .execute(p).await.map(|r| r.rows_affected())
    })?)
}

// ---- API tokens ----

#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub async fn create_token(
    db: &Db,
    user_id: i64,
    name: &str,
    token_hash: &str,
    audit: AuditEntry,
) -> Result<i64> {
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(crate::now())
        .fetch_one(&mut *tx)
        .await?;
        append_audit!(tx, &audit.target("token", id, None).detail(serde_json::json!({ "name": name, "user_id": user_id })))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// The user a live (unrevoked) token belongs to; marks the token used.
pub async fn token_user(db: &Db, token_hash: &str) -> Result<Option<i64>> {
    let found: Option<(i64, i64, Option<i64>)> = on_pool!(db, p => {
        sqlx::query_as("SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(token_hash)
            .fetch_optional(p)
            .await
    })?;
    let Some((id, user_id, last_used)) = found else {
        return Ok(None);
    };
    let now = crate::now();
    // One write a minute at most, so that API reads stay reads.
    if last_used.is_none_or(|t| now - t >= 60) {
        on_pool!(db, p => sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2").bind(now).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    }
    Ok(Some(user_id))
}

pub async fn tokens(db: &Db, user_id: i64) -> Result<Vec<ApiToken>> {
    Ok(on_pool!(db, p => {
        sqlx::query_as::<_, ApiToken>(
            "SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id DESC",
        )
        .bind(user_id)
        .fetch_all(p)
        .await
    })?)
}

/// Revokes one of `owner`'s tokens (another's answers `NotFound`).
pub async fn revoke_token(
    db: &Db,
    owner: &Principal,
    token_id: i64,
    audit: AuditEntry,
) -> Result<()> {
    on_pool!(db, p => {
        let mut tx = p.begin_write().await?;
        let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(crate::now())
            .bind(token_id)
            .bind(owner.user_id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        append_audit!(tx, &audit.target("token", token_id, None))?;
        tx.commit().await?;
        Ok(())
    })
}

// ---- login throttling ----

/// Records a sign-in attempt as a failure until it succeeds (so that parallel guesses see
/// each other) and returns its id with the failures recorded before it since `since`: per
/// account and address, per address, per account.
pub async fn login_attempt(
    db: &Db,
    username: &str,
    address: &str,
    now: i64,
    since: i64,
) -> Result<(i64, Failures)> {
    let id: i64 = on_pool!(db, p => {
        sqlx::query_scalar(
            "INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(username)
        .bind(address)
        .bind(now)
        .fetch_one(p)
        .await
    })?;
    let rows = on_pool!(db, p => {
        sqlx::query_as::<_, (i64, i64, i64, i64)>(
            "SELECT CAST(0 AS BIGINT), COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM login_failures
              WHERE username = $1 AND address = $2 AND at >= $3 AND id < $4
             UNION ALL
             SELECT CAST(1 AS BIGINT), COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM login_failures
              WHERE address = $2 AND at >= $3 AND id < $4
             UNION ALL
             SELECT CAST(2 AS BIGINT), COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM login_failures
              WHERE username = $1 AND at >= $3 AND id < $4",
        )
        .bind(username)
        .bind(address)
        .bind(since)
        .bind(id)
        .fetch_all(p)
        .await
    })?;
    let mut failures = Failures::default();
    for (which, count, first_at, last_at) in rows {
        let tally = Tally {
            count,
            first_at,
            last_at,
        };
        match which {
            0 => failures.account_address = tally,
            1 => failures.address = tally,
            _ => failures.account = tally,
        }
    }
    Ok((id, failures))
}

/// Takes back an attempt that was refused unchecked: waiting out a throttle is not a guess,
/// and must not bring the account nearer its ceiling.
pub async fn withdraw_login_attempt(db: &Db, id: i64) -> Result<()> {
    on_pool!(db, p => sqlx::query("DELETE FROM login_failures WHERE id = $1").bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Forgets failures older than the throttling window (run now and then).
pub async fn purge_login_failures(db: &Db, before: i64) -> Result<u64> {
    Ok(
        on_pool!(db, p => sqlx::query("DELETE FROM login_failures WHERE at < $1").bind(before).execute(p).await.map(|r| r.rows_affected()))?,
    )
}

/// Forgets an account's failures from the address it has just signed in from (and only
/// those: a guesser elsewhere keeps its wait).
pub async fn clear_login_failures(db: &Db, username: &str, address: &str) -> Result<()> {
    on_pool!(db, p => sqlx::query("DELETE FROM login_failures WHERE username = $1 AND address = $2").bind(username).bind(address).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}
