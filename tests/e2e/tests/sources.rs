//! Source addresses open in the system browser only when they are http or
//! https: the window's button refuses other schemes, and so does the
//! capability when the window asks anyway.

#![allow(clippy::unwrap_used)]

use incidents_e2e::App;

/// What the opener answers the window for `url`: "opened" or its error.
fn ask_opener(app: &App, url: &str) -> String {
    app.execute(
        "return window.__TAURI__.core.invoke('plugin:opener|open_url', { url: arguments[0] })
            .then(() => 'opened', (e) => String(e));",
        vec![serde_json::json!(url)],
    )
    .as_str()
    .unwrap()
    .to_string()
}

#[test]
fn only_web_addresses_can_be_opened_from_a_source() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(&dir.path().join("sources.db"));
    let title = app.wait("the Kakao Pay row", 10, |app| {
        app.find_all("#incident-table tbody tr[data-id] td.title")
            .into_iter()
            .find(|t| app.text(t).contains("Alipay"))
    });
    app.click(&title);
    let url = app.find("[data-field='sources[0].url']");
    let open = app.find(".col-url .open-url");
    assert_eq!(
        app.property(&open, "disabled"),
        false,
        "an https source opens"
    );
    for refused in ["javascript:alert(1)", "file:///etc/passwd"] {
        app.clear(&url);
        app.type_into(&url, refused);
        assert_eq!(
            app.property(&open, "disabled"),
            true,
            "{refused} is not offered"
        );
        let answer = ask_opener(&app, refused);
        assert!(
            answer.contains("Not allowed to open url"),
            "{refused}: {answer}"
        );
    }
    app.clear(&url);
    app.type_into(&url, "https://example.org/report");
    assert_eq!(app.property(&open, "disabled"), false);
}
