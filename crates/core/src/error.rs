//! The one error type of the domain.
//!
//! Every variant is something an analyst can act on: a field to correct, a record
//! that is gone, an edit that raced with another one, or a storage/I/O failure to
//! report. It crosses the IPC boundary as `{ "kind", "field", "message",
//! "key", "args" }`: the English message for the CLI and logs, and a message
//! key with its named arguments so the window can say it in the analyst's
//! language (the templates live in `ui/i18n/*.json`, English ones equal to the
//! template given to [`msg!`] here; a test checks both).

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
    Validation { field: FieldPath, message: Message },

    /// The record asked for does not exist (or was deleted).
    #[error("{0}")]
    NotFound(Message),

    /// Someone else changed the record since it was read.
    #[error("{0}")]
    Conflict(Message),

    /// The database file cannot be used: not ours, not a database, written by a
    /// newer version, or in a place that does not exist. Nothing was changed.
    #[error("{0}")]
    Unavailable(Message),

    /// The person stopped a long operation; nothing of it was written.
    #[error("{0}")]
    Cancelled(Message),

    /// The database refused or failed.
    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),

    /// A file could not be read or written.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

/// JSON that our own code wrote and cannot read back (a damaged sync base):
/// reported like a damaged file.
impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Io(e.into())
    }
}

impl Error {
    /// Shorthand for a validation error on `field`.
    pub fn invalid(field: impl Into<FieldPath>, message: Message) -> Self {
        Error::Validation {
            field: field.into(),
            message,
        }
    }

    /// Places the field inside item `index` of the list `list`: `date` of
    /// event 2 becomes `events[2].date`.
    pub fn within_item(self, list: &str, index: usize) -> Self {
        match self {
            Error::Validation { field, message } => Error::Validation {
                field: field.inside(list, Some(index)),
                message,
            },
            other => other,
        }
    }

