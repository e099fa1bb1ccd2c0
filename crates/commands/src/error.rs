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
    /// The record's state forbids the change (already decided, taken, dissolved...).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("internal: {0}")]
    Internal(String),
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
