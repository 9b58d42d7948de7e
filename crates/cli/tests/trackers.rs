//! Other trackers' files come in whole: three layouts written by us after real
//! public trackers (a GDPR fines list, a US breach chronology, a breach
//! notification service), imported with the flags an analyst would use and
//! read back through our events CSV by Python's csv module.

#![allow(clippy::unwrap_used)]

mod common;

use common::{incidents, sqlite};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/trackers")
        .join(name)
}

fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs a Python check over files and returns what it prints.
fn python(script: &str, args: &[&Path]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn events_csv(db: &Path) -> PathBuf {
    let out = db.with_extension("events.csv");
    ok(incidents(
        db,
        &[
            "export",
            "--format",
            "events-csv",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    out
}

/// Facts about an events CSV: incidents, fined events with a regulator,
/// incidents with a country, statuses of fined incidents, 1970 dates and
/// placeholder words stored as values.
const FACTS: &str = r#"
import csv, sys, json
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
inc = {}
for r in rows:
    inc.setdefault(r['incident_id'], r)
fined = [r for r in rows if r['event_kind'] == 'fined']
fined_incidents = {r['incident_id'] for r in fined}
print(json.dumps({
  'incidents': len(inc),
  'events': len(rows),
  'fined': len(fined),
  'fined_with_regulator': sum(1 for r in fined if r['regulator']),
  'eur': round(sum(float(r['amount']) for r in fined if r['currency'] == 'EUR')),
  'with_country': sum(1 for r in inc.values() if r['country']),
  'fined_not_sanctioned': sum(1 for i in fined_incidents if inc[i]['status'] != 'sanctioned'),
  'dates_1970': sum(1 for r in rows if r['event_date'].startswith('1970')),
  'placeholders': sum(1 for r in rows for v in r.values() if v.strip() in ('UNKN', 'None', 'Unknown', 'N/A', 'n/a')),
  'kinds': sorted({r['event_kind'] for r in rows}),
  'records': sum(int(r['records_affected'] or 0) for r in inc.values()),
}))
"#;

fn facts(csv: &Path) -> serde_json::Value {
    serde_json::from_str(&python(FACTS, &[csv])).unwrap()
}

#[test]
fn a_gdpr_fines_list_comes_in_with_every_fine_or_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gdpr.db");
    let rejects = dir.path().join("rejects.csv");
    let file = fixture("gdpr-fines.csv");
    let args = [
        "import",
        file.to_str().unwrap(),
        "--map",
        "id=incident_key",
        "--default-currency",
        "EUR",
        "--create-regulators",
        "--skip-invalid",
        "--rejects",
        rejects.to_str().unwrap(),
    ];
    let said = ok(incidents(&db, &args));
    assert!(
        said.contains("1 regulators created: Gibraltar Data Protection Bureau (GDPB, GI)"),
        "{said}"
    );
    assert!(said.contains("4 rows set aside"), "{said}");
    let f = facts(&events_csv(&db));
    // 45 rows: 41 fines in, 4 set aside (a date that cannot be, three
    // placeholder dates with no real date to put on a fine).
    assert_eq!(f["incidents"], 41, "{f}");
    assert_eq!(f["fined"], 41);
    assert_eq!(f["fined_with_regulator"], 41);
    assert_eq!(f["with_country"], 41);
    assert_eq!(f["fined_not_sanctioned"], 0);
    assert_eq!(f["dates_1970"], 0);
    assert_eq!(f["placeholders"], 0, "{f}");
    // Every euro of the rows not set aside is kept.
    let expected = python(
        r#"
import csv, sys
rejected = {r['row'] for r in csv.DictReader(open(sys.argv[2], encoding='utf-8'))}
total = 0
for n, r in enumerate(csv.DictReader(open(sys.argv[1], encoding='utf-8')), start=2):
    if str(n) not in rejected and r['price'].strip().isdigit():
        total += int(r['price'])
print(total)
"#,
        &[&file, &rejects],
    );
    assert_eq!(f["eur"].to_string(), expected);
    let reasons = python(
        "import csv,sys; print('|'.join(r['row']+':'+r['problem'] for r in csv.DictReader(open(sys.argv[1]))))",
        &[&rejects],
    );
    assert!(reasons.contains("23:column date"), "{reasons}");
    assert!(
        reasons.contains("01/01/1970") || reasons.contains("no date"),
        "{reasons}"
    );
    // Two unknown controllers with the same fine are still two incidents, and
    // "Private individual" is never one shared company.
    assert_eq!(
        sqlite(
            &db,
            "SELECT count(*) FROM companies WHERE party != 'organisation'"
        ),
        "4"
    );
    assert!(
        sqlite(&db, "SELECT count(*) FROM incidents WHERE title_made = 1") == "41",
        "titles are made where the file has none"
    );
    // A second import of the same file creates nothing and changes nothing.
    let again = ok(incidents(&db, &args));
    assert!(
        again.contains("imported 0 new incidents, 0 updated, 41 unchanged"),
        "{again}"
    );
    assert_eq!(sqlite(&db, "SELECT count(*) FROM incidents"), "41");
}

#[test]
fn a_breach_chronology_keeps_each_date_as_its_own_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("chrono.db");
    let file = fixture("breach-chronology.csv");
    let args = [
        "import",
        file.to_str().unwrap(),
        "--map",
        "id=incident_key,breach_date=event_date:started,reported_date=event_date:disclosed,end_breach_date=event_date:ceased",
    ];
    let said = ok(incidents(&db, &args));
    assert!(said.contains("source_url"), "{said}");
    let f = facts(&events_csv(&db));
    assert_eq!(f["incidents"], 30, "{f}");
    assert_eq!(
        f["kinds"],
        serde_json::json!(["ceased", "disclosed", "started"])
    );
    assert_eq!(f["placeholders"], 0, "{f}");
    assert_eq!(
        f["records"], 441_770_285,
        "total_affected summed as expected.json says"
    );
    // The organisation written UNKN is a party of its own, not a company named "UNKN".
    assert_eq!(
        sqlite(&db, "SELECT count(*) FROM companies WHERE name = 'UNKN'"),
        "0"
    );
    assert_eq!(
        sqlite(
            &db,
            "SELECT count(*) FROM companies WHERE party = 'unnamed'"
        ),
        "1"
    );
    // "None" is no address.
    assert_eq!(
        sqlite(
            &db,
            "SELECT count(*) FROM sources WHERE url NOT LIKE 'http%'"
        ),
        "0"
    );
    let again = ok(incidents(&db, &args));
    assert!(
        again.contains("imported 0 new incidents, 0 updated, 30 unchanged"),
        "{again}"
    );
}

#[test]
fn a_file_without_titles_gets_made_titles_and_comes_back_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("service.db");
    let file = fixture("breach-service.csv");
    let said = ok(incidents(&db, &["import", file.to_str().unwrap()]));
    assert!(said.contains("26 titles were made"), "{said}");
    assert!(said.contains("warning: column 'Year'"), "{said}");
    let f = facts(&events_csv(&db));
    assert_eq!(f["incidents"], 26);
    assert_eq!(
        f["records"], 2_511_848_354_i64,
        "PwnCount summed as expected.json says"
    );
    assert_eq!(f["kinds"], serde_json::json!(["started"]));
    assert_eq!(
        sqlite(
            &db,
            "SELECT title FROM incidents WHERE company_name = 'Adobe'"
        ),
        "Breach at Adobe, 2013"
    );
    let again = ok(incidents(&db, &["import", file.to_str().unwrap()]));
    assert!(
        again.contains("imported 0 new incidents, 0 updated, 0 unchanged, 0 merged, 26 duplicates"),
        "{again}"
    );
}

#[test]
fn exports_of_two_databases_imported_into_a_third_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for name in ["a", "c"] {
        let db = dir.path().join(format!("{name}.db"));
        let json = dir.path().join(format!("{name}.json"));
        std::fs::write(
            &json,
            format!(r#"{{"company": "Firm {name}", "title": "Leak at {name}"}}"#),
        )
        .unwrap();
        ok(incidents(&db, &["add", "--json", json.to_str().unwrap()]));
        files.push(events_csv(&db));
    }
    // Both files say incident_id 1: they are two incidents all the same.
    let b = dir.path().join("b.db");
    for f in &files {
        let said = ok(incidents(&b, &["import", f.to_str().unwrap()]));
        assert!(said.contains("imported 1 new incidents"), "{said}");
    }
    assert_eq!(
        sqlite(
            &b,
            "SELECT group_concat(title, '|') FROM (SELECT title FROM incidents ORDER BY id)"
        ),
        "Leak at a|Leak at c"
    );
}

#[test]
fn blank_keys_and_blank_lines_keep_rows_apart_and_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let file = dir.path().join("k.csv");
    std::fs::write(
        &file,
        "id,company,title,records\n,Alpha,First,1\n,Beta,Second,2\n\nx7,Gamma,\"Third,\nmulti-line\",many\n",
    )
    .unwrap();
    let rejects = dir.path().join("rejects.csv");
    let out = incidents(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--skip-invalid",
            "--rejects",
            rejects.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    // Row 5 in a spreadsheet: header, two rows, a blank row, then it.
    assert!(err.contains("row 5, column records"), "{err}");
    assert_eq!(sqlite(&db, "SELECT group_concat(company_name, '|') FROM (SELECT company_name FROM incidents ORDER BY id)"), "Alpha|Beta");
}

#[test]
fn without_skip_invalid_nothing_is_imported_and_every_unknown_regulator_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("strict.db");
    let file = fixture("gdpr-fines.csv");
    let out = incidents(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--default-currency",
            "EUR",
            "--dry-run",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("unknown regulator: Gibraltar Data Protection Bureau (GDPB) (2 rows, GI)"),
        "{said}"
    );
    assert!(!db.exists(), "a dry run writes no file");
    let out = incidents(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--json",
            "--map",
            "nope=title",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["error"]["field"], "map", "{json}");
}

