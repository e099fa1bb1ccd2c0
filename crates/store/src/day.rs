//! A calendar day as the database keeps it (`YYYY-MM-DD` text on both engines, so that the
//! two sort and compare alike), decoded into a date when its row is read: a malformed
//! stored day is an error naming its column, never a string that a page shows as it is.

use chrono::NaiveDate;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Encode, Postgres, Sqlite, Type};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

const FORMAT: &str = "%Y-%m-%d";

impl Day {
    pub fn date(self) -> NaiveDate {
        self.0
    }

    fn parse(s: &str) -> Result<Day, BoxDynError> {
        NaiveDate::parse_from_str(s, FORMAT)
            .map(Day)
            .map_err(|e| format!("stored day {s:?}: {e}").into())
    }
}

/// A day written as stored (`YYYY-MM-DD`), strictly.
impl std::str::FromStr for Day {
    type Err = BoxDynError;
    fn from_str(s: &str) -> Result<Day, BoxDynError> {
        Day::parse(s)
    }
}

impl std::ops::Deref for Day {
    type Target = NaiveDate;
    fn deref(&self) -> &NaiveDate {
        &self.0
    }
}

impl From<NaiveDate> for Day {
    fn from(d: NaiveDate) -> Day {
        Day(d)
    }
}

impl PartialEq<NaiveDate> for Day {
    fn eq(&self, other: &NaiveDate) -> bool {
        self.0 == *other
    }
}

impl PartialOrd<NaiveDate> for Day {
    fn partial_cmp(&self, other: &NaiveDate) -> Option<std::cmp::Ordering> {
        self.0.partial_cmp(other)
    }
}

/// As stored: `YYYY-MM-DD`.
impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format(FORMAT))
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The same column on both engines: the text, then the date (written as the text).
macro_rules! day_column {
    ($engine:ty) => {
        impl Type<$engine> for Day {
            fn type_info() -> <$engine as Database>::TypeInfo {
                <String as Type<$engine>>::type_info()
            }
            fn compatible(ty: &<$engine as Database>::TypeInfo) -> bool {
                <String as Type<$engine>>::compatible(ty)
            }
        }

        impl<'r> Decode<'r, $engine> for Day {
            fn decode(value: <$engine as Database>::ValueRef<'r>) -> Result<Day, BoxDynError> {
                Day::parse(<&str as Decode<'r, $engine>>::decode(value)?)
            }
        }

        impl<'q> Encode<'q, $engine> for Day {
            fn encode_by_ref(
                &self,
                buf: &mut <$engine as Database>::ArgumentBuffer,
            ) -> Result<IsNull, BoxDynError> {
                <String as Encode<'q, $engine>>::encode(self.to_string(), buf)
            }
        }
    };
}
day_column!(Sqlite);
day_column!(Postgres);

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_day_is_read_strictly() {
        assert_eq!(
            Day::parse("2026-11-30").unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        for bad in ["30-11-2026", "2026-02-30", "2026-11-30 10:00", ""] {
            assert!(Day::parse(bad).is_err(), "{bad:?} was read as a day");
        }
        let day = Day::parse("2026-01-05").unwrap();
        assert_eq!(day.to_string(), "2026-01-05");
        assert_eq!(serde_json::to_string(&day).unwrap(), "\"2026-01-05\"");
    }
}
