//! What the window remembers outside the data file: the interface language
//! (one for the app) and, for each database, the analyst's place — the last
//! view, filters, sort and column widths the window hands over, and the
//! window's size. Kept as one JSON file, `settings.json`, in the app's config
//! directory (`INCIDENTS_CONFIG_DIR` names another, for tests), so that a
//! database file passed to a colleague carries none of it.

use incidents_core::{msg, Error};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::State;

use crate::AppState;

/// The interface languages, each with its translation file in `ui/i18n`.
pub const LANGUAGES: [(&str, &str); 3] = [
    ("en", include_str!("../../ui/i18n/en.json")),
    ("ko", include_str!("../../ui/i18n/ko.json")),
    ("zh", include_str!("../../ui/i18n/zh.json")),
];

/// The smallest window size that is remembered; anything smaller is a
/// minimised or half-drawn window, not a choice.
const MIN_SIZE: (f64, f64) = (400.0, 300.0);

/// The settings file and a lock so that two commands never write it at once.
pub struct Prefs {
    file: PathBuf,
    lock: Mutex<()>,
}

impl Prefs {
    /// Settings kept in `dir` (created on the first write).
    pub fn in_dir(dir: PathBuf) -> Prefs {
        Prefs {
            file: dir.join("settings.json"),
            lock: Mutex::new(()),
        }
    }

    /// The whole file as an object; a missing or unreadable file is empty
    /// settings (the window then starts as on a first run).
    fn read(&self) -> Map<String, Value> {
        std::fs::read_to_string(&self.file)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|v| match v {
                Value::Object(map) => Some(map),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Reads, changes and writes the file under the lock; the write goes to a
    /// temporary file renamed over the old one, so a crash leaves either.
    fn update(&self, change: impl FnOnce(&mut Map<String, Value>)) -> Result<(), Error> {
        let _held = self.lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut all = self.read();
        change(&mut all);
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = self
            .file
            .with_extension(format!("json.{}.tmp", std::process::id()));
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(&Value::Object(all)).unwrap_or_default(),
        )?;
        std::fs::rename(&tmp, &self.file)?;
        Ok(())
    }

    /// The chosen language, or the system's when none was chosen.
    pub fn language(&self) -> &'static str {
        let chosen = self
            .read()
            .get("language")
            .and_then(Value::as_str)
            .map(str::to_string);
        chosen
            .as_deref()
            .and_then(known_language)
            .unwrap_or_else(|| language_of_locale(sys_locale::get_locale().as_deref()))
    }

    fn place_of(&self, db: &Path) -> Map<String, Value> {
        match self.read().get("places").and_then(|p| p.get(key_of(db))) {
            Some(Value::Object(map)) => map.clone(),
            _ => Map::new(),
        }
    }

    fn update_place(
        &self,
        db: &Path,
        change: impl FnOnce(&mut Map<String, Value>),
    ) -> Result<(), Error> {
        self.update(|all| {
            let places = all.entry("places").or_insert_with(|| json!({}));
            if !places.is_object() {
                *places = json!({});
            }
            let place = places
                .as_object_mut()
                .map(|p| p.entry(key_of(db)).or_insert_with(|| json!({})));
            if let Some(Value::Object(place)) = place {
                change(place);
            }
        })
    }

    /// The window size remembered for `db`, in logical pixels.
    pub fn window_size(&self, db: &Path) -> Option<(f64, f64)> {
        let size = self.place_of(db).get("window")?.clone();
        let width = size.get("width")?.as_f64()?;
        let height = size.get("height")?.as_f64()?;
        (width >= MIN_SIZE.0 && height >= MIN_SIZE.1).then_some((width, height))
    }

    /// Keeps the window size for `db`; sizes below [`MIN_SIZE`] are ignored.
    pub fn save_window_size(&self, db: &Path, width: f64, height: f64) -> Result<(), Error> {
        if width < MIN_SIZE.0 || height < MIN_SIZE.1 {
            return Ok(());
        }
        self.update_place(db, |place| {
            place.insert(
                "window".into(),
                json!({ "width": width.round(), "height": height.round() }),
            );
        })
    }
}

