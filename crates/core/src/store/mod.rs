//! The SQLite store. [`Store`] is a small handle on one connection; each file
//! below is the only home of the SQL of its concept, and every method of
//! `Store` lives in exactly one of them:
//!
//! | file | methods of `Store` | owns |
//! | --- | --- | --- |
//! | `mod.rs` | `with_tx` (crate only) | the handle itself: one connection, its path |
//! | `open.rs` | `open`, `open_with`, `open_in_memory`, `path`, `created`, `backup_to`, `restore_from` | classifying a file before any write, pragmas, numbered migrations (`migrations/`), backups |
//! | `incidents.rs` | `create_incident`, `update_incident`, `delete_incident`, `get_incident`, `history`, `load_sample_data`, `load_sample_data_on_first_start` | the one writer of incidents, events and sources and of every derived list column (`refresh_summary`); the import and the generator write through it |
//! | `kept.rs` | — | the kept columns of an incident (list and export columns), computed in Rust from its parts; written by `incidents.rs` |
//! | `lookup.rs` | `regulator_by_name` | the one name rule for regulators (exact, key, bracketed short form, country) and its errors |
//! | `registry.rs` | `regulators`, `regulator_entries`, `regulators_matching`, `regulator_id`, `add_regulator`, `edit_regulator`, `add_regulator_alias`, `merge_regulators`, `company_entries`, `company_names`, `company_suggestions`, `rename_company`, `add_company_alias`, `remove_company_alias`, `merge_companies`, `registry_history`, `extraction_context` | regulators and companies as data, and as the extractor's gazetteer |
//! | `list.rs` | `list_incidents`, `count_incidents`, `list_full` | list filters, keyset pages, full-text search |
//! | `stats.rs` | `stats`, `overview` | the Overview's numbers: incidents, people, money and time-to-fine by year, regulator, country, company or kind |
//! | `views.rs` | `company_id_by_name`, `company_timeline`, `regulator_view` | a company's history, a regulator's actions |
//! | `export.rs` | `export`, `export_table`, `export_image` | incidents CSV, events CSV, XLSX, a chart's numbers and image (all through [`crate::files`]) |
//! | `import/` | `inspect_import`, `import_csv` | reading another tracker's file into incidents: `mapping.rs` where columns go, `rules.rs` what an import decides |
//! | `generate.rs` | `generate`, `incident_rows`, `bench_probes`, `optimize` | realistic generated data, and the cases `incidents bench` measures |
//! | `seed.rs` | — | the frozen regulator tables of migrations 2 and 6, the sample incidents (`sample_incidents.json`) |
//!
//! Nothing outside this crate sees the connection.

pub mod export;
pub mod generate;
pub mod import;
pub mod incidents;
mod kept;
pub mod list;
pub mod lookup;
mod open;
pub mod registry;
pub mod seed;
pub mod stats;
pub mod views;

pub(crate) use open::now_text;
pub use open::{default_db_path, schema_version, OpenOptions, APPLICATION_ID};

use crate::error::Result;
use rusqlite::{Connection, Transaction};
use std::path::PathBuf;

/// The SQLite database of incidents, with the connection set up and migrated.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    created: bool,
    /// Set while a teammate's registry change is replayed (sync/registry.rs),
    /// so that it is not sent back as a change made here.
    pub(crate) replaying: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled back
    /// (nothing written) when it returns `Err`.
    pub(crate) fn with_tx<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        // IMMEDIATE takes the write lock up front: a read-then-write inside `f`
        // cannot fail half-way because another writer got in first.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs the reads of `f` on one snapshot of the data: a commit by another
    /// connection between two of its statements is not seen half (an incident
    /// whose events come from a later version, counts from two states).
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let value = f(self);
        // Only reads happened: ending the transaction either way writes nothing.
        tx.rollback()?;
        value
    }

    /// The connection, for the core's own modules beside the store (sync).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}
