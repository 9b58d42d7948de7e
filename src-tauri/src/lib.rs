//! The desktop shell: each command parses its arguments, calls one function of
//! `incidents-core` and returns its result. No SQL and no business rules here.
//!
//! Commands are `async` so that Tauri runs them off the main thread: database
//! work never freezes the window. The store sits behind a `std::sync::Mutex`
//! that is held only inside a command and never across an `.await`.

use incidents_core::model::{EventKind, HistoryEntry, Regulator, Status};
use incidents_core::store::export::{ExportFormat, ExportSummary};
use incidents_core::store::import::{
    Cancel, Field, FileShape, ImportOptions, ImportReport, Progress,
};
use incidents_core::store::incidents::actor;
use incidents_core::{
    default_db_path, msg, Error, Incident, IncidentInput, ListPage, ListQuery, Store,
};
use prefs::Prefs;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::ipc::Channel;
use tauri::{Manager, Runtime, State};

mod overview;
mod prefs;
mod registry;
mod team;

/// What the window shares: the open store, or why it could not be opened.
/// The database file in use and the store open on it (or why it is not).
type Opened = (PathBuf, Result<Store, Error>);

pub struct AppState {
    store: Mutex<Opened>,
    /// A read-only connection on the same file: lists, views and exports go
    /// through it, so they never wait for a long write (an import) that holds
    /// `store`. None when the database could not be opened.
    reader: Mutex<Option<Store>>,
    /// The running import's Cancel flag, raised by `cancel_import`.
    import_cancel: Mutex<Option<Cancel>>,
    /// The path of the database open now, readable while a long command
    /// (an import) holds the store: the window's size is kept under it.
    current: std::sync::RwLock<PathBuf>,
}

fn poisoned() -> Error {
    Error::Unavailable(msg!(
        "error.poisoned",
        "an earlier command failed; restart the app"
    ))
}

/// The reader connection of a store that opened; a failure to open it only
/// costs the window its independence from long writes, so it is not fatal.
fn reader_of(store: &Result<Store, Error>) -> Option<Store> {
    store.as_ref().ok().and_then(|s| s.open_reader().ok())
}

fn open_store(path: &std::path::Path) -> Result<Store, Error> {
    Store::open(path).and_then(|mut s| {
        s.load_sample_data_on_first_start(&actor("app"))?;
        Ok(s)
    })
}

impl AppState {
    /// Opens (or creates) the database at `path`; on a brand-new database the
    /// sample incidents are loaded once.
    pub fn open(path: PathBuf) -> AppState {
        let store = open_store(&path);
        AppState {
            current: std::sync::RwLock::new(path.clone()),
            reader: Mutex::new(reader_of(&store)),
            import_cancel: Mutex::new(None),
            store: Mutex::new((path, store)),
        }
    }

    /// Runs a read on the reader connection (on one snapshot of the data), or
    /// on the store when there is none.
    fn with_reader<T>(&self, f: impl FnOnce(&Store) -> Result<T, Error>) -> Result<T, Error> {
        {
            let guard = self.reader.lock().map_err(|_| poisoned())?;
            if let Some(reader) = guard.as_ref() {
                return reader.snapshot(f);
            }
        }
        self.with_store(|s| f(s))
    }

    /// Whether an import holds the store now.
    fn importing(&self) -> bool {
        self.import_cancel
            .lock()
            .map(|c| c.is_some())
            .unwrap_or(false)
    }

    fn set_cancel(&self, cancel: Option<Cancel>) -> Result<(), Error> {
        *self.import_cancel.lock().map_err(|_| poisoned())? = cancel;
        Ok(())
    }

    /// Imports on the store, with a Cancel flag `cancel_import` can raise.
    fn run_import(
        &self,
        path: &std::path::Path,
        mut options: ImportOptions,
        on_progress: &Channel<Progress>,
    ) -> Result<ImportReport, Error> {
        let who = actor("app");
        options.cancel = Cancel::default();
        self.with_store(|s| {
            self.set_cancel(Some(options.cancel.clone()))?;
            let report = s.import_csv(path, &options, &who, &mut |p| {
                // A closed window stops listening; the import goes on regardless.
                let _ = on_progress.send(p);
            });
            self.set_cancel(None)?;
            report
        })
    }

