//! CSV import: our own exports back in exactly, and other trackers' files
//! through a column mapping. The file is read as a stream, every row is checked,
//! and the whole import is one transaction: one bad row and nothing is written.

use crate::csv_guard::{guard_message, Counters, Guard, LIMITS};
use crate::datetext::{parse_date_cell, DateOrder};
use crate::error::{Error, Result};
use crate::keywords::keyword_enum;
use crate::model::{EventInput, EventKind, IncidentInput, SourceInput, Status, ValidIncident};
use crate::money::AmountText;
use crate::names::name_key;
use crate::numbers::{is_placeholder, parse_count, parse_money};
use crate::store::export::unneutralise;
use crate::store::incidents::{
    find_company, index_incidents, insert_incident_with, load_incident, replace_incident, Indexing,
};
use crate::store::Store;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

mod mapping;
mod rules;

pub use mapping::{implied_kind, propose_field};

keyword_enum!(
    /// What a source column can be mapped to (the name used in `--map SRC=field`).
    Field, "field" {
        Company => "company", "Company";
        Title => "title", "Title";
        Summary => "summary", "Summary";
        Counterparty => "counterparty", "Counterparty";
        Country => "country", "Country";
        Status => "status", "Status";
        RecordsAffected => "records_affected", "Records affected";
        UsersAffected => "users_affected", "People affected";
        SourceUrl => "source_url", "Source URL";
        SourceTitle => "source_title", "Source title";
        SourcePublisher => "source_publisher", "Source publisher";
        SourcePublished => "source_published", "Source published";
        SourceLanguage => "source_language", "Source language";
        EventDate => "event_date", "Event date";
        EventKind => "event_kind", "Event kind";
        Regulator => "regulator", "Regulator";
        Amount => "amount", "Amount";
        Currency => "currency", "Currency";
        Note => "note", "Note";
        EventSource => "event_source", "Event source";
        /// Rows with the same value form one incident (our events CSV's incident_id).
        IncidentKey => "incident_key", "Incident key";
        Ignore => "ignore", "Ignore";
    }
);

impl Field {
    /// The name used in `--map SRC=field`.
    pub fn name(self) -> String {
        self.as_str().to_string()
    }

    /// Parses a field name, naming the mapping in errors.
    pub fn parse_mapping(text: &str) -> Result<Field> {
        Field::parse("map", text)
    }
}

/// One column and what it is mapped to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub column: String,
    pub field: Field,
    /// For a date column: the kind of the events it makes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
}

/// How to read a file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Field delimiter; detected from the header line when not given.
    pub delimiter: Option<char>,
    /// Overrides of the proposed mapping: source column (header text or 1-based
    /// number) to field.
    pub mapping: Vec<(String, Field)>,
    /// Order of day and month in numeric dates such as 03/04/2024.
    pub date_order: Option<DateOrder>,
    /// Kind of the one event a row carries when no column gives it; `fined`
    /// when an amount column is mapped, `disclosed` otherwise.
    pub event_kind: Option<EventKind>,
    /// Merge rows that duplicate an existing incident into it, instead of
    /// reporting and skipping them.
    pub merge_duplicates: bool,
    /// Check everything and roll back.
    pub dry_run: bool,
    /// How many incidents to show as stored in the preview.
    pub preview: usize,
    /// The event kind of each date column (`breach_date=event_date:started`):
    /// a row makes one event per date column.
    pub date_kinds: Vec<(String, EventKind)>,
    /// The currency of amounts written without one.
    pub default_currency: Option<String>,
    /// The status of incidents whose row gives none (else derived from the
    /// latest event: a fine → sanctioned, a settlement → settled …).
    pub status: Option<Status>,
    /// Create the regulators the file names and the registry lacks (the
    /// row's country is theirs).
    pub create_regulators: bool,
    /// Per unknown regulator name: the known regulator it means, or an empty
    /// text to create it (the app's choice table).
    pub regulator_choices: Vec<(String, String)>,
    /// Import the good rows and set the failing ones aside (in `rejects`)
    /// instead of importing nothing.
    pub skip_invalid: bool,
    /// Where the rows set aside are written (their columns plus row and
    /// problem).
    pub rejects: Option<PathBuf>,
    /// Raised from elsewhere (the window's Cancel) to stop the import; it is
    /// then rolled back whole.
    #[serde(skip)]
    pub cancel: Cancel,
}

/// The error of an import stopped at `row` (rolled back whole).
fn cancelled(row: u64) -> Error {
    Error::Cancelled(crate::msg!(
        "error.import_cancelled",
        "the import was cancelled at row {row}; nothing was written",
        row = row
    ))
}

/// A flag another thread raises to stop a running import.
#[derive(Debug, Clone, Default)]
pub struct Cancel(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Options compare by what they ask for; the flag is not part of that.
impl PartialEq for Cancel {
    fn eq(&self, _: &Cancel) -> bool {
        true
    }
}

/// A row that failed, in spreadsheet terms: row 1 is the header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowError {
    pub row: u64,
    pub column: String,
    /// Shown as `message`, `key` and `args`, like an error of a command.
    #[serde(flatten)]
    pub message: crate::Message,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {}: {}",
            self.row, self.column, self.message
        )
    }
}

/// A row that matches an incident already stored (or earlier in the file).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    pub row: u64,
    pub existing_id: i64,
    pub reason: crate::Message,
    pub merged: bool,
}

/// What an import did, or would do.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    pub delimiter: String,
    pub mapping: Vec<ColumnMapping>,
    /// Data rows read (the header not counted).
    pub rows: u64,
    /// Lines in the file (a cell may hold line breaks, so rows ≤ lines).
    pub lines: u64,
    pub created: usize,
    pub merged: usize,
    pub duplicates: Vec<Duplicate>,
    pub errors: Vec<RowError>,
    /// The first incidents as they will be stored.
    pub preview: Vec<IncidentInput>,
    /// Whether the database was changed.
    pub committed: bool,
    /// Incidents of earlier imports of this file layout updated by their key.
    pub updated: usize,
    /// Things to look at that did not stop the import.
    pub warnings: Vec<String>,
    /// Regulators the file names that the registry lacks, once each.
    pub unknown_regulators: Vec<UnknownRegulator>,
    /// Regulators this import created.
    pub created_regulators: Vec<String>,
    /// Incidents whose title was made from what was known.
    pub made_titles: usize,
    /// Rows set aside (with `skip_invalid`), and where.
    pub rejected_rows: usize,
    pub rejects_file: Option<String>,
    /// Keyed rows whose incident was already as the file says.
    pub unchanged: usize,
}

/// A regulator name the registry does not know.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnknownRegulator {
    pub name: String,
    pub rows: u64,
    /// The closest known names.
    pub closest: Vec<String>,
    /// The country of its first row, if the file gives one.
    pub country: Option<String>,
}

/// How far an import has come.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress {
    pub rows: u64,
    pub bytes: u64,
    pub total_bytes: u64,
}

