//! The interface's translations are complete: every key the window uses
//! (`t('…')` and `data-i18n…` attributes in `ui/`), every status and event
//! kind, and every message key the Rust side sends (`msg!("key", "template")`
//! in the core and the shell) exists in English, Korean and Chinese; the
//! English template of a Rust message is the text the Rust side writes; and
//! no Korean or Chinese text is left in English.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::model::{EventKind, Status};
use regex::Regex;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn language(code: &str) -> Map<String, Value> {
    let path = root().join("ui/i18n").join(format!("{code}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        other => panic!("{} is not a JSON object: {other:?}", path.display()),
    }
}

/// Every file under `dir` whose name ends with one of `exts`.
fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path, exts));
        } else if exts.iter().any(|e| path.to_string_lossy().ends_with(e)) {
            out.push(path);
        }
    }
    out
}

/// The keys the window's sources name literally.
fn ui_keys() -> BTreeSet<String> {
    let call = Regex::new(r#"\bt\(\s*['"]([a-z0-9_.]+)['"]"#).unwrap();
    let attr = Regex::new(r#"data-i18n(?:-[a-z-]+)?="([a-z0-9_.]+)""#).unwrap();
    let mut keys = BTreeSet::new();
    for path in files(&root().join("ui"), &[".js", ".html"]) {
        let text = std::fs::read_to_string(&path).unwrap();
        for re in [&call, &attr] {
            keys.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
        }
    }
    keys
}

/// `(key, English template)` of every `msg!` in the core and the shell; a
/// template continued over lines with `\` is joined as Rust joins it.
fn rust_messages() -> Vec<(String, String)> {
    let re = Regex::new(r#"(?s)msg!\(\s*"([a-z0-9_.]+)",\s*"((?:[^"\\]|\\.)*)""#).unwrap();
    let continuation = Regex::new(r"\\\n\s*").unwrap();
    let mut out = Vec::new();
    for dir in ["crates/core/src", "src-tauri/src"] {
        for path in files(&root().join(dir), &[".rs"]) {
            let text = std::fs::read_to_string(&path).unwrap();
            for c in re.captures_iter(&text) {
                let template = continuation.replace_all(&c[2], "").replace("\\\"", "\"");
                out.push((c[1].to_string(), template));
            }
        }
    }
    out.retain(|(key, _)| key != "cli.text");
    out
}

fn placeholders(template: &str) -> BTreeSet<String> {
    let re = Regex::new(r"\{([a-z_]+)\}").unwrap();
    re.captures_iter(template)
        .map(|c| c[1].to_string())
        .collect()
}

#[test]
fn every_key_the_window_uses_exists_in_every_language() {
    let keys = ui_keys();
    assert!(
        keys.len() > 100,
        "only {} keys found in ui/: is the scan broken?",
        keys.len()
    );
    let mut dynamic: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("status.{}", s.as_str()))
        .collect();
    dynamic.extend(
        EventKind::ALL
            .iter()
            .map(|k| format!("kind.{}", k.as_str())),
    );
    for code in ["en", "ko", "zh"] {
        let messages = language(code);
        let missing: Vec<&String> = keys
            .iter()
            .chain(&dynamic)
            .filter(|k| !messages.contains_key(*k))
            .collect();
        assert!(missing.is_empty(), "{code}.json lacks {missing:?}");
    }
}

#[test]
fn every_message_of_the_rust_side_has_its_english_template_and_translations() {
    let found = rust_messages();
    assert!(
        found.len() > 50,
        "only {} msg! found: is the scan broken?",
        found.len()
    );
    let en = language("en");
    for (key, template) in &found {
        assert_eq!(
            en.get(key).and_then(Value::as_str),
            Some(template.as_str()),
            "en.json: {key}"
        );
        for code in ["ko", "zh"] {
            let text = language(code)
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string);
            let text = text.unwrap_or_else(|| panic!("{code}.json lacks {key}"));
            assert_eq!(
                placeholders(&text),
                placeholders(template),
                "{code}.json: {key} names other values"
            );
        }
    }
}

#[test]
fn every_language_has_the_same_keys_and_the_same_placeholders() {
    let en = language("en");
    for code in ["ko", "zh"] {
        let other = language(code);
        let extra: Vec<&String> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        let missing: Vec<&String> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        assert!(
            extra.is_empty() && missing.is_empty(),
            "{code}.json: extra {extra:?}, missing {missing:?}"
        );
        for (key, text) in &en {
            let theirs = other[key].as_str().unwrap_or_default();
            assert_eq!(
                placeholders(theirs),
                placeholders(text.as_str().unwrap_or_default()),
                "{code}: {key}"
            );
        }
    }
}

#[test]
fn no_korean_or_chinese_text_is_left_in_english() {
    let en = language("en");
    // A text with a letter of the Latin alphabet outside its placeholders
    // and nothing of the other script is English left untranslated.
    let placeholder = Regex::new(r"\{[a-z_]+\}").unwrap();
    for (code, script) in [
        ("ko", Regex::new(r"\p{Hangul}").unwrap()),
        ("zh", Regex::new(r"\p{Han}").unwrap()),
    ] {
        let messages = language(code);
        let left: Vec<&String> = messages
            .iter()
            .filter(|(key, text)| {
                let text = text.as_str().unwrap_or_default();
                let bare = placeholder.replace_all(text, "");
                let latin = bare.chars().any(|c| c.is_ascii_alphabetic());
                latin && (!script.is_match(&bare) || Some(text) == en[*key].as_str())
            })
            .map(|(key, _)| key)
            .collect();
        assert!(left.is_empty(), "{code}.json keeps English in {left:?}");
    }
}
