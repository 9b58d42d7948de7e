//! Opening the database file: classifying it before any write, one
//! connection-init path, numbered migrations under `PRAGMA user_version`,
//! backups and restores.

use super::Store;
use crate::error::{Error, Result};
use crate::store::seed;
use rusqlite::{Connection, OpenFlags, Transaction};
use std::path::{Path, PathBuf};

/// One schema step. SQL steps change tables; Rust steps load reference data
/// (the regulators) inside the same all-or-nothing transaction.
pub(crate) enum Migration {
    Sql(&'static str),
    Rust(fn(&Transaction) -> Result<()>),
}

/// Every migration, in order; migration N sets `user_version` to N.
/// Never edit a step that has shipped: add a new one.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration::Sql(include_str!("migrations/0001_schema.sql")),
    Migration::Rust(seed::seed_regulators),
    Migration::Sql(include_str!("migrations/0003_list_at_scale.sql")),
    Migration::Sql(include_str!("migrations/0004_application_id.sql")),
    Migration::Sql(include_str!("migrations/0005_registries.sql")),
    Migration::Rust(seed::seed_world_regulators),
    Migration::Sql(include_str!("migrations/0007_export_columns.sql")),
    Migration::Sql(include_str!("migrations/0008_regulator_index.sql")),
    Migration::Sql(include_str!("migrations/0009_sync.sql")),
    Migration::Sql(include_str!("migrations/0010_sync_ids.sql")),
    Migration::Rust(seed::seed_regulator_names),
    Migration::Rust(seed::seed_more_regulators),
    Migration::Rust(seed::seed_cjk_named_regulators),
    Migration::Rust(seed::seed_competition_regulators),
];

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Where the app and the CLI keep the database when none is named: the
/// platform data directory (`~/.local/share/privacy-incident-tracker/` on Linux).
pub fn default_db_path() -> Result<PathBuf> {
    let base = dirs::data_dir().ok_or_else(|| {
        Error::Io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no data directory is known for this user; pass --db PATH",
        ))
    })?;
    Ok(base.join("privacy-incident-tracker").join("incidents.db"))
}

/// Our SQLite `application_id` ("PITR"), written by migration 4: a file that
/// carries another one belongs to another program and is never touched.
pub const APPLICATION_ID: i32 = 0x5049_5452;

/// How [`Store::open_with`] treats a database file that does not exist yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenOptions {
    /// Create missing parent folders too (the default data folder, or a
    /// command that exists to create databases). Without it a path into a
    /// folder that does not exist is refused: it is most likely mistyped.
    pub create_folders: bool,
}

/// What a path holds before we open it for writing.
#[derive(Debug, PartialEq)]
enum FileState {
    /// No file: a new database is created.
    Missing,
    /// A 0-byte file or a database without tables: ours to fill.
    Empty,
    /// One of our databases (possibly from before `application_id`).
    Ours,
}

/// Why a file cannot be used as our database; each reason is its own
/// message, so that the window can say it in the analyst's language.
enum Unusable {
    NotAFile,
    NotADatabase,
    Foreign,
    Newer { version: i64, known: i64 },
    Failed(String),
}

impl<E: std::error::Error> From<E> for Unusable {
    fn from(e: E) -> Unusable {
        Unusable::Failed(e.to_string())
    }
}

