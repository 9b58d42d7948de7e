//! The Overview in the real window: charts of the sample data whose bars open
//! the list on exactly what they counted.

#![allow(clippy::unwrap_used)]

use incidents_e2e::{screenshot_dir, App, Element};

/// The bar of `chart` whose label starts with `label`, and the number it shows.
fn bar(app: &App, chart: &str, label: &str) -> (Element, i64) {
    let prefix = format!("{label}: ");
    app.wait(&format!("the {label} bar of {chart}"), 10, |app| {
        app.find_all(&format!("#{chart} g.bar.link"))
            .into_iter()
            .find_map(|g| {
                let aria = app.attribute(&g, "aria-label")?;
                let n = aria
                    .strip_prefix(&prefix)?
                    .split(' ')
                    .next()?
                    .replace(',', "");
                Some((g, n.parse().ok()?))
            })
    })
}

fn list_total(app: &App, count: i64) -> String {
    app.wait_text("#list-count", &format!("of {count} incidents"))
}

#[test]
fn a_regulator_bar_opens_the_list_filtered_to_it_with_the_same_count() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(&dir.path().join("overview.db"));
    app.find("#incident-table tbody tr");
    app.click(&app.find("#nav-overview"));
    app.wait_text("#overview-count", "7 incidents match the filters");
    for chart in [
        "chart-years",
        "chart-regulators",
        "chart-countries",
        "chart-median-fine",
        "chart-to-fine",
        "chart-records",
    ] {
        app.find(&format!("#{chart} svg"));
    }
    app.screenshot(&screenshot_dir().join("overview-sample.png"));

    let (_, count) = bar(&app, "chart-regulators", "PIPC");
    assert_eq!(count, 2, "PIPC acted in the Kakao Pay and SK Telecom cases");
    let rect = app
        .find_all("#chart-regulators g.bar.link rect")
        .into_iter()
        .find(|r| {
            app.execute(
                "return arguments[0].parentNode.getAttribute('aria-label')",
                vec![App::arg(r)],
            )
            .as_str()
            .is_some_and(|a| a.starts_with("PIPC: "))
        })
        .unwrap();
    app.click(&rect);
    list_total(&app, count);
    let regulator = app.property(&app.find("#filter-regulator"), "value");
    assert!(
        regulator.as_str().unwrap().starts_with('#'),
        "chosen by id: {regulator}"
    );
    let rows = app.find_all("#incident-table tbody tr");
    assert_eq!(rows.len() as i64, count);
    for row in &rows {
        assert!(app.text(row).contains("PIPC"), "{}", app.text(row));
    }

    // Back on the Overview the same filter holds; a year bar opened from the
    // keyboard narrows the list to that year.
    app.click(&app.find("#nav-overview"));
    app.wait_text("#overview-count", "2 incidents match the filters");
    let (year, in_2025) = bar(&app, "chart-years", "2025");
    app.execute(
        "arguments[0].focus(); arguments[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));",
        vec![App::arg(&year)],
    );
    list_total(&app, in_2025);
    assert_eq!(app.property(&app.find("#filter-from"), "value"), "2025");
    assert_eq!(app.property(&app.find("#filter-to"), "value"), "2025");
}
