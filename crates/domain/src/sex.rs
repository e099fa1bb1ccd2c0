//! A person's sex, for the records and for the grammar of every generated text.

use crate::stored::{UnknownStored, decode};
use crate::{DomainError, Field};
use serde::{Deserialize, Serialize};

/// Stored as `F` or `M`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    F,
    M,
}

impl Sex {
    /// As people type it on a form or in a roll: F or M in either case (H for homme), the
    /// Arabic word with or without its hamza, or the French word.
    pub fn parse(input: &str) -> Result<Sex, DomainError> {
        match crate::names::fold(input.trim()).as_str() {
            "f" | "انثي" | "femme" | "feminin" => Ok(Sex::F),
            "m" | "h" | "ذكر" | "homme" | "masculin" => Ok(Sex::M),
            _ => Err(DomainError::new(Field::Sex, "sex-invalid")),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::F => "F",
            Sex::M => "M",
        }
    }
}

/// Stored values are exactly `F` or `M`: the lenient reading is for what people type.
impl TryFrom<String> for Sex {
    type Error = UnknownStored;
    fn try_from(value: String) -> Result<Sex, UnknownStored> {
        decode("sex", value, |s| match s {
            "F" => Some(Sex::F),
            "M" => Some(Sex::M),
            _ => None,
        })
    }
}

impl std::fmt::Display for Sex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Sex;

    #[test]
    fn sex_is_read_as_typed_and_never_guessed() {
        let cases = [
            ("F", Some(Sex::F)),
            ("f", Some(Sex::F)),
            (" أنثى ", Some(Sex::F)),
            ("M", Some(Sex::M)),
            ("h", Some(Sex::M)),
            ("ذكر", Some(Sex::M)),
            ("انثى", Some(Sex::F)),
            ("Femme", Some(Sex::F)),
            ("HOMME", Some(Sex::M)),
            ("", None),
            ("X", None),
            ("female", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(Sex::parse(typed).ok(), expected, "{typed:?}");
        }
        assert_eq!(Sex::parse("?").map_err(|e| e.code), Err("sex-invalid"));
    }

    #[test]
    fn a_stored_sex_is_exactly_f_or_m() {
        assert_eq!(Sex::try_from("F".to_owned()).ok(), Some(Sex::F));
        assert_eq!(Sex::try_from("M".to_owned()).ok(), Some(Sex::M));
        for stored in ["f", "H", "ذكر", "", "X"] {
            assert!(Sex::try_from(stored.to_owned()).is_err(), "{stored:?}");
        }
    }
}
