//! The Overview's numbers on a small database built by hand, where each figure
//! is known: partial dates, several currencies, an incident without events, a
//! deleted incident, a fine by one of two regulators.

#![allow(clippy::unwrap_used)]

mod common;
use common::{ev, money};

use incidents_core::model::{EventInput, EventKind};
use incidents_core::store::stats::{StatsBy, StatsRow};
use incidents_core::{IncidentInput, ListQuery, Store};
use serde_json::json;

fn incident(
    company: &str,
    country: &str,
    counts: (Option<i64>, Option<i64>),
    events: Vec<EventInput>,
) -> IncidentInput {
    IncidentInput {
        company: company.into(),
        title: format!("{company} case"),
        country: (!country.is_empty()).then(|| country.into()),
        records_affected: counts.0,
        users_affected: counts.1,
        events,
        ..Default::default()
    }
}

/// Alpha (KR): started 2023-01-10, disclosed 2023-03-01, PIPC fines KRW 2023-09
/// (= 1 September: 184 days after the disclosure) and again in 2024.
/// Beta (KR): disclosed 2024-02-01, findings by KFTC 2024-05-01, PIPC fines
/// 2024-06-01 (121 days) in EUR and KRW; proposed fine KRW before.
/// Gamma (IE): year-precision dates only, DPC fine EUR 2024 (no duration).
/// Delta (no country): no events at all.
/// Epsilon (IE): fined by DPC, then deleted — never counted.
fn build() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("s.db")).unwrap();
    let cases = [
        incident(
            "Alpha",
            "KR",
            (Some(1_000), Some(100)),
            vec![
                ev("started", "2023-01-10", None),
                ev("disclosed", "2023-03-01", None),
                money("fined", "2023-09", "PIPC", "1000000", "KRW"),
                money("fined", "2024-02-02", "PIPC", "500000", "KRW"),
            ],
        ),
        incident(
            "Beta",
            "KR",
            (None, Some(50)),
            vec![
                ev("disclosed", "2024-02-01", None),
                money("proposed_fine", "2024-04-01", "PIPC", "3000000", "KRW"),
                ev("findings_published", "2024-05-01", Some("KFTC")),
                money("fined", "2024-06-01", "PIPC", "2000000", "KRW"),
                money("fined", "2024-06-01", "PIPC", "12.5", "EUR"),
            ],
        ),
        incident(
            "Gamma",
            "IE",
            (Some(7), None),
            vec![
                ev("disclosed", "2022", None),
                money("fined", "2024", "DPC", "1000", "EUR"),
            ],
        ),
        incident("Delta", "", (Some(5), Some(5)), vec![]),
    ];
    for case in &cases {
        s.create_incident(case, "t").unwrap();
    }
    let deleted = s
        .create_incident(
            &incident(
                "Epsilon",
                "IE",
                (Some(99), Some(99)),
                vec![money("fined", "2024-01-01", "DPC", "9", "EUR")],
            ),
            "t",
        )
        .unwrap();
    s.delete_incident(deleted.id, Some(deleted.version), "t")
        .unwrap();
    (dir, s)
}

fn row<'a>(rows: &'a [StatsRow], key: Option<&str>) -> &'a StatsRow {
    rows.iter()
        .find(|r| r.key.as_deref() == key)
        .unwrap_or_else(|| panic!("no row {key:?} in {rows:#?}"))
}

#[test]
fn by_regulator_counts_each_acting_regulator_with_its_own_money() {
    let (_d, s) = build();
    let stats = s.stats(StatsBy::Regulator, &ListQuery::default()).unwrap();
    assert_eq!(stats.incidents, 4, "the deleted incident is not counted");
    let keys: Vec<_> = stats.rows.iter().map(|r| r.key.clone().unwrap()).collect();
    assert_eq!(keys, ["PIPC", "DPC", "KFTC"], "by incidents, then name");
    let pipc = row(&stats.rows, Some("PIPC"));
    assert_eq!(pipc.incidents, 2);
    assert_eq!(
        pipc.records_affected, 1_000,
        "an unknown count adds nothing"
    );
    assert_eq!(pipc.users_affected, 150);
    assert_eq!(pipc.fines["KRW"], json!(3_500_000));
    assert_eq!(pipc.fines["EUR"], json!(12.5));
    assert_eq!(pipc.proposed_fines["KRW"], json!(3_000_000));
    // Alpha: 2023-03-01 → 2023-09-01 = 184 days; Beta: from the findings or
    // disclosure, whichever first (2024-02-01) → 2024-06-01 = 121 days.
    assert_eq!(pipc.days_to_fine_incidents, 2);
    assert_eq!(pipc.median_days_to_fine, Some((184 + 121) / 2));
    assert!(
        pipc.id.is_some(),
        "a regulator row carries its id for the link"
    );
    let dpc = row(&stats.rows, Some("DPC"));
    assert_eq!((dpc.incidents, dpc.fines["EUR"].clone()), (1, json!(1000)));
    assert_eq!(
        dpc.median_days_to_fine, None,
        "year precision gives no duration"
    );
    let kftc = row(&stats.rows, Some("KFTC"));
    assert!(kftc.fines.is_empty() && kftc.median_days_to_fine.is_none());
}

