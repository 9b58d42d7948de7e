//! A company's history and a regulator's record: every event in time order,
//! with the totals an analyst reads first (how many people, how much in fines).

use crate::dates::{PartialDate, Precision};
use crate::error::Result;
use crate::model::{EventKind, Regulator};
use crate::money;
use crate::names::closest;
use crate::store::incidents::find_company;
use crate::store::list::{IncidentRow, ListQuery, SortKey};
use crate::store::lookup::{not_found_with_suggestions, regulator_label};
use crate::store::Store;
use rusqlite::Row;
use serde::Serialize;
use std::collections::BTreeMap;

/// One event on a timeline, with the incident it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEvent {
    pub event_id: i64,
    pub incident_id: i64,
    pub incident_title: String,
    pub company: String,
    pub kind: EventKind,
    pub date: String,
    pub precision: Precision,
    /// First and last day the date covers (equal for a day-precision date).
    pub start: String,
    pub end: String,
    pub regulator: Option<String>,
    pub regulator_name: Option<String>,
    /// Amount in major units, as a JSON number.
    pub amount: Option<serde_json::Value>,
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
    pub note: Option<String>,
}

/// A sum of money in one currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoneyTotal {
    pub currency: String,
    pub amount_minor: i64,
    /// The same in major units, as a JSON number.
    pub amount: serde_json::Value,
    /// How many events were added up.
    pub count: usize,
}

/// The largest single figure and the incident it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Largest {
    pub value: i64,
    pub incident_id: i64,
    pub incident_title: String,
}

/// Money events split the way analysts read them: final fines, proposals that
/// may still change, and settlements.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MoneySummary {
    pub fines: Vec<MoneyTotal>,
    pub proposed_fines: Vec<MoneyTotal>,
    pub settlements: Vec<MoneyTotal>,
}

/// Totals for one company.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanySummary {
    pub incidents: usize,
    /// Sum over the incidents whose count is known; `None` when none is.
    pub records_total: Option<i64>,
    pub records_largest: Option<Largest>,
    pub users_total: Option<i64>,
    pub users_largest: Option<Largest>,
    #[serde(flatten)]
    pub money: MoneySummary,
    /// Short names of the regulators acting in any event, sorted.
    pub regulators: Vec<String>,
    pub first_event: Option<String>,
    pub latest_event: Option<String>,
}

/// Everything the Company view shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyTimeline {
    pub company: String,
    pub aliases: Vec<String>,
    pub events: Vec<TimelineEvent>,
    pub summary: CompanySummary,
    pub incidents: Vec<IncidentRow>,
}

/// A company's share of a regulator's actions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyActions {
    pub company: String,
    pub incidents: usize,
    pub actions: usize,
}

/// Totals for one regulator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegulatorSummary {
    pub actions: usize,
    pub incidents: usize,
    #[serde(flatten)]
    pub money: MoneySummary,
    pub companies: Vec<CompanyActions>,
    pub first_action: Option<String>,
    pub latest_action: Option<String>,
}

/// Everything the Regulator view shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegulatorView {
    pub regulator: Regulator,
    pub events: Vec<TimelineEvent>,
    pub summary: RegulatorSummary,
    pub incidents: Vec<IncidentRow>,
}

const EVENT_COLUMNS: &str = concat!(
    "e.id, e.incident_id, i.title, c.name, e.kind, e.date, ",
    regulator_label!(),
    ", r.name, e.amount_minor, e.currency, e.note"
);

const EVENT_JOINS: &str = "FROM events e
    JOIN incidents i ON i.id = e.incident_id
    JOIN companies c ON c.id = i.company_id
    LEFT JOIN regulators r ON r.id = e.regulator_id";

/// Same-date events keep a stable order: by incident, then as entered.
const EVENT_ORDER: &str = "ORDER BY e.date, e.incident_id, e.position, e.id";

fn timeline_event(r: &Row) -> rusqlite::Result<TimelineEvent> {
    let date: PartialDate = r.get(5)?;
    let amount_minor: Option<i64> = r.get(8)?;
    let currency: Option<String> = r.get(9)?;
    let (start, end) = date.span();
    Ok(TimelineEvent {
        event_id: r.get(0)?,
        incident_id: r.get(1)?,
        incident_title: r.get(2)?,
        company: r.get(3)?,
        kind: r.get(4)?,
        precision: date.precision(),
        start: start.to_string(),
        end: end.to_string(),
        date: date.to_string(),
        regulator: r.get(6)?,
        regulator_name: r.get(7)?,
        amount: amount_minor
            .zip(currency.as_deref())
            .map(|(m, c)| money::major_as_json(m, c)),
        amount_minor,
        currency,
        note: r.get(10)?,
    })
}

fn totals(events: &[TimelineEvent], kind: EventKind) -> Vec<MoneyTotal> {
    let mut by_currency: BTreeMap<&str, (i64, usize)> = BTreeMap::new();
    for e in events.iter().filter(|e| e.kind == kind) {
        if let (Some(minor), Some(currency)) = (e.amount_minor, e.currency.as_deref()) {
            let entry = by_currency.entry(currency).or_default();
            entry.0 = entry.0.saturating_add(minor);
            entry.1 += 1;
        }
    }
    by_currency
        .into_iter()
        .map(|(currency, (amount_minor, count))| MoneyTotal {
            currency: currency.to_string(),
            amount: money::major_as_json(amount_minor, currency),
            amount_minor,
            count,
        })
        .collect()
}

