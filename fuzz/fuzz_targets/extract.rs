//! The article extractor on arbitrary text: it must not panic, and every
//! evidence must be the text at its offsets.
#![no_main]
use incidents_core::extract::{extract, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let published = chrono::NaiveDate::from_ymd_opt(2024, 8, 15);
    let draft = extract(text, &Context::with_builtin_regulators(published, None));
    for f in [&draft.company, &draft.counterparty, &draft.regulator].into_iter().flatten() {
        assert_eq!(text.get(f.start..f.end), Some(f.evidence.as_str()));
    }
    for e in &draft.events {
        assert_eq!(text.get(e.start..e.end), Some(e.evidence.as_str()));
    }
    let _ = draft.to_input().validate();
});