    fn set_reader(&self, reader: Option<Store>) -> Result<(), Error> {
        *self.reader.lock().map_err(|_| poisoned())? = reader;
        Ok(())
    }

    /// The path of the database open now (or that failed to open).
    fn path(&self) -> PathBuf {
        match self.current.read() {
            Ok(path) => path.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Opened>, Error> {
        self.store.lock().map_err(|_| poisoned())
    }

    /// Runs `f` on the store (the one writer). While an import holds it, a
    /// write is refused at once rather than left waiting for the import: a
    /// waiting command would hold one of the few threads that serve the window.
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, Error>) -> Result<T, Error> {
        let mut guard = match self.store.try_lock() {
            Ok(guard) => guard,
            Err(std::sync::TryLockError::WouldBlock) if self.importing() => {
                return Err(Error::Unavailable(msg!(
                    "error.busy_importing",
                    "an import is running; this can be done once it ends (or after Cancel)"
                )))
            }
            Err(std::sync::TryLockError::WouldBlock) => self.lock()?,
            Err(std::sync::TryLockError::Poisoned(_)) => return Err(poisoned()),
        };
        let (path, store) = &mut *guard;
        match store.as_mut() {
            Ok(store) => f(store),
            Err(e) => Err(Error::Unavailable(msg!(
                "error.not_opened",
                "the database {path} could not be opened: {detail}",
                path = path.display(),
                detail = e
            ))),
        }
    }

    fn db_path(&self) -> String {
        self.lock()
            .map(|g| g.0.display().to_string())
            .unwrap_or_default()
    }
}

/// A keyword with its label, for the status and event-kind pickers.
#[derive(Serialize)]
pub struct Choice {
    value: &'static str,
    label: &'static str,
}

/// What the UI needs to know once at start.
#[derive(Serialize)]
pub struct AppInfo {
    db_path: String,
    /// Why the database could not be opened, if it could not.
    open_error: Option<Error>,
    statuses: Vec<Choice>,
    event_kinds: Vec<Choice>,
    currencies: Vec<&'static str>,
    /// The interface language to start in: the one chosen in Settings, else
    /// the system's (en, ko or zh).
    language: &'static str,
    version: &'static str,
    licence: &'static str,
}

#[tauri::command]
async fn app_info(state: State<'_, AppState>, prefs: State<'_, Prefs>) -> Result<AppInfo, Error> {
    let open_error = state.with_store(|_| Ok(())).err();
    Ok(AppInfo {
        db_path: state.db_path(),
        open_error,
        statuses: Status::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str(),
                label: s.label(),
            })
            .collect(),
        event_kinds: EventKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str(),
                label: k.label(),
            })
            .collect(),
        currencies: incidents_core::money::currency_codes().collect(),
        language: prefs.language(),
        version: env!("CARGO_PKG_VERSION"),
        licence: env!("CARGO_PKG_LICENSE"),
    })
}

#[tauri::command]
async fn list_incidents(state: State<'_, AppState>, query: ListQuery) -> Result<ListPage, Error> {
    state.with_reader(|s| s.list_incidents(&query))
}

/// How many incidents match the list's filters (run beside the page).
#[tauri::command]
async fn count_incidents(state: State<'_, AppState>, query: ListQuery) -> Result<i64, Error> {
    state.with_reader(|s| s.count_incidents(&query))
}

#[tauri::command]
async fn get_incident(state: State<'_, AppState>, id: i64) -> Result<Incident, Error> {
    state.with_reader(|s| s.get_incident(id))
}

/// Checks a form without saving it, for inline errors while typing.
#[tauri::command]
async fn validate_incident(input: serde_json::Value) -> Result<(), Error> {
    IncidentInput::from_value(input)?.validate().map(|_| ())
}

/// Creates an incident (`id` null) or updates one; returns it as stored.
#[tauri::command]
async fn save_incident(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: serde_json::Value,
) -> Result<Incident, Error> {
    let input = IncidentInput::from_value(input)?;
    let who = actor("app");
    state.with_store(|s| match id {
        Some(id) => s.update_incident(id, &input, &who),
        None => s.create_incident(&input, &who),
    })
}

