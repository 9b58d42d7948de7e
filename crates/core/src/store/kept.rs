//! The kept columns of an incident: what the list shows and sorts by and what
//! the incidents CSV exports (company name, regulators, first and latest
//! event, money per currency, the five source columns, the event count),
//! computed here in Rust from the incident's parts and written by the one
//! writer with every save. A list page or an export is then one scan of
//! `incidents`, with nothing to aggregate per row.

use crate::error::Result;
use crate::model::EventKind;
use crate::money;
use rusqlite::{params, Connection};
use std::collections::BTreeMap;

/// One event as far as the kept columns need it.
pub(crate) struct EventPart<'a> {
    pub kind: EventKind,
    pub date: &'a str,
    pub amount: Option<(i64, &'a str)>,
    /// The regulator as the list names it: its short name, else its name.
    pub regulator: Option<&'a str>,
}

/// One source of the incident as stored: url, title, publisher, published,
/// language.
pub(crate) type SourceRow = [Option<String>; 5];

/// The kept columns of one incident.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Kept {
    pub company_name: String,
    pub regulators: String,
    pub first_event: Option<String>,
    pub latest_event: Option<String>,
    pub fines: Option<String>,
    pub proposed_fines: Option<String>,
    pub settlements: Option<String>,
    pub sources: [Option<String>; 5],
    pub event_count: i64,
}

impl Kept {
    /// The kept columns from the incident's company name, events (any order)
    /// and sources (in the incident's order).
    pub fn of(company: &str, events: &[EventPart], sources: &[SourceRow]) -> Kept {
        let mut regulators: Vec<&str> = events.iter().filter_map(|e| e.regulator).collect();
        regulators.sort_unstable();
        regulators.dedup();
        Kept {
            company_name: company.to_string(),
            regulators: regulators.join(", "),
            first_event: events.iter().map(|e| e.date).min().map(str::to_string),
            latest_event: events.iter().map(|e| e.date).max().map(str::to_string),
            fines: money_of(events, EventKind::Fined),
            proposed_fines: money_of(events, EventKind::ProposedFine),
            settlements: money_of(events, EventKind::Settled),
            sources: std::array::from_fn(|column| source_column(sources, column)),
            event_count: events.len() as i64,
        }
    }
}

/// Money of one kind of event per currency, currencies in order:
/// "EUR 1200000000; KRW 9600000"; none when no such event has an amount.
fn money_of(events: &[EventPart], kind: EventKind) -> Option<String> {
    let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
    for e in events.iter().filter(|e| e.kind == kind) {
        if let Some((minor, currency)) = e.amount {
            let sum = sums.entry(currency).or_default();
            *sum = sum.saturating_add(minor);
        }
    }
    if sums.is_empty() {
        return None;
    }
    let cells: Vec<String> = sums
        .iter()
        .map(|(c, m)| format!("{c} {}", money::format_major(*m, c)))
        .collect();
    Some(cells.join("; "))
}

/// One of the five source columns: a line per source; none without sources.
fn source_column(sources: &[SourceRow], column: usize) -> Option<String> {
    if sources.is_empty() {
        return None;
    }
    let lines: Vec<&str> = sources
        .iter()
        .map(|s| s[column].as_deref().unwrap_or(""))
        .collect();
    Some(lines.join("\n"))
}

/// Writes `kept` on incident `id`.
pub(crate) fn write(conn: &Connection, id: i64, kept: &Kept) -> Result<()> {
    let [urls, titles, publishers, published, languages] = &kept.sources;
    conn.prepare_cached(
        "UPDATE incidents SET company_name = ?2, regulators = ?3, first_event = ?4,
            latest_event = ?5, fines = ?6, proposed_fines = ?7, settlements = ?8,
            source_urls = ?9, source_titles = ?10, source_publishers = ?11,
            source_published = ?12, source_languages = ?13, event_count = ?14
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        kept.company_name,
        kept.regulators,
        kept.first_event,
        kept.latest_event,
        kept.fines,
        kept.proposed_fines,
        kept.settlements,
        urls,
        titles,
        publishers,
        published,
        languages,
        kept.event_count
    ])?;
    Ok(())
}

