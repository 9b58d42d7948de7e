//! The incident model: what an analyst enters ([`IncidentInput`]), what the rules
//! turn it into ([`ValidIncident`]), and what the store gives back ([`Incident`]).

use crate::dates::{PartialDate, Precision};
use crate::error::{Error, Result};
use crate::money::{self, AmountText};
use serde::{Deserialize, Serialize};

/// The largest count of records or people accepted (10^13): above the number of
/// records any breach has ever been reported with, so a larger value is a typo.
pub const MAX_COUNT: i64 = 10_000_000_000_000;

/// Longest accepted text for a single-line field (company, title, counterparty).
pub const MAX_LINE_CHARS: usize = 500;
/// Longest accepted summary or note.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Events one incident may hold: far above any real case, low enough that one
/// incident never needs much memory.
pub const MAX_EVENTS: usize = 10_000;
/// Sources one incident may hold.
pub const MAX_SOURCES: usize = 1_000;
/// The largest JSON text read as one incident.
pub const MAX_JSON_BYTES: usize = 32 * 1024 * 1024;

use crate::keywords::keyword_enum;

keyword_enum!(
    /// Where an incident stands.
    Status, "status" {
        Reported => "reported", "Reported";
        UnderInvestigation => "under_investigation", "Under investigation";
        FindingsPublished => "findings_published", "Findings published";
        Sanctioned => "sanctioned", "Sanctioned";
        Appealed => "appealed", "Appealed";
        Settled => "settled", "Settled";
        Closed => "closed", "Closed";
    }
);

keyword_enum!(
    /// What happened on a dated event of the timeline.
    EventKind, "event kind" {
        Started => "started", "Started";
        Ceased => "ceased", "Ceased";
        Discovered => "discovered", "Discovered";
        Disclosed => "disclosed", "Disclosed";
        ReportedToRegulator => "reported_to_regulator", "Reported to regulator";
        InvestigationOpened => "investigation_opened", "Investigation opened";
        FindingsPublished => "findings_published", "Findings published";
        ProposedFine => "proposed_fine", "Proposed fine";
        Fined => "fined", "Fined";
        CorrectiveOrder => "corrective_order", "Corrective order";
        Settled => "settled", "Settled";
        Appealed => "appealed", "Appealed";
        CourtRuling => "court_ruling", "Court ruling";
        Closed => "closed", "Closed";
        Other => "other", "Other";
    }
);

/// An incident as typed in the editor or given to `incidents add --json`.
/// Company and regulators are referred to by name; the store resolves them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentInput {
    /// The organisation at fault.
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// Who received the data, if a separate organisation did.
    #[serde(default)]
    pub counterparty: Option<String>,
    /// ISO 3166-1 alpha-2 code of the main jurisdiction (`EU` accepted).
    #[serde(default)]
    pub country: Option<String>,
    /// A status keyword; `reported` when left out.
    #[serde(default)]
    pub status: Option<String>,
    /// A JSON number, or text such as `"54,200,000,000"` as typed in a form.
    #[serde(default, deserialize_with = "count_from_number_or_text")]
    pub records_affected: Option<i64>,
    #[serde(default, deserialize_with = "count_from_number_or_text")]
    pub users_affected: Option<i64>,
    #[serde(default)]
    pub events: Vec<EventInput>,
    #[serde(default)]
    pub sources: Vec<SourceInput>,
    /// The version read before editing; an update whose version is stale is a
    /// conflict instead of a silent overwrite.
    #[serde(default)]
    pub version: Option<i64>,
    /// Read-only keys that `list --json` prints; accepted and ignored so that
    /// its output can be added back as is, while a misspelt key is still refused.
    #[serde(default, skip_serializing)]
    pub id: Option<serde_json::Value>,
    #[serde(default, skip_serializing)]
    pub created_at: Option<serde_json::Value>,
    #[serde(default, skip_serializing)]
    pub updated_at: Option<serde_json::Value>,
}

/// One dated event as entered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub date: String,
    /// Regulator name, short name or alias.
    #[serde(default)]
    pub regulator: Option<String>,
    /// Amount in major units (`1200000000`, `"18.40"`).
    #[serde(default)]
    pub amount: Option<AmountText>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// URL of the source that reports this event.
    #[serde(default)]
    pub source: Option<String>,
    /// Read-only keys of `list --json` (the date carries its precision and
    /// `amount` is authoritative), accepted and ignored.
    #[serde(default, skip_serializing)]
    pub id: Option<serde_json::Value>,
    #[serde(default, skip_serializing)]
    pub precision: Option<serde_json::Value>,
    #[serde(default, skip_serializing)]
    pub regulator_name: Option<serde_json::Value>,
    #[serde(default, skip_serializing)]
    pub amount_minor: Option<serde_json::Value>,
}

