//! The Incidents list: filters, sort and paging, shared by the app, the CLI and
//! (later) exports, so that every front end shows the same rows.

use crate::dates::PartialDate;
use crate::error::{Error, Result};
use crate::keywords::keyword_enum;
use crate::model::{parse_country, EventKind, Incident, Status};
use crate::store::lookup::{regulator_label, resolve_regulator};
use crate::store::Store;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

keyword_enum!(
    /// Columns the list can be sorted by.
    SortKey, "sort column" {
        Company => "company", "Company";
        Title => "title", "Title";
        Regulators => "regulators", "Regulators";
        RecordsAffected => "records_affected", "Records";
        UsersAffected => "users_affected", "People";
        Status => "status", "Status";
        LatestEvent => "latest_event", "Latest event";
        Id => "id", "ID";
    }
);

impl Default for SortKey {
    /// Newest event first, as the list opens.
    fn default() -> Self {
        SortKey::LatestEvent
    }
}

impl SortKey {
    /// The column (as kept on the incident, with its index) the list sorts by.
    fn expression(self) -> &'static str {
        match self {
            SortKey::Company => "i.company_name COLLATE NOCASE",
            SortKey::Title => "i.title COLLATE NOCASE",
            SortKey::Regulators => "i.regulators COLLATE NOCASE",
            SortKey::RecordsAffected => "i.records_affected",
            SortKey::UsersAffected => "i.users_affected",
            SortKey::Status => STATUS_RANK,
            SortKey::LatestEvent => "i.latest_event",
            SortKey::Id => "i.id",
        }
    }

    /// Whether rows may have no value for this column (they come last).
    fn nullable(self) -> bool {
        matches!(
            self,
            SortKey::RecordsAffected | SortKey::UsersAffected | SortKey::LatestEvent
        )
    }
}

/// Where a page ends: the sort value and id of its last row. The next page
/// starts after it, so no row is skipped or repeated even when many rows share
/// a sort value, and no earlier rows are scanned again (no OFFSET).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    /// The last row's sort value; `null` once the rows without a value are
    /// being listed.
    pub key: serde_json::Value,
    pub id: i64,
}

/// What the list shows: every field optional, so the default is "everything,
/// latest first".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// Part of the company's name or of one of its aliases.
    pub company: Option<String>,
    /// Exactly this company (by id), as the Company view asks.
    pub company_id: Option<i64>,
    /// A regulator (name, short name or alias) acting in at least one event.
    pub regulator: Option<String>,
    /// Exactly this regulator (by id), as the Regulator view asks.
    pub regulator_id: Option<i64>,
    /// Only incidents with this status (a blank keyword means any).
    #[serde(default, deserialize_with = "deserialize_status_filter")]
    pub status: Option<Status>,
    /// Only incidents of this country (a code or a name in any of our languages).
    pub country: Option<String>,
    /// Only incidents with an event of this kind; with `from`/`to`, an event
    /// of this kind in that range.
    pub kind: Option<EventKind>,
    /// Only incidents with at least this many records affected.
    pub records_min: Option<i64>,
    /// Only incidents with at most this many records affected.
    pub records_max: Option<i64>,
    /// Only incidents with at least this many people affected.
    pub users_min: Option<i64>,
    /// Only incidents with at most this many people affected.
    pub users_max: Option<i64>,
    /// Words to find in company, title, summary, counterparty or event notes.
    pub text: Option<String>,
    /// Only incidents with an event on or after this date (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`; a coarse event counts if its span reaches the range).
    pub from: Option<String>,
    /// Only incidents with an event on or before this date.
    pub to: Option<String>,
    pub sort: SortKey,
    /// Descending order; the default list shows the latest events first.
    pub descending: Option<bool>,
    /// Page size; `None` means all rows.
    pub limit: Option<u32>,
    /// Continue after this row (from the previous page's `next`).
    pub after: Option<Cursor>,
    /// Leave out the total: counting every match costs a scan of them all,
    /// which the app runs on its own so that the rows show first.
    pub skip_total: bool,
}

/// One row of the Incidents list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentRow {
    pub id: i64,
    pub company: String,
    pub title: String,
    /// The regulators acting in its events, by label: each with its id, so
    /// that a link opens exactly that regulator (two may share a short name).
    pub regulators: Vec<ActingRegulator>,
    pub records_affected: Option<i64>,
    pub users_affected: Option<i64>,
    pub status: Status,
    pub latest_event: Option<String>,
}

/// A regulator as a list row shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActingRegulator {
    pub id: i64,
    /// Its label as events show it: the short name (else the name), with
    /// the country where two regulators share it ("CNPD (PT)").
    pub label: String,
}

