//! The one rule that turns a regulator's name, as anyone writes it, into the
//! regulator: the editor, the import, the views and the CLI all resolve
//! through here.
//!
//! A name matches a regulator's name, short name or alias, first exactly (any
//! case), then by its comparison key ([`name_key`]: case, spacing,
//! punctuation and legal forms ignored). A name with a bracketed short form —
//! `Spanish Data Protection Authority (AEPD)` — resolves by the short form, by
//! the long name before it, or by both together when one alone is ambiguous
//! (`CNPD` is Portugal's and Luxembourg's). A country, when known, settles
//! what is still ambiguous. An unknown name is an error that suggests the
//! three closest known names; an ambiguous one lists its candidates.

use crate::error::{Error, Result};

/// How a regulator is shown wherever it is named (events, list rows,
/// statistics): its label (the short name with the country, where two share
/// it), else its short name, else its name. SQL over `regulators r`, for `concat!`.
macro_rules! regulator_label {
    () => {
        "coalesce(nullif(r.label, ''), r.short_name, r.name)"
    };
}
use crate::model::Regulator;
use crate::names::{closest, name_key};
use crate::store::Store;
pub(crate) use regulator_label;
use rusqlite::{params, Connection};

/// The regulators `text` names exactly or by key.
fn candidates(conn: &Connection, text: &str) -> Result<Vec<i64>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    // `#12`: a regulator already resolved (the import writes them so).
    if let Some(id) = text.strip_prefix('#').and_then(|n| n.parse::<i64>().ok()) {
        let mut stmt = conn.prepare_cached("SELECT id FROM regulators WHERE id = ?1")?;
        return Ok(stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?);
    }
    let mut exact = conn.prepare_cached(
        "SELECT id FROM regulators WHERE name = ?1 COLLATE NOCASE OR short_name = ?1 COLLATE NOCASE
         UNION SELECT regulator_id FROM regulator_aliases WHERE alias = ?1",
    )?;
    let ids: Vec<i64> = exact
        .query_map([text], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !ids.is_empty() {
        return Ok(ids);
    }
    let mut keyed = conn.prepare_cached(
        "SELECT id FROM regulators WHERE name_key = ?1 OR short_key = ?1
         UNION SELECT regulator_id FROM regulator_aliases WHERE alias_key = ?1",
    )?;
    let ids = keyed
        .query_map([name_key(text)], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// `Long name (SHORT)` → (`Long name`, `SHORT`); full-width brackets too.
pub fn split_bracket(text: &str) -> Option<(&str, &str)> {
    let t = text.trim();
    let (open, close) = if t.ends_with(')') {
        ('(', ')')
    } else if t.ends_with('）') {
        ('（', '）')
    } else {
        return None;
    };
    let at = t.rfind(open)?;
    let long = t[..at].trim();
    let short = t[at + open.len_utf8()..t.len() - close.len_utf8()].trim();
    (!long.is_empty() && !short.is_empty()).then_some((long, short))
}

fn keep_country(conn: &Connection, ids: Vec<i64>, country: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT country FROM regulators WHERE id = ?1")?;
    let mut kept = Vec::new();
    for id in ids {
        let c: String = stmt.query_row([id], |r| r.get(0))?;
        if c.eq_ignore_ascii_case(country) {
            kept.push(id);
        }
    }
    Ok(kept)
}

/// What a name resolves to: one regulator, several, or none.
pub(crate) fn matches(conn: &Connection, text: &str, country: Option<&str>) -> Result<Vec<i64>> {
    let mut pool = candidates(conn, text)?;
    if pool.is_empty() {
        if let Some((long, short)) = split_bracket(text) {
            // "CNPD (PT)": a name with its country.
            if short.len() == 2 && crate::countries::is_known_code(&short.to_ascii_uppercase()) {
                let by_long = candidates(conn, long)?;
                let kept = keep_country(conn, by_long, &short.to_ascii_uppercase())?;
                if !kept.is_empty() {
                    return Ok(kept);
                }
            }
            let by_short = candidates(conn, short)?;
            let by_long = candidates(conn, long)?;
            let both: Vec<i64> = by_short
                .iter()
                .copied()
                .filter(|id| by_long.contains(id))
                .collect();
            pool = match (by_short.is_empty(), by_long.is_empty(), both.is_empty()) {
                (_, _, false) => both,
                (true, _, _) => by_long,
                (false, true, _) => by_short,
                // Each names something, but not the same regulator: the short
                // form is the authority's own spelling and wins.
                (false, false, true) => by_short,
            };
        }
    }
    // A bracketed short form nobody knows names another authority: only an
    // unbracketed description falls back to the country's national one.
    if pool.is_empty() && split_bracket(text).is_none() {
        if let Some(country) = country {
            pool = national_authority(conn, text, country)?;
        }
    }
    if pool.len() > 1 {
        if let Some(country) = country.filter(|c| !c.trim().is_empty()) {
            let kept = keep_country(conn, pool.clone(), country.trim())?;
            if !kept.is_empty() {
                pool = kept;
            }
        }
    }
    pool.sort_unstable();
    pool.dedup();
    Ok(pool)
}

/// Words that describe a data-protection authority without naming it.
const AUTHORITY_WORDS: &[&str] = &[
    "data protection",
    "privacy",
    "personal data",
    "information commissioner",
    "datenschutz",
    "protection des données",
    "protección de datos",
    "protezione dei dati",
];

/// "Slovakian Data Protection Authority" with the row's country SK: a
/// description, not a name, of the country's one national authority. Not
/// when it names a place that is not the country ("… of Niedersachsen").
fn national_authority(conn: &Connection, text: &str, country: &str) -> Result<Vec<i64>> {
    let lower = text.to_lowercase();
    if !AUTHORITY_WORDS.iter().any(|w| lower.contains(w)) {
        return Ok(Vec::new());
    }
    if let Some((_, place)) = lower.rsplit_once(" of ") {
        let place = place.trim_start_matches("the ").trim();
        if crate::countries::country_code(place) != Some(country.trim()) {
            return Ok(Vec::new());
        }
    }
    let mut stmt =
        conn.prepare_cached("SELECT id FROM regulators WHERE country = ?1 AND level = 'national'")?;
    let ids: Vec<i64> = stmt
        .query_map([country.trim()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if ids.len() == 1 { ids } else { Vec::new() })
}

/// Every name a regulator is known by, for suggestions.
fn known_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT name FROM regulators UNION SELECT short_name FROM regulators WHERE short_name IS NOT NULL
         UNION SELECT alias FROM regulator_aliases",
    )?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The three known names closest to `text`, for an "unknown" message.
pub fn suggestions(conn: &Connection, text: &str) -> Result<Vec<String>> {
    let known = known_names(conn)?;
    let mut near = closest(text, known.iter().map(String::as_str), 3);
    if near.is_empty() {
        if let Some((long, short)) = split_bracket(text) {
            near = closest(short, known.iter().map(String::as_str), 3);
            if near.is_empty() {
                near = closest(long, known.iter().map(String::as_str), 3);
            }
        }
    }
    Ok(near)
}

/// `SHORT (CC) — Name` for each regulator, to list candidates.
fn describe(conn: &Connection, ids: &[i64]) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT coalesce(short_name, name), country, name FROM regulators WHERE id = ?1",
    )?;
    ids.iter()
        .map(|id| {
            stmt.query_row(params![id], |r| {
                let (short, country, name): (String, String, String) =
                    (r.get(0)?, r.get(1)?, r.get(2)?);
                Ok(if short == name {
                    format!("{short} ({country})")
                } else {
                    format!("{short} ({country}) — {name}")
                })
            })
            .map_err(Error::from)
        })
        .collect()
}