/// Why the backup at `src` cannot be restored, if it cannot: unreadable,
/// damaged, not ours, or newer than this build.
fn check_backup(src: &Path) -> std::result::Result<Connection, crate::Message> {
    let path = src.display();
    let failed = |e: rusqlite::Error| {
        crate::msg!(
            "error.restore",
            "{path} cannot be restored: {detail}",
            path = src.display(),
            detail = e
        )
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let candidate = Connection::open_with_flags(src, flags).map_err(failed)?;
    let check: String = candidate
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(failed)?;
    if check != "ok" {
        return Err(crate::msg!(
            "error.restore_damaged",
            "{path} cannot be restored: it is damaged ({check})",
            path = path,
            check = check
        ));
    }
    let version: i64 = candidate
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(failed)?;
    let ours: bool = candidate
        .query_row(
            "SELECT count(*) = 3 FROM sqlite_master WHERE type = 'table' AND name IN ('incidents', 'events', 'regulators')",
            [],
            |r| r.get(0),
        )
        .map_err(failed)?;
    if !ours || version < 1 {
        return Err(crate::msg!(
            "error.restore_foreign",
            "{path} cannot be restored: it is not a Privacy Incident Tracker database",
            path = path
        ));
    }
    if version > schema_version() {
        return Err(crate::msg!(
            "error.restore_newer",
            "{path} cannot be restored: it was written by a newer version (schema {version})",
            path = path,
            version = version
        ));
    }
    Ok(candidate)
}

fn unavailable(path: &Path, why: impl Into<Unusable>) -> Error {
    let path = path.display();
    Error::Unavailable(match why.into() {
        Unusable::NotAFile => crate::msg!(
            "error.unusable_not_file",
            "{path} cannot be used: it is not a regular file; it was left untouched",
            path = path
        ),
        Unusable::NotADatabase => crate::msg!(
            "error.unusable_not_database",
            "{path} cannot be used: it is not a database; it was left untouched",
            path = path
        ),
        Unusable::Foreign => crate::msg!(
            "error.unusable_foreign",
            "{path} cannot be used: it is a database of another application, not a Privacy \
             Incident Tracker file; it was left untouched",
            path = path
        ),
        Unusable::Newer { version, known } => crate::msg!(
            "error.unusable_newer",
            "{path} cannot be used: it was written by a newer version of the app (schema \
             {version}; this build knows up to {known}); open it with a newer version; it was \
             left untouched",
            path = path,
            version = version,
            known = known
        ),
        Unusable::Failed(detail) => crate::msg!(
            "error.unavailable",
            "{path} cannot be used: {detail}; it was left untouched",
            path = path,
            detail = detail
        ),
    })
}

/// Looks at `path` without writing a byte: the file header first, then the
/// schema through a read-only connection.
fn inspect_file(path: &Path) -> Result<FileState> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(e) => return Err(unavailable(path, e)),
    };
    if !meta.is_file() {
        return Err(unavailable(path, Unusable::NotAFile));
    }
    if meta.len() == 0 {
        return Ok(FileState::Empty);
    }
    let mut header = [0u8; 100];
    let read = {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(|e| unavailable(path, e))?;
        f.read(&mut header).map_err(|e| unavailable(path, e))?
    };
    if read < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(unavailable(path, Unusable::NotADatabase));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| unavailable(path, e))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let probe = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| unavailable(path, e))
    };
    let application_id = probe("PRAGMA application_id")?;
    let version = probe("PRAGMA user_version")?;
    let tables = probe("SELECT count(*) FROM sqlite_master WHERE type = 'table'")?;
    let ours = probe(
        "SELECT count(*) = 3 FROM sqlite_master WHERE type = 'table' \
         AND name IN ('incidents', 'events', 'regulators')",
    )? == 1;
    if version > schema_version() && (application_id == APPLICATION_ID as i64 || ours) {
        let known = schema_version();
        return Err(unavailable(path, Unusable::Newer { version, known }));
    }
    match application_id {
        0 if tables == 0 && version == 0 => Ok(FileState::Empty),
        // Databases made before migration 4 carry no application_id yet.
        0 if ours && version >= 1 => Ok(FileState::Ours),
        id if id == APPLICATION_ID as i64 => Ok(FileState::Ours),
        _ => Err(unavailable(path, Unusable::Foreign)),
    }
}

