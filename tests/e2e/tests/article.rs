//! From article: the seed article pasted into the app gives a pre-filled
//! editor, with the evidence of each value marked in the article.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::{ListQuery, Store};
use incidents_e2e::{screenshot_dir, workspace_root, App, ENTER};
use serde_json::json;

/// The seed article from the shared fixtures: URL, publication date, body.
fn seed_article() -> (String, String, String) {
    let path = workspace_root().join("../shared/fixtures/news/00-kakaopay-alipay.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is needed beside the checkout: {e}", path.display()));
    let mut lines = text.lines();
    let url = lines
        .next()
        .unwrap()
        .trim_start_matches("URL:")
        .trim()
        .to_string();
    let published = lines
        .next()
        .unwrap()
        .trim_start_matches("PUBLISHED:")
        .trim()
        .to_string();
    (url, published, lines.collect::<Vec<_>>().join("\n"))
}

fn value(app: &App, css: &str) -> String {
    app.property(&app.find(css), "value")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_seed_article_prefills_company_regulator_counts_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("article.db");
    let (url, published, body) = seed_article();
    let app = App::start(&db);
    app.find("#incident-table tbody tr[data-id]");
    app.click(&app.find("#nav-article"));
    // Pasting: the text goes in whole, as a paste would put it.
    app.execute(
        "const t = document.getElementById('article-input'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));",
        vec![json!(body)],
    );
    app.type_into(&app.find("#article-url"), &url);
    app.type_into(&app.find("#article-published"), &published);
    app.click(&app.find("#article-extract"));

    app.find("#incident-form");
    assert_eq!(value(&app, "[data-field='company']"), "Kakao Pay");
    assert_eq!(value(&app, "[data-field='counterparty']"), "Alipay");
    assert_eq!(
        value(&app, "[data-field='records_affected']"),
        "54200000000"
    );
    assert_eq!(value(&app, "[data-field='users_affected']"), "40000000");
    assert_eq!(value(&app, "[data-field='country']"), "KR");
    let dates: Vec<String> = app
        .find_all("[data-key='date']")
        .iter()
        .map(|d| {
            app.property(d, "value")
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert!(dates.contains(&"2024-05-22".to_string()), "{dates:?}");
    assert!(dates.contains(&"2024-08-13".to_string()), "{dates:?}");
    let regulators: Vec<String> = app
        .find_all("[data-key='regulator']")
        .iter()
        .map(|d| {
            app.property(d, "value")
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert!(regulators.contains(&"FSS".to_string()), "{regulators:?}");

    // The users' evidence, clicked, is marked in the article.
    app.click(&app.find("button.evidence[data-evidence-for='users_affected']"));
    assert_eq!(app.text(&app.find("#article-mark")), "4000万名");
    app.screenshot(&screenshot_dir().join("from-article-seed.png"));

    // Enter saves; the article becomes the source.
    app.type_into(&app.find("[data-field='title']"), ENTER);
    app.wait("the saved incident in the list", 10, |app| {
        app.find_all("#incident-table tbody tr")
            .iter()
            .map(|r| app.text(r))
            .find(|t| t.contains("54,200,000,000"))
    });
    let stored = Store::open(&db)
        .unwrap()
        .list_full(&ListQuery {
            company: Some("Kakao Pay".into()),
            ..Default::default()
        })
        .unwrap();
    let saved = stored
        .iter()
        .find(|i| i.sources.iter().any(|s| s.url == url))
        .expect("saved with its source");
    let source = saved.sources.iter().find(|s| s.url == url).unwrap();
    assert_eq!(source.published.as_deref(), Some(published.as_str()));
    assert_eq!(source.language.as_deref(), Some("zh"));
    assert!(saved
        .events
        .iter()
        .any(|e| e.date == "2024-08-13" && e.regulator.as_deref() == Some("FSS")));
}

#[test]
fn an_empty_article_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(&dir.path().join("empty.db"));
    app.find("#incident-table");
    app.click(&app.find("#nav-article"));
    app.click(&app.find("#article-extract"));
    let message = app.wait("the error", 10, |app| {
        let t = app.text(&app.find("#article-error"));
        (!t.is_empty()).then_some(t)
    });
    assert!(message.starts_with("text:"), "{message}");
    assert!(app.find_all("#incident-form").is_empty());
}

/// A report written for this test, where the rules' first pick and a
/// runner-up both appear: the runner-up is one click away, and back.
const TWO_READINGS: &str = "Orchard Lending exposes 48,000 records\n\
Orchard Lending said on Monday that 48,000 records were exposed. An earlier notice from \
Orchard Lending had put the figure at 30,000 records. Its hosting vendor Quillstone Systems \
found the open server; Quillstone Systems said 12,500 customers were told.";

/// A button's words (WebKitWebDriver's element text reads buttons as empty).
fn label(app: &App, el: &incidents_e2e::Element) -> String {
    app.property(el, "textContent")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_next_best_reading_is_one_click_away() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(&dir.path().join("next.db"));
    app.find("#incident-table tbody tr[data-id]");
    app.click(&app.find("#nav-article"));
    app.execute(
        "const t = document.getElementById('article-input'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));",
        vec![json!(TWO_READINGS)],
    );
    app.click(&app.find("#article-extract"));
    app.find("#incident-form");
    assert_eq!(value(&app, "[data-field='records_affected']"), "48000");
    let next = app.find("#next-best-records_affected");
    assert_eq!(label(&app, &next), "Not this — use “30,000”");
    app.click(&next);
    assert_eq!(value(&app, "[data-field='records_affected']"), "30000");
    assert_eq!(app.text(&app.find("#article-mark")), "30,000 records");
    assert_eq!(label(&app, &next), "Not this — use “48,000”");
    app.click(&app.find("#next-best-company"));
    assert_eq!(value(&app, "[data-field='company']"), "Quillstone Systems");
    // Give the window a frame to paint the change before the picture.
    std::thread::sleep(std::time::Duration::from_millis(500));
    app.screenshot(&screenshot_dir().join("from-article-next-best.png"));
    // The choice is what gets checked and saved, not the first pick.
    app.click(&next);
    assert_eq!(value(&app, "[data-field='records_affected']"), "48000");
}
