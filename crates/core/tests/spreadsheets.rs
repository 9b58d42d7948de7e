//! Export and import on temp-file databases: our own files round-trip, foreign
//! layouts import through a mapping, and a bad row leaves nothing behind.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::datetext::DateOrder;
use incidents_core::model::{EventInput, SourceInput};
use incidents_core::money::AmountText;
use incidents_core::store::export::ExportFormat;
use incidents_core::store::import::{Field, ImportOptions};
use incidents_core::{IncidentInput, ListQuery, Store};
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use std::path::Path;

fn store(dir: &Path, name: &str) -> Store {
    Store::open(dir.join(name)).unwrap()
}

/// Incidents as JSON without what a new database numbers differently.
fn comparable(store: &Store) -> Vec<Value> {
    let mut all: Vec<Value> = store
        .list_full(&ListQuery::default())
        .unwrap()
        .iter()
        .map(|i| {
            let mut v = serde_json::to_value(i).unwrap();
            let o = v.as_object_mut().unwrap();
            for key in ["id", "created_at", "updated_at", "version"] {
                o.remove(key);
            }
            for list in ["events", "sources"] {
                for item in o.get_mut(list).unwrap().as_array_mut().unwrap() {
                    item.as_object_mut().unwrap().remove("id");
                }
            }
            v
        })
        .collect();
    all.sort_by_key(|v| v.to_string());
    all
}

/// An incident that exercises quoting, formulas, several sources and notes.
fn awkward() -> IncidentInput {
    IncidentInput {
        company: "=HYPERLINK(\"http://x\",\"y\")".into(),
        title: "@SUM(1+1)".into(),
        summary: Some("Line one, with a comma\nLine two with \"quotes\" and 한국어 and 中文\n-3 starts a line".into()),
        counterparty: Some("+Partner".into()),
        country: Some("KR".into()),
        status: Some("under_investigation".into()),
        records_affected: Some(0),
        users_affected: None,
        events: vec![
            EventInput {
                kind: "fined".into(),
                date: "2024-02-29".into(),
                regulator: Some("PIPC".into()),
                amount: Some(AmountText("1234567.89".into())),
                currency: Some("EUR".into()),
                note: Some("{\"json\": [1, 2], \"quote\": \"\\\"\"}\nsecond line".into()),
                source: Some("https://example.org/decision?a=1&b=2".into()),
                ..Default::default()
            },
            EventInput {
                kind: "started".into(),
                date: "2019".into(),
                ..Default::default()
            },
        ],
        sources: vec![
            SourceInput {
                url: "https://example.org/a".into(),
                title: Some("A | B; C".into()),
                publisher: None,
                published: Some("2024-03".into()),
                language: Some("ko".into()),
                ..Default::default()
            },
            SourceInput {
                url: "https://example.org/b".into(),
                title: None,
                publisher: Some("Daily".into()),
                published: None,
                language: None,
                ..Default::default()
            },
        ],
        ..Default::default()
    }
}

fn no_progress(_: incidents_core::store::import::Progress) {}

#[test]
fn the_events_csv_round_trips_incidents_events_and_sources_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut original = store(dir.path(), "a.db");
    original.load_sample_data("t").unwrap();
    original.create_incident(&awkward(), "t").unwrap();
    original
        .create_incident(
            &IncidentInput {
                company: "No Events Ltd".into(),
                title: "Reported only".into(),
                ..Default::default()
            },
            "t",
        )
        .unwrap();
    let file = dir.path().join("events.csv");
    let summary = original
        .export(&ListQuery::default(), ExportFormat::EventsCsv, &file)
        .unwrap();
    assert_eq!(summary.incidents, 9);

    let mut copy = store(dir.path(), "b.db");
    let report = copy
        .import_csv(&file, &ImportOptions::default(), "t", &mut no_progress)
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.created, 9);
    assert!(report.committed);
    assert_eq!(comparable(&copy), comparable(&original));
}

