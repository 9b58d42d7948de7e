//! The numbers of the Overview and of `incidents stats`: incidents, people,
//! records, fines and time-to-fine grouped by year, regulator, country,
//! company or event kind, over the same filters as the list.
//!
//! Two kinds of grouping:
//! - by an event's attribute (year, regulator, kind): a group holds the events
//!   with that value; an incident counts once in each group one of its events
//!   falls in, and the money is that of the group's events;
//! - by an incident's attribute (country, company): a group holds incidents
//!   with all their events, incidents without events included.
//!
//! Deleted incidents never count. Records and people are summed over the
//! group's incidents, an unknown count adding nothing.

use crate::dates::PartialDate;
use crate::error::Result;
use crate::keywords::keyword_enum;
use crate::model::EventKind;
use crate::money::major_as_json;
use crate::store::list::ListQuery;
use crate::store::Store;
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

keyword_enum!(
    /// What the statistics are grouped by.
    StatsBy, "grouping" {
        Year => "year", "Year";
        Regulator => "regulator", "Regulator";
        Country => "country", "Country";
        Company => "company", "Company";
        Kind => "kind", "Event kind";
    }
);

impl StatsBy {
    /// The group's key as SQL over `events e`, `regulators r` (left-joined)
    /// and `incidents i`.
    fn key_sql(self) -> &'static str {
        match self {
            StatsBy::Year => "substr(e.date, 1, 4)",
            StatsBy::Regulator => "coalesce(nullif(r.label, ''), r.short_name, r.name)",
            StatsBy::Country => "i.country",
            StatsBy::Company => "i.company_name",
            StatsBy::Kind => "e.kind",
        }
    }

    /// What opens the list on exactly the incidents of a group, beside its key.
    fn link_sql(self) -> &'static str {
        match self {
            StatsBy::Regulator => "r.id",
            StatsBy::Company => "i.company_id",
            _ => "NULL",
        }
    }

    /// Whether a group holds events (year, regulator, kind) rather than
    /// whole incidents.
    fn by_event(self) -> bool {
        matches!(self, StatsBy::Year | StatsBy::Regulator | StatsBy::Kind)
    }
}

/// A group: its key and its id (for regulators and companies).
type Group = (Option<String>, Option<i64>);

/// Sums of money per currency, in major units.
pub type Amounts = BTreeMap<String, serde_json::Value>;

/// One group's numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatsRow {
    /// The year, regulator (its short name, else its name), country code,
    /// company or event kind; `null` for incidents without a country.
    pub key: Option<String>,
    /// The regulator's or the company's id, for a link to exactly its incidents.
    pub id: Option<i64>,
    pub incidents: i64,
    pub records_affected: i64,
    pub users_affected: i64,
    /// Amounts of `fined` events.
    pub fines: Amounts,
    /// Amounts of `proposed_fine` events, apart.
    pub proposed_fines: Amounts,
    pub settlements: Amounts,
    /// Median days from the first disclosure or published findings to the
    /// first fine of the group, where both dates are known to the day or month.
    pub median_days_to_fine: Option<i64>,
    /// How many incidents that median rests on.
    pub days_to_fine_incidents: usize,
    /// Median days from the start of a breach to its first disclosure.
    pub median_days_to_disclose: Option<i64>,
    pub days_to_disclose_incidents: usize,
}

/// The statistics of one grouping under the list's filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub by: StatsBy,
    /// Incidents matching the filters.
    pub incidents: i64,
    pub rows: Vec<StatsRow>,
}

impl Store {
    /// The numbers of every group of `by` among the incidents `filter` selects.
    pub fn stats(&self, by: StatsBy, filter: &ListQuery) -> Result<Stats> {
        let (clause, values) = filter.filter(self)?;
        let select = Selection {
            store: self,
            by,
            clause,
            values,
        };
        let mut rows = select.counts()?;
        select.add_money(&mut rows)?;
        select.add_durations(&mut rows)?;
        if by == StatsBy::Year {
            rows.sort_by(|a, b| a.key.cmp(&b.key));
        } else {
            rows.sort_by(|a, b| b.incidents.cmp(&a.incidents).then(a.key.cmp(&b.key)));
        }
        Ok(Stats {
            by,
            incidents: self.count_incidents(filter)?,
            rows,
        })
    }
}

/// One grouping over one selection of incidents.
struct Selection<'a> {
    store: &'a Store,
    by: StatsBy,
    /// The WHERE clause over `incidents i` and its parameters.
    clause: String,
    values: Vec<Value>,
}