/// A source document as entered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceInput {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    /// Language tag such as `en`, `ko`, `zh`.
    #[serde(default)]
    pub language: Option<String>,
    /// Read-only key of `list --json`, accepted and ignored.
    #[serde(default, skip_serializing)]
    pub id: Option<serde_json::Value>,
}

/// An incident that passed every rule that needs no database.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidIncident {
    pub company: String,
    pub title: String,
    pub summary: Option<String>,
    pub counterparty: Option<String>,
    pub country: Option<String>,
    pub status: Status,
    pub records_affected: Option<i64>,
    pub users_affected: Option<i64>,
    pub events: Vec<ValidEvent>,
    pub sources: Vec<ValidSource>,
    pub version: Option<i64>,
}

/// A checked event; the regulator is still a name until the store resolves it.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidEvent {
    pub kind: EventKind,
    pub date: PartialDate,
    pub regulator: Option<String>,
    /// Amount in minor units with its currency.
    pub amount: Option<(i64, String)>,
    pub note: Option<String>,
    pub source: Option<String>,
}

/// A checked source.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidSource {
    pub url: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    pub language: Option<String>,
}

/// Reads a count given as a JSON integer or as text with thousands separators
/// (`"40,000,000"`, `"40 000 000"`); empty text means unknown. A sign is kept so
/// that validation can say "must not be negative" rather than "not a number".
fn count_from_number_or_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(i64),
        Text(String),
        Other(serde_json::Value),
    }
    let raw: Option<Raw> = Option::deserialize(deserializer)?;
    match raw {
        None => Ok(None),
        Some(Raw::Number(n)) => Ok(Some(n)),
        Some(Raw::Text(t)) => {
            let cleaned: String = t
                .trim()
                .chars()
                .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
                .collect();
            if cleaned.is_empty() {
                return Ok(None);
            }
            let digits = cleaned.strip_prefix('-').unwrap_or(&cleaned);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(serde::de::Error::custom(format!(
                    "'{}' is not a whole number",
                    t.trim()
                )));
            }
            cleaned.parse::<i64>().map(Some).map_err(|_| {
                serde::de::Error::custom(format!("{} is above 10^13; check the figure", t.trim()))
            })
        }
        Some(Raw::Other(v)) => Err(serde::de::Error::custom(format!(
            "{v} is not a whole number"
        ))),
    }
}

impl IncidentInput {
    /// Reads the form the app sends; like [`IncidentInput::from_json`], a wrongly
    /// typed value is reported with its path.
    pub fn from_value(value: serde_json::Value) -> Result<IncidentInput> {
        serde_path_to_error::deserialize(value).map_err(path_error)
    }

    /// Reads the JSON shape of `incidents add --json`; a wrongly typed value is
    /// reported with its path (`events[0].amount`), like any other field error.
    /// Anything after the one object (a second object, stray text) is refused:
    /// only the first would otherwise be kept.
    pub fn from_json(text: &str) -> Result<IncidentInput> {
        if text.len() > MAX_JSON_BYTES {
            return Err(Error::invalid(
                "json",
                crate::msg!(
                    "error.json_too_large",
                    "is larger than {mb} MB",
                    mb = MAX_JSON_BYTES / (1024 * 1024)
                ),
            ));
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        let input: IncidentInput =
            serde_path_to_error::deserialize(&mut *de).map_err(path_error)?;
        de.end().map_err(|e| {
            Error::invalid(
                "json",
                crate::msg!(
                    "error.json_trailing",
                    "more follows the incident ({e}); give one JSON object",
                    e = e
                ),
            )
        })?;
        Ok(input)
    }

    /// Every broken rule of the input, not only the first: an import reports
    /// all the problems of a row at once.
    pub fn problems(&self) -> Vec<Error> {
        let mut found = Vec::new();
        let mut note = |r: Result<()>| {
            if let Err(e) = r {
                found.push(e);
            }
        };
        note(required_line("company", &self.company).map(drop));
        note(required_line("title", &self.title).map(drop));
        note(optional_text("summary", self.summary.as_deref(), MAX_TEXT_CHARS).map(drop));
        note(optional_line("counterparty", self.counterparty.as_deref()).map(drop));
        if let Some(c) = &self.country {
            note(parse_country("country", c).map(drop));
        }
        if let Some(s) = self
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            note(Status::parse("status", s).map(drop));
        }
        note(check_count("records_affected", self.records_affected).map(drop));
        note(check_count("users_affected", self.users_affected).map(drop));
        for (i, e) in self.events.iter().enumerate() {
            note(
                e.validate()
                    .map(drop)
                    .map_err(|err| err.within_item("events", i)),
            );
        }
        for (i, s) in self.sources.iter().enumerate() {
            note(
                s.validate()
                    .map(drop)
                    .map_err(|err| err.within_item("sources", i)),
            );
        }
        found
    }