#[test]
fn the_incidents_csv_round_trips_what_it_carries() {
    let dir = tempfile::tempdir().unwrap();
    let mut original = store(dir.path(), "a.db");
    original.create_incident(&awkward(), "t").unwrap();
    let file = dir.path().join("incidents.csv");
    original
        .export(&ListQuery::default(), ExportFormat::Csv, &file)
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        "{text}"
    );
    assert!(text.contains(",'@SUM(1+1),"), "{text}");

    let mut copy = store(dir.path(), "b.db");
    copy.import_csv(&file, &ImportOptions::default(), "t", &mut no_progress)
        .unwrap();
    let a = &original.list_full(&ListQuery::default()).unwrap()[0];
    let b = &copy.list_full(&ListQuery::default()).unwrap()[0];
    assert_eq!(b.company, a.company);
    assert_eq!(b.title, a.title);
    assert_eq!(b.summary, a.summary);
    assert_eq!(b.counterparty, a.counterparty);
    assert_eq!(b.records_affected, a.records_affected);
    let urls = |i: &incidents_core::Incident| {
        i.sources
            .iter()
            .map(|s| (s.url.clone(), s.title.clone(), s.published.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(urls(b), urls(a));
    assert!(b.events.is_empty(), "the report CSV carries no events");
}

#[test]
fn exports_follow_the_list_filters() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path(), "a.db");
    s.load_sample_data("t").unwrap();
    let file = dir.path().join("f.csv");
    let n = |q: ListQuery| s.export(&q, ExportFormat::Csv, &file).unwrap().incidents;
    assert_eq!(
        n(ListQuery {
            regulator: Some("PIPC".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        n(ListQuery {
            status: Some(incidents_core::model::Status::Settled),
            ..Default::default()
        }),
        1
    );
    // 2022-09 catches Optus (two days in September 2022) and nothing else.
    assert_eq!(
        n(ListQuery {
            from: Some("2022-09".into()),
            to: Some("2022-09".into()),
            ..Default::default()
        }),
        1
    );
    // A year-precision event (Equifax started 2017) meets a range inside its year.
    assert_eq!(
        n(ListQuery {
            from: Some("2017-03-01".into()),
            to: Some("2017-03-31".into()),
            ..Default::default()
        }),
        1
    );
    let err = s
        .export(
            &ListQuery {
                from: Some("2024-13".into()),
                ..Default::default()
            },
            ExportFormat::Csv,
            &file,
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("from"));
}

const FOREIGN: &str = "Organisation;Headline;Affected individuals;Records;Fine;Authority;Date of decision;Link;Details\n\
Kakao Pay;Data sent to Alipay;4045만;542亿;N/A;FSS;13/08/2024;https://example.org/kp;\"short\"\n\
SK Telecom;USIM breach;약 2천324만명;UNKN;1347억9천100만원;PIPC;2025년 8월 27일;https://example.org/skt;-\n\
Meta;EU transfers;None;-;€1.2bn;DPC;May 22, 2023;https://example.org/meta;\"{\"\"decision\"\": \"\"art. 46\"\",\n\"\"pages\"\": 222}\"\n\
Optus;Cyberattack;40.45 million;;;;2022-09;https://example.org/optus;\n";

fn foreign_options() -> ImportOptions {
    ImportOptions {
        mapping: vec![
            ("Affected individuals".into(), Field::UsersAffected),
            ("Details".into(), Field::Note),
        ],
        date_order: Some(DateOrder::Dmy),
        ..Default::default()
    }
}

#[test]
fn a_foreign_layout_imports_through_the_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fines.csv");
    // A long quoted field with quotes, newlines and JSON in it.
    let long = format!("\"{}\"", "x\"\"y,\n{\"\"k\"\":1};".repeat(600));
    let text = FOREIGN.replacen("\"short\"", &long, 1);
    std::fs::write(&file, text).unwrap();
    let mut s = store(dir.path(), "a.db");
    let report = s
        .import_csv(&file, &foreign_options(), "t", &mut no_progress)
        .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.delimiter, ";");
    assert_eq!(report.created, 4);
    let by = |company: &str| {
        s.list_full(&ListQuery {
            company: Some(company.into()),
            ..Default::default()
        })
        .unwrap()
        .remove(0)
    };
    let kp = by("Kakao Pay");
    assert_eq!(kp.users_affected, Some(40_450_000));
    assert_eq!(kp.records_affected, Some(54_200_000_000));
    assert_eq!(kp.events[0].date, "2024-08-13");
    assert_eq!(
        kp.events[0].kind.as_str(),
        "fined",
        "an amount column makes rows fines"
    );
    assert_eq!(
        kp.events[0].amount_minor, None,
        "N/A is unknown, not an error"
    );
    assert!(kp.events[0].note.as_ref().unwrap().len() > 5_000);
    let skt = by("SK Telecom");
    assert_eq!(skt.users_affected, Some(23_240_000));
    assert_eq!(skt.records_affected, None);
    assert_eq!(skt.events[0].amount_minor, Some(134_791_000_000));
    assert_eq!(skt.events[0].currency.as_deref(), Some("KRW"));
    assert_eq!(skt.events[0].date, "2025-08-27");
    let meta = by("Meta");
    assert_eq!(meta.events[0].amount_minor, Some(120_000_000_000));
    assert_eq!(meta.events[0].currency.as_deref(), Some("EUR"));
    assert_eq!(meta.events[0].date, "2023-05-22");
    assert!(meta.events[0]
        .note
        .as_ref()
        .unwrap()
        .contains("\"pages\": 222"));
    let optus = by("Optus");
    assert_eq!(optus.events[0].date, "2022-09", "month precision kept");
    assert_eq!(optus.users_affected, Some(40_450_000));
    assert_eq!(optus.sources[0].url, "https://example.org/optus");
}

/// Every row of every table, to compare a database before and after.
fn dump(s: &Store) -> String {
    let mut out = String::new();
    for table in [
        "companies",
        "incidents",
        "events",
        "sources",
        "incident_sources",
        "history",
    ] {
        let conn = reader(s);
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for r in rows {
            out.push_str(&format!("{table}: {}\n", r.unwrap().join("|")));
        }
    }
    out
}

#[test]
fn one_bad_row_aborts_the_whole_import_and_names_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.csv");
    let text = format!(
        "{FOREIGN}Acme;Bad count;-12;;;;2024-01-01;https://example.org/acme;\n\
         Globex;Bad date;1;;;;31/02/2024;https://example.org/globex;\n\
         Initech;Unknown regulator;1;;5 EUR;Ministry of Magic;2024-01-01;https://example.org/initech;\n"
    );
    std::fs::write(&file, text).unwrap();
    let mut s = store(dir.path(), "a.db");
    s.load_sample_data("t").unwrap();
    let before = dump(&s);
    let report = s
        .import_csv(&file, &foreign_options(), "t", &mut no_progress)
        .unwrap();
    assert!(!report.committed);
    // Rows as a spreadsheet numbers them: the header is row 1, and Meta's
    // quoted two-line cell is still one row (row 4).
    let errors: Vec<String> = report.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(
        errors[0].starts_with("row 6, column Affected individuals: "),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("row 7, column Date of decision: "),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("row 8, column Authority: unknown regulator"),
        "{}",
        errors[2]
    );
    assert_eq!(
        dump(&s),
        before,
        "nothing of the good rows was written either"
    );
}