    /// Places the field inside the object `name`: `records_affected` becomes
    /// `draft.records_affected`.
    pub fn within(self, name: &str) -> Self {
        match self {
            Error::Validation { field, message } => Error::Validation {
                field: field.inside(name, None),
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
            Error::Cancelled(_) => "cancelled",
            Error::Storage(_) => "storage",
            Error::Io(_) => "io",
        }
    }

    /// The field a validation error is about, if any, as text (`events[2].date`).
    pub fn field(&self) -> Option<&str> {
        self.path().map(FieldPath::as_str)
    }

    /// The field a validation error is about, as its path.
    pub fn path(&self) -> Option<&FieldPath> {
        match self {
            Error::Validation { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The human message without the field prefix.
    pub fn message(&self) -> String {
        match self {
            Error::Validation { message, .. } => message.text.clone(),
            other => other.to_string(),
        }
    }

    /// The message of this error, keyed for translation, without its field.
    pub fn into_message(self) -> Message {
        match self {
            Error::Validation { message, .. }
            | Error::NotFound(message)
            | Error::Conflict(message)
            | Error::Unavailable(message)
            | Error::Cancelled(message) => message,
            other => {
                let (key, args) = other.keyed();
                Message {
                    key,
                    args,
                    text: other.to_string(),
                }
            }
        }
    }

    /// The message key and its arguments; errors of the engine or the file
    /// system carry their own English text as the one argument.
    fn keyed(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Error::Validation { message, .. }
            | Error::NotFound(message)
            | Error::Conflict(message)
            | Error::Unavailable(message)
            | Error::Cancelled(message) => (message.key, message.args.clone()),
            Error::Storage(e) => ("error.storage", vec![("detail", e.to_string())]),
            Error::Io(e) => ("error.io", vec![("detail", e.to_string())]),
        }
    }
}

/// A message for a person: its English text, and the key and named
/// arguments the window translates it from. Made with [`msg!`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub text: String,
}

/// Named values as a JSON object, `{ "max": "2000" }`.
fn args_object(args: &[(&'static str, String)]) -> serde_json::Map<String, serde_json::Value> {
    args.iter()
        .map(|(name, value)| (name.to_string(), serde_json::Value::String(value.clone())))
        .collect()
}

impl Serialize for Message {
    /// `{ "message", "key", "args" }`, the same names an error uses, so that
    /// the window shows both the same way (a row error flattens it in).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("message", &self.text)?;
        map.serialize_entry("key", self.key)?;
        map.serialize_entry("args", &args_object(&self.args))?;
        map.end()
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// `msg!("error.too_long", "is longer than {max} characters", max = 2000)`:
/// a [`Message`] whose English text is the template filled in, keeping the
/// key and each named argument (as text) for translation. The template uses
/// only the names given, so the same template works in `ui/i18n/en.json`.
#[macro_export]
macro_rules! msg {
    ($key:literal, $template:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        // `name = name` is the common case; the binding is still needed so
        // that each value is evaluated once.
        $(#[allow(clippy::redundant_locals)] let $name = $value;)*
        $crate::error::Message {
            key: $key,
            text: format!($template),
            args: vec![$((stringify!($name), $name.to_string())),*],
        }
    }};
}

/// One step of a [`FieldPath`]: a named field, or an item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Name(String),
    Index(usize),
}

/// Where a value sits in an input, built where the error is raised: the
/// steps `events`, `[3]`, `date`, shown as `events[3].date`. The text is kept
/// beside the steps so that it is never parsed back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath {
    steps: Vec<Step>,
    text: String,
}

impl FieldPath {
    /// A path of steps in order.
    pub fn from_steps(steps: Vec<Step>) -> FieldPath {
        let mut text = String::new();
        for step in &steps {
            match step {
                Step::Name(name) if text.is_empty() => text.push_str(name),
                Step::Name(name) => {
                    text.push('.');
                    text.push_str(name);
                }
                Step::Index(i) => text.push_str(&format!("[{i}]")),
            }
        }
        FieldPath { steps, text }
    }

    /// This path inside `name` (and item `index` of it, for a list).
    pub fn inside(self, name: &str, index: Option<usize>) -> FieldPath {
        let mut steps = vec![Step::Name(name.to_string())];
        steps.extend(index.map(Step::Index));
        steps.extend(self.steps);
        FieldPath::from_steps(steps)
    }

    /// The path as people read it: `events[3].date`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The item of the list `list` the path starts in: 3 for
    /// `events[3].date` and `list` = "events".
    pub fn item_of(&self, list: &str) -> Option<usize> {
        match self.steps.as_slice() {
            [Step::Name(name), Step::Index(i), ..] if name == list => Some(*i),
            _ => None,
        }
    }

    /// The last named step: `date` of `events[3].date`.
    pub fn leaf(&self) -> Option<&str> {
        self.steps.iter().rev().find_map(|s| match s {
            Step::Name(name) => Some(name.as_str()),
            Step::Index(_) => None,
        })
    }
}

impl From<&str> for FieldPath {
    /// One named field; the text is taken as a name, never parsed.
    fn from(name: &str) -> FieldPath {
        FieldPath::from_steps(vec![Step::Name(name.to_string())])
    }
}

impl From<String> for FieldPath {
    fn from(name: String) -> FieldPath {
        FieldPath::from(name.as_str())
    }
}

impl From<&String> for FieldPath {
    fn from(name: &String) -> FieldPath {
        FieldPath::from(name.as_str())
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (key, args) = self.keyed();
        let mut s = serializer.serialize_struct("Error", 5)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("field", &self.field())?;
        s.serialize_field("message", &self.message())?;
        s.serialize_field("key", key)?;
        s.serialize_field("args", &args_object(&args))?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_error_serialises_with_field() {
        let e = Error::invalid(
            "records_affected",
            crate::msg!(
                "error.too_long",
                "is longer than {max} characters",
                max = 80
            ),
        )
        .within("draft");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({
                "kind": "validation",
                "field": "draft.records_affected",
                "message": "is longer than 80 characters",
                "key": "error.too_long",
                "args": { "max": "80" }
            })
        );
    }

    #[test]
    fn a_path_is_built_from_steps_and_read_without_parsing() {
        let e = Error::invalid(
            "date",
            crate::msg!("error.date", "'{text}' is not a date", text = "x"),
        )
        .within_item("events", 3);
        let path = e.path().unwrap();
        assert_eq!(path.as_str(), "events[3].date");
        assert_eq!(path.item_of("events"), Some(3));
        assert_eq!(path.item_of("sources"), None);
        assert_eq!(path.leaf(), Some("date"));
        // A name is never split: brackets in it stay part of the name.
        let odd = FieldPath::from("events[9].x");
        assert_eq!(odd.item_of("events"), None);
        assert_eq!(odd.leaf(), Some("events[9].x"));
    }

    #[test]
    fn not_found_serialises_with_null_field() {
        let e = Error::NotFound(crate::msg!(
            "error.no_regulator",
            "regulator {id} not found",
            id = 7
        ));
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"kind":"not_found","field":null,"message":"regulator 7 not found","key":"error.no_regulator","args":{"id":"7"}}"#
        );
    }
}
