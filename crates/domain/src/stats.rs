//! Membership statistics from counter cells (status × sex × birth year): totals, the share
//! of women and of members under 35, age bands, and what of them someone who may see only
//! counts is shown. Pure arithmetic, tested here.

use crate::accounts::Principal;
use crate::policy::{Action, Decision, Target, decide};
use crate::territory::TerritoryPath;
use serde::Serialize;

/// Age bands shown on the dashboard (lower bounds; the last is open).
pub const AGE_BANDS: [(u32, &str); 6] = [
    (18, "18-24"),
    (25, "25-34"),
    (35, "35-44"),
    (45, "45-54"),
    (55, "55-64"),
    (65, "65+"),
];

/// The band of someone born in `birth_year`, in `year` (age counted as year − birth year).
pub fn age_band(birth_year: i64, year: i64) -> &'static str {
    let age = year - birth_year;
    AGE_BANDS
        .iter()
        .rev()
        .find(|(low, _)| age >= i64::from(*low))
        .map(|(_, name)| *name)
        .unwrap_or("18-24")
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Members by status, every status listed.
    pub by_status: Vec<(String, i64)>,
    /// All members ever counted, whatever their status.
    pub total: i64,
    /// Members in good standing (active).
    pub active: i64,
    pub active_women: i64,
    pub active_under_35: i64,
    /// Active members by age band.
    pub by_age: Vec<(String, i64)>,
}

impl Summary {
    /// Sums cells `(status, sex, birth_year, n)` as of `year`.
    pub fn from_cells<'a>(
        cells: impl IntoIterator<Item = (&'a str, &'a str, i64, i64)>,
        year: i64,
    ) -> Summary {
        let mut s = Summary {
            by_status: crate::members::Status::ALL
                .iter()
                .map(|x| (x.as_str().to_owned(), 0))
                .collect(),
            by_age: AGE_BANDS
                .iter()
                .map(|(_, b)| ((*b).to_owned(), 0))
                .collect(),
            ..Summary::default()
        };
        for (status, sex, birth_year, n) in cells {
            s.total += n;
            if let Some(entry) = s.by_status.iter_mut().find(|(k, _)| k == status) {
                entry.1 += n;
            }
            if status == "active" {
                s.active += n;
                if sex == "F" {
                    s.active_women += n;
                }
                if year - birth_year < 35 {
                    s.active_under_35 += n;
                }
                let band = age_band(birth_year, year);
                if let Some(entry) = s.by_age.iter_mut().find(|(k, _)| k == band) {
                    entry.1 += n;
                }
            }
        }
        s
    }
}

/// How exact the figures of a territory are for the user reading them.
///
/// Someone who may read the member records of the territory (an officer) sees exact counts.
/// Someone who may see only counts (an analyst, or a role limited to one organization, whose
/// records these mostly are not) could still single a person out through a small count: "1
/// expelled member in this commune", "2 women under 35". For them every count below
/// `min_cell` is withheld (shown "<5", null in JSON) and every other count is rounded to the
/// nearest multiple of `min_cell`; shares and rates are computed from the published counts.
///
/// Why rounding every count, rather than withholding a second cell per row or rounding only
/// totals: the published figures are bound by sums (statuses add up to the total, age
/// bands to the active members, communes to their province), and with exact parts a rounded
/// total still pins a withheld cell at the edge (parts 19 and 4, total 23 published as 25:
/// 25 − 19 = 6, and a cell under 5 that is at least 6 − 2 is 4). With every count rounded,
/// any difference of published counts is off by up to 2 per count, so it narrows a
/// withheld cell to no fewer than three values. Withholding a second cell per sum would have to be
/// coordinated across pages (a province's page shows its communes, each commune's page
/// shows itself), where rounding depends on the count alone: the same count reads the same
/// on every page and in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disclosure {
    Exact,
    Protected { min_cell: i64 },
}