#[tauri::command]
async fn delete_incident(
    state: State<'_, AppState>,
    id: i64,
    version: Option<i64>,
) -> Result<(), Error> {
    state.with_store(|s| s.delete_incident(id, version, &actor("app")))
}

#[tauri::command]
async fn incident_history(state: State<'_, AppState>, id: i64) -> Result<Vec<HistoryEntry>, Error> {
    state.with_reader(|s| s.history(id))
}

#[tauri::command]
async fn company_timeline(
    state: State<'_, AppState>,
    name: String,
) -> Result<incidents_core::store::views::CompanyTimeline, Error> {
    state.with_reader(|s| s.company_timeline(&name))
}

#[tauri::command]
async fn regulator_view(
    state: State<'_, AppState>,
    name: String,
) -> Result<incidents_core::store::views::RegulatorView, Error> {
    state.with_reader(|s| s.regulator_view(&name))
}

/// Writes what the list shows (its filters, all pages) to `path`.
#[tauri::command]
async fn export_incidents(
    state: State<'_, AppState>,
    query: ListQuery,
    format: String,
    path: PathBuf,
) -> Result<ExportSummary, Error> {
    let format = ExportFormat::parse(&format)?;
    state.with_reader(|s| s.export(&query, format, &path))
}

/// Reads a CSV file's header and first rows and proposes a mapping.
#[tauri::command]
async fn inspect_import(
    state: State<'_, AppState>,
    path: PathBuf,
    delimiter: Option<char>,
) -> Result<FileShape, Error> {
    state.with_store(|s| s.inspect_import(&path, delimiter))
}

/// Imports (or, with `dry_run`, previews) a CSV file, reporting progress. It
/// runs on a blocking thread, so the threads that serve the window's other
/// commands stay free for as long as it takes.
#[tauri::command]
async fn import_file<R: Runtime>(
    app: tauri::AppHandle<R>,
    path: PathBuf,
    options: ImportOptions,
    on_progress: Channel<Progress>,
) -> Result<ImportReport, Error> {
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>()
            .run_import(&path, options, &on_progress)
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?
}

/// Stops the running import, which then rolls back whole; nothing when none runs.
#[tauri::command]
async fn cancel_import(state: State<'_, AppState>) -> Result<(), Error> {
    if let Some(cancel) = state.import_cancel.lock().map_err(|_| poisoned())?.as_ref() {
        cancel.cancel();
    }
    Ok(())
}

/// Switches to another database file: an existing one is opened (and
/// migrated, with a backup first), a new one created when `create` is set. The
/// current one stays open if the other cannot be.
#[tauri::command]
async fn open_database(
    state: State<'_, AppState>,
    path: PathBuf,
    create: bool,
) -> Result<String, Error> {
    if path.as_os_str().is_empty() {
        return Err(Error::invalid(
            "path",
            msg!("error.choose_db", "choose a database file"),
        ));
    }
    if !create && !path.exists() {
        return Err(Error::invalid(
            "path",
            msg!(
                "error.db_missing",
                "{path} does not exist",
                path = path.display()
            ),
        ));
    }
    if create && path.exists() {
        return Err(Error::invalid(
            "path",
            msg!(
                "error.db_exists",
                "{path} exists already; open it instead",
                path = path.display()
            ),
        ));
    }
    let store = open_store(&path)?;
    let reader = store.open_reader().ok();
    // Both change under the store's lock: no read slips in between them.
    let mut guard = state.lock()?;
    *guard = (path.clone(), Ok(store));
    state.set_reader(reader)?;
    drop(guard);
    if let Ok(mut current) = state.current.write() {
        current.clone_from(&path);
    }
    Ok(path.display().to_string())
}

/// Writes a consistent copy of the database to `path`.
#[tauri::command]
async fn backup_database(state: State<'_, AppState>, path: PathBuf) -> Result<String, Error> {
    state.with_store(|s| s.backup_to(&path))?;
    Ok(path.display().to_string())
}

