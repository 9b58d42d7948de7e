//! Nothing lost: a killed import or save leaves a sound database holding all of
//! it or none of it, and files that are not our databases are refused without
//! a byte changed.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

mod common;
use common::*;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn count(db: &Path) -> i64 {
    sqlite(db, "SELECT count(*) FROM incidents")
        .parse()
        .unwrap()
}

/// A file's bytes, to compare before and after.
fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn an_import_killed_half_way_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.db");
    assert!(incidents(&source, &["generate", "--incidents", "20000"])
        .status
        .success());
    let file = dir.path().join("big.csv");
    assert!(incidents(
        &source,
        &["export", "--format", "csv", "--out", file.to_str().unwrap()]
    )
    .status
    .success());

    let mut outcomes = Vec::new();
    for delay_ms in [150, 400, 900] {
        let db = dir.path().join(format!("target-{delay_ms}.db"));
        assert!(incidents(&db, &["demo"]).status.success());
        let before = count(&db);
        let mut child = Command::new(env!("CARGO_BIN_EXE_incidents"))
            .arg("--db")
            .arg(&db)
            .args(["import", file.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        assert_eq!(sqlite(&db, "PRAGMA integrity_check"), "ok");
        let after = count(&db);
        assert!(
            after == before || after == before + 20000,
            "{delay_ms} ms: {before} → {after}"
        );
        outcomes.push((status.success(), after - before));
    }
    // At least one kill landed mid-import (else the test proves nothing).
    assert!(
        outcomes
            .iter()
            .any(|(finished, added)| !finished && *added == 0),
        "{outcomes:?}"
    );
}

#[test]
fn saves_killed_at_random_moments_leave_a_sound_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("saves.db");
    assert!(incidents(&db, &["demo"]).status.success());
    let json = r#"{"company": "Killed Co", "title": "Saved or not", "events": [
        {"kind": "fined", "date": "2024-01-02", "regulator": "FTC", "amount": 5, "currency": "USD"},
        {"kind": "disclosed", "date": "2024-01"}]}"#;
    for i in 0..25u64 {
        let before = count(&db);
        let mut child = Command::new(env!("CARGO_BIN_EXE_incidents"))
            .arg("--db")
            .arg(&db)
            .args(["add", "--json", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(json.as_bytes())
            .unwrap();
        std::thread::sleep(Duration::from_micros(i * 700));
        let _ = child.kill();
        child.wait().unwrap();
        assert_eq!(sqlite(&db, "PRAGMA integrity_check"), "ok");
        let after = count(&db);
        assert!(after == before || after == before + 1);
        // An incident is there with both its events, or not at all.
        assert_eq!(
            sqlite(&db, "SELECT count(*) FROM incidents i WHERE (SELECT count(*) FROM events e WHERE e.incident_id = i.id) NOT IN (0, 2) AND i.title = 'Saved or not'"),
            "0"
        );
    }
}

fn refused_untouched(path: &Path, needle: &str) {
    let before = bytes(path);
    let out = incidents(path, &["list", "--json"]);
    assert_eq!(out.status.code(), Some(2), "{}", path.display());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "{}: {err}", path.display());
    assert!(out.stdout.is_empty());
    assert_eq!(bytes(path), before, "{} was changed", path.display());
}

#[test]
fn hostile_database_files_are_refused_without_a_byte_changed() {
    let dir = tempfile::tempdir().unwrap();
    // Not SQLite at all.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "These are my notes.\n".repeat(500)).unwrap();
    refused_untouched(&text, "not a database");

    // A real database, truncated half-way.
    let good = dir.path().join("good.db");
    assert!(incidents(&good, &["generate", "--incidents", "500"])
        .status
        .success());
    sqlite(&good, "PRAGMA wal_checkpoint(TRUNCATE)");
    let full = bytes(&good);
    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &full[..full.len() / 2]).unwrap();
    refused_untouched(&truncated, "error");

    // Garbage written over the middle pages.
    let mut damaged = full.clone();
    let middle = damaged.len() / 2;
    for b in &mut damaged[middle..middle + 8192] {
        *b = 0xA5;
    }
    let corrupt = dir.path().join("corrupt.db");
    std::fs::write(&corrupt, &damaged).unwrap();
    let before = bytes(&corrupt);
    let out = incidents(&corrupt, &["list", "--json"]);
    // Opening may succeed (the damage is in data pages); reading must fail
    // cleanly and the file must stay as it was.
    if !out.status.success() {
        assert_eq!(out.status.code(), Some(2));
    }
    assert_eq!(bytes(&corrupt), before);

    // Written by a newer build.
    let newer = dir.path().join("newer.db");
    assert!(incidents(&newer, &["demo"]).status.success());
    sqlite(&newer, "PRAGMA user_version = 99");
    sqlite(&newer, "PRAGMA wal_checkpoint(TRUNCATE)");
    refused_untouched(&newer, "newer version");
}