impl Disclosure {
    /// Exact for a user who may read the members of `path` (whatever their organization),
    /// protected with `min_cell` otherwise. A `min_cell` of 1 protects nothing.
    pub fn for_reader(principal: &Principal, path: &TerritoryPath, min_cell: i64) -> Disclosure {
        let whole_territory = Target {
            path: path.clone(),
            organization: None,
        };
        if min_cell <= 1
            || decide(principal, Action::ViewMembers, Some(&whole_territory)) == Decision::Allow
        {
            Disclosure::Exact
        } else {
            Disclosure::Protected { min_cell }
        }
    }

    /// A count as published: `None` when withheld.
    pub fn count(self, n: i64) -> Option<i64> {
        match self {
            Disclosure::Exact => Some(n),
            Disclosure::Protected { min_cell } if n < min_cell => None,
            // The nearest multiple (halves, for an even threshold, round up).
            Disclosure::Protected { min_cell } => Some((n + min_cell / 2) / min_cell * min_cell),
        }
    }

    /// The threshold, when counts are protected.
    pub fn min_cell(self) -> Option<i64> {
        match self {
            Disclosure::Exact => None,
            Disclosure::Protected { min_cell } => Some(min_cell),
        }
    }
}

/// Per cent with one decimal of two published counts (None when either is withheld or the
/// whole is zero).
pub fn percent(part: Option<i64>, whole: Option<i64>) -> Option<f64> {
    match (part, whole) {
        (Some(p), Some(w)) if w > 0 => Some((p as f64 * 1000.0 / w as f64).round() / 10.0),
        _ => None,
    }
}

/// A summary as a reader is shown it: every count through [`Disclosure::count`], shares and
/// density from the published counts only, and the names of the counts withheld.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    pub total: Option<i64>,
    pub active: Option<i64>,
    pub lapsed: Option<i64>,
    pub active_women: Option<i64>,
    pub active_under_35: Option<i64>,
    pub women_share: Option<f64>,
    pub under_35_share: Option<f64>,
    pub per_thousand_adults: Option<f64>,
    pub by_status: Vec<(String, Option<i64>)>,
    pub by_age: Vec<(String, Option<i64>)>,
    /// `total`, `active_women`, `by_status.lapsed`, `by_age.18-24`…: the counts withheld.
    pub suppressed: Vec<String>,
}