#[test]
fn import_help_lists_the_fields() {
    let out = Command::new(env!("CARGO_BIN_EXE_incidents"))
        .args(["import", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for field in [
        "records_affected",
        "event_date[:KIND]",
        "incident_key",
        "reported_to_regulator",
    ] {
        assert!(help.contains(field), "{field}: {help}");
    }
}

#[test]
fn a_fine_already_stored_by_hand_is_a_duplicate_whatever_its_made_title() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(incidents(&db, &["demo"]));
    let file = fixture("gdpr-fines.csv");
    let out = incidents(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--default-currency",
            "EUR",
            "--create-regulators",
            "--dry-run",
            "--skip-invalid",
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    // The sample Meta / DPC fine of 2023-05-22 (EUR 1.2 bn) is in the file too.
    assert!(said.contains("same company and the same fine"), "{said}");
    assert!(said.contains("would import"), "{said}");
}

#[test]
fn a_quote_that_swallows_rows_mid_file_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let file = dir.path().join("mid.csv");
    std::fs::write(
        &file,
        "company,title,summary\nAcme,One,\"fine\nBeta,Two,x\nGamma,Three,y\"\nDelta,Four,z\n",
    )
    .unwrap();
    let said = ok(incidents(
        &db,
        &["import", file.to_str().unwrap(), "--dry-run"],
    ));
    assert!(
        said.contains("row 2, column summary: this quoted cell holds 2 lines that look like rows"),
        "{said}"
    );
    assert!(said.contains("2 rows read from 5 lines"), "{said}");
}
