//! The Overview's commands: its numbers, and saving a chart as SVG, PNG or CSV.

use crate::AppState;
use base64::Engine;
use incidents_core::store::stats::{Overview, Stats, StatsBy};
use incidents_core::{msg, Error, ListQuery};
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub async fn overview(state: State<'_, AppState>, query: ListQuery) -> Result<Overview, Error> {
    state.with_reader(|s| s.overview(&query))
}

#[tauri::command]
pub async fn stats(
    state: State<'_, AppState>,
    by: StatsBy,
    query: ListQuery,
) -> Result<Stats, Error> {
    state.with_reader(|s| s.stats(by, &query))
}

/// Writes a chart the window drew: `svg` as text, or `png_base64` (a canvas's
/// PNG, base64-encoded) as bytes.
#[tauri::command]
pub async fn save_chart(
    state: State<'_, AppState>,
    path: PathBuf,
    svg: Option<String>,
    png_base64: Option<String>,
) -> Result<(), Error> {
    let bytes = match (svg, png_base64) {
        (Some(svg), None) => svg.into_bytes(),
        (None, Some(png)) => base64::engine::general_purpose::STANDARD
            .decode(png.trim())
            .map_err(|e| {
                Error::invalid(
                    "png_base64",
                    msg!("error.base64", "is not base64: {detail}", detail = e),
                )
            })?,
        _ => {
            return Err(Error::invalid(
                "svg",
                msg!(
                    "error.chart_format",
                    "give the chart as svg or as png_base64, one of them"
                ),
            ))
        }
    };
    state.with_store(|s| s.export_image(&path, &bytes))
}

/// Writes a chart's numbers as CSV.
#[tauri::command]
pub async fn save_table(
    state: State<'_, AppState>,
    path: PathBuf,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
) -> Result<usize, Error> {
    state.with_store(|s| s.export_table(&path, &columns, &rows))
}