/// Guesses the delimiter from the header line: the most frequent of `,` `;`
/// `|` and tab outside quotes.
fn sniff_delimiter(header_line: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('|', 0), ('\t', 0)];
    let mut quoted = false;
    for c in header_line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if *d == c {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map(|(d, _)| *d)
        .unwrap_or(',')
}

/// The header and a proposed mapping of a file, for the mapping step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileShape {
    pub delimiter: String,
    pub headers: Vec<String>,
    pub mapping: Vec<ColumnMapping>,
    /// Up to five data rows, as text.
    pub sample: Vec<Vec<String>>,
    pub own_format: bool,
    /// Columns left out whose values look like amounts, counts or dates.
    pub warnings: Vec<String>,
}

/// A CSV reader over `path` behind the [`Guard`](crate::csv_guard::Guard)
/// (which also counts bytes and lines), with the delimiter given or sniffed
/// from the header line.
type GuardedReader = csv::Reader<BufReader<Guard<std::fs::File>>>;

/// Opens the file to import, naming it when it cannot be read.
fn open_file(path: &Path) -> Result<std::fs::File> {
    if path.as_os_str().is_empty() {
        return Err(Error::invalid(
            "file",
            crate::msg!("error.no_source", "choose a file to import first"),
        ));
    }
    std::fs::File::open(path).map_err(|e| {
        let path = path.display();
        let message = match e.kind() {
            std::io::ErrorKind::NotFound => {
                crate::msg!("error.file_missing", "{path} does not exist", path = path)
            }
            std::io::ErrorKind::PermissionDenied => crate::msg!(
                "error.file_denied",
                "{path} cannot be read (permission denied)",
                path = path
            ),
            _ => crate::msg!(
                "error.file_unreadable",
                "{path} cannot be read: {detail}",
                path = path,
                detail = e
            ),
        };
        Error::invalid("file", message)
    })
}

fn open_reader(path: &Path, delimiter: Option<char>) -> Result<(GuardedReader, char, Counters)> {
    let delimiter = match delimiter {
        Some(d) => d,
        None => {
            let mut head = Vec::with_capacity(64 * 1024);
            open_file(path)?.take(64 * 1024).read_to_end(&mut head)?;
            let text = String::from_utf8_lossy(&head);
            sniff_delimiter(text.lines().next().unwrap_or(""))
        }
    };
    if !delimiter.is_ascii() || delimiter == '"' {
        return Err(Error::invalid(
            "delimiter",
            crate::msg!(
                "error.delimiter",
                "the delimiter must be one ASCII character other than a quote"
            ),
        ));
    }
    let guard = Guard::new(open_file(path)?, delimiter as u8, LIMITS);
    let counters = guard.counters();
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .flexible(true)
        .has_headers(true)
        .from_reader(BufReader::new(guard));
    Ok((reader, delimiter, counters))
}

fn read_error(path: &Path, e: csv::Error) -> Error {
    let row = e
        .position()
        .map(|p| format!(" near row {}", p.record() + 1))
        .unwrap_or_default();
    match e.into_kind() {
        csv::ErrorKind::Utf8 { .. } => Error::invalid(
            "file",
            crate::msg!(
                "error.not_utf8",
                "{path} is not UTF-8 text{row}; save it as CSV UTF-8",
                path = path.display(),
                row = &row
            ),
        ),
        csv::ErrorKind::Io(io) => match guard_message(&io) {
            Some(message) => Error::invalid(
                "file",
                crate::msg!(
                    "error.file_limit",
                    "{path}: {message}",
                    path = path.display(),
                    message = message
                ),
            ),
            None => Error::Io(io),
        },
        other => Error::invalid(
            "file",
            crate::msg!(
                "error.csv",
                "{path} could not be read{row}: {detail}",
                path = path.display(),
                row = &row,
                detail = format!("{other:?}")
            ),
        ),
    }
}

fn headers_of<R: Read>(reader: &mut csv::Reader<R>, path: &Path) -> Result<Vec<String>> {
    let headers = reader.headers().map_err(|e| read_error(path, e))?;
    let headers: Vec<String> = headers
        .iter()
        .map(|h| unneutralise(h.trim_start_matches('\u{feff}').trim()).to_string())
        .collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err(Error::invalid(
            "file",
            crate::msg!(
                "error.no_header",
                "{path} has no header row",
                path = path.display()
            ),
        ));
    }
    Ok(headers)
}

fn mapping_of(
    headers: &[String],
    fields: &[Field],
    kinds: &[Option<EventKind>],
) -> Vec<ColumnMapping> {
    headers
        .iter()
        .zip(fields)
        .zip(kinds)
        .map(|((c, f), k)| ColumnMapping {
            column: c.clone(),
            field: *f,
            kind: *k,
        })
        .collect()
}

/// A warning when a quoted cell runs over lines that look like rows of their
/// own (as many delimiters as a row has): the sign of a quote opened by
/// mistake that swallowed the rows after it until another quote closed it.
fn swallowed_rows(
    record: &csv::StringRecord,
    headers: &[String],
    delimiter: char,
    row: u64,
) -> Option<String> {
    let needed = headers.len().saturating_sub(1).max(2);
    for (i, cell) in record.iter().enumerate() {
        let rowlike = cell
            .lines()
            .skip(1)
            .filter(|line| line.matches(delimiter).count() >= needed)
            .count();
        if rowlike > 0 {
            return Some(format!(
                "row {row}, column {}: this quoted cell holds {rowlike} lines that look like rows of \
                 their own — check for a quote that was never closed",
                headers.get(i).map(String::as_str).unwrap_or("?")
            ));
        }
    }
    None
}

/// The spreadsheet row of a record: one more than the rows that ended
/// before it (a line break inside a quoted cell ends no row; a blank line,
/// which yields no record, does).
fn spreadsheet_row(
    record: &csv::StringRecord,
    counters: &Counters,
    ended: &mut u64,
) -> Option<u64> {
    let start = record.position()?.byte();
    let mut ends = counters.row_ends.borrow_mut();
    // Rows that ended before the record began, then the blank lines the
    // parser skipped on its way to the record's first cell.
    while ends.front().is_some_and(|&(at, blank)| at < start || blank) {
        ends.pop_front();
        *ended += 1;
    }
    Some(*ended + 1)
}

/// The day/month order the date columns of the whole file agree on, if any.
fn infer_file_order(path: &Path, delimiter: char, fields: &[Field]) -> Result<Option<DateOrder>> {
    let dated: Vec<usize> = (0..fields.len())
        .filter(|&i| matches!(fields[i], Field::EventDate | Field::SourcePublished))
        .collect();
    if dated.is_empty() {
        return Ok(None);
    }
    let (mut reader, _, _) = open_reader(path, Some(delimiter))?;
    headers_of(&mut reader, path)?;
    let mut values = Vec::new();
    for record in reader.records() {
        let Ok(record) = record else { break };
        for &i in &dated {
            if let Some(v) = record.get(i).filter(|v| v.len() <= 12) {
                values.push(v.to_string());
            }
        }
    }
    Ok(crate::datetext::infer_order(
        values.iter().map(String::as_str),
    ))
}

