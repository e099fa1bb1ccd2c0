//! Login throttling: how many failed logins an account or an address may have in a window
//! before further attempts are refused without checking the password.

/// The window over which failures count.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Failures per account in the window (guards one account against guessing).
pub const PER_ACCOUNT: i64 = 5;
/// Failures per address in the window (guards many accounts against one guesser).
pub const PER_ADDRESS: i64 = 20;

/// Whether another attempt may be checked, given the failures counted in the window.
pub fn may_attempt(account_failures: i64, address_failures: i64) -> bool {
    account_failures < PER_ACCOUNT && address_failures < PER_ADDRESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_apply_per_account_and_per_address() {
        assert!(may_attempt(PER_ACCOUNT - 1, 0));
        assert!(!may_attempt(PER_ACCOUNT, 0));
        assert!(!may_attempt(0, PER_ADDRESS));
    }
}
