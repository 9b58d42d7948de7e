//! The desktop shell: each command parses its arguments, calls one function of
//! `incidents-core` and returns its result. No SQL and no business rules here.
//!
//! Commands are `async` so that Tauri runs them off the main thread: database
//! work never freezes the window. The store sits behind a `std::sync::Mutex`
//! that is held only inside a command and never across an `.await`.

use incidents_core::incidents::actor;
use incidents_core::model::{EventKind, HistoryEntry, Regulator, Status};
use incidents_core::{
    default_db_path, Error, Incident, IncidentInput, ListPage, ListQuery, Store,
};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{Runtime, State};

/// What the window shares: the open store, or why it could not be opened.
pub struct AppState {
    store: Mutex<Result<Store, Error>>,
    db_path: PathBuf,
}

impl AppState {
    /// Opens (or creates) the database at `path`; on a brand-new database the
    /// sample incidents are loaded once.
    pub fn open(path: PathBuf) -> AppState {
        let store = Store::open(&path).and_then(|mut s| {
            s.load_sample_data_on_first_start(&actor("app"))?;
            Ok(s)
        });
        AppState {
            store: Mutex::new(store),
            db_path: path,
        }
    }

    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, Error>) -> Result<T, Error> {
        let mut guard = self
            .store
            .lock()
            .map_err(|_| Error::Conflict("an earlier command failed; restart the app".into()))?;
        match guard.as_mut() {
            Ok(store) => f(store),
            Err(e) => Err(Error::Conflict(format!(
                "the database {} could not be opened: {e}",
                self.db_path.display()
            ))),
        }
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
}

#[tauri::command]
async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, Error> {
    let open_error = state.with_store(|_| Ok(())).err();
    Ok(AppInfo {
        db_path: state.db_path.display().to_string(),
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
    })
}

#[tauri::command]
async fn list_incidents(state: State<'_, AppState>, query: ListQuery) -> Result<ListPage, Error> {
    state.with_store(|s| s.list_incidents(&query))
}

#[tauri::command]
async fn get_incident(state: State<'_, AppState>, id: i64) -> Result<Incident, Error> {
    state.with_store(|s| s.get_incident(id))
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
async fn incident_history(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<HistoryEntry>, Error> {
    state.with_store(|s| s.history(id))
}

#[tauri::command]
async fn list_regulators(state: State<'_, AppState>) -> Result<Vec<Regulator>, Error> {
    state.with_store(|s| s.regulators())
}

#[tauri::command]
async fn company_names(state: State<'_, AppState>) -> Result<Vec<String>, Error> {
    state.with_store(|s| s.company_names())
}

/// The app's commands and state on any runtime, so tests can drive the same
/// handlers through a mock runtime.
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder.manage(state).invoke_handler(tauri::generate_handler![
        app_info,
        list_incidents,
        get_incident,
        validate_incident,
        save_incident,
        delete_incident,
        incident_history,
        list_regulators,
        company_names,
    ])
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
            store: Mutex::new(Err(e)),
            db_path: PathBuf::from("(no data directory)"),
        },
    };
    let result =
        app_builder(tauri::Builder::default(), state).run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("the app stopped with an error: {e}");
        std::process::exit(1);
    }
}
