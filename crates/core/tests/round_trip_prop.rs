//! Our own events CSV comes back exactly: random incidents (look-alikes with
//! the same company, title and first date among them, quotes, a leading
//! apostrophe, formula-like text, CJK, line breaks) are exported and imported
//! into an empty database, and the two databases hold the same incidents.

#![allow(clippy::unwrap_used)]

use incidents_core::model::{EventInput, IncidentInput, SourceInput};
use incidents_core::money::AmountText;
use incidents_core::store::export::ExportFormat;
use incidents_core::store::import::ImportOptions;
use incidents_core::{ListQuery, Store};
use proptest::prelude::*;

fn one_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z ,.&'\"-]{0,20}",
        "'[A-Za-z =+@-]{1,12}",
        "[=+@-][A-Za-z0-9 ]{1,10}",
        "[카카오페이알리]{1,6}",
        "[支付宝滴滴出行]{1,6}",
    ]
    .prop_map(|s| s.trim().to_string())
    .prop_filter("a name is not blank", |s| !s.is_empty())
}

fn text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        "[A-Za-z,\" ]{1,20}(\n[A-Za-z '=]{1,20}){0,3}".prop_map(|s| Some(s.trim().to_string())),
        "'[가-힣]{1,10}".prop_map(Some),
    ]
    .prop_map(|s| s.filter(|t| !t.is_empty()))
}

fn event() -> impl Strategy<Value = EventInput> {
    (
        prop_oneof![
            Just("fined"),
            Just("disclosed"),
            Just("started"),
            Just("settled")
        ],
        prop_oneof![
            "20[0-2][0-9]",
            "20[0-2][0-9]-0[1-9]",
            "20[0-2][0-9]-0[1-9]-1[0-9]"
        ],
        prop_oneof![Just(None), Just(Some("PIPC")), Just(Some("CNIL"))],
        prop_oneof![
            Just(None),
            Just(Some(("1200.5", "EUR"))),
            Just(Some(("5968000000", "KRW")))
        ],
        text(),
    )
        .prop_map(|(kind, date, regulator, money, note)| EventInput {
            kind: kind.to_string(),
            date,
            regulator: regulator.map(str::to_string),
            amount: money.map(|(a, _)| AmountText(a.to_string())),
            currency: money.map(|(_, c)| c.to_string()),
            note,
            ..Default::default()
        })
}

fn incident() -> impl Strategy<Value = IncidentInput> {
    (
        one_line(),
        one_line(),
        text(),
        proptest::option::of(0i64..1_000_000_000),
        prop::collection::vec(event(), 0..4),
        proptest::option::of("[a-z]{1,8}"),
    )
        .prop_map(
            |(company, title, summary, records, events, url)| IncidentInput {
                company,
                title,
                summary,
                records_affected: records,
                events,
                sources: url
                    .map(|u| {
                        vec![SourceInput {
                            url: format!("https://example.org/{u}"),
                            ..Default::default()
                        }]
                    })
                    .unwrap_or_default(),
                ..Default::default()
            },
        )
}

/// What must survive, without ids, versions and timestamps.
fn contents(store: &Store) -> Vec<String> {
    let mut all: Vec<String> = store
        .list_full(&ListQuery::default())
        .unwrap()
        .iter()
        .map(|i| {
            let mut input = i.to_input();
            input.version = None;
            serde_json::to_string(&input).unwrap()
        })
        .collect();
    all.sort();
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn events_csv_round_trip_keeps_every_incident(
        mut incidents in prop::collection::vec(incident(), 1..8),
        twins in 0usize..3,
    ) {
        // Look-alikes: the same company, title and events as another incident.
        for n in 0..twins.min(incidents.len()) {
            let copy = incidents[n].clone();
            incidents.push(copy);
        }
        let dir = tempfile::tempdir().unwrap();
        let mut a = Store::open(dir.path().join("a.db")).unwrap();
        for i in &incidents {
            if i.validate().is_ok() {
                a.create_incident(i, "t").unwrap();
            }
        }
        let file = dir.path().join("events.csv");
        a.export(&ListQuery::default(), ExportFormat::EventsCsv, &file).unwrap();
        let mut b = Store::open(dir.path().join("b.db")).unwrap();
        let report = b
            .import_csv(&file, &ImportOptions::default(), "t", &mut |_| {})
            .unwrap();
        prop_assert!(report.errors.is_empty(), "{:?}", report.errors);
        prop_assert_eq!(contents(&a), contents(&b));
    }
}