/// The first `n` data rows of `path`, to check a mapping against values.
fn sample_rows(path: &Path, delimiter: Option<char>, n: usize) -> Result<Vec<Vec<String>>> {
    let (mut reader, _, _) = open_reader(path, delimiter)?;
    headers_of(&mut reader, path)?;
    let mut rows = Vec::new();
    for record in reader.records().take(n) {
        let record = record.map_err(|e| read_error(path, e))?;
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(rows)
}

fn is_own_format(headers: &[String]) -> bool {
    let has = |name: &str| headers.iter().any(|h| h == name);
    (has("id") || has("incident_id")) && has("company") && has("title") && has("source_urls")
}

/// Reads the header and first rows of `path` and proposes a mapping.
pub fn inspect(path: &Path, delimiter: Option<char>) -> Result<FileShape> {
    shape(path, delimiter, None)
}

impl Store {
    /// Like [`inspect`], with the registry at hand: a column whose values
    /// name regulators is proposed as the regulator, as the import will map it.
    pub fn inspect_import(&self, path: &Path, delimiter: Option<char>) -> Result<FileShape> {
        shape(path, delimiter, Some(&self.conn))
    }
}

fn shape(path: &Path, delimiter: Option<char>, conn: Option<&Connection>) -> Result<FileShape> {
    let (mut reader, delimiter, _) = open_reader(path, delimiter)?;
    let headers = headers_of(&mut reader, path)?;
    let mut sample = Vec::new();
    for record in reader.records().take(50) {
        let record = record.map_err(|e| read_error(path, e))?;
        sample.push(record.iter().map(str::to_string).collect());
    }
    let mut resolved = mapping::resolve(&headers, &sample, &[], &[])?;
    if let Some(conn) = conn {
        if let Some(i) = rules::regulator_column(conn, &resolved.fields, &sample)? {
            resolved.fields[i] = Field::Regulator;
        }
    }
    let warnings = mapping::unmapped_warnings(&headers, &resolved.fields, &sample);
    sample.truncate(5);
    Ok(FileShape {
        delimiter: delimiter.to_string(),
        own_format: is_own_format(&headers),
        mapping: mapping_of(&headers, &resolved.fields, &resolved.kinds),
        headers,
        sample,
        warnings,
    })
}

/// An incident being assembled from one or more rows.
impl Pending {
    fn new(key: Option<String>, first_row: u64) -> Pending {
        Pending {
            key,
            first_row,
            input: IncidentInput::default(),
            event_rows: Vec::new(),
            errors: Vec::new(),
            records: Vec::new(),
            epoch_dates: 0,
        }
    }
}

struct Pending {
    key: Option<String>,
    first_row: u64,
    input: IncidentInput,
    /// Spreadsheet row of each event, for error messages.
    event_rows: Vec<u64>,
    errors: Vec<RowError>,
    /// The rows as read, to set them aside when the incident fails.
    records: Vec<(u64, csv::StringRecord)>,
    /// Dates of 01/01/1970 read as placeholders in this incident's rows.
    epoch_dates: usize,
}

/// What one row gives beside the incident's own fields.
#[derive(Default)]
struct RowParts {
    event: EventInput,
    has_event: bool,
    amount_currency: Option<&'static str>,
    sources: Vec<SourceInput>,
    dates: Vec<(usize, String)>,
    epoch_dates: usize,
}

/// One cell being read, and where its errors go.
struct Cell<'a> {
    row: u64,
    column: &'a str,
    raw: &'a str,
    value: Option<String>,
    errors: &'a mut Vec<RowError>,
}

impl Cell<'_> {
    fn fail(&mut self, message: crate::Message) {
        self.errors.push(RowError {
            row: self.row,
            column: self.column.to_string(),
            message,
        });
    }
}

/// Whether a field belongs to the incident (taken from its first row) rather
/// than to an event of the row.
fn is_incident_field(field: Field) -> bool {
    !matches!(
        field,
        Field::EventDate
            | Field::EventKind
            | Field::Regulator
            | Field::Amount
            | Field::Currency
            | Field::Note
            | Field::EventSource
            | Field::Ignore
            | Field::IncidentKey
    )
}

struct RowReader<'a> {
    headers: &'a [String],
    fields: &'a [Field],
    /// The event kind of each date column, where the mapping gives one.
    kinds: &'a [Option<EventKind>],
    own: bool,
    options: &'a ImportOptions,
    event_kind: EventKind,
    /// The date column that carries the row's regulator, amount and note.
    primary_date: Option<usize>,
}

