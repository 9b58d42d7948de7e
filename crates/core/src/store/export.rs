//! Reports for spreadsheets: incidents CSV, events CSV and an XLSX workbook.
//!
//! The CSV files are what Excel opens well on a double click (UTF-8 with a BOM,
//! RFC 4180 quoting, CRLF) and what our own import reads back exactly. Text that
//! a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR first) is
//! neutralised: a leading `'` in CSV, a quote-prefixed text cell in XLSX.

use crate::error::{Error, Result};
use crate::model::{EventKind, Incident};
use crate::money;
use crate::store::list::ListQuery;
use crate::store::Store;
use rust_xlsxwriter::Worksheet;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    /// One row per incident: a report to read.
    Csv,
    /// One row per event with its incident's fields: the complete data, which
    /// `incidents import` turns back into the same incidents, events and sources.
    EventsCsv,
    /// A workbook with an Incidents and an Events sheet.
    Xlsx,
}

impl ExportFormat {
    /// Parses `csv`, `events-csv` or `xlsx`.
    pub fn parse(text: &str) -> Result<ExportFormat> {
        match text.trim() {
            "csv" => Ok(ExportFormat::Csv),
            "events-csv" => Ok(ExportFormat::EventsCsv),
            "xlsx" => Ok(ExportFormat::Xlsx),
            other => Err(Error::invalid(
                "format",
                crate::msg!(
                    "error.export_format",
                    "unknown format '{other}'; use csv, events-csv or xlsx",
                    other = other
                ),
            )),
        }
    }
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportSummary {
    pub path: String,
    pub incidents: usize,
    pub events: usize,
    /// Incidents with a text longer than an XLSX cell holds: cut there with a
    /// visible marker (the CSV exports keep the whole text).
    pub cut_in_xlsx: Vec<i64>,
}

/// Columns of the incidents CSV and the Incidents sheet.
#[rustfmt::skip]
pub const INCIDENT_COLUMNS: &[&str] = &[
    "id", "company", "title", "counterparty", "country", "regulators", "status",
    "records_affected", "users_affected", "first_event", "latest_event", "fines", "proposed_fines",
    "settlements", "source_urls", "source_titles", "source_publishers", "source_published",
    "source_languages", "summary", "created_at", "updated_at",
];

/// Columns of the events CSV: the incident's own fields, then the event's.
#[rustfmt::skip]
pub const EVENT_COLUMNS: &[&str] = &[
    "incident_id", "company", "title", "counterparty", "country", "status", "records_affected",
    "users_affected", "summary", "source_urls", "source_titles", "source_publishers",
    "source_published", "source_languages", "event_kind", "event_date", "event_precision",
    "regulator", "amount", "currency", "note", "event_source",
];

/// Columns of the Events sheet of the workbook (no repeated incident fields).
#[rustfmt::skip]
const SHEET_EVENT_COLUMNS: &[&str] = &[
    "incident_id", "company", "incident_title", "kind", "date", "precision", "regulator", "amount",
    "currency", "note", "source",
];

/// Makes text inert in a spreadsheet: a cell that starts with a formula
/// character gets a leading apostrophe.
/// Text that already starts with an apostrophe gets one more, so that reading
/// it back ([`unneutralise`]) keeps the analyst's own apostrophe.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if starts_like_formula(text) || text.starts_with('\'') {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a spreadsheet could read `text` as a formula.
pub fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Undoes [`neutralise`] when reading our own files back.
pub fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) || rest.starts_with('\'') => rest,
        _ => text,
    }
}

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

