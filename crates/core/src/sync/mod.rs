//! Team sync: the desktop keeps its SQLite file and exchanges incidents with
//! the team's server (`incidents-server`, PostgreSQL) by versions, the way
//! Zotero does. A sync pulls what changed since the library version it last
//! saw, merges each incident field by field against the copy both sides
//! started from, then pushes its own changes, each made from a server version;
//! an incident the server moved on in between comes back as 412 and the round
//! repeats. The same field changed on both sides becomes a conflict that a
//! person settles (`resolve`); until then the server keeps its value.

pub mod doc;
pub mod http;
mod local;
pub mod registry;
pub mod team;
pub mod wire;

use crate::error::{Error, Result};
use crate::Store;
use doc::Doc;
use local::Link;
use serde::Serialize;
use wire::{Batch, Change, Changes, Write};

/// The server, as the sync sees it: [`http::HttpRemote`] or a test double.
pub trait Remote {
    /// Objects written after library version `since`.
    fn changes(&mut self, since: i64) -> Result<Changes>;
    /// Sends `batch`, made with the library at version `seen`.
    fn batch(&mut self, seen: i64, batch: &Batch) -> Result<wire::BatchResult>;
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Report {
    /// Incidents a teammate changed, merged in here.
    pub pulled: usize,
    /// Incidents sent to the server and taken.
    pub pushed: usize,
    /// Registry changes (renames, aliases, merges) of teammates applied here.
    pub registry: usize,
    /// Registry changes of teammates that were already in effect here, and why.
    pub skipped: Vec<String>,
    /// Fields waiting for a person's choice after this sync (all incidents).
    pub conflicts: usize,
    /// The server's library version this desktop has seen.
    pub version: i64,
}

/// Rounds of pull and push before a sync gives up on a busy server.
const ROUNDS: u32 = 6;

/// Pulls, merges and pushes until the server takes every change (or gives a
/// conflict for a person). `actor` is written in the history of local edits
/// made by the merge ("sync:alice").
pub fn sync(store: &mut Store, remote: &mut dyn Remote) -> Result<Report> {
    let mut report = Report::default();
    for round in 0..ROUNDS {
        pull(store, remote, &mut report)?;
        push_registry(store, remote, true)?;
        let (pushed, stale) = push(store, remote)?;
        push_registry(store, remote, false)?;
        report.pushed += pushed;
        let renamed = store.settle_company_names()?;
        if stale == 0 && !renamed {
            report.version = local::library_version(store.conn())?;
            report.conflicts = store.sync_conflicts()?.len();
            return Ok(report);
        }
        std::thread::sleep(std::time::Duration::from_millis(50 << round));
    }
    Err(Error::Unavailable(crate::msg!(
        "error.sync_busy",
        "the sync server kept changing the same incidents during {rounds} rounds; sync again",
        rounds = ROUNDS
    )))
}

/// Takes every change after the library version last seen; returns how many.
/// Incidents of a run merge in one transaction; registry changes replay one
/// by one, in the server's order between them.
fn pull(store: &mut Store, remote: &mut dyn Remote, report: &mut Report) -> Result<()> {
    loop {
        let since = local::library_version(store.conn())?;
        let page = remote.changes(since)?;
        for run in page.objects.chunk_by(|a, b| a.kind == b.kind) {
            if run[0].kind == wire::REGISTRY {
                for change in run {
                    replay(store, change, report)?;
                }
                continue;
            }
            let (changed, skipped) = store.with_tx(|tx| apply_run(tx, run))?;
            report.pulled += changed;
            report.skipped.extend(skipped);
        }
        store.with_tx(|tx| local::set_library_version(tx, page.version))?;
        if !page.more {
            return Ok(());
        }
    }
}

/// Replays a teammate's registry change once; one made here is known already.
fn replay(store: &mut Store, change: &Change, report: &mut Report) -> Result<()> {
    if registry::known(store.conn(), &change.uuid)? {
        // Made here: now its place in the server's order is known.
        return store
            .with_tx(|tx| registry::remember(tx, &change.uuid, &change.data, change.version));
    }
    let op: registry::RegistryOp = serde_json::from_value(change.data.clone())?;
    match store.replay(&op, &format!("sync:{}", change.by))? {
        Some(reason) => report.skipped.push(reason),
        None => report.registry += 1,
    }
    store.with_tx(|tx| registry::remember(tx, &change.uuid, &change.data, change.version))
}

/// Merges a run of incidents from the server in one transaction. An incident
/// that cannot be written here (it breaks a rule this desktop checks, such as
/// an unknown regulator) is found before any of it is written, left out and
/// reported: one bad object must not stop the team's sync.
fn apply_run(tx: &rusqlite::Connection, run: &[Change]) -> Result<(usize, Vec<String>)> {
    let (mut changed, mut skipped, mut unsynced) = (0, Vec::new(), local::unsynced(tx)?);
    let first_new: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM incidents", [], |r| {
            r.get(0)
        })?;
    for change in run {
        match apply(tx, change, &mut unsynced) {
            Ok(done) => changed += usize::from(done),
            Err(Skip(e)) => {
                skipped.push(format!("incident {} from {}: {e}", change.uuid, change.by))
            }
            Err(Fail(e)) => return Err(e),
        }
    }
    // New incidents get their full-text rows together, as an import's do.
    local::index_incidents(tx, first_new, i64::MAX)?;
    Ok((changed, skipped))
}

