//! CSV import: our own exports back in exactly, and other trackers' files
//! through a column mapping. The file is read as a stream, every row is checked,
//! and the whole import is one transaction: one bad row and nothing is written.

use crate::csv_guard::{guard_message, Counters, Guard, LIMITS};
use crate::datetext::{parse_date_cell, DateOrder};
use crate::db::Store;
use crate::error::{Error, Result};
use crate::export::unneutralise;
use crate::incidents::{find_company, insert_incident, load_incident, replace_incident};
use crate::model::{EventInput, EventKind, IncidentInput, SourceInput, Status, ValidIncident};
use crate::money::AmountText;
use crate::names::name_key;
use crate::numbers::{is_placeholder, parse_count, parse_money};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::{BufReader, Read};
use std::path::Path;

/// What a source column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Company,
    Title,
    Summary,
    Counterparty,
    Country,
    Status,
    RecordsAffected,
    UsersAffected,
    SourceUrl,
    SourceTitle,
    SourcePublisher,
    SourcePublished,
    SourceLanguage,
    EventDate,
    EventKind,
    Regulator,
    Amount,
    Currency,
    Note,
    EventSource,
    /// Rows with the same value form one incident (our events CSV's incident_id).
    IncidentKey,
    Ignore,
}

impl Field {
    /// Every field, for the mapping picker.
#[rustfmt::skip]
    pub const ALL: &'static [Field] = &[
        Field::Company, Field::Title, Field::Summary, Field::Counterparty, Field::Country,
        Field::Status, Field::RecordsAffected, Field::UsersAffected, Field::SourceUrl,
        Field::SourceTitle, Field::SourcePublisher, Field::SourcePublished, Field::SourceLanguage,
        Field::EventDate, Field::EventKind, Field::Regulator, Field::Amount, Field::Currency,
        Field::Note, Field::EventSource, Field::IncidentKey, Field::Ignore,
    ];

    /// The name used in `--map SRC=field`.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Parses a field name, naming the mapping in errors.
    pub fn parse(text: &str) -> Result<Field> {
        serde_json::from_value(serde_json::Value::String(text.trim().to_string())).map_err(|_| {
            let names: Vec<String> = Field::ALL.iter().map(|f| f.name()).collect();
            Error::invalid(
                "map",
                format!(
                    "unknown field '{}'; use one of: {}",
                    text.trim(),
                    names.join(", ")
                ),
            )
        })
    }
}

/// Header words that suggest a field, compared after folding case, spaces and
/// punctuation. Our own export's column names come first.
#[rustfmt::skip]
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::IncidentKey, &["id", "incidentid"]),
    (Field::Company, &["company", "organisation", "organization", "org", "entity", "companyname", "entityname", "controller", "nameofcompany", "affectedorganization", "business", "회사", "기업", "업체", "公司", "企业"]),
    (Field::Title, &["title", "incident", "headline", "breach", "incidenttitle", "subject", "제목", "标题"]),
    (Field::Summary, &["summary", "description", "details", "breachdetails", "content", "내용", "描述", "摘要"]),
    (Field::Counterparty, &["counterparty", "recipient", "receivedby", "thirdparty", "datarecipient"]),
    (Field::Country, &["country", "jurisdiction", "nation", "countrycode", "국가", "国家"]),
    (Field::Status, &["status", "state", "상태", "状态"]),
    (Field::RecordsAffected, &["recordsaffected", "records", "recordslost", "numberofrecords", "recordsexposed", "rows", "건수", "记录数"]),
    (Field::UsersAffected, &["usersaffected", "people", "peopleaffected", "individuals", "individualsaffected", "users", "customers", "accounts", "affected", "victims", "인원", "피해자", "人数", "用户数"]),
    (Field::SourceUrl, &["sourceurls", "sourceurl", "url", "link", "source", "sources", "reference", "references", "출처", "来源"]),
    (Field::SourceTitle, &["sourcetitles", "sourcetitle", "articletitle"]),
    (Field::SourcePublisher, &["sourcepublishers", "sourcepublisher", "publisher", "outlet"]),
    (Field::SourcePublished, &["sourcepublished", "publicationdate", "published"]),
    (Field::SourceLanguage, &["sourcelanguages", "sourcelanguage", "language", "lang"]),
    (Field::EventKind, &["eventkind", "kind", "eventtype", "type"]),
    (Field::EventDate, &["eventdate", "date", "dateofdecision", "dateoffine", "decisiondate", "finedate", "reporteddate", "datereported", "breachdate", "announced", "날짜", "일자", "日期"]),
    (Field::Regulator, &["regulator", "authority", "dpa", "supervisoryauthority", "agency", "enforcer", "regulatorname", "규제기관", "监管机构"]),
    (Field::Amount, &["amount", "fine", "fineamount", "penalty", "finesum", "fineeur", "fineusd", "과징금", "罚款"]),
    (Field::Currency, &["currency", "cur", "통화", "币种"]),
    (Field::Note, &["note", "notes", "comment", "comments", "remarks"]),
    (Field::EventSource, &["eventsource"]),
    // Columns our export writes for people, derived from the rest.
    (Field::Ignore, &["regulators", "firstevent", "latestevent", "fines", "proposedfines", "settlements", "createdat", "updatedat", "eventprecision"]),
];

