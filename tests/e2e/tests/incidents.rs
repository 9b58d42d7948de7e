//! The incidents list and editor in the real window.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::{ListQuery, Store};
use incidents_e2e::{screenshot_dir, App, ENTER};

fn incident_count(db: &std::path::Path) -> i64 {
    Store::open(db)
        .expect("open the app's database")
        .list_incidents(&ListQuery::default())
        .expect("list incidents")
        .total
}

/// Text of every row of the list, once the list has rows.
fn list_rows(app: &App) -> Vec<String> {
    app.find("#incident-table tbody tr[data-id]");
    app.find_all("#incident-table tbody tr")
        .iter()
        .map(|r| app.text(r))
        .collect()
}

#[test]
fn first_start_shows_the_sample_incidents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("first.db");
    let app = App::start(&db);
    let rows = list_rows(&app);
    let kakao = rows
        .iter()
        .find(|r| r.contains("Kakao Pay"))
        .expect("the seed case is listed");
    assert!(kakao.contains("54,200,000,000"), "{kakao}");
    assert!(kakao.contains("40,000,000"), "{kakao}");
    assert!(kakao.contains("FSS"), "{kakao}");
    assert_eq!(rows.len() as i64, incident_count(&db));
    app.screenshot(&screenshot_dir().join("list.png"));
}

#[test]
fn an_incident_created_through_the_form_appears_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("create.db");
    let app = App::start(&db);
    list_rows(&app);
    let before = incident_count(&db);

    app.click(&app.find("#new-incident"));
    app.type_into(&app.find("[data-field='company']"), "한빛 Analytics 韩光");
    app.type_into(
        &app.find("[data-field='title']"),
        "Loyalty database left open <b>online</b>",
    );
    app.type_into(&app.find("[data-field='records_affected']"), "1,250,000");
    app.type_into(&app.find("[data-field='country']"), "KR");
    app.click(&app.find("#add-event"));
    app.select_value(&app.find("[data-field='events[0].kind']"), "fined");
    app.type_into(&app.find("[data-field='events[0].date']"), "2024-03");
    app.type_into(
        &app.find("[data-field='events[0].regulator']"),
        "개인정보보호위원회",
    );
    app.type_into(&app.find("[data-field='events[0].amount']"), "360000000");
    app.type_into(&app.find("[data-field='events[0].currency']"), "KRW");
    app.click(&app.find("#add-source"));
    app.type_into(
        &app.find("[data-field='sources[0].url']"),
        "https://example.org/news/loyalty-leak",
    );
    app.screenshot(&screenshot_dir().join("editor-filled.png"));
    // Enter in any field saves.
    app.type_into(&app.find("[data-field='title']"), ENTER);

    let row = app.wait("the new row in the list", 10, |app| {
        app.find_all("#incident-table tbody tr")
            .iter()
            .map(|r| app.text(r))
            .find(|t| t.contains("한빛 Analytics 韩光"))
    });
    assert!(
        row.contains("Loyalty database left open <b>online</b>"),
        "markup stays text: {row}"
    );
    assert!(row.contains("1,250,000"), "{row}");
    assert!(row.contains("PIPC"), "{row}");
    assert!(row.contains("2024-03"), "{row}");
    assert_eq!(incident_count(&db), before + 1);

    let stored = Store::open(&db)
        .unwrap()
        .list_full(&ListQuery {
            company: Some("한빛".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(stored.len(), 1);
    let event = &stored[0].events[0];
    assert_eq!(event.kind.as_str(), "fined");
    assert_eq!(event.amount_minor, Some(360_000_000));
    assert_eq!(event.currency.as_deref(), Some("KRW"));
    assert_eq!(
        stored[0].sources[0].url,
        "https://example.org/news/loyalty-leak"
    );
}

#[test]
fn a_negative_record_count_is_shown_beside_the_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("negative.db");
    let app = App::start(&db);
    list_rows(&app);
    let before = incident_count(&db);

    app.click(&app.find("#new-incident"));
    app.type_into(&app.find("[data-field='company']"), "Negative Count Ltd");
    app.type_into(&app.find("[data-field='title']"), "Typo in the count");
    let records = app.find("[data-field='records_affected']");
    app.type_into(&records, "-5");

    // Inline validation while typing, before any save.
    let message = app.wait("the inline error", 10, |app| {
        let t = app.text(&app.find("#error-records_affected"));
        (!t.is_empty()).then_some(t)
    });
    assert_eq!(message, "must not be negative");
    assert_eq!(app.property(&records, "ariaInvalid"), "true");

    // Enter tries to save: the editor stays open with the error, nothing is written.
    app.type_into(&records, ENTER);
    let summary = app.wait("the save error", 10, |app| {
        let t = app.text(&app.find("#form-error"));
        (!t.is_empty()).then_some(t)
    });
    assert!(
        summary.contains("Records affected: must not be negative"),
        "{summary}"
    );
    assert!(
        !app.find_all("#incident-form").is_empty(),
        "still in the editor"
    );
    app.screenshot(&screenshot_dir().join("editor-negative-count.png"));
    assert_eq!(incident_count(&db), before);
    let names = Store::open(&db).unwrap().company_names().unwrap();
    assert!(
        !names.iter().any(|n| n == "Negative Count Ltd"),
        "{names:?}"
    );
}

#[test]
fn escape_cancels_the_editor_without_saving() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("escape.db");
    let app = App::start(&db);
    list_rows(&app);
    let before = incident_count(&db);
    app.click(&app.find("#new-incident"));
    let company = app.find("[data-field='company']");
    app.type_into(&company, "Never Saved Inc");
    app.type_into(&company, incidents_e2e::ESCAPE);
    app.find("#incident-table");
    assert!(app.find_all("#incident-form").is_empty());
    assert_eq!(incident_count(&db), before);
}

#[test]
fn pages_move_forward_and_back_without_losing_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pages.db");
    Store::open(&db)
        .unwrap()
        .generate(250, 11, &mut |_| {})
        .unwrap();
    let app = App::start(&db);
    let ids = |app: &App| -> Vec<String> {
        app.find("#incident-table tbody tr[data-id]");
        app.execute(
            "return [...document.querySelectorAll('#incident-table tbody tr[data-id]')].map(r => r.dataset.id);",
            vec![],
        )
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
    };
    let count = app.wait("the count", 10, |app| {
        let t = app.text(&app.find("#list-count"));
        t.contains("of 250 incidents").then_some(t)
    });
    assert!(count.starts_with("1–100"), "{count}");
    let first = ids(&app);
    app.click(&app.find("#page-next"));
    app.wait("page 2", 10, |app| {
        app.text(&app.find("#list-count"))
            .starts_with("101–200")
            .then_some(())
    });
    let second = ids(&app);
    app.click(&app.find("#page-next"));
    app.wait("page 3", 10, |app| {
        app.text(&app.find("#list-count"))
            .starts_with("201–250")
            .then_some(())
    });
    let third = ids(&app);
    assert_eq!((first.len(), second.len(), third.len()), (100, 100, 50));
    let mut all: Vec<&String> = first.iter().chain(&second).chain(&third).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 250, "every incident once");
    assert_eq!(app.property(&app.find("#page-next"), "disabled"), true);
    app.click(&app.find("#page-prev"));
    app.wait("back on page 2", 10, |app| {
        app.text(&app.find("#list-count"))
            .starts_with("101–200")
            .then_some(())
    });
    assert_eq!(ids(&app), second);
}
