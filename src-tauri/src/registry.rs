//! The registries from the window: regulators and company aliases as data.
//! Each command calls one function of the core.

use crate::AppState;
use incidents_core::store::incidents::actor;
use incidents_core::store::registry::{RegulatorEntry, RegulatorInput};
use incidents_core::Error;
use tauri::State;

/// Every regulator with its aliases and how often it acted.
#[tauri::command]
pub(crate) async fn regulator_entries(
    state: State<'_, AppState>,
) -> Result<Vec<RegulatorEntry>, Error> {
    state.with_reader(|s| s.regulator_entries())
}

/// Adds a regulator; returns its id.
#[tauri::command]
pub(crate) async fn add_regulator(
    state: State<'_, AppState>,
    input: RegulatorInput,
) -> Result<i64, Error> {
    state.with_store(|s| s.add_regulator(&input, &actor("app")))
}

/// Changes the given fields of a regulator (named by any of its names).
#[tauri::command]
pub(crate) async fn edit_regulator(
    state: State<'_, AppState>,
    regulator: String,
    input: RegulatorInput,
) -> Result<i64, Error> {
    state.with_store(|s| s.edit_regulator(&regulator, &input, &actor("app")))
}

/// Adds another name to a regulator; false when it had it.
#[tauri::command]
pub(crate) async fn add_regulator_alias(
    state: State<'_, AppState>,
    regulator: String,
    alias: String,
) -> Result<bool, Error> {
    state.with_store(|s| s.add_regulator_alias(&regulator, &alias, &actor("app")))
}

/// Merges one regulator into another; returns the events moved.
#[tauri::command]
pub(crate) async fn merge_regulators(
    state: State<'_, AppState>,
    from: String,
    into: String,
) -> Result<usize, Error> {
    state.with_store(|s| s.merge_regulators(&from, &into, &actor("app")))
}

/// Adds another name to a company.
#[tauri::command]
pub(crate) async fn add_company_alias(
    state: State<'_, AppState>,
    company: String,
    alias: String,
) -> Result<(), Error> {
    state.with_store(|s| s.add_company_alias(&company, &alias, &actor("app")))
}

/// Renames a company; the old name stays an alias. Returns the new name.
#[tauri::command]
pub(crate) async fn rename_company(
    state: State<'_, AppState>,
    company: String,
    name: String,
) -> Result<String, Error> {
    state.with_store(|s| s.rename_company(&company, &name, &actor("app")))?;
    Ok(name.trim().to_string())
}

/// Removes another name of a company.
#[tauri::command]
pub(crate) async fn remove_company_alias(
    state: State<'_, AppState>,
    alias: String,
) -> Result<(), Error> {
    state.with_store(|s| s.remove_company_alias(&alias, &actor("app")))
}

/// Merges one company into another; returns the incidents moved.
#[tauri::command]
pub(crate) async fn merge_companies(
    state: State<'_, AppState>,
    from: String,
    into: String,
) -> Result<usize, Error> {
    state.with_store(|s| s.merge_companies(&from, &into, &actor("app")))
}