impl Summary {
    pub fn publish(&self, d: Disclosure, adults: Option<i64>) -> Published {
        let mut suppressed = Vec::new();
        let mut count = |name: &str, n: i64| {
            let shown = d.count(n);
            if shown.is_none() {
                suppressed.push(name.to_owned());
            }
            shown
        };
        let lapsed = self
            .by_status
            .iter()
            .find(|(k, _)| k == "lapsed")
            .map(|x| x.1)
            .unwrap_or(0);
        let total = count("total", self.total);
        let active = count("active", self.active);
        let lapsed = count("lapsed", lapsed);
        let active_women = count("active_women", self.active_women);
        let active_under_35 = count("active_under_35", self.active_under_35);
        let by_status = self
            .by_status
            .iter()
            .map(|(k, n)| (k.clone(), count(&format!("by_status.{k}"), *n)))
            .collect();
        let by_age = self
            .by_age
            .iter()
            .map(|(k, n)| (k.clone(), count(&format!("by_age.{k}"), *n)))
            .collect();
        let per_thousand_adults = match (active, adults) {
            (Some(a), Some(adults)) if adults > 0 => {
                Some((a as f64 * 10_000.0 / adults as f64).round() / 10.0)
            }
            _ => None,
        };
        Published {
            total,
            active,
            lapsed,
            active_women,
            active_under_35,
            women_share: percent(active_women, active),
            under_35_share: percent(active_under_35, active),
            per_thousand_adults,
            by_status,
            by_age,
            suppressed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_shares() {
        assert_eq!(age_band(2008, 2026), "18-24");
        assert_eq!(age_band(1992, 2026), "25-34");
        assert_eq!(age_band(1991, 2026), "35-44");
        assert_eq!(age_band(1950, 2026), "65+");
        let s = Summary::from_cells(
            [
                ("active", "F", 1995, 3),
                ("active", "M", 1980, 1),
                ("lapsed", "F", 1990, 2),
                ("active", "M", 2000, 0),
            ],
            2026,
        );
        assert_eq!(
            (s.total, s.active, s.active_women, s.active_under_35),
            (6, 4, 3, 3)
        );
        let exact = s.publish(Disclosure::Exact, Some(2000));
        assert_eq!(exact.women_share, Some(75.0));
        assert_eq!(
            s.by_status.iter().find(|(k, _)| k == "lapsed").map(|x| x.1),
            Some(2)
        );
        assert_eq!(
            s.by_age.iter().find(|(k, _)| k == "25-34").map(|x| x.1),
            Some(3)
        );
        assert_eq!(exact.per_thousand_adults, Some(2.0));
        let nobody = Summary::default().publish(Disclosure::Exact, Some(2000));
        assert_eq!(
            (nobody.women_share, nobody.per_thousand_adults),
            (None, Some(0.0))
        );
    }
}

#[cfg(test)]
mod disclosure_tests {
    use super::*;
    use crate::accounts::{Role, RoleAssignment, Username};

    fn reader(role: Role, scope: &str, organization: Option<&str>) -> Principal {
        Principal {
            user_id: 1,
            username: Username::from_stored("u".into()),
            roles: vec![RoleAssignment {
                role,
                scope: None,
                scope_path: TerritoryPath::from_stored(scope.to_owned()),
                organization: organization.map(str::to_owned),
            }],
        }
    }

    /// A small commune in 2026: 38 members, 26 of them active.
    fn commune() -> Summary {
        Summary::from_cells(
            [
                ("active", "F", 1995, 12),
                ("active", "M", 1995, 9),
                ("active", "F", 1980, 3),
                ("active", "M", 2004, 2),
                ("lapsed", "F", 1990, 4),
                ("expelled", "M", 1970, 1),
                ("resigned", "F", 1985, 7),
            ],
            2026,
        )
    }

    fn named(pairs: &[(&str, Option<i64>)]) -> Vec<(String, Option<i64>)> {
        pairs.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
    }

    #[test]
    fn officers_read_exact_figures() {
        let p = commune().publish(Disclosure::Exact, Some(1000));
        assert_eq!(
            (
                p.total,
                p.active,
                p.lapsed,
                p.active_women,
                p.active_under_35
            ),
            (Some(38), Some(26), Some(4), Some(15), Some(23))
        );
        assert_eq!(
            (p.women_share, p.under_35_share, p.per_thousand_adults),
            (Some(57.7), Some(88.5), Some(26.0))
        );
        assert_eq!(
            p.by_status,
            named(&[
                ("active", Some(26)),
                ("lapsed", Some(4)),
                ("suspended", Some(0)),
                ("expelled", Some(1)),
                ("resigned", Some(7)),
                ("deceased", Some(0)),
            ])
        );
        assert_eq!(
            p.by_age,
            named(&[
                ("18-24", Some(2)),
                ("25-34", Some(21)),
                ("35-44", Some(0)),
                ("45-54", Some(3)),
                ("55-64", Some(0)),
                ("65+", Some(0)),
            ])
        );
        assert!(p.suppressed.is_empty());
    }

    #[test]
    fn analysts_read_no_count_under_five_and_the_rest_rounded() {
        let p = commune().publish(Disclosure::Protected { min_cell: 5 }, Some(1000));
        assert_eq!(
            (
                p.total,
                p.active,
                p.lapsed,
                p.active_women,
                p.active_under_35
            ),
            (Some(40), Some(25), None, Some(15), Some(25))
        );
        // From the published counts, never from the exact ones.
        assert_eq!(
            (p.women_share, p.under_35_share, p.per_thousand_adults),
            (Some(60.0), Some(100.0), Some(25.0))
        );
        assert_eq!(
            p.by_status,
            named(&[
                ("active", Some(25)),
                ("lapsed", None),
                ("suspended", None),
                ("expelled", None),
                ("resigned", Some(5)),
                ("deceased", None),
            ])
        );
        assert_eq!(
            p.by_age,
            named(&[
                ("18-24", None),
                ("25-34", Some(20)),
                ("35-44", None),
                ("45-54", None),
                ("55-64", None),
                ("65+", None),
            ])
        );
        assert_eq!(
            p.suppressed,
            [
                "lapsed",
                "by_status.lapsed",
                "by_status.suspended",
                "by_status.expelled",
                "by_status.deceased",
                "by_age.18-24",
                "by_age.35-44",
                "by_age.45-54",
                "by_age.55-64",
                "by_age.65+",
            ]
        );
        // Nothing active: no share, whatever the threshold.
        let empty = Summary::from_cells([("lapsed", "F", 1990, 40)], 2026)
            .publish(Disclosure::Protected { min_cell: 5 }, Some(1000));
        assert_eq!((empty.active, empty.women_share), (None, None));
    }

    #[test]
    fn counts_round_to_the_nearest_multiple_of_the_threshold() {
        let five = Disclosure::Protected { min_cell: 5 };
        let published: Vec<Option<i64>> =
            [0, 4, 5, 7, 8, 12, 13, 1234].map(|n| five.count(n)).into();
        assert_eq!(
            published,
            [
                None,
                None,
                Some(5),
                Some(5),
                Some(10),
                Some(10),
                Some(15),
                Some(1235)
            ]
        );
        let ten = Disclosure::Protected { min_cell: 10 };
        assert_eq!(
            (ten.count(9), ten.count(14), ten.count(15)),
            (None, Some(10), Some(20))
        );
        assert_eq!(Disclosure::Exact.count(3), Some(3));
    }

    /// The row the issue names: a total and its parts, one part withheld. With the total
    /// alone rounded, 25 − 19 gives the withheld 4 away; with every count rounded, at least
    /// three values stay possible whatever the other part (just above the threshold, where
    /// a 5 stands for 5 to 7, a difference of 0 says the cell is at most 2).
    #[test]
    fn a_withheld_cell_cannot_be_worked_out_from_its_row() {
        let five = Disclosure::Protected { min_cell: 5 };
        assert_eq!(
            (five.count(19), five.count(4), five.count(23)),
            (Some(20), None, Some(25))
        );
        for other in 5..=300 {
            for withheld in 0..5 {
                let seen = (five.count(other), five.count(other + withheld));
                // Every withheld value an observer of `seen` cannot rule out.
                let possible: Vec<i64> = (0..5)
                    .filter(|w| {
                        (0..=other + 10).any(|o| (five.count(o), five.count(o + w)) == seen)
                    })
                    .collect();
                assert!(possible.len() >= 3, "{other} + {withheld}: {possible:?}");
            }
        }
        let seen = (five.count(5), five.count(5));
        let possible: Vec<i64> = (0..5)
            .filter(|w| (0..=20).any(|o| (five.count(o), five.count(o + w)) == seen))
            .collect();
        assert_eq!(possible, [0, 1, 2]);
    }

    #[test]
    fn exact_figures_for_readers_of_the_records_only() {
        let beni = TerritoryPath::from_stored("05/05.091/".into());
        let five = Disclosure::Protected { min_cell: 5 };
        let officer = reader(Role::Officer, "05/05.091/", None);
        assert_eq!(
            Disclosure::for_reader(&officer, &beni, 5),
            Disclosure::Exact
        );
        // An analyst, even national; an officer of the women only (most of these members
        // are not theirs to read); an officer reading a wider territory than theirs.
        for r in [
            reader(Role::Analyst, "", None),
            reader(Role::Officer, "05/", Some("women")),
        ] {
            assert_eq!(Disclosure::for_reader(&r, &beni, 5), five);
        }
        let region = TerritoryPath::from_stored("05/".into());
        assert_eq!(Disclosure::for_reader(&officer, &region, 5), five);
        // A threshold of 1 protects nothing.
        assert_eq!(
            Disclosure::for_reader(&reader(Role::Analyst, "", None), &beni, 1),
            Disclosure::Exact
        );
    }
}
