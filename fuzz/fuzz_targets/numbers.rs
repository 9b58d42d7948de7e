//! Counts, amounts and money cells in every notation.
#![no_main]
use incidents_core::{money, numbers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(Some(n)) = numbers::parse_count(text) {
        assert!(n >= 0);
    }
    if let Ok(Some((amount, _))) = numbers::parse_money(text) {
        // What the cell parser reads, the money rules take (or refuse cleanly).
        let _ = money::to_minor_units("amount", &amount, "EUR");
    }
    if let Some((q, used)) = numbers::scan_number(text) {
        assert!(used <= text.len() && text.is_char_boundary(used));
        let _ = q.to_decimal();
    }
    let _ = money::to_minor_units("amount", text, "KRW");
});
