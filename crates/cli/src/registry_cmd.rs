//! `incidents regulators …` and `incidents companies …`: the registries as
//! data, from the command line.

use clap::Subcommand;
use incidents_core::store::registry::RegulatorInput;
use incidents_core::{Error, Store};
use std::io::Write;

#[derive(Subcommand)]
pub enum RegulatorAction {
    /// Every regulator with its short name, country, level and aliases
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a regulator
    Add {
        /// The name as the authority writes it
        #[arg(long)]
        name: String,
        #[arg(long)]
        short_name: Option<String>,
        /// ISO 3166-1 alpha-2 code or country name (EU for EU bodies)
        #[arg(long)]
        country: String,
        /// national, regional, sector or supranational
        #[arg(long)]
        level: Option<String>,
        #[arg(long)]
        website: Option<String>,
        /// Other names, in any language (repeat the flag)
        #[arg(long = "alias")]
        aliases: Vec<String>,
    },
    /// Change fields of a regulator (named by any of its names)
    Edit {
        regulator: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        short_name: Option<String>,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        level: Option<String>,
        #[arg(long)]
        website: Option<String>,
    },
    /// Add other names to a regulator
    Alias {
        regulator: String,
        #[arg(required = true)]
        aliases: Vec<String>,
    },
    /// Merge regulator A into B: A's events move to B, A's names become B's aliases
    Merge { from: String, into: String },
}

#[derive(Subcommand)]
pub enum CompanyAction {
    /// Companies with their aliases and incident counts
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename a company; the old name stays an alias
    Rename { company: String, new_name: String },
    /// Add other names to a company
    Alias {
        company: String,
        #[arg(required = true)]
        aliases: Vec<String>,
    },
    /// Remove an alias
    Unalias { alias: String },
    /// Merge company A into B: A's incidents move to B, A's names become B's aliases
    Merge { from: String, into: String },
}

pub fn regulators(
    store: &mut Store,
    action: Option<RegulatorAction>,
    who: &str,
) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match action.unwrap_or(RegulatorAction::List { json: true }) {
        RegulatorAction::List { json: true } => crate::print_json(&store.regulator_entries()?)?,
        RegulatorAction::List { json: false } => {
            for r in store.regulator_entries()? {
                writeln!(
                    out,
                    "{:<16} {:<3} {:<13} {:>6}  {}{}",
                    r.short_name.as_deref().unwrap_or("-"),
                    r.country,
                    r.level.as_deref().unwrap_or("-"),
                    r.actions,
                    r.name,
                    if r.aliases.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", r.aliases.join(" | "))
                    }
                )?;
            }
        }
        RegulatorAction::Add {
            name,
            short_name,
            country,
            level,
            website,
            aliases,
        } => {
            let input = RegulatorInput {
                name: Some(name),
                short_name,
                country: Some(country),
                level,
                website,
                aliases,
            };
            let id = store.add_regulator(&input, who)?;
            writeln!(out, "added regulator {id}")?;
        }
        RegulatorAction::Edit {
            regulator,
            name,
            short_name,
            country,
            level,
            website,
        } => {
            let input = RegulatorInput {
                name,
                short_name,
                country,
                level,
                website,
                aliases: Vec::new(),
            };
            let id = store.edit_regulator(&regulator, &input, who)?;
            writeln!(out, "changed regulator {id}")?;
        }
        RegulatorAction::Alias { regulator, aliases } => {
            let mut added = 0;
            for a in &aliases {
                added += usize::from(store.add_regulator_alias(&regulator, a, who)?);
            }
            writeln!(out, "{added} aliases added")?;
        }
        RegulatorAction::Merge { from, into } => {
            let moved = store.merge_regulators(&from, &into, who)?;
            writeln!(out, "merged {from} into {into}: {moved} events moved")?;
        }
    }
    Ok(())
}

pub fn companies(store: &mut Store, action: CompanyAction, who: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match action {
        CompanyAction::List { json } => {
            let list = store.company_entries()?;
            if json {
                crate::print_json(&list)?;
            } else {
                for c in list {
                    writeln!(
                        out,
                        "{:>6}  {}{}",
                        c.incidents,
                        c.name,
                        if c.aliases.is_empty() {
                            String::new()
                        } else {
                            format!(" — {}", c.aliases.join(" | "))
                        }
                    )?;
                }
            }
        }
        CompanyAction::Rename { company, new_name } => {
            let old = store.rename_company(&company, &new_name, who)?;
            writeln!(out, "renamed {old} to {}", new_name.trim())?;
        }
        CompanyAction::Alias { company, aliases } => {
            for a in &aliases {
                store.add_company_alias(&company, a, who)?;
            }
            writeln!(out, "{} aliases added to {company}", aliases.len())?;
        }
        CompanyAction::Unalias { alias } => {
            store.remove_company_alias(&alias, who)?;
            writeln!(out, "removed the alias {alias}")?;
        }
        CompanyAction::Merge { from, into } => {
            let moved = store.merge_companies(&from, &into, who)?;
            writeln!(out, "merged {from} into {into}: {moved} incidents moved")?;
        }
    }
    Ok(())
}