impl RowReader<'_> {
    fn column_of(&self, field: Field) -> String {
        self.fields
            .iter()
            .position(|f| *f == field)
            .map(|i| self.headers[i].clone())
            .unwrap_or_else(|| field.name())
    }

    /// Folds one record into `pending` (a new incident or more events of it).
    fn read_row(&self, row: u64, record: &csv::StringRecord, pending: &mut Pending) {
        let mut parts = RowParts::default();
        let first_of_incident = pending.event_rows.is_empty() && pending.input.company.is_empty();
        for (i, field) in self.fields.iter().enumerate() {
            // Incident fields are taken from the first row of an incident.
            if is_incident_field(*field) && !first_of_incident {
                continue;
            }
            let raw = record.get(i).unwrap_or("");
            let raw = if self.own { unneutralise(raw) } else { raw };
            let mut cell = Cell {
                row,
                column: &self.headers[i],
                raw,
                value: self.known(raw),
                errors: &mut pending.errors,
            };
            match field {
                Field::Ignore | Field::IncidentKey => {}
                Field::SourceUrl
                | Field::SourceTitle
                | Field::SourcePublisher
                | Field::SourcePublished
                | Field::SourceLanguage => self.read_source_cell(*field, &mut cell, &mut parts),
                f if is_incident_field(*f) => {
                    self.read_incident_cell(*f, &mut cell, &mut pending.input)
                }
                f => self.read_event_cell(i, *f, &mut cell, &mut parts),
            }
        }
        if first_of_incident {
            let sources = std::mem::take(&mut parts.sources);
            pending.input.sources = sources.into_iter().filter(|s| !s.url.is_empty()).collect();
        }
        pending.epoch_dates += parts.epoch_dates;
        self.settle_currency(row, &mut parts, &mut pending.errors);
        self.add_events(row, parts.event, parts.has_event, parts.dates, pending);
    }

    /// A cell's value, or `None` for "not known": our own files write that as
    /// an empty cell and nothing else; elsewhere UNKN, N/A, 미상 … mean it too.
    fn known(&self, raw: &str) -> Option<String> {
        let text = raw.trim();
        let known = if self.own {
            !text.is_empty()
        } else {
            !is_placeholder(text)
        };
        known.then(|| text.to_string())
    }

    fn read_incident_cell(&self, field: Field, cell: &mut Cell, input: &mut IncidentInput) {
        let value = cell.value.take();
        match field {
            Field::Company => input.company = cell.raw.trim().to_string(),
            // Our own files hold titles as written; elsewhere a placeholder
            // title is no title (one is made from the rest).
            Field::Title if self.own => input.title = cell.raw.trim().to_string(),
            Field::Title => input.title = value.unwrap_or_default(),
            Field::Summary => input.summary = value,
            Field::Counterparty => input.counterparty = value,
            Field::Country => input.country = value,
            Field::Status => {
                input.status = value.and_then(|v| match status_from_text(&v) {
                    Some(s) => Some(s.as_str().to_string()),
                    None => {
                        cell.fail(crate::msg!(
                            "error.cell_status",
                            "unknown status '{v}'",
                            v = &v
                        ));
                        None
                    }
                })
            }
            Field::RecordsAffected => match parse_count(cell.raw) {
                Ok(n) => input.records_affected = n,
                Err(m) => cell.fail(m),
            },
            Field::UsersAffected => match parse_count(cell.raw) {
                Ok(n) => input.users_affected = n,
                Err(m) => cell.fail(m),
            },
            _ => {}
        }
    }

    /// One line per source, aligned across the source columns.
    fn read_source_cell(&self, field: Field, cell: &mut Cell, parts: &mut RowParts) {
        let sources = &mut parts.sources;
        for (n, line) in cell.raw.split('\n').enumerate() {
            let line = line.trim_end_matches('\r').trim();
            if sources.len() <= n {
                sources.push(SourceInput::default());
            }
            let v = (!line.is_empty()).then(|| line.to_string());
            let s = &mut sources[n];
            match field {
                Field::SourceUrl if is_placeholder(line) => {}
                Field::SourceUrl => s.url = line.to_string(),
                Field::SourceTitle => s.title = v,
                Field::SourcePublisher => s.publisher = v,
                Field::SourcePublished => {
                    match v.map(|p| parse_date_cell(&p, self.options.date_order)) {
                        Some(Ok(d)) => s.published = d.map(|d| d.to_string()),
                        Some(Err(m)) => cell.fail(m),
                        None => {}
                    }
                }
                _ => s.language = v,
            }
        }
    }

    fn read_event_cell(&self, i: usize, field: Field, cell: &mut Cell, parts: &mut RowParts) {
        let value = cell.value.take();
        let event = &mut parts.event;
        match field {
            Field::EventDate => match parse_date_cell(cell.raw, self.options.date_order) {
                // 01/01/1970 is what a spreadsheet shows for an empty date.
                Ok(Some(d)) if d.as_str() == "1970-01-01" && !self.own => parts.epoch_dates += 1,
                Ok(Some(d)) => parts.dates.push((i, d.to_string())),
                Ok(None) => {}
                Err(m) => cell.fail(m),
            },
            Field::EventKind | Field::Regulator if value.is_some() => {
                if field == Field::EventKind {
                    event.kind = value.unwrap_or_default();
                } else {
                    event.regulator = value;
                }
                parts.has_event = true;
            }
            Field::Amount => match parse_money(cell.raw) {
                Ok(Some((amount, currency))) => {
                    event.amount = Some(AmountText(amount));
                    parts.amount_currency = currency;
                    parts.has_event = true;
                }
                Ok(None) => {}
                Err(m) => cell.fail(m),
            },
            Field::Currency => event.currency = value,
            Field::Note => event.note = value,
            Field::EventSource => event.source = value,
            _ => {}
        }
    }

    /// An amount without a currency takes the one written with it, else the
    /// file's default; with neither it is an error of the amount column.
    fn settle_currency(&self, row: u64, parts: &mut RowParts, errors: &mut Vec<RowError>) {
        let event = &mut parts.event;
        if event.currency.is_some() || event.amount.is_none() {
            return;
        }
        event.currency = parts
            .amount_currency
            .map(str::to_string)
            .or_else(|| self.options.default_currency.clone());
        if event.currency.is_none() {
            errors.push(RowError {
                row,
                column: self.column_of(Field::Amount),
                message: crate::msg!(
                    "error.cell_no_currency",
                    "the amount has no currency; give the file's currency (--default-currency, or \
                     “Amounts without a currency are” on the Import screen) or map a currency column"
                ),
            });
        }
    }

    /// The row's events: one per date column, the primary one carrying the
    /// regulator, amount, kind and note of the row.
    fn add_events(
        &self,
        row: u64,
        mut event: EventInput,
        has_event: bool,
        mut dates: Vec<(usize, String)>,
        pending: &mut Pending,
    ) {
        let primary = dates
            .iter()
            .position(|(c, _)| Some(*c) == self.primary_date)
            .or_else(|| (!dates.is_empty()).then_some(0));
        let main = primary.map(|p| dates.remove(p));
        for (column, date) in dates {
            let kind = self
                .kinds
                .get(column)
                .copied()
                .flatten()
                .unwrap_or(self.event_kind);
            pending.input.events.push(EventInput {
                kind: kind.as_str().to_string(),
                date,
                ..Default::default()
            });
            pending.event_rows.push(row);
        }
        if !has_event && main.is_none() {
            return;
        }
        if event.kind.is_empty() {
            let kind = main
                .as_ref()
                .and_then(|(c, _)| self.kinds.get(*c).copied().flatten());
            event.kind = kind.unwrap_or(self.event_kind).as_str().to_string();
        }
        match main {
            Some((_, date)) => event.date = date,
            None if !pending.errors.iter().any(|e| e.row == row) => {
                let message = if pending.epoch_dates > 0 {
                    crate::msg!(
                        "error.cell_epoch_date",
                        "its date is 01/01/1970, a spreadsheet's stand-in for a date not known, \
                         and an event (a fine, a regulator's action) needs its date: give it and \
                         import the row again"
                    )
                } else {
                    crate::msg!(
                        "error.cell_event_without_date",
                        "this row has an event (regulator, amount or kind) but no date"
                    )
                };
                pending.errors.push(RowError {
                    row,
                    column: self.column_of(Field::EventDate),
                    message,
                });
            }
            None => {}
        }
        pending.input.events.push(event);
        pending.event_rows.push(row);
    }

    /// Turns a validation error of the assembled incident into a row error:
    /// the row and column come from the error's path, read step by step.
    fn locate(&self, pending: &Pending, e: Error) -> RowError {
        let fallback = crate::FieldPath::from("");
        let path = e.path().unwrap_or(&fallback);
        let leaf = path.leaf().unwrap_or("");
        let (row, field) = if let Some(index) = path.item_of("events") {
            let row = pending.event_rows.get(index).copied();
            (row.unwrap_or(pending.first_row), event_field(leaf))
        } else if path.item_of("sources").is_some() {
            (pending.first_row, source_field(leaf))
        } else {
            (pending.first_row, incident_field(leaf))
        };
        let column = match field {
            Field::Ignore => path.as_str().to_string(),
            f => self.column_of(f),
        };
        RowError {
            row,
            column,
            message: e.into_message(),
        }
    }
}

