//! Signing in, confirming one's password, and signing out: the throttle, the session and
//! the audit entry of each. The adapter sets or clears the cookie.

use crate::secrets::{random_token, token_hash, verify_password};
use crate::{Actor, App, Result};
use tanzim_domain::accounts::session_is_live;
use tanzim_domain::audit::AuditAction;
use tanzim_domain::throttle;
use tanzim_store::accounts;
use tanzim_store::audit::AuditEntry;

/// What a sign-in gives.
pub enum SignIn {
    /// A new session: its token goes in the cookie.
    Opened { token: String },
    /// Too many failures from this address for this name: try again in `wait` seconds.
    Throttled { wait: i64 },
    /// Wrong name or password, or a disabled account (the three are not told apart).
    Refused,
}

/// An attempt taken: it counts as a failure until it succeeds, and is judged by the
/// failures recorded before it, so that parallel guesses cannot all slip under the limit
/// while the (slow) hash is being checked. `Err(wait)` when the throttle refuses it.
async fn take_attempt(
    app: &App,
    username: &str,
    address: &str,
    now: i64,
) -> Result<Result<(), i64>> {
    let since = now - throttle::WINDOW_SECS;
    let (attempt, failures) =
        accounts::login_attempt(&app.db, username, address, now, since).await?;
    match throttle::retry_at(&failures, now) {
        Some(at) => {
            accounts::withdraw_login_attempt(&app.db, attempt).await?;
            Ok(Err(at - now))
        }
        None => Ok(Ok(())),
    }
}

async fn audit(app: &App, entry: AuditEntry) -> Result<()> {
    Ok(app.audit.append(&entry).await?)
}

/// Signs `username` in from `address`. A new session at every sign-in: the one the
/// browser held (`replacing`, its hash) ends, so a session cannot be fixed in advance.
pub async fn sign_in(
    app: &App,
    username: &str,
    password: String,
    address: &str,
    replacing: Option<&str>,
) -> Result<SignIn> {
    let now = tanzim_store::now();
    let anonymous = |action| AuditEntry::new(None, username, action, Some(address));
    if let Err(wait) = take_attempt(app, username, address, now).await? {
        audit(app, anonymous(AuditAction::LoginThrottled)).await?;
        return Ok(SignIn::Throttled { wait });
    }
    let usable = accounts::credentials(&app.db, username)
        .await?
        .filter(|c| !c.disabled);
    let stored = usable.as_ref().map(|c| c.password_hash.clone());
    let verified = verify_password(password, stored).await?;
    let Some(creds) = usable.filter(|_| verified) else {
        audit(app, anonymous(AuditAction::LoginFailed)).await?;
        return Ok(SignIn::Refused);
    };
    if let Some(old) = replacing {
        accounts::delete_session(&app.db, old).await?;
    }
    let token = random_token();
    let csrf_secret = random_token();
    accounts::create_session(
        &app.db,
        &token_hash(&token),
        creds.id,
        &csrf_secret,
        address,
        now,
    )
    .await?;
    accounts::clear_login_failures(&app.db, username, address).await?;
    let entry = AuditEntry::new(
        Some(creds.id),
        &creds.username,
        AuditAction::LoginSucceeded,
        Some(address),
    );
    audit(app, entry).await?;
    Ok(SignIn::Opened { token })
}

/// What confirming one's password gives.
pub enum Confirmation {
    /// The session may do sensitive things for the next minutes.
    Confirmed,
    /// The sign-in throttle refuses (the failures of either count for both).
    Throttled,
    /// Wrong password, or the account was disabled meanwhile.
    Refused,
}

/// Confirms the signed-in user's password for their session (its hash `session`), with
/// sign-in's throttle; every attempt audited.
pub async fn confirm_password(
    app: &App,
    actor: &Actor<'_>,
    session: &str,
    password: String,
    address: &str,
) -> Result<Confirmation> {
    let Some(principal) = actor.principal() else {
        return Err(crate::Error::Forbidden);
    };
    let username = principal.username.as_str();
    let now = tanzim_store::now();
    if take_attempt(app, username, address, now).await?.is_err() {
        audit(app, actor.audit(AuditAction::PasswordConfirmThrottled)).await?;
        return Ok(Confirmation::Throttled);
    }
    let stored = accounts::credentials(&app.db, username)
        .await?
        .filter(|c| !c.disabled)
        .map(|c| c.password_hash);
    if !verify_password(password, stored).await? {
        audit(app, actor.audit(AuditAction::PasswordConfirmFailed)).await?;
        return Ok(Confirmation::Refused);
    }
    accounts::set_reauthenticated(&app.db, session, now).await?;
    accounts::clear_login_failures(&app.db, username, address).await?;
    audit(app, actor.audit(AuditAction::PasswordConfirmed)).await?;
    Ok(Confirmation::Confirmed)
}

/// Signs out: the session (its hash, when signed in by cookie) ends.
pub async fn sign_out(app: &App, actor: &Actor<'_>, session: Option<&str>) -> Result<()> {
    if let Some(hash) = session {
        accounts::delete_session(&app.db, hash).await?;
    }
    audit(app, actor.audit(AuditAction::Logout)).await
}

/// The live session a browser's cookie names (the cookie's hash): an expired one ends here,
/// and a live one is marked as seen, at most once a minute so that reading stays reading.
pub async fn resume(app: &App, session: &str) -> Result<Option<accounts::Session>> {
    let Some(found) = accounts::session(&app.db, session).await? else {
        return Ok(None);
    };
    let now = tanzim_store::now();
    if !session_is_live(found.created_at, found.last_seen_at, now) {
        accounts::delete_session(&app.db, session).await?;
        return Ok(None);
    }
    if now - found.last_seen_at >= 60 {
        accounts::touch_session(&app.db, session, now).await?;
    }
    Ok(Some(found))
}