/// Why an object was not applied: it cannot be written here (left out and
/// reported; nothing of it was written), or the store failed (the pull stops).
enum Applied {
    Skip(Error),
    Fail(Error),
}
use Applied::{Fail, Skip};

impl From<Error> for Applied {
    fn from(e: Error) -> Self {
        Fail(e)
    }
}

/// Merges one object from the server into the local copy; says whether that
/// changed anything here (our own pushes come back unchanged).
fn apply(
    conn: &rusqlite::Connection,
    change: &Change,
    unsynced: &mut local::Unsynced,
) -> std::result::Result<bool, Applied> {
    let theirs = doc::from_wire(&change.data, change.deleted);
    local::check_doc(conn, &theirs).map_err(Skip)?;
    let actor = format!("sync:{}", change.by);
    let Some(link) = local::link_of_uuid(conn, &change.uuid)? else {
        if change.deleted {
            return Ok(false); // deleted before this desktop ever saw it
        }
        // The same incident made here too and never synced (the sample data
        // of a first start): the two become one instead of a duplicate.
        let incident = match local::unsynced_twin(conn, unsynced, &theirs)? {
            Some(id) => id,
            None => local::insert_doc(conn, &theirs, &actor)?,
        };
        let link = Link {
            incident,
            uuid: change.uuid.clone(),
            version: change.version,
            base: Some(theirs),
        };
        local::save_link(conn, &link, true)?;
        return Ok(true);
    };
    // Never synced from here: the answer to our push was lost, so what we
    // sent is what the server started from; without even that, every field
    // the two copies hold differently is a conflict.
    let base = match &link.base {
        Some(base) => base.clone(),
        None => local::sent_of(conn, link.incident)?.unwrap_or_default(),
    };
    let mine = local::local_doc(
        conn,
        link.incident,
        Some(link.base.as_ref().unwrap_or(&theirs)),
    )?
    .unwrap_or_else(|| theirs.clone());
    let merged = doc::merge(&base, &mine, &theirs);
    local::check_doc(conn, &merged.doc).map_err(Skip)?;
    local::write_doc(conn, link.incident, &mine, &merged.doc, &actor)?;
    local::update_conflicts(
        conn,
        link.incident,
        &merged.conflicts,
        (&merged.doc, &theirs),
        (&change.by, &change.at),
    )?;
    let conflicted = local::conflicted_fields(conn, link.incident)?;
    let clean = doc::to_push(&merged.doc, Some(&theirs), &conflicted) == theirs;
    let changed = merged.doc != mine;
    let link = Link {
        version: change.version,
        base: Some(theirs),
        ..link
    };
    local::save_link(conn, &link, clean)?;
    Ok(changed)
}

/// An incident to send, with the document sent.
struct Outgoing {
    link: Link,
    doc: Doc,
}

