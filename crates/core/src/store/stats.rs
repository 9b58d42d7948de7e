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
use crate::store::lookup::regulator_label;
use crate::store::Store;
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
    /// Whether a group holds events (year, regulator, kind) rather than
    /// whole incidents.
    fn by_event(self) -> bool {
        matches!(self, StatsBy::Year | StatsBy::Regulator | StatsBy::Kind)
    }

    /// The group an event of `incident` falls in (groupings by event), or
    /// the incident's group.
    fn group(self, incident: &Incident, event: Option<&Event>) -> Option<Group> {
        match (self, event) {
            (StatsBy::Year, Some(e)) => Some((Some(e.date.get(..4)?.to_string()), None)),
            (StatsBy::Regulator, Some(e)) => e.regulator.map(|id| (None, Some(id))),
            (StatsBy::Kind, Some(e)) => Some((Some(e.kind.as_str().to_string()), None)),
            (StatsBy::Country, _) => Some((incident.country.clone(), None)),
            (StatsBy::Company, _) => {
                Some((Some(incident.company.clone()), Some(incident.company_id)))
            }
            _ => None,
        }
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
        let mut grouping = Grouping::new(by);
        let incidents = self.each_incident(filter, |incident| grouping.add(incident))?;
        Ok(Stats {
            by,
            incidents,
            rows: grouping.rows(&self.regulator_labels()?),
        })
    }

    /// Calls `f` with every incident `filter` selects and its events, in one
    /// pass over the data; returns how many there were.
    fn each_incident(&self, filter: &ListQuery, mut f: impl FnMut(&Incident)) -> Result<i64> {
        let (clause, values) = filter.filter(self)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT i.id, i.country, i.company_name, i.company_id, i.records_affected, i.users_affected,
                    e.kind, e.date, e.precision, e.regulator_id, e.amount_minor, e.currency
             FROM incidents i LEFT JOIN events e ON e.incident_id = i.id
             WHERE {clause} ORDER BY i.id"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
        let mut current: Option<Incident> = None;
        let mut count = 0;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if current.as_ref().is_none_or(|c| c.id != id) {
                if let Some(done) = current.take() {
                    f(&done);
                }
                count += 1;
                current = Some(Incident {
                    id,
                    country: r.get(1)?,
                    company: r.get(2)?,
                    company_id: r.get(3)?,
                    records: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
                    users: r.get::<_, Option<i64>>(5)?.unwrap_or(0),
                    events: Vec::new(),
                });
            }
            if let (Some(incident), Some(kind)) =
                (current.as_mut(), r.get::<_, Option<EventKind>>(6)?)
            {
                let date: String = r.get(7)?;
                let exact = matches!(
                    r.get_ref(8)?,
                    rusqlite::types::ValueRef::Text(b"day" | b"month")
                );
                incident.events.push(Event {
                    kind,
                    day: if exact { first_day(&date) } else { None },
                    date,
                    regulator: r.get(9)?,
                    amount: r
                        .get::<_, Option<i64>>(10)?
                        .zip(r.get::<_, Option<String>>(11)?),
                });
            }
        }
        if let Some(done) = current {
            f(&done);
        }
        Ok(count)
    }

    /// Every regulator's label, as events show it.
    fn regulator_labels(&self) -> Result<HashMap<i64, String>> {
        let mut stmt = self.conn.prepare(concat!(
            "SELECT r.id, ",
            regulator_label!(),
            " FROM regulators r"
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// One selected incident as the statistics read it.
struct Incident {
    id: i64,
    country: Option<String>,
    company: String,
    company_id: i64,
    records: i64,
    users: i64,
    events: Vec<Event>,
}

/// One of its events.
struct Event {
    kind: EventKind,
    date: String,
    /// Its first day when it is known to the day or the month (usable for
    /// durations).
    day: Option<chrono::NaiveDate>,
    regulator: Option<i64>,
    /// Minor units and currency.
    amount: Option<(i64, String)>,
}

impl Incident {
    /// Days from the start of the breach to its first disclosure.
    fn days_to_disclose(&self) -> Option<i64> {
        let started = first_exact(&[EventKind::Started], self.events.iter())?;
        let disclosed = first_exact(&[EventKind::Disclosed], self.events.iter())?;
        days_between(started, disclosed)
    }

    /// Days from the first disclosure or published findings to the first
    /// fine among `events`.
    fn days_to_fine<'a>(&self, events: impl Iterator<Item = &'a Event>) -> Option<i64> {
        let fined = first_exact(&[EventKind::Fined], events)?;
        let start = first_exact(
            &[EventKind::Disclosed, EventKind::FindingsPublished],
            self.events.iter(),
        )?;
        days_between(start, fined)
    }
}

/// The first day of the first of `events` of one of `kinds` known to the day or month.
fn first_exact<'a>(
    kinds: &[EventKind],
    events: impl Iterator<Item = &'a Event>,
) -> Option<chrono::NaiveDate> {
    events
        .filter(|e| kinds.contains(&e.kind))
        .filter_map(|e| e.day)
        .min()
}

/// What one group gathers while the incidents go by.
#[derive(Default)]
struct Tally {
    incidents: i64,
    records: i64,
    users: i64,
    /// Minor units per (kind, currency).
    money: BTreeMap<(EventKind, String), i64>,
    to_fine: Vec<i64>,
    to_disclose: Vec<i64>,
}

/// The groups of one grouping, filled one incident at a time.
struct Grouping {
    by: StatsBy,
    tallies: HashMap<Group, Tally>,
}

impl Grouping {
    fn new(by: StatsBy) -> Grouping {
        Grouping {
            by,
            tallies: HashMap::new(),
        }
    }

    /// Adds an incident to each group it belongs to, with the group's events.
    fn add(&mut self, incident: &Incident) {
        let mut groups: BTreeMap<Group, Vec<&Event>> = BTreeMap::new();
        if self.by.by_event() {
            for e in &incident.events {
                if let Some(g) = self.by.group(incident, Some(e)) {
                    groups.entry(g).or_default().push(e);
                }
            }
        } else if let Some(g) = self.by.group(incident, None) {
            groups.insert(g, incident.events.iter().collect());
        }
        let to_disclose = incident.days_to_disclose();
        for (group, events) in groups {
            let t = self.tallies.entry(group).or_default();
            t.incidents += 1;
            t.records = t.records.saturating_add(incident.records);
            t.users = t.users.saturating_add(incident.users);
            for e in &events {
                let money = matches!(
                    e.kind,
                    EventKind::Fined | EventKind::ProposedFine | EventKind::Settled
                );
                if let (true, Some((minor, currency))) = (money, &e.amount) {
                    let sum = t.money.entry((e.kind, currency.clone())).or_default();
                    *sum = sum.saturating_add(*minor);
                }
            }
            t.to_fine
                .extend(incident.days_to_fine(events.iter().copied()));
            t.to_disclose.extend(to_disclose);
        }
    }

    /// The rows, largest first (years in order); a regulator's key is its label.
    fn rows(self, labels: &HashMap<i64, String>) -> Vec<StatsRow> {
        let by = self.by;
        let mut rows: Vec<StatsRow> = self
            .tallies
            .into_iter()
            .map(|((key, id), t)| {
                let key = match by {
                    StatsBy::Regulator => id.and_then(|id| labels.get(&id).cloned()),
                    _ => key,
                };
                t.into_row(key, id)
            })
            .collect();
        if by == StatsBy::Year {
            rows.sort_by(|a, b| a.key.cmp(&b.key));
        } else {
            rows.sort_by(|a, b| b.incidents.cmp(&a.incidents).then(a.key.cmp(&b.key)));
        }
        rows
    }
}

impl Tally {
    fn into_row(mut self, key: Option<String>, id: Option<i64>) -> StatsRow {
        let amounts = |kind: EventKind| -> Amounts {
            self.money
                .iter()
                .filter(|((k, _), _)| *k == kind)
                .map(|((_, c), minor)| (c.clone(), major_as_json(*minor, c)))
                .collect()
        };
        StatsRow {
            key,
            id,
            incidents: self.incidents,
            records_affected: self.records,
            users_affected: self.users,
            fines: amounts(EventKind::Fined),
            proposed_fines: amounts(EventKind::ProposedFine),
            settlements: amounts(EventKind::Settled),
            median_days_to_fine: median(&mut self.to_fine),
            days_to_fine_incidents: self.to_fine.len(),
            median_days_to_disclose: median(&mut self.to_disclose),
            days_to_disclose_incidents: self.to_disclose.len(),
        }
    }
}

/// How many incidents have a count of records (or people) with `digits`
/// digits: 10^(digits-1) up to 10^digits - 1, a log scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeBucket {
    pub digits: u32,
    /// The smallest and the largest count with that many digits, as the
    /// list's size filters take them.
    pub from: i64,
    pub to: i64,
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
    /// The Overview's charts under the list's filters, in one pass over the data.
    pub fn overview(&self, filter: &ListQuery) -> Result<Overview> {
        let mut years = Grouping::new(StatsBy::Year);
        let mut regulators = Grouping::new(StatsBy::Regulator);
        let mut countries = Grouping::new(StatsBy::Country);
        let mut sizes: BTreeMap<u32, SizeBucket> = BTreeMap::new();
        let (mut to_disclose, mut to_fine) = (Vec::new(), Vec::new());
        let incidents = self.each_incident(filter, |incident| {
            years.add(incident);
            regulators.add(incident);
            countries.add(incident);
            add_size(&mut sizes, incident);
            to_disclose.extend(incident.days_to_disclose());
            to_fine.extend(incident.days_to_fine(incident.events.iter()));
        })?;
        let labels = self.regulator_labels()?;
        Ok(Overview {
            incidents,
            by_year: years.rows(&labels),
            by_regulator: regulators.rows(&labels),
            by_country: countries.rows(&labels),
            sizes: sizes.into_values().collect(),
            durations: duration_buckets(&to_disclose, &to_fine),
            to_disclose_incidents: to_disclose.len(),
            to_fine_incidents: to_fine.len(),
        })
    }
}

/// Counts the incident in the buckets of its records and of its people (by digits).
fn add_size(sizes: &mut BTreeMap<u32, SizeBucket>, incident: &Incident) {
    for (n, records) in [(incident.records, true), (incident.users, false)] {
        if n <= 0 {
            continue;
        }
        let digits = n.to_string().len() as u32;
        let b = sizes.entry(digits).or_insert(SizeBucket {
            digits,
            from: 10_i64.pow(digits - 1),
            to: 10_i64.saturating_pow(digits).saturating_sub(1),
            records: 0,
            people: 0,
        });
        if records {
            b.records += 1;
        } else {
            b.people += 1;
        }
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
