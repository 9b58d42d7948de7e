//! Where each column of a file goes: proposed from its header (in several
//! languages and the layouts of common trackers), checked against its values
//! (a `name` column that holds countries is a country column), overridden by
//! the analyst, and reported whole — a column left out whose values look like
//! money, counts or dates is a warning, never a silent drop.

use super::Field;
use crate::datetext::parse_date_cell;
use crate::error::{Error, Result};
use crate::model::EventKind;
use crate::numbers::{is_placeholder, parse_count, parse_money};
use crate::store::export::unneutralise;
use std::collections::HashSet;

/// Header words that suggest a field, compared after folding case, spaces and
/// punctuation. Our own export's column names come first; a more specific
/// header (`source_url`) is listed before a loose one (`source`).
#[rustfmt::skip]
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::IncidentKey, &["id", "incidentid", "incidentkey", "recordid", "caseid", "etid"]),
    (Field::Company, &["company", "organisation", "organization", "org", "orgname", "organizationname", "organisationname", "normalizedorgname", "entity", "companyname", "entityname", "controller", "nameofcompany", "affectedorganization", "business", "name", "breachedentity", "finedparty", "회사", "기업", "업체", "公司", "企业"]),
    (Field::Title, &["title", "incident", "headline", "incidenttitle", "subject", "제목", "标题"]),
    (Field::Summary, &["summary", "description", "details", "breachdetails", "incidentdetails", "content", "내용", "描述", "摘要"]),
    (Field::Counterparty, &["counterparty", "recipient", "receivedby", "thirdparty", "datarecipient"]),
    (Field::Country, &["country", "jurisdiction", "nation", "countrycode", "국가", "国家"]),
    (Field::Status, &["status", "state", "상태", "状态"]),
    (Field::RecordsAffected, &["recordsaffected", "records", "recordslost", "numberofrecords", "recordsexposed", "rows", "totalaffected", "pwncount", "accountsaffected", "건수", "记录数"]),
    (Field::UsersAffected, &["usersaffected", "people", "peopleaffected", "individuals", "individualsaffected", "residentsaffected", "users", "customers", "accounts", "affected", "victims", "인원", "피해자", "人数", "用户数"]),
    (Field::SourceUrl, &["sourceurls", "sourceurl", "url", "link", "links", "sourcelink", "reference", "references", "source", "sources", "출처", "来源"]),
    (Field::SourceTitle, &["sourcetitles", "sourcetitle", "articletitle"]),
    (Field::SourcePublisher, &["sourcepublishers", "sourcepublisher", "publisher", "outlet"]),
    (Field::SourcePublished, &["sourcepublished", "publicationdate", "published"]),
    (Field::SourceLanguage, &["sourcelanguages", "sourcelanguage", "language", "lang"]),
    (Field::EventKind, &["eventkind", "kind", "eventtype"]),
    (Field::EventDate, &["eventdate", "date", "dateofdecision", "dateoffine", "decisiondate", "finedate", "reporteddate", "datereported", "breachdate", "startdate", "enddate", "endbreachdate", "breachend", "noticedate", "notificationdate", "discoverydate", "datediscovered", "announced", "날짜", "일자", "日期"]),
    (Field::Regulator, &["regulator", "authority", "dpa", "supervisoryauthority", "agency", "enforcer", "regulatorname", "규제기관", "监管机构"]),
    (Field::Amount, &["amount", "fine", "fineamount", "penalty", "finesum", "fineeur", "fineusd", "price", "sanction", "과징금", "罚款"]),
    (Field::Currency, &["currency", "cur", "통화", "币种"]),
    (Field::Note, &["note", "notes", "comment", "comments", "remarks"]),
    (Field::EventSource, &["eventsource"]),
    // Columns our export writes for people, derived from the rest.
    (Field::Ignore, &["regulators", "firstevent", "latestevent", "fines", "proposedfines", "settlements", "createdat", "updatedat", "eventprecision"]),
];