/// Sends every local change; returns (taken, stale).
fn push(store: &mut Store, remote: &mut dyn Remote) -> Result<(usize, usize)> {
    let outgoing = store.with_tx(|tx| outgoing(tx))?;
    let (mut taken, mut stale) = (0, 0);
    for chunk in wire::chunks(&outgoing, |out| doc::data_of(&out.doc).to_string().len()) {
        let batch = Batch {
            batch: uuid::Uuid::new_v4().to_string(),
            objects: chunk.iter().map(write_of).collect(),
        };
        let seen = local::library_version(store.conn())?;
        let result = send_with_retries(remote, seen, &batch)?;
        let before = taken;
        store.with_tx(|tx| {
            for (out, r) in chunk.iter().zip(&result.results) {
                check_answer(&out.link.uuid, &r.uuid)?;
                match r.status {
                    200 => {
                        let link = Link {
                            version: r.version,
                            base: Some(out.doc.clone()),
                            ..out.link.clone()
                        };
                        let now = local::local_doc(tx, link.incident, link.base.as_ref())?;
                        local::save_link(tx, &link, now.as_ref() == Some(&out.doc))?;
                        taken += 1;
                    }
                    _ => stale += 1,
                }
            }
            // Nobody else wrote in between: this desktop has seen every
            // version up to the batch's, and need not pull its own back.
            if result.version == seen + (taken - before) as i64 {
                local::set_library_version(tx, result.version)?;
            }
            Ok(())
        })?;
    }
    Ok((taken, stale))
}

