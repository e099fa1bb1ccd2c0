use std::fmt;

/// The input field a validation error belongs to, so the UI can show it beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Username,
    DisplayName,
    Password,
    Role,
    Scope,
    Organization,
    Territory,
    BodyKind,
    BodyName,
    Parent,
    TokenName,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Username => "username",
            Field::DisplayName => "display_name",
            Field::Password => "password",
            Field::Role => "role",
            Field::Scope => "scope",
            Field::Organization => "organization",
            Field::Territory => "territory",
            Field::BodyKind => "kind",
            Field::BodyName => "name",
            Field::Parent => "parent",
            Field::TokenName => "token_name",
        }
    }
}

/// A rule of the domain that input broke. `code` is a stable key: the web layer turns it
/// into a localized message (`error-<code>` in the Fluent files) and the API returns it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DomainError {
    pub field: Option<Field>,
    pub code: &'static str,
}

impl DomainError {
    pub fn new(field: Field, code: &'static str) -> Self {
        DomainError {
            field: Some(field),
            code,
        }
    }
    pub fn general(code: &'static str) -> Self {
        DomainError { field: None, code }
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "{}: {}", field.as_str(), self.code),
            None => f.write_str(self.code),
        }
    }
}