/// The event kind a date header implies: a breach date is when it started.
#[rustfmt::skip]
const DATE_KINDS: &[(EventKind, &[&str])] = &[
    (EventKind::Started, &["breachdate", "startdate", "datebreached", "breachstart", "incidentdate"]),
    (EventKind::Ceased, &["enddate", "endbreachdate", "breachend", "dateended"]),
    (EventKind::Discovered, &["discoverydate", "datediscovered"]),
    (EventKind::Disclosed, &["reporteddate", "datereported", "noticedate", "notificationdate", "announced"]),
];

pub(super) fn header_key(header: &str) -> String {
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

/// The event kind a date column's header implies, if any.
pub fn implied_kind(header: &str) -> Option<EventKind> {
    let key = header_key(header);
    DATE_KINDS
        .iter()
        .find(|(_, words)| words.contains(&key.as_str()))
        .map(|(k, _)| *k)
}

/// What a column's sampled values look like.
#[derive(Debug, Default, Clone, Copy)]
struct Looks {
    values: usize,
    countries: usize,
    urls: usize,
    money: usize,
    counts: usize,
    dates: usize,
}

fn looks(samples: &[Vec<String>], column: usize) -> Looks {
    let mut l = Looks::default();
    for row in samples {
        let v = row.get(column).map(|v| v.trim()).unwrap_or("");
        if is_placeholder(v) {
            continue;
        }
        l.values += 1;
        if crate::countries::country_code(v).is_some() && v.chars().count() > 2 {
            l.countries += 1;
        }
        let lower = v.to_ascii_lowercase();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            l.urls += 1;
        }
        if matches!(parse_money(v), Ok(Some((_, Some(_))))) {
            l.money += 1;
        }
        if matches!(parse_count(v), Ok(Some(_))) {
            l.counts += 1;
        }
        if matches!(parse_date_cell(v, None), Ok(Some(_))) || v.contains('/') && v.len() == 10 {
            l.dates += 1;
        }
    }
    l
}

/// How many sampled values of a column read as a status.
fn statuses(samples: &[Vec<String>], column: usize) -> usize {
    samples
        .iter()
        .filter_map(|r| r.get(column))
        .filter(|v| !is_placeholder(v) && super::status_from_text(v).is_some())
        .count()
}

fn most(part: usize, of: usize) -> bool {
    of > 0 && part * 10 >= of * 7
}

/// The proposed field of each column, checked against its values.
fn proposals(headers: &[String], samples: &[Vec<String>]) -> Vec<Field> {
    let mut fields: Vec<Field> = headers
        .iter()
        .map(|h| propose_field(h).unwrap_or(Field::Ignore))
        .collect();
    for (i, f) in fields.iter_mut().enumerate() {
        let l = looks(samples, i);
        match *f {
            // A "name" column of country names is the country.
            Field::Company if most(l.countries, l.values) => *f = Field::Country,
            // A bare "source" that holds no addresses is not the source URL.
            Field::SourceUrl if l.values > 0 && l.urls == 0 => *f = Field::Ignore,
            // A "state" of US states (WY, CA) is not the incident's status.
            Field::Status if !most(statuses(samples, i), l.values) => *f = Field::Ignore,
            _ => {}
        }
    }
    // A field proposed for two columns keeps the first (dates excepted: each
    // date column can be an event of its own); the user can override.
    let mut seen = HashSet::new();
    for f in fields.iter_mut() {
        if *f != Field::Ignore && *f != Field::EventDate && !seen.insert(*f) {
            *f = Field::Ignore;
        }
    }
    fields
}

fn column_index(headers: &[String], source: &str) -> Result<usize> {
    match source.trim().parse::<usize>() {
        Ok(n) if n >= 1 && n <= headers.len() => Ok(n - 1),
        _ => headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(source.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    "map",
                    crate::msg!(
                        "error.no_column",
                        "no column '{source}' in the file; its columns are: {columns}",
                        source = source,
                        columns = headers.join(", ")
                    ),
                )
            }),
    }
}

