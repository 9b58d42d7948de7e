//! A long import in the window: Cancel stops it with nothing written, and the
//! list keeps answering while it runs (the window reads through a connection
//! of its own, so it never waits for the import's transaction).

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::store::export::INCIDENT_COLUMNS;
use incidents_e2e::{screenshot_dir, App, ENTER};
use std::path::Path;

/// Rows in the file: enough that the debug build takes several seconds over
/// it, so that the list is asked for while the import is surely running.
const ROWS: usize = 40_000;

/// A file in our own export layout with `ROWS` simple incidents.
fn long_file(path: &Path) {
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(INCIDENT_COLUMNS).unwrap();
    for i in 1..=ROWS {
        let record: Vec<String> = INCIDENT_COLUMNS
            .iter()
            .map(|column| match *column {
                "id" => i.to_string(),
                "company" => format!("Bulk Company {}", i % 500),
                "title" => format!("Bulk incident {i}"),
                "status" => "reported".into(),
                "records_affected" => (i * 7).to_string(),
                "source_urls" => format!("https://bulk.example/{i}"),
                _ => String::new(),
            })
            .collect();
        w.write_record(&record).unwrap();
    }
    w.flush().unwrap();
}

/// The list's count once it is known (it shows "…" until then).
fn list_count(app: &App) -> String {
    app.wait("the count of the list", 30, |a| {
        let text = a.text(&a.find("#list-count"));
        (text.contains("incidents") && !text.contains('…')).then_some(text)
    })
}

/// The number in "N rows read" under the progress bar.
fn rows_read(app: &App) -> usize {
    let text = app.text(&app.find("#import-progress-text"));
    text.split_whitespace()
        .next()
        .and_then(|n| n.replace(',', "").parse().ok())
        .unwrap_or(0)
}

#[test]
fn cancel_stops_an_import_and_the_list_answers_while_one_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("long.db");
    let file = dir.path().join("long.csv");
    long_file(&file);
    let app = App::start(&db);
    let before = list_count(&app);
    app.click(&app.find("#nav-import"));
    app.type_into(&app.find("#import-path"), file.to_str().unwrap());
    app.type_into(&app.find("#import-path"), ENTER);
    app.find("#mapping-table");

    // Cancel part-way through a preview: it says so, and the button goes away.
    app.click(&app.find("#import-preview"));
    app.wait("the preview to read rows", 60, |a| {
        (rows_read(a) > 0).then_some(())
    });
    app.screenshot(&screenshot_dir().join("import-running.png"));
    app.click(&app.find("#import-cancel"));
    let said = app.wait_text("#import-result", "cancelled");
    assert!(said.contains("nothing was written"), "{said}");
    app.screenshot(&screenshot_dir().join("import-cancelled.png"));
    app.wait("Cancel to hide", 10, |a| {
        (a.attribute(&a.find("#import-cancel"), "hidden").is_some()).then_some(())
    });

    // The whole preview, then the import; the list is opened while it runs.
    app.click(&app.find("#import-preview"));
    app.wait("the preview", 300, |a| {
        let verdict = a.find_all("#import-verdict");
        verdict
            .first()
            .map(|v| a.text(v))
            .filter(|t| t.contains("Ready"))
    });
    app.click(&app.find("#import-run"));
    app.wait("the import to read rows", 60, |a| {
        (rows_read(a) > 0).then_some(())
    });
    app.click(&app.find("#nav-list"));
    app.find("#incident-table tbody tr[data-id]");
    let during = list_count(&app);
    let notice = app.text(&app.find("#notice"));
    assert!(
        !notice.contains("Imported"),
        "the list was shown only after the import ended: {notice}"
    );
    assert_eq!(during, before, "the list shows the data as it was before");
    app.screenshot(&screenshot_dir().join("list-during-import.png"));

    // Once the import has committed, the list shows its incidents too (the
    // list is opened again until then: a slow machine takes a while).
    app.wait("the imported incidents in the list", 300, |a| {
        a.click(&a.find("#nav-list"));
        Some(list_count(a)).filter(|text| text.contains("40,0"))
    });
}