fn money_summary(events: &[TimelineEvent]) -> MoneySummary {
    MoneySummary {
        fines: totals(events, EventKind::Fined),
        proposed_fines: totals(events, EventKind::ProposedFine),
        settlements: totals(events, EventKind::Settled),
    }
}

fn sum_and_largest(
    rows: &[IncidentRow],
    value: impl Fn(&IncidentRow) -> Option<i64>,
) -> (Option<i64>, Option<Largest>) {
    let mut total: Option<i64> = None;
    let mut largest: Option<Largest> = None;
    for row in rows {
        if let Some(v) = value(row) {
            total = Some(total.unwrap_or(0).saturating_add(v));
            if largest.as_ref().is_none_or(|l| v > l.value) {
                largest = Some(Largest {
                    value: v,
                    incident_id: row.id,
                    incident_title: row.title.clone(),
                });
            }
        }
    }
    (total, largest)
}

impl Store {
    fn query_events(&self, filter: &str, id: i64) -> Result<Vec<TimelineEvent>> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} {EVENT_JOINS} WHERE {filter} AND i.deleted_at IS NULL {EVENT_ORDER}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([id], timeline_event)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Looks a company up by name or alias (see [`crate::names::name_key`]); an
    /// unknown name is `NotFound` with the closest known names suggested.
    pub fn company_id_by_name(&self, name: &str) -> Result<i64> {
        if let Some(id) = find_company(&self.conn, name)? {
            return Ok(id);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM companies UNION ALL SELECT alias FROM company_aliases")?;
        let known: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Err(not_found_with_suggestions(
            crate::store::lookup::Named::Company,
            name,
            closest(name, known.iter().map(String::as_str), 5),
        ))
    }

    /// Every event of every incident of `company`, in time order, with its totals
    /// and its incidents.
    pub fn company_timeline(&self, company: &str) -> Result<CompanyTimeline> {
        let id = self.company_id_by_name(company)?;
        let name: String =
            self.conn
                .query_row("SELECT name FROM companies WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        let mut stmt = self
            .conn
            .prepare("SELECT alias FROM company_aliases WHERE company_id = ?1 ORDER BY alias")?;
        let aliases = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let events = self.query_events("i.company_id = ?1", id)?;
        let incidents = self
            .list_incidents(&ListQuery {
                company_id: Some(id),
                sort: SortKey::LatestEvent,
                // All rows are read: their number is the count.
                skip_total: true,
                ..Default::default()
            })?
            .rows;
        let (records_total, records_largest) = sum_and_largest(&incidents, |r| r.records_affected);
        let (users_total, users_largest) = sum_and_largest(&incidents, |r| r.users_affected);
        let mut regulators: Vec<String> =
            events.iter().filter_map(|e| e.regulator.clone()).collect();
        regulators.sort();
        regulators.dedup();
        let summary = CompanySummary {
            incidents: incidents.len(),
            records_total,
            records_largest,
            users_total,
            users_largest,
            money: money_summary(&events),
            regulators,
            first_event: events.first().map(|e| e.date.clone()),
            latest_event: events.iter().map(|e| e.date.clone()).max(),
        };
        Ok(CompanyTimeline {
            company: name,
            aliases,
            events,
            summary,
            incidents,
        })
    }

    /// A regulator's actions across companies in time order, with its fines per
    /// currency and the companies involved.
    pub fn regulator_view(&self, name: &str) -> Result<RegulatorView> {
        let regulator = self.regulator_by_name(name)?;
        let events = self.query_events("e.regulator_id = ?1", regulator.id)?;
        let mut companies: BTreeMap<&str, (std::collections::BTreeSet<i64>, usize)> =
            BTreeMap::new();
        for e in &events {
            let entry = companies.entry(e.company.as_str()).or_default();
            entry.0.insert(e.incident_id);
            entry.1 += 1;
        }
        let mut companies: Vec<CompanyActions> = companies
            .into_iter()
            .map(|(company, (incidents, actions))| CompanyActions {
                company: company.to_string(),
                incidents: incidents.len(),
                actions,
            })
            .collect();
        companies.sort_by(|a, b| {
            b.actions
                .cmp(&a.actions)
                .then_with(|| a.company.cmp(&b.company))
        });
        let incidents = self
            .list_incidents(&ListQuery {
                regulator_id: Some(regulator.id),
                sort: SortKey::LatestEvent,
                skip_total: true,
                ..Default::default()
            })?
            .rows;
        let summary = RegulatorSummary {
            actions: events.len(),
            incidents: incidents.len(),
            money: money_summary(&events),
            companies,
            first_action: events.first().map(|e| e.date.clone()),
            latest_action: events.iter().map(|e| e.date.clone()).max(),
        };
        Ok(RegulatorView {
            regulator,
            events,
            summary,
            incidents,
        })
    }
}
