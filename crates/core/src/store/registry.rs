//! Regulators and companies as data: the analyst adds, edits, aliases and
//! merges them, and every change is kept in `registry_history`.
//!
//! Names resolve through [`crate::store::lookup`] (regulators) and
//! [`crate::store::incidents::find_company`] (companies), so a regulator added here is
//! found by the editor, the import and the views at once.

use crate::error::{Error, Result};
use crate::model::Regulator;
use crate::model::{check_url, parse_country, HistoryEntry};
use crate::names::name_key;
use crate::store::incidents::{find_company, refresh_summary};
use crate::store::lookup::{rekey_regulators, resolve_regulator};
use crate::store::{now_text, Store};
use crate::sync::registry::RegistryOp;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// The kinds of authority.
pub const LEVELS: &[&str] = &["national", "regional", "sector", "supranational"];

/// A regulator as the Regulators screen and `regulators list` show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegulatorEntry {
    pub id: i64,
    pub name: String,
    pub short_name: Option<String>,
    pub country: String,
    pub level: Option<String>,
    pub website: Option<String>,
    pub aliases: Vec<String>,
    /// Events in which it acted.
    pub actions: i64,
}

/// A company as `companies list` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyEntry {
    pub id: i64,
    pub name: String,
    pub aliases: Vec<String>,
    /// organisation, unnamed or individual.
    pub party: String,
    pub incidents: i64,
}

/// The fields of a regulator to add, or to change (`None` leaves a field as
/// it is when editing).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegulatorInput {
    pub name: Option<String>,
    pub short_name: Option<String>,
    pub country: Option<String>,
    pub level: Option<String>,
    pub website: Option<String>,
    pub aliases: Vec<String>,
}

fn one_line(field: &str, text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::invalid(
            field,
            crate::msg!("error.required", "is required"),
        ));
    }
    if t.chars()
        .any(|c| c.is_control() || crate::model::is_bidi_control(c))
    {
        return Err(Error::invalid(
            field,
            crate::msg!("error.one_line", "must be one line of plain text"),
        ));
    }
    if t.chars().count() > crate::model::MAX_LINE_CHARS {
        return Err(Error::invalid(
            field,
            crate::msg!("error.too_long_plain", "is too long"),
        ));
    }
    Ok(t.to_string())
}

fn check_level(text: &str) -> Result<String> {
    let t = text.trim().to_ascii_lowercase();
    if LEVELS.contains(&t.as_str()) {
        Ok(t)
    } else {
        Err(Error::invalid(
            "level",
            crate::msg!(
                "error.level",
                "'{text}' is not one of {levels}",
                text = text,
                levels = LEVELS.join(", ")
            ),
        ))
    }
}

fn record(
    conn: &Connection,
    entity: &str,
    id: i64,
    actor: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO registry_history (entity, entity_id, at, actor, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![entity, id, now_text(), actor, field, old, new],
    )?;
    Ok(())
}

/// Refreshes the kept list columns of every incident `sql` selects (by `id`).
fn refresh_incidents(conn: &Connection, sql: &str, id: i64) -> Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let ids: Vec<i64> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for incident in ids {
        refresh_summary(conn, incident)?;
    }
    Ok(())
}

fn regulator_row(conn: &Connection, id: i64) -> Result<(String, Option<String>, String)> {
    conn.query_row(
        "SELECT name, short_name, country FROM regulators WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound(crate::msg!(
            "error.no_regulator",
            "regulator {id} not found",
            id = id
        ))
    })
}

fn insert_alias(conn: &Connection, id: i64, alias: &str, actor: &str) -> Result<bool> {
    let alias = one_line("alias", alias)?;
    let added = conn.execute(
        "INSERT OR IGNORE INTO regulator_aliases (regulator_id, alias, alias_key) VALUES (?1, ?2, ?3)",
        params![id, alias, name_key(&alias)],
    )? > 0;
    if added {
        record(conn, "regulator", id, actor, "alias", None, Some(&alias))?;
    }
    Ok(added)
}

