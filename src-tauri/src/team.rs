//! Team sync from the window: Settings → Team, the top bar's indicator and the
//! Conflicts view. Each command calls one function of the core; a sync runs
//! off the window's thread, as it waits on the network.

use crate::AppState;
use incidents_core::store::incidents::actor;
use incidents_core::sync::team::Team;
use incidents_core::sync::{Conflict, Report, Side};
use incidents_core::Error;
use tauri::{Manager, Runtime, State};

/// The team settings (never the token) and the last sync's outcome.
#[tauri::command]
pub(crate) async fn team_settings(state: State<'_, AppState>) -> Result<Team, Error> {
    state.with_reader(|s| s.team())
}

/// Saves the server, a new token when one is typed, and the interval.
#[tauri::command]
pub(crate) async fn save_team(
    state: State<'_, AppState>,
    server: String,
    token: Option<String>,
    interval_minutes: i64,
) -> Result<Team, Error> {
    state.with_store(|s| s.save_team(&server, token.as_deref(), interval_minutes))
}

/// Pulls, merges and pushes now, with the saved server and token.
#[tauri::command]
pub(crate) async fn sync_now<R: Runtime>(app: tauri::AppHandle<R>) -> Result<Report, Error> {
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>().with_store(|s| s.sync_with_team())
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?
}

/// Every field changed here and by a teammate, waiting for a choice.
#[tauri::command]
pub(crate) async fn sync_conflicts(state: State<'_, AppState>) -> Result<Vec<Conflict>, Error> {
    state.with_reader(|s| s.sync_conflicts())
}

/// Keeps `mine` or `theirs` for one field of one incident.
#[tauri::command]
pub(crate) async fn resolve_conflict(
    state: State<'_, AppState>,
    incident: i64,
    field: String,
    keep: String,
) -> Result<(), Error> {
    let side = Side::parse(&keep)?;
    state.with_store(|s| s.resolve_conflict(incident, &field, side, &actor("app")))
}
