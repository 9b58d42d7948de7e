//! Company timelines and regulator views on temp-file databases.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

mod common;
use common::{ev, money};

use incidents_core::model::EventInput;
use incidents_core::{IncidentInput, Store};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("t.db")).unwrap();
    (dir, store)
}

fn incident(company: &str, title: &str, events: Vec<EventInput>) -> IncidentInput {
    IncidentInput {
        company: company.into(),
        title: title.into(),
        events,
        ..Default::default()
    }
}

#[test]
fn mixed_precisions_sort_coarse_first_and_stay_stable() {
    let (_d, mut s) = store();
    s.create_incident(
        &incident(
            "Acme",
            "First",
            vec![
                ev("fined", "2024-05-22", Some("FTC")),
                ev("started", "2024", None),
                ev("discovered", "2024-05", None),
                ev("disclosed", "2023-12-31", None),
                // Two events on one day keep the order they were entered in.
                ev("findings_published", "2024-05-22", Some("FTC")),
            ],
        ),
        "t",
    )
    .unwrap();
    s.create_incident(
        &incident("Acme", "Second", vec![ev("other", "2024-05", None)]),
        "t",
    )
    .unwrap();
    let t = s.company_timeline("acme").unwrap();
    let order: Vec<(&str, &str)> = t
        .events
        .iter()
        .map(|e| (e.date.as_str(), e.kind.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("2023-12-31", "disclosed"),
            ("2024", "started"),
            ("2024-05", "discovered"),
            ("2024-05", "other"),
            ("2024-05-22", "fined"),
            ("2024-05-22", "findings_published"),
        ]
    );
    let year = &t.events[1];
    assert_eq!(
        (year.start.as_str(), year.end.as_str()),
        ("2024-01-01", "2024-12-31")
    );
    let month = &t.events[2];
    assert_eq!(
        (month.start.as_str(), month.end.as_str()),
        ("2024-05-01", "2024-05-31")
    );
    assert_eq!(t.summary.first_event.as_deref(), Some("2023-12-31"));
    assert_eq!(t.summary.latest_event.as_deref(), Some("2024-05-22"));
}

#[test]
fn a_company_is_found_by_any_spelling_or_alias() {
    let (_d, mut s) = store();
    s.load_sample_data("t").unwrap();
    for name in [
        "Kakao Pay",
        "KakaoPay",
        "kakao pay",
        "카카오페이",
        "Kakao Pay Corp.",
        "ＫａｋａｏＰａｙ",
    ] {
        let t = s.company_timeline(name).unwrap();
        assert_eq!(t.company, "Kakao Pay", "{name}");
        assert_eq!(t.events.len(), 5, "{name}");
    }
}

#[test]
fn totals_keep_final_and_proposed_fines_apart_per_currency() {
    let (_d, mut s) = store();
    s.create_incident(
        &IncidentInput {
            records_affected: Some(1_000),
            users_affected: Some(300),
            ..incident(
                "Globex",
                "UK breach",
                vec![
                    money("proposed_fine", "2019-07", "ICO", "99000000", "GBP"),
                    money("fined", "2020-10-30", "ICO", "18400000", "GBP"),
                ],
            )
        },
        "t",
    )
    .unwrap();
    s.create_incident(
        &IncidentInput {
            records_affected: Some(5_000),
            ..incident(
                "Globex",
                "EU transfers",
                vec![
                    money("fined", "2023-05-22", "DPC", "1200000000", "EUR"),
                    money("fined", "2023-06", "CNIL", "0.50", "EUR"),
                    money("settled", "2024", "FTC", "700000000", "USD"),
                ],
            )
        },
        "t",
    )
    .unwrap();
    let t = s.company_timeline("Globex").unwrap();
    let fines: Vec<(&str, i64, usize)> = t
        .summary
        .money
        .fines
        .iter()
        .map(|m| (m.currency.as_str(), m.amount_minor, m.count))
        .collect();
    assert_eq!(
        fines,
        [("EUR", 120_000_000_050, 2), ("GBP", 1_840_000_000, 1)]
    );
    let proposed: Vec<(&str, i64)> = t
        .summary
        .money
        .proposed_fines
        .iter()
        .map(|m| (m.currency.as_str(), m.amount_minor))
        .collect();
    assert_eq!(proposed, [("GBP", 9_900_000_000)]);
    assert_eq!(
        t.summary.money.settlements[0].amount,
        serde_json::json!(700000000)
    );
    assert_eq!(t.summary.incidents, 2);
    assert_eq!(t.summary.records_total, Some(6_000));
    assert_eq!(
        t.summary.records_largest.as_ref().unwrap().incident_title,
        "EU transfers"
    );
    assert_eq!(t.summary.users_total, Some(300));
    assert_eq!(t.summary.regulators, ["CNIL", "DPC", "FTC", "ICO"]);
}

#[test]
fn soft_deleted_incidents_leave_timelines_and_totals() {
    let (_d, mut s) = store();
    let keep = s
        .create_incident(
            &incident(
                "Initech",
                "Kept",
                vec![money("fined", "2022", "FTC", "100", "USD")],
            ),
            "t",
        )
        .unwrap();
    let gone = s
        .create_incident(
            &incident(
                "Initech",
                "Deleted",
                vec![money("fined", "2023", "FTC", "900", "USD")],
            ),
            "t",
        )
        .unwrap();
    s.delete_incident(gone.id, Some(gone.version), "t").unwrap();
    let t = s.company_timeline("Initech").unwrap();
    assert!(t.events.iter().all(|e| e.incident_id == keep.id));
    assert_eq!(t.summary.money.fines[0].amount_minor, 10_000);
    assert_eq!(t.incidents.len(), 1);
    let r = s.regulator_view("FTC").unwrap();
    assert_eq!(r.events.len(), 1);
    assert_eq!(r.summary.money.fines[0].amount_minor, 10_000);
}

#[test]
fn the_regulator_view_lists_actions_across_companies() {
    let (_d, mut s) = store();
    s.load_sample_data("t").unwrap();
    let v = s.regulator_view("개인정보보호위원회").unwrap();
    assert_eq!(v.regulator.short_name.as_deref(), Some("PIPC"));
    let companies: Vec<&str> = v
        .summary
        .companies
        .iter()
        .map(|c| c.company.as_str())
        .collect();
    assert_eq!(companies, ["SK Telecom", "Kakao Pay"]);
    let dates: Vec<&str> = v.events.iter().map(|e| e.date.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    // Three fines in KRW: Kakao Pay's, SK Telecom's surcharge and its 과태료.
    let krw = &v.summary.money.fines[0];
    assert_eq!(krw.currency, "KRW");
    assert_eq!(krw.count, 3);
    assert_eq!(
        krw.amount_minor,
        5_968_000_000 + 134_791_000_000 + 9_600_000
    );
    assert_eq!(v.incidents.len(), 2);
}

#[test]
fn unknown_names_suggest_the_closest_known_ones() {
    let (_d, mut s) = store();
    s.load_sample_data("t").unwrap();
    let e = s.company_timeline("Kakao").unwrap_err();
    assert_eq!(e.kind(), "not_found");
    assert!(e.to_string().contains("did you mean: Kakao Pay"), "{e}");
    let e = s.company_timeline("Equifacks").unwrap_err();
    assert!(e.to_string().contains("Equifax"), "{e}");
    let e = s.regulator_view("PIPCC").unwrap_err();
    assert!(e.to_string().contains("PIPC"), "{e}");
    let e = s.company_timeline("Zzyzx Unheard Of").unwrap_err();
    assert_eq!(e.to_string(), "no company named 'Zzyzx Unheard Of'");
}
