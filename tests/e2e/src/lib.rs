//! A small WebDriver client for driving the real app window: it starts
//! `tauri-driver` (which starts WebKitWebDriver, which starts the app) on free
//! ports, opens a session on the built `incidents-app` binary, and offers the
//! handful of calls the tests need.
//!
//! Nothing here is skipped when a piece is missing: a test that cannot start the
//! window fails and says what to install.

use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// WebDriver's key for an element reference in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The Enter key, as WebDriver spells it in `send_keys`.
pub const ENTER: &str = "\u{E007}";
/// The Escape key.
pub const ESCAPE: &str = "\u{E00C}";

/// One app window at a time: the tests share the X display and two windows
/// would take each other's focus.
static ONE_WINDOW: Mutex<()> = Mutex::new(());

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("INCIDENTS_APP_BIN") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    target.join("debug").join("incidents-app")
}

fn tauri_driver() -> PathBuf {
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|h| h.join("bin").join("tauri-driver"));
    match in_cargo_home {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free local port for tauri-driver")
}

/// Where the tests leave screenshots for people to look at.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace_root().join("target").join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("create screenshot folder");
    dir
}

/// A running app window under WebDriver control.
pub struct App {
    base: String,
    session: String,
    driver: Child,
    _one_window: MutexGuard<'static, ()>,
}

/// A reference to an element in the window.
#[derive(Clone, Debug)]
pub struct Element(String);

impl App {
    /// Starts the app on the database file `db`, its settings (language,
    /// remembered place) kept in a `config` folder beside the database.
    pub fn start(db: &Path) -> App {
        App::start_with(db, &[])
    }

