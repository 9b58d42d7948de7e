//! Reference data (the frozen regulator tables of migrations 2 and 6) and the
//! sample incidents a new database starts with (`sample_incidents.json`).

use crate::error::Result;
use crate::model::IncidentInput;
use rusqlite::{params, OptionalExtension, Transaction};

/// The regulators migration 2 loaded, as frozen text: (name, short name,
/// country, aliases in the languages analysts meet). The article extractor
/// uses them when it has no database at hand.
const FIRST_REGULATORS: &str = include_str!("migrations/0002_regulators.tsv");

/// One regulator of a seed table.
pub struct RegulatorSeed {
    pub name: &'static str,
    pub short_name: &'static str,
    pub country: &'static str,
    /// `national`, `regional`, `sector` or `supranational`; empty where the
    /// first table did not say and the broad list does not hold the row.
    pub level: &'static str,
    pub aliases: Vec<&'static str>,
}

fn seed_rows(table: &'static str) -> impl Iterator<Item = RegulatorSeed> {
    table.lines().skip(1).filter_map(|line| {
        let mut cells = line.split('\t');
        Some(RegulatorSeed {
            name: cells.next()?,
            short_name: cells.next()?,
            country: cells.next()?,
            level: "",
            aliases: cells
                .next()
                .unwrap_or("")
                .split(" | ")
                .filter(|a| !a.is_empty())
                .collect(),
        })
    })
}

/// The broad list of authorities migration 6 loaded (name, short name,
/// country, level, website, aliases).
const WORLD_REGULATORS: &str = include_str!("migrations/0006_regulators.tsv");
/// Authorities found missing after migration 11, and short names the press
/// uses (migration 12; the same columns as migration 6's table).
const MORE_REGULATORS: &str = include_str!("migrations/0012_regulators.tsv");
/// The names Chinese, Korean and Japanese reports give authorities that had
/// none (every US state's attorney general, Europe's and Latin America's
/// authorities …), and authorities still missing (migration 13; the same
/// columns as migration 6's table).
const CJK_NAMED_REGULATORS: &str = include_str!("migrations/0013_regulators.tsv");
/// Competition authorities that act on data (India's CCI on WhatsApp's
/// policy, Turkey's, Brazil's CADE, Canada's bureau …), missing until
/// migration 14 (the same columns as migration 6's table).
const COMPETITION_REGULATORS: &str = include_str!("migrations/0014_regulators.tsv");
/// Names in Japanese, traditional Chinese and Korean of authorities the
/// earlier tables hold, that migration 11 added (name, country, aliases).
const REGULATOR_NAMES: &str = include_str!("migrations/0011_regulator_names.tsv");

/// The rows of the names table: (name, country, aliases).
fn name_rows() -> impl Iterator<Item = (&'static str, &'static str, Vec<&'static str>)> {
    REGULATOR_NAMES.lines().skip(1).filter_map(|line| {
        let mut cells = line.split('\t');
        let (name, country) = (cells.next()?, cells.next()?);
        let aliases = cells.next()?.split(" | ").map(str::trim);
        Some((name, country, aliases.filter(|a| !a.is_empty()).collect()))
    })
}

/// The built-in regulators, for code that has no database at hand (the
/// article extractor run from the CLI): the first table with the broad
/// list's rows and other names merged in, as a new database holds them.
pub fn regulator_table() -> impl Iterator<Item = RegulatorSeed> {
    let mut rows: Vec<RegulatorSeed> = seed_rows(FIRST_REGULATORS).collect();
    let tables = [
        WORLD_REGULATORS,
        MORE_REGULATORS,
        CJK_NAMED_REGULATORS,
        COMPETITION_REGULATORS,
    ];
    for line in tables.iter().flat_map(|t| t.lines().skip(1)) {
        let cells: Vec<&'static str> = line.split('\t').collect();
        let [name, short, country, level, _website, aliases] = cells[..] else {
            continue;
        };
        let aliases = aliases
            .split(" | ")
            .map(str::trim)
            .filter(|a| !a.is_empty());
        let row = RegulatorSeed {
            name,
            short_name: short,
            country,
            level,
            aliases: Vec::new(),
        };
        merge(&mut rows, row, aliases);
    }
    for (name, country, aliases) in name_rows() {
        let row = RegulatorSeed {
            name,
            short_name: "",
            country,
            level: "",
            aliases: Vec::new(),
        };
        merge(&mut rows, row, aliases.into_iter());
    }
    rows.into_iter()
}

/// Adds a regulator's level and other names to its row, or the regulator
/// itself (`new` with its aliases).
fn merge(
    rows: &mut Vec<RegulatorSeed>,
    new: RegulatorSeed,
    aliases: impl Iterator<Item = &'static str>,
) {
    match rows
        .iter_mut()
        .find(|r| r.name == new.name && r.country == new.country)
    {
        Some(row) => {
            let added: Vec<&str> = aliases.filter(|a| !row.aliases.contains(a)).collect();
            row.aliases.extend(added);
            if row.level.is_empty() {
                row.level = new.level;
            }
        }
        None => rows.push(RegulatorSeed {
            aliases: aliases.collect(),
            ..new
        }),
    }
}

/// Migration step: loads the regulators and their aliases.
pub(crate) fn seed_regulators(tx: &Transaction) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT OR IGNORE INTO regulators (name, short_name, country) VALUES (?1, ?2, ?3)",
    )?;
    let mut find = tx.prepare("SELECT id FROM regulators WHERE name = ?1 AND country = ?2")?;
    let mut alias = tx
        .prepare("INSERT OR IGNORE INTO regulator_aliases (regulator_id, alias) VALUES (?1, ?2)")?;
    for r in seed_rows(FIRST_REGULATORS) {
        insert.execute(params![r.name, r.short_name, r.country])?;
        let id: i64 = find.query_row(params![r.name, r.country], |row| row.get(0))?;
        for a in r.aliases {
            alias.execute(params![id, a])?;
        }
    }
    Ok(())
}

