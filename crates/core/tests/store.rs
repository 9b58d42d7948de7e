//! The store against real temp-file databases: what is written, what is refused,
//! and that a refused write leaves the file exactly as it was.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::model::{EventInput, SourceInput, Status};
use incidents_core::money::AmountText;
use incidents_core::{IncidentInput, ListQuery, SortKey, Store};
use rusqlite::{Connection, OpenFlags};

/// A second connection on the store's file: tests read what was committed the
/// way another program would, never through the store's own connection.
fn reader(s: &Store) -> Connection {
    Connection::open_with_flags(s.path().unwrap(), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("incidents.db")).unwrap();
    (dir, store)
}

fn seed_case() -> IncidentInput {
    IncidentInput {
        company: "Kakao Pay".into(),
        title: "Customer data passed to Alipay".into(),
        counterparty: Some("Alipay".into()),
        country: Some("KR".into()),
        status: Some("findings_published".into()),
        records_affected: Some(54_200_000_000),
        users_affected: Some(40_000_000),
        events: vec![
            EventInput {
                kind: "findings_published".into(),
                date: "2024-08-13".into(),
                regulator: Some("금융감독원".into()),
                ..Default::default()
            },
            EventInput {
                kind: "ceased".into(),
                date: "2024-05-22".into(),
                ..Default::default()
            },
        ],
        sources: vec![SourceInput {
            url: "https://cn.yna.co.kr/view/ACK20240815000400881".into(),
            language: Some("zh".into()),
            ..Default::default()
        }],
        ..Default::default()
    }
}

/// Every row of every table, as text, to compare a database before and after.
fn dump(conn: &Connection) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut line = format!("{t}:");
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .unwrap();
        for row in rows {
            out.push(row.unwrap());
        }
    }
    out
}

#[test]
fn create_stores_every_part_and_reads_it_back() {
    let (_dir, mut store) = temp_store();
    let incident = store.create_incident(&seed_case(), "test").unwrap();
    assert_eq!(incident.company, "Kakao Pay");
    assert_eq!(incident.records_affected, Some(54_200_000_000));
    assert_eq!(incident.users_affected, Some(40_000_000));
    assert_eq!(incident.status, Status::FindingsPublished);
    // Events come back in time order, whatever order they were entered in.
    let dates: Vec<&str> = incident.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["2024-05-22", "2024-08-13"]);
    // The Korean alias resolved to the FSS.
    assert_eq!(incident.events[1].regulator.as_deref(), Some("FSS"));
    assert_eq!(incident.sources[0].language.as_deref(), Some("zh"));
    assert_eq!(store.history(incident.id).unwrap()[0].field, "created");
}

#[test]
fn an_invalid_event_in_a_valid_incident_writes_nothing() {
    let (_dir, mut store) = temp_store();
    store.create_incident(&seed_case(), "test").unwrap();
    let before = dump(&reader(&store));

    let mut bad = seed_case();
    bad.title = "Second incident".into();
    bad.events.push(EventInput {
        kind: "fined".into(),
        date: "2024-02-30".into(),
        ..Default::default()
    });
    let err = store.create_incident(&bad, "test").unwrap_err();
    assert_eq!(err.field(), Some("events[2].date"));
    assert_eq!(dump(&reader(&store)), before);
}

#[test]
fn an_unknown_regulator_rolls_back_the_rows_already_written() {
    // The incident row and its first event are inserted before the store meets
    // the unknown regulator of the second event: the transaction must undo them.
    let (_dir, mut store) = temp_store();
    let before = dump(&reader(&store));
    let mut bad = seed_case();
    bad.company = "A company never seen before".into();
    bad.events[1].regulator = Some("Ministry of Silly Walks".into());
    let err = store.create_incident(&bad, "test").unwrap_err();
    assert_eq!(err.field(), Some("events[1].regulator"));
    assert!(err.message().contains("unknown regulator"), "{err}");
    assert_eq!(
        dump(&reader(&store)),
        before,
        "no company, incident or event left behind"
    );
}

