//! The CSV importer on arbitrary files, as a dry run into an in-memory store:
//! errors are fine, panics and half-written data are not.
#![no_main]
use incidents_core::import::ImportOptions;
use incidents_core::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    let path = dir.path().join("f.csv");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let Ok(mut store) = Store::open_in_memory() else { return };
    let options = ImportOptions { dry_run: true, preview: 3, ..Default::default() };
    let _ = store.import_csv(&path, &options, "fuzz", &mut |_| {});
    let _ = incidents_core::import::inspect(&path, None);
    let count: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM incidents", [], |r| r.get(0))
        .unwrap_or(-1);
    assert_eq!(count, 0, "a dry run writes nothing");
});