    /// Applies every rule that needs no database. The first broken rule is
    /// returned with the path of its field.
    pub fn validate(&self) -> Result<ValidIncident> {
        let company = required_line("company", &self.company)?;
        let title = required_line("title", &self.title)?;
        let summary = optional_text("summary", self.summary.as_deref(), MAX_TEXT_CHARS)?;
        let counterparty = optional_line("counterparty", self.counterparty.as_deref())?;
        let country = self
            .country
            .as_deref()
            .map(|c| parse_country("country", c))
            .transpose()?
            .flatten();
        let status = match self.status.as_deref().map(str::trim) {
            None | Some("") => Status::Reported,
            Some(s) => Status::parse("status", s)?,
        };
        let records_affected = check_count("records_affected", self.records_affected)?;
        let users_affected = check_count("users_affected", self.users_affected)?;
        if self.events.len() > MAX_EVENTS {
            return Err(Error::invalid(
                "events",
                crate::msg!(
                    "error.too_many_events",
                    "{count} events are more than one incident may hold ({max})",
                    count = self.events.len(),
                    max = MAX_EVENTS
                ),
            ));
        }
        if self.sources.len() > MAX_SOURCES {
            return Err(Error::invalid(
                "sources",
                crate::msg!(
                    "error.too_many_sources",
                    "{count} sources are more than one incident may hold ({max})",
                    count = self.sources.len(),
                    max = MAX_SOURCES
                ),
            ));
        }
        let events = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| e.validate().map_err(|err| err.within_item("events", i)))
            .collect::<Result<Vec<_>>>()?;
        let mut sources = Vec::with_capacity(self.sources.len());
        for (i, s) in self.sources.iter().enumerate() {
            let valid = s.validate().map_err(|err| err.within_item("sources", i))?;
            if sources.iter().any(|v: &ValidSource| v.url == valid.url) {
                return Err(Error::invalid(
                    format!("sources[{i}].url"),
                    crate::msg!("error.source_twice", "this source is listed twice"),
                ));
            }
            sources.push(valid);
        }
        Ok(ValidIncident {
            company,
            title,
            summary,
            counterparty,
            country,
            status,
            records_affected,
            users_affected,
            events,
            sources,
            version: self.version,
        })
    }
}

impl EventInput {
    fn validate(&self) -> Result<ValidEvent> {
        let kind = EventKind::parse("kind", &self.kind)?;
        let date = PartialDate::parse("date", &self.date)?;
        let regulator = optional_line("regulator", self.regulator.as_deref())?;
        let amount_text = self
            .amount
            .as_ref()
            .map(|a| a.0.trim())
            .filter(|a| !a.is_empty());
        let currency = self
            .currency
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let amount = match (amount_text, currency) {
            (None, None) => None,
            (Some(_), None) => {
                return Err(Error::invalid(
                    "currency",
                    crate::msg!(
                        "error.amount_needs_currency",
                        "an amount needs its currency"
                    ),
                ))
            }
            (None, Some(_)) => {
                return Err(Error::invalid(
                    "amount",
                    crate::msg!(
                        "error.currency_without_amount",
                        "a currency was given without an amount"
                    ),
                ))
            }
            (Some(a), Some(c)) => {
                let code = money::parse_currency("currency", c)?;
                Some((money::to_minor_units("amount", a, &code)?, code))
            }
        };
        let note = optional_text("note", self.note.as_deref(), MAX_TEXT_CHARS)?;
        let source = self
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| check_url("source", s))
            .transpose()?;
        Ok(ValidEvent {
            kind,
            date,
            regulator,
            amount,
            note,
            source,
        })
    }
}