/// Sends the registry changes made here: regulators before the incidents
/// (whose events name them), companies after (an incident makes its company).
/// A change the server has already (412: its answer was lost) counts as sent.
fn push_registry(store: &mut Store, remote: &mut dyn Remote, regulators: bool) -> Result<()> {
    let mut unsent = registry::unsent(store.conn())?;
    unsent.retain(|(_, op)| registry::is_regulator_op(op) == regulators);
    for chunk in unsent.chunks(wire::PAGE) {
        let objects = chunk
            .iter()
            .map(|(uuid, op)| Write {
                kind: wire::REGISTRY.into(),
                uuid: uuid.clone(),
                version: 0,
                deleted: false,
                data: op.clone(),
            })
            .collect();
        let batch = Batch {
            batch: uuid::Uuid::new_v4().to_string(),
            objects,
        };
        let seen = local::library_version(store.conn())?;
        let result = send_with_retries(remote, seen, &batch)?;
        store.with_tx(|tx| {
            for r in &result.results {
                registry::mark_sent(tx, &r.uuid, r.version)?;
            }
            let taken = result.results.iter().filter(|r| r.status == 200).count() as i64;
            if result.version == seen + taken {
                local::set_library_version(tx, result.version)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

fn write_of(out: &Outgoing) -> Write {
    Write {
        kind: wire::INCIDENT.into(),
        uuid: out.link.uuid.clone(),
        version: out.link.version,
        deleted: doc::is_deleted(&out.doc),
        data: doc::data_of(&out.doc),
    }
}

/// The changed incidents and what to send for each; an incident whose change
/// is all in conflicting fields has nothing to send and is marked clean.
fn outgoing(conn: &rusqlite::Connection) -> Result<Vec<Outgoing>> {
    let mut out = Vec::new();
    for id in local::dirty_incidents(conn)? {
        let link = match local::link_of_incident(conn, id)? {
            Some(link) => link,
            None => Link {
                incident: id,
                uuid: uuid::Uuid::new_v4().to_string(),
                version: 0,
                base: None,
            },
        };
        let Some(mine) = local::local_doc(conn, id, link.base.as_ref())? else {
            continue;
        };
        let doc = doc::to_push(
            &mine,
            link.base.as_ref(),
            &local::conflicted_fields(conn, id)?,
        );
        if link.base.as_ref() == Some(&doc) {
            local::save_link(conn, &link, true)?;
            continue;
        }
        local::save_link(conn, &link, false)?;
        if link.base.is_none() {
            local::save_sent(conn, id, &doc)?;
        }
        out.push(Outgoing { link, doc });
    }
    Ok(out)
}

/// The server answers each object in the order sent; anything else is a
/// server this desktop cannot trust with its changes.
fn check_answer(sent: &str, answered: &str) -> Result<()> {
    if sent == answered {
        return Ok(());
    }
    Err(Error::Unavailable(crate::msg!(
        "error.sync_answer",
        "the sync server answered for {answered} where {sent} was sent; nothing was recorded",
        answered = answered,
        sent = sent
    )))
}

/// A batch lost on the way (server restarting, network gone) is sent again
/// with the same id, so that the server applies it at most once.
fn send_with_retries(
    remote: &mut dyn Remote,
    seen: i64,
    batch: &Batch,
) -> Result<wire::BatchResult> {
    let mut wait = std::time::Duration::from_millis(200);
    for _ in 0..3 {
        match remote.batch(seen, batch) {
            Err(Error::Unavailable(_)) => std::thread::sleep(wait),
            other => return other,
        }
        wait *= 3;
    }
    remote.batch(seen, batch)
}

/// A field changed both here and by a teammate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub incident: i64,
    pub title: String,
    pub field: String,
    pub mine: serde_json::Value,
    pub theirs: serde_json::Value,
    /// Who made the server's value, and when.
    pub theirs_by: String,
    pub theirs_at: String,
}

/// Which value a person keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

impl Side {
    /// Reads a person's choice as the app and the CLI send it: `mine` or `theirs`.
    pub fn parse(keep: &str) -> Result<Side> {
        match keep {
            "mine" => Ok(Side::Mine),
            "theirs" => Ok(Side::Theirs),
            _ => Err(crate::Error::invalid(
                "keep",
                crate::msg!(
                    "error.keep_side",
                    "keep 'mine' or 'theirs', not '{keep}'",
                    keep = keep
                ),
            )),
        }
    }
}

impl Store {
    /// Every field waiting for a person's choice, by incident.
    pub fn sync_conflicts(&self) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn().prepare(
            "SELECT c.incident_id, i.title, c.field, c.mine, c.theirs, c.theirs_by, c.theirs_at
             FROM sync_conflicts c JOIN incidents i ON i.id = c.incident_id
             ORDER BY c.incident_id, c.field",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Conflict {
                incident: r.get(0)?,
                title: r.get(1)?,
                field: r.get(2)?,
                mine: json_cell(r.get(3)?),
                theirs: json_cell(r.get(4)?),
                theirs_by: r.get(5)?,
                theirs_at: r.get(6)?,
            })
        })?;
        let mut conflicts: Vec<Conflict> = rows.collect::<rusqlite::Result<_>>()?;
        // "Mine" is the value here now: the person may have changed it again.
        for c in &mut conflicts {
            if let Some(now) = local::current_value(self.conn(), c.incident, &c.field)? {
                c.mine = now;
            }
        }
        Ok(conflicts)
    }

    /// Settles one conflict: `Mine` sends this desktop's value at the next
    /// sync, `Theirs` takes the server's value here.
    pub fn resolve_conflict(
        &mut self,
        incident: i64,
        field: &str,
        side: Side,
        actor: &str,
    ) -> Result<()> {
        let conflict = self
            .sync_conflicts()?
            .into_iter()
            .find(|c| c.incident == incident && c.field == field)
            .ok_or_else(|| no_conflict(incident, field))?;
        self.with_tx(|tx| {
            if side == Side::Theirs {
                let link = local::link_of_incident(tx, incident)?
                    .ok_or_else(|| no_conflict(incident, field))?;
                let current =
                    local::local_doc(tx, incident, link.base.as_ref())?.unwrap_or_default();
                let mut target = current.clone();
                target.insert(field.to_string(), conflict.theirs.clone());
                local::write_doc(tx, incident, &current, &target, actor)?;
            }
            local::remove_conflict(tx, incident, field)?;
            local::mark_dirty(tx, incident)
        })
    }
}

fn json_cell(text: String) -> serde_json::Value {
    serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text))
}

fn no_conflict(incident: i64, field: &str) -> Error {
    Error::NotFound(crate::msg!(
        "error.no_sync_conflict",
        "incident {incident} has no conflict on '{field}'",
        incident = incident,
        field = field
    ))
}

#[cfg(test)]
mod side_tests {
    use super::Side;

    #[test]
    fn a_choice_is_mine_or_theirs_and_anything_else_names_the_field() {
        assert_eq!(Side::parse("mine").ok(), Some(Side::Mine));
        assert_eq!(Side::parse("theirs").ok(), Some(Side::Theirs));
        let err = Side::parse("both")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("keep") && err.contains("both"), "{err}");
    }
}