/// The fields an edit gives, each checked by its rule.
type RegulatorFields = [(&'static str, Option<String>); 5];

fn checked_fields(input: &RegulatorInput) -> Result<RegulatorFields> {
    let line =
        |field: &str, v: &Option<String>| v.as_deref().map(|n| one_line(field, n)).transpose();
    let country = match input.country.as_deref() {
        Some(c) => parse_country("country", c)?,
        None => None,
    };
    Ok([
        ("name", line("name", &input.name)?),
        ("short_name", line("short_name", &input.short_name)?),
        ("country", country),
        (
            "level",
            input.level.as_deref().map(check_level).transpose()?,
        ),
        (
            "website",
            input
                .website
                .as_deref()
                .map(|w| check_url("website", w))
                .transpose()?,
        ),
    ])
}

/// Sets one field of regulator `id` and records the change; a new name or
/// short name must stay unique in the (new) country.
fn set_regulator_field(
    tx: &Connection,
    id: i64,
    field: &str,
    value: &str,
    new_country: Option<&str>,
    actor: &str,
) -> Result<()> {
    if field == "name" || field == "short_name" {
        let taken: Option<String> = tx
            .query_row(
                &format!(
                    "SELECT coalesce(short_name, name) FROM regulators o WHERE o.id != ?1
                     AND o.country = coalesce(?3, (SELECT country FROM regulators WHERE id = ?1))
                     AND o.{field} = ?2 COLLATE NOCASE"
                ),
                params![id, value, new_country],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = taken {
            return Err(Error::invalid(
                field,
                crate::msg!(
                    "error.name_taken",
                    "'{value}' is already {other}",
                    value = value,
                    other = other
                ),
            ));
        }
    }
    let old: Option<String> = tx.query_row(
        &format!("SELECT {field} FROM regulators WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )?;
    if old.as_deref() == Some(value) {
        return Ok(());
    }
    tx.execute(
        &format!("UPDATE regulators SET {field} = ?2 WHERE id = ?1"),
        params![id, value],
    )?;
    record(
        tx,
        "regulator",
        id,
        actor,
        field,
        old.as_deref(),
        Some(value),
    )
}

/// A list SQL joined with the unit separator (`group_concat(x, char(31))`).
fn unit_list(joined: Option<String>) -> Vec<String> {
    joined
        .map(|a| a.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}

impl Store {
    /// Every regulator with its aliases and how often it acted.
    pub fn regulator_entries(&self) -> Result<Vec<RegulatorEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id, r.name, r.short_name, r.country, r.level, r.website,
                    (SELECT group_concat(alias, char(31)) FROM
                        (SELECT alias FROM regulator_aliases a WHERE a.regulator_id = r.id ORDER BY alias)),
                    (SELECT count(*) FROM events e WHERE e.regulator_id = r.id)
             FROM regulators r ORDER BY r.country, coalesce(r.short_name, r.name)",
        )?;
        let rows = stmt.query_map([], |r| {
            let aliases: Option<String> = r.get(6)?;
            Ok(RegulatorEntry {
                id: r.get(0)?,
                name: r.get(1)?,
                short_name: r.get(2)?,
                country: r.get(3)?,
                level: r.get(4)?,
                website: r.get(5)?,
                aliases: unit_list(aliases),
                actions: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every company with its aliases and live incidents, by name.
    pub fn company_entries(&self) -> Result<Vec<CompanyEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.name, c.party,
                    (SELECT group_concat(alias, char(31)) FROM
                        (SELECT alias FROM company_aliases a WHERE a.company_id = c.id ORDER BY alias)),
                    (SELECT count(*) FROM incidents i WHERE i.company_id = c.id AND i.deleted_at IS NULL)
             FROM companies c ORDER BY c.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            let aliases: Option<String> = r.get(3)?;
            Ok(CompanyEntry {
                id: r.get(0)?,
                name: r.get(1)?,
                party: r.get(2)?,
                aliases: unit_list(aliases),
                incidents: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The regulators `text` could mean, given a country (the one name rule,
    /// without the error: none, one, or the ambiguous candidates).
    pub fn regulators_matching(&self, text: &str, country: Option<&str>) -> Result<Vec<i64>> {
        crate::store::lookup::matches(&self.conn, text, country)
    }

    /// The id of the regulator `name` resolves to (the one name rule).
    pub fn regulator_id(&self, name: &str) -> Result<i64> {
        resolve_regulator(&self.conn, "regulator", name, None)
    }

    /// Adds a regulator; its name and country are required, the name must be
    /// new in that country and the short name unused there.
    pub fn add_regulator(&mut self, input: &RegulatorInput, actor: &str) -> Result<i64> {
        let name = one_line("name", input.name.as_deref().unwrap_or(""))?;
        let country = parse_country("country", input.country.as_deref().unwrap_or(""))?
            .ok_or_else(|| {
                Error::invalid("country", crate::msg!("error.required", "is required"))
            })?;
        let short = input
            .short_name
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| one_line("short_name", s))
            .transpose()?;
        let level = input.level.as_deref().map(check_level).transpose()?;
        let website = input
            .website
            .as_deref()
            .filter(|w| !w.trim().is_empty())
            .map(|w| check_url("website", w))
            .transpose()?;
        self.registry_tx(RegistryOp::AddRegulator { input: input.clone() }, |tx| {
            let taken: Option<String> = tx
                .query_row(
                    "SELECT name FROM regulators WHERE country = ?1 AND (name = ?2 COLLATE NOCASE
                        OR (?3 IS NOT NULL AND short_name = ?3 COLLATE NOCASE))",
                    params![country, name, short],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(existing) = taken {
                return Err(Error::invalid(
                    "name",
                    crate::msg!(
                        "error.regulator_exists",
                        "{country} already has this regulator: {existing}",
                        country = &country,
                        existing = existing
                    ),
                ));
            }
            tx.execute(
                "INSERT INTO regulators (name, short_name, country, level, website) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![name, short, country, level, website],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, "regulator", id, actor, "created", None, Some(&name))?;
            for a in &input.aliases {
                insert_alias(tx, id, a, actor)?;
            }
            rekey_regulators(tx)?;
            Ok(id)
        })
    }

    /// Changes the fields `input` gives of the regulator `name` resolves to.
    pub fn edit_regulator(
        &mut self,
        which: &str,
        input: &RegulatorInput,
        actor: &str,
    ) -> Result<i64> {
        let fields = checked_fields(input)?;
        // The country as stored (a code), which names must be unique in.
        let country = fields[2].1.clone();
        self.registry_tx(
            RegistryOp::EditRegulator {
                regulator: which.to_string(),
                input: input.clone(),
            },
            |tx| {
                let id = resolve_regulator(tx, "regulator", which, None)?;
                for (field, value) in fields {
                    let Some(value) = value else { continue };
                    set_regulator_field(tx, id, field, &value, country.as_deref(), actor)?;
                }
                for a in &input.aliases {
                    insert_alias(tx, id, a, actor)?;
                }
                rekey_regulators(tx)?;
                refresh_incidents(
                    tx,
                    "SELECT DISTINCT incident_id FROM events WHERE regulator_id = ?1",
                    id,
                )?;
                Ok(id)
            },
        )
    }

    /// Adds `alias` to the regulator `which` resolves to; false when it had it.
    pub fn add_regulator_alias(&mut self, which: &str, alias: &str, actor: &str) -> Result<bool> {
        self.registry_tx(
            RegistryOp::AddRegulatorAlias {
                regulator: which.to_string(),
                alias: alias.to_string(),
            },
            |tx| {
                let id = resolve_regulator(tx, "regulator", which, None)?;
                let added = insert_alias(tx, id, alias, actor)?;
                rekey_regulators(tx)?;
                Ok(added)
            },
        )
    }

    /// Merges regulator `from` into `into`: its events move, its name, short
    /// name and aliases become aliases of `into`, and it is removed. Returns
    /// the events moved.
    pub fn merge_regulators(&mut self, from: &str, into: &str, actor: &str) -> Result<usize> {
        self.registry_tx(
            RegistryOp::MergeRegulators {
                from: from.to_string(),
                into: into.to_string(),
            },
            |tx| {
                let from_id = resolve_regulator(tx, "from", from, None)?;
                let into_id = resolve_regulator(tx, "into", into, None)?;
                if from_id == into_id {
                    return Err(Error::invalid(
                        "into",
                        crate::msg!(
                            "error.merge_self_regulator",
                            "a regulator cannot be merged into itself"
                        ),
                    ));
                }
                let (name, short, country) = regulator_row(tx, from_id)?;
                let (into_name, _, into_country) = regulator_row(tx, into_id)?;
                // Two names of one authority share its country; across countries
                // a merge would move one authority's actions to another.
                if country != into_country {
                    return Err(Error::invalid(
                        "into",
                        crate::msg!(
                        "error.merge_countries",
                        "{name} ({country}) and {into_name} ({into_country}) are authorities of \
                         different countries; only names of one authority are merged",
                        name = &name,
                        country = &country,
                        into_name = &into_name,
                        into_country = &into_country
                    ),
                    ));
                }
                let mut names = vec![name.clone()];
                names.extend(short.clone());
                let mut stmt =
                    tx.prepare("SELECT alias FROM regulator_aliases WHERE regulator_id = ?1")?;
                names.extend(
                    stmt.query_map([from_id], |r| r.get::<_, String>(0))?
                        .collect::<rusqlite::Result<Vec<_>>>()?,
                );
                let moved = tx.execute(
                    "UPDATE events SET regulator_id = ?2 WHERE regulator_id = ?1",
                    params![from_id, into_id],
                )?;
                tx.execute(
                    "DELETE FROM regulator_aliases WHERE regulator_id = ?1",
                    [from_id],
                )?;
                tx.execute("DELETE FROM regulators WHERE id = ?1", [from_id])?;
                for n in &names {
                    insert_alias(tx, into_id, n, actor)?;
                }
                let what = format!("{name} ({country}), {moved} events");
                record(tx, "regulator", into_id, actor, "merged", None, Some(&what))?;
                record(
                    tx,
                    "regulator",
                    from_id,
                    actor,
                    "merged_into",
                    Some(&name),
                    Some(&into_name),
                )?;
                rekey_regulators(tx)?;
                refresh_incidents(
                    tx,
                    "SELECT DISTINCT incident_id FROM events WHERE regulator_id = ?1",
                    into_id,
                )?;
                Ok(moved)
            },
        )
    }

    /// Renames the company `which` resolves to; the old name stays an alias.
    /// Returns the old name.
    pub fn rename_company(&mut self, which: &str, new_name: &str, actor: &str) -> Result<String> {
        let new_name = one_line("name", new_name)?;
        self.registry_tx(
            RegistryOp::RenameCompany {
                company: which.to_string(),
                to: new_name.clone(),
            },
            |tx| {
                let id = company_or_not_found(tx, which)?;
                if let Some(other) = find_company(tx, &new_name)?.filter(|o| *o != id) {
                    let taken: String =
                        tx.query_row("SELECT name FROM companies WHERE id = ?1", [other], |r| {
                            r.get(0)
                        })?;
                    return Err(Error::invalid(
                        "name",
                        crate::msg!(
                            "error.company_taken",
                            "'{new_name}' is already the company {taken}; merge the two instead",
                            new_name = &new_name,
                            taken = taken
                        ),
                    ));
                }
                let old: String =
                    tx.query_row("SELECT name FROM companies WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                tx.execute(
                    "UPDATE companies SET name = ?2, name_key = ?3 WHERE id = ?1",
                    params![id, new_name, name_key(&new_name)],
                )?;
                tx.execute(
                    "DELETE FROM company_aliases WHERE alias = ?1 AND company_id = ?2",
                    params![new_name, id],
                )?;
                crate::store::incidents::add_company_alias(tx, id, &old)?;
                record(
                    tx,
                    "company",
                    id,
                    actor,
                    "name",
                    Some(&old),
                    Some(&new_name),
                )?;
                refresh_incidents(tx, "SELECT id FROM incidents WHERE company_id = ?1", id)?;
                Ok(old)
            },
        )
    }

    /// Adds `alias` to a company; an alias of another company is refused.
    pub fn add_company_alias(&mut self, which: &str, alias: &str, actor: &str) -> Result<()> {
        let alias = one_line("alias", alias)?;
        self.registry_tx(
            RegistryOp::AddCompanyAlias {
                company: which.to_string(),
                alias: alias.clone(),
            },
            |tx| {
                let id = company_or_not_found(tx, which)?;
                if let Some(other) = find_company(tx, &alias)? {
                    if other == id {
                        // Another spelling that finds it already ("Equifax Inc."):
                        // listed as asked, unless it is the name itself.
                        let name: String =
                            tx.query_row("SELECT name FROM companies WHERE id = ?1", [id], |r| {
                                r.get(0)
                            })?;
                        if name.to_lowercase() != alias.to_lowercase() {
                            crate::store::incidents::add_company_alias(tx, id, &alias)?;
                        }
                        return Ok(());
                    }
                    let taken: String =
                        tx.query_row("SELECT name FROM companies WHERE id = ?1", [other], |r| {
                            r.get(0)
                        })?;
                    return Err(Error::invalid(
                        "alias",
                        crate::msg!(
                            "error.alias_taken",
                            "'{alias}' already names {taken}",
                            alias = &alias,
                            taken = taken
                        ),
                    ));
                }
                crate::store::incidents::add_company_alias(tx, id, &alias)?;
                record(tx, "company", id, actor, "alias", None, Some(&alias))?;
                refresh_incidents(tx, "SELECT id FROM incidents WHERE company_id = ?1", id)
            },
        )
    }

    /// Removes an alias of a company.
    pub fn remove_company_alias(&mut self, alias: &str, actor: &str) -> Result<()> {
        self.registry_tx(
            RegistryOp::RemoveCompanyAlias {
                alias: alias.to_string(),
            },
            |tx| {
                let owner: Option<i64> = tx
                    .query_row(
                        "SELECT company_id FROM company_aliases WHERE alias = ?1",
                        [alias.trim()],
                        |r| r.get(0),
                    )
                    .optional()?;
                let id = owner.ok_or_else(|| {
                    Error::NotFound(crate::msg!(
                        "error.no_alias",
                        "no company has the alias '{alias}'",
                        alias = alias.trim()
                    ))
                })?;
                tx.execute(
                    "DELETE FROM company_aliases WHERE alias = ?1",
                    [alias.trim()],
                )?;
                record(
                    tx,
                    "company",
                    id,
                    actor,
                    "alias_removed",
                    Some(alias.trim()),
                    None,
                )?;
                refresh_incidents(tx, "SELECT id FROM incidents WHERE company_id = ?1", id)
            },
        )
    }

    /// Merges company `from` into `into`: its incidents move, its name and
    /// aliases become aliases of `into`. Returns the incidents moved.
    pub fn merge_companies(&mut self, from: &str, into: &str, actor: &str) -> Result<usize> {
        self.registry_tx(
            RegistryOp::MergeCompanies {
                from: from.to_string(),
                into: into.to_string(),
            },
            |tx| {
                let from_id = company_or_not_found(tx, from)?;
                let into_id = company_or_not_found(tx, into)?;
                if from_id == into_id {
                    return Err(Error::invalid(
                        "into",
                        crate::msg!(
                            "error.merge_self_company",
                            "a company cannot be merged into itself"
                        ),
                    ));
                }
                let name: String =
                    tx.query_row("SELECT name FROM companies WHERE id = ?1", [from_id], |r| {
                        r.get(0)
                    })?;
                let into_name: String =
                    tx.query_row("SELECT name FROM companies WHERE id = ?1", [into_id], |r| {
                        r.get(0)
                    })?;
                let moved = tx.execute(
                    "UPDATE incidents SET company_id = ?2 WHERE company_id = ?1",
                    params![from_id, into_id],
                )?;
                tx.execute(
                    "UPDATE company_aliases SET company_id = ?2 WHERE company_id = ?1",
                    params![from_id, into_id],
                )?;
                tx.execute("DELETE FROM companies WHERE id = ?1", [from_id])?;
                crate::store::incidents::add_company_alias(tx, into_id, &name)?;
                record(
                    tx,
                    "company",
                    into_id,
                    actor,
                    "merged",
                    None,
                    Some(&format!("{name}, {moved} incidents")),
                )?;
                record(
                    tx,
                    "company",
                    from_id,
                    actor,
                    "merged_into",
                    Some(&name),
                    Some(&into_name),
                )?;
                refresh_incidents(
                    tx,
                    "SELECT id FROM incidents WHERE company_id = ?1",
                    into_id,
                )?;
                Ok(moved)
            },
        )
    }

    /// The recorded changes of a regulator or company, oldest first.
    pub fn registry_history(&self, entity: &str, id: i64) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT at, actor, field, old_value, new_value FROM registry_history
             WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![entity, id], crate::store::incidents::history_entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Inserts a regulator inside the caller's transaction (the import's
/// `--create-regulators`), with its history and keys.
pub(crate) fn insert_regulator(
    conn: &Connection,
    name: &str,
    short: Option<&str>,
    country: &str,
    actor: &str,
) -> Result<i64> {
    let name = one_line("regulator", name)?;
    let short = short.map(|s| one_line("regulator", s)).transpose()?;
    conn.execute(
        "INSERT INTO regulators (name, short_name, country) VALUES (?1, ?2, ?3)",
        params![name, short, country],
    )?;
    let id = conn.last_insert_rowid();
    record(conn, "regulator", id, actor, "created", None, Some(&name))?;
    rekey_regulators(conn)?;
    Ok(id)
}

fn company_or_not_found(conn: &Connection, which: &str) -> Result<i64> {
    find_company(conn, which)?.ok_or_else(|| {
        Error::NotFound(crate::msg!(
            "error.no_company",
            "no company is named '{name}'",
            name = which.trim()
        ))
    })
}
impl Store {
    /// What the article extractor knows from this database: its regulators
    /// (with any added by analysts) and its companies with their aliases.
    pub fn extraction_context(
        &self,
        published: Option<chrono::NaiveDate>,
        url: Option<String>,
    ) -> Result<crate::extract::Context> {
        let national: std::collections::HashSet<i64> = self
            .conn
            .prepare("SELECT id FROM regulators WHERE level = 'national'")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let regulators = self
            .regulators()?
            .into_iter()
            .map(|r| crate::extract::KnownRegulator {
                national: national.contains(&r.id),
                name: r.name,
                short_name: r.short_name,
                country: r.country,
                aliases: r.aliases,
            })
            .collect();
        let mut stmt = self.conn.prepare(
            "SELECT c.name, (SELECT group_concat(alias, char(31)) FROM company_aliases a WHERE a.company_id = c.id)
             FROM companies c",
        )?;
        let companies = stmt
            .query_map([], |r| {
                let aliases: Option<String> = r.get(1)?;
                Ok(crate::extract::KnownCompany {
                    name: r.get(0)?,
                    aliases: unit_list(aliases),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(crate::extract::Context {
            published,
            url,
            regulators,
            companies,
            regulator_index: Default::default(),
            regulator_keys: Default::default(),
            rules_only: false,
        })
    }
}

impl Store {
    /// All regulators, by country then short name (the registry's entries
    /// without their counts).
    pub fn regulators(&self) -> Result<Vec<Regulator>> {
        Ok(self
            .regulator_entries()?
            .into_iter()
            .map(|r| Regulator {
                id: r.id,
                name: r.name,
                short_name: r.short_name,
                country: r.country,
                aliases: r.aliases,
            })
            .collect())
    }

    /// Up to `limit` company names that start with `prefix` (any case), for
    /// suggestions while typing: a database of a million incidents has a
    /// hundred thousand companies, too many to hand the page at once.
    pub fn company_suggestions(&self, prefix: &str, limit: u32) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name FROM companies c
             WHERE name >= ?1 AND name < ?1 || char(1114111)
               AND EXISTS (SELECT 1 FROM incidents i WHERE i.company_id = c.id AND i.deleted_at IS NULL)
             ORDER BY name LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![prefix.trim(), limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Names of all companies that have incidents.
    pub fn company_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT name FROM companies c
             WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.company_id = c.id AND i.deleted_at IS NULL)
             ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
