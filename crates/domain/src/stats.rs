//! Membership statistics from counter cells (status × sex × birth year): totals, the share
//! of women and of members under 35, age bands. Pure arithmetic, tested here.

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

    /// A share of the active members, in per cent with one decimal (None when none).
    pub fn share(&self, part: i64) -> Option<f64> {
        (self.active > 0).then(|| (part as f64 * 1000.0 / self.active as f64).round() / 10.0)
    }

    /// Active members per 1,000 adult inhabitants.
    pub fn per_thousand_adults(&self, adults: Option<i64>) -> Option<f64> {
        adults
            .filter(|a| *a > 0)
            .map(|a| (self.active as f64 * 10_000.0 / a as f64).round() / 10.0)
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
        assert_eq!(s.share(s.active_women), Some(75.0));
        assert_eq!(
            s.by_status.iter().find(|(k, _)| k == "lapsed").map(|x| x.1),
            Some(2)
        );
        assert_eq!(
            s.by_age.iter().find(|(k, _)| k == "25-34").map(|x| x.1),
            Some(3)
        );
        assert_eq!(s.per_thousand_adults(Some(2000)), Some(2.0));
        assert_eq!(Summary::default().share(1), None);
    }
}