/// The import column of a field of an event.
fn event_field(leaf: &str) -> Field {
    match leaf {
        "date" => Field::EventDate,
        "kind" => Field::EventKind,
        "regulator" => Field::Regulator,
        "amount" => Field::Amount,
        "currency" => Field::Currency,
        "note" => Field::Note,
        _ => Field::EventSource,
    }
}

/// The import column of a field of a source.
fn source_field(leaf: &str) -> Field {
    match leaf {
        "published" => Field::SourcePublished,
        "language" => Field::SourceLanguage,
        "title" => Field::SourceTitle,
        _ => Field::SourceUrl,
    }
}

/// The import column of a field of the incident itself.
fn incident_field(leaf: &str) -> Field {
    match leaf {
        "company" => Field::Company,
        "title" => Field::Title,
        "summary" => Field::Summary,
        "counterparty" => Field::Counterparty,
        "country" => Field::Country,
        "status" => Field::Status,
        "records_affected" => Field::RecordsAffected,
        "users_affected" => Field::UsersAffected,
        _ => Field::Ignore,
    }
}

/// A status keyword or its label, in any case ("Under investigation").
fn status_from_text(text: &str) -> Option<Status> {
    let key = text.trim().to_lowercase().replace([' ', '-'], "_");
    Status::ALL
        .iter()
        .copied()
        .find(|s| s.as_str() == key || s.label().eq_ignore_ascii_case(text.trim()))
}

/// Whether the amounts of `v` fit those stored for incident `id`: either side
/// without amounts, or every amount of `v` among the stored ones.
fn amounts_agree(conn: &Connection, id: i64, v: &ValidIncident) -> Result<bool> {
    let ours: Vec<(i64, String)> = v.events.iter().filter_map(|e| e.amount.clone()).collect();
    if ours.is_empty() {
        return Ok(true);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT amount_minor, currency FROM events WHERE incident_id = ?1 AND amount_minor IS NOT NULL",
    )?;
    let stored: Vec<(i64, String)> = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(stored.is_empty() || ours.iter().all(|a| stored.contains(a)))
}

