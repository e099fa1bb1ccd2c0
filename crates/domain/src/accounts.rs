//! Users, their roles and the scopes those roles apply to.

use crate::territory::{TerritoryCode, TerritoryPath};
use crate::{DomainError, Field};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages accounts, bodies and everything else within its scope.
    Administrator,
    /// Reads and manages members and bodies within its scope.
    Officer,
    /// Decides applications or cases for its body.
    CommitteeMember,
    /// Publishes communiqués.
    CommunicationOfficer,
    /// Sees aggregate statistics only, never a personal record.
    Analyst,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Officer,
        Role::CommitteeMember,
        Role::CommunicationOfficer,
        Role::Analyst,
    ];

    pub fn parse(s: &str) -> Result<Role, DomainError> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(DomainError::new(Field::Role, "role-unknown"))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Officer => "officer",
            Role::CommitteeMember => "committee_member",
            Role::CommunicationOfficer => "communication_officer",
            Role::Analyst => "analyst",
        }
    }
}

impl TryFrom<String> for Role {
    type Error = crate::stored::UnknownStored;
    fn try_from(value: String) -> Result<Role, crate::stored::UnknownStored> {
        crate::stored::decode("role", value, |s| Role::parse(s).ok())
    }
}

/// A role held on a territory subtree, optionally limited to one organization
/// (the party itself or an affiliate such as the women's organization).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleAssignment {
    pub role: Role,
    /// `None`: the whole country.
    pub scope: Option<TerritoryCode>,
    pub scope_path: TerritoryPath,
    pub organization: Option<String>,
}

/// Who is asking: the account and every role it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: i64,
    pub username: Username,
    pub roles: Vec<RoleAssignment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Username(String);

impl Username {
    /// 3 to 64 characters: lower-case ASCII letters, digits, `.`, `_`, `-`; starts with a letter.
    pub fn parse(input: &str) -> Result<Username, DomainError> {
        let s = input.trim().to_ascii_lowercase();
        let valid_chars = s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        });
        let starts_with_letter = s.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
        if (3..=64).contains(&s.len()) && valid_chars && starts_with_letter {
            Ok(Username(s))
        } else {
            Err(DomainError::new(Field::Username, "username-invalid"))
        }
    }
    /// Trusts a name read back from the store.
    pub fn from_stored(s: String) -> Username {
        Username(s)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A display name: 1 to 120 characters, in any script.
pub fn parse_display_name(input: &str) -> Result<String, DomainError> {
    let s = input.trim();
    if s.is_empty() || s.chars().count() > 120 {
        Err(DomainError::new(Field::DisplayName, "display-name-invalid"))
    } else {
        Ok(s.to_owned())
    }
}

/// A new password: at least 12 and at most 256 characters (NIST 800-63B: length, not
/// composition rules), and not the username.
pub fn check_new_password(password: &str, username: &Username) -> Result<(), DomainError> {
    let len = password.chars().count();
    if len < 12 {
        return Err(DomainError::new(Field::Password, "password-too-short"));
    }
    if len > 256 {
        return Err(DomainError::new(Field::Password, "password-too-long"));
    }
    if password.eq_ignore_ascii_case(username.as_str()) {
        return Err(DomainError::new(Field::Password, "password-is-username"));
    }
    Ok(())
}

/// A name for an API token, so its owner can tell tokens apart: 1 to 80 characters.
pub fn parse_token_name(input: &str) -> Result<String, DomainError> {
    let s = input.trim();
    if s.is_empty() || s.chars().count() > 80 {
        Err(DomainError::new(Field::TokenName, "token-name-invalid"))
    } else {
        Ok(s.to_owned())
    }
}

/// How long a session lives without use, and at most.
pub const SESSION_IDLE_SECS: i64 = 30 * 60;
pub const SESSION_MAX_SECS: i64 = 12 * 60 * 60;

/// Whether a session created at `created` and last seen at `last_seen` is still valid at `now`.
pub fn session_is_live(created: i64, last_seen: i64, now: i64) -> bool {
    now - last_seen <= SESSION_IDLE_SECS && now - created <= SESSION_MAX_SECS
}

/// How recent a password check must be for the sensitive actions (creating a token,
/// granting a role, exporting members): a stolen session cookie or an unattended browser
/// is not enough for them.
pub const REAUTH_SECS: i64 = 10 * 60;

/// Whether a password typed at `checked_at` (if ever) still vouches for the user at `now`.
pub fn password_checked_recently(checked_at: Option<i64>, now: i64) -> bool {
    checked_at.is_some_and(|at| at <= now && now - at <= REAUTH_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(
            Username::parse(" Amina.B ").map(|u| u.0),
            Ok("amina.b".into())
        );
        for bad in ["ab", "1abc", "a b c", "amina@x", "أمينة"] {
            assert!(Username::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords() -> Result<(), DomainError> {
        let u = Username::parse("amina")?;
        assert_eq!(
            check_new_password("short", &u).map_err(|e| e.code),
            Err("password-too-short")
        );
        assert!(check_new_password("correct horse battery", &u).is_ok());
        let long = Username::parse("amina-benali-tanger")?;
        assert_eq!(
            check_new_password("AMINA-BENALI-TANGER", &long).map_err(|e| e.code),
            Err("password-is-username")
        );
        Ok(())
    }

    #[test]
    fn sessions_expire_when_idle_or_old() {
        assert!(session_is_live(0, 100, 100 + SESSION_IDLE_SECS));
        assert!(!session_is_live(0, 100, 101 + SESSION_IDLE_SECS));
        assert!(!session_is_live(0, SESSION_MAX_SECS, SESSION_MAX_SECS + 1));
    }

    #[test]
    fn a_password_check_vouches_for_ten_minutes() {
        assert!(password_checked_recently(Some(1_000), 1_000));
        assert!(password_checked_recently(Some(1_000), 1_600));
        assert!(!password_checked_recently(Some(1_000), 1_601));
        assert!(!password_checked_recently(None, 1_000), "never checked");
        assert!(
            !password_checked_recently(Some(2_000), 1_000),
            "a check from the future is not trusted"
        );
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
        }
        assert!(Role::parse("superuser").is_err());
    }
}