impl Store {
    /// Opens the database at `path` and brings its schema up to date; a file
    /// that does not exist is created, in a folder that must exist.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with(path, OpenOptions::default())
    }

    /// Opens the database at `path`. The file is checked read-only first:
    /// another program's database, a file that is not a database, or one
    /// written by a newer version is refused before anything is written.
    pub fn open_with(path: impl AsRef<Path>, options: OpenOptions) -> Result<Store> {
        let path = path.as_ref();
        if path.as_os_str() == ":memory:" || path.to_string_lossy().starts_with("file:") {
            return Err(Error::invalid(
                "db",
                crate::msg!(
                    "error.db_not_file",
                    "'{path}' is not a file; name a database file to keep the data in",
                    path = path.display()
                ),
            ));
        }
        let state = inspect_file(path)?;
        if state == FileState::Missing {
            match path.parent().filter(|p| !p.as_os_str().is_empty()) {
                Some(parent) if !parent.is_dir() => {
                    if options.create_folders {
                        std::fs::create_dir_all(parent)?;
                    } else {
                        return Err(Error::Unavailable(crate::msg!(
                            "error.db_no_folder",
                            "{path} cannot be created: the folder {folder} does not exist",
                            path = path.display(),
                            folder = parent.display()
                        )));
                    }
                }
                _ => {}
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let mut store = Store::init(conn, Some(path.to_path_buf()))?;
        store.created = state != FileState::Ours;
        Ok(store)
    }

    /// A second connection on this store's file, for reading only: the window
    /// lists, searches and exports through it while the writer's long
    /// transaction (an import) runs, and sees the last committed data (WAL
    /// keeps readers and the one writer apart).
    pub fn open_reader(&self) -> Result<Store> {
        let path = self.path.clone().ok_or_else(|| {
            Error::Unavailable(crate::msg!(
                "error.reader_in_memory",
                "an in-memory database has no second connection"
            ))
        })?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags)?;
        conn.set_prepared_statement_cache_capacity(64);
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // A slip that writes through the reader fails instead of racing the writer.
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(Store {
            conn,
            path: Some(path),
            created: false,
            replaying: false,
        })
    }

    /// A private in-memory database, for tests and dry runs.
    pub fn open_in_memory() -> Result<Store> {
        #[allow(clippy::disallowed_methods)] // this is the sanctioned wrapper
        let conn = Connection::open_in_memory()?;
        Store::init(conn, None)
    }

    /// The file behind this store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        configure(&conn)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if let Some(p) = &path {
            // Years of work must survive a migration that goes wrong: copy the
            // file first, with SQLite's online backup, whenever one will run.
            if version > 0 && version < schema_version() {
                let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
                let copy = p.with_file_name(format!(
                    "{}.v{version}-{stamp}.bak",
                    p.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ));
                copy_database(&conn, &copy)?;
            }
        }
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            path,
            created: false,
            replaying: false,
        })
    }

    /// Whether this open made a new database (the file was missing or empty).
    pub fn created(&self) -> bool {
        self.created
    }

    /// Writes a consistent copy of the whole database to `dest` (SQLite's
    /// online backup: safe while the app is open). An existing file is replaced.
    /// The database itself is refused as `dest`, and an existing file there is
    /// replaced only once the copy is complete.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        crate::files::write_whole(dest, self.path(), |part| copy_database(&self.conn, part))
    }

    /// Replaces every incident with those of the backup at `src`, after
    /// checking it: it must be one of our databases, pass SQLite's integrity
    /// check and be no newer than this build. The data replaced is kept first
    /// in a copy beside the database file, whose path is returned.
    pub fn restore_from(&mut self, src: &Path) -> Result<Option<PathBuf>> {
        let candidate = check_backup(src).map_err(|message| Error::invalid("file", message))?;
        let kept = match &self.path {
            Some(p) => {
                let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
                let copy = p.with_file_name(format!(
                    "{}.before-restore-{stamp}.bak",
                    p.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ));
                copy_database(&self.conn, &copy)?;
                Some(copy)
            }
            None => None,
        };
        {
            let backup = rusqlite::backup::Backup::new(&candidate, &mut self.conn)?;
            backup.run_to_completion(1024, std::time::Duration::ZERO, None)?;
        }
        configure(&self.conn)?;
        migrate(&mut self.conn)?;
        Ok(kept)
    }
}