#[test]
fn a_database_locked_by_another_writer_waits_then_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("locked.db");
    assert!(incidents(&db, &["demo"]).status.success());
    // Another program holds the write lock for longer than we wait (5 s).
    let mut holder = Command::new("sqlite3")
        .arg(&db)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    let stdin = holder.stdin.as_mut().unwrap();
    stdin
        .write_all(b"BEGIN EXCLUSIVE;\nUPDATE incidents SET title = title;\n.shell sleep 9\n")
        .unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let json = dir.path().join("one.json");
    std::fs::write(&json, r#"{"company": "Waiting Co", "title": "Blocked"}"#).unwrap();
    let blocked = incidents(&db, &["add", "--json", json.to_str().unwrap()]);
    assert_eq!(blocked.status.code(), Some(2));
    let err = String::from_utf8_lossy(&blocked.stderr);
    assert!(err.contains("locked") || err.contains("busy"), "{err}");
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert_eq!(
        sqlite(
            &db,
            "SELECT count(*) FROM incidents WHERE title = 'Blocked'"
        ),
        "0"
    );
    // Once the other writer is gone, the same save goes through.
    assert!(incidents(&db, &["add", "--json", json.to_str().unwrap()])
        .status
        .success());
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    assert!(incidents(&db, &["demo"]).status.success());
    let copy = dir.path().join("copy.db");
    assert!(incidents(&db, &["backup", "--out", copy.to_str().unwrap()])
        .status
        .success());
    assert_eq!(sqlite(&copy, "PRAGMA integrity_check"), "ok");
    assert_eq!(count(&copy), 7);
    sqlite(&db, "DELETE FROM incident_sources; DELETE FROM history; DELETE FROM events; DELETE FROM incidents_fts; DELETE FROM incidents;");
    assert_eq!(count(&db), 0);
    let garbage = dir.path().join("garbage.bin");
    std::fs::write(&garbage, [0u8, 1, 2, 3]).unwrap();
    let out = incidents(&db, &["restore", garbage.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(count(&db), 0, "a refused restore changes nothing");
    let out = incidents(&db, &["restore", copy.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("kept in"));
    assert_eq!(count(&db), 7);
}

#[test]
fn a_read_only_database_is_refused_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = dir.path().join("readonly.db");
    assert!(incidents(&db, &["demo"]).status.success());
    sqlite(&db, "PRAGMA wal_checkpoint(TRUNCATE)");
    for side in ["readonly.db-wal", "readonly.db-shm"] {
        let _ = std::fs::remove_file(dir.path().join(side));
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = bytes(&db);
    // Root may write anything, so as root the CLI runs as an ordinary user.
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let binary = env!("CARGO_BIN_EXE_incidents");
    let mut cmd = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--", binary]);
        c
    } else {
        Command::new(binary)
    };
    let json = dir.path().join("one.json");
    std::fs::write(
        &json,
        r#"{"company": "Read Only Co", "title": "Never written"}"#,
    )
    .unwrap();
    std::fs::set_permissions(&json, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = cmd
        .arg("--db")
        .arg(&db)
        .args(["add", "--json", json.to_str().unwrap()])
        .output()
        .expect("run incidents");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("readonly") || err.contains("read-only") || err.contains("unable to open"),
        "{err}"
    );
    assert_eq!(bytes(&db), before, "the file is unchanged");
}