fn count(v: Option<i64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// Money per currency of one kind of event: "EUR 1200000000; KRW 9600000".
fn money_cell(incident: &Incident, kind: EventKind) -> String {
    let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
    for e in incident.events.iter().filter(|e| e.kind == kind) {
        if let (Some(m), Some(c)) = (e.amount_minor, e.currency.as_deref()) {
            *sums.entry(c).or_default() = sums.get(c).copied().unwrap_or(0).saturating_add(m);
        }
    }
    sums.iter()
        .map(|(c, m)| format!("{c} {}", money::format_major(*m, c)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The five parallel source columns: one line per source in each cell.
fn source_cells(incident: &Incident) -> [String; 5] {
    let join = |f: &dyn Fn(&crate::model::Source) -> String| {
        incident
            .sources
            .iter()
            .map(f)
            .collect::<Vec<_>>()
            .join("\n")
    };
    [
        join(&|s| s.url.clone()),
        join(&|s| opt(&s.title).to_string()),
        join(&|s| opt(&s.publisher).to_string()),
        join(&|s| opt(&s.published).to_string()),
        join(&|s| opt(&s.language).to_string()),
    ]
}

fn regulators_cell(incident: &Incident) -> String {
    let mut names: Vec<&str> = incident
        .events
        .iter()
        .filter_map(|e| e.regulator.as_deref())
        .collect();
    names.sort_unstable();
    names.dedup();
    names.join(", ")
}

fn incident_row(i: &Incident) -> Vec<String> {
    let [urls, titles, publishers, published, languages] = source_cells(i);
    vec![
        i.id.to_string(),
        i.company.clone(),
        i.title.clone(),
        opt(&i.counterparty).into(),
        opt(&i.country).into(),
        regulators_cell(i),
        i.status.as_str().into(),
        count(i.records_affected),
        count(i.users_affected),
        i.events.first().map(|e| e.date.clone()).unwrap_or_default(),
        i.events
            .iter()
            .map(|e| e.date.clone())
            .max()
            .unwrap_or_default(),
        money_cell(i, EventKind::Fined),
        money_cell(i, EventKind::ProposedFine),
        money_cell(i, EventKind::Settled),
        urls,
        titles,
        publishers,
        published,
        languages,
        opt(&i.summary).into(),
        i.created_at.clone(),
        i.updated_at.clone(),
    ]
}

/// The events CSV rows of one incident; an incident without events still gets
/// one row, so that nothing is lost on the way back in.
fn event_rows(i: &Incident) -> Vec<Vec<String>> {
    let [urls, titles, publishers, published, languages] = source_cells(i);
    let head = vec![
        i.id.to_string(),
        i.company.clone(),
        i.title.clone(),
        opt(&i.counterparty).into(),
        opt(&i.country).into(),
        i.status.as_str().into(),
        count(i.records_affected),
        count(i.users_affected),
        opt(&i.summary).into(),
        urls,
        titles,
        publishers,
        published,
        languages,
    ];
    if i.events.is_empty() {
        let mut row = head;
        row.extend(std::iter::repeat_n(String::new(), 8));
        return vec![row];
    }
    i.events
        .iter()
        .map(|e| {
            let mut row = head.clone();
            row.extend([
                e.kind.as_str().to_string(),
                e.date.clone(),
                e.precision.as_str().to_string(),
                opt(&e.regulator).into(),
                e.amount_minor
                    .zip(e.currency.as_deref())
                    .map(|(m, c)| money::format_major(m, c))
                    .unwrap_or_default(),
                opt(&e.currency).into(),
                opt(&e.note).into(),
                opt(&e.source).into(),
            ]);
            row
        })
        .collect()
}

/// Cells that hold numbers or our own keywords are written as they are; every
/// other cell is text and is neutralised.
fn is_numeric_column(name: &str) -> bool {
    matches!(
        name,
        "id" | "incident_id" | "records_affected" | "users_affected" | "amount"
    )
}

fn csv_writer(part: &Path) -> Result<csv::Writer<std::io::BufWriter<std::fs::File>>> {
    let mut file = std::io::BufWriter::new(crate::files::create(part)?);
    // The BOM tells Excel the file is UTF-8, so 카카오페이 and 支付宝 survive.
    file.write_all(b"\xEF\xBB\xBF")?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(file))
}

fn csv_error(e: csv::Error) -> Error {
    Error::Io(std::io::Error::other(e))
}

fn write_csv_rows(
    writer: &mut csv::Writer<std::io::BufWriter<std::fs::File>>,
    columns: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<()> {
    for row in rows {
        let cells = row.iter().zip(columns).map(|(cell, column)| {
            if is_numeric_column(column) {
                Cow::Borrowed(cell.as_str())
            } else {
                neutralise(cell)
            }
        });
        writer
            .write_record(cells.map(|c| c.into_owned()))
            .map_err(csv_error)?;
    }
    Ok(())
}

/// One SELECT that yields the incidents CSV's columns for the incidents `i`
/// matching `filter`, in `order`: a scan of `incidents` alone, whose kept
/// columns (store/kept.rs) hold the money and sources per incident. The app
/// streams it; the benchmark hands the very same text to the sqlite3 tool.
pub fn incidents_csv_sql(filter: &str, order: &str) -> String {
    format!("SELECT {CSV_SELECT} FROM incidents i WHERE {filter} ORDER BY {order}")
}

/// The stored columns behind [`INCIDENT_COLUMNS`], in order.
const CSV_SELECT: &str = "i.id, i.company_name, i.title, i.counterparty, i.country, \
    i.regulators, i.status, i.records_affected, i.users_affected, i.first_event, \
    i.latest_event, i.fines, i.proposed_fines, i.settlements, i.source_urls, i.source_titles, \
    i.source_publishers, i.source_published, i.source_languages, i.summary, i.created_at, \
    i.updated_at";

impl Store {
    /// Writes the incidents the list query selects, in its order, to `path`.
    pub fn export(
        &self,
        query: &ListQuery,
        format: ExportFormat,
        path: &Path,
    ) -> Result<ExportSummary> {
        let (incidents, events, cut) = crate::files::write_whole(path, self.path(), |part| {
            self.write_export(query, format, part)
        })?;
        Ok(ExportSummary {
            path: path.display().to_string(),
            incidents,
            events,
            cut_in_xlsx: cut,
        })
    }

    /// Writes the export to `part`; returns the incidents and events written
    /// and the incidents whose text was cut to fit XLSX cells.
    fn write_export(
        &self,
        query: &ListQuery,
        format: ExportFormat,
        part: &Path,
    ) -> Result<(usize, usize, Vec<i64>)> {
        let mut query = query.clone();
        query.limit = None;
        query.after = None;
        let ids = || -> Result<Vec<i64>> {
            Ok(self.list_rows(&query)?.rows.iter().map(|r| r.id).collect())
        };
        let mut events = 0;
        let mut count = 0;
        let mut cut = Vec::new();
        match format {
            ExportFormat::Csv => {
                // One streamed query: no incident is loaded whole.
                let (filter, values, order) = self.export_selection(&query)?;
                // The event count rides along after the exported columns.
                let sql = format!(
                    "SELECT {CSV_SELECT}, i.event_count FROM incidents i WHERE {filter} ORDER BY {order}"
                );
                let mut w = csv_writer(part)?;
                w.write_record(INCIDENT_COLUMNS).map_err(csv_error)?;
                let mut stmt = self.conn.prepare(&sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
                let mut record: Vec<String> = Vec::with_capacity(INCIDENT_COLUMNS.len());
                while let Some(row) = rows.next()? {
                    record.clear();
                    for (i, column) in INCIDENT_COLUMNS.iter().enumerate() {
                        record.push(csv_cell(row.get_ref(i)?, column));
                    }
                    w.write_record(&record).map_err(csv_error)?;
                    count += 1;
                    events += row.get::<_, i64>(INCIDENT_COLUMNS.len())? as usize;
                }
                finish_csv(w)?;
            }
            ExportFormat::EventsCsv => {
                let mut w = csv_writer(part)?;
                w.write_record(EVENT_COLUMNS).map_err(csv_error)?;
                for id in ids()? {
                    let incident = self.get_incident(id)?;
                    count += 1;
                    events += incident.events.len();
                    write_csv_rows(&mut w, EVENT_COLUMNS, event_rows(&incident))?;
                }
                finish_csv(w)?;
            }
            ExportFormat::Xlsx => {
                let all = ids()?
                    .into_iter()
                    .map(|id| self.get_incident(id))
                    .collect::<Result<Vec<_>>>()?;
                count = all.len();
                events = all.iter().map(|i| i.events.len()).sum();
                cut = cut_in_xlsx(&all);
                write_xlsx(&all, part).map_err(|e| Error::Io(std::io::Error::other(e)))?;
            }
        }
        Ok((count, events, cut))
    }
}

/// One cell of the streamed incidents CSV.
fn csv_cell(value: rusqlite::types::ValueRef<'_>, column: &str) -> String {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => String::new(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            let t = String::from_utf8_lossy(t);
            if is_numeric_column(column) {
                t.into_owned()
            } else {
                neutralise(&t).into_owned()
            }
        }
    }
}

/// Flushes a CSV writer through to the file, reporting a failed write (a full
/// disk) instead of losing it in a drop.
fn finish_csv(w: csv::Writer<std::io::BufWriter<std::fs::File>>) -> Result<()> {
    let buffered = w
        .into_inner()
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    buffered
        .into_inner()
        .map_err(|e| Error::Io(e.into_error()))?;
    Ok(())
}

/// The most characters one Excel cell holds.
pub const XLSX_CELL_CHARS: usize = 32_767;

/// Marks where a cell was cut to fit a spreadsheet cell.
const CUT_MARKER: &str = " … [cut: the full text is in the CSV export]";

/// `text` cut to fit one XLSX cell, with a visible marker where it was cut.
fn fit_cell(text: &str) -> Cow<'_, str> {
    if text.chars().count() <= XLSX_CELL_CHARS {
        return Cow::Borrowed(text);
    }
    let keep = XLSX_CELL_CHARS - CUT_MARKER.chars().count();
    let mut cut: String = text.chars().take(keep).collect();
    cut.push_str(CUT_MARKER);
    Cow::Owned(cut)
}

/// The incidents with a text too long for one XLSX cell.
fn cut_in_xlsx(incidents: &[Incident]) -> Vec<i64> {
    let long = |t: &str| t.len() > XLSX_CELL_CHARS && t.chars().count() > XLSX_CELL_CHARS;
    incidents
        .iter()
        .filter(|i| {
            incident_row(i).iter().any(|c| long(c)) || i.events.iter().any(|e| long(opt(&e.note)))
        })
        .map(|i| i.id)
        .collect()
}

impl Store {
    /// Writes a chart's numbers as a CSV file like our exports (UTF-8 with a
    /// BOM, formula-like text made inert): one header row, then `rows`, each
    /// as long as the header.
    pub fn export_table(
        &self,
        path: &Path,
        columns: &[String],
        rows: &[Vec<String>],
    ) -> Result<usize> {
        if let Some(n) = rows.iter().position(|r| r.len() != columns.len()) {
            return Err(Error::invalid(
                "rows",
                crate::msg!(
                    "error.table_row",
                    "row {row} has {cells} cells for {columns} columns",
                    row = n + 1,
                    cells = rows[n].len(),
                    columns = columns.len()
                ),
            ));
        }
        crate::files::write_whole(path, self.path(), |part| {
            let mut out = csv_writer(part)?;
            out.write_record(columns.iter().map(|c| neutralise(c).into_owned()))
                .map_err(csv_error)?;
            for row in rows {
                out.write_record(row.iter().map(|c| neutralise(c).into_owned()))
                    .map_err(csv_error)?;
            }
            out.flush()?;
            Ok(rows.len())
        })
    }

    /// Writes a chart as an image file (SVG text or PNG bytes), never over
    /// the database and only once whole.
    pub fn export_image(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        crate::files::write_whole(path, self.path(), |part| {
            crate::files::create(part)?.write_all(bytes)?;
            Ok(())
        })
    }
}

type XlsxResult<T = ()> = Result<T, rust_xlsxwriter::XlsxError>;

/// The cell formats of our workbook, and how each kind of value is written.
struct Sheet {
    header: rust_xlsxwriter::Format,
    text: rust_xlsxwriter::Format,
    quoted: rust_xlsxwriter::Format,
    integer: rust_xlsxwriter::Format,
    amount: rust_xlsxwriter::Format,
    date: rust_xlsxwriter::Format,
}

impl Sheet {
    fn new() -> Sheet {
        use rust_xlsxwriter::Format;
        Sheet {
            header: Format::new().set_bold().set_background_color("DCE3EE"),
            // No wrapping: a wrapped cell keeps the default row height in most
            // viewers and its lines would spill over the next row.
            text: Format::new(),
            quoted: Format::new().set_quote_prefix(),
            integer: Format::new().set_num_format("#,##0"),
            amount: Format::new().set_num_format("#,##0.##"),
            // Left-aligned like the YYYY and YYYY-MM dates written as text beside them.
            date: Format::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(rust_xlsxwriter::FormatAlign::Left),
        }
    }

    /// A text cell; formula-like text is stored as quote-prefixed text.
    fn text(&self, ws: &mut Worksheet, r: u32, c: u16, v: &str) -> XlsxResult {
        if v.is_empty() {
            return Ok(());
        }
        let fmt = if starts_like_formula(v) {
            &self.quoted
        } else {
            &self.text
        };
        ws.write_string_with_format(r, c, fit_cell(v).as_ref(), fmt)?;
        Ok(())
    }

    /// A date cell: a real date for a full day, text for YYYY or YYYY-MM.
    fn date(&self, ws: &mut Worksheet, r: u32, c: u16, v: &str) -> XlsxResult {
        let parts: Vec<u16> = v.split('-').filter_map(|p| p.parse().ok()).collect();
        if let [y, m, d] = parts.as_slice() {
            let day = rust_xlsxwriter::ExcelDateTime::from_ymd(*y, *m as u8, *d as u8)?;
            ws.write_datetime_with_format(r, c, &day, &self.date)?;
        } else if !v.is_empty() {
            ws.write_string(r, c, v)?;
        }
        Ok(())
    }

    fn count(&self, ws: &mut Worksheet, r: u32, c: u16, v: Option<i64>) -> XlsxResult {
        if let Some(n) = v {
            ws.write_number_with_format(r, c, n as f64, &self.integer)?;
        }
        Ok(())
    }

    /// Headers, widths, a frozen and filtered first row, and a landscape page
    /// one column-width wide with the header repeated.
    fn finish(
        &self,
        ws: &mut Worksheet,
        columns: &[&str],
        rows: u32,
        widths: &[f64],
    ) -> XlsxResult {
        for (c, name) in columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *name, &self.header)?;
            ws.set_column_width(c as u16, widths.get(c).copied().unwrap_or(14.0))?;
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, rows, columns.len() as u16 - 1)?;
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        Ok(())
    }

    fn incidents(&self, ws: &mut Worksheet, incidents: &[Incident]) -> XlsxResult {
        ws.set_name("Incidents")?;
        for (n, i) in incidents.iter().enumerate() {
            let r = n as u32 + 1;
            let row = incident_row(i);
            for (c, column) in INCIDENT_COLUMNS.iter().enumerate() {
                let c16 = c as u16;
                match *column {
                    "id" => {
                        ws.write_number(r, c16, i.id as f64)?;
                    }
                    "records_affected" => self.count(ws, r, c16, i.records_affected)?,
                    "users_affected" => self.count(ws, r, c16, i.users_affected)?,
                    "first_event" | "latest_event" | "created_at" | "updated_at" => {
                        self.date(ws, r, c16, row[c].get(..10).unwrap_or(&row[c]))?
                    }
                    _ => self.text(ws, r, c16, &row[c])?,
                }
            }
        }
        let widths = [
            6.0, 24.0, 48.0, 18.0, 8.0, 16.0, 18.0, 16.0, 16.0, 12.0, 12.0, 22.0, 22.0, 22.0, 50.0,
            40.0, 20.0, 12.0, 10.0, 60.0, 12.0, 12.0,
        ];
        self.finish(ws, INCIDENT_COLUMNS, incidents.len() as u32, &widths)
    }

    fn events(&self, ws: &mut Worksheet, incidents: &[Incident]) -> XlsxResult {
        ws.set_name("Events")?;
        let mut r = 0u32;
        for i in incidents {
            for e in &i.events {
                r += 1;
                ws.write_number(r, 0, i.id as f64)?;
                self.text(ws, r, 1, &i.company)?;
                self.text(ws, r, 2, &i.title)?;
                self.text(ws, r, 3, e.kind.as_str())?;
                self.date(ws, r, 4, &e.date)?;
                self.text(ws, r, 5, e.precision.as_str())?;
                self.text(ws, r, 6, opt(&e.regulator))?;
                if let (Some(m), Some(c)) = (e.amount_minor, e.currency.as_deref()) {
                    let value: f64 = money::format_major(m, c).parse().unwrap_or(0.0);
                    ws.write_number_with_format(r, 7, value, &self.amount)?;
                }
                self.text(ws, r, 8, opt(&e.currency))?;
                self.text(ws, r, 9, opt(&e.note))?;
                self.text(ws, r, 10, opt(&e.source))?;
            }
        }
        let widths = [
            10.0, 24.0, 44.0, 20.0, 12.0, 9.0, 12.0, 18.0, 9.0, 50.0, 50.0,
        ];
        self.finish(ws, SHEET_EVENT_COLUMNS, r, &widths)
    }
}

fn write_xlsx(incidents: &[Incident], path: &Path) -> XlsxResult {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = Sheet::new();
    sheet.incidents(book.add_worksheet(), incidents)?;
    sheet.events(book.add_worksheet(), incidents)?;
    book.save(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised_and_restored() {
        for text in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(1+1)",
            "+1",
            "-2",
            "\tx",
            "\rx",
        ] {
            let safe = neutralise(text);
            assert!(safe.starts_with('\''), "{text:?}");
            assert_eq!(unneutralise(&safe), text);
        }
        assert_eq!(neutralise("Kakao Pay"), "Kakao Pay");
        // An apostrophe that we did not add stays.
        assert_eq!(unneutralise("'quoted'"), "'quoted'");
    }
}
