//! `export` and `import` from the command line, with the files read back by
//! independent readers (Python's csv module and openpyxl).

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

fn reader_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/readers/check_exports.py")
}

#[test]
fn python_csv_and_openpyxl_agree_with_list_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    ok(incidents(&db, &["demo"]));
    let hostile = dir.path().join("hostile.json");
    std::fs::write(
        &hostile,
        r#"{"company": "=HYPERLINK(\"http://x\",\"y\")", "title": "@SUM(1+1)",
            "summary": "-1 starts here", "users_affected": 12,
            "events": [{"kind": "fined", "date": "2024-03", "regulator": "KCC",
                        "amount": "1500000", "currency": "KRW", "note": "+note"}],
            "sources": [{"url": "https://example.org/x"}]}"#,
    )
    .unwrap();
    ok(incidents(
        &db,
        &["add", "--json", hostile.to_str().unwrap()],
    ));
    let list = dir.path().join("list.json");
    std::fs::write(&list, ok(incidents(&db, &["list", "--json"]))).unwrap();
    let csv = dir.path().join("incidents.csv");
    let events = dir.path().join("events.csv");
    let xlsx = dir.path().join("report.xlsx");
    for (format, file) in [("csv", &csv), ("events-csv", &events), ("xlsx", &xlsx)] {
        let said = ok(incidents(
            &db,
            &[
                "export",
                "--format",
                format,
                "--out",
                file.to_str().unwrap(),
            ],
        ));
        assert!(said.starts_with("wrote 8 incidents"), "{said}");
    }
    let out = Command::new(python())
        .arg(reader_script())
        .args([&list, &csv, &events, &xlsx])
        .output()
        .expect("python3 runs (./dev test installs openpyxl)");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("8 incidents and 26 events agree"));
}

#[test]
fn export_takes_the_list_filters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    ok(incidents(&db, &["demo"]));
    let out = dir.path().join("kr.csv");
    let said = ok(incidents(
        &db,
        &[
            "export",
            "--format",
            "events-csv",
            "--out",
            out.to_str().unwrap(),
            "--regulator",
            "PIPC",
            "--from",
            "2025",
        ],
    ));
    assert!(said.starts_with("wrote 2 incidents"), "{said}");
    let said = ok(incidents(
        &db,
        &[
            "export",
            "--out",
            out.to_str().unwrap(),
            "--company",
            "Kakao",
            "--status",
            "sanctioned",
        ],
    ));
    assert!(said.starts_with("wrote 1 incidents"), "{said}");
}

#[test]
fn a_failing_import_exits_2_lists_bad_rows_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    ok(incidents(&db, &["demo"]));
    let file = dir.path().join("breaches.tsv");
    std::fs::write(
        &file,
        "Entity\tStory\tRecords lost\tReported\n\
         Acme\tLeak one\t1,200\t03/04/2024\n\
         Globex\tLeak two\tlots\t2024-04-05\n\
         Initech\tLeak three\t5\t2024-02-30\n",
    )
    .unwrap();
    let before = dump(&db);
    let out = incidents(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--map",
            "Story=title,Reported=event_date",
            "--date-order",
            "dmy",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("row 3, column Records lost: 'lots' is not a number"),
        "{err}"
    );
    assert!(err.contains("row 4, column Reported: "), "{err}");
    assert!(!err.contains("row 2,"), "{err}");
    assert_eq!(dump(&db), before);

    // Without the order, 03/04/2024 is ambiguous and says so.
    std::fs::write(
        &file,
        "Entity\tStory\tReported\nAcme\tLeak one\t03/04/2024\n",
    )
    .unwrap();
    let out = incidents(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--map",
            "Story=title,Reported=event_date",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("choose the date order"));

    // With it, the row imports as a disclosed event on 3 April.
    let said = ok(incidents(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--map",
            "Story=title,Reported=event_date",
            "--date-order",
            "dmy",
        ],
    ));
    assert!(said.contains("imported 1 new incidents"), "{said}");
    let list: serde_json::Value = serde_json::from_str(&ok(incidents(
        &db,
        &["list", "--json", "--company", "Acme"],
    )))
    .unwrap();
    assert_eq!(list[0]["events"][0]["date"], "2024-04-03");
    assert_eq!(list[0]["events"][0]["kind"], "disclosed");
}

#[test]
fn a_dry_run_reports_duplicates_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    ok(incidents(&db, &["demo"]));
    let file = dir.path().join("all.csv");
    ok(incidents(
        &db,
        &[
            "export",
            "--format",
            "events-csv",
            "--out",
            file.to_str().unwrap(),
        ],
    ));
    let before = dump(&db);
    let said = ok(incidents(
        &db,
        &["import", file.to_str().unwrap(), "--dry-run"],
    ));
    assert!(said.contains("duplicate of incident #1"), "{said}");
    assert!(
        said.contains("0 new incidents, 0 updated, 0 unchanged, 0 merged, 7 duplicates, 0 errors"),
        "{said}"
    );
    assert_eq!(dump(&db), before);
}