/// Each column's field and, for date columns, the kind of its events.
pub(super) struct Resolved {
    pub fields: Vec<Field>,
    pub kinds: Vec<Option<EventKind>>,
}

/// The mapping of `headers`: proposals checked against `samples`, then the
/// analyst's overrides and date kinds.
pub(super) fn resolve(
    headers: &[String],
    samples: &[Vec<String>],
    overrides: &[(String, Field)],
    date_kinds: &[(String, EventKind)],
) -> Result<Resolved> {
    let mut fields = proposals(headers, samples);
    for (source, field) in overrides {
        let index = column_index(headers, source)?;
        if *field != Field::Ignore && *field != Field::EventDate {
            for f in fields.iter_mut() {
                if f == field {
                    *f = Field::Ignore;
                }
            }
        }
        fields[index] = *field;
    }
    let mut kinds: Vec<Option<EventKind>> = headers
        .iter()
        .zip(&fields)
        .map(|(h, f)| (*f == Field::EventDate).then(|| implied_kind(h)).flatten())
        .collect();
    for (source, kind) in date_kinds {
        let index = column_index(headers, source)?;
        fields[index] = Field::EventDate;
        kinds[index] = Some(*kind);
    }
    Ok(Resolved { fields, kinds })
}

/// The columns of our incidents CSV that sum up events it does not carry.
const SUMMARY_COLUMNS: &[&str] = &[
    "regulators",
    "first_event",
    "latest_event",
    "fines",
    "proposed_fines",
    "settlements",
    "created_at",
    "updated_at",
];

/// Our incidents CSV (one row per incident), told by its summary columns.
fn is_incidents_export(headers: &[String]) -> bool {
    let has = |name: &str| headers.iter().any(|h| h == name);
    has("id") && has("first_event") && has("latest_event") && has("fines")
}

/// Warnings for columns left out whose values look like data that matters.
pub(super) fn unmapped_warnings(
    headers: &[String],
    fields: &[Field],
    samples: &[Vec<String>],
) -> Vec<String> {
    let mut warnings = Vec::new();
    let summary = is_incidents_export(headers);
    if summary && has_events(headers, samples) {
        // Mapping a summary column would not bring the events back: say what does.
        warnings.push(
            "this is an incidents export (one row per incident): its dates, regulators and \
             money columns sum up events the file does not hold, so its incidents come in \
             without events; to move incidents with their events, export them as events-csv"
                .to_string(),
        );
    }
    for (i, h) in headers.iter().enumerate() {
        let summed_up = summary && SUMMARY_COLUMNS.contains(&h.as_str());
        if fields[i] != Field::Ignore || h.trim().is_empty() || summed_up {
            continue;
        }
        let l = looks(samples, i);
        let what = if most(l.money, l.values) {
            Some(("amounts", "amount"))
        } else if most(l.dates, l.values) {
            Some(("dates", "event_date"))
        } else if most(l.counts, l.values) {
            Some(("counts", "records_affected"))
        } else {
            None
        };
        if let Some((what, field)) = what {
            let examples: Vec<&str> = samples
                .iter()
                .filter_map(|r| r.get(i).map(|v| v.trim()))
                .filter(|v| !is_placeholder(v))
                .take(3)
                .collect();
            warnings.push(format!(
                "column '{h}' is not imported, but its values look like {what} (e.g. {}); map it with --map '{h}={field}' if it matters",
                examples.join(", ")
            ));
        }
    }
    warnings
}

