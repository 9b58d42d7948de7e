//! Hostile files, hostile text and two editors at once, in the real window.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::model::{EventInput, SourceInput};
use incidents_core::{IncidentInput, ListQuery, Store};
use incidents_e2e::{screenshot_dir, App, ENTER};

#[test]
fn an_unreadable_database_offers_another_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("notes.db");
    let content = "my notes, not a database\n".repeat(300);
    std::fs::write(&bad, &content).unwrap();
    let app = App::start(&bad);
    let message = app.text(&app.find("#open-error-message"));
    assert!(message.contains("not a database"), "{message}");
    app.screenshot(&screenshot_dir().join("open-error.png"));
    let fresh = dir.path().join("fresh.db");
    app.type_into(&app.find("#db-other"), fresh.to_str().unwrap());
    app.click(&app.find("#db-create"));
    app.find("#incident-table tbody tr[data-id]");
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        content,
        "the bad file is unchanged"
    );
    assert!(
        Store::open(&fresh)
            .unwrap()
            .list_incidents(&ListQuery::default())
            .unwrap()
            .total
            >= 5
    );
    let shown = app.property(&app.find("#db-path"), "textContent");
    assert!(
        shown.as_str().unwrap_or_default().ends_with("fresh.db"),
        "{shown}"
    );
}

#[test]
fn a_backup_from_settings_is_a_sound_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let app = App::start(&db);
    app.find("#incident-table tbody tr[data-id]");
    app.click(&app.find("#nav-settings"));
    let copy = dir.path().join("copy.db");
    app.type_into(&app.find("#backup-path"), copy.to_str().unwrap());
    app.click(&app.find("#backup-run"));
    app.wait("the backup notice", 10, |app| {
        app.text(&app.find("#backup-status"))
            .starts_with("Backed up")
            .then_some(())
    });
    let copied = Store::open(&copy).unwrap();
    assert_eq!(
        copied.list_incidents(&ListQuery::default()).unwrap().total,
        7
    );
}

const HOSTILE: &str = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";

#[test]
fn hostile_text_is_shown_as_text_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hostile.db");
    {
        let mut s = Store::open(&db).unwrap();
        s.load_sample_data("t").unwrap();
        s.create_incident(
            &IncidentInput {
                company: format!("Evil {HOSTILE}"),
                // A direction override is refused in a title (it could forge a
                // row) but kept, shown inert, in a summary.
                title: format!("javascript:alert(1) {HOSTILE}"),
                summary: Some(format!(
                    "{HOSTILE} \u{202e}txt.exe {}",
                    "long ".repeat(2000)
                )),
                events: vec![EventInput {
                    kind: "fined".into(),
                    date: "2024-01-02".into(),
                    note: Some(HOSTILE.into()),
                    ..Default::default()
                }],
                sources: vec![SourceInput {
                    url: format!("https://example.org/?q={}", "%3Cscript%3E"),
                    title: Some(HOSTILE.into()),
                    ..Default::default()
                }],
                ..Default::default()
            },
            "t",
        )
        .unwrap();
    }
    let app = App::start(&db);
    let pwned = |app: &App| {
        app.execute(
            "return window.__pwned === undefined ? null : window.__pwned;",
            vec![],
        )
    };
    // The list.
    let row = app.wait("the hostile row", 10, |app| {
        app.find_all("#incident-table tbody tr")
            .iter()
            .map(|r| app.text(r))
            .find(|t| t.contains("Evil"))
    });
    assert!(row.contains("<script>window.__pwned=2</script>"), "{row}");
    assert!(
        app.find_all("#incident-table img").is_empty(),
        "no element was made from the text"
    );
    // The company view and its timeline tooltip.
    // The long hostile name runs past the window's edge: click it from script.
    app.execute(
        "[...document.querySelectorAll('.company-link')].find(l => l.textContent.startsWith('Evil')).click();",
        vec![],
    );
    app.find("#timeline-svg");
    assert!(app
        .text(&app.find("#history-heading"))
        .contains("<img src=x"));
    app.hover(&app.find("#timeline-svg .tl-marker > *"));
    app.wait("the tooltip", 5, |app| {
        app.text(&app.find("#tl-tooltip"))
            .contains("<script>")
            .then_some(())
    });
    assert!(app
        .find_all("#timeline img, #tl-tooltip img, #tl-tooltip script")
        .is_empty());
    // The editor.
    app.execute(
        "document.querySelector('#history-incidents tbody tr').click();",
        vec![],
    );
    let title = app.property(&app.find("[data-field='title']"), "value");
    assert!(
        title
            .as_str()
            .unwrap()
            .starts_with("javascript:alert(1) <img"),
        "{title}"
    );
    // From article: the text pasted is shown as text beside the draft.
    app.click(&app.find("#nav-article"));
    app.execute(
        "const t = document.getElementById('article-input'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));",
        vec![serde_json::json!(format!("Evil Corp was fined $5 million. {HOSTILE}"))],
    );
    app.click(&app.find("#article-extract"));
    let article = app.text(&app.find("#article-text"));
    assert!(
        article.contains("<script>window.__pwned=2</script>"),
        "{article}"
    );
    assert!(app
        .find_all("#article-text img, #article-text script")
        .is_empty());
    app.screenshot(&screenshot_dir().join("hostile-text.png"));
    assert_eq!(
        pwned(&app),
        serde_json::Value::Null,
        "no hostile script ran"
    );
}

#[test]
fn a_save_over_someone_elses_change_is_a_conflict_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("conflict.db");
    let app = App::start(&db);
    app.find("#incident-table tbody tr[data-id]");
    let kakao = Store::open(&db)
        .unwrap()
        .list_full(&ListQuery {
            company: Some("Kakao Pay".into()),
            ..Default::default()
        })
        .unwrap()
        .remove(0);
    app.click(&app.find(&format!(
        "#incident-table tbody tr[data-id='{}'] td.title",
        kakao.id
    )));
    let title = app.find("[data-field='title']");
    // Meanwhile, the CLI (another writer) revises the people count.
    let mut other = Store::open(&db).unwrap();
    let mut edit = kakao.to_input();
    edit.users_affected = Some(40_450_000);
    other.update_incident(kakao.id, &edit, "cli:other").unwrap();
    // The app's save from the old copy is refused, naming what changed.
    app.type_into(&title, " (edited in the app)");
    app.type_into(&title, ENTER);
    let message = app.wait("the conflict", 10, |app| {
        let t = app.text(&app.find("#form-error"));
        (!t.is_empty()).then_some(t)
    });
    assert!(message.contains("users_affected"), "{message}");
    assert!(message.contains("cli:other"), "{message}");
    let stored = Store::open(&db).unwrap().get_incident(kakao.id).unwrap();
    assert_eq!(
        stored.users_affected,
        Some(40_450_000),
        "the other edit stands"
    );
    assert!(!stored.title.contains("edited in the app"));
}
