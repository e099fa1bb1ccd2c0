//! Values read back from the database: the store decodes each row into the domain's types and
//! refuses a value it does not know, rather than guess (a status or a sex is never defaulted).

/// A stored value the domain does not know.
#[derive(Debug, thiserror::Error)]
#[error("unknown stored {kind}: {value:?}")]
pub struct UnknownStored {
    pub kind: &'static str,
    pub value: String,
}

/// Decodes a stored text with `parse`, naming `kind` when it is not one the domain knows.
pub fn decode<T>(
    kind: &'static str,
    value: String,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, UnknownStored> {
    parse(&value).ok_or(UnknownStored { kind, value })
}

/// Declares an enum whose values are stored as fixed texts, each variant beside its text:
/// `ALL`, `as_str`, `parse`, `Display`, serde under the same texts, and the store's strict
/// decoding (`TryFrom<String>`, an unknown text being an error).
#[macro_export]
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident as $kind:literal {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::stored::UnknownStored;
            fn try_from(value: String) -> Result<$name, $crate::stored::UnknownStored> {
                $crate::stored::decode($kind, value, $name::parse)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::stored_enum! {
        /// A test enum.
        pub enum Light as "light" {
            Red = "red",
            Green = "green",
        }
    }

    #[test]
    fn a_stored_enum_reads_back_only_its_own_texts() {
        assert_eq!(Light::try_from("red".to_owned()).ok(), Some(Light::Red));
        assert_eq!(Light::Green.to_string(), "green");
        let err = Light::try_from("Red".to_owned())
            .err()
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("unknown stored light: \"Red\""));
        assert_eq!(Light::parse(" red"), None);
    }
}