fn header_key(header: &str) -> String {
    header
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The field a header most likely holds, if any.
pub fn propose_field(header: &str) -> Option<Field> {
    let key = header_key(unneutralise(header.trim_start_matches('\u{feff}')));
    SYNONYMS
        .iter()
        .find(|(_, words)| words.contains(&key.as_str()))
        .map(|(f, _)| *f)
}

/// One column and what it is mapped to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub column: String,
    pub field: Field,
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
}

/// A row that failed, in spreadsheet terms: row 1 is the header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowError {
    pub row: u64,
    pub column: String,
    pub message: String,
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
    pub reason: String,
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
}

/// A CSV reader over `path` behind the [`Guard`](crate::csv_guard::Guard)
/// (which also counts bytes and lines), with the delimiter given or sniffed
/// from the header line.
type GuardedReader = csv::Reader<BufReader<Guard<std::fs::File>>>;

fn open_reader(path: &Path, delimiter: Option<char>) -> Result<(GuardedReader, char, Counters)> {
    let delimiter = match delimiter {
        Some(d) => d,
        None => {
            let mut head = Vec::with_capacity(64 * 1024);
            std::fs::File::open(path)?
                .take(64 * 1024)
                .read_to_end(&mut head)?;
            let text = String::from_utf8_lossy(&head);
            sniff_delimiter(text.lines().next().unwrap_or(""))
        }
    };
    if !delimiter.is_ascii() || delimiter == '"' {
        return Err(Error::invalid(
            "delimiter",
            "the delimiter must be one ASCII character other than a quote",
        ));
    }
    let guard = Guard::new(std::fs::File::open(path)?, delimiter as u8, LIMITS);
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
            format!(
                "{} is not UTF-8 text{row}; save it as CSV UTF-8",
                path.display()
            ),
        ),
        csv::ErrorKind::Io(io) => match guard_message(&io) {
            Some(message) => Error::invalid("file", format!("{}: {message}", path.display())),
            None => Error::Io(io),
        },
        other => Error::invalid(
            "file",
            format!("{} could not be read{row}: {other:?}", path.display()),
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
            format!("{} has no header row", path.display()),
        ));
    }
    Ok(headers)
}

