//! The one error type of the domain.
//!
//! Every variant is something an analyst can act on: a field to correct, a record
//! that is gone, an edit that raced with another one, or a storage/I/O failure to
//! report. It crosses the IPC boundary as `{ "kind", "field", "message" }`.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Result alias used throughout the core crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` is the path of the offending value,
    /// such as `records_affected` or `events[1].date`.
    #[error("{field}: {message}")]
    Validation { field: String, message: String },

    /// The record asked for does not exist (or was deleted).
    #[error("{0}")]
    NotFound(String),

    /// Someone else changed the record since it was read.
    #[error("{0}")]
    Conflict(String),

    /// The database file cannot be used: not ours, not a database, written by a
    /// newer version, or in a place that does not exist. Nothing was changed.
    #[error("{0}")]
    Unavailable(String),

    /// The database refused or failed.
    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),

    /// A file could not be read or written.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// Shorthand for a validation error on `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Prefixes the field path, e.g. `date` inside event 2 becomes `events[2].date`.
    pub fn within(self, prefix: &str) -> Self {
        match self {
            Error::Validation { field, message } => Error::Validation {
                field: format!("{prefix}.{field}"),
                message,
            },
            other => other,
        }
    }

    /// The machine-readable kind used by the UI to decide how to show the error.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Validation { .. } => "validation",
            Error::NotFound(_) => "not_found",
            Error::Conflict(_) => "conflict",
            Error::Unavailable(_) => "unavailable",
            Error::Storage(_) => "storage",
            Error::Io(_) => "io",
        }
    }

    /// The field a validation error is about, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The human message without the field prefix.
    pub fn message(&self) -> String {
        match self {
            Error::Validation { message, .. } => message.clone(),
            other => other.to_string(),
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Error", 3)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("field", &self.field())?;
        s.serialize_field("message", &self.message())?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_error_serialises_with_field() {
        let e = Error::invalid("records_affected", "must not be negative").within("draft");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({
                "kind": "validation",
                "field": "draft.records_affected",
                "message": "must not be negative"
            })
        );
    }

    #[test]
    fn not_found_serialises_with_null_field() {
        let e = Error::NotFound("incident 7 not found".into());
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"kind":"not_found","field":null,"message":"incident 7 not found"}"#
        );
    }
}
