//! Creating, changing, deleting and reading incidents. Every write is one
//! transaction: an invalid event or an unknown regulator leaves nothing behind.

use crate::dates::PartialDate;
use crate::error::{Error, Result};
use crate::model::{
    Event, EventKind, HistoryEntry, Incident, IncidentInput, Source, ValidEvent, ValidIncident,
    ValidSource,
};
use crate::money;
use crate::names::name_key;
use crate::store::kept::{self, EventPart, Kept, SourceRow};
use crate::store::lookup::regulator_label;
use crate::store::lookup::resolve_regulator;
use crate::store::seed;
use crate::store::{now_text, Store};
use crate::sync::registry::RegistryOp;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// Who made a change, as written in the history ("app:alice", "cli:alice").
pub fn actor(front_end: &str) -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".into());
    format!("{front_end}:{user}")
}

impl Store {
    /// Validates `input` and stores it as a new incident.
    pub fn create_incident(&mut self, input: &IncidentInput, actor: &str) -> Result<Incident> {
        let valid = input.validate()?;
        let id = self.with_tx(|tx| insert_incident(tx, &valid, actor))?;
        self.get_incident(id)
    }

    /// Replaces incident `id` with `input`. When `input.version` is set and the
    /// stored version is newer, nothing is written and the error says what
    /// changed in between.
    pub fn update_incident(
        &mut self,
        id: i64,
        input: &IncidentInput,
        actor: &str,
    ) -> Result<Incident> {
        let valid = input.validate()?;
        self.with_tx(|tx| {
            // Read inside the write transaction, so no other save can slip in
            // between the version check and the write.
            let before = load_incident(tx, id)?.ok_or_else(|| not_found(id))?;
            replace_incident(tx, &before, &valid, actor)
        })?;
        self.get_incident(id)
    }

    /// Soft-deletes incident `id`: it leaves lists and reports, its history stays.
    pub fn delete_incident(&mut self, id: i64, version: Option<i64>, actor: &str) -> Result<()> {
        self.with_tx(|tx| {
            let before = load_incident(tx, id)?.ok_or_else(|| not_found(id))?;
            check_version(tx, &before, version)?;
            delete_in(tx, &before, actor)
        })
    }

    /// Changes some of incident `id`'s own fields, each given as text the way
    /// the editor's form takes it (`records_affected=54,200,000`; empty clears
    /// an optional field), through the editor's validation.
    pub fn edit_fields(
        &mut self,
        id: i64,
        changes: &[(String, String)],
        actor: &str,
    ) -> Result<Incident> {
        let mut input = serde_json::to_value(self.get_incident(id)?.to_input())?;
        for (field, value) in changes {
            if !EDITABLE.contains(&field.as_str()) {
                return Err(Error::invalid(
                    field.as_str(),
                    crate::msg!(
                        "error.not_editable",
                        "'{field}' cannot be set here; fields: {fields}",
                        field = field,
                        fields = EDITABLE.join(", ")
                    ),
                ));
            }
            let text = value.trim();
            input[field.as_str()] = match text.is_empty() {
                true => serde_json::Value::Null,
                false => serde_json::Value::String(text.to_string()),
            };
        }
        let input = IncidentInput::from_value(input)?;
        self.update_incident(id, &input, actor)
    }

    /// One incident with its events (in time order) and sources.
    pub fn get_incident(&self, id: i64) -> Result<Incident> {
        load_incident(&self.conn, id)?.ok_or_else(|| not_found(id))
    }