fn resolve_mapping(headers: &[String], overrides: &[(String, Field)]) -> Result<Vec<Field>> {
    let mut fields: Vec<Field> = headers
        .iter()
        .map(|h| propose_field(h).unwrap_or(Field::Ignore))
        .collect();
    // A field proposed for two columns keeps the first; the user can override.
    let mut seen = HashSet::new();
    for f in fields.iter_mut() {
        if *f != Field::Ignore && !seen.insert(*f) {
            *f = Field::Ignore;
        }
    }
    for (source, field) in overrides {
        let index = match source.trim().parse::<usize>() {
            Ok(n) if n >= 1 && n <= headers.len() => n - 1,
            _ => headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(source.trim()))
                .ok_or_else(|| {
                    Error::invalid(
                        "map",
                        format!(
                            "no column '{source}' in the file; its columns are: {}",
                            headers.join(", ")
                        ),
                    )
                })?,
        };
        if *field != Field::Ignore {
            for f in fields.iter_mut() {
                if f == field {
                    *f = Field::Ignore;
                }
            }
        }
        fields[index] = *field;
    }
    Ok(fields)
}

fn mapping_of(headers: &[String], fields: &[Field]) -> Vec<ColumnMapping> {
    headers
        .iter()
        .zip(fields)
        .map(|(c, f)| ColumnMapping {
            column: c.clone(),
            field: *f,
        })
        .collect()
}

fn is_own_format(headers: &[String]) -> bool {
    let has = |name: &str| headers.iter().any(|h| h == name);
    (has("id") || has("incident_id")) && has("company") && has("title") && has("source_urls")
}

/// Reads the header and first rows of `path` and proposes a mapping.
pub fn inspect(path: &Path, delimiter: Option<char>) -> Result<FileShape> {
    let (mut reader, delimiter, _) = open_reader(path, delimiter)?;
    let headers = headers_of(&mut reader, path)?;
    let fields = resolve_mapping(&headers, &[])?;
    let mut sample = Vec::new();
    for record in reader.records().take(5) {
        let record = record.map_err(|e| read_error(path, e))?;
        sample.push(record.iter().map(str::to_string).collect());
    }
    Ok(FileShape {
        delimiter: delimiter.to_string(),
        own_format: is_own_format(&headers),
        mapping: mapping_of(&headers, &fields),
        headers,
        sample,
    })
}

/// An incident being assembled from one or more rows.
struct Pending {
    key: Option<String>,
    first_row: u64,
    input: IncidentInput,
    /// Spreadsheet row of each event, for error messages.
    event_rows: Vec<u64>,
    errors: Vec<RowError>,
}

