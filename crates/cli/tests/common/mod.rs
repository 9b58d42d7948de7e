//! Helpers the CLI test files share: run the built `incidents` binary, and read
//! a database with the independent `sqlite3` tool.

// Each test file uses some of these helpers, not all.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `incidents --db DB ARGS…`.
pub fn incidents(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_incidents"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run incidents")
}

/// The output of one statement run by the sqlite3 tool, trimmed.
pub fn sqlite(db: &Path, sql: &str) -> String {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .expect("the sqlite3 command-line tool is installed");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The whole database as SQL text, to compare before and after.
pub fn dump(db: &Path) -> String {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(".dump")
        .output()
        .expect("the sqlite3 command-line tool is installed");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}
