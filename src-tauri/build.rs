//! Registers the app's own commands with Tauri's permission system, so that the
//! capability file can grant them one by one (no command is callable unless a
//! capability names it).

/// Every `#[tauri::command]` of the app; keep in step with `invoke_handler`.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_incidents",
    "count_incidents",
    "get_incident",
    "validate_incident",
    "save_incident",
    "delete_incident",
    "incident_history",
    "list_regulators",
    "company_names",
    "overview",
    "stats",
    "save_chart",
    "save_table",
    "company_timeline",
    "regulator_view",
    "export_incidents",
    "inspect_import",
    "import_file",
    "cancel_import",
    "import_fields",
    "extract_article",
    "open_database",
    "backup_database",
    "restore_database",
    "regulator_entries",
    "add_regulator",
    "edit_regulator",
    "add_regulator_alias",
    "merge_regulators",
    "add_company_alias",
    "rename_company",
    "remove_company_alias",
    "merge_companies",
    "messages",
    "set_language",
    "load_place",
    "save_place",
    "team_settings",
    "save_team",
    "sync_now",
    "sync_conflicts",
    "resolve_conflict",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        // A build script reports failure by exiting non-zero with a message.
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