/// What a name resolves to under the one rule.
enum Resolved {
    One(i64),
    /// No regulator: the closest known names.
    Unknown(Vec<String>),
    /// Several: each described with its country.
    Ambiguous(Vec<String>),
}

fn resolve(conn: &Connection, text: &str, country: Option<&str>) -> Result<Resolved> {
    let found = matches(conn, text, country)?;
    Ok(match found.as_slice() {
        [id] => Resolved::One(*id),
        [] => Resolved::Unknown(suggestions(conn, text)?),
        many => Resolved::Ambiguous(describe(conn, many)?),
    })
}

/// The error for a name that could be several regulators, on `field`.
fn ambiguous(field: &str, text: &str, candidates: &[String]) -> Error {
    let example = candidates
        .first()
        .and_then(|c| c.split(" — ").next())
        .unwrap_or_default();
    Error::invalid(
        field,
        crate::msg!(
            "error.ambiguous_regulator",
            "'{text}' could be {candidates}; write the one you mean with its country in \
             brackets, e.g. '{example}'",
            text = text.trim(),
            candidates = candidates.join(" or "),
            example = example
        ),
    )
}

/// Resolves a regulator's name to its id, or explains on `field` why it
/// cannot: unknown (with the closest names) or ambiguous (with each candidate).
pub fn resolve_regulator(
    conn: &Connection,
    field: &str,
    text: &str,
    country: Option<&str>,
) -> Result<i64> {
    match resolve(conn, text, country)? {
        Resolved::One(id) => Ok(id),
        Resolved::Unknown(near) => {
            let message = if near.is_empty() {
                crate::msg!(
                    "error.unknown_regulator",
                    "unknown regulator '{text}'; add it to the regulators first (incidents \
                     regulators add, or the Regulators screen)",
                    text = text.trim()
                )
            } else {
                crate::msg!(
                    "error.unknown_regulator_near",
                    "unknown regulator '{text}'; closest known: {near}",
                    text = text.trim(),
                    near = near.join(", ")
                )
            };
            Err(Error::invalid(field, message))
        }
        Resolved::Ambiguous(candidates) => Err(ambiguous(field, text, &candidates)),
    }
}