fn copy_database(from: &Connection, dest: &Path) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut out = Connection::open_with_flags(dest, flags)?;
    let backup = rusqlite::backup::Backup::new(from, &mut out)?;
    backup.run_to_completion(1024, std::time::Duration::ZERO, None)?;
    Ok(())
}

/// The settings every connection gets, each for a reason.
fn configure(conn: &Connection) -> Result<()> {
    // The writer, the look-ups and the list reuse a few dozen statements.
    conn.set_prepared_statement_cache_capacity(64);
    // Wait instead of failing when the app and the CLI write at the same moment.
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Reading the schema first makes a file that is not a database fail here,
    // before any pragma below could try to write to it.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    // SQLite leaves foreign keys off unless asked, per connection.
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // WAL lets the list read while a save writes, and survives a crash mid-write.
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    debug_assert!(mode == "wal" || mode == "memory", "journal mode {mode}");
    // With WAL, NORMAL loses at most the last commits on power loss, never integrity.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Applies every pending migration, each in its own transaction together with
/// the `user_version` bump, so a failing step leaves the previous version intact.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_with(conn, MIGRATIONS)
}

pub(crate) fn migrate_with(conn: &mut Connection, steps: &[Migration]) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = steps.len() as i64;
    if current > known {
        return Err(Error::Unavailable(crate::msg!(
            "error.schema_newer",
            "this database has schema version {current}, but this build of the app only \
             knows up to {known}; open it with a newer version",
            current = current,
            known = known
        )));
    }
    for (index, step) in steps.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction()?;
        match step {
            #[allow(clippy::disallowed_methods)] // migrations are the one place for batches
            Migration::Sql(sql) => tx.execute_batch(sql)?,
            Migration::Rust(f) => f(&tx)?,
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    if current > 0 && current < known {
        // A migration may have rebuilt columns and indexes the planner's
        // statistics describe: refresh them (sampled, so it stays quick).
        conn.pragma_update(None, "analysis_limit", 1000)?;
        conn.execute("ANALYZE", [])?;
    }
    Ok(())
}