/// The labels of `regulators`, as one text: "FSS, PIPC".
pub fn regulator_labels(regulators: &[ActingRegulator]) -> String {
    let labels: Vec<&str> = regulators.iter().map(|r| r.label.as_str()).collect();
    labels.join(", ")
}

/// A page of the list with the number of rows matching the filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListPage {
    /// Rows matching the filters; -1 when the query asked to skip counting.
    pub total: i64,
    pub rows: Vec<IncidentRow>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<Cursor>,
}

/// A status filter as typed or sent by the window: blank means any status.
pub fn parse_status_filter(text: Option<&str>) -> Result<Option<Status>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => Status::parse("status", t).map(Some),
    }
}

fn deserialize_status_filter<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Status>, D::Error> {
    let text = Option::<String>::deserialize(d)?;
    parse_status_filter(text.as_deref()).map_err(|e| serde::de::Error::custom(e.message()))
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl ListQuery {
    /// The WHERE clause and its parameters.
    pub(crate) fn filter(&self, store: &Store) -> Result<(String, Vec<Value>)> {
        let mut w = Where {
            clauses: vec!["i.deleted_at IS NULL".to_string()],
            values: Vec::new(),
        };
        if let Some(company) = non_empty(&self.company) {
            let n = w.bind(Value::Text(company.to_lowercase()));
            w.clauses.push(format!(
                "(instr(lower(i.company_name), ?{n}) > 0 OR EXISTS (SELECT 1 FROM company_aliases a
                   WHERE a.company_id = i.company_id AND instr(lower(a.alias), ?{n}) > 0))"
            ));
        }
        if let Some(id) = self.company_id {
            let n = w.bind(Value::Integer(id));
            w.clauses.push(format!("i.company_id = ?{n}"));
        }
        let regulator = match non_empty(&self.regulator) {
            Some(name) => Some(resolve_regulator(&store.conn, "regulator", name, None)?),
            None => None,
        };
        for id in regulator.into_iter().chain(self.regulator_id) {
            // Driven from the events-by-regulator index: the incidents it acted
            // in, looked up while the sort index is walked.
            let n = w.bind(Value::Integer(id));
            w.clauses.push(format!(
                "i.id IN (SELECT e.incident_id FROM events e WHERE e.regulator_id = ?{n})"
            ));
        }
        if let Some(status) = self.status {
            let n = w.bind(Value::Text(status.as_str().into()));
            w.clauses.push(format!("i.status = ?{n}"));
        }
        if let Some(country) = non_empty(&self.country) {
            let code = parse_country("country", country)?.unwrap_or_default();
            let n = w.bind(Value::Text(code));
            w.clauses.push(format!("i.country = ?{n}"));
        }
        let bounds = [
            ("records_affected", ">=", self.records_min),
            ("records_affected", "<=", self.records_max),
            ("users_affected", ">=", self.users_min),
            ("users_affected", "<=", self.users_max),
        ];
        for (column, op, bound) in bounds {
            if let Some(b) = bound {
                let n = w.bind(Value::Integer(b));
                w.clauses.push(format!("i.{column} {op} ?{n}"));
            }
        }
        self.date_range(&mut w)?;
        if let Some(text) = non_empty(&self.text) {
            text_search(&mut w, text)?;
        }
        Ok((w.clauses.join(" AND "), w.values))
    }

    /// An event covers [first day, last day] of its precision; an incident
    /// matches when the span of one of its events (of the kind asked for, if
    /// one is) meets the range.
    fn date_range(&self, w: &mut Where) -> Result<()> {
        let bound = |field: &str, value: &Option<String>| -> Result<Option<(String, String)>> {
            non_empty(value)
                .map(|v| {
                    let (a, b) = PartialDate::parse(field, v)?.span();
                    Ok((a.to_string(), b.to_string()))
                })
                .transpose()
        };
        let from = bound("from", &self.from)?;
        let to = bound("to", &self.to)?;
        if let (Some(f), Some(t)) = (&from, &to) {
            if f.0 > t.1 {
                return Err(Error::invalid(
                    "to",
                    crate::msg!("error.range", "the end of the range is before its start"),
                ));
            }
        }
        if from.is_none() && to.is_none() && self.kind.is_none() {
            return Ok(());
        }
        let mut cond = vec!["e.incident_id = i.id".to_string()];
        if let Some(kind) = self.kind {
            let n = w.bind(Value::Text(kind.as_str().into()));
            cond.push(format!("e.kind = ?{n}"));
        }
        if let Some((start, _)) = from {
            let n = w.bind(Value::Text(start));
            cond.push(format!(
                "(CASE length(e.date) WHEN 4 THEN e.date || '-12-31' WHEN 7 THEN e.date || '-31' ELSE e.date END) >= ?{n}"
            ));
        }
        if let Some((_, end)) = to {
            let n = w.bind(Value::Text(end));
            cond.push(format!(
                "(CASE length(e.date) WHEN 4 THEN e.date || '-01-01' WHEN 7 THEN e.date || '-01' ELSE e.date END) <= ?{n}"
            ));
        }
        w.clauses.push(format!(
            "EXISTS (SELECT 1 FROM events e WHERE {})",
            cond.join(" AND ")
        ));
        Ok(())
    }
}