#[test]
fn by_year_counts_an_incident_once_in_each_year_it_has_events() {
    let (_d, s) = build();
    let stats = s.stats(StatsBy::Year, &ListQuery::default()).unwrap();
    let keys: Vec<_> = stats.rows.iter().map(|r| r.key.clone().unwrap()).collect();
    assert_eq!(keys, ["2022", "2023", "2024"], "years in order");
    let y2023 = row(&stats.rows, Some("2023"));
    assert_eq!(y2023.incidents, 1);
    assert_eq!(y2023.fines["KRW"], json!(1_000_000));
    let y2024 = row(&stats.rows, Some("2024"));
    assert_eq!(y2024.incidents, 3, "Alpha, Beta and Gamma");
    assert_eq!(y2024.fines["KRW"], json!(2_500_000));
    assert_eq!(y2024.fines["EUR"], json!(1012.5));
    assert_eq!(y2024.records_affected, 1_007);
    // Started 2023-01-10 → disclosed 2023-03-01: 50 days, for Alpha only.
    assert_eq!(y2023.median_days_to_disclose, Some(50));
    assert_eq!(y2023.days_to_disclose_incidents, 1);
}

#[test]
fn by_country_and_company_keep_incidents_without_events() {
    let (_d, s) = build();
    let by_country = s.stats(StatsBy::Country, &ListQuery::default()).unwrap();
    let kr = row(&by_country.rows, Some("KR"));
    assert_eq!((kr.incidents, kr.users_affected), (2, 150));
    let none = row(&by_country.rows, None);
    assert_eq!(none.incidents, 1, "Delta has no country and no events");
    assert!(none.fines.is_empty());
    let ie = row(&by_country.rows, Some("IE"));
    assert_eq!(
        ie.fines["EUR"],
        json!(1000),
        "Epsilon's deleted fine is left out"
    );
    let by_company = s.stats(StatsBy::Company, &ListQuery::default()).unwrap();
    assert_eq!(by_company.rows.len(), 4);
    assert!(row(&by_company.rows, Some("Delta")).id.is_some());
}

#[test]
fn by_kind_and_under_filters() {
    let (_d, s) = build();
    let kinds = s.stats(StatsBy::Kind, &ListQuery::default()).unwrap();
    assert_eq!(row(&kinds.rows, Some("fined")).incidents, 3);
    assert_eq!(row(&kinds.rows, Some("disclosed")).incidents, 3);
    assert!(row(&kinds.rows, Some("disclosed")).fines.is_empty());
    // The list's filters select the incidents first.
    let korea = ListQuery {
        country: Some("South Korea".into()),
        ..Default::default()
    };
    let stats = s.stats(StatsBy::Regulator, &korea).unwrap();
    assert_eq!(stats.incidents, 2);
    assert!(stats.rows.iter().all(|r| r.key.as_deref() != Some("DPC")));
    let fined_2024 = ListQuery {
        kind: Some(EventKind::ProposedFine),
        from: Some("2024".into()),
        ..Default::default()
    };
    let stats = s.stats(StatsBy::Company, &fined_2024).unwrap();
    let keys: Vec<_> = stats.rows.iter().map(|r| r.key.clone().unwrap()).collect();
    assert_eq!(keys, ["Beta"]);
    // The list shows the same incidents the stats count.
    let page = s.list_incidents(&korea).unwrap();
    assert_eq!(page.total, 2);
}

#[test]
fn the_overview_buckets_sizes_by_digits_and_durations_by_range() {
    let (_d, s) = build();
    let o = s.overview(&ListQuery::default()).unwrap();
    assert_eq!(o.incidents, 4);
    let size = |digits: u32| {
        o.sizes
            .iter()
            .find(|b| b.digits == digits)
            .map(|b| (b.records, b.people))
    };
    assert_eq!(
        size(1),
        Some((2, 1)),
        "Gamma 7 and Delta 5 records; Delta 5 people"
    );
    assert_eq!(size(2), Some((0, 1)), "Beta's 50 people");
    assert_eq!(size(3), Some((0, 1)), "Alpha's 100 people");
    assert_eq!(size(4), Some((1, 0)), "Alpha's 1,000 records");
    let bucket = |label: &str| o.durations.iter().find(|b| b.label == label).unwrap();
    assert_eq!(bucket("3–6 months").to_fine, 1, "Beta: 121 days");
    assert_eq!(bucket("6–12 months").to_fine, 1, "Alpha: 184 days");
    assert_eq!(bucket("1–3 months").to_disclose, 1, "Alpha: 50 days");
    assert_eq!((o.to_fine_incidents, o.to_disclose_incidents), (2, 1));
    assert_eq!(o.by_year.len(), 3);
    assert_eq!(o.by_regulator[0].key.as_deref(), Some("PIPC"));
}

#[test]
fn the_list_filters_a_chart_opens_select_what_it_counted() {
    let (_d, s) = build();
    let ids = |q: ListQuery| -> Vec<String> {
        let mut names: Vec<String> = s
            .list_incidents(&q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.company)
            .collect();
        names.sort();
        names
    };
    // Fined in 2023: Alpha only, although Beta was fined in 2024 and has 2024 events.
    let fined_2023 = ListQuery {
        kind: Some(EventKind::Fined),
        from: Some("2023".into()),
        to: Some("2023".into()),
        ..Default::default()
    };
    assert_eq!(ids(fined_2023), ["Alpha"]);
    let fined = ListQuery {
        kind: Some(EventKind::Fined),
        ..Default::default()
    };
    assert_eq!(ids(fined), ["Alpha", "Beta", "Gamma"]);
    // The size buckets of the Overview: 1–9 records.
    let small = ListQuery {
        records_min: Some(1),
        records_max: Some(9),
        ..Default::default()
    };
    assert_eq!(ids(small), ["Delta", "Gamma"]);
    let people = ListQuery {
        users_min: Some(10),
        ..Default::default()
    };
    assert_eq!(ids(people), ["Alpha", "Beta"]);
    let sizes = s.overview(&ListQuery::default()).unwrap().sizes;
    let one_digit = sizes.iter().find(|b| b.digits == 1).unwrap();
    assert_eq!(
        one_digit.records, 2,
        "the bucket counts what the filter lists"
    );
}