/// Replaces the data with the backup at `path` after checking it; returns
/// where the replaced data was kept.
#[tauri::command]
async fn restore_database(
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<Option<String>, Error> {
    let kept = state.with_store(|s| s.restore_from(&path))?;
    Ok(kept.map(|k| k.display().to_string()))
}

/// A proposed incident from article text, with the evidence of each value.
#[derive(Serialize)]
pub struct ArticleDraft {
    draft: incidents_core::extract::Draft,
    /// The same as an editor form.
    input: IncidentInput,
}

/// Proposes an incident from a pasted article (offline, rules only).
#[tauri::command]
async fn extract_article(
    state: State<'_, AppState>,
    text: String,
    published: Option<String>,
    url: Option<String>,
) -> Result<ArticleDraft, Error> {
    if text.trim().is_empty() {
        return Err(Error::invalid(
            "text",
            msg!("error.no_article", "paste the article text first"),
        ));
    }
    incidents_core::extract::check_article_size(text.len())?;
    let (published, url) =
        incidents_core::extract::article_details(published.as_deref(), url.as_deref())?;
    let ctx = state.with_reader(|s| s.extraction_context(published, url))?;
    let draft = incidents_core::extract::extract(&text, &ctx);
    let input = draft.to_input();
    Ok(ArticleDraft { draft, input })
}

/// The fields a column can be mapped to, for the mapping step.
#[tauri::command]
async fn import_fields() -> Vec<String> {
    Field::ALL.iter().map(|f| f.name()).collect()
}

#[tauri::command]
async fn list_regulators(state: State<'_, AppState>) -> Result<Vec<Regulator>, Error> {
    state.with_reader(|s| s.regulators())
}

#[tauri::command]
async fn company_names(
    state: State<'_, AppState>,
    prefix: Option<String>,
) -> Result<Vec<String>, Error> {
    state.with_reader(|s| s.company_suggestions(prefix.as_deref().unwrap_or(""), 50))
}

/// The app's commands and state on any runtime, so tests can drive the same
/// handlers through a mock runtime.
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        // The file dialogs behind "Choose…" and "Save as…".
        .plugin(tauri_plugin_dialog::init())
        // Source URLs open in the system browser; the capability allows only http and https.
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .manage(Prefs::in_dir(prefs::config_dir()))
        .setup(|app| {
            restore_window_size(app.handle());
            Ok(())
        })
        .on_window_event(remember_window_size)
        .invoke_handler(tauri::generate_handler![
            app_info,
            list_incidents,
            count_incidents,
            get_incident,
            validate_incident,
            save_incident,
            delete_incident,
            incident_history,
            list_regulators,
            company_names,
            overview::overview,
            overview::stats,
            overview::save_chart,
            overview::save_table,
            company_timeline,
            regulator_view,
            export_incidents,
            inspect_import,
            import_file,
            cancel_import,
            import_fields,
            extract_article,
            open_database,
            backup_database,
            restore_database,
            registry::regulator_entries,
            registry::add_regulator,
            registry::edit_regulator,
            registry::add_regulator_alias,
            registry::merge_regulators,
            registry::add_company_alias,
            registry::rename_company,
            registry::remove_company_alias,
            registry::merge_companies,
            prefs::messages,
            prefs::set_language,
            prefs::load_place,
            prefs::save_place,
            team::team_settings,
            team::save_team,
            team::sync_now,
            team::sync_conflicts,
            team::resolve_conflict,
        ])
}

/// Gives the main window the size it had when this database was last used.
fn restore_window_size<R: Runtime>(app: &tauri::AppHandle<R>) {
    let (Some(window), Some(state), Some(prefs)) = (
        app.get_webview_window("main"),
        app.try_state::<AppState>(),
        app.try_state::<Prefs>(),
    ) else {
        return;
    };
    if let Some((width, height)) = prefs.window_size(&state.path()) {
        let _ = window.set_size(tauri::LogicalSize::new(width, height));
    }
}

/// Keeps the main window's size, per database, whenever it changes.
fn remember_window_size<R: Runtime>(window: &tauri::Window<R>, event: &tauri::WindowEvent) {
    let tauri::WindowEvent::Resized(size) = event else {
        return;
    };
    let (Some(prefs), Some(state)) = (window.try_state::<Prefs>(), window.try_state::<AppState>())
    else {
        return;
    };
    let logical = size.to_logical::<f64>(window.scale_factor().unwrap_or(1.0));
    if let Err(e) = prefs.save_window_size(&state.path(), logical.width, logical.height) {
        eprintln!("the window size could not be kept: {e}");
    }
}