/// A stored incident of `company` (not in `skip`) with one of `v`'s fines:
/// the same date, amount and currency.
fn same_fine(
    conn: &Connection,
    company: i64,
    v: &ValidIncident,
    skip: &HashSet<i64>,
) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT i.id FROM events e JOIN incidents i ON i.id = e.incident_id
         WHERE i.company_id = ?1 AND i.deleted_at IS NULL AND e.date = ?2
           AND e.amount_minor = ?3 AND e.currency = ?4",
    )?;
    for e in &v.events {
        let Some((amount, currency)) = &e.amount else {
            continue;
        };
        let hits: Vec<i64> = stmt
            .query_map(params![company, e.date.as_str(), amount, currency], |r| {
                r.get(0)
            })?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(id) = hits.into_iter().find(|id| !skip.contains(id)) {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Looks for an incident this one duplicates: the same company, amounts that
/// agree, and one of the same source URLs or the same title and first event
/// date. Incidents in `skip` (made by this import from other keys) never match.
fn find_duplicate(
    conn: &Connection,
    v: &ValidIncident,
    skip: &HashSet<i64>,
    title_made: bool,
) -> Result<Option<(i64, crate::Message)>> {
    let Some(company) = find_company(conn, &v.company)? else {
        return Ok(None);
    };
    let usable =
        |id: i64| -> Result<bool> { Ok(!skip.contains(&id) && amounts_agree(conn, id, v)?) };
    for s in &v.sources {
        let mut stmt = conn.prepare_cached(
            "SELECT i.id FROM incidents i
             JOIN incident_sources l ON l.incident_id = i.id
             JOIN sources s ON s.id = l.source_id
             WHERE i.company_id = ?1 AND s.url = ?2 AND i.deleted_at IS NULL",
        )?;
        let hits: Vec<i64> = stmt
            .query_map(params![company, s.url], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in hits {
            if usable(id)? {
                let reason = crate::msg!(
                    "import.reason_source",
                    "same company and source {url}",
                    url = &s.url
                );
                return Ok(Some((id, reason)));
            }
        }
    }
    // Two incidents whose dates are both unknown are not "on the same date".
    let Some(first) = v.events.iter().map(|e| e.date.as_str().to_string()).min() else {
        return Ok(None);
    };
    // A title we made says nothing of the incident: a stored incident of the
    // company with the same fine (date, amount, currency) is the duplicate.
    if title_made {
        if let Some(id) = same_fine(conn, company, v, skip)? {
            let reason = crate::msg!(
                "import.reason_fine",
                "same company and the same fine (date and amount)"
            );
            return Ok(Some((id, reason)));
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT i.id FROM incidents i WHERE i.company_id = ?1 AND i.title = ?2
           AND i.deleted_at IS NULL AND i.first_event = ?3",
    )?;
    let hits: Vec<i64> = stmt
        .query_map(params![company, v.title, first], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in hits {
        if usable(id)? {
            return Ok(Some((
                id,
                crate::msg!(
                    "import.reason_title",
                    "same company, title, first date and amounts"
                ),
            )));
        }
    }
    Ok(None)
}

/// Adds what `new` knows and `existing` lacks: empty fields, events and sources.
fn merged_input(existing: &crate::model::Incident, new: &IncidentInput) -> IncidentInput {
    let mut input = existing.to_input();
    input.summary = input.summary.or_else(|| new.summary.clone());
    input.counterparty = input.counterparty.or_else(|| new.counterparty.clone());
    input.country = input.country.or_else(|| new.country.clone());
    input.records_affected = input.records_affected.or(new.records_affected);
    input.users_affected = input.users_affected.or(new.users_affected);
    for e in &new.events {
        let same = |o: &EventInput| {
            o.kind == e.kind
                && o.date == e.date
                && o.amount == e.amount
                && o.regulator.as_deref().map(name_key) == e.regulator.as_deref().map(name_key)
        };
        if !input.events.iter().any(same) {
            input.events.push(e.clone());
        }
    }
    for s in &new.sources {
        if !input.sources.iter().any(|o| o.url == s.url) {
            input.sources.push(s.clone());
        }
    }
    input
}

impl Store {
    /// Imports `path`. Every row is read and checked; the changes are committed
    /// only when no row failed and `dry_run` is off. `progress` is called every
    /// few hundred rows.
    pub fn import_csv(
        &mut self,
        path: &Path,
        options: &ImportOptions,
        actor: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        // A large import touches every index of `incidents` all over: with the
        // default 2 MB page cache SQLite spills pages to the WAL and reads them
        // back mid-transaction. 128 MB for the import's duration, then back.
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -131_072)?;
        let report = self.import_all_or_nothing(path, options, actor, progress);
        self.conn.pragma_update(None, "cache_size", cache)?;
        report
    }

    fn import_all_or_nothing(
        &mut self,
        path: &Path,
        options: &ImportOptions,
        actor: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        let (mut reader, delimiter, counters) = open_reader(path, options.delimiter)?;
        let headers = headers_of(&mut reader, path)?;
        let samples = sample_rows(path, Some(delimiter), 50)?;
        let plan = self.plan(path, delimiter, headers, &samples, options)?;
        check_rejects_target(&plan.options, path)?;
        let mut report = ImportReport {
            delimiter: delimiter.to_string(),
            mapping: mapping_of(&plan.headers, &plan.fields, &plan.kinds),
            warnings: mapping::unmapped_warnings(&plan.headers, &plan.fields, &samples),
            ..Default::default()
        };
        let db_path = self.path().map(Path::to_path_buf);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut state = ImportState {
            options: &plan.options,
            actor,
            created: HashSet::new(),
            had_incidents: tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM incidents WHERE deleted_at IS NULL)",
                [],
                |r| r.get(0),
            )?,
            layout: plan.headers.join("\u{1f}"),
            regulators: rules::Regulators::default(),
            rejects: Vec::new(),
        };
        let mut input = Input {
            path,
            reader: &mut reader,
            counters: &counters,
            delimiter,
            progress,
        };
        read_all(&tx, &mut input, &plan, &mut state, &mut report)?;
        if let (Some(first), Some(last)) = (state.created.iter().min(), state.created.iter().max())
        {
            index_incidents(&tx, *first, *last)?;
        }
        report.lines = counters.lines.get();
        report.errors.sort_by_key(|e| e.row);
        rules::suggest_unknown(&tx, &mut report)?;
        let read_whole = !report.errors.iter().any(|e| e.column == "(file)");
        let acceptable = report.errors.is_empty() || plan.options.skip_invalid && read_whole;
        if acceptable && !plan.options.dry_run {
            if let (Some(target), false) = (&plan.options.rejects, state.rejects.is_empty()) {
                let rejects = &state.rejects;
                write_rejects(
                    target,
                    db_path.as_deref(),
                    &plan.headers,
                    delimiter,
                    rejects,
                )?;
                report.rejects_file = Some(target.display().to_string());
            }
            // A Cancel pressed after the last row was read (while the search
            // rows were built) still stops the import.
            if plan.options.cancel.is_cancelled() {
                return Err(cancelled(report.rows + 1));
            }
            tx.commit()?;
            report.committed = true;
            if report.created + report.updated >= 1000 {
                // Statistics help the planner; failing to refresh them (the
                // file busy behind another writer) does not undo the import.
                let _ = self.optimize();
            }
        }
        Ok(report)
    }

    /// Decides where each column goes before any row is read.
    fn plan(
        &self,
        path: &Path,
        delimiter: char,
        headers: Vec<String>,
        samples: &[Vec<String>],
        options: &ImportOptions,
    ) -> Result<Plan> {
        let resolved = mapping::resolve(&headers, samples, &options.mapping, &options.date_kinds)?;
        let (mut fields, kinds) = (resolved.fields, resolved.kinds);
        if let Some(i) = rules::regulator_column(&self.conn, &fields, samples)? {
            // Only a column the analyst left to us, never one set to ignore.
            let chosen = options.mapping.iter().any(|(c, _)| {
                c.trim().eq_ignore_ascii_case(&headers[i]) || c.trim() == (i + 1).to_string()
            });
            if !chosen {
                fields[i] = Field::Regulator;
            }
        }
        if !fields.contains(&Field::Company) {
            return Err(Error::invalid(
                "map",
                crate::msg!(
                    "error.no_company_column",
                    "no column is mapped to company (the party at fault); map one with --map \
                     COLUMN=company"
                ),
            ));
        }
        // A file without --date-order tells its order itself when one of its
        // dates can only be read one way (03/24/2021 is month first).
        let mut options = options.clone();
        if options.date_order.is_none() {
            options.date_order = infer_file_order(path, delimiter, &fields)?;
        }
        let event_kind = options
            .event_kind
            .unwrap_or(if fields.contains(&Field::Amount) {
                EventKind::Fined
            } else {
                EventKind::Disclosed
            });
        Ok(Plan {
            own: is_own_format(&headers),
            primary_date: primary_date(&fields, &kinds),
            key_column: fields.iter().position(|f| *f == Field::IncidentKey),
            headers,
            fields,
            kinds,
            options,
            event_kind,
        })
    }
}

/// Where each column of a file goes, decided before its rows are read.
struct Plan {
    headers: Vec<String>,
    fields: Vec<Field>,
    kinds: Vec<Option<EventKind>>,
    /// The options, with the file's inferred date order filled in.
    options: ImportOptions,
    own: bool,
    event_kind: EventKind,
    primary_date: Option<usize>,
    key_column: Option<usize>,
}

impl Plan {
    fn rows_reader(&self) -> RowReader<'_> {
        RowReader {
            headers: &self.headers,
            fields: &self.fields,
            kinds: &self.kinds,
            own: self.own,
            options: &self.options,
            event_kind: self.event_kind,
            primary_date: self.primary_date,
        }
    }
}

/// The row's regulator and amount belong to the date column without a kind
/// of its own, else to the first that is not a breach date.
fn primary_date(fields: &[Field], kinds: &[Option<EventKind>]) -> Option<usize> {
    let dates: Vec<usize> = (0..fields.len())
        .filter(|&i| fields[i] == Field::EventDate)
        .collect();
    let breach = |k: Option<EventKind>| {
        matches!(
            k,
            Some(EventKind::Started | EventKind::Ceased | EventKind::Discovered)
        )
    };
    dates
        .iter()
        .copied()
        .find(|&i| kinds[i].is_none())
        .or_else(|| dates.iter().copied().find(|&i| !breach(kinds[i])))
        .or_else(|| dates.first().copied())
}

fn check_rejects_target(options: &ImportOptions, path: &Path) -> Result<()> {
    if let Some(target) = &options.rejects {
        let same = std::fs::canonicalize(target).ok() == std::fs::canonicalize(path).ok()
            && target.exists();
        if same {
            return Err(Error::invalid(
                "rejects",
                crate::msg!(
                    "error.rejects_is_source",
                    "the rejects file cannot be the file being imported"
                ),
            ));
        }
    }
    Ok(())
}

/// The file being read and where its progress goes.
struct Input<'a> {
    path: &'a Path,
    reader: &'a mut GuardedReader,
    counters: &'a Counters,
    delimiter: char,
    progress: &'a mut dyn FnMut(Progress),
}

impl Input<'_> {
    fn report_progress(&mut self, rows: u64, total_bytes: u64) {
        (self.progress)(Progress {
            rows,
            bytes: self.counters.bytes.get(),
            total_bytes,
        });
    }
}

