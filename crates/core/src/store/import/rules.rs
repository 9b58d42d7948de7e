//! What an import decides for an incident before it is stored: the regulator
//! each name means (or creates), the country its regulators share, a status
//! from its latest event, a title made from what is known, and the incident an
//! earlier import of the same file made under the same key.

use super::{ImportOptions, ImportReport, UnknownRegulator};
use crate::error::{Error, Result};
use crate::model::{EventKind, IncidentInput, Status};
use crate::store::incidents::party_of;
use crate::store::lookup;
use crate::store::lookup::regulator_label;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

/// What a regulator name in the file came to.
#[derive(Debug, Clone)]
pub(super) enum Resolution {
    Known(i64),
    Unknown,
    /// Known to be a problem of the row: ambiguous, or not to be created.
    Problem(crate::Message),
}

/// Regulator names already resolved in this import, by (name, country).
#[derive(Debug, Default)]
pub(super) struct Regulators {
    seen: HashMap<(String, Option<String>), Resolution>,
}

/// The status an incident's latest telling event gives it.
pub(super) fn status_from_events(input: &IncidentInput) -> Option<Status> {
    let rank = |kind: EventKind| -> Option<Status> {
        Some(match kind {
            EventKind::Fined | EventKind::CorrectiveOrder => Status::Sanctioned,
            EventKind::Settled => Status::Settled,
            EventKind::Appealed => Status::Appealed,
            EventKind::Closed => Status::Closed,
            EventKind::ProposedFine | EventKind::FindingsPublished | EventKind::CourtRuling => {
                Status::FindingsPublished
            }
            EventKind::InvestigationOpened | EventKind::ReportedToRegulator => {
                Status::UnderInvestigation
            }
            _ => return None,
        })
    };
    input
        .events
        .iter()
        .enumerate()
        .filter_map(|(n, e)| {
            let kind = EventKind::parse("kind", &e.kind).ok()?;
            Some((e.date.clone(), n, rank(kind)?))
        })
        .max_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)))
        .map(|(_, _, s)| s)
}

/// "Fine by UODO, 2019", "Breach at Adobe, 2013": a title from what is known.
pub(super) fn made_title(input: &IncidentInput, regulator: Option<&str>) -> String {
    let main = input
        .events
        .iter()
        .find(|e| e.amount.is_some() || e.regulator.is_some())
        .or_else(|| input.events.first());
    let year = main
        .map(|e| e.date.get(..4).unwrap_or("").to_string())
        .filter(|y| !y.is_empty());
    let kind = main.and_then(|e| EventKind::parse("kind", &e.kind).ok());
    let named = party_of(&input.company).is_none() && !input.company.trim().is_empty();
    let head = match (kind, regulator) {
        (Some(EventKind::Fined), Some(r)) => format!("Fine by {r}"),
        (Some(EventKind::ProposedFine), Some(r)) => format!("Proposed fine by {r}"),
        (
            Some(
                k @ (EventKind::Settled
                | EventKind::CorrectiveOrder
                | EventKind::FindingsPublished
                | EventKind::InvestigationOpened
                | EventKind::CourtRuling),
            ),
            Some(r),
        ) => format!("{} by {r}", k.label()),
        (Some(EventKind::Fined), None) => "Fine".to_string(),
        _ if named => format!("Breach at {}", input.company.trim()),
        _ => "Incident".to_string(),
    };
    match year {
        Some(y) => format!("{head}, {y}"),
        None => head,
    }
}

impl Regulators {
    /// Resolves every regulator name of `input` to `#id`, creating unknown
    /// ones when asked; an unknown name is returned as the row's problem.
    pub(super) fn resolve(
        &mut self,
        conn: &Connection,
        input: &mut IncidentInput,
        options: &ImportOptions,
        actor: &str,
        report: &mut ImportReport,
    ) -> Result<Vec<(usize, crate::Message)>> {
        let country = input
            .country
            .as_deref()
            .and_then(crate::countries::country_code);
        let mut problems = Vec::new();
        for (n, event) in input.events.iter_mut().enumerate() {
            let Some(name) = event.regulator.clone() else {
                continue;
            };
            let key = (name.trim().to_string(), country.map(str::to_string));
            let resolution = match self.seen.get(&key) {
                Some(r) => r.clone(),
                None => {
                    let r = resolve_one(conn, &name, country, options, actor, report)?;
                    self.seen.insert(key, r.clone());
                    r
                }
            };
            match resolution {
                Resolution::Known(id) => event.regulator = Some(unique_label(conn, id, country)?),
                Resolution::Unknown => {
                    note_unknown(report, &name, country);
                    problems.push((n, unknown_message(conn, &name)?));
                }
                Resolution::Problem(message) => problems.push((n, message)),
            }
        }
        Ok(problems)
    }
}