#[test]
fn duplicates_are_reported_and_skipped_or_merged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fines.csv");
    std::fs::write(&file, FOREIGN).unwrap();
    let mut s = store(dir.path(), "a.db");
    s.import_csv(&file, &foreign_options(), "t", &mut no_progress)
        .unwrap();
    let before = dump(&s);

    let again = s
        .import_csv(&file, &foreign_options(), "t", &mut no_progress)
        .unwrap();
    assert_eq!(again.created, 0);
    assert_eq!(again.duplicates.len(), 4);
    assert_eq!(again.duplicates[0].row, 2);
    assert!(again.duplicates[0]
        .reason
        .text
        .contains("https://example.org/kp"));
    assert!(!again.duplicates[0].merged);
    assert_eq!(dump(&s), before, "skipped duplicates change nothing");

    // Same company and title and first date, new source: merging adds the source.
    let more = dir.path().join("more.csv");
    std::fs::write(
        &more,
        "Organisation;Headline;Date of decision;Link\nMeta;EU transfers;May 22, 2023;https://example.org/meta-2\n",
    )
    .unwrap();
    let options = ImportOptions {
        merge_duplicates: true,
        ..Default::default()
    };
    let merged = s
        .import_csv(&more, &options, "t", &mut no_progress)
        .unwrap();
    assert_eq!((merged.created, merged.merged), (0, 1), "{merged:?}");
    let meta = s
        .list_full(&ListQuery {
            company: Some("Meta".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(meta.len(), 1);
    let urls: Vec<&str> = meta[0].sources.iter().map(|x| x.url.as_str()).collect();
    assert_eq!(
        urls,
        ["https://example.org/meta", "https://example.org/meta-2"]
    );
}

#[test]
fn a_dry_run_previews_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fines.csv");
    std::fs::write(&file, FOREIGN).unwrap();
    let mut s = store(dir.path(), "a.db");
    let before = dump(&s);
    let options = ImportOptions {
        dry_run: true,
        preview: 2,
        ..foreign_options()
    };
    let report = s
        .import_csv(&file, &options, "t", &mut no_progress)
        .unwrap();
    assert!(!report.committed);
    assert_eq!(report.created, 4);
    assert_eq!(report.preview.len(), 2);
    assert_eq!(report.preview[0].users_affected, Some(40_450_000));
    assert_eq!(dump(&s), before);
}

#[test]
fn a_missing_company_column_is_refused_before_reading_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.csv");
    std::fs::write(&file, "Who,What\nA,B\n").unwrap();
    let mut s = store(dir.path(), "a.db");
    let err = s
        .import_csv(&file, &ImportOptions::default(), "t", &mut no_progress)
        .unwrap_err();
    assert_eq!(err.field(), Some("map"));
    assert!(err.message().contains("company"), "{err}");
    let options = ImportOptions {
        mapping: vec![("Who".into(), Field::Company), ("2".into(), Field::Title)],
        ..Default::default()
    };
    let report = s
        .import_csv(&file, &options, "t", &mut no_progress)
        .unwrap();
    assert_eq!(report.created, 1);
}

/// A second connection on the store's file: tests read what was committed the
/// way another program would, never through the store's own connection.
fn reader(s: &Store) -> Connection {
    Connection::open_with_flags(s.path().unwrap(), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}
