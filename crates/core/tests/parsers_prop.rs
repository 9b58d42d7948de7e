//! Property tests for the parsers that read what users and files give us: no
//! input makes them panic, and what they accept holds the store's rules.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::dates::PartialDate;
use incidents_core::datetext::{parse_date_cell, DateOrder};
use incidents_core::numbers::{parse_count, parse_money, scan_number};
use incidents_core::store::import::ImportOptions;
use incidents_core::{money, Store};
use proptest::prelude::*;

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,24}",
        "[0-9０-９.,/ 年월일月日년억만亿万천千-]{0,16}",
        "(Jan|May|Sept|December|mid-|last )?[0-9]{0,4}[ ,/-]?[0-9]{0,4}[ ,/-]?[0-9]{0,4}",
        "[€£$₩¥]?[0-9]{0,12}(\\.[0-9]{0,4})?( ?(million|bn|m|k|억원|万元|亿|韩元|euros))?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn date_cells_never_panic_and_accepted_dates_are_valid(text in cell()) {
        for order in [None, Some(DateOrder::Dmy), Some(DateOrder::Mdy), Some(DateOrder::Ymd)] {
            if let Ok(Some(d)) = parse_date_cell(&text, order) {
                prop_assert!(PartialDate::parse("d", d.as_str()).is_ok());
                let (a, b) = d.span();
                prop_assert!(a <= b);
            }
        }
    }

    #[test]
    fn counts_and_money_never_panic(text in cell()) {
        if let Ok(Some(n)) = parse_count(&text) {
            prop_assert!(n >= 0);
        }
        if let Ok(Some((amount, _))) = parse_money(&text) {
            // The decimal text is what the money rules read.
            prop_assert!(amount.chars().all(|c| c.is_ascii_digit() || c == '.'));
            let _ = money::to_minor_units("amount", &amount, "USD");
        }
        if let Some((_, used)) = scan_number(&text) {
            prop_assert!(text.is_char_boundary(used));
        }
    }

    #[test]
    fn stored_dates_round_trip(y in 1900i32..=2100, m in 1u32..=12, d in 1u32..=31) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        let real = chrono::NaiveDate::from_ymd_opt(y, m, d).is_some();
        prop_assert_eq!(PartialDate::parse("d", &text).is_ok(), real);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    /// Arbitrary files through the importer: an error is fine, a panic or a
    /// write during a dry run is not.
    #[test]
    fn csv_import_dry_runs_never_panic_or_write(
        header in prop::sample::select(vec!["company,title", "company;title;records_affected", "id,company,title,source_urls", "x"]),
        rows in prop::collection::vec("\\PC{0,40}", 0..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(&path, format!("{header}\n{}", rows.join("\n"))).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let options = ImportOptions { dry_run: true, preview: 2, ..Default::default() };
        let _ = store.import_csv(&path, &options, "prop", &mut |_| {});
        let count = store.count_incidents(&incidents_core::ListQuery::default()).unwrap();
        prop_assert_eq!(count, 0);
    }
}