/// Whether any sampled row of an incidents export names an event date.
fn has_events(headers: &[String], samples: &[Vec<String>]) -> bool {
    let Some(first) = headers.iter().position(|h| h == "first_event") else {
        return false;
    };
    samples
        .iter()
        .any(|r| r.get(first).is_some_and(|v| !is_placeholder(v.trim())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn headers_map_to_fields_in_several_languages() {
        assert_eq!(propose_field("Company Name"), Some(Field::Company));
        assert_eq!(propose_field("Date of Decision"), Some(Field::EventDate));
        assert_eq!(propose_field("Fine [€]"), Some(Field::Amount));
        assert_eq!(propose_field("Controller/Processor"), None);
        assert_eq!(propose_field("회사"), Some(Field::Company));
        assert_eq!(propose_field("\u{feff}id"), Some(Field::IncidentKey));
        assert_eq!(propose_field("source_urls"), Some(Field::SourceUrl));
        assert_eq!(propose_field("org_name"), Some(Field::Company));
        assert_eq!(propose_field("PwnCount"), Some(Field::RecordsAffected));
        assert_eq!(
            propose_field("residents_affected"),
            Some(Field::UsersAffected)
        );
    }

    #[test]
    fn values_overrule_a_header_that_misleads() {
        let states: Vec<String> = ["company", "state"].iter().map(|s| s.to_string()).collect();
        let by_state = resolve(&states, &rows(&[&["A", "WY"], &["B", "CA"]]), &[], &[]).unwrap();
        assert_eq!(by_state.fields, [Field::Company, Field::Ignore]);
        let by_status = resolve(
            &states,
            &rows(&[&["A", "Settled"], &["B", "closed"]]),
            &[],
            &[],
        )
        .unwrap();
        assert_eq!(by_status.fields, [Field::Company, Field::Status]);
        let headers: Vec<String> = ["name", "controller", "source", "source_url", "price"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let samples = rows(&[
            &[
                "Poland ",
                "Acme sp. z o.o.",
                "CA",
                "https://a.example/1",
                "9380",
            ],
            &["Spain", "Beta SA", "HHS", "None", "20000"],
        ]);
        let r = resolve(&headers, &samples, &[], &[]).unwrap();
        assert_eq!(
            r.fields,
            [
                Field::Country,
                Field::Company,
                Field::Ignore,
                Field::SourceUrl,
                Field::Amount
            ]
        );
    }

    #[test]
    fn several_date_columns_each_carry_their_kind() {
        let headers: Vec<String> = [
            "org_name",
            "reported_date",
            "breach_date",
            "end_breach_date",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let r = resolve(&headers, &[], &[], &[]).unwrap();
        assert_eq!(r.fields[1..], [Field::EventDate; 3]);
        assert_eq!(
            r.kinds[1..],
            [
                Some(EventKind::Disclosed),
                Some(EventKind::Started),
                Some(EventKind::Ceased)
            ]
        );
        let chosen = resolve(
            &headers,
            &[],
            &[],
            &[("reported_date".to_string(), EventKind::ReportedToRegulator)],
        )
        .unwrap();
        assert_eq!(chosen.kinds[1], Some(EventKind::ReportedToRegulator));
    }

    /// Our own incidents CSV: one warning that its events are not in it, not
    /// a misleading "map fines to amount" per summary column.
    #[test]
    fn an_incidents_export_warns_once_that_its_events_stay_behind() {
        let headers: Vec<String> = [
            "id",
            "company",
            "first_event",
            "latest_event",
            "fines",
            "created_at",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let ignore = [
            Field::IncidentKey,
            Field::Company,
            Field::Ignore,
            Field::Ignore,
            Field::Ignore,
            Field::Ignore,
        ];
        let samples = rows(&[&[
            "1",
            "A",
            "2021-04",
            "2024-05-01",
            "KRW 5000",
            "2026-01-01T00:00:00Z",
        ]]);
        let w = unmapped_warnings(&headers, &ignore, &samples);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("events-csv"), "{}", w[0]);
        let no_dates = rows(&[&["1", "A", "", "", "", "2026-01-01T00:00:00Z"]]);
        assert!(unmapped_warnings(&headers, &ignore, &no_dates).is_empty());
    }

    #[test]
    fn a_left_out_column_of_amounts_is_a_warning_with_examples() {
        let headers: Vec<String> = ["company", "Fine total"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let samples = rows(&[&["A", "€9,380"], &["B", "EUR 20,000"]]);
        let w = unmapped_warnings(&headers, &[Field::Company, Field::Ignore], &samples);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("'Fine total'") && w[0].contains("€9,380"),
            "{}",
            w[0]
        );
    }
}