    /// Every recorded change of incident `id`, oldest first.
    pub fn history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT at, actor, field, old_value, new_value FROM history WHERE incident_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], history_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds every sample incident that is not in the database yet (same company
    /// and title), in one transaction. Returns how many were added.
    pub fn load_sample_data(&mut self, actor: &str) -> Result<usize> {
        let data = seed::sample_data()?;
        let samples = data
            .incidents
            .iter()
            .map(IncidentInput::validate)
            .collect::<Result<Vec<_>>>()?;
        self.with_tx(|tx| {
            let mut added = 0;
            for sample in &samples {
                let exists: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM incidents i JOIN companies c ON c.id = i.company_id
                     WHERE c.name = ?1 AND i.title = ?2 AND i.deleted_at IS NULL)",
                    params![sample.company, sample.title],
                    |r| r.get(0),
                )?;
                if !exists {
                    insert_incident(tx, sample, actor)?;
                    added += 1;
                }
            }
            for (company, aliases) in &data.company_aliases {
                if let Some(id) = find_company(tx, company)? {
                    for alias in aliases {
                        add_company_alias(tx, id, alias)?;
                        // Teammates who did not load the samples get them too.
                        let op = RegistryOp::AddCompanyAlias {
                            company: company.clone(),
                            alias: alias.clone(),
                        };
                        crate::sync::registry::record(tx, &op)?;
                    }
                    // The aliases are searchable from now on.
                    let mut stmt = tx.prepare(
                        "SELECT id FROM incidents WHERE company_id = ?1 AND deleted_at IS NULL",
                    )?;
                    let ids: Vec<i64> = stmt
                        .query_map([id], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    for incident in ids {
                        refresh_summary(tx, incident)?;
                    }
                }
            }
            run(tx,
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('sample_data_loaded', ?1)",
                [now_text()],
            )?;
            Ok(added)
        })
    }

    /// On the app's first start with a database, loads the sample data once; a
    /// database whose samples were deleted by the analyst is left as it is.
    pub fn load_sample_data_on_first_start(&mut self, actor: &str) -> Result<usize> {
        let seen: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM settings WHERE key = 'sample_data_loaded')
                 OR EXISTS (SELECT 1 FROM incidents)",
            [],
            |r| r.get(0),
        )?;
        if seen {
            Ok(0)
        } else {
            self.load_sample_data(actor)
        }
    }
}

/// Runs one statement through the connection's cache of prepared statements:
/// the writer runs the same few statements for every incident, and parsing
/// them each time was a quarter of a bulk insert.
fn run(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
    Ok(conn.prepare_cached(sql)?.execute(params)?)
}

/// One change as read from `history` or `registry_history` (`at, actor, field,
/// old_value, new_value`).
pub(crate) fn history_entry(r: &Row) -> rusqlite::Result<HistoryEntry> {
    Ok(HistoryEntry {
        at: r.get(0)?,
        actor: r.get(1)?,
        field: r.get(2)?,
        old_value: r.get(3)?,
        new_value: r.get(4)?,
    })
}

fn not_found(id: i64) -> Error {
    Error::NotFound(crate::msg!(
        "error.no_incident",
        "incident {id} not found (it may have been deleted)",
        id = id
    ))
}

/// Finds a company by its name or one of its aliases, ignoring case, spacing,
/// punctuation, full-width letters and legal-form suffixes (see [`name_key`]).
/// What kind of party a company cell names when it names none: "Unknown",
/// "N/A", 미상 … (an unnamed party) or a private person. Such parties are
/// never one shared company: each incident gets its own.
pub fn party_of(name: &str) -> Option<&'static str> {
    let t = name.trim();
    if crate::numbers::is_placeholder(t) {
        return Some("unnamed");
    }
    let lower = t.to_lowercase();
    let individual = [
        "private individual",
        "private individuals",
        "individual",
        "private person",
        "natural person",
        "개인",
        "個人",
        "个人",
    ];
    individual.contains(&lower.as_str()).then_some("individual")
}

/// The company a name finds (as [`find_company`]) with its own name.
pub(crate) fn company_named(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    let Some(id) = find_company(conn, name)? else {
        return Ok(None);
    };
    let own: String = conn.query_row("SELECT name FROM companies WHERE id = ?1", [id], |r| {
        r.get(0)
    })?;
    Ok(Some((id, own)))
}

