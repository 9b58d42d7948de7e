//! The Incidents list: filters, sort and paging, shared by the app, the CLI and
//! (later) exports, so that every front end shows the same rows.

use crate::dates::PartialDate;
use crate::db::Store;
use crate::error::{Error, Result};
use crate::incidents::resolve_regulator;
use crate::model::{Incident, Status};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

/// Columns the list can be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    Company,
    Title,
    Regulators,
    RecordsAffected,
    UsersAffected,
    Status,
    #[default]
    LatestEvent,
    Id,
}

impl SortKey {
    fn expression(self) -> &'static str {
        match self {
            SortKey::Company => "c.name COLLATE NOCASE",
            SortKey::Title => "i.title COLLATE NOCASE",
            SortKey::Regulators => "regulators COLLATE NOCASE",
            SortKey::RecordsAffected => "i.records_affected",
            SortKey::UsersAffected => "i.users_affected",
            SortKey::Status => "status_rank",
            SortKey::LatestEvent => "latest_event",
            SortKey::Id => "i.id",
        }
    }
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
    /// A status keyword.
    pub status: Option<String>,
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
    pub offset: Option<u32>,
}

/// One row of the Incidents list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentRow {
    pub id: i64,
    pub company: String,
    pub title: String,
    /// Short names of the regulators acting in its events, sorted, comma-separated.
    pub regulators: String,
    pub records_affected: Option<i64>,
    pub users_affected: Option<i64>,
    pub status: Status,
    pub latest_event: Option<String>,
}

/// A page of the list with the number of rows matching the filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListPage {
    pub total: i64,
    pub rows: Vec<IncidentRow>,
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl ListQuery {
    /// The WHERE clause and its parameters.
    fn filter(&self, store: &Store) -> Result<(String, Vec<Value>)> {
        let mut clauses = vec!["i.deleted_at IS NULL".to_string()];
        let mut values: Vec<Value> = Vec::new();
        if let Some(company) = non_empty(&self.company) {
            values.push(Value::Text(company.to_lowercase()));
            let n = values.len();
            clauses.push(format!(
                "(instr(lower(c.name), ?{n}) > 0 OR EXISTS (SELECT 1 FROM company_aliases a
                   WHERE a.company_id = c.id AND instr(lower(a.alias), ?{n}) > 0))"
            ));
        }
        if let Some(id) = self.company_id {
            values.push(Value::Integer(id));
            clauses.push(format!("i.company_id = ?{}", values.len()));
        }
        let regulator = match non_empty(&self.regulator) {
            Some(name) => Some(resolve_regulator(&store.conn, "regulator", name)?),
            None => None,
        };
        for id in regulator.into_iter().chain(self.regulator_id) {
            values.push(Value::Integer(id));
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM events e WHERE e.incident_id = i.id AND e.regulator_id = ?{})",
                values.len()
            ));
        }
        if let Some(status) = non_empty(&self.status) {
            let status = Status::parse("status", status)?;
            values.push(Value::Text(status.as_str().into()));
            clauses.push(format!("i.status = ?{}", values.len()));
        }
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
                    "the end of the range is before its start",
                ));
            }
        }
        if from.is_some() || to.is_some() {
            // An event covers [first day, last day] of its precision; it matches
            // when that span meets the range.
            let mut cond = vec!["e.incident_id = i.id".to_string()];
            if let Some((start, _)) = from {
                values.push(Value::Text(start));
                cond.push(format!(
                    "(CASE length(e.date) WHEN 4 THEN e.date || '-12-31' WHEN 7 THEN e.date || '-31' ELSE e.date END) >= ?{}",
                    values.len()
                ));
            }
            if let Some((_, end)) = to {
                values.push(Value::Text(end));
                cond.push(format!(
                    "(CASE length(e.date) WHEN 4 THEN e.date || '-01-01' WHEN 7 THEN e.date || '-01' ELSE e.date END) <= ?{}",
                    values.len()
                ));
            }
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM events e WHERE {})",
                cond.join(" AND ")
            ));
        }
        if let Some(text) = non_empty(&self.text) {
            // Every word must appear somewhere in the incident.
            for word in text.split_whitespace() {
                values.push(Value::Text(word.to_lowercase()));
                let n = values.len();
                clauses.push(format!(
                    "(instr(lower(c.name), ?{n}) > 0 OR instr(lower(i.title), ?{n}) > 0
                      OR instr(lower(coalesce(i.summary, '')), ?{n}) > 0
                      OR instr(lower(coalesce(i.counterparty, '')), ?{n}) > 0
                      OR EXISTS (SELECT 1 FROM events e WHERE e.incident_id = i.id
                                 AND instr(lower(coalesce(e.note, '')), ?{n}) > 0))"
                ));
            }
        }
        Ok((clauses.join(" AND "), values))
    }
}