/// Current time as stored in `created_at`, `updated_at` and history rows.
pub(crate) fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_of(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// The reader sees what the writer committed, not what it has under way,
    /// never waits for it, and cannot write.
    #[test]
    fn the_reader_reads_committed_data_beside_a_running_write() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Store::open(dir.path().join("r.db")).unwrap();
        writer.load_sample_data("t").unwrap();
        let reader = writer.open_reader().unwrap();
        let count = |s: &Store| -> i64 {
            s.conn
                .query_row("SELECT count(*) FROM incidents", [], |r| r.get(0))
                .unwrap()
        };
        let before = count(&reader);
        let tx = writer.conn.transaction().unwrap();
        tx.execute("DELETE FROM history", []).unwrap();
        tx.execute("UPDATE incidents SET title = 'x'", []).unwrap();
        // The write is under way: the reader answers at once, with the old data.
        assert_eq!(count(&reader), before);
        let renamed = || -> i64 {
            reader
                .conn
                .query_row(
                    "SELECT count(*) FROM incidents WHERE title = 'x'",
                    [],
                    |r| r.get(0),
                )
                .unwrap()
        };
        assert_eq!(renamed(), 0);
        tx.commit().unwrap();
        assert_eq!(renamed(), before);
        let refused = reader.conn.execute("DELETE FROM incidents", []);
        assert!(refused.is_err(), "the reader wrote");
        assert!(Store::open_in_memory().unwrap().open_reader().is_err());
    }

    #[test]
    fn new_database_is_at_the_latest_version_with_pragmas_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("a.db")).unwrap();
        let c = store.conn();
        let v: i64 = c
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema_version());
        let fk: i64 = c
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let mode: String = c
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn reopening_applies_nothing_and_keeps_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let before = schema_of(Store::open(&path).unwrap().conn());
        let store = Store::open(&path).unwrap();
        assert_eq!(schema_of(store.conn()), before);
        let regulators: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM regulators", [], |r| r.get(0))
            .unwrap();
        assert!(regulators >= 30, "seeded once, not twice: {regulators}");
        let dupes: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM (SELECT name FROM regulators GROUP BY name, country HAVING count(*) > 1)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(dupes, 0);
    }

    #[test]
    fn a_failing_migration_leaves_nothing_behind() {
        let mut store = Store::open_in_memory().unwrap();
        let steps_ok = MIGRATIONS.len();
        let mut steps: Vec<Migration> = MIGRATIONS
            .iter()
            .map(|m| match m {
                Migration::Sql(s) => Migration::Sql(s),
                Migration::Rust(f) => Migration::Rust(*f),
            })
            .collect();
        steps.push(Migration::Sql(
            "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);",
        ));
        let before = schema_of(store.conn());
        assert!(migrate_with(&mut store.conn, &steps).is_err());
        assert_eq!(
            schema_of(store.conn()),
            before,
            "the half-done table was rolled back"
        );
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, steps_ok as i64);
    }

    #[test]
    fn a_database_from_a_newer_build_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        {
            let store = Store::open(&path).unwrap();
            store
                .conn()
                .pragma_update(None, "user_version", schema_version() + 5)
                .unwrap();
        }
        let err = Store::open(&path).unwrap_err();
        assert_eq!(err.kind(), "unavailable");
        assert!(err.to_string().contains("newer version"), "{err}");
    }

    fn count(store: &Store) -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM incidents", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_backup_restores_and_a_bad_file_is_refused_before_anything_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("live.db")).unwrap();
        store.load_sample_data("t").unwrap();
        let copy = dir.path().join("copy.db");
        store.backup_to(&copy).unwrap();
        store.conn().execute("DELETE FROM history", []).unwrap();
        store
            .conn()
            .execute("UPDATE incidents SET title = 'changed'", [])
            .unwrap();

        let garbage = dir.path().join("garbage.db");
        std::fs::write(&garbage, b"not a database at all").unwrap();
        let err = store.restore_from(&garbage).unwrap_err();
        assert_eq!(err.field(), Some("file"));
        let titles: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM incidents WHERE title = 'changed'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(titles, 7, "the refused restore changed nothing");

        let kept = store
            .restore_from(&copy)
            .unwrap()
            .expect("a copy of the replaced data");
        assert_eq!(count(&store), 7);
        let changed: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM incidents WHERE title = 'changed'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(changed, 0, "the backup's titles are back");
        let before = Store::open(&kept).unwrap();
        let changed_before: i64 = before
            .conn()
            .query_row(
                "SELECT count(*) FROM incidents WHERE title = 'changed'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(changed_before, 7, "what was replaced is kept");
    }

    #[test]
    fn opening_an_older_database_backs_it_up_before_migrating() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            #[allow(clippy::disallowed_methods)] // building an old-version file by hand
            let mut conn = Connection::open(&path).unwrap();
            configure(&conn).unwrap();
            let first_two: Vec<Migration> = MIGRATIONS[..2]
                .iter()
                .map(|m| match m {
                    Migration::Sql(s) => Migration::Sql(s),
                    Migration::Rust(f) => Migration::Rust(*f),
                })
                .collect();
            migrate_with(&mut conn, &first_two).unwrap();
        }
        let store = Store::open(&path).unwrap();
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema_version());
        let backups: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with("old.db.v2-") && n.ends_with(".bak"))
            .collect();
        assert_eq!(backups.len(), 1, "{backups:?}");
        let old = dir.path().join(&backups[0]);
        #[allow(clippy::disallowed_methods)]
        let conn = Connection::open(&old).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 2, "the backup holds the database as it was");
        // A database at the current version is not copied again.
        drop(store);
        Store::open(&path).unwrap();
        let again = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".bak"))
            })
            .count();
        assert_eq!(again, 1);
    }

    /// A file built by the first `k` migrations, closed.
    fn database_at_version(path: &Path, k: usize) {
        #[allow(clippy::disallowed_methods)] // building an old-version file by hand
        let mut conn = Connection::open(path).unwrap();
        configure(&conn).unwrap();
        let steps: Vec<Migration> = MIGRATIONS[..k]
            .iter()
            .map(|m| match m {
                Migration::Sql(s) => Migration::Sql(s),
                Migration::Rust(f) => Migration::Rust(*f),
            })
            .collect();
        migrate_with(&mut conn, &steps).unwrap();
    }

    fn contents(conn: &Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        stmt.query_map([], |r| {
            Ok((0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    /// Every earlier version, migrated, ends with the schema and reference
    /// data of a new database: no migration depends on where it starts.
    #[test]
    fn every_earlier_version_migrates_to_the_same_database() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = Store::open(dir.path().join("fresh.db")).unwrap();
        let regulators = "SELECT * FROM regulators ORDER BY id";
        let aliases = "SELECT * FROM regulator_aliases ORDER BY regulator_id, alias";
        for k in 0..MIGRATIONS.len() {
            let path = dir.path().join(format!("v{k}.db"));
            database_at_version(&path, k);
            let store = Store::open(&path).unwrap();
            assert_eq!(
                schema_of(store.conn()),
                schema_of(fresh.conn()),
                "from version {k}"
            );
            assert_eq!(
                contents(store.conn(), regulators),
                contents(fresh.conn(), regulators),
                "from {k}"
            );
            assert_eq!(
                contents(store.conn(), aliases),
                contents(fresh.conn(), aliases),
                "from {k}"
            );
        }
    }

    /// The whole schema, checked in: a change to it shows in review and needs
    /// a new migration (a shipped one is never edited).
    #[test]
    fn the_schema_matches_its_snapshot() {
        let store = Store::open_in_memory().unwrap();
        let now = schema_of(store.conn()).join(";\n") + ";\n";
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations/schema.sql");
        if std::env::var_os("UPDATE_SCHEMA_SNAPSHOT").is_some() {
            std::fs::write(&file, &now).unwrap();
        }
        let snapshot = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            snapshot == now,
            "the schema changed: add a migration, then run the tests once with \
             UPDATE_SCHEMA_SNAPSHOT=1 and commit src/store/migrations/schema.sql"
        );
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "these are my notes, not a database\n".repeat(200)).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert_eq!(err.kind(), "unavailable");
        assert!(err.to_string().contains("not a database"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn files_are_classified_before_any_write() {
        let dir = tempfile::tempdir().unwrap();
        // Another program's database: refused, not a byte changed.
        let theirs = dir.path().join("theirs.db");
        {
            #[allow(clippy::disallowed_methods)] // building a foreign file by hand
            let conn = Connection::open(&theirs).unwrap();
            conn.execute_batch("CREATE TABLE users (id INTEGER PRIMARY KEY);")
                .unwrap();
        }
        let before = std::fs::read(&theirs).unwrap();
        let err = Store::open(&theirs).unwrap_err();
        assert_eq!(err.kind(), "unavailable");
        assert!(err.to_string().contains("another application"), "{err}");
        assert_eq!(std::fs::read(&theirs).unwrap(), before);
        // A 0-byte file is ours to fill, and is marked as ours.
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        let store = Store::open(&empty).unwrap();
        assert!(store.created());
        let id: i64 = store
            .conn()
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID as i64);
        drop(store);
        assert!(!Store::open(&empty).unwrap().created());
        // A path into a folder that does not exist creates nothing.
        let typo = dir.path().join("nope").join("x.db");
        assert_eq!(Store::open(&typo).unwrap_err().kind(), "unavailable");
        assert!(!dir.path().join("nope").exists());
        let made = Store::open_with(
            &typo,
            OpenOptions {
                create_folders: true,
            },
        )
        .unwrap();
        assert!(made.created());
    }
}