impl SourceInput {
    fn validate(&self) -> Result<ValidSource> {
        let url = check_url("url", self.url.trim())?;
        let published = self
            .published
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| PartialDate::parse("published", p))
            .transpose()?;
        let language = self
            .language
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let ok = l.len() <= 12
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && l.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
                if ok {
                    Ok(l.to_ascii_lowercase())
                } else {
                    Err(Error::invalid(
                        "language",
                        crate::msg!(
                            "error.language_tag",
                            "'{tag}' is not a language tag such as en, ko or zh",
                            tag = l
                        ),
                    ))
                }
            })
            .transpose()?;
        Ok(ValidSource {
            url,
            title: optional_line("title", self.title.as_deref())?,
            publisher: optional_line("publisher", self.publisher.as_deref())?,
            published,
            language,
        })
    }
}

fn path_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> Error {
    use crate::error::{FieldPath, Step};
    use serde_path_to_error::Segment;
    let steps: Vec<Step> = e
        .path()
        .iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Name(key.clone())),
            Segment::Enum { variant } => Some(Step::Name(variant.clone())),
            Segment::Unknown => None,
        })
        .collect();
    let field = if steps.is_empty() {
        FieldPath::from("json")
    } else {
        FieldPath::from_steps(steps)
    };
    Error::invalid(
        field,
        crate::msg!("error.json", "{detail}", detail = e.inner()),
    )
}

fn required_line(field: &str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(
            field,
            crate::msg!("error.required", "is required"),
        ));
    }
    optional_line(field, Some(v)).map(|o| o.unwrap_or_default())
}

/// Characters that reorder the text around them (embeddings, overrides,
/// isolates): in a name they can make a row read as something it is not.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A one-line value (a name, a title): no line breaks, tabs, other control
/// characters or bidirectional overrides.
fn optional_line(field: &str, value: Option<&str>) -> Result<Option<String>> {
    if let Some(c) = value.and_then(|v| v.chars().find(|c| c.is_control() || is_bidi_control(*c))) {
        let code = format!("U+{:04X}", c as u32);
        let message = match c {
            '\n' | '\r' => crate::msg!(
                "error.line_break",
                "must be one line of text; it holds a line break"
            ),
            '\t' => crate::msg!("error.tab", "must be one line of text; it holds a tab"),
            c if is_bidi_control(c) => crate::msg!(
                "error.bidi",
                "must be one line of text; it holds a text-direction override ({code})",
                code = code
            ),
            _ => crate::msg!(
                "error.control",
                "must be one line of text; it holds a control character ({code})",
                code = code
            ),
        };
        return Err(Error::invalid(field, message));
    }
    optional_text(field, value, MAX_LINE_CHARS)
}

fn optional_text(field: &str, value: Option<&str>, max_chars: usize) -> Result<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) if v.chars().count() > max_chars => Err(Error::invalid(
            field,
            crate::msg!(
                "error.too_long",
                "is longer than {max} characters",
                max = max_chars
            ),
        )),
        Some(v)
            if v.chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) =>
        {
            Err(Error::invalid(
                field,
                crate::msg!("error.control_characters", "contains control characters"),
            ))
        }
        Some(v) => Ok(Some(v.to_string())),
    }
}

fn check_count(field: &str, value: Option<i64>) -> Result<Option<i64>> {
    match value {
        Some(n) if n < 0 => Err(Error::invalid(
            field,
            crate::msg!("error.negative", "must not be negative"),
        )),
        Some(n) if n > MAX_COUNT => Err(Error::invalid(
            field,
            crate::msg!(
                "error.count_too_large",
                "{n} is above 10^13; check the figure",
                n = n
            ),
        )),
        other => Ok(other),
    }
}

/// A country as a code (`KR`, `UK` → GB) or a name in English, its own
/// language, Korean or Chinese (`Poland`, `대한민국`, `韩国`), as its ISO
/// 3166-1 alpha-2 code (`EU` for the European Union).
pub fn parse_country(field: &str, text: &str) -> Result<Option<String>> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match crate::countries::country_code(t) {
        Some(code) => Ok(Some(code.to_string())),
        None => Err(Error::invalid(
            field,
            crate::msg!(
                "error.country",
                "'{t}' is not a country code (KR, IE, US …) or a country name we know",
                t = t
            ),
        )),
    }
}