/// The regulator's short name when that alone finds it again, else `#id`.
fn unique_label(conn: &Connection, id: i64, country: Option<&str>) -> Result<String> {
    let label = regulator_label(conn, &format!("#{id}"))?.unwrap_or_default();
    Ok(if lookup::matches(conn, &label, country)? == [id] {
        label
    } else {
        format!("#{id}")
    })
}

fn resolve_one(
    conn: &Connection,
    name: &str,
    country: Option<&str>,
    options: &ImportOptions,
    actor: &str,
    report: &mut ImportReport,
) -> Result<Resolution> {
    if let Some((_, chosen)) = options
        .regulator_choices
        .iter()
        .find(|(n, _)| n.trim() == name.trim())
    {
        if !chosen.trim().is_empty() {
            return as_resolution(lookup::resolve_regulator(
                conn,
                "regulator",
                chosen,
                country,
            ));
        }
        return as_resolution(create(conn, name, country, actor, report));
    }
    match lookup::matches(conn, name, country)?.as_slice() {
        [id] => Ok(Resolution::Known(*id)),
        [] if options.create_regulators => {
            as_resolution(create(conn, name, country, actor, report))
        }
        [] => Ok(Resolution::Unknown),
        // Ambiguous: the store's own resolution says why, on the row.
        _ => as_resolution(lookup::resolve_regulator(conn, "regulator", name, country)),
    }
}

/// A validation failure becomes the row's problem; anything else stops.
fn as_resolution(found: Result<i64>) -> Result<Resolution> {
    match found {
        Ok(id) => Ok(Resolution::Known(id)),
        Err(e @ Error::Validation { .. }) => Ok(Resolution::Problem(e.into_message())),
        Err(e) => Err(e),
    }
}

fn create(
    conn: &Connection,
    name: &str,
    country: Option<&str>,
    actor: &str,
    report: &mut ImportReport,
) -> Result<i64> {
    let country = country.ok_or_else(|| {
        Error::invalid(
            "regulator",
            crate::msg!(
                "error.regulator_no_country",
                "'{name}' is not known and the row gives no country to create it with; map a \
                 country column",
                name = name.trim()
            ),
        )
    })?;
    let (long, short) = match lookup::split_bracket(name) {
        Some((long, short)) => (long, Some(short)),
        None => (name.trim(), None),
    };
    let id = crate::store::registry::insert_regulator(conn, long, short, country, actor)?;
    report.created_regulators.push(match short {
        Some(s) => format!("{long} ({s}, {country})"),
        None => format!("{long} ({country})"),
    });
    Ok(id)
}

fn note_unknown(report: &mut ImportReport, name: &str, country: Option<&str>) {
    match report
        .unknown_regulators
        .iter_mut()
        .find(|u| u.name == name.trim())
    {
        Some(u) => u.rows += 1,
        None => report.unknown_regulators.push(UnknownRegulator {
            name: name.trim().to_string(),
            rows: 1,
            closest: Vec::new(),
            country: country.map(str::to_string),
        }),
    }
}

fn unknown_message(conn: &Connection, name: &str) -> Result<crate::Message> {
    let near = lookup::suggestions(conn, name)?;
    Ok(if near.is_empty() {
        crate::msg!(
            "error.import_unknown_regulator",
            "unknown regulator '{name}'; import with --create-regulators to add it",
            name = name.trim()
        )
    } else {
        crate::msg!(
            "error.import_unknown_regulator_near",
            "unknown regulator '{name}' (closest known: {near}); import with \
             --create-regulators to add it",
            name = name.trim(),
            near = near.join(", ")
        )
    })
}

/// Fills the closest names of each unknown regulator, once per name.
pub(super) fn suggest_unknown(conn: &Connection, report: &mut ImportReport) -> Result<()> {
    for u in &mut report.unknown_regulators {
        u.closest = lookup::suggestions(conn, &u.name)?;
    }
    Ok(())
}