/// The database the app opens: `--db PATH`, else `$INCIDENTS_DB`, else the
/// platform data directory (the same default as the `incidents` CLI).
pub fn db_path_from_env() -> Result<PathBuf, Error> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return Ok(PathBuf::from(path));
            }
        }
    }
    match std::env::var_os("INCIDENTS_DB") {
        Some(p) if !p.is_empty() => Ok(PathBuf::from(p)),
        _ => default_db_path(),
    }
}

/// Starts the desktop app.
pub fn run() {
    let state = match db_path_from_env() {
        Ok(path) => AppState::open(path),
        Err(e) => AppState {
            current: std::sync::RwLock::new(PathBuf::from("(no data directory)")),
            reader: Mutex::new(None),
            import_cancel: Mutex::new(None),
            store: Mutex::new((PathBuf::from("(no data directory)"), Err(e))),
        },
    };
    let result = app_builder(tauri::Builder::default(), state).run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("the app stopped with an error: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    //! The commands through Tauri's IPC layer on the mock runtime, with the
    //! real config and capability: what the window sends is what is tested.

    use super::*;
    use serde_json::{json, Value};
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
    use tauri::webview::InvokeRequest;
    use tauri::WebviewWindowBuilder;

    fn invoke(
        webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
        cmd: &str,
        args: Value,
    ) -> Result<Value, Value> {
        get_ipc_response(
            webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("valid url"),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().expect("JSON response"))
    }

    fn app_on(db: &std::path::Path) -> tauri::WebviewWindow<tauri::test::MockRuntime> {
        let app = app_builder(mock_builder(), AppState::open(db.to_path_buf()))
            .build(tauri::generate_context!())
            .expect("build the app on the mock runtime");
        WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("main window")
    }

    #[test]
    fn a_new_database_starts_with_the_sample_incidents() {
        let dir = tempfile::tempdir().unwrap();
        let webview = app_on(&dir.path().join("a.db"));
        let page = invoke(&webview, "list_incidents", json!({ "query": {} })).unwrap();
        assert!(page["total"].as_i64().unwrap() >= 5);
        assert!(page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["company"] == "Kakao Pay"
                && r["regulators"][0]["label"] == "FSS"
                && r["regulators"][1]["label"] == "PIPC"
                && r["regulators"][1]["id"].is_i64()));
    }

    #[test]
    fn a_validation_error_crosses_as_kind_field_message() {
        let dir = tempfile::tempdir().unwrap();
        let webview = app_on(&dir.path().join("a.db"));
        let err = invoke(
            &webview,
            "save_incident",
            json!({ "id": null, "input": { "company": "X", "title": "Y", "records_affected": "-5" } }),
        )
        .unwrap_err();
        assert_eq!(
            err,
            json!({
                "kind": "validation",
                "field": "records_affected",
                "message": "must not be negative",
                "key": "error.negative",
                "args": {}
            })
        );
        let err = invoke(&webview, "get_incident", json!({ "id": 999 })).unwrap_err();
        assert_eq!(err["kind"], "not_found");
        assert_eq!(err["field"], Value::Null);
    }

    #[test]
    fn save_then_update_with_a_stale_version_is_a_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let webview = app_on(&dir.path().join("a.db"));
        let form = json!({ "company": "Acme", "title": "Leak", "records_affected": "1,000",
                           "events": [{ "kind": "disclosed", "date": "2024-06" }] });
        let saved = invoke(
            &webview,
            "save_incident",
            json!({ "id": null, "input": form }),
        )
        .unwrap();
        assert_eq!(saved["records_affected"], 1000);
        let id = saved["id"].clone();
        let mut edit = form.clone();
        edit["version"] = json!(1);
        edit["title"] = json!("Leak, revised");
        invoke(
            &webview,
            "save_incident",
            json!({ "id": id, "input": edit.clone() }),
        )
        .unwrap();
        edit["title"] = json!("Leak, from a stale copy");
        let err = invoke(
            &webview,
            "save_incident",
            json!({ "id": id, "input": edit }),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "conflict");
        let stored = invoke(&webview, "get_incident", json!({ "id": id })).unwrap();
        assert_eq!(stored["title"], "Leak, revised");
    }

    #[test]
    fn an_unreadable_database_is_reported_by_app_info_not_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("garbage.db");
        std::fs::write(&path, vec![b'x'; 4096]).unwrap();
        let webview = app_on(&path);
        let info = invoke(&webview, "app_info", json!({})).expect("app_info answers");
        assert_eq!(info["open_error"]["kind"], "unavailable");
        assert!(info["open_error"]["message"]
            .as_str()
            .unwrap()
            .contains("could not be opened"));
        assert_eq!(std::fs::read(&path).unwrap(), vec![b'x'; 4096]);
    }

    /// Every `plugin:` command the UI calls, found in its source.
    fn plugin_calls_in_ui() -> Vec<String> {
        let mut found = Vec::new();
        let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui");
        let mut folders = vec![ui];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "js") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for part in text.split('\'').skip(1).step_by(2) {
                        if part.starts_with("plugin:") && part.contains('|') {
                            found.push(part.to_string());
                        }
                    }
                }
            }
        }
        found.sort();
        found.dedup();
        found
    }

    /// A plugin the UI calls but the app never registered answered "plugin
    /// not found" only when a person clicked "Choose…". Each call is made here
    /// with arguments the command cannot read: the answer must come from the
    /// command itself, so it is registered and the capability permits it.
    #[test]
    fn every_plugin_command_the_ui_calls_is_registered_and_permitted() {
        let dir = tempfile::tempdir().unwrap();
        let webview = app_on(&dir.path().join("a.db"));
        let calls = plugin_calls_in_ui();
        assert!(
            calls.contains(&"plugin:dialog|open".to_string()),
            "{calls:?}"
        );
        assert!(
            calls.contains(&"plugin:dialog|save".to_string()),
            "{calls:?}"
        );
        for call in calls {
            let err = invoke(&webview, &call, json!({ "options": 42 })).unwrap_err();
            let text = err.to_string();
            assert!(
                !text.contains("not found") && !text.contains("not allowed"),
                "{call}: {text}"
            );
            assert!(text.contains("invalid args"), "{call}: {text}");
        }
    }

    #[test]
    fn the_overview_counts_the_sample_data_and_saves_its_charts() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.db");
        let webview = app_on(&db);
        let o = invoke(&webview, "overview", json!({ "query": {} })).unwrap();
        assert_eq!(o["incidents"], 7);
        let pipc = o["by_regulator"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == "PIPC")
            .unwrap();
        assert_eq!(pipc["incidents"], 2);
        assert!(pipc["id"].is_i64(), "a bar opens its regulator by id");
        let by_kind = invoke(
            &webview,
            "stats",
            json!({ "by": "kind", "query": { "country": "KR" } }),
        )
        .unwrap();
        assert!(by_kind["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["key"] == "fined"));

        let svg = dir.path().join("chart.svg");
        invoke(
            &webview,
            "save_chart",
            json!({ "path": svg, "svg": "<svg xmlns='http://www.w3.org/2000/svg'/>" }),
        )
        .unwrap();
        assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
        let png = dir.path().join("chart.png");
        invoke(
            &webview,
            "save_chart",
            json!({ "path": png, "pngBase64": "iVBORw0KGgo=" }),
        )
        .unwrap();
        assert_eq!(std::fs::read(&png).unwrap(), b"\x89PNG\r\n\x1a\n");
        let both = invoke(
            &webview,
            "save_chart",
            json!({ "path": png, "svg": "x", "pngBase64": "x" }),
        );
        assert!(both.unwrap_err().to_string().contains("one of them"));
        let over_db = invoke(
            &webview,
            "save_chart",
            json!({ "path": db, "svg": "<svg/>" }),
        );
        assert!(over_db.is_err(), "a chart never overwrites the database");

        let csv = dir.path().join("numbers.csv");
        let rows = json!([["PIPC", "2"], ["=cmd", "1"]]);
        invoke(
            &webview,
            "save_table",
            json!({ "path": csv, "columns": ["regulator", "incidents"], "rows": rows }),
        )
        .unwrap();
        let text = std::fs::read_to_string(&csv).unwrap();
        assert_eq!(text, "\u{feff}regulator,incidents\r\nPIPC,2\r\n'=cmd,1\r\n");
        let ragged = invoke(
            &webview,
            "save_table",
            json!({ "path": csv, "columns": ["a"], "rows": [["1", "2"]] }),
        );
        assert!(ragged
            .unwrap_err()
            .to_string()
            .contains("row 1 has 2 cells"));
    }

    #[test]
    fn the_opener_refuses_every_scheme_but_http_and_https() {
        let dir = tempfile::tempdir().unwrap();
        let webview = app_on(&dir.path().join("a.db"));
        for url in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<b>x</b>",
            "ftp://example.org/x",
            "mailto:someone@example.org",
        ] {
            let err = invoke(&webview, "plugin:opener|open_url", json!({ "url": url }))
                .expect_err(url)
                .to_string();
            assert!(err.contains("Not allowed to open url"), "{url}: {err}");
        }
        // A web address passes the scope and goes to the system's launcher
        // (on a machine without a browser the launcher itself fails; the
        // address is a closed local port, so nothing is fetched either way).
        let web = invoke(
            &webview,
            "plugin:opener|open_url",
            json!({ "url": "https://localhost:9/" }),
        );
        if let Err(e) = web {
            assert!(!e.to_string().contains("Not allowed"), "https refused: {e}");
        }
    }

    /// Widening what the window may do must be a visible, reviewed change.
    #[test]
    fn the_capability_grants_only_the_apps_own_commands() {
        let cap: Value = serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
        assert_eq!(cap["windows"], json!(["main"]));
        let permissions = cap["permissions"].as_array().unwrap();
        // One scoped permission only: opening web addresses, nothing else.
        let scoped: Vec<&Value> = permissions.iter().filter(|p| p.is_object()).collect();
        assert_eq!(
            scoped,
            [&json!({
                "identifier": "opener:allow-open-url",
                "allow": [{ "url": "http://*" }, { "url": "https://*" }]
            })]
        );
        let granted: Vec<&str> = permissions.iter().filter_map(|p| p.as_str()).collect();
        assert_eq!(
            granted,
            [
                "allow-app-info",
                "allow-list-incidents",
                "allow-count-incidents",
                "allow-get-incident",
                "allow-validate-incident",
                "allow-save-incident",
                "allow-delete-incident",
                "allow-incident-history",
                "allow-list-regulators",
                "allow-company-names",
                "allow-overview",
                "allow-stats",
                "allow-save-chart",
                "allow-save-table",
                "allow-company-timeline",
                "allow-regulator-view",
                "allow-export-incidents",
                "allow-inspect-import",
                "allow-import-file",
                "allow-cancel-import",
                "allow-import-fields",
                "allow-extract-article",
                "allow-open-database",
                "allow-backup-database",
                "allow-restore-database",
                "allow-regulator-entries",
                "allow-add-regulator",
                "allow-edit-regulator",
                "allow-add-regulator-alias",
                "allow-merge-regulators",
                "allow-add-company-alias",
                "allow-rename-company",
                "allow-remove-company-alias",
                "allow-merge-companies",
                "allow-messages",
                "allow-set-language",
                "allow-load-place",
                "allow-save-place",
                "allow-team-settings",
                "allow-save-team",
                "allow-sync-now",
                "allow-sync-conflicts",
                "allow-resolve-conflict",
                "dialog:allow-open",
                "dialog:allow-save",
            ]
        );
    }

    #[test]
    fn the_csp_allows_no_inline_or_evaluated_script() {
        let conf: Value = serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        let csp = &conf["app"]["security"]["csp"];
        for directive in ["default-src", "script-src", "style-src"] {
            let value = csp[directive]
                .as_str()
                .unwrap_or_else(|| panic!("{directive} is set"));
            assert_eq!(value, "'self'", "{directive}");
        }
        assert_eq!(csp["object-src"], "'none'");
        assert!(conf["app"]["security"]
            .get("dangerousDisableAssetCspModification")
            .is_none());
    }
}
