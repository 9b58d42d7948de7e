//! Regulators and companies as data, in the real window: a file naming a
//! regulator the registry lacks is imported by choosing "create" for it, its
//! events show in the new regulator's view, the Regulators screen finds it,
//! and a company found by a name given in its view.

#![allow(clippy::unwrap_used)]

use incidents_e2e::{screenshot_dir, App, ENTER};

const FILE: &str = "controller,authority,name,price,date\n\
Rock Telecom Ltd,Gibraltar Data Protection Bureau (GDPB),Gibraltar,12500,06/21/2023\n\
Strait Gaming Ltd,Gibraltar Data Protection Bureau (GDPB),Gibraltar,8000,07/14/2023\n\
Acme Iberia SA,Spanish Data Protection Authority (AEPD),Spain,20000,05/03/2023\n";

#[test]
fn an_unknown_regulator_is_created_from_the_import_table_and_acts_in_its_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("registry.db");
    let file = dir.path().join("fines.csv");
    std::fs::write(&file, FILE).unwrap();
    let app = App::start(&db);
    app.find("#incident-table tbody tr[data-id]");
    app.click(&app.find("#nav-import"));
    app.type_into(&app.find("#import-path"), file.to_str().unwrap());
    app.type_into(&app.find("#import-path"), ENTER);
    app.find("#mapping-table");
    app.select_value(&app.find("#import-currency"), "EUR");
    app.click(&app.find("#import-preview"));
    let table = app.wait_text("#import-unknown", "Gibraltar Data Protection Bureau (GDPB)");
    assert!(table.contains("GI"), "{table}");
    app.screenshot(&screenshot_dir().join("import-unknown-regulator.png"));
    assert_eq!(app.property(&app.find("#import-run"), "disabled"), true);
    app.select_value(
        &app.find("#import-unknown select[data-unknown='Gibraltar Data Protection Bureau (GDPB)']"),
        "",
    );
    app.click(&app.find("#import-preview"));
    app.wait_text("#import-verdict", "Ready: 3 new incidents");
    app.click(&app.find("#import-run"));
    let verdict = app.wait_text("#import-verdict", "Imported");
    assert!(
        verdict.contains("Regulators created: Gibraltar Data Protection Bureau (GDPB, GI)"),
        "{verdict}"
    );

    // The Regulators screen finds it by its short name; its view shows both fines.
    app.click(&app.find("#nav-regulators"));
    app.type_into(&app.find("#regulator-search"), "GDPB");
    let count = app.wait_text("#regulator-count", "1 of ");
    assert!(count.starts_with("1 of "), "{count}");
    app.screenshot(&screenshot_dir().join("regulators-screen.png"));
    app.click(&app.find("#regulators-table .regulator-link"));
    let heading = app.wait_text("#history-heading", "GDPB");
    assert!(
        heading.contains("Gibraltar Data Protection Bureau"),
        "{heading}"
    );
    let companies = app.wait_text("#summary", "Rock Telecom Ltd");
    assert!(companies.contains("Strait Gaming Ltd"), "{companies}");
    assert_eq!(app.find_all("#history-incidents tbody tr").len(), 2);

    // A company gets another name in its view, and the list finds it by that name.
    app.click(
        &app.find_all("#summary .chip")
            .into_iter()
            .find(|c| app.text(c).starts_with("Rock Telecom"))
            .unwrap(),
    );
    app.wait_text("#history-heading", "Rock Telecom Ltd");
    app.type_into(&app.find("#company-alias"), "RockTel Gibraltar");
    app.click(&app.find("#company-alias-add"));
    app.wait("the new name under the heading", 15, |app| {
        let shown = app.execute(
            "const e = document.getElementById('history-subtitle'); return e ? e.textContent : '';",
            vec![],
        );
        shown
            .as_str()
            .filter(|t| t.contains("RockTel Gibraltar"))
            .map(str::to_string)
    });
    app.screenshot(&screenshot_dir().join("company-names.png"));
    // Renamed, the old name still finds it.
    app.type_into(&app.find("#company-rename"), "Rock Telecom Gibraltar Ltd");
    app.click(&app.find("#company-rename-button"));
    app.wait_text("#history-heading", "Rock Telecom Gibraltar Ltd");
    app.click(&app.find("#nav-list"));
    app.type_into(&app.find("#filter-company"), "RockTel Gibraltar");
    let rows = app.wait("the list filtered by the new name", 15, |app| {
        let rows = app.find_all("#incident-table tbody td.company");
        (rows.len() == 1).then(|| app.text(&rows[0]))
    });
    assert_eq!(rows, "Rock Telecom Gibraltar Ltd");

    // A regulator's fields are edited on the Regulators screen.
    app.click(&app.find("#nav-regulators"));
    app.type_into(&app.find("#regulator-search"), "GDPB");
    app.wait_text("#regulator-count", "1 of ");
    app.click(&app.find("#regulators-table .regulator-edit"));
    app.select_value(
        &app.find("#regulator-add select[data-field='level']"),
        "national",
    );
    app.click(&app.find("#regulator-add-button"));
    app.wait("the level saved", 15, |app| {
        app.find_all("#regulators-table tbody tr td")
            .iter()
            .any(|c| app.text(c) == "national")
            .then_some(())
    });

    // A regulator added with the form, given another name in its row, then
    // merged into the first (the window's confirm answered yes).
    let field = |name: &str| app.find(&format!("#regulator-add [data-field='{name}']"));
    app.type_into(&field("name"), "Gibraltar Privacy Desk");
    app.type_into(&field("short_name"), "GPD");
    app.type_into(&field("country"), "Gibraltar");
    app.click(&app.find("#regulator-add-button"));
    app.clear(&app.find("#regulator-search"));
    app.type_into(&app.find("#regulator-search"), "GPD");
    app.wait_text("#regulators-table tbody", "Gibraltar Privacy Desk");
    app.type_into(&app.find("input[data-alias-for='GPD']"), "Desk of Privacy");
    app.type_into(&app.find("input[data-alias-for='GPD']"), ENTER);
    app.wait_text("#regulators-table tbody", "Desk of Privacy");
    app.execute("window.confirm = () => true;", vec![]);
    let merge = app.find("select[data-merge-from='GPD']");
    let into = app.execute(
        "return [...arguments[0].options].find(o => o.textContent === 'GDPB').value;",
        vec![App::arg(&merge)],
    );
    app.select_value(&merge, into.as_str().unwrap());
    app.clear(&app.find("#regulator-search"));
    app.type_into(&app.find("#regulator-search"), "Desk of Privacy");
    let merged = app.wait_text("#regulators-table tbody", "GDPB");
    assert!(
        merged.contains("Gibraltar Privacy Desk"),
        "the old name is an alias: {merged}"
    );

    // The company's name removed with its ×, then the company merged away.
    app.click(&app.find("#nav-list"));
    app.clear(&app.find("#filter-company"));
    app.type_into(&app.find("#filter-company"), "Strait Gaming Ltd");
    app.click(&app.wait("Strait Gaming in the list", 15, |app| {
        app.find_all("#incident-table .company-link")
            .into_iter()
            .find(|l| app.text(l) == "Strait Gaming Ltd")
    }));
    app.wait_text("#history-heading", "Strait Gaming Ltd");
    app.type_into(&app.find("#company-alias"), "SGL Gibraltar");
    app.click(&app.find("#company-alias-add"));
    app.wait_text("#company-aliases", "SGL Gibraltar");
    app.click(&app.find("#company-aliases .remove-alias"));
    app.wait("the name removed", 15, |app| {
        app.find_all("#company-aliases .chip")
            .is_empty()
            .then_some(())
    });
    app.type_into(&app.find("#company-merge"), "Rock Telecom Gibraltar Ltd");
    app.click(&app.find("#company-merge-button"));
    app.wait_text("#history-heading", "Rock Telecom Gibraltar Ltd");
    assert_eq!(app.find_all("#history-incidents tbody tr").len(), 2);
    app.screenshot(&screenshot_dir().join("company-merged.png"));
}