/// The country all of an incident's regulators share (national bodies; an
/// EU-wide one says nothing of the country).
pub(super) fn country_of_regulators(
    conn: &Connection,
    input: &IncidentInput,
) -> Result<Option<String>> {
    let mut found: Option<String> = None;
    for e in &input.events {
        let Some(name) = e.regulator.as_deref() else {
            continue;
        };
        let [id] = lookup::matches(conn, name, None)?[..] else {
            continue;
        };
        let country: String =
            conn.query_row("SELECT country FROM regulators WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        if country == "EU" {
            continue;
        }
        match &found {
            Some(c) if *c != country => return Ok(None),
            _ => found = Some(country),
        }
    }
    Ok(found)
}

/// The short name (or name) of a regulator written as `#id`.
pub(super) fn regulator_label(conn: &Connection, text: &str) -> Result<Option<String>> {
    let Some(id) = text.strip_prefix('#') else {
        return Ok(Some(text.to_string()));
    };
    Ok(conn
        .query_row(
            concat!(
                "SELECT ",
                regulator_label!(),
                " FROM regulators r WHERE r.id = ?1"
            ),
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

/// A column left unmapped whose values name regulators (the notifying
/// agency of a breach chronology: `CA`, `HHS`), when no column is mapped to
/// the regulator: most of its sampled values must name exactly one.
pub(super) fn regulator_column(
    conn: &Connection,
    fields: &[super::Field],
    samples: &[Vec<String>],
) -> Result<Option<usize>> {
    // A regulator acts on a date: without a date column no event could
    // carry it (a population table's State column is no regulator).
    if fields.contains(&super::Field::Regulator) || !fields.contains(&super::Field::EventDate) {
        return Ok(None);
    }
    for (i, field) in fields.iter().enumerate() {
        if *field != super::Field::Ignore {
            continue;
        }
        let values: Vec<&str> = samples
            .iter()
            .filter_map(|r| r.get(i).map(|v| v.trim()))
            .filter(|v| !crate::numbers::is_placeholder(v) && v.chars().count() <= 120)
            .collect();
        if values.len() < 3 {
            continue;
        }
        let mut named = 0;
        for v in &values {
            if lookup::matches(conn, v, None)?.len() == 1 {
                named += 1;
            }
        }
        if named * 10 >= values.len() * 8 {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// The incident an earlier import of this layout made for `key`.
pub(super) fn keyed_incident(conn: &Connection, layout: &str, key: &str) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT k.incident_id FROM import_keys k JOIN incidents i ON i.id = k.incident_id
         WHERE k.layout = ?1 AND k.key = ?2 AND i.deleted_at IS NULL",
    )?;
    Ok(stmt
        .query_row(params![layout, key], |r| r.get(0))
        .optional()?)
}

/// Remembers that `key` of this layout became `incident`.
pub(super) fn remember_key(
    conn: &Connection,
    layout: &str,
    key: &str,
    incident: i64,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR REPLACE INTO import_keys (layout, key, incident_id) VALUES (?1, ?2, ?3)",
    )?;
    stmt.execute(params![layout, key, incident])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventInput;
    use crate::money::AmountText;

    fn event(kind: &str, date: &str) -> EventInput {
        EventInput {
            kind: kind.into(),
            date: date.into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_latest_telling_event_gives_the_status() {
        let mut i = IncidentInput {
            events: vec![event("started", "2019-01"), event("fined", "2020-03-01")],
            ..Default::default()
        };
        assert_eq!(status_from_events(&i), Some(Status::Sanctioned));
        i.events.push(event("settled", "2021"));
        assert_eq!(status_from_events(&i), Some(Status::Settled));
        i.events = vec![event("disclosed", "2020")];
        assert_eq!(status_from_events(&i), None);
    }

    #[test]
    fn a_made_title_says_what_is_known() {
        let mut fine = event("fined", "2019-10-18");
        fine.amount = Some(AmountText("9380".into()));
        let i = IncidentInput {
            company: "Unknown".into(),
            events: vec![fine],
            ..Default::default()
        };
        assert_eq!(made_title(&i, Some("UODO")), "Fine by UODO, 2019");
        let breach = IncidentInput {
            company: "Adobe".into(),
            events: vec![event("started", "2013-10-04")],
            ..Default::default()
        };
        assert_eq!(made_title(&breach, None), "Breach at Adobe, 2013");
        assert_eq!(made_title(&IncidentInput::default(), None), "Incident");
    }
}