    /// Like [`App::start`], with more environment for the app, such as
    /// `LANG` for the system locale.
    pub fn start_with(db: &Path, env: &[(&str, &str)]) -> App {
        let guard = ONE_WINDOW
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "DISPLAY is not set: run the end-to-end tests under Xvfb (see .ci/run)"
        );
        let binary = app_binary();
        assert!(
            binary.exists(),
            "{} is missing: build it first with `cargo build -p incidents-app`",
            binary.display()
        );
        let port = free_port();
        let native_port = free_port();
        let mut command = Command::new(tauri_driver());
        // Its own process group, so that stopping the group also stops the
        // WebKitWebDriver it starts (killing tauri-driver alone orphaned it).
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("INCIDENTS_DB", db)
            .env(
                "INCIDENTS_CONFIG_DIR",
                db.parent().unwrap_or(Path::new(".")).join("config"),
            )
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver could not start: `cargo install tauri-driver --locked` and `apt-get install webkit2gtk-driver`");
        let base = format!("http://127.0.0.1:{port}");
        let mut app = App {
            base,
            session: String::new(),
            driver,
            _one_window: guard,
        };
        app.wait_for_driver();
        let caps = json!({
            "capabilities": {
                "alwaysMatch": { "tauri:options": { "application": binary.to_string_lossy() } }
            }
        });
        let created = app.post("/session", caps);
        app.session = created["sessionId"]
            .as_str()
            .expect("WebDriver returned no session id")
            .to_string();
        app
    }

    fn wait_for_driver(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(resp) = ureq::get(&format!("{}/status", self.base)).call() {
                if resp.into_json::<Value>().is_ok() {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not answer within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn url(&self, path: &str) -> String {
        if path == "/session" {
            format!("{}/session", self.base)
        } else {
            format!("{}/session/{}{}", self.base, self.session, path)
        }
    }

    fn answer(result: Result<ureq::Response, ureq::Error>, what: &str) -> Value {
        let resp = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(code, r)) => {
                let body = r.into_string().unwrap_or_default();
                panic!("WebDriver {what} failed with {code}: {body}");
            }
            Err(e) => panic!("WebDriver {what} failed: {e}"),
        };
        let v: Value = resp.into_json().expect("WebDriver answered with JSON");
        v["value"].clone()
    }

    fn post(&self, path: &str, body: Value) -> Value {
        Self::answer(
            ureq::post(&self.url(path))
                .timeout(Duration::from_secs(60))
                .send_json(body),
            path,
        )
    }

    /// Like `get`, but an element that the page has just replaced reads as
    /// null instead of failing: waits poll again on their next round.
    fn get_element_value(&self, path: &str) -> Value {
        match ureq::get(&self.url(path))
            .timeout(Duration::from_secs(60))
            .call()
        {
            Err(ureq::Error::Status(404, r)) => {
                let body = r.into_string().unwrap_or_default();
                assert!(
                    body.contains("stale element"),
                    "WebDriver {path} failed with 404: {body}"
                );
                Value::Null
            }
            other => Self::answer(other, path),
        }
    }

    fn get(&self, path: &str) -> Value {
        Self::answer(
            ureq::get(&self.url(path))
                .timeout(Duration::from_secs(60))
                .call(),
            path,
        )
    }

    /// Runs `script` in the page and returns its value (`arguments` holds `args`).
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// Waits until `check` returns `Some`, or panics with `what` after `secs`.
    pub fn wait<T>(&self, what: &str, secs: u64, mut check: impl FnMut(&App) -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(v) = check(self) {
                return v;
            }
            if Instant::now() > deadline {
                let shot = screenshot_dir().join("timeout.png");
                self.screenshot(&shot);
                panic!(
                    "timed out waiting for {what} (screenshot: {})",
                    shot.display()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The process group of the driver and everything it started.
    pub fn process_group(&self) -> u32 {
        self.driver.id()
    }

    /// Waits until the first element matching `css` shows `needle`; its text.
    pub fn wait_text(&self, css: &str, needle: &str) -> String {
        self.wait(&format!("'{needle}' in {css}"), 15, |app| {
            app.find_all(css)
                .first()
                .map(|e| app.text(e))
                .filter(|t| t.contains(needle))
        })
    }

    /// The elements matching a CSS selector, now.
    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let v = self.post(
            "/elements",
            json!({ "using": "css selector", "value": css }),
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The first element matching `css`, waiting up to 10 s for it to appear.
    pub fn find(&self, css: &str) -> Element {
        self.wait(&format!("element {css}"), 10, |app| {
            app.find_all(css).into_iter().next()
        })
    }

    pub fn click(&self, el: &Element) {
        self.post(&format!("/element/{}/click", el.0), json!({}));
    }

    /// Types `text` into the element (keys such as [`ENTER`] included).
    pub fn type_into(&self, el: &Element, text: &str) {
        self.post(&format!("/element/{}/value", el.0), json!({ "text": text }));
    }

    /// Presses `key` (a character or a WebDriver key code) on whatever has
    /// the focus, as a keyboard would: key down, then key up.
    pub fn press(&self, key: &str) {
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": [
            { "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }
        ] }] });
        self.post("/actions", actions);
    }

    /// Resizes the window, as dragging its border would.
    pub fn resize_window(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({ "width": width, "height": height }));
    }

    /// Empties an input.
    pub fn clear(&self, el: &Element) {
        self.post(&format!("/element/{}/clear", el.0), json!({}));
    }

    /// The rendered text of an element.
    pub fn text(&self, el: &Element) -> String {
        self.get_element_value(&format!("/element/{}/text", el.0))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// An attribute such as `aria-label`, or `None` when it is not set.
    pub fn attribute(&self, el: &Element, name: &str) -> Option<String> {
        self.get(&format!("/element/{}/attribute/{name}", el.0))
            .as_str()
            .map(str::to_string)
    }

    /// The element as an argument for [`App::execute`].
    pub fn arg(el: &Element) -> Value {
        json!({ ELEMENT_KEY: el.0 })
    }

    /// Moves the mouse over the element (hover).
    pub fn hover(&self, el: &Element) {
        self.post(
            "/actions",
            json!({ "actions": [{
                "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
                "actions": [{ "type": "pointerMove", "duration": 0, "origin": Self::arg(el), "x": 0, "y": 0 }]
            }]}),
        );
    }

    /// Gives the element keyboard focus.
    pub fn focus(&self, el: &Element) {
        self.execute("arguments[0].focus();", vec![Self::arg(el)]);
    }

    /// A DOM property such as `value`.
    pub fn property(&self, el: &Element, name: &str) -> Value {
        self.get_element_value(&format!("/element/{}/property/{name}", el.0))
    }

    /// Chooses an option of a `<select>` by its value and fires `change`.
    pub fn select_value(&self, el: &Element, value: &str) {
        self.execute(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true})); arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            vec![Self::arg(el), json!(value)],
        );
    }

    /// Writes a PNG of the window to `path`.
    pub fn screenshot(&self, path: &Path) {
        let b64 = self.get("/screenshot");
        let bytes = decode_base64(b64.as_str().unwrap_or_default());
        std::fs::write(path, bytes).expect("write screenshot");
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = ureq::delete(&self.url(""))
                .timeout(Duration::from_secs(10))
                .call();
        }
        stop_group(&mut self.driver);
    }
}

/// Stops a process group politely (SIGTERM to every member), waits for its
/// leader, and kills whatever is left after five seconds.
fn stop_group(leader: &mut Child) {
    let group = format!("-{}", leader.id());
    let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = leader.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
    let _ = leader.wait();
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some((c - b'A') as u32),
            b'a'..=b'z' => Some((c - b'a' + 26) as u32),
            b'0'..=b'9' => Some((c - b'0' + 52) as u32),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter_map(value) {
        acc = (acc << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_decodes_padding_and_all_alphabet_ranges() {
        assert_eq!(super::decode_base64("aGVsbG8="), b"hello");
        assert_eq!(super::decode_base64("QUJDRA=="), b"ABCD");
        assert_eq!(super::decode_base64("+/8="), [0xfb, 0xff]);
    }
}
