//! A person's sex, for the records and for the grammar of every generated text.

use crate::{DomainError, Field};
use serde::{Deserialize, Serialize};

/// Stored as `F` or `M`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    F,
    M,
}

impl Sex {
    /// As people type it on a form or in a roll: F or M in either case (H for homme), or the
    /// Arabic word.
    pub fn parse(input: &str) -> Result<Sex, DomainError> {
        match input.trim() {
            "F" | "f" | "أنثى" => Ok(Sex::F),
            "M" | "m" | "H" | "h" | "ذكر" => Ok(Sex::M),
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
            ("", None),
            ("X", None),
            ("female", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(Sex::parse(typed).ok(), expected, "{typed:?}");
        }
        assert_eq!(Sex::parse("?").map_err(|e| e.code), Err("sex-invalid"));
    }
}
