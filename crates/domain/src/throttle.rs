//! Sign-in throttling, so that a guesser's failures slow the guesser and not the account's
//! owner. Failures are counted per account and address, per address, and per account; each
//! of the first two gives a few free tries and then an exponential wait after the last
//! failure. Only a flood from many addresses (the ceiling) refuses an account everywhere:
//! five wrong passwords can no longer lock the national secretary out before a congress.

/// The window over which failures count.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Failures of one account from one address before each further try has to wait.
pub const FREE_PER_ACCOUNT_ADDRESS: i64 = 5;
/// Failures from one address, whatever the accounts, before each further try has to wait
/// (one guesser trying many accounts).
pub const FREE_PER_ADDRESS: i64 = 20;
/// Failures of one account from all addresses in the window at which it is refused
/// everywhere until the oldest of them leaves the window.
pub const ACCOUNT_CEILING: i64 = 100;
/// The longest wait (1 s, 2 s, 4 s … up to this).
pub const MAX_WAIT_SECS: i64 = 15 * 60;

/// Failures counted in the window: how many, the first and the last (Unix seconds; 0 when
/// there are none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: i64,
    pub first_at: i64,
    pub last_at: i64,
}

/// The failures that bear on one attempt.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Failures {
    /// This account from this address.
    pub account_address: Tally,
    /// This address, any account.
    pub address: Tally,
    /// This account, any address.
    pub account: Tally,
}

/// The wait after `failures` failures of which `free` cost nothing: none before, then 1 s
/// doubling with each failure, at most [`MAX_WAIT_SECS`].
pub fn backoff_secs(failures: i64, free: i64) -> i64 {
    if failures < free {
        return 0;
    }
    let doublings = (failures - free).min(20) as u32;
    (1i64 << doublings).min(MAX_WAIT_SECS)
}

/// When the attempt may be checked: `None` now, else the Unix second from which on.
pub fn retry_at(failures: &Failures, now: i64) -> Option<i64> {
    let wait = |t: &Tally, free| t.last_at + backoff_secs(t.count, free);
    let ceiling = if failures.account.count >= ACCOUNT_CEILING {
        failures.account.first_at + WINDOW_SECS
    } else {
        0
    };
    let at = wait(&failures.account_address, FREE_PER_ACCOUNT_ADDRESS)
        .max(wait(&failures.address, FREE_PER_ADDRESS))
        .max(ceiling);
    (at > now).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000;

    fn tally(count: i64, first_at: i64, last_at: i64) -> Tally {
        Tally {
            count,
            first_at,
            last_at,
        }
    }

    /// `n` failures of one account from one address, the last `ago` seconds ago.
    fn guesses(n: i64, ago: i64) -> Failures {
        let t = tally(n, NOW - 600, NOW - ago);
        Failures {
            account_address: t,
            address: t,
            account: t,
        }
    }

    #[test]
    fn the_wait_doubles_after_five_failures() {
        assert_eq!(backoff_secs(0, 5), 0);
        assert_eq!(backoff_secs(4, 5), 0);
        assert_eq!(backoff_secs(5, 5), 1);
        assert_eq!(backoff_secs(6, 5), 2);
        assert_eq!(backoff_secs(7, 5), 4);
        assert_eq!(backoff_secs(14, 5), 512);
        assert_eq!(backoff_secs(15, 5), 900);
        assert_eq!(backoff_secs(10_000, 5), 900);
    }

    #[test]
    fn a_guesser_waits_from_its_last_failure() {
        assert_eq!(retry_at(&Failures::default(), NOW), None);
        assert_eq!(retry_at(&guesses(4, 0), NOW), None);
        assert_eq!(retry_at(&guesses(5, 0), NOW), Some(NOW + 1));
        assert_eq!(retry_at(&guesses(5, 1), NOW), None);
        assert_eq!(retry_at(&guesses(8, 3), NOW), Some(NOW + 5));
        assert_eq!(retry_at(&guesses(8, 8), NOW), None);
        assert_eq!(retry_at(&guesses(30, 60), NOW), Some(NOW + 840));
    }

    #[test]
    fn the_owner_elsewhere_is_not_held_back_by_a_guesser() {
        // 40 failures of this account in the window, none from the owner's address.
        let owner = Failures {
            account_address: Tally::default(),
            address: Tally::default(),
            account: tally(40, NOW - 600, NOW),
        };
        assert_eq!(retry_at(&owner, NOW), None);
        // One address trying many accounts waits, even on an account it never tried.
        let sprayer = Failures {
            account_address: Tally::default(),
            address: tally(22, NOW - 300, NOW - 1),
            account: Tally::default(),
        };
        assert_eq!(retry_at(&sprayer, NOW), Some(NOW + 3));
    }

    #[test]
    fn a_flood_from_everywhere_closes_the_account_until_it_ages() {
        let flood = Failures {
            account_address: Tally::default(),
            address: Tally::default(),
            account: tally(100, NOW - 600, NOW - 2),
        };
        assert_eq!(retry_at(&flood, NOW), Some(NOW + 300));
        let below = Failures {
            account: tally(99, NOW - 600, NOW - 2),
            ..flood
        };
        assert_eq!(retry_at(&below, NOW), None);
    }
}