/// A WHERE clause being built, with its numbered parameters.
struct Where {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Where {
    /// Adds a parameter and returns its number (`?n`).
    fn bind(&mut self, value: Value) -> usize {
        self.values.push(value);
        self.values.len()
    }
}

/// Words of three characters or more go through the full-text index; shorter
/// ones ("AI", "滴滴") are looked for in company and title.
fn text_search(w: &mut Where, text: &str) -> Result<()> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    words.dedup();
    if words.len() > MAX_SEARCH_WORDS {
        return Err(Error::invalid(
            "text",
            crate::msg!(
                "error.search_words",
                "a search takes at most {max} words; this one has {count}",
                max = MAX_SEARCH_WORDS,
                count = words.len()
            ),
        ));
    }
    let mut phrases = Vec::new();
    for word in words {
        if word.chars().count() >= 3 {
            phrases.push(format!("\"{}\"", word.replace('"', "\"\"")));
        } else {
            let n = w.bind(Value::Text(word.to_lowercase()));
            w.clauses.push(format!(
                "(instr(lower(i.company_name), ?{n}) > 0 OR instr(lower(i.title), ?{n}) > 0)"
            ));
        }
    }
    if !phrases.is_empty() {
        let n = w.bind(Value::Text(phrases.join(" ")));
        w.clauses.push(format!(
            "i.id IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?{n})"
        ));
    }
    Ok(())
}

/// Words one search may hold (each is a condition of the query).
pub const MAX_SEARCH_WORDS: usize = 64;

/// The columns of a list row, with the sort value last (the page's cursor).
const ROW_SELECT: &str = "SELECT i.id, i.company_name, i.title, i.regulators, i.records_affected,
    i.users_affected, i.status, i.latest_event, {KEY} AS sort_key FROM incidents i";

const STATUS_RANK: &str = "CASE i.status WHEN 'reported' THEN 0 WHEN 'under_investigation' THEN 1
    WHEN 'findings_published' THEN 2 WHEN 'sanctioned' THEN 3 WHEN 'appealed' THEN 4
    WHEN 'settled' THEN 5 WHEN 'closed' THEN 6 END";

impl Store {
    /// One page of the Incidents list (all matching rows when `limit` is
    /// `None`). Rows without a value for the sort column come last in both
    /// directions.
    pub fn list_incidents(&self, query: &ListQuery) -> Result<ListPage> {
        let mut page = self.list_rows(query)?;
        self.fill_regulators(&mut page.rows)?;
        Ok(page)
    }

    /// The rows of a page without their regulators: what an export needs to
    /// know which incidents to write, in which order.
    pub(crate) fn list_rows(&self, query: &ListQuery) -> Result<ListPage> {
        let (filter, values) = query.filter(self)?;
        let total: i64 = if query.skip_total {
            -1
        } else {
            self.conn.query_row(
                &format!("SELECT count(*) FROM incidents i WHERE {filter}"),
                rusqlite::params_from_iter(values.iter()),
                |r| r.get(0),
            )?
        };
        let descending = query
            .descending
            .unwrap_or(query.sort == SortKey::LatestEvent);
        let (dir, cmp) = if descending {
            ("DESC", "<")
        } else {
            ("ASC", ">")
        };
        let key = query.sort.expression();
        let limit = query.limit.map(i64::from);
        let select = ROW_SELECT.replace("{KEY}", key);
        let mut rows = Vec::new();
        let in_nulls =
            query.after.as_ref().is_some_and(|c| c.key.is_null()) && query.sort.nullable();
        // Phase 1: rows with a value, by value then id.
        if !in_nulls {
            let mut vals = values.clone();
            let mut sql = format!("{select} WHERE {filter}");
            if query.sort.nullable() {
                sql.push_str(&format!(" AND {key} IS NOT NULL"));
            }
            if let Some(after) = &query.after {
                vals.push(json_to_sql(&after.key));
                vals.push(Value::Integer(after.id));
                let (k, id) = (vals.len() - 1, vals.len());
                sql.push_str(&format!(
                    " AND ({key} {cmp} ?{k} OR ({key} = ?{k} AND i.id {cmp} ?{id}))"
                ));
            }
            sql.push_str(&format!(" ORDER BY {key} {dir}, i.id {dir}"));
            if let Some(n) = limit {
                sql.push_str(&format!(" LIMIT {n}"));
            }
            rows = self.read_rows(&sql, &vals)?;
        }
        // Phase 2: rows without a value, by id, once the others are through.
        let room = limit.map(|n| n - rows.len() as i64);
        if query.sort.nullable() && room.is_none_or(|r| r > 0) {
            let mut vals = values.clone();
            let mut sql = format!("{select} WHERE {filter} AND {key} IS NULL");
            if let Some(after) = query.after.as_ref().filter(|_| in_nulls) {
                vals.push(Value::Integer(after.id));
                sql.push_str(&format!(" AND i.id {cmp} ?{}", vals.len()));
            }
            sql.push_str(&format!(" ORDER BY i.id {dir}"));
            if let Some(n) = room {
                sql.push_str(&format!(" LIMIT {n}"));
            }
            rows.extend(self.read_rows(&sql, &vals)?);
        }
        let next = match (limit, rows.last()) {
            (Some(n), Some((last, last_key))) if rows.len() as i64 == n => Some(Cursor {
                key: last_key.clone(),
                id: last.id,
            }),
            _ => None,
        };
        let rows = rows.into_iter().map(|(r, _)| r).collect();
        Ok(ListPage { total, rows, next })
    }