/// Reads every row, gathering the rows of one incident and writing each
/// incident once its rows are complete.
fn read_all(
    tx: &rusqlite::Transaction,
    input: &mut Input,
    plan: &Plan,
    state: &mut ImportState,
    report: &mut ImportReport,
) -> Result<()> {
    let total_bytes = std::fs::metadata(input.path)?.len();
    let rows_reader = plan.rows_reader();
    let mut pending: Option<Pending> = None;
    let mut record = csv::StringRecord::new();
    let (mut row, mut rows_ended): (u64, u64) = (1, 0);
    loop {
        let more = match input.reader.read_record(&mut record) {
            Ok(more) => more,
            Err(e) => {
                let err = read_error(input.path, e);
                report.errors.push(RowError {
                    row: row + 1,
                    column: "(file)".into(),
                    message: err.into_message(),
                });
                break;
            }
        };
        if more {
            row = spreadsheet_row(&record, input.counters, &mut rows_ended).unwrap_or(row + 1);
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
        }
        let key = more.then(|| incident_key(plan, &record)).flatten();
        let continues = key.is_some()
            && pending
                .as_ref()
                .is_some_and(|p| p.key.is_some() && p.key == key);
        if !continues {
            if let Some(done) = pending.take() {
                self::flush(tx, &rows_reader, done, state, report)?;
            }
        }
        if !more {
            break;
        }
        report.rows += 1;
        let p = pending.get_or_insert_with(|| Pending::new(key.clone(), row));
        rows_reader.read_row(row, &record, p);
        p.records.push((row, record.clone()));
        if !plan.own {
            if let Some(w) = swallowed_rows(&record, &plan.headers, input.delimiter, row) {
                report.warnings.push(w);
            }
        }
        if report.rows.is_multiple_of(500) {
            input.report_progress(report.rows, total_bytes);
            if state.options.cancel.is_cancelled() {
                return Err(cancelled(row));
            }
        }
    }
    input.report_progress(report.rows, total_bytes);
    Ok(())
}

/// The row's incident key; a blank one groups nothing, so each such row is
/// its own incident.
fn incident_key(plan: &Plan, record: &csv::StringRecord) -> Option<String> {
    plan.key_column
        .map(|k| record.get(k).unwrap_or("").trim().to_string())
        .filter(|k| !is_placeholder(k))
}

/// What one import carries from incident to incident.
struct ImportState<'a> {
    options: &'a ImportOptions,
    actor: &'a str,
    /// Incidents this import created.
    created: HashSet<i64>,
    /// Whether the database held live incidents before this import; when it
    /// did not, rows under an incident key can duplicate nothing (this
    /// import's other keys are other incidents) and are not looked up.
    had_incidents: bool,
    /// The file's header, naming the layout its keys belong to.
    layout: String,
    regulators: rules::Regulators,
    /// Rows set aside: (row, cells, problem).
    rejects: Vec<(u64, csv::StringRecord, String)>,
}

/// Applies the import's rules to an assembled incident; returns its problems.
fn prepare(
    tx: &Connection,
    rows: &RowReader,
    p: &mut Pending,
    state: &mut ImportState,
    report: &mut ImportReport,
) -> Result<bool> {
    let input = &mut p.input;
    // "Spain " is ES: stored and compared as its code.
    if let Some(code) = input
        .country
        .as_deref()
        .and_then(crate::countries::country_code)
    {
        input.country = Some(code.to_string());
    }
    if input.company.trim().is_empty() {
        // Not known: an unnamed party of its own, never a shared "Unknown".
        input.company = "Unknown".into();
    }
    let problems = state
        .regulators
        .resolve(tx, input, state.options, state.actor, report)?;
    for (n, message) in problems {
        p.errors.push(RowError {
            row: p.event_rows.get(n).copied().unwrap_or(p.first_row),
            column: rows.column_of(Field::Regulator),
            message,
        });
    }
    let input = &mut p.input;
    // Our own exports come back as they were: nothing is inferred for them.
    if input.country.is_none() && !rows.own {
        input.country = rules::country_of_regulators(tx, input)?;
    }
    if input.status.is_none() {
        input.status = state
            .options
            .status
            .or_else(|| rules::status_from_events(input))
            .map(|s| s.as_str().to_string());
    }
    let mut made = false;
    if input.title.trim().is_empty() {
        let regulator = input
            .events
            .iter()
            .find_map(|e| e.regulator.as_deref())
            .map(|r| rules::regulator_label(tx, r))
            .transpose()?
            .flatten();
        input.title = rules::made_title(input, regulator.as_deref());
        made = true;
    }
    if p.epoch_dates > 0 {
        report.warnings.push(format!(
            "row {}: 01/01/1970 read as a placeholder for a date that is not known",
            p.first_row
        ));
    }
    Ok(made)
}

/// Sets a failed incident's rows aside (with `skip_invalid`) or reports them.
fn set_aside(mut p: Pending, state: &mut ImportState, report: &mut ImportReport) {
    if state.options.skip_invalid {
        let problem = p
            .errors
            .iter()
            .map(|e| format!("column {}: {}", e.column, e.message))
            .collect::<Vec<_>>()
            .join("; ");
        report.rejected_rows += p.records.len();
        for (row, record) in p.records.drain(..) {
            state.rejects.push((row, record, problem.clone()));
        }
    }
    report.errors.append(&mut p.errors);
}

/// What `new` brings to the incident an earlier import of the file made:
/// its values replace the stored ones, its events and sources are added.
fn updated_input(
    existing: &crate::model::Incident,
    new: &IncidentInput,
    title_made: bool,
) -> IncidentInput {
    let mut input = merged_input(existing, new);
    if !title_made {
        input.title = new.title.clone();
    }
    input.summary = new.summary.clone().or(input.summary);
    input.counterparty = new.counterparty.clone().or(input.counterparty);
    input.country = new.country.clone().or(input.country);
    input.status = new.status.clone().or(input.status);
    input.records_affected = new.records_affected.or(input.records_affected);
    input.users_affected = new.users_affected.or(input.users_affected);
    input
}

/// Checks and stores one assembled incident inside the import's transaction.
fn flush(
    tx: &rusqlite::Transaction,
    rows: &RowReader,
    mut p: Pending,
    state: &mut ImportState,
    report: &mut ImportReport,
) -> Result<()> {
    // Also for a row that already failed: every unknown regulator is listed.
    let made = prepare(tx, rows, &mut p, state, report)?;
    let valid = if p.errors.is_empty() {
        validated(rows, &mut p)
    } else {
        None
    };
    let Some(valid) = valid else {
        set_aside(p, state, report);
        return Ok(());
    };
    // A key an earlier import of this layout stored: update that incident.
    // The keys of our own exports are another database's row ids: they group
    // rows, and are never remembered (two exports would share them).
    let remembered = p.key.clone().filter(|k| !k.is_empty() && !rows.own);
    if let Some(key) = remembered.as_deref() {
        if let Some(id) = rules::keyed_incident(tx, &state.layout, key)? {
            if let Some(existing) = load_incident(tx, id)? {
                let input = updated_input(&existing, &p.input, made);
                match replace_existing(tx, rows, p, state, report, &existing, input)? {
                    Replaced::Unchanged => report.unchanged += 1,
                    Replaced::Stored => report.updated += 1,
                    Replaced::SetAside => {}
                }
                return Ok(());
            }
        }
    }
    // Rows under another incident key are another incident, even when they
    // look the same: our own exports come back exactly.
    let empty = HashSet::new();
    let skip = if p.key.is_some() {
        &state.created
    } else {
        &empty
    };
    let may_repeat = state.had_incidents || p.key.is_none();
    if may_repeat {
        if let Some((existing_id, reason)) = find_duplicate(tx, &valid, skip, made)? {
            return merge_duplicate(tx, rows, p, state, report, existing_id, reason);
        }
    }
    insert_new(
        tx,
        rows,
        p,
        &valid,
        made,
        remembered.as_deref(),
        state,
        report,
    )
}