impl Selection<'_> {
    /// `FROM` and `WHERE` of the group's events (or incidents, for a grouping
    /// by incident) under the filters.
    fn tables(&self, events_only: bool) -> String {
        let join = if self.by.by_event() || events_only {
            "JOIN"
        } else {
            "LEFT JOIN"
        };
        let keyed = if self.by.by_event() {
            format!(" AND {} IS NOT NULL", self.by.key_sql())
        } else {
            String::new()
        };
        format!(
            "FROM incidents i {join} events e ON e.incident_id = i.id
             LEFT JOIN regulators r ON r.id = e.regulator_id WHERE {}{keyed}",
            self.clause
        )
    }

    fn params(&self) -> rusqlite::ParamsFromIter<std::slice::Iter<'_, Value>> {
        rusqlite::params_from_iter(self.values.iter())
    }

    /// Incidents, records and people per group.
    fn counts(&self) -> Result<Vec<StatsRow>> {
        let (key, link) = (self.by.key_sql(), self.by.link_sql());
        let sql = format!(
            "SELECT key, link, count(*), sum(coalesce(records, 0)), sum(coalesce(users, 0))
             FROM (SELECT DISTINCT {key} AS key, {link} AS link, i.id,
                          i.records_affected AS records, i.users_affected AS users
                   {})
             GROUP BY key, link",
            self.tables(false)
        );
        let mut stmt = self.store.conn.prepare(&sql)?;
        let rows = stmt.query_map(self.params(), |r| {
            Ok(StatsRow {
                key: r.get(0)?,
                id: r.get(1)?,
                incidents: r.get(2)?,
                records_affected: r.get(3)?,
                users_affected: r.get(4)?,
                fines: Amounts::new(),
                proposed_fines: Amounts::new(),
                settlements: Amounts::new(),
                median_days_to_fine: None,
                days_to_fine_incidents: 0,
                median_days_to_disclose: None,
                days_to_disclose_incidents: 0,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Fines, proposed fines and settlements per group and currency.
    fn add_money(&self, rows: &mut [StatsRow]) -> Result<()> {
        let (key, link) = (self.by.key_sql(), self.by.link_sql());
        let sql = format!(
            "SELECT {key}, {link}, e.kind, e.currency, sum(e.amount_minor) {}
               AND e.kind IN ('fined', 'proposed_fine', 'settled') AND e.amount_minor IS NOT NULL
             GROUP BY 1, 2, 3, 4",
            self.tables(true)
        );
        let mut stmt = self.store.conn.prepare(&sql)?;
        let found = stmt.query_map(self.params(), |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, EventKind>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?;
        let at = index_of(rows);
        for row in found {
            let (key, link, kind, currency, minor) = row?;
            let Some(&i) = at.get(&(key, link)) else {
                continue;
            };
            let amounts = match kind {
                EventKind::Fined => &mut rows[i].fines,
                EventKind::ProposedFine => &mut rows[i].proposed_fines,
                _ => &mut rows[i].settlements,
            };
            amounts.insert(currency.clone(), major_as_json(minor, &currency));
        }
        Ok(())
    }

    /// Median days to fine and to disclose per group.
    fn add_durations(&self, rows: &mut [StatsRow]) -> Result<()> {
        let starts = self.incident_starts()?;
        let mut to_fine: HashMap<Group, Vec<i64>> = HashMap::new();
        let mut to_disclose: HashMap<Group, Vec<i64>> = HashMap::new();
        for (group, incident, fined) in self.first_fines()? {
            let start = starts.get(&incident).and_then(|s| s.disclosed_or_findings);
            if let Some(days) = start.and_then(|s| days_between(s, fined)) {
                to_fine.entry(group).or_default().push(days);
            }
        }
        for (group, incident) in self.members()? {
            let s = starts.get(&incident);
            let span = s.and_then(|s| Some((s.started?, s.disclosed?)));
            if let Some(days) = span.and_then(|(a, b)| days_between(a, b)) {
                to_disclose.entry(group).or_default().push(days);
            }
        }
        for row in rows.iter_mut() {
            let group = (row.key.clone(), row.id);
            if let Some(days) = to_fine.get_mut(&group) {
                row.days_to_fine_incidents = days.len();
                row.median_days_to_fine = median(days);
            }
            if let Some(days) = to_disclose.get_mut(&group) {
                row.days_to_disclose_incidents = days.len();
                row.median_days_to_disclose = median(days);
            }
        }
        Ok(())
    }

    /// Each group's incidents.
    fn members(&self) -> Result<Vec<(Group, i64)>> {
        let (key, link) = (self.by.key_sql(), self.by.link_sql());
        let sql = format!("SELECT DISTINCT {key}, {link}, i.id {}", self.tables(false));
        let mut stmt = self.store.conn.prepare(&sql)?;
        let rows = stmt.query_map(self.params(), |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The first fine of each incident in each group, known to the day or month.
    fn first_fines(&self) -> Result<Vec<(Group, i64, chrono::NaiveDate)>> {
        let (key, link) = (self.by.key_sql(), self.by.link_sql());
        let sql = format!(
            "SELECT {key}, {link}, i.id, min(e.date) {}
               AND e.kind = 'fined' AND e.precision IN ('day', 'month')
             GROUP BY 1, 2, 3",
            self.tables(true)
        );
        let mut stmt = self.store.conn.prepare(&sql)?;
        let rows = stmt.query_map(self.params(), |r| {
            Ok(((r.get(0)?, r.get(1)?), r.get(2)?, r.get::<_, String>(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (group, incident, date) = row?;
            if let Some(day) = first_day(&date) {
                out.push((group, incident, day));
            }
        }
        Ok(out)
    }

    /// For every selected incident: when it started, was first disclosed, and
    /// first disclosed or had findings published (day or month precision only).
    fn incident_starts(&self) -> Result<HashMap<i64, Starts>> {
        let sql = format!(
            "SELECT i.id, e.kind, min(e.date) FROM incidents i JOIN events e ON e.incident_id = i.id
             WHERE {} AND e.kind IN ('started', 'disclosed', 'findings_published')
               AND e.precision IN ('day', 'month')
             GROUP BY i.id, e.kind",
            self.clause
        );
        let mut stmt = self.store.conn.prepare(&sql)?;
        let rows = stmt.query_map(self.params(), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, EventKind>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut starts: HashMap<i64, Starts> = HashMap::new();
        for row in rows {
            let (incident, kind, date) = row?;
            let Some(day) = first_day(&date) else {
                continue;
            };
            let s = starts.entry(incident).or_default();
            match kind {
                EventKind::Started => s.started = Some(day),
                EventKind::Disclosed => s.disclosed = Some(day),
                _ => {}
            }
            if kind != EventKind::Started {
                s.disclosed_or_findings = Some(s.disclosed_or_findings.map_or(day, |d| d.min(day)));
            }
        }
        Ok(starts)
    }
}

/// The dates one incident's durations start from.
#[derive(Debug, Default, Clone, Copy)]
struct Starts {
    started: Option<chrono::NaiveDate>,
    disclosed: Option<chrono::NaiveDate>,
    disclosed_or_findings: Option<chrono::NaiveDate>,
}

/// Row positions by (key, id).
fn index_of(rows: &[StatsRow]) -> HashMap<Group, usize> {
    rows.iter()
        .enumerate()
        .map(|(i, r)| ((r.key.clone(), r.id), i))
        .collect()
}

/// The first day a stored date covers (`2024-08` → 1 August 2024).
fn first_day(date: &str) -> Option<chrono::NaiveDate> {
    Some(PartialDate::parse("date", date).ok()?.span().0)
}

/// Days from `a` to `b`; a fine before its disclosure (data to check) is left out.
fn days_between(a: chrono::NaiveDate, b: chrono::NaiveDate) -> Option<i64> {
    let days = (b - a).num_days();
    (days >= 0).then_some(days)
}

/// The median, rounded down between the two middle values.
fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2
    })
}

/// How many incidents have a count of records (or people) with `digits`
/// digits: 10^(digits-1) up to 10^digits - 1, a log scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeBucket {
    pub digits: u32,
    pub records: i64,
    pub people: i64,
}

/// Durations of a range of days: how many incidents took that long.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DurationBucket {
    pub label: &'static str,
    /// First and last day of the range (`None`: no upper end).
    pub from_days: i64,
    pub to_days: Option<i64>,
    pub to_disclose: usize,
    pub to_fine: usize,
}

/// The ranges durations are shown in: short ones finely, long ones coarsely.
const DURATION_RANGES: [(&str, i64, Option<i64>); 7] = [
    ("under 1 month", 0, Some(30)),
    ("1–3 months", 31, Some(91)),
    ("3–6 months", 92, Some(182)),
    ("6–12 months", 183, Some(365)),
    ("1–2 years", 366, Some(730)),
    ("2–5 years", 731, Some(1826)),
    ("over 5 years", 1827, None),
];

/// Everything the Overview shows for one set of filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub incidents: i64,
    pub by_year: Vec<StatsRow>,
    pub by_regulator: Vec<StatsRow>,
    pub by_country: Vec<StatsRow>,
    pub sizes: Vec<SizeBucket>,
    pub durations: Vec<DurationBucket>,
    /// Incidents each duration chart rests on.
    pub to_disclose_incidents: usize,
    pub to_fine_incidents: usize,
}

impl Store {
    /// The Overview's charts under the list's filters.
    pub fn overview(&self, filter: &ListQuery) -> Result<Overview> {
        let (clause, values) = filter.filter(self)?;
        let whole = Selection {
            store: self,
            by: StatsBy::Company,
            clause,
            values,
        };
        let (to_disclose, to_fine) = whole.durations()?;
        Ok(Overview {
            incidents: self.count_incidents(filter)?,
            by_year: self.stats(StatsBy::Year, filter)?.rows,
            by_regulator: self.stats(StatsBy::Regulator, filter)?.rows,
            by_country: self.stats(StatsBy::Country, filter)?.rows,
            sizes: whole.sizes()?,
            durations: duration_buckets(&to_disclose, &to_fine),
            to_disclose_incidents: to_disclose.len(),
            to_fine_incidents: to_fine.len(),
        })
    }
}

impl Selection<'_> {
    /// Incidents by the number of digits of their records and of their people.
    fn sizes(&self) -> Result<Vec<SizeBucket>> {
        let mut buckets: BTreeMap<u32, SizeBucket> = BTreeMap::new();
        for (column, is_records) in [("records_affected", true), ("users_affected", false)] {
            let sql = format!(
                "SELECT length(CAST(i.{column} AS TEXT)), count(*) FROM incidents i
                 WHERE {} AND i.{column} > 0 GROUP BY 1",
                self.clause
            );
            let mut stmt = self.store.conn.prepare(&sql)?;
            let rows = stmt.query_map(self.params(), |r| {
                Ok((r.get::<_, u32>(0)?, r.get::<_, i64>(1)?))
            })?;
            for row in rows {
                let (digits, n) = row?;
                let b = buckets.entry(digits).or_insert(SizeBucket {
                    digits,
                    records: 0,
                    people: 0,
                });
                if is_records {
                    b.records = n;
                } else {
                    b.people = n;
                }
            }
        }
        Ok(buckets.into_values().collect())
    }

    /// Every selected incident's days from start to disclosure and from
    /// disclosure or findings to its first fine.
    fn durations(&self) -> Result<(Vec<i64>, Vec<i64>)> {
        let starts = self.incident_starts()?;
        let to_disclose = starts
            .values()
            .filter_map(|s| days_between(s.started?, s.disclosed?))
            .collect();
        let sql = format!(
            "SELECT i.id, min(e.date) FROM incidents i JOIN events e ON e.incident_id = i.id
             WHERE {} AND e.kind = 'fined' AND e.precision IN ('day', 'month') GROUP BY i.id",
            self.clause
        );
        let mut stmt = self.store.conn.prepare(&sql)?;
        let rows = stmt.query_map(self.params(), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut to_fine = Vec::new();
        for row in rows {
            let (incident, date) = row?;
            let start = starts.get(&incident).and_then(|s| s.disclosed_or_findings);
            if let Some(days) = start
                .zip(first_day(&date))
                .and_then(|(a, b)| days_between(a, b))
            {
                to_fine.push(days);
            }
        }
        Ok((to_disclose, to_fine))
    }
}

/// Counts durations into [`DURATION_RANGES`].
fn duration_buckets(to_disclose: &[i64], to_fine: &[i64]) -> Vec<DurationBucket> {
    let within =
        |days: &i64, from: i64, to: Option<i64>| *days >= from && to.is_none_or(|t| *days <= t);
    DURATION_RANGES
        .iter()
        .map(|&(label, from_days, to_days)| DurationBucket {
            label,
            from_days,
            to_days,
            to_disclose: to_disclose
                .iter()
                .filter(|d| within(d, from_days, to_days))
                .count(),
            to_fine: to_fine
                .iter()
                .filter(|d| within(d, from_days, to_days))
                .count(),
        })
        .collect()
}
