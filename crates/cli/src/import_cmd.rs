//! `incidents import`: the flags, the mapping they describe, and the report.

use crate::cli_text;
use incidents_core::datetext::DateOrder;
use incidents_core::model::{EventKind, Status};
use incidents_core::store::import::{Field, ImportOptions, ImportReport};
use incidents_core::{Error, Store};
use std::io::Write;
use std::path::PathBuf;

/// Shown under `incidents import --help`.
pub const FIELDS_HELP: &str = "Fields a column can be mapped to (--map COLUMN=FIELD):
  company, title, summary, counterparty, country, status, records_affected,
  users_affected, source_url, source_title, source_publisher, source_published,
  source_language, event_date[:KIND], event_kind, regulator, amount, currency,
  note, event_source, incident_key, ignore
Event kinds (event_date:KIND, --event-kind): started, ceased, discovered, disclosed,
  reported_to_regulator, investigation_opened, findings_published, proposed_fine,
  fined, corrective_order, settled, appealed, court_ruling, closed, other
Example: --map 'breach_date=event_date:started,reported_date=event_date:disclosed,id=incident_key'";

#[derive(clap::Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// Column mappings, e.g. "Organisation=company,Fine=amount"; a column
    /// may be named by its header or its 1-based number; a date column may
    /// name the kind of its events: "breach_date=event_date:started"
    #[arg(long, value_name = "SRC=field,...")]
    map: Option<String>,
    /// Order of day and month in dates such as 03/04/2024
    #[arg(long, value_name = "dmy|mdy|ymd")]
    date_order: Option<String>,
    /// Field delimiter (detected when left out)
    #[arg(long)]
    delimiter: Option<char>,
    /// Kind of the event each row carries (default: fined when an amount
    /// column is mapped, otherwise disclosed)
    #[arg(long)]
    event_kind: Option<String>,
    /// Currency of amounts written without one (EUR, KRW, …)
    #[arg(long, value_name = "CUR")]
    default_currency: Option<String>,
    /// Status of incidents whose row gives none (default: from the latest
    /// event — a fine makes it sanctioned, a settlement settled …)
    #[arg(long)]
    status: Option<String>,
    /// Create the regulators the file names that are not known yet
    #[arg(long)]
    create_regulators: bool,
    /// Import the good rows and set the failing ones aside (see --rejects);
    /// without it the import is all rows or none
    #[arg(long)]
    skip_invalid: bool,
    /// With --skip-invalid: write the rows set aside, with row and problem, here
    #[arg(long, value_name = "FILE")]
    rejects: Option<PathBuf>,
    /// Merge rows that duplicate a stored incident into it instead of skipping
    #[arg(long)]
    merge: bool,
    /// Check every row and show what would be stored, without writing
    #[arg(long)]
    pub dry_run: bool,
    /// Print the report (and any error) as JSON
    #[arg(long)]
    json: bool,
}

/// "Organisation=company,breach_date=event_date:started" → mappings and the
/// kinds of date columns; a column name may hold spaces.
/// Column → field mappings, and column → kind of its dated events.
type Mapping = (Vec<(String, Field)>, Vec<(String, EventKind)>);

fn parse_map(text: Option<&str>) -> Result<Mapping, Error> {
    let mut fields = Vec::new();
    let mut kinds = Vec::new();
    for pair in text
        .unwrap_or("")
        .split(',')
        .filter(|p| !p.trim().is_empty())
    {
        let (source, target) = pair
            .rsplit_once('=')
            .ok_or_else(|| Error::invalid("map", cli_text(format!("'{pair}' is not SRC=field"))))?;
        let source = source.trim().to_string();
        match target.split_once(':') {
            Some((field, kind)) => {
                if Field::parse_mapping(field)? != Field::EventDate {
                    return Err(Error::invalid(
                        "map",
                        cli_text(format!(
                            "'{pair}': only event_date takes a kind (event_date:KIND)"
                        )),
                    ));
                }
                kinds.push((source, EventKind::parse("map", kind.trim())?));
            }
            None => fields.push((source, Field::parse_mapping(target)?)),
        }
    }
    Ok((fields, kinds))
}

/// Checks the flags before any database is opened (or created).
pub fn check(args: &ImportArgs) -> Result<(), Error> {
    options(args).map(drop)
}

fn options(args: &ImportArgs) -> Result<ImportOptions, Error> {
    if args.skip_invalid && args.rejects.is_none() && !args.dry_run {
        return Err(Error::invalid(
            "rejects",
            cli_text("--skip-invalid needs --rejects FILE: the rows set aside are written there to fix and import again"),
        ));
    }
    if args.rejects.is_some() && !args.skip_invalid {
        return Err(Error::invalid(
            "rejects",
            cli_text("--rejects goes with --skip-invalid (without it nothing is imported when a row fails)"),
        ));
    }
    let (mapping, date_kinds) = parse_map(args.map.as_deref())?;
    Ok(ImportOptions {
        delimiter: args.delimiter,
        mapping,
        date_kinds,
        date_order: args
            .date_order
            .as_deref()
            .map(|o| {
                DateOrder::parse(o).ok_or_else(|| {
                    Error::invalid(
                        "date-order",
                        cli_text(format!("'{o}' is not dmy, mdy or ymd")),
                    )
                })
            })
            .transpose()?,
        event_kind: args
            .event_kind
            .as_deref()
            .map(|k| EventKind::parse("event-kind", k))
            .transpose()?,
        default_currency: args
            .default_currency
            .as_deref()
            .map(|c| incidents_core::money::parse_currency("default-currency", c))
            .transpose()?,
        status: args
            .status
            .as_deref()
            .map(|s| Status::parse("status", s))
            .transpose()?,
        create_regulators: args.create_regulators,
        skip_invalid: args.skip_invalid,
        rejects: args.rejects.clone(),
        merge_duplicates: args.merge,
        dry_run: args.dry_run,
        preview: if args.dry_run { 5 } else { 0 },
        ..Default::default()
    })
}