    /// The acting regulators of the rows, one query per 500 rows (a page is
    /// one query; an export of every incident stays under SQLite's limit on
    /// parameters).
    fn fill_regulators(&self, rows: &mut [IncidentRow]) -> Result<()> {
        for chunk in rows.chunks_mut(500) {
            self.fill_chunk(chunk)?;
        }
        Ok(())
    }

    fn fill_chunk(&self, rows: &mut [IncidentRow]) -> Result<()> {
        let marks = vec!["?"; rows.len()].join(", ");
        let mut stmt = self.conn.prepare_cached(&format!(
            concat!(
                "SELECT DISTINCT e.incident_id, r.id, ",
                regulator_label!(),
                " AS label FROM events e JOIN regulators r ON r.id = e.regulator_id
                 WHERE e.incident_id IN ({marks}) ORDER BY label, r.id"
            ),
            marks = marks
        ))?;
        let ids = rows.iter().map(|r| r.id);
        let found = stmt.query_map(rusqlite::params_from_iter(ids), |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?))
        })?;
        let at: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        for row in found {
            let (incident, id, label) = row?;
            if let Some(&i) = at.get(&incident) {
                rows[i].regulators.push(ActingRegulator { id, label });
            }
        }
        Ok(())
    }

    /// The WHERE clause, its values and the ORDER BY of a list query over
    /// `incidents i`, for exports that stream the same rows in the same order.
    pub(crate) fn export_selection(
        &self,
        query: &ListQuery,
    ) -> Result<(String, Vec<Value>, String)> {
        let (filter, values) = query.filter(self)?;
        let descending = query
            .descending
            .unwrap_or(query.sort == SortKey::LatestEvent);
        let dir = if descending { "DESC" } else { "ASC" };
        let order = format!("{} {dir} NULLS LAST, i.id {dir}", query.sort.expression());
        Ok((filter, values, order))
    }

    fn read_rows(
        &self,
        sql: &str,
        values: &[Value],
    ) -> Result<Vec<(IncidentRow, serde_json::Value)>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
            let key: Value = r.get(8)?;
            Ok((
                IncidentRow {
                    id: r.get(0)?,
                    company: r.get(1)?,
                    title: r.get(2)?,
                    regulators: Vec::new(),
                    records_affected: r.get(4)?,
                    users_affected: r.get(5)?,
                    status: r.get(6)?,
                    latest_event: r.get(7)?,
                },
                sql_to_json(key),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// How many incidents match the list's filters.
    pub fn count_incidents(&self, query: &ListQuery) -> Result<i64> {
        let (filter, values) = query.filter(self)?;
        Ok(self.conn.query_row(
            &format!("SELECT count(*) FROM incidents i WHERE {filter}"),
            rusqlite::params_from_iter(values.iter()),
            |r| r.get(0),
        )?)
    }

    /// Whole incidents (events and sources included) for the rows the list
    /// query selects, in the same order.
    pub fn list_full(&self, query: &ListQuery) -> Result<Vec<Incident>> {
        let page = self.list_rows(query)?;
        page.rows
            .iter()
            .map(|row| self.get_incident(row.id))
            .collect()
    }
}

/// Parses a sort column's keyword, naming `sort` in the error.
pub fn parse_sort_key(text: &str) -> Result<SortKey> {
    SortKey::parse("sort", text)
}

fn json_to_sql(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0))),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        _ => Value::Null,
    }
}

fn sql_to_json(v: Value) -> serde_json::Value {
    match v {
        Value::Integer(i) => serde_json::Value::from(i),
        Value::Real(f) => serde_json::Value::from(f),
        Value::Text(t) => serde_json::Value::String(t),
        _ => serde_json::Value::Null,
    }
}
