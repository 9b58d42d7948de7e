//! The desktop's side of sync in its SQLite file: which incident is which
//! object on the server, the copy last synced, the conflicts waiting for a
//! person, and writing a merged document back through the store's writer.

use super::doc::{self, Doc, FieldConflict};
use crate::error::{Error, Result};
pub(crate) use crate::store::incidents::index_incidents;
use crate::store::incidents::{
    delete_in, insert_incident_with, load_incident, replace_incident, restore_in, Indexing,
};
use rusqlite::{params, Connection, OptionalExtension};

/// One statement through the connection's cache: a pull runs the same few
/// statements for every incident it brings.
fn run(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
    Ok(conn.prepare_cached(sql)?.execute(params)?)
}

/// One row of `sync_objects`.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub incident: i64,
    pub uuid: String,
    pub version: i64,
    pub base: Option<Doc>,
}

const LIBRARY_KEY: &str = "sync_library_version";

pub(crate) fn library_version(conn: &Connection) -> Result<i64> {
    let text: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [LIBRARY_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(text.and_then(|t| t.parse().ok()).unwrap_or(0))
}

pub(crate) fn set_library_version(conn: &Connection, version: i64) -> Result<()> {
    run(
        conn,
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
        params![LIBRARY_KEY, version.to_string()],
    )?;
    Ok(())
}

fn link_where(conn: &Connection, clause: &str, key: &dyn rusqlite::ToSql) -> Result<Option<Link>> {
    let sql = format!("SELECT incident_id, uuid, version, base FROM sync_objects WHERE {clause}");
    let row = conn
        .prepare_cached(&sql)?
        .query_row([key], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })
        .optional()?;
    let Some((incident, uuid, version, base)) = row else {
        return Ok(None);
    };
    let base = base.map(|t| serde_json::from_str(&t)).transpose()?;
    Ok(Some(Link {
        incident,
        uuid,
        version,
        base,
    }))
}

pub(crate) fn link_of_uuid(conn: &Connection, uuid: &str) -> Result<Option<Link>> {
    link_where(conn, "uuid = ?1", &uuid)
}

pub(crate) fn link_of_incident(conn: &Connection, id: i64) -> Result<Option<Link>> {
    link_where(conn, "incident_id = ?1", &id)
}

/// Saves `link`; `clean` says whether the incident now equals what the server
/// has (otherwise it stays on the list of incidents to push).
pub(crate) fn save_link(conn: &Connection, link: &Link, clean: bool) -> Result<()> {
    let base = link.base.as_ref().map(serde_json::to_string).transpose()?;
    run(
        conn,
        "INSERT OR REPLACE INTO sync_objects (incident_id, uuid, version, base, local_version)
         VALUES (?1, ?2, ?3, ?4,
                 CASE WHEN ?5 THEN (SELECT version FROM incidents WHERE id = ?1) END)",
        params![link.incident, link.uuid, link.version, base, clean],
    )?;
    Ok(())
}

/// Keeps the copy about to be sent of an incident new to the server.
pub(crate) fn save_sent(conn: &Connection, id: i64, sent: &Doc) -> Result<()> {
    run(
        conn,
        "UPDATE sync_objects SET sent = ?2 WHERE incident_id = ?1",
        params![id, serde_json::to_string(sent)?],
    )?;
    Ok(())
}

/// The copy last sent of an incident whose answer never came, if any.
pub(crate) fn sent_of(conn: &Connection, id: i64) -> Result<Option<Doc>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT sent FROM sync_objects WHERE incident_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
}

/// Marks an incident as having local changes to push.
pub(crate) fn mark_dirty(conn: &Connection, id: i64) -> Result<()> {
    run(
        conn,
        "UPDATE sync_objects SET local_version = NULL WHERE incident_id = ?1",
        [id],
    )?;
    Ok(())
}

/// Incidents changed since they last matched the server: new live ones, and
/// those saved or deleted since.
pub(crate) fn dirty_incidents(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id FROM incidents i LEFT JOIN sync_objects s ON s.incident_id = i.id
         WHERE (s.incident_id IS NULL AND i.deleted_at IS NULL)
            OR (s.incident_id IS NOT NULL AND s.local_version IS NOT i.version)
         ORDER BY i.id",
    )?;
    let ids = stmt.query_map([], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// The incident as it is here: its document when live, the last synced copy
/// marked deleted when deleted, nothing when deleted before it ever synced.
pub(crate) fn local_doc(conn: &Connection, id: i64, base: Option<&Doc>) -> Result<Option<Doc>> {
    if let Some(incident) = load_incident(conn, id)? {
        return Ok(Some(doc::of_incident(&incident)?));
    }
    Ok(base.map(|b| {
        let mut d = b.clone();
        d.insert("deleted".into(), true.into());
        d
    }))
}

/// The value of one field of the incident as it is here now.
pub(crate) fn current_value(
    conn: &Connection,
    id: i64,
    field: &str,
) -> Result<Option<serde_json::Value>> {
    let base = link_of_incident(conn, id)?.and_then(|l| l.base);
    Ok(local_doc(conn, id, base.as_ref())?.and_then(|d| d.get(field).cloned()))
}

/// Writes `target` over the incident's current state `current`, as `actor`.
pub(crate) fn write_doc(
    conn: &Connection,
    id: i64,
    current: &Doc,
    target: &Doc,
    actor: &str,
) -> Result<()> {
    if current == target {
        return Ok(());
    }
    if doc::is_deleted(target) {
        if let Some(before) = load_incident(conn, id)? {
            delete_in(conn, &before, actor)?;
        }
        return Ok(());
    }
    if doc::is_deleted(current) {
        restore_in(conn, id, actor)?;
    }
    let before = load_incident(conn, id)?.ok_or_else(|| gone(id))?;
    if doc::of_incident(&before)? != *target {
        let valid = doc::input_of(target)?.validate()?;
        replace_incident(conn, &before, &valid, actor)?;
    }
    Ok(())
}

/// The live incidents here that never synced, by title: read once per pull,
/// as titles have no index and a first pull brings every incident of the team.
pub(crate) type Unsynced = std::collections::HashMap<String, Vec<i64>>;

pub(crate) fn unsynced(conn: &Connection) -> Result<Unsynced> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.title, i.id FROM incidents i LEFT JOIN sync_objects s ON s.incident_id = i.id
         WHERE i.deleted_at IS NULL AND s.base IS NULL",
    )?;
    let mut map = Unsynced::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
        let (title, id) = row?;
        map.entry(title).or_default().push(id);
    }
    Ok(map)
}