#[test]
fn every_validation_rule_refuses_without_writing() {
    let (_dir, mut store) = temp_store();
    store.create_incident(&seed_case(), "test").unwrap();
    let before = dump(&reader(&store));
    type BreakIt = Box<dyn Fn(&mut IncidentInput)>;
    let cases: Vec<(&str, BreakIt)> = vec![
        ("company", Box::new(|i| i.company = " ".into())),
        ("title", Box::new(|i| i.title = String::new())),
        (
            "records_affected",
            Box::new(|i| i.records_affected = Some(-5)),
        ),
        (
            "users_affected",
            Box::new(|i| i.users_affected = Some(10_000_000_000_001)),
        ),
        ("status", Box::new(|i| i.status = Some("pending".into()))),
        (
            "events[0].kind",
            Box::new(|i| i.events[0].kind = "leaked".into()),
        ),
        (
            "events[1].date",
            Box::new(|i| i.events[1].date = "2024-13".into()),
        ),
        (
            "events[0].currency",
            Box::new(|i| {
                i.events[0].amount = Some(AmountText("100".into()));
                i.events[0].currency = Some("ABC".into());
            }),
        ),
        (
            "events[0].amount",
            Box::new(|i| {
                i.events[0].amount = Some(AmountText("-100".into()));
                i.events[0].currency = Some("KRW".into());
            }),
        ),
    ];
    for (field, break_it) in cases {
        let mut input = seed_case();
        input.title = format!("broken {field}");
        break_it(&mut input);
        let err = store.create_incident(&input, "test").unwrap_err();
        assert_eq!(err.field(), Some(field));
        assert_eq!(dump(&reader(&store)), before, "{field}: nothing written");
    }
}

#[test]
fn money_is_kept_in_minor_units() {
    let (_dir, mut store) = temp_store();
    let mut input = seed_case();
    input.events.push(EventInput {
        kind: "fined".into(),
        date: "2020-10-30".into(),
        regulator: Some("ICO".into()),
        amount: Some(AmountText("18.4".into())),
        currency: Some("GBP".into()),
        ..Default::default()
    });
    let incident = store.create_incident(&input, "test").unwrap();
    let fine = incident
        .events
        .iter()
        .find(|e| e.currency.is_some())
        .unwrap();
    assert_eq!(fine.amount_minor, Some(1840));
    assert_eq!(fine.amount, Some(serde_json::json!(18.4)));
    let stored: i64 = reader(&store)
        .query_row(
            "SELECT amount_minor FROM events WHERE currency = 'GBP'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 1840);
}

#[test]
fn update_records_history_and_a_stale_version_is_a_conflict() {
    let (_dir, mut store) = temp_store();
    let created = store.create_incident(&seed_case(), "analyst-a").unwrap();
    let mut first = created.to_input();
    first.users_affected = Some(40_450_000);
    let updated = store
        .update_incident(created.id, &first, "analyst-a")
        .unwrap();
    assert_eq!(updated.version, 2);
    assert_eq!(updated.users_affected, Some(40_450_000));
    let history = store.history(created.id).unwrap();
    let change = history
        .iter()
        .find(|h| h.field == "users_affected")
        .unwrap();
    assert_eq!(change.old_value.as_deref(), Some("40000000"));
    assert_eq!(change.new_value.as_deref(), Some("40450000"));

    // A second editor still holding version 1 must not overwrite the change.
    let before = dump(&reader(&store));
    let mut stale = created.to_input();
    stale.title = "Edited from an old copy".into();
    let err = store
        .update_incident(created.id, &stale, "analyst-b")
        .unwrap_err();
    assert_eq!(err.kind(), "conflict");
    assert!(err.to_string().contains("users_affected"), "{err}");
    assert_eq!(dump(&reader(&store)), before);
}

#[test]
fn event_changes_are_kept_in_history() {
    let (_dir, mut store) = temp_store();
    let created = store.create_incident(&seed_case(), "a").unwrap();
    let mut input = created.to_input();
    input.events.retain(|e| e.kind != "ceased");
    input.events.push(EventInput {
        kind: "fined".into(),
        date: "2025-01".into(),
        regulator: Some("PIPC".into()),
        amount: Some(AmountText("5968000000".into())),
        currency: Some("KRW".into()),
        ..Default::default()
    });
    store.update_incident(created.id, &input, "a").unwrap();
    let history = store.history(created.id).unwrap();
    let events: Vec<_> = history.iter().filter(|h| h.field == "event").collect();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].old_value.as_deref(), Some("ceased 2024-05-22"));
    assert_eq!(
        events[1].new_value.as_deref(),
        Some("fined 2025-01 by PIPC KRW 5968000000")
    );
}

#[test]
fn deleted_incidents_leave_the_list_but_keep_their_history() {
    let (_dir, mut store) = temp_store();
    let a = store.create_incident(&seed_case(), "t").unwrap();
    store.delete_incident(a.id, Some(a.version), "t").unwrap();
    assert_eq!(
        store.list_incidents(&ListQuery::default()).unwrap().total,
        0
    );
    assert_eq!(store.get_incident(a.id).unwrap_err().kind(), "not_found");
    assert_eq!(
        store.history(a.id).unwrap().last().unwrap().field,
        "deleted"
    );
}

