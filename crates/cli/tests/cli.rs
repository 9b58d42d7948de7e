//! The CLI contract other checks depend on: `demo`, `list --json`, `add --json`.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

mod common;
use common::*;

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn incidents_with_stdin(db: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_incidents"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run incidents");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn list_json(db: &Path) -> Vec<Value> {
    let out = incidents(db, &["list", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("list --json prints JSON")
        .as_array()
        .expect("a JSON array")
        .clone()
}

#[test]
fn demo_loads_the_samples_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    assert!(incidents(&db, &["demo"]).status.success());
    let first = list_json(&db);
    assert!(first.len() >= 5, "{}", first.len());
    let again = incidents(&db, &["demo"]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("0 sample incidents added"));
    assert_eq!(list_json(&db).len(), first.len());

    // The sqlite3 tool reads the same file and finds it sound.
    let check = Command::new("sqlite3")
        .arg(&db)
        .arg("PRAGMA integrity_check")
        .output()
        .expect("the sqlite3 command-line tool is installed");
    assert_eq!(String::from_utf8_lossy(&check.stdout).trim(), "ok");
}

#[test]
fn list_json_has_the_contract_fields_for_the_seed_case() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("list.db");
    incidents(&db, &["demo"]);
    let all = list_json(&db);
    for incident in &all {
        for key in [
            "id",
            "company",
            "title",
            "status",
            "records_affected",
            "users_affected",
            "counterparty",
            "events",
            "sources",
        ] {
            assert!(incident.get(key).is_some(), "{key} missing in {incident}");
        }
        for event in incident["events"].as_array().unwrap() {
            for key in ["kind", "date", "regulator", "amount", "currency", "note"] {
                assert!(event.get(key).is_some(), "{key} missing in {event}");
            }
        }
    }
    let kakao = all
        .iter()
        .find(|i| i["company"] == "Kakao Pay")
        .expect("seed case");
    assert_eq!(kakao["records_affected"], 54_200_000_000_i64);
    assert_eq!(kakao["users_affected"], 40_000_000);
    assert_eq!(kakao["counterparty"], "Alipay");
    let events = kakao["events"].as_array().unwrap();
    assert!(events.iter().any(|e| e["kind"] == "findings_published"
        && e["date"] == "2024-08-13"
        && e["regulator"] == "FSS"));
    assert!(events
        .iter()
        .any(|e| e["kind"] == "ceased" && e["date"] == "2024-05-22"));
    assert_eq!(
        kakao["sources"][0]["url"],
        "https://cn.yna.co.kr/view/ACK20240815000400881"
    );
    let meta = all
        .iter()
        .find(|i| i["company"] == "Meta Platforms")
        .unwrap();
    let fine = meta["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "fined")
        .unwrap();
    assert_eq!(fine["amount"], 1_200_000_000);
    assert_eq!(fine["currency"], "EUR");
    assert_eq!(fine["regulator"], "DPC");
}

#[test]
fn add_reads_the_list_shape_from_a_file_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("add.db");
    let file = dir.path().join("incident.json");
    std::fs::write(
        &file,
        r#"{
            "company": "Marriott International",
            "title": "Guest data breach",
            "status": "sanctioned",
            "records_affected": null,
            "users_affected": 339000000,
            "counterparty": null,
            "events": [
                {"kind": "fined", "date": "2020-10-30", "regulator": "ICO",
                 "amount": 18400000, "currency": "GBP", "note": "Final penalty"},
                {"kind": "started", "date": "2014", "regulator": null,
                 "amount": null, "currency": null, "note": null}
            ],
            "sources": [{"url": "https://example.org/marriott"}]
        }"#,
    )
    .unwrap();
    let out = incidents(&db, &["add", "--json", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = incidents_with_stdin(
        &db,
        &["add", "--json", "-"],
        r#"{"company": "카카오페이", "title": "From stdin", "events": [{"kind": "disclosed", "date": "2024-08"}]}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let all = list_json(&db);
    assert_eq!(all.len(), 2);
    let marriott = all
        .iter()
        .find(|i| i["title"] == "Guest data breach")
        .unwrap();
    assert_eq!(marriott["users_affected"], 339_000_000);
    assert_eq!(
        marriott["events"][0]["date"], "2014",
        "events come back in time order"
    );
    assert_eq!(marriott["events"][1]["amount"], 18_400_000);
    assert_eq!(marriott["events"][1]["amount_minor"], 1_840_000_000_i64);

    // What list --json prints can be added again as is.
    let copy = dir.path().join("copy.db");
    let out = incidents_with_stdin(&copy, &["add", "--json", "-"], &marriott.to_string());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let copied = list_json(&copy);
    let without_ids = |events: &Value| -> Vec<Value> {
        events
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let mut e = e.clone();
                e.as_object_mut().unwrap().remove("id");
                e
            })
            .collect()
    };
    assert_eq!(
        without_ids(&copied[0]["events"]),
        without_ids(&marriott["events"])
    );
    assert_eq!(copied[0]["users_affected"], marriott["users_affected"]);
}

