//! The analyst's place comes back: after a restart on the same database the
//! window opens the view last shown, with the list's filters, sort and column
//! widths as they were, and at the size it was left. `?` shows the keys of
//! the view on screen.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_e2e::{screenshot_dir, App, ESCAPE};

const ARROW_RIGHT: &str = "\u{E014}";

fn rows(app: &App) -> usize {
    app.find("#incident-table tbody tr[data-id]");
    app.find_all("#incident-table tbody tr[data-id]").len()
}

fn column_width(app: &App, key: &str) -> i64 {
    let width = app.execute(
        "return Math.round(document.querySelector(`#incident-table col[data-key='${arguments[0]}']`)?.getBoundingClientRect().width ?? -1)",
        vec![serde_json::json!(key)],
    );
    width.as_i64().unwrap()
}

fn window_width(app: &App) -> i64 {
    app.execute("return window.outerWidth", vec![])
        .as_i64()
        .unwrap()
}

/// Waits until the saved place (written after a pause) names `needle`.
fn wait_saved(app: &App, settings: &std::path::Path, needle: &str) {
    app.wait("the place saved", 10, |_| {
        std::fs::read_to_string(settings)
            .ok()
            .filter(|t| t.contains(needle))
            .map(|_| ())
    });
}

#[test]
fn the_list_comes_back_with_its_filters_sort_and_widths_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("place.db");
    let settings = dir.path().join("config").join("settings.json");
    let (title_width, size) = {
        let app = App::start(&db);
        let all = rows(&app);
        app.select_value(&app.find("#filter-status"), "sanctioned");
        app.wait("fewer rows", 10, |app| (rows(app) < all).then_some(()));
        app.click(&app.find("#incident-table button.sort[data-sort='records_affected']"));
        let handle = app.find("#incident-table th:nth-child(2) .col-resize");
        app.focus(&handle);
        for _ in 0..4 {
            app.press(ARROW_RIGHT);
        }
        wait_saved(&app, &settings, "records_affected");
        wait_saved(&app, &settings, "\"title\"");
        app.resize_window(1100, 760);
        wait_saved(&app, &settings, "1100");
        (column_width(&app, "title"), window_width(&app))
    };
    let app = App::start(&db);
    rows(&app);
    let status = app.property(&app.find("#filter-status"), "value");
    assert_eq!(status, "sanctioned");
    let sorted = app.attribute(
        &app.find("#incident-table th[aria-sort='descending'] button.sort"),
        "data-sort",
    );
    assert_eq!(sorted.as_deref(), Some("records_affected"));
    assert_eq!(column_width(&app, "title"), title_width);
    assert_eq!(
        window_width(&app),
        size,
        "the window opens at the size it was left"
    );
    assert_eq!(rows(&app), 4, "the sample's four sanctioned incidents");
    app.screenshot(&screenshot_dir().join("place-restored.png"));
}

#[test]
fn the_last_view_reopens_and_question_mark_lists_its_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("view.db");
    let settings = dir.path().join("config").join("settings.json");
    {
        let app = App::start(&db);
        rows(&app);
        app.click(&app.find("#nav-overview"));
        wait_saved(&app, &settings, "overview");
    }
    let app = App::start(&db);
    app.find("#chart-grid");
    // `?` outside a text field opens the help with this view's keys.
    app.execute("document.activeElement?.blur()", vec![]);
    app.press("?");
    let help = app.wait_text("#help", "Alt+O");
    assert!(
        help.contains('/'),
        "the Overview's own key is listed: {help}"
    );
    app.screenshot(&screenshot_dir().join("help-overview.png"));
    app.press(ESCAPE);
    app.wait("the help closed", 5, |app| {
        app.find_all("#help").is_empty().then_some(())
    });
}