#[test]
fn sample_data_loads_once_and_passes_integrity_check() {
    let (dir, mut store) = temp_store();
    let added = store.load_sample_data("t").unwrap();
    assert!(added >= 5, "{added}");
    assert_eq!(store.load_sample_data("t").unwrap(), 0);
    let page = store.list_incidents(&ListQuery::default()).unwrap();
    assert_eq!(page.total as usize, added);
    let kakao = store
        .list_full(&ListQuery {
            company: Some("카카오페이".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(kakao.len(), 1, "the Korean alias finds Kakao Pay");
    let k = &kakao[0];
    assert_eq!(k.records_affected, Some(54_200_000_000));
    assert_eq!(k.users_affected, Some(40_000_000));
    assert_eq!(k.counterparty.as_deref(), Some("Alipay"));
    assert!(k
        .events
        .iter()
        .any(|e| e.date == "2024-08-13" && e.regulator.as_deref() == Some("FSS")));
    assert!(k
        .events
        .iter()
        .any(|e| e.date == "2024-05-22" && e.kind.as_str() == "ceased"));
    assert_eq!(
        k.sources[0].url,
        "https://cn.yna.co.kr/view/ACK20240815000400881"
    );
    let ok: String = reader(&store)
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(store);
    // A first start on a database whose samples were deleted does not bring them back.
    let mut reopened = Store::open(dir.path().join("incidents.db")).unwrap();
    assert_eq!(reopened.load_sample_data_on_first_start("t").unwrap(), 0);
}

#[test]
fn list_filters_and_sorts() {
    let (_dir, mut store) = temp_store();
    store.load_sample_data("t").unwrap();
    let by = |q: ListQuery| -> Vec<String> {
        store
            .list_incidents(&q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.company)
            .collect()
    };
    assert_eq!(
        by(ListQuery {
            status: Some(Status::Settled),
            ..Default::default()
        }),
        ["Equifax"]
    );
    assert_eq!(
        by(ListQuery {
            regulator: Some("개인정보보호위원회".into()),
            sort: SortKey::Company,
            ..Default::default()
        }),
        ["Kakao Pay", "SK Telecom"]
    );
    assert_eq!(
        by(ListQuery {
            text: Some("starwood".into()),
            ..Default::default()
        }),
        ["Marriott International"]
    );
    let users = by(ListQuery {
        sort: SortKey::UsersAffected,
        descending: Some(true),
        ..Default::default()
    });
    assert_eq!(users[0], "Marriott International");
    // Incidents with no count sort last in both directions.
    let asc = by(ListQuery {
        sort: SortKey::UsersAffected,
        descending: Some(false),
        ..Default::default()
    });
    assert_eq!(asc.first().map(String::as_str), Some("Optus"));
    assert!(
        asc.last().map(String::as_str) == Some("Meta Platforms")
            || asc.last().map(String::as_str) == Some("Didi Global")
    );
    let first = store
        .list_incidents(&ListQuery {
            sort: SortKey::Id,
            limit: Some(3),
            ..Default::default()
        })
        .unwrap();
    let page = store
        .list_incidents(&ListQuery {
            sort: SortKey::Id,
            limit: Some(3),
            after: first.next.clone(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.rows.len(), 3);
    assert_eq!(page.rows[0].id, first.rows[2].id + 1);
    assert!(page.total >= 7);
    // An unknown status is refused where it is read: typed by the CLI or sent
    // by the window, whose blank filter means any status.
    let err = incidents_core::store::list::parse_status_filter(Some("nope")).unwrap_err();
    assert_eq!(err.field(), Some("status"));
    let sent: Result<ListQuery, _> = serde_json::from_str(r#"{"status": "nope"}"#);
    assert!(sent
        .unwrap_err()
        .to_string()
        .contains("unknown status 'nope'"));
    let blank: ListQuery = serde_json::from_str(r#"{"status": ""}"#).unwrap();
    assert_eq!(blank.status, None);
}

#[test]
fn a_company_is_matched_by_alias_when_entered_again() {
    let (_dir, mut store) = temp_store();
    store.load_sample_data("t").unwrap();
    let mut input = seed_case();
    input.company = "카카오페이".into();
    input.title = "Another Kakao Pay case".into();
    let created = store.create_incident(&input, "t").unwrap();
    assert_eq!(created.company, "Kakao Pay");
}