/// The database's path as the key of its place: the real path where it
/// exists, so two spellings of one file share a place.
fn key_of(db: &Path) -> String {
    std::fs::canonicalize(db)
        .unwrap_or_else(|_| db.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

fn known_language(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().map(|(c, _)| *c).find(|c| *c == code)
}

/// "ko-KR", "ko_KR.UTF-8" → "ko"; "zh-Hans-CN", "zh_TW" → "zh"; anything
/// else, or no locale, → "en".
pub fn language_of_locale(locale: Option<&str>) -> &'static str {
    let lower = locale.unwrap_or("").to_ascii_lowercase();
    let primary = lower.split(['-', '_', '.', '@']).next().unwrap_or("");
    known_language(primary).unwrap_or("en")
}

/// The config directory: `INCIDENTS_CONFIG_DIR` when set, else the user's
/// config directory (`~/.config/privacy-incident-tracker` on Linux, beside
/// the data in `~/.local/share/privacy-incident-tracker`).
pub fn config_dir() -> PathBuf {
    match std::env::var_os("INCIDENTS_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => dirs::config_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("privacy-incident-tracker"),
    }
}

/// The translations of `language` (`ui/i18n/<language>.json`).
#[tauri::command]
pub async fn messages(language: String) -> Result<Value, Error> {
    let (_, text) = LANGUAGES
        .iter()
        .find(|(code, _)| *code == language)
        .ok_or_else(|| unknown_language(&language))?;
    serde_json::from_str(text)
        .map_err(|e| Error::invalid("language", msg!("error.json", "{detail}", detail = e)))
}

fn unknown_language(language: &str) -> Error {
    Error::invalid(
        "language",
        msg!(
            "error.language",
            "'{language}' is not a language of the interface; use en, ko or zh",
            language = language
        ),
    )
}

/// Keeps the interface language for the next start.
#[tauri::command]
pub async fn set_language(prefs: State<'_, Prefs>, language: String) -> Result<(), Error> {
    let code = known_language(&language).ok_or_else(|| unknown_language(&language))?;
    prefs.update(|all| {
        all.insert("language".into(), json!(code));
    })
}

/// Where the analyst was in the database open now: what `save_place` kept.
#[tauri::command]
pub async fn load_place(
    prefs: State<'_, Prefs>,
    state: State<'_, AppState>,
) -> Result<Option<Value>, Error> {
    Ok(prefs.place_of(&state.path()).get("ui").cloned())
}

/// Keeps the window's place (view, filters, sort, column widths) for the
/// database open now; the window decides what the object holds.
#[tauri::command]
pub async fn save_place(
    prefs: State<'_, Prefs>,
    state: State<'_, AppState>,
    place: Value,
) -> Result<(), Error> {
    if !place.is_object() {
        return Err(Error::invalid(
            "place",
            msg!("error.place", "must be an object of the window's settings"),
        ));
    }
    prefs.update_place(&state.path(), |p| {
        p.insert("ui".into(), place);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_names_its_language_or_english() {
        assert_eq!(language_of_locale(Some("ko_KR.UTF-8")), "ko");
        assert_eq!(language_of_locale(Some("zh-Hans-CN")), "zh");
        assert_eq!(language_of_locale(Some("zh_TW")), "zh");
        assert_eq!(language_of_locale(Some("fr-FR")), "en");
        assert_eq!(language_of_locale(Some("C")), "en");
        assert_eq!(language_of_locale(None), "en");
    }

    #[test]
    fn places_are_kept_per_database_and_window_sizes_below_the_minimum_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let prefs = Prefs::in_dir(dir.path().join("config"));
        let (a, b) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
        prefs.save_window_size(&a, 1000.4, 700.0).unwrap();
        prefs.save_window_size(&b, 120.0, 90.0).unwrap();
        assert_eq!(prefs.window_size(&a), Some((1000.0, 700.0)));
        assert_eq!(prefs.window_size(&b), None);
        prefs
            .update_place(&b, |p| {
                p.insert("ui".into(), json!({ "view": "overview" }));
            })
            .unwrap();
        assert_eq!(prefs.place_of(&b)["ui"]["view"], "overview");
        assert!(
            prefs.place_of(&a).get("ui").is_none(),
            "a's place is its own"
        );
        assert_eq!(
            prefs.window_size(&a),
            Some((1000.0, 700.0)),
            "b's write kept a's size"
        );
    }

    #[test]
    fn a_broken_settings_file_reads_as_empty_and_is_replaced_on_write() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("settings.json"), "{not json").unwrap();
        let prefs = Prefs::in_dir(dir.path().to_path_buf());
        assert!(prefs.read().is_empty());
        prefs
            .update(|all| {
                all.insert("language".into(), json!("zh"));
            })
            .unwrap();
        assert_eq!(prefs.language(), "zh");
    }

    #[test]
    fn every_language_file_is_a_flat_object_of_texts() {
        for (code, text) in LANGUAGES {
            let value: Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{code}.json: {e}"));
            let map = value
                .as_object()
                .unwrap_or_else(|| panic!("{code}.json is not an object"));
            for (key, text) in map {
                assert!(text.is_string(), "{code}.json: {key} is not text");
            }
        }
    }
}
