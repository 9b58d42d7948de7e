//! The domain of the Privacy Incident Tracker: the model and its rules, the
//! SQLite store, and the queries every front end (desktop app, CLI) shares.
//! Nothing here knows about Tauri or the terminal.

pub mod countries;
pub mod csv_guard;
pub mod dates;
pub mod datetext;
pub mod error;
pub mod extract;
pub mod files;
mod keywords;
pub mod model;
pub mod money;
pub mod names;
pub mod numbers;
pub mod store;
pub mod sync;

pub use error::{Error, FieldPath, Message, Result};
pub use model::{EventInput, Incident, IncidentInput, SourceInput};
pub use store::list::{ListPage, ListQuery, SortKey};
pub use store::{default_db_path, Store};