#[test]
fn invalid_input_exits_2_names_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bad.db");
    incidents(&db, &["demo"]);
    let before = dump(&db);
    let count = list_json(&db).len();
    for (json, field) in [
        (
            r#"{"company": "X", "title": "T", "records_affected": -1}"#,
            "records_affected",
        ),
        (r#"{"company": "", "title": "T"}"#, "company"),
        (
            r#"{"company": "X", "title": "T", "events": [{"kind": "fined", "date": "2024-02-30"}]}"#,
            "events[0].date",
        ),
        (
            r#"{"company": "X", "title": "T", "events": [{"kind": "fined", "date": "2024", "regulator": "Nobody"}]}"#,
            "events[0].regulator",
        ),
        (
            r#"{"company": "X", "title": "T", "events": [{"kind": "fined", "date": "2024", "amount": 5, "currency": "XXX"}]}"#,
            "events[0].currency",
        ),
        (
            r#"{"company": "X", "title": "T", "status": "done"}"#,
            "status",
        ),
        (
            r#"{"company": "X", "title": "T", "users_affected": "many"}"#,
            "users_affected",
        ),
        ("not json at all", "json"),
    ] {
        let out = incidents_with_stdin(&db, &["add", "--json", "-"], json);
        assert_eq!(out.status.code(), Some(2), "{json}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("{field}:")), "{json}: {err}");
        assert_eq!(list_json(&db).len(), count, "{json}");
    }
    // A missing file is an error too, not a panic.
    let out = incidents(&db, &["add", "--json", "/no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(dump(&db), before, "not one row changed");
}

#[test]
fn timeline_and_regulator_print_ordered_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("timeline.db");
    incidents(&db, &["demo"]);
    let out = incidents(&db, &["timeline", "--company", "카카오페이", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let dates: Vec<&str> = events.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        ["2018-04", "2024-05", "2024-05-22", "2024-08-13", "2025-01"]
    );
    for key in [
        "date",
        "precision",
        "kind",
        "incident_id",
        "incident_title",
        "regulator",
        "amount",
        "currency",
    ] {
        assert!(events[0].get(key).is_some(), "{key}");
    }
    assert_eq!(events[0]["precision"], "month");
    assert_eq!(events[4]["amount"], 5_968_000_000_i64);
    assert_eq!(events[4]["currency"], "KRW");

    let out = incidents(&db, &["regulator", "--name", "ICO", "--json"]);
    assert!(out.status.success());
    let actions: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["kind"], "proposed_fine");
    assert_eq!(actions[1]["amount"], 18_400_000);
    assert!(actions.iter().all(|a| a["regulator"] == "ICO"));
}

#[test]
fn unknown_names_exit_2_and_suggest_close_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unknown.db");
    incidents(&db, &["demo"]);
    let out = incidents(&db, &["timeline", "--company", "Kakao Bay", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no company named 'Kakao Bay'"), "{err}");
    assert!(err.contains("Kakao Pay"), "{err}");
    assert!(out.stdout.is_empty());
    let out = incidents(
        &db,
        &["regulator", "--name", "Informaton Commissioner", "--json"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Information Commissioner"), "{err}");
}
