//! Export and import through the app window. The native file dialogs cannot be
//! driven by WebDriver, so the tests type the path into the same field the
//! dialog fills, and the app's own export and import code does the rest.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::{ListQuery, Store};
use incidents_e2e::{screenshot_dir, App, ENTER};

#[test]
fn export_writes_exactly_what_the_filtered_list_shows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("export.db");
    let app = App::start(&db);
    app.find("#incident-table tbody tr[data-id]");
    app.select_value(&app.find("#filter-status"), "sanctioned");
    let count = app.wait_text("#list-count", "of 4 incidents");
    assert!(count.starts_with("1–4"), "{count}");

    assert!(app.find_all("#export-panel:not([hidden])").is_empty());
    app.click(&app.find("#export-open"));
    app.select_value(&app.find("#export-format"), "csv");
    let out = dir.path().join("sanctioned.csv");
    app.type_into(&app.find("#export-path"), out.to_str().unwrap());
    app.type_into(&app.find("#export-path"), ENTER);
    let status = app.wait_text("#export-status", "Exported");
    assert!(status.starts_with("Exported 4 incidents"), "{status}");
    app.screenshot(&screenshot_dir().join("export-panel.png"));

    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let status_col = headers.iter().position(|h| h == "status").unwrap();
    let company_col = headers.iter().position(|h| h == "company").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| &r[status_col] == "sanctioned"));
    let shown: Vec<String> = app
        .find_all("#incident-table tbody td.company")
        .iter()
        .map(|c| app.text(c))
        .collect();
    let written: Vec<String> = rows.iter().map(|r| r[company_col].to_string()).collect();
    assert_eq!(written, shown, "same rows in the same order as the list");
}

const FOREIGN: &str =
    "Organisation;Headline;Affected individuals;Fine;Authority;Date of decision;Link\n\
Acme Korea;Member data leaked;4045만;12억원;PIPC;2024년 8월 13일;https://example.org/acme\n\
Globex;Tracking without consent;N/A;€1.2bn;CNIL;13/08/2024;https://example.org/globex\n";

fn open_import(app: &App, path: &std::path::Path) {
    app.find("#incident-table tbody tr[data-id]");
    app.click(&app.find("#nav-import"));
    app.type_into(&app.find("#import-path"), path.to_str().unwrap());
    app.type_into(&app.find("#import-path"), ENTER);
    app.find("#mapping-table");
}

#[test]
fn a_foreign_file_is_mapped_previewed_and_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("import.db");
    let file = dir.path().join("fines.csv");
    std::fs::write(&file, FOREIGN).unwrap();
    let app = App::start(&db);
    open_import(&app, &file);
    // "Affected individuals" is not a header the app knows: map it by hand.
    app.select_value(
        &app.find("#mapping-table select[data-column='Affected individuals']"),
        "users_affected",
    );
    app.select_value(&app.find("#import-date-order"), "dmy");
    app.click(&app.find("#import-preview"));
    let verdict = app.wait_text("#import-verdict", "Ready");
    assert!(verdict.contains("2 new incidents"), "{verdict}");
    let preview = app.text(&app.find("#import-preview-table"));
    assert!(preview.contains("40,450,000"), "{preview}");
    assert!(
        preview.contains("2024-08-13 Fined (PIPC) KRW 1,200,000,000"),
        "{preview}"
    );
    app.screenshot(&screenshot_dir().join("import-preview.png"));
    let before = Store::open(&db)
        .unwrap()
        .list_incidents(&ListQuery::default())
        .unwrap()
        .total;

    app.click(&app.find("#import-run"));
    app.wait_text("#import-verdict", "Imported 2 new incidents");
    let store = Store::open(&db).unwrap();
    assert_eq!(
        store.list_incidents(&ListQuery::default()).unwrap().total,
        before + 2
    );
    let globex = store
        .list_full(&ListQuery {
            company: Some("Globex".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(globex[0].events[0].amount_minor, Some(120_000_000_000));
    assert_eq!(globex[0].events[0].currency.as_deref(), Some("EUR"));
    assert_eq!(globex[0].users_affected, None);
}

#[test]
fn a_bad_row_is_listed_and_nothing_can_be_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bad.db");
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        format!("{FOREIGN}Initech;Bad;-3;;;2024-01-01;https://example.org/i\n"),
    )
    .unwrap();
    let app = App::start(&db);
    open_import(&app, &file);
    app.select_value(
        &app.find("#mapping-table select[data-column='Affected individuals']"),
        "users_affected",
    );
    app.select_value(&app.find("#import-date-order"), "dmy");
    app.click(&app.find("#import-preview"));
    let verdict = app.wait_text("#import-verdict", "1 problem:");
    assert!(
        verdict.contains("nothing will be imported until it is fixed"),
        "{verdict}"
    );
    let errors = app.text(&app.find("#import-errors"));
    assert!(
        errors.contains("row 4, column Affected individuals: '-3' is negative"),
        "{errors}"
    );
    assert_eq!(app.property(&app.find("#import-run"), "disabled"), true);
    app.screenshot(&screenshot_dir().join("import-errors.png"));
    let names = Store::open(&db).unwrap().company_names().unwrap();
    assert!(
        !names.iter().any(|n| n == "Acme Korea" || n == "Initech"),
        "{names:?}"
    );
}
