//! Date parsing of cells, stored dates and dates in news text.
#![no_main]
use incidents_core::datetext::{parse_date_cell, DateOrder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for order in [None, Some(DateOrder::Dmy), Some(DateOrder::Mdy), Some(DateOrder::Ymd)] {
        if let Ok(Some(d)) = parse_date_cell(text, order) {
            // What the cell parser accepts, the store accepts.
            assert!(incidents_core::dates::PartialDate::parse("d", d.as_str()).is_ok());
        }
    }
    let _ = incidents_core::dates::PartialDate::parse("d", text).map(|d| d.span());
    for m in incidents_core::extract::dates::find_dates(text, chrono::NaiveDate::from_ymd_opt(2024, 2, 29)) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(incidents_core::dates::PartialDate::parse("d", &m.date).is_ok(), "{}", m.date);
    }
});