const STATUS_RANK: &str = "CASE i.status WHEN 'reported' THEN 0 WHEN 'under_investigation' THEN 1
    WHEN 'findings_published' THEN 2 WHEN 'sanctioned' THEN 3 WHEN 'appealed' THEN 4
    WHEN 'settled' THEN 5 WHEN 'closed' THEN 6 END";

impl Store {
    /// One page of the Incidents list.
    pub fn list_incidents(&self, query: &ListQuery) -> Result<ListPage> {
        let (filter, mut values) = query.filter(self)?;
        let total: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM incidents i JOIN companies c ON c.id = i.company_id WHERE {filter}"
            ),
            rusqlite::params_from_iter(values.iter()),
            |r| r.get(0),
        )?;
        let descending = query
            .descending
            .unwrap_or(query.sort == SortKey::LatestEvent);
        let direction = if descending { "DESC" } else { "ASC" };
        let mut sql = format!(
            "SELECT i.id, c.name, i.title,
                    coalesce((SELECT group_concat(n, ', ') FROM (
                        SELECT DISTINCT coalesce(r.short_name, r.name) AS n
                        FROM events e JOIN regulators r ON r.id = e.regulator_id
                        WHERE e.incident_id = i.id ORDER BY n)), '') AS regulators,
                    i.records_affected, i.users_affected, i.status,
                    (SELECT max(e.date) FROM events e WHERE e.incident_id = i.id) AS latest_event,
                    {STATUS_RANK} AS status_rank
             FROM incidents i JOIN companies c ON c.id = i.company_id
             WHERE {filter}
             ORDER BY {} {direction} NULLS LAST, i.id {direction}",
            query.sort.expression()
        );
        if let Some(limit) = query.limit {
            values.push(Value::Integer(limit.into()));
            values.push(Value::Integer(query.offset.unwrap_or(0).into()));
            sql.push_str(&format!(
                " LIMIT ?{} OFFSET ?{}",
                values.len() - 1,
                values.len()
            ));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
            let status: String = r.get(6)?;
            Ok(IncidentRow {
                id: r.get(0)?,
                company: r.get(1)?,
                title: r.get(2)?,
                regulators: r.get(3)?,
                records_affected: r.get(4)?,
                users_affected: r.get(5)?,
                status: Status::parse("status", &status).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        6,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?,
                latest_event: r.get(7)?,
            })
        })?;
        let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ListPage { total, rows })
    }

    /// Whole incidents (events and sources included) for the rows the list
    /// query selects, in the same order.
    pub fn list_full(&self, query: &ListQuery) -> Result<Vec<Incident>> {
        let page = self.list_incidents(query)?;
        page.rows
            .iter()
            .map(|row| self.get_incident(row.id))
            .collect()
    }
}

/// Parses a sort key name, naming the field when it is unknown.
pub fn parse_sort_key(text: &str) -> Result<SortKey> {
    serde_json::from_value(serde_json::Value::String(text.trim().into())).map_err(|_| {
        Error::invalid(
            "sort",
            format!(
                "unknown sort column '{text}'; use company, title, regulators, records_affected, \
                 users_affected, status, latest_event or id"
            ),
        )
    })
}
