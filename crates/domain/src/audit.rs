//! What the audit log records. Action names are stable strings: they are stored, filtered
//! on and translated (`audit-<name>` in the Fluent files).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    LoginSucceeded,
    LoginFailed,
    LoginThrottled,
    Logout,
    UserCreated,
    UserDisabled,
    UserEnabled,
    UserViewed,
    RoleGranted,
    RoleRevoked,
    TokenCreated,
    TokenRevoked,
    BodyCreated,
    BodyRenamed,
    BodyDissolved,
}

impl AuditAction {
    pub const ALL: [AuditAction; 15] = [
        AuditAction::LoginSucceeded,
        AuditAction::LoginFailed,
        AuditAction::LoginThrottled,
        AuditAction::Logout,
        AuditAction::UserCreated,
        AuditAction::UserDisabled,
        AuditAction::UserEnabled,
        AuditAction::UserViewed,
        AuditAction::RoleGranted,
        AuditAction::RoleRevoked,
        AuditAction::TokenCreated,
        AuditAction::TokenRevoked,
        AuditAction::BodyCreated,
        AuditAction::BodyRenamed,
        AuditAction::BodyDissolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::LoginSucceeded => "login-succeeded",
            AuditAction::LoginFailed => "login-failed",
            AuditAction::LoginThrottled => "login-throttled",
            AuditAction::Logout => "logout",
            AuditAction::UserCreated => "user-created",
            AuditAction::UserDisabled => "user-disabled",
            AuditAction::UserEnabled => "user-enabled",
            AuditAction::UserViewed => "user-viewed",
            AuditAction::RoleGranted => "role-granted",
            AuditAction::RoleRevoked => "role-revoked",
            AuditAction::TokenCreated => "token-created",
            AuditAction::TokenRevoked => "token-revoked",
            AuditAction::BodyCreated => "body-created",
            AuditAction::BodyRenamed => "body-renamed",
            AuditAction::BodyDissolved => "body-dissolved",
        }
    }

    pub fn parse(s: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == s)
    }
}
