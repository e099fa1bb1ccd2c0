//! What a command answers when it does not do what it was asked.

use tanzim_domain::DomainError;
use tanzim_store::StoreError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// The policy refuses the action on a target the actor may see.
    #[error("forbidden")]
    Forbidden,
    /// No such record, or one the actor may not see (the two are not told apart).
    #[error("not found")]
    NotFound,
    /// The input breaks a rule; the error names the field.
    #[error("invalid: {0}")]
    Invalid(DomainError),
    /// Every rule the input breaks, each naming its field (a form shows them all).
    #[error("invalid: {0:?}")]
    Rules(Vec<DomainError>),
    /// The record's state forbids the change (already decided, taken, dissolved...).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("internal: {0}")]
    Internal(String),
}

impl Error {
    /// The first rule a validation found broken (a form shows them all; a command that
    /// stops at the first says that one).
    pub fn first(errors: Vec<DomainError>) -> Error {
        errors
            .into_iter()
            .next()
            .map(Error::Invalid)
            .unwrap_or(Error::Internal(
                "a validation failed without saying why".into(),
            ))
    }
}

impl From<DomainError> for Error {
    fn from(e: DomainError) -> Self {
        Error::Invalid(e)
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict(code) => Error::Conflict(code),
            other => Error::Internal(other.to_string()),
        }
    }
}
