//! Paging and search on generated data: keyset pages neither skip nor repeat a
//! row, whatever the sort and however many rows share a value, and the
//! full-text index follows every edit and delete.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::model::EventInput;
use incidents_core::{IncidentInput, ListQuery, SortKey, Store};
use rusqlite::{Connection, OpenFlags};

fn all_sorts() -> Vec<SortKey> {
    vec![
        SortKey::Company,
        SortKey::Title,
        SortKey::Regulators,
        SortKey::RecordsAffected,
        SortKey::UsersAffected,
        SortKey::Status,
        SortKey::LatestEvent,
        SortKey::Id,
    ]
}

#[test]
fn keyset_pages_cover_every_row_once_in_list_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("k.db")).unwrap();
    s.generate(600, 3, &mut |_| {}).unwrap();
    // Many ties: the same count, title and date on forty incidents.
    for i in 0..40 {
        s.create_incident(
            &IncidentInput {
                company: "Tie Corp".into(),
                title: "Same title".into(),
                records_affected: Some(1000),
                users_affected: (i % 2 == 0).then_some(5),
                events: vec![EventInput {
                    kind: "disclosed".into(),
                    date: "2020-01-01".into(),
                    ..Default::default()
                }],
                ..Default::default()
            },
            "t",
        )
        .unwrap();
    }
    for sort in all_sorts() {
        for descending in [false, true] {
            let base = ListQuery {
                sort,
                descending: Some(descending),
                status: None,
                ..Default::default()
            };
            let everything: Vec<i64> = s
                .list_incidents(&base)
                .unwrap()
                .rows
                .iter()
                .map(|r| r.id)
                .collect();
            let mut paged = Vec::new();
            let mut after = None;
            loop {
                let page = s
                    .list_incidents(&ListQuery {
                        limit: Some(37),
                        after: after.clone(),
                        ..base.clone()
                    })
                    .unwrap();
                paged.extend(page.rows.iter().map(|r| r.id));
                assert!(page.rows.len() <= 37);
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
            }
            assert_eq!(paged.len(), 640, "{sort:?} desc={descending}");
            assert_eq!(
                paged, everything,
                "{sort:?} desc={descending}: pages in list order"
            );
            let mut unique = paged.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(
                unique.len(),
                640,
                "{sort:?} desc={descending}: no row twice"
            );
        }
    }
    // With a filter too: only the matching rows, each once.
    let filtered = ListQuery {
        status: Some(incidents_core::model::Status::Sanctioned),
        sort: SortKey::RecordsAffected,
        limit: Some(25),
        ..Default::default()
    };
    let total = s.list_incidents(&filtered).unwrap().total;
    let (mut seen, mut after) = (Vec::new(), None);
    loop {
        let page = s
            .list_incidents(&ListQuery {
                after: after.clone(),
                ..filtered.clone()
            })
            .unwrap();
        seen.extend(page.rows.iter().map(|r| (r.id, r.status)));
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    assert_eq!(seen.len() as i64, total);
    assert!(seen.iter().all(|(_, st)| st.as_str() == "sanctioned"));
}

fn found(s: &Store, text: &str) -> Vec<String> {
    s.list_incidents(&ListQuery {
        text: Some(text.into()),
        ..Default::default()
    })
    .unwrap()
    .rows
    .into_iter()
    .map(|r| r.title)
    .collect()
}

#[test]
fn full_text_search_follows_edits_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("f.db")).unwrap();
    s.generate(200, 5, &mut |_| {}).unwrap();
    let created = s
        .create_incident(
            &IncidentInput {
                company: "Quokka Systems".into(),
                title: "Zebra ledger exposed".into(),
                summary: Some("고객 정보가 외부로 유출됐다".into()),
                events: vec![EventInput {
                    kind: "fined".into(),
                    date: "2024-03".into(),
                    note: Some("penalty notice 滴滴出行".into()),
                    ..Default::default()
                }],
                ..Default::default()
            },
            "t",
        )
        .unwrap();
    assert_eq!(found(&s, "zebra"), ["Zebra ledger exposed"]);
    assert_eq!(
        found(&s, "quokka ledger"),
        ["Zebra ledger exposed"],
        "words may be in company and title"
    );
    assert_eq!(
        found(&s, "외부로"),
        ["Zebra ledger exposed"],
        "Korean inside a sentence"
    );
    assert_eq!(
        found(&s, "滴滴出行"),
        ["Zebra ledger exposed"],
        "an event note"
    );

    let mut edit = created.to_input();
    edit.title = "Okapi ledger exposed".into();
    edit.events[0].note = None;
    s.update_incident(created.id, &edit, "t").unwrap();
    assert!(
        found(&s, "zebra").is_empty(),
        "the old title is gone from the index"
    );
    assert!(
        found(&s, "滴滴出行").is_empty(),
        "the removed note is gone from the index"
    );
    assert_eq!(found(&s, "okapi"), ["Okapi ledger exposed"]);

    let current = s.get_incident(created.id).unwrap();
    s.delete_incident(created.id, Some(current.version), "t")
        .unwrap();
    assert!(found(&s, "okapi").is_empty());
    let indexed: i64 = reader(&s)
        .query_row(
            "SELECT count(*) FROM incidents_fts WHERE rowid = ?1",
            [created.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexed, 0);
}