/// Migration step: the broad list of authorities (every EU/EEA authority, the
/// German Länder, the US state attorneys general, …) from the frozen table
/// `0006_regulators.tsv`. Rows already present (matched by name and country)
/// gain the level, website and aliases; the comparison keys are computed last.
pub(crate) fn seed_world_regulators(tx: &Transaction) -> Result<()> {
    seed_regulator_table(tx, WORLD_REGULATORS)
}

/// Migration step: `0012_regulators.tsv`, read as migration 6 read its table.
pub(crate) fn seed_more_regulators(tx: &Transaction) -> Result<()> {
    seed_regulator_table(tx, MORE_REGULATORS)
}

/// Migration step: `0013_regulators.tsv`, read as migration 6 read its table.
pub(crate) fn seed_cjk_named_regulators(tx: &Transaction) -> Result<()> {
    seed_regulator_table(tx, CJK_NAMED_REGULATORS)
}

/// Migration step: `0014_regulators.tsv`, read as migration 6 read its table.
pub(crate) fn seed_competition_regulators(tx: &Transaction) -> Result<()> {
    seed_regulator_table(tx, COMPETITION_REGULATORS)
}

/// Loads a frozen table of regulators (name, short name, country, level,
/// website, aliases): new rows are inserted, known ones gain what is new.
fn seed_regulator_table(tx: &Transaction, table: &str) -> Result<()> {
    let mut find = tx.prepare("SELECT id FROM regulators WHERE name = ?1 AND country = ?2")?;
    let mut insert = tx.prepare(
        "INSERT INTO regulators (name, short_name, country, level, website) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut update = tx.prepare(
        "UPDATE regulators SET level = ?2, website = coalesce(website, ?3),
            short_name = coalesce(short_name, ?4) WHERE id = ?1",
    )?;
    let mut alias = tx
        .prepare("INSERT OR IGNORE INTO regulator_aliases (regulator_id, alias) VALUES (?1, ?2)")?;
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [name, short, country, level, website, aliases] = cells[..] else {
            return Err(crate::Error::invalid(
                "regulators",
                crate::msg!(
                    "error.seed_row",
                    "a seed row has {count} cells: {line}",
                    count = cells.len(),
                    line = line
                ),
            ));
        };
        let website = (!website.is_empty()).then_some(website);
        // A body the press gives no short name has none, not an empty one.
        let short = (!short.is_empty()).then_some(short);
        let id = match find
            .query_row(params![name, country], |r| r.get::<_, i64>(0))
            .optional()?
        {
            Some(id) => {
                update.execute(params![id, level, website, short])?;
                id
            }
            None => {
                insert.execute(params![name, short, country, level, website])?;
                tx.last_insert_rowid()
            }
        };
        for a in aliases
            .split(" | ")
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            alias.execute(params![id, a])?;
        }
    }
    crate::store::lookup::rekey_regulators(tx)
}

/// Migration step: the regulators' names in more languages, from the frozen
/// table `0011_regulator_names.tsv`. Every row names a regulator an earlier
/// table loaded; the comparison keys are computed again last.
pub(crate) fn seed_regulator_names(tx: &Transaction) -> Result<()> {
    let mut find = tx.prepare("SELECT id FROM regulators WHERE name = ?1 AND country = ?2")?;
    let mut alias = tx
        .prepare("INSERT OR IGNORE INTO regulator_aliases (regulator_id, alias) VALUES (?1, ?2)")?;
    for (name, country, aliases) in name_rows() {
        let id: i64 = find.query_row(params![name, country], |r| r.get(0))?;
        for a in aliases {
            alias.execute(params![id, a])?;
        }
    }
    crate::store::lookup::rekey_regulators(tx)
}

/// The sample data, kept as a data file in the shape of `incidents add --json`.
const SAMPLE_DATA: &str = include_str!("sample_incidents.json");

/// The sample incidents and their companies' other names.
pub struct SampleData {
    pub incidents: Vec<IncidentInput>,
    /// (company, the other names articles use for it)
    pub company_aliases: Vec<(String, Vec<String>)>,
}

#[derive(serde::Deserialize)]
struct SampleFile {
    companies: Vec<SampleCompany>,
    incidents: Vec<serde_json::Value>,
}

#[derive(serde::Deserialize)]
struct SampleCompany {
    name: String,
    aliases: Vec<String>,
}

/// The sample incidents a new database starts with: the seed case and other
/// real cases from the labelled news fixtures, with the figures those reports give.
pub fn sample_data() -> Result<SampleData> {
    let file: SampleFile = serde_json::from_str(SAMPLE_DATA).map_err(|e| {
        crate::Error::invalid(
            "sample_incidents.json",
            crate::msg!("error.json", "{detail}", detail = e),
        )
    })?;
    let incidents = file
        .incidents
        .into_iter()
        .map(IncidentInput::from_value)
        .collect::<Result<_>>()?;
    let company_aliases = file
        .companies
        .into_iter()
        .map(|c| (c.name, c.aliases))
        .collect();
    Ok(SampleData {
        incidents,
        company_aliases,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sample_data_file_reads_and_every_incident_is_valid() {
        let data = super::sample_data().unwrap();
        assert_eq!(data.incidents.len(), 7);
        for incident in &data.incidents {
            incident.validate().unwrap();
        }
        assert!(data.company_aliases.iter().any(
            |(name, aliases)| name == "Kakao Pay" && aliases.iter().any(|a| a == "카카오페이")
        ));
    }
}
