//! The app as the .deb installs it: started from `/usr/bin`, it opens a new
//! database with the sample incidents, its window is titled, and the About
//! box names its version, database and licence.
//!
//! Ignored in the plain test run because it needs the package installed:
//! `./dev test` builds the .deb, installs it, runs this with `--ignored` and
//! `INCIDENTS_APP_BIN=/usr/bin/privacy-incident-tracker`, then removes it.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_e2e::{screenshot_dir, App};

#[test]
#[ignore = "needs the installed .deb; ./dev test installs it and runs this"]
fn the_installed_app_starts_on_the_sample_incidents() {
    let binary =
        std::env::var("INCIDENTS_APP_BIN").expect("INCIDENTS_APP_BIN names the installed app");
    assert!(
        binary.starts_with("/usr/bin/"),
        "this test is for the installed app, not {binary}"
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("installed.db");
    let app = App::start(&db);
    app.find("#incident-table tbody tr[data-id]");
    let rows = app.find_all("#incident-table tbody tr[data-id]");
    assert!(
        rows.len() >= 5,
        "the sample incidents are listed: {} rows",
        rows.len()
    );
    let title = app.execute("return document.title", vec![]);
    assert_eq!(title, "Privacy Incident Tracker");
    app.screenshot(&screenshot_dir().join("installed-list.png"));

    app.click(&app.find("#nav-settings"));
    let version = app.wait_text("#about-version", env!("CARGO_PKG_VERSION"));
    assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
    app.wait_text("#about-licence", "MIT");
    app.wait_text("#about-database", "installed.db");
}
