//! Regression tests of the twelve data-loss findings of the second safety
//! review, each through the CLI as a user would meet it. Where the promise is
//! "untouched", files are compared byte for byte.

#![allow(clippy::unwrap_used)]

mod common;

use common::{dump, incidents, sqlite};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn code(out: &Output) -> Option<i32> {
    out.status.code()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn demo(db: &Path) {
    ok(incidents(db, &["demo"]));
    // Everything in the main file, so that byte comparisons mean something.
    sqlite(db, "PRAGMA wal_checkpoint(TRUNCATE)");
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

fn add_json(db: &Path, json: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_incidents"))
        .arg("--db")
        .arg(db)
        .args(["add", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(json.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn exports_and_backups_onto_the_database_are_refused_and_it_survives() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    demo(&db);
    let before = dump(&db);
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let same = format!("{}/./x.db", dir.path().display());
    for target in [db.to_str().unwrap(), link.to_str().unwrap(), same.as_str()] {
        for format in ["xlsx", "csv", "events-csv"] {
            let out = incidents(&db, &["export", "--format", format, "--out", target]);
            assert_eq!(code(&out), Some(2), "{format} onto {target}");
            assert!(stderr(&out).contains("database in use"), "{}", stderr(&out));
        }
        let out = incidents(&db, &["backup", "--out", target]);
        assert_eq!(code(&out), Some(2), "backup onto {target}");
    }
    let wal = format!("{}-wal", db.display());
    let out = incidents(&db, &["export", "--out", &wal]);
    assert_eq!(code(&out), Some(2));
    assert_eq!(sqlite(&db, "PRAGMA integrity_check"), "ok");
    assert_eq!(dump(&db), before);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn another_programs_sqlite_file_is_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.db");
    sqlite(
        &users,
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'a');",
    );
    let own_incidents = dir.path().join("theirs.db");
    sqlite(
        &own_incidents,
        "CREATE TABLE incidents (id INTEGER PRIMARY KEY, what TEXT); INSERT INTO incidents VALUES (1, 'x');",
    );
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "company,title\nA,B\n").unwrap();
    let out_file = dir.path().join("out.csv");
    for file in [&users, &own_incidents] {
        let before = bytes(file);
        for args in [
            vec!["list"],
            vec!["demo"],
            vec!["show", "1"],
            vec!["export", "--out", out_file.to_str().unwrap()],
            vec!["import", csv.to_str().unwrap()],
            vec!["import", csv.to_str().unwrap(), "--dry-run"],
        ] {
            let out = incidents(file, &args);
            assert_eq!(code(&out), Some(2), "{args:?} on {}", file.display());
            assert!(
                stderr(&out).contains("another application"),
                "{}",
                stderr(&out)
            );
            assert_eq!(bytes(file), before, "{args:?} changed {}", file.display());
        }
        assert!(!Path::new(&format!("{}-wal", file.display())).exists());
        assert_eq!(sqlite(file, "PRAGMA journal_mode"), "delete");
    }
    assert!(!out_file.exists());
}

#[test]
fn the_events_csv_brings_back_incidents_that_look_alike() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    demo(&db);
    let twin = r#"{"company": "Twin Co", "title": "Same title", "summary": "'quoted by the analyst",
        "events": [{"kind": "fined", "date": "2024-02-03", "amount": "100", "currency": "EUR"}]}"#;
    ok(add_json(&db, twin));
    ok(add_json(&db, twin));
    let file = dir.path().join("events.csv");
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
    let copy = dir.path().join("copy.db");
    let said = ok(incidents(&copy, &["import", file.to_str().unwrap()]));
    assert!(said.contains("0 duplicates"), "{said}");
    let count = "SELECT count(*) FROM incidents WHERE title = 'Same title'";
    assert_eq!(sqlite(&copy, count), "2");
    assert_eq!(
        sqlite(
            &copy,
            "SELECT DISTINCT summary FROM incidents WHERE title = 'Same title'"
        ),
        "'quoted by the analyst"
    );
    assert_eq!(
        sqlite(&copy, "SELECT count(*) FROM incidents"),
        sqlite(&db, "SELECT count(*) FROM incidents")
    );
}

#[test]
fn an_unclosed_quote_is_reported_with_its_row_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    demo(&db);
    let before = dump(&db);
    let mut text = String::from("company,title,summary\nA,First,fine\nB,Second,\"opens here\n");
    for i in 0..1000 {
        text.push_str(&format!("C{i},Row {i},plain\n"));
    }
    let file = dir.path().join("quote.csv");
    std::fs::write(&file, text).unwrap();
    let out = incidents(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(code(&out), Some(2));
    let err = stderr(&out);
    assert!(err.contains("row 3 (line 3)"), "{err}");
    assert!(err.contains("runs past 1000 lines"), "{err}");
    assert_eq!(dump(&db), before);
    // Without rows enough to reach the limit, the end of the file tells.
    std::fs::write(&file, "company,title\nA,\"never\nB,C\n").unwrap();
    let out = incidents(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(code(&out), Some(2));
    assert!(
        stderr(&out).contains("row 2 (line 2) is never closed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(dump(&db), before);
}

#[test]
fn every_import_reports_rows_against_lines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let file = dir.path().join("two.csv");
    std::fs::write(
        &file,
        "company,title,summary\nA,One,\"two\nlines\"\nB,Two,x\n",
    )
    .unwrap();
    let said = ok(incidents(&db, &["import", file.to_str().unwrap()]));
    assert!(said.contains("2 rows read from 4 lines"), "{said}");
}

#[test]
fn oversized_input_is_refused_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    demo(&db);
    let before = dump(&db);
    // Under a 2 GB address-space limit, as a hostile check would run it.
    for args in [["import", "/dev/zero"], ["extract", "/dev/zero"]] {
        let out = Command::new("prlimit")
            .arg("--as=2000000000")
            .arg(env!("CARGO_BIN_EXE_incidents"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(code(&out), Some(2), "{args:?}: {}", stderr(&out));
    }
    let article = dir.path().join("big.txt");
    std::fs::write(&article, "The regulator fined the firm. ".repeat(100_000)).unwrap();
    let out = incidents(&db, &["extract", article.to_str().unwrap()]);
    assert_eq!(code(&out), Some(2));
    assert!(
        stderr(&out).contains("larger than 2 MB"),
        "{}",
        stderr(&out)
    );
    let events: Vec<String> = (0..10_001)
        .map(|i| format!(r#"{{"kind":"other","date":"2020-01-01","note":"{i}"}}"#))
        .collect();
    let json = format!(
        r#"{{"company":"Many","title":"Events","events":[{}]}}"#,
        events.join(",")
    );
    let out = add_json(&db, &json);
    assert_eq!(code(&out), Some(2));
    assert!(
        stderr(&out).contains("events: 10001 events"),
        "{}",
        stderr(&out)
    );
    let out = incidents(&db, &["generate", "--incidents", "18446744073709551615"]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    let out = incidents(&db, &["generate", "--incidents", "10000000000"]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert_eq!(dump(&db), before);
}

#[test]
fn a_summary_longer_than_an_excel_cell_is_cut_visibly_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let long = "word ".repeat(10_000);
    let out = add_json(
        &db,
        &format!(r#"{{"company":"Long Co","title":"Long summary","summary":"{long}"}}"#),
    );
    ok(out);
    let xlsx = dir.path().join("r.xlsx");
    let said = ok(incidents(
        &db,
        &[
            "export",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    ));
    assert!(said.contains("in incidents #1"), "{said}");
    let read = Command::new("python3")
        .arg("-c")
        .arg(
            "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])['Incidents']; \
             col=[c.value for c in ws[1]].index('summary')+1; v=ws.cell(2,col).value; \
             print(len(v), v.endswith('[cut: the full text is in the CSV export]'))",
        )
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(stdout(&read).trim(), "32767 True", "{}", stderr(&read));
    let csv = dir.path().join("r.csv");
    ok(incidents(&db, &["export", "--out", csv.to_str().unwrap()]));
    assert!(std::fs::read_to_string(&csv).unwrap().contains(long.trim()));
}

#[test]
fn add_refuses_trailing_data_and_forged_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    demo(&db);
    let before = dump(&db);
    for (json, needle) in [
        (
            r#"{"company":"A","title":"B"}{"company":"C","title":"D"}"#,
            "more follows",
        ),
        (r#"{"company":"A","title":"B"} garbage"#, "more follows"),
        (
            "{\"company\":\"Evil\u{202E}desolc\",\"title\":\"B\"}",
            "company: must be one line of text; it holds a text-direction override",
        ),
        (
            r#"{"company":"A","title":"B\n  7  Fake  closed"}"#,
            "title: must be one line of text; it holds a line break",
        ),
        (
            r#"{"company":"A","title":"B","records_affected":"0.5"}"#,
            "records_affected",
        ),
    ] {
        let out = add_json(&db, json);
        assert_eq!(code(&out), Some(2), "{json}");
        assert!(stderr(&out).contains(needle), "{json}: {}", stderr(&out));
    }
    assert_eq!(dump(&db), before);
}

#[test]
fn a_full_disk_part_way_leaves_the_earlier_file_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(incidents(&db, &["generate", "--incidents", "2000"]));
    for (cmd, target) in [("export", "report.csv"), ("backup", "copy.db")] {
        let target = dir.path().join(target);
        std::fs::write(&target, b"the earlier file").unwrap();
        // A file-size limit makes writes past 64 KB fail as a full disk would;
        // the ignored SIGXFSZ turns the signal into an ordinary write error.
        let script =
            format!("trap '' XFSZ; ulimit -f 64; exec \"$0\" --db \"$1\" {cmd} --out \"$2\"",);
        let out = Command::new("bash")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_incidents"))
            .arg(&db)
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(code(&out), Some(2), "{cmd}: {}", stderr(&out));
        // The write failure itself is reported (EFBIG, or SQLite's I/O error).
        let err = stderr(&out);
        assert!(
            err.contains("too large") || err.contains("I/O error"),
            "{cmd}: {err}"
        );
        assert_eq!(bytes(&target), b"the earlier file", "{cmd}");
        let parts = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".part"))
            })
            .count();
        assert_eq!(parts, 0, "{cmd} left its part file");
    }
}

#[test]
fn small_findings_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    demo(&db);
    // A mistyped folder creates nothing.
    let typo = dir.path().join("no-such-folder").join("x.db");
    let out = incidents(&typo, &["list"]);
    assert_eq!(code(&out), Some(2));
    assert!(stderr(&out).contains("no database at"), "{}", stderr(&out));
    assert!(!dir.path().join("no-such-folder").exists());
    let out = incidents(&typo, &["add", "--json", "-"]);
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    assert!(!dir.path().join("no-such-folder").exists());
    // A command that only reads creates no file, even in a folder that exists.
    let missing = dir.path().join("missing.db");
    let out = incidents(&missing, &["list"]);
    assert_eq!(code(&out), Some(2));
    assert!(!missing.exists());
    // demo and import may create it, and say so.
    let out = incidents(&typo, &["demo"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("created a new database"));
    let out = incidents(Path::new(":memory:"), &["list"]);
    assert_eq!(code(&out), Some(2));
    assert!(stderr(&out).contains("not a file"), "{}", stderr(&out));
    // Many short words search as words, or are refused plainly.
    let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
    let out = incidents(&db, &["list", "--text", &words.join(" ")]);
    assert_eq!(code(&out), Some(2));
    assert!(
        stderr(&out).contains("at most 64 words"),
        "{}",
        stderr(&out)
    );
    let out = incidents(&db, &["list", "--text", "OR AND NOT \" * ( ) :"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A date that can only be invalid says so.
    let file = dir.path().join("d.csv");
    std::fs::write(&file, "company,title,date\nA,B,24/13/2024\n").unwrap();
    let out = incidents(&db, &["import", file.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("neither 24 nor 13 can be a month"),
        "{}",
        stderr(&out)
    );
    let file = dir.path().join("c.csv");
    std::fs::write(&file, "company,title,records\nA,B,0.5\n").unwrap();
    let out = incidents(&db, &["import", file.to_str().unwrap()]);
    assert!(stderr(&out).contains("has a fraction"), "{}", stderr(&out));
    // A dry run into a database that does not exist writes no file.
    let fresh = dir.path().join("fresh.db");
    std::fs::write(&file, "company,title\nA,B\n").unwrap();
    ok(incidents(
        &fresh,
        &["import", file.to_str().unwrap(), "--dry-run"],
    ));
    assert!(!fresh.exists());
    // A closed output pipe ends quietly (the list is far larger than a pipe holds).
    let many = dir.path().join("many.db");
    ok(incidents(&many, &["generate", "--incidents", "3000"]));
    let out = Command::new("bash")
        .arg("-c")
        .arg("\"$0\" --db \"$1\" list | head -1 >/dev/null; echo ${PIPESTATUS[0]}")
        .arg(env!("CARGO_BIN_EXE_incidents"))
        .arg(&many)
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "0", "{}", stderr(&out));
    assert!(!stderr(&out).contains("Broken pipe"), "{}", stderr(&out));
}
