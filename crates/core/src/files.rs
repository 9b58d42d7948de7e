//! Files written for the analyst (exports, backups, rejected rows): never over
//! the database in use, and always whole or not at all.
//!
//! Each file is written to a temporary file in the target's folder and renamed
//! over the target only once complete, so a full disk or a crash part-way
//! leaves the file that was there before untouched.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The files SQLite keeps beside a database.
const DATABASE_SUFFIXES: &[&str] = &["", "-wal", "-shm", "-journal"];

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// The folder and file name of `path`, with the folder made absolute and its
/// links resolved, so that two spellings of one place compare equal.
fn resolved_place(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

/// Where a file for `target` may be written, refusing the database `db` (or
/// its `-wal`/`-shm`/`-journal` files), also when reached through a link or
/// another spelling of its path. Returns the real path to write.
pub fn check_target(target: &Path, db: Option<&Path>) -> Result<PathBuf> {
    if target.as_os_str().is_empty() {
        return Err(Error::invalid(
            "file",
            crate::msg!("error.no_target", "choose a file to write to first"),
        ));
    }
    let refuse = || {
        Error::invalid(
            "file",
            crate::msg!(
                "error.target_is_db",
                "{path} is the database in use; choose another file name",
                path = target.display()
            ),
        )
    };
    // Writing through a link replaces what it points to, never the link.
    let real = match std::fs::canonicalize(target) {
        Ok(p) => p,
        Err(_) => resolved_place(target).ok_or_else(|| {
            Error::invalid(
                "file",
                crate::msg!(
                    "error.target_no_folder",
                    "{path} cannot be written: its folder does not exist",
                    path = target.display()
                ),
            )
        })?,
    };
    if real.is_dir() {
        return Err(Error::invalid(
            "file",
            crate::msg!(
                "error.target_is_folder",
                "{path} is a folder; choose a file name",
                path = target.display()
            ),
        ));
    }
    let Some(db) = db else { return Ok(real) };
    let target_meta = std::fs::metadata(&real).ok();
    for suffix in DATABASE_SUFFIXES {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let companion = PathBuf::from(name);
        if let (Some(t), Ok(d)) = (&target_meta, std::fs::metadata(&companion)) {
            if same_file(t, &d) {
                return Err(refuse());
            }
        }
        if resolved_place(&companion).is_some_and(|c| c == real) {
            return Err(refuse());
        }
    }
    Ok(real)
}

/// Writes `target` through `write`, which receives the path of a temporary
/// file in the same folder; the temporary file replaces the target only when
/// `write` succeeded and the data reached the disk. On any error the target
/// is as it was and the temporary file is removed.
pub fn write_whole<T>(
    target: &Path,
    db: Option<&Path>,
    write: impl FnOnce(&Path) -> Result<T>,
) -> Result<T> {
    let real = check_target(target, db)?;
    let folder = real.parent().unwrap_or(Path::new("."));
    let part = tempfile::Builder::new()
        .prefix(".incidents-")
        .suffix(".part")
        .tempfile_in(folder)?;
    let value = write(part.path())?;
    std::fs::File::open(part.path())?.sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Keep the permissions of a file we replace; a new one is readable by
        // others like any file the analyst saves (the temp file starts at 0600).
        let mode = std::fs::metadata(&real)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        std::fs::set_permissions(part.path(), std::fs::Permissions::from_mode(mode))?;
    }
    part.persist(&real).map_err(|e| Error::Io(e.error))?;
    Ok(value)
}

/// Opens the temporary file given to a [`write_whole`] callback for writing.
pub fn create(part: &Path) -> Result<std::fs::File> {
    Ok(std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(part)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_and_its_companions_are_refused_by_any_path() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("live.db");
        std::fs::write(&db, b"x").unwrap();
        std::fs::write(dir.path().join("live.db-wal"), b"w").unwrap();
        let link = dir.path().join("link.db");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        for target in [
            db.clone(),
            link,
            dir.path().join("live.db-wal"),
            dir.path().join("live.db-shm"),
            dir.path().join(".").join("live.db"),
        ] {
            let err = check_target(&target, Some(&db)).unwrap_err();
            assert_eq!(err.field(), Some("file"), "{}", target.display());
            assert!(err.to_string().contains("database in use"), "{err}");
        }
        assert!(check_target(&dir.path().join("report.csv"), Some(&db)).is_ok());
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.csv");
        std::fs::write(&target, b"the old report").unwrap();
        let err = write_whole(&target, None, |part| {
            use std::io::Write;
            create(part)?.write_all(b"half of the new rep")?;
            Err::<(), _>(Error::Io(std::io::Error::other("disk full")))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"));
        assert_eq!(std::fs::read(&target).unwrap(), b"the old report");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "the part file is gone");
        write_whole(&target, None, |part| {
            use std::io::Write;
            Ok(create(part)?.write_all(b"new")?)
        })
        .unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }
}