pub(crate) fn find_company(conn: &Connection, name: &str) -> Result<Option<i64>> {
    if party_of(name).is_some() {
        return Ok(None);
    }
    // In order of precedence, each a point look-up in its own index: the
    // name, an alias, then the same by name key.
    let exact = name.trim();
    let key = name_key(name);
    let tries = [
        ("SELECT id FROM companies WHERE name = ?1 LIMIT 1", exact),
        (
            "SELECT company_id FROM company_aliases WHERE alias = ?1 LIMIT 1",
            exact,
        ),
        (
            "SELECT id FROM companies WHERE name_key = ?1 ORDER BY id LIMIT 1",
            &key,
        ),
        (
            "SELECT company_id FROM company_aliases WHERE alias_key = ?1 ORDER BY rowid LIMIT 1",
            &key,
        ),
    ];
    for (sql, value) in tries {
        let found = conn
            .prepare_cached(sql)?
            .query_row([value], |r| r.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

fn company_id(conn: &Connection, name: &str) -> Result<i64> {
    if let Some(party) = party_of(name) {
        // A party of its own, numbered: "Unnamed party 3", "Private individual 2".
        let label = if party == "individual" {
            "Private individual"
        } else {
            "Unnamed party"
        };
        let mut n: i64 = conn.query_row(
            "SELECT count(*) + 1 FROM companies WHERE party = ?1",
            [party],
            |r| r.get(0),
        )?;
        // A merge or an import may have taken the next number already.
        while find_company(conn, &format!("{label} {n}"))?.is_some() {
            n += 1;
        }
        let numbered = format!("{label} {n}");
        run(
            conn,
            "INSERT INTO companies (name, name_key, party) VALUES (?1, ?2, ?3)",
            params![numbered, name_key(&numbered), party],
        )?;
        return Ok(conn.last_insert_rowid());
    }
    if let Some(id) = find_company(conn, name)? {
        return Ok(id);
    }
    run(
        conn,
        "INSERT INTO companies (name, name_key) VALUES (?1, ?2)",
        params![name, name_key(name)],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Adds another name for a company; an alias already taken is left as it is.
pub(crate) fn add_company_alias(conn: &Connection, company: i64, alias: &str) -> Result<()> {
    run(
        conn,
        "INSERT OR IGNORE INTO company_aliases (alias, alias_key, company_id) VALUES (?1, ?2, ?3)",
        params![alias, name_key(alias), company],
    )?;
    Ok(())
}

/// The id of `source` and its stored details. A source already known keeps
/// its details unless this input adds new ones; when it does, the other
/// incidents citing it get their kept source columns rewritten.
fn source_id(conn: &Connection, source: &ValidSource) -> Result<(i64, SourceRow)> {
    let new: SourceRow = [
        Some(source.url.clone()),
        source.title.clone(),
        source.publisher.clone(),
        source.published.as_ref().map(|d| d.as_str().to_string()),
        source.language.clone(),
    ];
    let stored = conn
        .prepare_cached(
            "SELECT id, url, title, publisher, published, language FROM sources WHERE url = ?1",
        )?
        .query_row([&source.url], |r| {
            let row: SourceRow = [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?];
            Ok((r.get::<_, i64>(0)?, row))
        })
        .optional()?;
    let Some((id, old)) = stored else {
        run(conn,
            "INSERT INTO sources (url, title, publisher, published, language) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new[0], new[1], new[2], new[3], new[4]],
        )?;
        return Ok((conn.last_insert_rowid(), new));
    };
    let merged: SourceRow = std::array::from_fn(|i| new[i].clone().or_else(|| old[i].clone()));
    if merged != old {
        run(conn,
            "UPDATE sources SET title = ?2, publisher = ?3, published = ?4, language = ?5 WHERE id = ?1",
            params![id, merged[1], merged[2], merged[3], merged[4]],
        )?;
        let citing: Vec<i64> = conn
            .prepare_cached("SELECT incident_id FROM incident_sources WHERE source_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for incident in citing {
            kept::refresh(conn, incident)?;
        }
    }
    Ok((id, merged))
}

fn event_source_id(conn: &Connection, url: &str) -> Result<i64> {
    let bare = ValidSource {
        url: url.to_string(),
        title: None,
        publisher: None,
        published: None,
        language: None,
    };
    Ok(source_id(conn, &bare)?.0)
}

/// When the full-text row of a new incident is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Indexing {
    /// With the incident.
    Now,
    /// By the caller, for many new incidents at once ([`index_incidents`]).
    Later,
}

/// Writes a new incident inside the caller's transaction and returns its id.
pub(crate) fn insert_incident(conn: &Connection, v: &ValidIncident, actor: &str) -> Result<i64> {
    insert_incident_with(conn, v, actor, Indexing::Now)
}

/// [`insert_incident`], leaving the full-text row to the caller when asked.
pub(crate) fn insert_incident_with(
    conn: &Connection,
    v: &ValidIncident,
    actor: &str,
    indexing: Indexing,
) -> Result<i64> {
    let company = company_id(conn, &v.company)?;
    let children = resolve_children(conn, v)?;
    let kept = children.kept(&company_name(conn, company)?, v);
    let now = now_text();
    // The row goes in whole, kept columns included: every index of
    // `incidents` is written once.
    let [urls, titles, publishers, published, languages] = &kept.sources;
    run(
        conn,
        "INSERT INTO incidents (company_id, title, summary, counterparty, country,
                                records_affected, users_affected, status, version, created_at, updated_at,
                                company_name, regulators, first_event, latest_event, fines,
                                proposed_fines, settlements, source_urls, source_titles,
                                source_publishers, source_published, source_languages, event_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22)",
        params![
            company,
            v.title,
            v.summary,
            v.counterparty,
            v.country,
            v.records_affected,
            v.users_affected,
            v.status.as_str(),
            now,
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
        ],
    )?;
    let id = conn.last_insert_rowid();
    children.write(conn, id, v)?;
    if indexing == Indexing::Now {
        index_incidents(conn, id, id)?;
    }
    record(conn, id, 1, &now, actor, "created", None, Some(&v.title))?;
    Ok(id)
}

fn company_name(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT name FROM companies WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?)
}

/// A regulator's id and its name as the list shows it.
type ShownRegulator = (i64, String);

/// What an incident's events and sources refer to, resolved before anything
/// of the incident is written.
struct Children {
    /// Per event: its regulator (id, and its name as the list shows it) and
    /// its source's id.
    events: Vec<(Option<ShownRegulator>, Option<i64>)>,
    /// Per source: its id and stored details.
    sources: Vec<(i64, SourceRow)>,
}

fn resolve_children(conn: &Connection, v: &ValidIncident) -> Result<Children> {
    let mut events = Vec::with_capacity(v.events.len());
    for (position, e) in v.events.iter().enumerate() {
        let field = format!("events[{position}].regulator");
        let regulator = match e.regulator.as_deref() {
            Some(r) => {
                let id = resolve_regulator(conn, &field, r, v.country.as_deref())?;
                let shown: String = conn
                    .prepare_cached(
                        "SELECT coalesce(short_name, name) FROM regulators WHERE id = ?1",
                    )?
                    .query_row([id], |r| r.get(0))?;
                Some((id, shown))
            }
            None => None,
        };
        let source = e
            .source
            .as_deref()
            .map(|u| event_source_id(conn, u))
            .transpose()?;
        events.push((regulator, source));
    }
    let sources = v
        .sources
        .iter()
        .map(|s| source_id(conn, s))
        .collect::<Result<_>>()?;
    Ok(Children { events, sources })
}

/// Whether every regulator the events of `v` name is known here, read-only:
/// a sync checks a teammate's incident before it writes any of it.
pub(crate) fn check_regulators(conn: &Connection, v: &ValidIncident) -> Result<()> {
    for (position, e) in v.events.iter().enumerate() {
        if let Some(r) = e.regulator.as_deref() {
            let field = format!("events[{position}].regulator");
            resolve_regulator(conn, &field, r, v.country.as_deref())?;
        }
    }
    Ok(())
}

fn insert_children(conn: &Connection, id: i64, v: &ValidIncident) -> Result<()> {
    resolve_children(conn, v)?.write(conn, id, v)
}

impl Children {
    fn kept(&self, company: &str, v: &ValidIncident) -> Kept {
        let events: Vec<EventPart> = v
            .events
            .iter()
            .zip(&self.events)
            .map(|(e, (regulator, _))| EventPart {
                kind: e.kind,
                date: e.date.as_str(),
                amount: e.amount.as_ref().map(|a| (a.0, a.1.as_str())),
                regulator: regulator.as_ref().map(|r| r.1.as_str()),
            })
            .collect();
        let sources: Vec<SourceRow> = self.sources.iter().map(|s| s.1.clone()).collect();
        Kept::of(company, &events, &sources)
    }

    fn write(&self, conn: &Connection, id: i64, v: &ValidIncident) -> Result<()> {
        for (position, (e, (regulator, source))) in v.events.iter().zip(&self.events).enumerate() {
            let regulator = regulator.as_ref().map(|r| r.0);
            run(
            conn,
            "INSERT INTO events (incident_id, kind, date, precision, regulator_id, amount_minor,
                                 currency, note, source_id, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                id,
                e.kind.as_str(),
                e.date.as_str(),
                e.date.precision().as_str(),
                regulator,
                e.amount.as_ref().map(|a| a.0),
                e.amount.as_ref().map(|a| a.1.as_str()),
                e.note,
                source,
                position as i64
            ],
        )?;
        }
        for (position, (source, _)) in self.sources.iter().enumerate() {
            run(
                conn,
                "INSERT INTO incident_sources (incident_id, source_id, position) VALUES (?1, ?2, ?3)",
                params![id, source, position as i64],
            )?;
        }
        Ok(())
    }
}

fn check_version(conn: &Connection, current: &Incident, expected: Option<i64>) -> Result<()> {
    let Some(expected) = expected else {
        return Ok(());
    };
    if expected == current.version {
        return Ok(());
    }
    let mut stmt = conn.prepare(
        "SELECT DISTINCT field FROM history WHERE incident_id = ?1 AND version > ?2 ORDER BY field",
    )?;
    let fields: Vec<String> = stmt
        .query_map(params![current.id, expected], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let (who, when): (String, String) = conn.query_row(
        "SELECT actor, at FROM history WHERE incident_id = ?1 ORDER BY id DESC LIMIT 1",
        [current.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let fields = if fields.is_empty() {
        "unknown".to_string()
    } else {
        fields.join(", ")
    };
    Err(Error::Conflict(crate::msg!(
        "error.conflict",
        "incident {id} was changed by {who} at {when} while you edited it (changed: \
         {fields}); reopen it to see the new values",
        id = current.id,
        who = who,
        when = when,
        fields = fields
    )))
}

pub(crate) fn replace_incident(
    conn: &Connection,
    before: &Incident,
    v: &ValidIncident,
    actor: &str,
) -> Result<()> {
    check_version(conn, before, v.version)?;
    let id = before.id;
    let version = before.version + 1;
    let now = now_text();
    let company = company_id(conn, &v.company)?;
    let stamp = Stamp {
        id,
        version,
        now: &now,
        actor,
    };
    // The company column compares by what the name resolves to: an alias of the
    // same company is not a change.
    let same_company = find_company(conn, &before.company)? == Some(company);
    for (field, old, new) in field_changes(before, v) {
        if old != new && !(field == "company" && same_company) {
            stamp.record(conn, field, old.as_deref(), new.as_deref())?;
        }
    }
    let old_events: Vec<String> = before.events.iter().map(describe_event).collect();
    let new_events: Vec<String> = v.events.iter().map(describe_valid_event).collect();
    stamp.record_list(conn, "event", &old_events, &new_events)?;
    let old_sources: Vec<String> = before.sources.iter().map(|s| s.url.clone()).collect();
    let new_sources: Vec<String> = v.sources.iter().map(|s| s.url.clone()).collect();
    stamp.record_list(conn, "source", &old_sources, &new_sources)?;
    run(
        conn,
        "UPDATE incidents SET company_id = ?2, title = ?3, summary = ?4, counterparty = ?5,
                country = ?6, records_affected = ?7, users_affected = ?8, status = ?9,
                version = ?10, updated_at = ?11
         WHERE id = ?1",
        params![
            id,
            company,
            v.title,
            v.summary,
            v.counterparty,
            v.country,
            v.records_affected,
            v.users_affected,
            v.status.as_str(),
            version,
            now
        ],
    )?;
    run(conn, "DELETE FROM events WHERE incident_id = ?1", [id])?;
    run(
        conn,
        "DELETE FROM incident_sources WHERE incident_id = ?1",
        [id],
    )?;
    insert_children(conn, id, v)?;
    refresh_summary(conn, id)
}

/// The incident's own fields before and after an edit, as history shows them.
fn field_changes(
    before: &Incident,
    v: &ValidIncident,
) -> [(&'static str, Option<String>, Option<String>); 8] {
    let count = |n: Option<i64>| n.map(|n| n.to_string());
    [
        (
            "company",
            Some(before.company.clone()),
            Some(v.company.clone()),
        ),
        ("title", Some(before.title.clone()), Some(v.title.clone())),
        ("summary", before.summary.clone(), v.summary.clone()),
        (
            "counterparty",
            before.counterparty.clone(),
            v.counterparty.clone(),
        ),
        ("country", before.country.clone(), v.country.clone()),
        (
            "status",
            Some(before.status.as_str().into()),
            Some(v.status.as_str().into()),
        ),
        (
            "records_affected",
            count(before.records_affected),
            count(v.records_affected),
        ),
        (
            "users_affected",
            count(before.users_affected),
            count(v.users_affected),
        ),
    ]
}

/// Who changed incident `id` to which version, and when: what every history
/// row of one edit shares.
struct Stamp<'a> {
    id: i64,
    version: i64,
    now: &'a str,
    actor: &'a str,
}

impl Stamp<'_> {
    fn record(
        &self,
        conn: &Connection,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<()> {
        record(
            conn,
            self.id,
            self.version,
            self.now,
            self.actor,
            field,
            old,
            new,
        )
    }

    /// One row per item removed and per item added.
    fn record_list(
        &self,
        conn: &Connection,
        field: &str,
        old: &[String],
        new: &[String],
    ) -> Result<()> {
        for gone in old.iter().filter(|e| !new.contains(e)) {
            self.record(conn, field, Some(gone), None)?;
        }
        for added in new.iter().filter(|e| !old.contains(e)) {
            self.record(conn, field, None, Some(added))?;
        }
        Ok(())
    }
}

/// Rewrites what the list shows and searches for incident `id` (company name,
/// regulators, first and latest event, full-text row) from its stored parts.
/// Every write of an incident ends with it, inside the same transaction.
pub(crate) fn refresh_summary(conn: &Connection, id: i64) -> Result<()> {
    kept::refresh(conn, id)?;
    run(conn, "DELETE FROM incidents_fts WHERE rowid = ?1", [id])?;
    index_incidents(conn, id, id)
}

/// Writes the full-text rows of the live incidents `first..=last` that have
/// none yet, in one statement: FTS5 writes its index out at the end of every
/// statement, so a bulk insert indexes its new rows together.
pub(crate) fn index_incidents(conn: &Connection, first: i64, last: i64) -> Result<()> {
    run(
        conn,
        "INSERT INTO incidents_fts (rowid, company, title, summary, notes)
         SELECT i.id,
                c.name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM company_aliases a WHERE a.company_id = c.id), ''),
                i.title, coalesce(i.summary, ''),
                coalesce((SELECT group_concat(note, ' ') FROM events e WHERE e.incident_id = i.id), '')
         FROM incidents i JOIN companies c ON c.id = i.company_id
         WHERE i.id BETWEEN ?1 AND ?2 AND i.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM incidents_fts f WHERE f.rowid = i.id)",
        [first, last],
    )?;
    Ok(())
}

/// One line per event for the history: kind, date, regulator, amount, note.
fn event_line(
    kind: EventKind,
    date: &str,
    regulator: Option<&str>,
    amount: Option<(i64, &str)>,
    note: Option<&str>,
) -> String {
    let mut line = format!("{} {}", kind.as_str(), date);
    if let Some(r) = regulator {
        line.push_str(&format!(" by {r}"));
    }
    if let Some((minor, currency)) = amount {
        line.push_str(&format!(
            " {currency} {}",
            money::format_major(minor, currency)
        ));
    }
    if let Some(n) = note {
        line.push_str(&format!(" ({n})"));
    }
    line
}

fn describe_event(e: &Event) -> String {
    event_line(
        e.kind,
        &e.date,
        e.regulator.as_deref(),
        e.amount_minor.zip(e.currency.as_deref()),
        e.note.as_deref(),
    )
}

fn describe_valid_event(e: &ValidEvent) -> String {
    event_line(
        e.kind,
        e.date.as_str(),
        e.regulator.as_deref(),
        e.amount.as_ref().map(|(m, c)| (*m, c.as_str())),
        e.note.as_deref(),
    )
}

/// The incident fields `edit --set` changes.
pub const EDITABLE: [&str; 8] = [
    "company",
    "title",
    "summary",
    "counterparty",
    "country",
    "status",
    "records_affected",
    "users_affected",
];

/// Soft-deletes a live incident inside the caller's transaction.
pub(crate) fn delete_in(conn: &Connection, before: &Incident, actor: &str) -> Result<()> {
    let (id, now) = (before.id, now_text());
    run(conn,
        "UPDATE incidents SET deleted_at = ?2, updated_at = ?2, version = version + 1 WHERE id = ?1",
        params![id, now],
    )?;
    run(conn, "DELETE FROM incidents_fts WHERE rowid = ?1", [id])?;
    record(
        conn,
        id,
        before.version + 1,
        &now,
        actor,
        "deleted",
        None,
        Some("yes"),
    )
}

/// Brings a soft-deleted incident back (a teammate's restore, or the choice of
/// their side in a delete-against-edit conflict), history and all.
pub(crate) fn restore_in(conn: &Connection, id: i64, actor: &str) -> Result<()> {
    let now = now_text();
    let version: i64 = conn.query_row(
        "UPDATE incidents SET deleted_at = NULL, updated_at = ?2, version = version + 1
         WHERE id = ?1 AND deleted_at IS NOT NULL RETURNING version",
        params![id, now],
        |r| r.get(0),
    )?;
    record(conn, id, version, &now, actor, "deleted", Some("yes"), None)?;
    refresh_summary(conn, id)
}

#[allow(clippy::too_many_arguments)]
fn record(
    conn: &Connection,
    incident: i64,
    version: i64,
    at: &str,
    actor: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    run(
        conn,
        "INSERT INTO history (incident_id, at, actor, version, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![incident, at, actor, version, field, old, new],
    )?;
    Ok(())
}

pub(crate) fn load_incident(conn: &Connection, id: i64) -> Result<Option<Incident>> {
    let head = conn
        .query_row(
            "SELECT i.id, c.name, i.title, i.summary, i.counterparty, i.country, i.status,
                    i.records_affected, i.users_affected, i.version, i.created_at, i.updated_at
             FROM incidents i JOIN companies c ON c.id = i.company_id
             WHERE i.id = ?1 AND i.deleted_at IS NULL",
            [id],
            incident_head,
        )
        .optional()?;
    let Some(mut incident) = head else {
        return Ok(None);
    };
    incident.events = load_events(conn, id)?;
    incident.sources = load_sources(conn, id)?;
    Ok(Some(incident))
}

fn incident_head(r: &Row) -> rusqlite::Result<Incident> {
    Ok(Incident {
        id: r.get(0)?,
        company: r.get(1)?,
        title: r.get(2)?,
        summary: r.get(3)?,
        counterparty: r.get(4)?,
        country: r.get(5)?,
        status: r.get(6)?,
        records_affected: r.get(7)?,
        users_affected: r.get(8)?,
        version: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        events: Vec::new(),
        sources: Vec::new(),
    })
}

fn load_events(conn: &Connection, id: i64) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT e.id, e.kind, e.date, e.precision, ",
        regulator_label!(),
        ", r.name,
                e.amount_minor, e.currency, e.note, s.url
         FROM events e
         LEFT JOIN regulators r ON r.id = e.regulator_id
         LEFT JOIN sources s ON s.id = e.source_id
         WHERE e.incident_id = ?1
         ORDER BY e.date, e.position"
    ))?;
    let rows = stmt.query_map([id], |r| {
        let date: PartialDate = r.get(2)?;
        let amount_minor: Option<i64> = r.get(6)?;
        let currency: Option<String> = r.get(7)?;
        Ok(Event {
            id: r.get(0)?,
            kind: r.get(1)?,
            precision: date.precision(),
            date: date.to_string(),
            regulator: r.get(4)?,
            regulator_name: r.get(5)?,
            amount: amount_minor
                .zip(currency.as_deref())
                .map(|(m, c)| money::major_as_json(m, c)),
            amount_minor,
            currency,
            note: r.get(8)?,
            source: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load_sources(conn: &Connection, id: i64) -> Result<Vec<Source>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.url, s.title, s.publisher, s.published, s.language
         FROM incident_sources l JOIN sources s ON s.id = l.source_id
         WHERE l.incident_id = ?1 ORDER BY l.position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Source {
            id: r.get(0)?,
            url: r.get(1)?,
            title: r.get(2)?,
            publisher: r.get(3)?,
            published: r.get(4)?,
            language: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
