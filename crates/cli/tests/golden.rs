//! The same output before and after a change of layout: every read command and
//! both CSV exports on the demo database and on a generated one, compared byte
//! for byte with files kept in `tests/fixtures/golden/` (wall-clock timestamps
//! masked). A change that means to alter output regenerates them with
//! `UPDATE_GOLDEN=1 cargo test -p incidents-cli --test golden` and says why.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;

use std::path::{Path, PathBuf};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/golden")
}

/// Replaces every `YYYY-MM-DDTHH:MM:SS(.fff)Z` with `TIMESTAMP`: the only
/// bytes that differ between two runs on the same data.
fn mask_timestamps(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if let Some(len) = timestamp_at(&b[i..]) {
            out.push_str("TIMESTAMP");
            i += len;
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn timestamp_at(b: &[u8]) -> Option<usize> {
    let shape = b"dddd-dd-ddTdd:dd:dd";
    if b.len() < shape.len() + 1 {
        return None;
    }
    let fits = shape.iter().zip(b).all(|(s, c)| match s {
        b'd' => c.is_ascii_digit(),
        other => other == c,
    });
    if !fits {
        return None;
    }
    let mut end = shape.len();
    if b[end] == b'.' {
        end += 1;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
    }
    (b.get(end) == Some(&b'Z')).then_some(end + 1)
}

fn run_text(db: &Path, args: &[&str]) -> String {
    let out = incidents(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    mask_timestamps(&String::from_utf8(out.stdout).unwrap())
}

fn export_text(db: &Path, format: &str, work: &Path) -> String {
    let file = work.join(format!("{format}.csv"));
    run_text(
        db,
        &[
            "export",
            "--format",
            format,
            "--out",
            file.to_str().unwrap(),
        ],
    );
    mask_timestamps(&std::fs::read_to_string(file).unwrap())
}

/// Every output of one database, by the name of its golden file.
fn outputs(db: &Path, prefix: &str, work: &Path) -> Vec<(String, String)> {
    let reads: [(&str, &[&str]); 5] = [
        ("list.txt", &["list"]),
        ("list.json", &["list", "--json"]),
        (
            "list-filtered.txt",
            &[
                "list",
                "--status",
                "sanctioned",
                "--sort",
                "records_affected",
            ],
        ),
        ("regulators.txt", &["regulators"]),
        ("companies.txt", &["companies", "list"]),
    ];
    let mut all: Vec<(String, String)> = reads
        .iter()
        .map(|(name, args)| (format!("{prefix}-{name}"), run_text(db, args)))
        .collect();
    all.push((
        format!("{prefix}-incidents.csv"),
        export_text(db, "csv", work),
    ));
    all.push((
        format!("{prefix}-events.csv"),
        export_text(db, "events-csv", work),
    ));
    all
}

fn demo_outputs(work: &Path) -> Vec<(String, String)> {
    let db = work.join("demo.db");
    run_text(&db, &["demo"]);
    let mut all = outputs(&db, "demo", work);
    let views: [(&str, &[&str]); 4] = [
        ("demo-show-1.json", &["show", "1"]),
        ("demo-timeline.txt", &["timeline", "--company", "Kakao Pay"]),
        ("demo-regulator.txt", &["regulator", "--name", "PIPC"]),
        ("demo-history-1.txt", &["history", "1"]),
    ];
    for (name, args) in views {
        all.push((name.to_string(), run_text(&db, args)));
    }
    all
}

fn generated_outputs(work: &Path) -> Vec<(String, String)> {
    let db = work.join("generated.db");
    run_text(&db, &["demo"]);
    run_text(&db, &["generate", "--incidents", "120", "--seed", "11"]);
    outputs(&db, "generated", work)
}

#[test]
fn read_commands_and_exports_match_the_golden_files() {
    let work = tempfile::tempdir().unwrap();
    let mut all = demo_outputs(work.path());
    all.extend(generated_outputs(work.path()));
    let dir = golden_dir();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &all {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    for (name, text) in &all {
        let want = std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("golden file {name}: {e}"));
        assert!(
            *text == want,
            "{name} differs from tests/fixtures/golden/{name}"
        );
    }
}

#[test]
fn masking_touches_only_timestamps() {
    assert_eq!(
        mask_timestamps("a,2026-11-29T01:27:50.639Z,2025-08-28,b 2024-01-01T00:00:00Z"),
        "a,TIMESTAMP,2025-08-28,b TIMESTAMP"
    );
    assert_eq!(
        mask_timestamps("2026-11-29T01:27:50"),
        "2026-11-29T01:27:50"
    );
    assert_eq!(mask_timestamps("서울 2026"), "서울 2026");
}
