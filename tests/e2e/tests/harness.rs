//! The end-to-end harness cleans up after itself: no process a test started
//! (tauri-driver, WebKitWebDriver, the app) outlives the test.

#![allow(clippy::unwrap_used)]

use incidents_e2e::App;
use std::process::Command;
use std::time::{Duration, Instant};

/// The processes still in group `group`.
fn members(group: u32) -> String {
    let out = Command::new("pgrep")
        .args(["-g", &group.to_string(), "-l"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn no_process_the_test_started_outlives_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(&dir.path().join("h.db"));
    app.find("#incident-table tbody tr[data-id]");
    let group = app.process_group();
    let running = members(group);
    assert!(running.contains("WebKitWebDriver"), "started: {running}");
    drop(app);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !members(group).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(members(group), "", "left running after the test");
}
