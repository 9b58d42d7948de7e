//! `incidents stats` and the filters every reading command shares with the
//! app's list (company, regulator, country, kind, status, dates, words).

use clap::Args;
use incidents_core::model::EventKind;
use incidents_core::store::list::parse_status_filter;
use incidents_core::store::stats::{Amounts, Stats, StatsBy};
use incidents_core::{Error, ListQuery, Store};
use std::io::Write;

/// The list's filters, as flags.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Part of a company name or alias
    #[arg(long)]
    pub company: Option<String>,
    /// A regulator acting in the incident (name, short name or alias)
    #[arg(long)]
    pub regulator: Option<String>,
    /// A country (code or name)
    #[arg(long)]
    pub country: Option<String>,
    /// Only incidents with an event of this kind (fined, disclosed, …)
    #[arg(long)]
    pub kind: Option<String>,
    /// A status keyword (reported, under_investigation, …)
    #[arg(long)]
    pub status: Option<String>,
    /// Only incidents with an event on or after this date
    #[arg(long)]
    pub from: Option<String>,
    /// Only incidents with an event on or before this date
    #[arg(long)]
    pub to: Option<String>,
    /// Words to find in company, title, summary, counterparty and notes
    #[arg(long)]
    pub text: Option<String>,
}

impl FilterArgs {
    /// The list query these flags ask for, each keyword checked.
    pub fn query(self) -> Result<ListQuery, Error> {
        let kind = match self.kind.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(k) => Some(EventKind::parse("kind", k)?),
        };
        Ok(ListQuery {
            company: self.company,
            regulator: self.regulator,
            country: self.country,
            kind,
            status: parse_status_filter(self.status.as_deref())?,
            from: self.from,
            to: self.to,
            text: self.text,
            ..Default::default()
        })
    }
}

/// Prints the statistics of `by` as a table, or as JSON rows.
pub fn run(store: &Store, by: &str, filters: FilterArgs, json: bool) -> Result<(), Error> {
    let by = StatsBy::parse("by", by)?;
    let stats = store.stats(by, &filters.query()?)?;
    if json {
        crate::print_json(&stats.rows)
    } else {
        print_table(&stats)
    }
}

fn print_table(stats: &Stats) -> Result<(), Error> {
    outln!(
        "{:<28} {:>9} {:>14} {:>14}  {:<32} {}",
        stats.by.label(),
        "incidents",
        "records",
        "people",
        "fines",
        "median days to fine (incidents)"
    );
    for r in &stats.rows {
        let median = r
            .median_days_to_fine
            .map(|d| format!("{d} ({})", r.days_to_fine_incidents))
            .unwrap_or_else(|| "-".into());
        outln!(
            "{:<28} {:>9} {:>14} {:>14}  {:<32} {median}",
            r.key.as_deref().unwrap_or("(none)"),
            r.incidents,
            r.records_affected,
            r.users_affected,
            amounts_text(&r.fines)
        );
    }
    outln!("{} incidents match the filters", stats.incidents);
    Ok(())
}

/// "EUR 1200000000; KRW 5968000000", or "-".
fn amounts_text(amounts: &Amounts) -> String {
    if amounts.is_empty() {
        return "-".into();
    }
    let parts: Vec<String> = amounts.iter().map(|(c, v)| format!("{c} {v}")).collect();
    parts.join("; ")
}