/// Only web addresses are kept as sources: a `javascript:` or `file:` link must
/// never become something the app could open.
pub fn check_url(field: &str, text: &str) -> Result<String> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !t.chars().any(char::is_whitespace) => {
            if t.chars().count() > 2000 {
                Err(Error::invalid(
                    field,
                    crate::msg!(
                        "error.too_long",
                        "is longer than {max} characters",
                        max = 2000
                    ),
                ))
            } else {
                Ok(t.to_string())
            }
        }
        _ => Err(Error::invalid(
            field,
            crate::msg!(
                "error.url",
                "'{t}' is not a web address starting with http:// or https://",
                t = t
            ),
        )),
    }
}

/// A company as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Company {
    pub id: i64,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

/// A regulator as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Regulator {
    pub id: i64,
    pub name: String,
    pub short_name: Option<String>,
    pub country: String,
    pub aliases: Vec<String>,
}

impl Regulator {
    /// The name analysts use day to day: the short name where there is one.
    pub fn display_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

/// An event as stored, ready for JSON and the UI.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: i64,
    pub kind: EventKind,
    pub date: String,
    pub precision: Precision,
    /// Short name (or name) of the regulator acting, if any.
    pub regulator: Option<String>,
    pub regulator_name: Option<String>,
    /// Amount in major units, as a JSON number.
    pub amount: Option<serde_json::Value>,
    /// The same amount in minor units, exact.
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
    pub note: Option<String>,
    pub source: Option<String>,
}

/// A source as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
}

/// A whole incident as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incident {
    pub id: i64,
    pub company: String,
    pub title: String,
    pub summary: Option<String>,
    pub counterparty: Option<String>,
    pub country: Option<String>,
    pub status: Status,
    pub records_affected: Option<i64>,
    pub users_affected: Option<i64>,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub events: Vec<Event>,
    pub sources: Vec<Source>,
}

impl Incident {
    /// The input that would recreate this incident (what the editor starts from).
    pub fn to_input(&self) -> IncidentInput {
        IncidentInput {
            company: self.company.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            counterparty: self.counterparty.clone(),
            country: self.country.clone(),
            status: Some(self.status.as_str().to_string()),
            records_affected: self.records_affected,
            users_affected: self.users_affected,
            events: self
                .events
                .iter()
                .map(|e| EventInput {
                    kind: e.kind.as_str().to_string(),
                    date: e.date.clone(),
                    regulator: e.regulator.clone(),
                    amount: e
                        .amount_minor
                        .zip(e.currency.as_deref())
                        .map(|(m, c)| AmountText(money::format_major(m, c))),
                    currency: e.currency.clone(),
                    note: e.note.clone(),
                    source: e.source.clone(),
                    ..Default::default()
                })
                .collect(),
            sources: self
                .sources
                .iter()
                .map(|s| SourceInput {
                    url: s.url.clone(),
                    title: s.title.clone(),
                    publisher: s.publisher.clone(),
                    published: s.published.clone(),
                    language: s.language.clone(),
                    ..Default::default()
                })
                .collect(),
            version: Some(self.version),
            ..Default::default()
        }
    }
}