/// A live incident here that never synced and reads exactly as `target`.
pub(crate) fn unsynced_twin(
    conn: &Connection,
    unsynced: &mut Unsynced,
    target: &Doc,
) -> Result<Option<i64>> {
    let Some(ids) = target
        .get("title")
        .and_then(|t| t.as_str())
        .and_then(|t| unsynced.get_mut(t))
    else {
        return Ok(None);
    };
    for (n, &id) in ids.iter().enumerate() {
        let same = load_incident(conn, id)?
            .map(|i| doc::of_incident(&i))
            .transpose()?;
        if same.as_ref() == Some(target) {
            run(
                conn,
                "DELETE FROM sync_objects WHERE incident_id = ?1",
                [id],
            )?;
            ids.remove(n);
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Whether `target` can be written here: the editor's rules and known
/// regulators, checked before anything of it is written.
pub(crate) fn check_doc(conn: &Connection, target: &Doc) -> Result<()> {
    if doc::is_deleted(target) {
        return Ok(());
    }
    let valid = doc::input_of(target)?.validate()?;
    crate::store::incidents::check_regulators(conn, &valid)
}

/// Creates the incident a teammate added; its full-text row is left to
/// [`index_incidents`] once the pull's run of incidents is in.
pub(crate) fn insert_doc(conn: &Connection, target: &Doc, actor: &str) -> Result<i64> {
    let valid = doc::input_of(target)?.validate()?;
    insert_incident_with(conn, &valid, actor, Indexing::Later)
}

fn gone(id: i64) -> Error {
    Error::NotFound(crate::msg!(
        "error.no_incident",
        "incident {id} not found (it may have been deleted)",
        id = id
    ))
}

/// The fields of an incident waiting for a person's choice.
pub(crate) fn conflicted_fields(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT field FROM sync_conflicts WHERE incident_id = ?1 ORDER BY field")?;
    let fields = stmt.query_map([id], |r| r.get(0))?;
    Ok(fields.collect::<rusqlite::Result<_>>()?)
}

/// Records new conflicts and drops the old ones that the server's new copy
/// `theirs` settled (both sides now hold the same value).
pub(crate) fn update_conflicts(
    conn: &Connection,
    id: i64,
    found: &[FieldConflict],
    (merged, theirs): (&Doc, &Doc),
    (by, at): (&str, &str),
) -> Result<()> {
    for field in conflicted_fields(conn, id)? {
        if merged.get(&field) == theirs.get(&field) {
            remove_conflict(conn, id, &field)?;
        }
    }
    for c in found {
        run(conn,
            "INSERT OR REPLACE INTO sync_conflicts (incident_id, field, mine, theirs, theirs_by, theirs_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, c.field, c.mine.to_string(), c.theirs.to_string(), by, at],
        )?;
    }
    Ok(())
}

pub(crate) fn remove_conflict(conn: &Connection, id: i64, field: &str) -> Result<bool> {
    let n = run(
        conn,
        "DELETE FROM sync_conflicts WHERE incident_id = ?1 AND field = ?2",
        params![id, field],
    )?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use crate::{IncidentInput, Store};

    #[test]
    fn migration_10_gives_every_live_incident_a_distinct_uuid() {
        let mut store = Store::open_in_memory().expect("store");
        for title in ["One", "Two", "Three"] {
            let input = IncidentInput {
                company: "Acme".into(),
                title: title.into(),
                ..Default::default()
            };
            store.create_incident(&input, "test").expect("create");
        }
        store.delete_incident(3, None, "test").expect("delete");
        let conn = store.conn();
        conn.execute_batch(include_str!("../store/migrations/0010_sync_ids.sql"))
            .expect("fill");
        let mut stmt = conn
            .prepare_cached("SELECT incident_id, uuid FROM sync_objects ORDER BY incident_id")
            .expect("sql");
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("rows")
            .map(|r| r.expect("row"))
            .collect();
        assert_eq!(
            rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            [1, 2],
            "live incidents only"
        );
        for (_, text) in &rows {
            let parsed = uuid::Uuid::parse_str(text).expect("a UUID");
            assert_eq!(parsed.get_version_num(), 4, "{text}");
        }
        assert_ne!(rows[0].1, rows[1].1);
    }
}