/// What a name that is not found was to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    Company,
    Regulator,
}

/// "No company named 'X'; did you mean: …?" — the one wording of a name that
/// is not found, for companies and regulators alike (each its own message, so
/// that a translation says "company" or "regulator" in its own words).
pub(crate) fn not_found_with_suggestions(
    what: Named,
    name: &str,
    suggestions: Vec<String>,
) -> Error {
    let (name, near) = (name.trim(), suggestions.join(", "));
    Error::NotFound(match (what, suggestions.is_empty()) {
        (Named::Company, true) => {
            crate::msg!(
                "error.no_company_named",
                "no company named '{name}'",
                name = name
            )
        }
        (Named::Company, false) => crate::msg!(
            "error.no_company_named_near",
            "no company named '{name}'; did you mean: {near}?",
            name = name,
            near = &near
        ),
        (Named::Regulator, true) => {
            crate::msg!(
                "error.no_regulator_named",
                "no regulator named '{name}'",
                name = name
            )
        }
        (Named::Regulator, false) => crate::msg!(
            "error.no_regulator_named_near",
            "no regulator named '{name}'; did you mean: {near}?",
            name = name,
            near = &near
        ),
    })
}

impl Store {
    /// Looks a regulator up to open its view: by the same rule as every
    /// other look-up; an unknown name is `NotFound` with the closest known
    /// names suggested, an ambiguous one lists its candidates.
    pub fn regulator_by_name(&self, name: &str) -> Result<Regulator> {
        let id = match resolve(&self.conn, name, None)? {
            Resolved::One(id) => id,
            Resolved::Unknown(near) => {
                return Err(not_found_with_suggestions(Named::Regulator, name, near))
            }
            Resolved::Ambiguous(candidates) => {
                return Err(ambiguous("regulator", name, &candidates))
            }
        };
        self.regulators()?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| {
                Error::NotFound(crate::msg!(
                    "error.no_regulator",
                    "regulator {id} not found",
                    id = id
                ))
            })
    }
}

/// Keeps the comparison keys of every regulator and alias in step with their
/// text (called by every write of the registry and by the migration that
/// introduced the keys).
pub(crate) fn rekey_regulators(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, name, coalesce(short_name, '') FROM regulators")?;
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update =
        conn.prepare_cached("UPDATE regulators SET name_key = ?2, short_key = ?3 WHERE id = ?1")?;
    for (id, name, short) in rows {
        let short_key = if short.is_empty() {
            String::new()
        } else {
            name_key(&short)
        };
        update.execute(params![id, name_key(&name), short_key])?;
    }
    let mut stmt = conn.prepare("SELECT regulator_id, alias FROM regulator_aliases")?;
    let rows: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare_cached(
        "UPDATE regulator_aliases SET alias_key = ?3 WHERE regulator_id = ?1 AND alias = ?2",
    )?;
    for (id, alias) in rows {
        update.execute(params![id, alias, name_key(&alias)])?;
    }
    relabel_regulators(conn)
}

/// Gives each regulator the label events show it by: its short name (or
/// name), with its country added where that alone would name two.
fn relabel_regulators(conn: &Connection) -> Result<()> {
    let mut stmt =
        conn.prepare("SELECT id, coalesce(short_name, name), country FROM regulators")?;
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare_cached("UPDATE regulators SET label = ?2 WHERE id = ?1")?;
    for (id, base, country) in rows {
        let label = if matches(conn, &base, None)? == [id] {
            base
        } else {
            format!("{base} ({country})")
        };
        update.execute(params![id, label])?;
    }
    Ok(())
}