/// The incident of the rows, checked; on failure every problem of the rows
/// is added to their errors, not only the first.
fn validated(rows: &RowReader, p: &mut Pending) -> Option<ValidIncident> {
    match p.input.validate() {
        Ok(v) => Some(v),
        Err(e) => {
            let mut all = p.input.problems();
            if all.is_empty() {
                all.push(e);
            }
            let located: Vec<RowError> = all.into_iter().map(|e| rows.locate(p, e)).collect();
            p.errors.extend(located);
            None
        }
    }
}

/// What became of rows that update an incident already stored.
enum Replaced {
    /// They add nothing: no write, no new version.
    Unchanged,
    Stored,
    SetAside,
}

fn replace_existing(
    tx: &rusqlite::Transaction,
    rows: &RowReader,
    mut p: Pending,
    state: &mut ImportState,
    report: &mut ImportReport,
    existing: &crate::Incident,
    input: IncidentInput,
) -> Result<Replaced> {
    if input == existing.to_input() {
        return Ok(Replaced::Unchanged);
    }
    let stored = one_incident(tx, state.options, || {
        input
            .validate()
            .and_then(|v| replace_incident(tx, existing, &v, state.actor))
    })?;
    Ok(match stored {
        Ok(()) => Replaced::Stored,
        Err(e) => {
            let located = rows.locate(&p, e);
            p.errors.push(located);
            set_aside(p, state, report);
            Replaced::SetAside
        }
    })
}

/// Rows that repeat a stored incident: listed, and merged into it when asked.
fn merge_duplicate(
    tx: &rusqlite::Transaction,
    rows: &RowReader,
    p: Pending,
    state: &mut ImportState,
    report: &mut ImportReport,
    existing_id: i64,
    reason: crate::Message,
) -> Result<()> {
    let merged = state.options.merge_duplicates;
    report.duplicates.push(Duplicate {
        row: p.first_row,
        existing_id,
        reason,
        merged,
    });
    if merged {
        if let Some(existing) = load_incident(tx, existing_id)? {
            let input = merged_input(&existing, &p.input);
            match replace_existing(tx, rows, p, state, report, &existing, input)? {
                Replaced::Unchanged | Replaced::Stored => report.merged += 1,
                Replaced::SetAside => {}
            }
        }
    }
    Ok(())
}

/// A new incident from the rows.
#[allow(clippy::too_many_arguments)]
fn insert_new(
    tx: &rusqlite::Transaction,
    rows: &RowReader,
    mut p: Pending,
    valid: &ValidIncident,
    made: bool,
    remembered: Option<&str>,
    state: &mut ImportState,
    report: &mut ImportReport,
) -> Result<()> {
    // No savepoint per row when one failure fails the whole import, which is
    // rolled back at the end (per-row savepoints made FTS5 flush its buffer
    // at every row: a quarter of all import time in the profile). Only when
    // failing rows are set aside must each incident be all or nothing alone.
    // The full-text rows are written together once every row is read.
    let insert = || insert_incident_with(tx, valid, state.actor, Indexing::Later);
    match one_incident(tx, state.options, insert)? {
        Ok(id) => {
            state.created.insert(id);
            report.created += 1;
            if let Some(key) = remembered {
                rules::remember_key(tx, &state.layout, key, id)?;
            }
            if made {
                tx.execute("UPDATE incidents SET title_made = 1 WHERE id = ?1", [id])?;
                report.made_titles += 1;
            }
            if report.preview.len() < state.options.preview {
                report.preview.push(p.input);
            }
        }
        Err(e) => {
            let located = rows.locate(&p, e);
            p.errors.push(located);
            set_aside(p, state, report);
        }
    }
    Ok(())
}

/// Runs one incident's write. When failing rows are set aside, the write is
/// its own savepoint, undone whole on a validation error; otherwise a failure
/// fails the import, which is rolled back at the end anyway. The outer result
/// is a storage failure that stops the import.
fn one_incident<T>(
    tx: &Connection,
    options: &ImportOptions,
    write: impl FnOnce() -> Result<T>,
) -> Result<Result<T>> {
    let savepoint = options.skip_invalid;
    if savepoint {
        tx.execute("SAVEPOINT one_incident", [])?;
    }
    match write() {
        Ok(v) => {
            if savepoint {
                tx.execute("RELEASE one_incident", [])?;
            }
            Ok(Ok(v))
        }
        Err(e @ Error::Validation { .. }) => {
            if savepoint {
                tx.execute("ROLLBACK TO one_incident", [])?;
                tx.execute("RELEASE one_incident", [])?;
            }
            Ok(Err(e))
        }
        Err(e) => Err(e),
    }
}

/// Writes the rows set aside: their own columns, then `row` and `problem`.
fn write_rejects(
    path: &Path,
    db: Option<&Path>,
    headers: &[String],
    delimiter: char,
    rejects: &[(u64, csv::StringRecord, String)],
) -> Result<()> {
    crate::files::write_whole(path, db, |part| {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter as u8)
            .from_writer(crate::files::create(part)?);
        let io = |e: csv::Error| Error::Io(std::io::Error::other(e));
        let mut header: Vec<&str> = headers.iter().map(String::as_str).collect();
        header.extend(["row", "problem"]);
        w.write_record(&header).map_err(io)?;
        for (row, record, problem) in rejects {
            let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
            cells.resize(headers.len().max(cells.len()), String::new());
            cells.push(row.to_string());
            cells.push(problem.clone());
            w.write_record(&cells).map_err(io)?;
        }
        w.flush()?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_sniffed_outside_quotes() {
        assert_eq!(sniff_delimiter("a,b,c"), ',');
        assert_eq!(sniff_delimiter("a;b;c"), ';');
        assert_eq!(sniff_delimiter("a|b|\"c,d,e,f\""), '|');
        assert_eq!(sniff_delimiter("a\tb\tc"), '\t');
        assert_eq!(sniff_delimiter("single"), ',');
    }

    #[test]
    fn statuses_read_as_keyword_or_label() {
        assert_eq!(
            status_from_text("Under investigation"),
            Some(Status::UnderInvestigation)
        );
        assert_eq!(
            status_from_text("findings_published"),
            Some(Status::FindingsPublished)
        );
        assert_eq!(status_from_text("SETTLED"), Some(Status::Settled));
        assert_eq!(status_from_text("done"), None);
    }
}
