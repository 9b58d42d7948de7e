//! Registry changes as operations: a rename, an alias or a merge made here is
//! written to `sync_ops` in the same transaction, sent to the server once, and
//! replayed by every other desktop in the server's order. A merge travels as
//! a redirect ("from" now means "into"), so that every desktop ends with the
//! same registry and an incident naming the old company lands on the new one.

use crate::error::{Error, Result};
use crate::store::registry::RegulatorInput;
use crate::Store;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

/// One change of the registries, with the names the person gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum RegistryOp {
    RenameCompany {
        company: String,
        to: String,
    },
    AddCompanyAlias {
        company: String,
        alias: String,
    },
    RemoveCompanyAlias {
        alias: String,
    },
    MergeCompanies {
        from: String,
        into: String,
    },
    AddRegulator {
        input: RegulatorInput,
    },
    EditRegulator {
        regulator: String,
        input: RegulatorInput,
    },
    AddRegulatorAlias {
        regulator: String,
        alias: String,
    },
    MergeRegulators {
        from: String,
        into: String,
    },
}

impl Store {
    /// Runs a registry change in one transaction and, unless it is a
    /// teammate's change being replayed here, keeps it to send at the next sync.
    pub(crate) fn registry_tx<T>(
        &mut self,
        op: RegistryOp,
        f: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let keep = !self.replaying;
        self.with_tx(|tx| {
            let value = f(tx)?;
            if keep {
                record(tx, &op)?;
            }
            company_changed(tx)?;
            Ok(value)
        })
    }

    /// Applies a teammate's registry change. A change already in effect here
    /// (the company was merged already, the alias exists) is reported, not
    /// an error: it returns the reason it was skipped.
    pub(crate) fn replay(&mut self, op: &RegistryOp, actor: &str) -> Result<Option<String>> {
        self.replaying = true;
        let outcome = self.replay_op(op, actor);
        self.replaying = false;
        match outcome {
            Ok(()) => Ok(None),
            Err(e @ (Error::Validation { .. } | Error::NotFound(_) | Error::Conflict(_))) => {
                Ok(Some(e.to_string()))
            }
            Err(e) => Err(e),
        }
    }

    fn replay_op(&mut self, op: &RegistryOp, actor: &str) -> Result<()> {
        match op {
            // The new name may have arrived first, with an incident that
            // names it (incidents travel before company changes): the two
            // are one company, as on the desktop that renamed.
            RegistryOp::RenameCompany { company, to } => {
                match self.rename_company(company, to, actor) {
                    Err(e) if e.field() == Some("name") => {
                        self.merge_companies(company, to, actor).map(drop)
                    }
                    other => other.map(drop),
                }
            }
            RegistryOp::AddCompanyAlias { company, alias } => {
                self.add_company_alias(company, alias, actor)
            }
            RegistryOp::RemoveCompanyAlias { alias } => self.remove_company_alias(alias, actor),
            // A company this desktop never had still redirects: its name
            // becomes another name of the one it was merged into.
            RegistryOp::MergeCompanies { from, into } => {
                match self.merge_companies(from, into, actor) {
                    Err(Error::NotFound(_)) => self.add_company_alias(into, from, actor),
                    other => other.map(drop),
                }
            }
            RegistryOp::AddRegulator { input } => self.add_regulator(input, actor).map(drop),
            RegistryOp::EditRegulator { regulator, input } => {
                self.edit_regulator(regulator, input, actor).map(drop)
            }
            RegistryOp::AddRegulatorAlias { regulator, alias } => {
                self.add_regulator_alias(regulator, alias, actor).map(drop)
            }
            RegistryOp::MergeRegulators { from, into } => {
                match self.merge_regulators(from, into, actor) {
                    Err(e) if e.field() == Some("from") => {
                        self.add_regulator_alias(into, from, actor).map(drop)
                    }
                    other => other.map(drop),
                }
            }
        }
    }
}

/// Incidents whose company a rename or a merge changed are sent again, so
/// that the server's copy names the company as every desktop now does.
fn company_changed(conn: &Connection) -> Result<()> {
    conn.execute(
        "UPDATE sync_objects SET local_version = NULL
         WHERE base IS NOT NULL AND json_extract(base, '$.company') IS NOT
               (SELECT c.name FROM incidents i JOIN companies c ON c.id = i.company_id
                WHERE i.id = sync_objects.incident_id)",
        [],
    )?;
    Ok(())
}

/// Keeps a registry change made here, to send at the next sync.
pub(crate) fn record(conn: &Connection, op: &RegistryOp) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_ops (uuid, op, pushed) VALUES (?1, ?2, 0)",
        params![uuid::Uuid::new_v4().to_string(), serde_json::to_string(op)?],
    )?;
    Ok(())
}

/// Whether a change (as JSON) is about regulators rather than companies.
pub(crate) fn is_regulator_op(op: &serde_json::Value) -> bool {
    op.get("op")
        .and_then(|o| o.as_str())
        .is_some_and(|o| o.contains("regulator"))
}

/// Registry changes made here and not yet on the server, oldest first.
pub(crate) fn unsent(conn: &Connection) -> Result<Vec<(String, serde_json::Value)>> {
    let mut stmt = conn.prepare("SELECT uuid, op FROM sync_ops WHERE pushed = 0 ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (uuid, op) = row?;
        out.push((uuid, serde_json::from_str(&op)?));
    }
    Ok(out)
}

/// The server has the change `uuid` at `version` (it took it now, or had it
/// already).
pub(crate) fn mark_sent(conn: &Connection, uuid: &str, version: i64) -> Result<()> {
    conn.execute(
        "UPDATE sync_ops SET pushed = 1, version = ?2 WHERE uuid = ?1",
        params![uuid, version],
    )?;
    Ok(())
}

/// Whether a change from the server is known here (made here, or replayed).
pub(crate) fn known(conn: &Connection, uuid: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sync_ops WHERE uuid = ?1")?
        .query_row([uuid], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Remembers a change from the server (a teammate's, replayed; or one made
/// here) with its place in the server's order.
pub(crate) fn remember(
    conn: &Connection,
    uuid: &str,
    op: &serde_json::Value,
    version: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_ops (uuid, op, pushed, version) VALUES (?1, ?2, 1, ?3)
         ON CONFLICT (uuid) DO UPDATE SET pushed = 1, version = ?3",
        params![uuid, op.to_string(), version],
    )?;
    Ok(())
}

impl Store {
    /// Gives each company the name that the last change in the server's
    /// order gave it. A desktop applies its own merges and renames before it
    /// knows their place among its teammates' (two desktops merging A into B
    /// and B into A offline); without this, each would keep its own order's
    /// name. Returns whether a name changed here.
    pub(crate) fn settle_company_names(&mut self) -> Result<bool> {
        let mut stmt = self
            .conn()
            .prepare("SELECT op FROM sync_ops WHERE version IS NOT NULL ORDER BY version DESC")?;
        let ops: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        let (mut settled, mut changed) = (Vec::new(), false);
        for op in ops {
            let target = match serde_json::from_str(&op)? {
                RegistryOp::MergeCompanies { into, .. } => into,
                RegistryOp::RenameCompany { to, .. } => to,
                _ => continue,
            };
            let Some((id, name)) = crate::store::incidents::company_named(self.conn(), &target)?
            else {
                continue;
            };
            if settled.contains(&id) {
                continue;
            }
            settled.push(id);
            if name != target {
                self.replaying = true;
                let renamed = self.rename_company(&name, &target, "sync");
                self.replaying = false;
                renamed?;
                changed = true;
            }
        }
        Ok(changed)
    }
}