struct RowReader<'a> {
    headers: &'a [String],
    fields: &'a [Field],
    own: bool,
    options: &'a ImportOptions,
    event_kind: EventKind,
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
        let mut event = EventInput::default();
        let mut has_event = false;
        let mut amount_currency: Option<&'static str> = None;
        let mut sources: Vec<SourceInput> = Vec::new();
        let fail = |column: &str, message: String, errors: &mut Vec<RowError>| {
            errors.push(RowError {
                row,
                column: column.to_string(),
                message,
            });
        };
        let first_of_incident = pending.event_rows.is_empty() && pending.input.company.is_empty();
        for (i, field) in self.fields.iter().enumerate() {
            let raw = record.get(i).unwrap_or("");
            let raw = if self.own { unneutralise(raw) } else { raw };
            let column = &self.headers[i];
            let text = raw.trim();
            let value = (!is_placeholder(text)).then(|| text.to_string());
            // Incident fields are taken from the first row of an incident.
            let incident_field = !matches!(
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
            );
            if incident_field && !first_of_incident {
                continue;
            }
            let input = &mut pending.input;
            match field {
                Field::Ignore | Field::IncidentKey => {}
                Field::Company => input.company = raw.trim().to_string(),
                Field::Title => input.title = raw.trim().to_string(),
                Field::Summary => input.summary = value,
                Field::Counterparty => input.counterparty = value,
                Field::Country => input.country = value,
                Field::Status => {
                    input.status = match value {
                        None => None,
                        Some(v) => match status_from_text(&v) {
                            Some(s) => Some(s.as_str().to_string()),
                            None => {
                                fail(column, format!("unknown status '{v}'"), &mut pending.errors);
                                None
                            }
                        },
                    }
                }
                Field::RecordsAffected | Field::UsersAffected => match parse_count(raw) {
                    Ok(n) => {
                        if *field == Field::RecordsAffected {
                            input.records_affected = n;
                        } else {
                            input.users_affected = n;
                        }
                    }
                    Err(m) => fail(column, m, &mut pending.errors),
                },
                Field::SourceUrl
                | Field::SourceTitle
                | Field::SourcePublisher
                | Field::SourcePublished
                | Field::SourceLanguage => {
                    // One line per source, aligned across the source columns.
                    for (n, line) in raw.split('\n').enumerate() {
                        let line = line.trim_end_matches('\r').trim();
                        if sources.len() <= n {
                            sources.push(SourceInput::default());
                        }
                        let v = (!line.is_empty()).then(|| line.to_string());
                        let s = &mut sources[n];
                        match field {
                            Field::SourceUrl => s.url = line.to_string(),
                            Field::SourceTitle => s.title = v,
                            Field::SourcePublisher => s.publisher = v,
                            Field::SourcePublished => {
                                match v.map(|p| parse_date_cell(&p, self.options.date_order)) {
                                    Some(Ok(d)) => s.published = d.map(|d| d.to_string()),
                                    Some(Err(m)) => fail(column, m, &mut pending.errors),
                                    None => {}
                                }
                            }
                            _ => s.language = v,
                        }
                    }
                }
                Field::EventDate => match parse_date_cell(raw, self.options.date_order) {
                    Ok(Some(d)) => {
                        event.date = d.to_string();
                        has_event = true;
                    }
                    Ok(None) => {}
                    Err(m) => fail(column, m, &mut pending.errors),
                },
                Field::EventKind => {
                    if let Some(v) = value {
                        event.kind = v;
                        has_event = true;
                    }
                }
                Field::Regulator => {
                    if let Some(v) = value {
                        event.regulator = Some(v);
                        has_event = true;
                    }
                }
                Field::Amount => match parse_money(raw) {
                    Ok(Some((amount, currency))) => {
                        event.amount = Some(AmountText(amount));
                        amount_currency = currency;
                        has_event = true;
                    }
                    Ok(None) => {}
                    Err(m) => fail(column, m, &mut pending.errors),
                },
                Field::Currency => event.currency = value,
                Field::Note => event.note = value,
                Field::EventSource => event.source = value,
            }
        }
        if first_of_incident {
            pending.input.sources = sources.into_iter().filter(|s| !s.url.is_empty()).collect();
        }
        if event.currency.is_none() && event.amount.is_some() {
            event.currency = amount_currency.map(str::to_string);
        }
        if has_event {
            if event.kind.is_empty() {
                event.kind = self.event_kind.as_str().to_string();
            }
            if event.date.is_empty() && !pending.errors.iter().any(|e| e.row == row) {
                pending.errors.push(RowError {
                    row,
                    column: self.column_of(Field::EventDate),
                    message: "this row has an event (regulator, amount or kind) but no date".into(),
                });
            }
            pending.input.events.push(event);
            pending.event_rows.push(row);
        }
    }

    /// Turns a validation error of the assembled incident into a row error.
    fn locate(&self, pending: &Pending, e: Error) -> RowError {
        let field = e.field().unwrap_or("").to_string();
        let (row, column) = if let Some(rest) = field.strip_prefix("events[") {
            let index: usize = rest
                .split(']')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            let row = pending
                .event_rows
                .get(index)
                .copied()
                .unwrap_or(pending.first_row);
            let column = match field.rsplit('.').next() {
                Some("date") => self.column_of(Field::EventDate),
                Some("kind") => self.column_of(Field::EventKind),
                Some("regulator") => self.column_of(Field::Regulator),
                Some("amount") => self.column_of(Field::Amount),
                Some("currency") => self.column_of(Field::Currency),
                Some("note") => self.column_of(Field::Note),
                _ => self.column_of(Field::EventSource),
            };
            (row, column)
        } else if field.starts_with("sources[") {
            let column = match field.rsplit('.').next() {
                Some("published") => self.column_of(Field::SourcePublished),
                Some("language") => self.column_of(Field::SourceLanguage),
                Some("title") => self.column_of(Field::SourceTitle),
                _ => self.column_of(Field::SourceUrl),
            };
            (pending.first_row, column)
        } else {
            let f = match field.as_str() {
                "company" => Field::Company,
                "title" => Field::Title,
                "summary" => Field::Summary,
                "counterparty" => Field::Counterparty,
                "country" => Field::Country,
                "status" => Field::Status,
                "records_affected" => Field::RecordsAffected,
                "users_affected" => Field::UsersAffected,
                _ => Field::Ignore,
            };
            (
                pending.first_row,
                if f == Field::Ignore {
                    field.clone()
                } else {
                    self.column_of(f)
                },
            )
        };
        RowError {
            row,
            column,
            message: e.message(),
        }
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

/// Looks for an incident this one duplicates: the same company, amounts that
/// agree, and one of the same source URLs or the same title and first event
/// date. Incidents in `skip` (made by this import from other keys) never match.
fn find_duplicate(
    conn: &Connection,
    v: &ValidIncident,
    skip: &HashSet<i64>,
) -> Result<Option<(i64, String)>> {
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
                return Ok(Some((id, format!("same company and source {}", s.url))));
            }
        }
    }
    // Two incidents whose dates are both unknown are not "on the same date".
    let Some(first) = v.events.iter().map(|e| e.date.as_str().to_string()).min() else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT i.id FROM incidents i WHERE i.company_id = ?1 AND i.title = ?2 AND i.deleted_at IS NULL
           AND i.first_event = ?3",
    )?;
    let hits: Vec<i64> = stmt
        .query_map(params![company, v.title, first], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in hits {
        if usable(id)? {
            return Ok(Some((
                id,
                "same company, title, first date and amounts".to_string(),
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
        let total_bytes = std::fs::metadata(path)?.len();
        let (mut reader, delimiter, counters) = open_reader(path, options.delimiter)?;
        let bytes = counters.bytes.clone();
        let headers = headers_of(&mut reader, path)?;
        let fields = resolve_mapping(&headers, &options.mapping)?;
        for required in [Field::Company, Field::Title] {
            if !fields.contains(&required) {
                return Err(Error::invalid(
                    "map",
                    format!(
                        "no column is mapped to {}; map one with --map COLUMN={}",
                        required.name(),
                        required.name()
                    ),
                ));
            }
        }
        let own = is_own_format(&headers);
        let event_kind = options
            .event_kind
            .unwrap_or(if fields.contains(&Field::Amount) {
                EventKind::Fined
            } else {
                EventKind::Disclosed
            });
        let rows_reader = RowReader {
            headers: &headers,
            fields: &fields,
            own,
            options,
            event_kind,
        };
        let key_column = fields.iter().position(|f| *f == Field::IncidentKey);

        let mut report = ImportReport {
            delimiter: delimiter.to_string(),
            mapping: mapping_of(&headers, &fields),
            ..Default::default()
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut pending: Option<Pending> = None;
        let mut state = ImportState {
            options,
            actor,
            created: HashSet::new(),
        };
        let mut record = csv::StringRecord::new();
        let mut row: u64 = 1;
        loop {
            let more = match reader.read_record(&mut record) {
                Ok(more) => more,
                Err(e) => {
                    let err = read_error(path, e);
                    report.errors.push(RowError {
                        row: row + 1,
                        column: "(file)".into(),
                        message: err.message(),
                    });
                    break;
                }
            };
            if more && record.iter().all(|c| c.trim().is_empty()) {
                row += 1;
                continue;
            }
            let key = if more {
                key_column.map(|k| record.get(k).unwrap_or("").trim().to_string())
            } else {
                None
            };
            let continues = more
                && key.is_some()
                && pending
                    .as_ref()
                    .is_some_and(|p| p.key.is_some() && p.key == key);
            if !continues {
                if let Some(done) = pending.take() {
                    self::flush(&tx, &rows_reader, done, &mut state, &mut report)?;
                }
            }
            if !more {
                break;
            }
            row += 1;
            report.rows += 1;
            let p = pending.get_or_insert_with(|| Pending {
                key: key.clone(),
                first_row: row,
                input: IncidentInput::default(),
                event_rows: Vec::new(),
                errors: Vec::new(),
            });
            rows_reader.read_row(row, &record, p);
            if report.rows.is_multiple_of(500) {
                progress(Progress {
                    rows: report.rows,
                    bytes: bytes.get(),
                    total_bytes,
                });
            }
        }
        progress(Progress {
            rows: report.rows,
            bytes: bytes.get(),
            total_bytes,
        });
        report.lines = counters.lines.get();
        report.errors.sort_by_key(|e| e.row);
        if report.errors.is_empty() && !options.dry_run {
            tx.commit()?;
            report.committed = true;
        }
        Ok(report)
    }
}

/// What one import carries from incident to incident.
struct ImportState<'a> {
    options: &'a ImportOptions,
    actor: &'a str,
    /// Incidents this import created.
    created: HashSet<i64>,
}

/// Checks and stores one assembled incident inside the import's transaction.
fn flush(
    tx: &rusqlite::Transaction,
    rows: &RowReader,
    mut p: Pending,
    state: &mut ImportState,
    report: &mut ImportReport,
) -> Result<()> {
    let (options, actor) = (state.options, state.actor);
    if !p.errors.is_empty() {
        report.errors.append(&mut p.errors);
        return Ok(());
    }
    let valid = match p.input.validate() {
        Ok(v) => v,
        Err(e) => {
            report.errors.push(rows.locate(&p, e));
            return Ok(());
        }
    };
    // Rows under another incident key are another incident, even when they
    // look the same: our own exports come back exactly.
    let empty = HashSet::new();
    let skip = if p.key.is_some() {
        &state.created
    } else {
        &empty
    };
    if let Some((existing_id, reason)) = find_duplicate(tx, &valid, skip)? {
        let merged = options.merge_duplicates;
        report.duplicates.push(Duplicate {
            row: p.first_row,
            existing_id,
            reason,
            merged,
        });
        if merged {
            if let Some(existing) = load_incident(tx, existing_id)? {
                let merged_input = merged_input(&existing, &p.input);
                if merged_input == existing.to_input() {
                    // Nothing new: no write, no new version.
                    report.merged += 1;
                    return Ok(());
                }
                let stored = merged_input
                    .validate()
                    .and_then(|v| replace_incident(tx, &existing, &v, actor));
                match stored {
                    Ok(()) => report.merged += 1,
                    Err(e) => report.errors.push(rows.locate(&p, e)),
                }
            }
        }
        return Ok(());
    }
    // No savepoint per row: a row that fails fails the whole import, which is
    // rolled back at the end, so what a failed row left behind never reaches
    // the file. (Per-row savepoints made FTS5 flush its buffer at every row:
    // a quarter of all import time in the profile.)
    match insert_incident(tx, &valid, actor) {
        Ok(id) => {
            state.created.insert(id);
            report.created += 1;
            if report.preview.len() < options.preview {
                report.preview.push(p.input);
            }
        }
        Err(e @ Error::Validation { .. }) => report.errors.push(rows.locate(&p, e)),
        Err(e) => return Err(e),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_map_to_fields_in_several_languages() {
        assert_eq!(propose_field("Company Name"), Some(Field::Company));
        assert_eq!(propose_field("Date of Decision"), Some(Field::EventDate));
        assert_eq!(propose_field("Fine [€]"), Some(Field::Amount));
        assert_eq!(propose_field("Controller/Processor"), None);
        assert_eq!(propose_field("회사"), Some(Field::Company));
        assert_eq!(propose_field("\u{feff}id"), Some(Field::IncidentKey));
        assert_eq!(propose_field("source_urls"), Some(Field::SourceUrl));
    }

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