/// One change recorded in the history table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub at: String,
    pub actor: String,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_input() -> IncidentInput {
        IncidentInput {
            company: "Kakao Pay".into(),
            title: "Customer data passed to Alipay".into(),
            status: Some("findings_published".into()),
            records_affected: Some(54_200_000_000),
            users_affected: Some(40_000_000),
            events: vec![EventInput {
                kind: "fined".into(),
                date: "2025-01".into(),
                regulator: Some("PIPC".into()),
                amount: Some(AmountText("5968000000".into())),
                currency: Some("krw".into()),
                ..Default::default()
            }],
            sources: vec![SourceInput {
                url: "https://example.org/a".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn field_of(input: &IncidentInput) -> String {
        input
            .validate()
            .expect_err("input should be rejected")
            .field()
            .expect("validation errors name a field")
            .to_string()
    }

    #[test]
    fn a_complete_input_validates() {
        let v = valid_input().validate().unwrap();
        assert_eq!(v.status, Status::FindingsPublished);
        assert_eq!(v.events[0].amount, Some((5_968_000_000, "KRW".to_string())));
        assert_eq!(v.events[0].date.precision(), Precision::Month);
    }

    #[test]
    fn empty_company_and_title_are_rejected() {
        let mut i = valid_input();
        i.company = "   ".into();
        assert_eq!(field_of(&i), "company");
        let mut i = valid_input();
        i.title = String::new();
        assert_eq!(field_of(&i), "title");
    }

    #[test]
    fn counts_must_be_between_zero_and_ten_to_the_thirteen() {
        let mut i = valid_input();
        i.records_affected = Some(-1);
        assert_eq!(field_of(&i), "records_affected");
        let mut i = valid_input();
        i.users_affected = Some(MAX_COUNT + 1);
        assert_eq!(field_of(&i), "users_affected");
        let mut i = valid_input();
        i.users_affected = Some(MAX_COUNT);
        assert!(i.validate().is_ok());
        i.records_affected = Some(0);
        assert!(i.validate().is_ok());
    }

    #[test]
    fn event_errors_carry_the_event_index() {
        let mut i = valid_input();
        i.events.push(EventInput {
            kind: "fined".into(),
            date: "2024-02-30".into(),
            ..Default::default()
        });
        assert_eq!(field_of(&i), "events[1].date");
        i.events[1].date = "2024-13".into();
        assert_eq!(field_of(&i), "events[1].date");
        i.events[1].date = "2024-02-29".into();
        i.events[1].kind = "exploded".into();
        assert_eq!(field_of(&i), "events[1].kind");
    }

    #[test]
    fn unknown_status_is_rejected() {
        let mut i = valid_input();
        i.status = Some("fined".into());
        assert_eq!(field_of(&i), "status");
    }

    #[test]
    fn money_rules() {
        let mut i = valid_input();
        i.events[0].currency = Some("WON".into());
        assert_eq!(field_of(&i), "events[0].currency");
        let mut i = valid_input();
        i.events[0].amount = Some(AmountText("-10".into()));
        assert_eq!(field_of(&i), "events[0].amount");
        let mut i = valid_input();
        i.events[0].currency = None;
        assert_eq!(field_of(&i), "events[0].currency");
        let mut i = valid_input();
        i.events[0].amount = None;
        assert_eq!(field_of(&i), "events[0].amount");
    }

    #[test]
    fn source_urls_must_be_web_addresses() {
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "example.org",
            "https://",
        ] {
            let mut i = valid_input();
            i.sources[0].url = bad.into();
            assert_eq!(field_of(&i), "sources[0].url", "{bad}");
        }
    }

    #[test]
    fn country_is_a_code_or_a_name_we_know() {
        let mut i = valid_input();
        i.country = Some("Atlantis".into());
        assert_eq!(field_of(&i), "country");
        i.country = Some("QQ".into());
        assert_eq!(field_of(&i), "country");
        i.country = Some("South Korea".into());
        assert_eq!(i.validate().unwrap().country.as_deref(), Some("KR"));
        i.country = Some("kr".into());
        assert_eq!(i.validate().unwrap().country.as_deref(), Some("KR"));
    }

    #[test]
    fn counts_typed_in_a_form_are_read_as_numbers() {
        let form = serde_json::json!({
            "company": "A", "title": "B",
            "records_affected": "54,200,000,000", "users_affected": ""
        });
        let i = IncidentInput::from_value(form).unwrap();
        assert_eq!(i.records_affected, Some(54_200_000_000));
        assert_eq!(i.users_affected, None);
        let negative = serde_json::json!({"company": "A", "title": "B", "records_affected": "-5"});
        let e = IncidentInput::from_value(negative)
            .unwrap()
            .validate()
            .unwrap_err();
        assert_eq!(e.field(), Some("records_affected"));
        assert_eq!(e.message(), "must not be negative");
        let words = serde_json::json!({"company": "A", "title": "B", "users_affected": "lots"});
        let e = IncidentInput::from_value(words).unwrap_err();
        assert_eq!(e.field(), Some("users_affected"));
        assert!(
            e.message().contains("not a whole number"),
            "{}",
            e.message()
        );
    }

    #[test]
    fn json_type_errors_name_the_path() {
        let e = IncidentInput::from_json(
            r#"{"company":"A","title":"B","events":[{"kind":"fined","date":"2024","amount":[1]}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("events[0].amount"));
        let e =
            IncidentInput::from_json(r#"{"company":"A","title":"B","records_affected":"many"}"#)
                .unwrap_err();
        assert_eq!(e.field(), Some("records_affected"));
        let e = IncidentInput::from_json(r#"{"company":"A","title":"B","users_affected":1.5}"#)
            .unwrap_err();
        assert_eq!(e.field(), Some("users_affected"));
        let e = IncidentInput::from_json(r#"{"company":"A","titel":"B"}"#).unwrap_err();
        assert!(e.message().contains("titel"), "{}", e.message());
    }
}
