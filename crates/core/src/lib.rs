//! The domain of the Privacy Incident Tracker: the model and its rules, the
//! SQLite store, and the queries every front end (desktop app, CLI) shares.
//! Nothing here knows about Tauri or the terminal.

pub mod countries;
pub mod csv_guard;
pub mod dates;
pub mod datetext;
pub mod db;
pub mod error;
pub mod export;
pub mod extract;
pub mod files;
pub mod generate;
pub mod import;
pub mod incidents;
pub mod lookup;
pub mod model;
pub mod money;
pub mod names;
pub mod numbers;
pub mod query;
pub mod registry;
pub mod seed;
pub mod timeline;

pub use db::{default_db_path, Store};
pub use error::{Error, Result};
pub use model::{EventInput, Incident, IncidentInput, SourceInput};
pub use query::{ListPage, ListQuery, SortKey};