/// The kept columns of stored incident `id`, read back from its parts.
pub(crate) fn load(conn: &Connection, id: i64) -> Result<Kept> {
    let company: String = conn
        .prepare_cached(
            "SELECT c.name FROM incidents i JOIN companies c ON c.id = i.company_id WHERE i.id = ?1",
        )?
        .query_row([id], |r| r.get(0))?;
    let mut stmt = conn.prepare_cached(
        "SELECT e.kind, e.date, e.amount_minor, e.currency, coalesce(r.short_name, r.name)
         FROM events e LEFT JOIN regulators r ON r.id = e.regulator_id WHERE e.incident_id = ?1",
    )?;
    type Row = (
        EventKind,
        String,
        Option<i64>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = stmt
        .query_map([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let events: Vec<EventPart> = rows
        .iter()
        .map(|(kind, date, minor, currency, regulator)| EventPart {
            kind: *kind,
            date,
            amount: minor.zip(currency.as_deref()),
            regulator: regulator.as_deref(),
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT s.url, s.title, s.publisher, s.published, s.language
         FROM incident_sources l JOIN sources s ON s.id = l.source_id
         WHERE l.incident_id = ?1 ORDER BY l.position",
    )?;
    let sources: Vec<SourceRow> = stmt
        .query_map([id], |r| {
            Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Kept::of(&company, &events, &sources))
}

/// Recomputes and writes the kept columns of stored incident `id`.
pub(crate) fn refresh(conn: &Connection, id: i64) -> Result<()> {
    let kept = load(conn, id)?;
    write(conn, id, &kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::IncidentInput;

    const KEPT_COLUMNS: &str = "company_name, regulators, first_event, latest_event, fines, \
        proposed_fines, settlements, source_urls, source_titles, source_publishers, \
        source_published, source_languages, event_count";

    fn kept_table(store: &Store) -> Vec<Vec<rusqlite::types::Value>> {
        let mut stmt = store
            .conn
            .prepare(&format!("SELECT {KEPT_COLUMNS} FROM incidents ORDER BY id"))
            .unwrap();
        stmt.query_map([], |r| (0..13).map(|i| r.get(i)).collect())
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// What the writer computes in Rust equals what migration 7 computed in
    /// SQL for databases written before it, on generated data of every shape
    /// (currencies with 0, 2 and 3 decimals, several sources, no events).
    #[test]
    fn the_writer_and_migration_7_agree() {
        let mut store = Store::open_in_memory().unwrap();
        store.generate(400, 7, &mut |_| {}).unwrap();
        store.load_sample_data("t").unwrap();
        let written = kept_table(&store);
        let sql = include_str!("migrations/0007_export_columns.sql");
        let fill = &sql[sql.find("CREATE TEMP TABLE").unwrap()..];
        #[allow(clippy::disallowed_methods)] // the migration's own batch, re-run
        store.conn.execute_batch(fill).unwrap();
        assert_eq!(kept_table(&store), written);
        assert!(written.iter().any(|r| r[4] != rusqlite::types::Value::Null));
    }

    /// A source cited by two incidents: details added through one show in the
    /// other's kept columns too.
    #[test]
    fn a_shared_source_refreshes_every_incident_citing_it() {
        let mut store = Store::open_in_memory().unwrap();
        let input = |title: &str, source_title: Option<&str>| {
            IncidentInput::from_value(serde_json::json!({
                "company": "Acme", "title": title, "status": "reported",
                "sources": [{"url": "https://news.example/a", "title": source_title}]
            }))
            .unwrap()
        };
        let first = store.create_incident(&input("One", None), "t").unwrap();
        store
            .create_incident(&input("Two", Some("Leak at Acme")), "t")
            .unwrap();
        let titles: Option<String> = store
            .conn
            .query_row(
                "SELECT source_titles FROM incidents WHERE id = ?1",
                [first.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(titles.as_deref(), Some("Leak at Acme"));
    }

    fn event<'a>(
        kind: EventKind,
        date: &'a str,
        amount: Option<(i64, &'a str)>,
        regulator: Option<&'a str>,
    ) -> EventPart<'a> {
        EventPart {
            kind,
            date,
            amount,
            regulator,
        }
    }

    #[test]
    fn money_is_summed_per_currency_in_major_units() {
        let events = [
            event(
                EventKind::Fined,
                "2024-05-01",
                Some((150, "EUR")),
                Some("CNIL"),
            ),
            event(EventKind::Fined, "2024", Some((5_000, "KRW")), Some("PIPC")),
            event(EventKind::Fined, "2024-06", Some((50, "EUR")), Some("CNIL")),
            event(
                EventKind::ProposedFine,
                "2023-01-02",
                Some((7, "USD")),
                None,
            ),
            event(EventKind::Disclosed, "2022-12", None, None),
        ];
        let kept = Kept::of("Acme", &events, &[]);
        assert_eq!(kept.fines.as_deref(), Some("EUR 2; KRW 5000"));
        assert_eq!(kept.proposed_fines.as_deref(), Some("USD 0.07"));
        assert_eq!(kept.settlements, None);
        assert_eq!(kept.regulators, "CNIL, PIPC");
        assert_eq!(kept.first_event.as_deref(), Some("2022-12"));
        assert_eq!(kept.latest_event.as_deref(), Some("2024-06"));
        assert_eq!(kept.event_count, 5);
    }

    #[test]
    fn sources_are_lines_in_order_with_blanks_kept() {
        let sources = [
            [
                Some("https://a.example/1".into()),
                Some("First".into()),
                None,
                None,
                None,
            ],
            [
                Some("https://b.example/2".into()),
                None,
                Some("Daily".into()),
                None,
                None,
            ],
        ];
        let kept = Kept::of("Acme", &[], &sources);
        assert_eq!(
            kept.sources[0].as_deref(),
            Some("https://a.example/1\nhttps://b.example/2")
        );
        assert_eq!(kept.sources[1].as_deref(), Some("First\n"));
        assert_eq!(kept.sources[2].as_deref(), Some("\nDaily"));
        assert_eq!(kept.first_event, None);
        assert_eq!(Kept::of("Acme", &[], &[]).sources[0], None);
    }
}