/// Runs the import and prints its report; a failed all-or-nothing import is
/// an error (exit 2), with `--json` as a JSON object too.
pub fn run(store: &mut Store, args: ImportArgs, who: &str) -> Result<(), Error> {
    let result = options(&args).and_then(|o| store.import_csv(&args.file, &o, who, &mut |_| {}));
    let report = match result {
        Ok(r) => r,
        Err(e) if args.json => {
            let text = serde_json::json!({ "error": e }).to_string();
            let _ = writeln!(std::io::stdout().lock(), "{text}");
            return Err(e);
        }
        Err(e) => return Err(e),
    };
    if args.json {
        crate::print_json(&report)?;
    } else {
        print_report(&report, args.dry_run, args.skip_invalid)?;
    }
    // A dry run that sets rows aside would still import the rest: no failure.
    let would_import = args.dry_run && args.skip_invalid;
    if !report.committed && !report.errors.is_empty() && !would_import {
        let rows: std::collections::BTreeSet<u64> = report.errors.iter().map(|e| e.row).collect();
        return Err(Error::invalid(
            "file",
            cli_text(format!("{} rows failed; nothing was imported", rows.len())),
        ));
    }
    Ok(())
}

fn print_report(report: &ImportReport, dry_run: bool, skip_invalid: bool) -> Result<(), Error> {
    let mut err = std::io::stderr().lock();
    for e in &report.errors {
        writeln!(err, "{e}")?;
    }
    let mut out = std::io::stdout().lock();
    for w in &report.warnings {
        writeln!(out, "warning: {w}")?;
    }
    print_decisions(&mut out, report)?;
    print_outcome(&mut out, report, dry_run, skip_invalid)
}

/// How each column was read and what the import decided about names.
fn print_decisions(out: &mut impl Write, report: &ImportReport) -> Result<(), Error> {
    for m in &report.mapping {
        let kind = m
            .kind
            .map(|k| format!(":{}", k.as_str()))
            .unwrap_or_default();
        writeln!(out, "column {:<28} → {}{kind}", m.column, m.field.name())?;
    }
    for u in &report.unknown_regulators {
        writeln!(
            out,
            "unknown regulator: {} ({} rows{}){}",
            u.name,
            u.rows,
            u.country
                .as_deref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default(),
            if u.closest.is_empty() {
                String::new()
            } else {
                format!("; closest known: {}", u.closest.join(", "))
            }
        )?;
    }
    if !report.created_regulators.is_empty() {
        writeln!(
            out,
            "{} regulators {}: {}",
            report.created_regulators.len(),
            if report.committed {
                "created"
            } else {
                "would be created"
            },
            report.created_regulators.join("; ")
        )?;
    }
    Ok(())
}

/// Duplicates, the preview and the totals.
fn print_outcome(
    out: &mut impl Write,
    report: &ImportReport,
    dry_run: bool,
    skip_invalid: bool,
) -> Result<(), Error> {
    for d in &report.duplicates {
        writeln!(
            out,
            "row {}: duplicate of incident #{} ({}); {}",
            d.row,
            d.existing_id,
            d.reason,
            if d.merged {
                "merged into it"
            } else {
                "skipped"
            }
        )?;
    }
    for p in &report.preview {
        writeln!(
            out,
            "preview: {} — {} ({} events)",
            p.company,
            p.title,
            p.events.len()
        )?;
    }
    if report.made_titles > 0 {
        writeln!(
            out,
            "{} titles were made from what the rows give",
            report.made_titles
        )?;
    }
    if let Some(file) = &report.rejects_file {
        writeln!(out, "{} rows set aside in {file}", report.rejected_rows)?;
    } else if report.rejected_rows > 0 {
        writeln!(out, "{} rows set aside", report.rejected_rows)?;
    }
    let verb = if report.committed {
        "imported"
    } else if dry_run && (report.errors.is_empty() || skip_invalid) {
        "would import"
    } else {
        "not imported"
    };
    writeln!(
        out,
        "{} rows read from {} lines: {verb} {} new incidents, {} updated, {} unchanged, {} merged, {} duplicates, {} errors",
        report.rows,
        report.lines,
        report.created,
        report.updated,
        report.unchanged,
        report.merged,
        report.duplicates.len(),
        report.errors.len()
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_reads_fields_and_date_kinds() {
        let (fields, kinds) = parse_map(Some(
            "Org Name=company, breach_date=event_date:started,id=incident_key",
        ))
        .unwrap();
        assert_eq!(
            fields,
            [
                ("Org Name".to_string(), Field::Company),
                ("id".to_string(), Field::IncidentKey)
            ]
        );
        assert_eq!(kinds, [("breach_date".to_string(), EventKind::Started)]);
        assert!(parse_map(Some("x=title:started")).is_err());
        assert!(parse_map(Some("x=event_date:soon")).is_err());
    }
}