/// A second connection on the store's file: tests read what was committed the
/// way another program would, never through the store's own connection.
fn reader(s: &Store) -> Connection {
    Connection::open_with_flags(s.path().unwrap(), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// Live incidents and full-text rows, counted by another connection.
fn indexed_and_live(s: &Store) -> (i64, i64) {
    let conn = reader(s);
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get(0)).unwrap();
    (
        count("SELECT count(*) FROM incidents_fts"),
        count("SELECT count(*) FROM incidents WHERE deleted_at IS NULL"),
    )
}

#[test]
fn bulk_writes_index_every_new_incident_once() {
    use incidents_core::store::export::ExportFormat;
    use incidents_core::store::import::ImportOptions;
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::open(dir.path().join("a.db")).unwrap();
    a.load_sample_data("t").unwrap();
    a.generate(1_100, 5, &mut |_| {}).unwrap();
    let (indexed, live) = indexed_and_live(&a);
    assert_eq!(indexed, live, "the generator indexes what it writes");
    // Every row of a list longer than one look-up of regulators (500 rows)
    // carries its own regulators.
    let all = a.list_incidents(&ListQuery::default()).unwrap().rows;
    assert_eq!(all.len(), 1_107);
    for row in [&all[0], &all[499], &all[500], &all[1_106]] {
        let mut want: Vec<String> = a
            .get_incident(row.id)
            .unwrap()
            .events
            .into_iter()
            .filter_map(|e| e.regulator)
            .collect();
        want.sort();
        want.dedup();
        let mut got: Vec<String> = row.regulators.iter().map(|r| r.label.clone()).collect();
        got.sort();
        assert_eq!(got, want, "incident {}", row.id);
    }
    let csv = dir.path().join("events.csv");
    a.export(&ListQuery::default(), ExportFormat::EventsCsv, &csv)
        .unwrap();
    // The import writes the new incidents' rows together at the end, and an
    // incident the same file merges into again is indexed once.
    let mut b = Store::open(dir.path().join("b.db")).unwrap();
    let report = b
        .import_csv(&csv, &ImportOptions::default(), "t", &mut |_| {})
        .unwrap();
    assert!(report.committed && report.created >= 1_100, "{report:?}");
    assert_eq!(indexed_and_live(&b), indexed_and_live(&a));
    assert_eq!(
        found(&b, "Alipay"),
        ["Customer data passed to Alipay without consent"]
    );
    let again = ImportOptions {
        merge_duplicates: true,
        ..Default::default()
    };
    b.import_csv(&csv, &again, "t", &mut |_| {}).unwrap();
    assert_eq!(indexed_and_live(&b), indexed_and_live(&a));
}

/// Every table's rows, as text: what "the database is unchanged" compares.
fn dump(path: &std::path::Path) -> Vec<String> {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut out = Vec::new();
    for table in [
        "companies",
        "incidents",
        "events",
        "sources",
        "incident_sources",
        "history",
        "incidents_fts",
    ] {
        let mut stmt = c
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", cells.join("|")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn a_cancelled_import_leaves_the_database_as_it_was() {
    use incidents_core::store::export::ExportFormat;
    use incidents_core::store::import::ImportOptions;
    let dir = tempfile::tempdir().unwrap();
    let mut source = Store::open(dir.path().join("source.db")).unwrap();
    source.generate(3_000, 9, &mut |_| {}).unwrap();
    let file = dir.path().join("all.csv");
    source
        .export(&ListQuery::default(), ExportFormat::Csv, &file)
        .unwrap();
    let target_path = dir.path().join("target.db");
    let mut target = Store::open(&target_path).unwrap();
    target.generate(50, 2, &mut |_| {}).unwrap();
    let before = dump(&target_path);
    let options = ImportOptions::default();
    let flag = options.cancel.clone();
    let mut seen = 0;
    let outcome = target.import_csv(&file, &options, "t", &mut |p| {
        seen = p.rows;
        if p.rows >= 1_000 {
            flag.cancel(); // the person presses Cancel a third of the way in
        }
    });
    let err = outcome.unwrap_err();
    assert_eq!(err.kind(), "cancelled", "{err}");
    assert!(err.message().contains("cancelled at row"), "{err}");
    assert!((1_000..3_000).contains(&seen), "stopped after {seen} rows");
    assert_eq!(dump(&target_path), before);
    // The store is still usable, and the same file imports whole afterwards.
    let report = target
        .import_csv(&file, &ImportOptions::default(), "t", &mut |_| {})
        .unwrap();
    assert_eq!(report.created, 3_000);
}
