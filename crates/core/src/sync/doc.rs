//! An incident as a sync document, and the three-way merge of two copies of
//! it against the copy both started from.
//!
//! A document is the editor's input shape ([`IncidentInput`]) as a JSON map,
//! plus `deleted`. Plain fields merge one by one: a field changed on one side
//! takes that side's value, the same field changed on both sides to different
//! values is a conflict. Events and sources merge as sets (insert or delete,
//! each identified by its whole content), so they never conflict.

use crate::error::Result;
use crate::model::{Incident, IncidentInput};
use serde_json::{Map, Value};

/// An incident as synced: the input fields and `deleted`.
pub type Doc = Map<String, Value>;

/// The fields that merge as sets of items.
const SETS: [&str; 2] = ["events", "sources"];

/// The document of a live incident.
pub fn of_incident(incident: &Incident) -> Result<Doc> {
    let mut input = incident.to_input();
    input.version = None;
    let mut doc = match serde_json::to_value(input)? {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    doc.remove("version");
    doc.insert("deleted".into(), Value::Bool(false));
    Ok(doc)
}

/// Whether the document is a tombstone.
pub fn is_deleted(doc: &Doc) -> bool {
    doc.get("deleted").and_then(Value::as_bool).unwrap_or(false)
}

/// The document without `deleted`: what the server stores as `data`.
pub fn data_of(doc: &Doc) -> Value {
    let mut data = doc.clone();
    data.remove("deleted");
    Value::Object(data)
}

/// The document the server sent, with its tombstone flag.
pub fn from_wire(data: &Value, deleted: bool) -> Doc {
    let mut doc = data.as_object().cloned().unwrap_or_default();
    doc.insert("deleted".into(), Value::Bool(deleted));
    doc
}

/// The input that the store validates and writes for a document.
pub fn input_of(doc: &Doc) -> Result<IncidentInput> {
    IncidentInput::from_value(data_of(doc))
}

/// One field changed on both sides to different values.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldConflict {
    pub field: String,
    pub mine: Value,
    pub theirs: Value,
}

/// The merged document (conflicting fields keep this side's value) and the
/// conflicts to show to a person.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub doc: Doc,
    pub conflicts: Vec<FieldConflict>,
}

/// Merges `mine` and `theirs`, both changed from `base`.
pub fn merge(base: &Doc, mine: &Doc, theirs: &Doc) -> Merged {
    let mut doc = Doc::new();
    let mut conflicts = Vec::new();
    for field in field_names(base, mine, theirs) {
        let [b, m, t] = [base, mine, theirs].map(|d| d.get(&field).unwrap_or(&Value::Null));
        let value = if SETS.contains(&field.as_str()) {
            let (value, clash) = merge_set(&field, b, m, t);
            if clash {
                conflicts.push(FieldConflict {
                    field: field.clone(),
                    mine: m.clone(),
                    theirs: t.clone(),
                });
            }
            value
        } else if m == t || t == b {
            m.clone()
        } else if m == b {
            t.clone()
        } else {
            conflicts.push(FieldConflict {
                field: field.clone(),
                mine: m.clone(),
                theirs: t.clone(),
            });
            m.clone()
        };
        doc.insert(field, value);
    }
    if let Some(conflict) = deleted_while_edited(base, mine, theirs) {
        doc.insert("deleted".into(), conflict.mine.clone());
        conflicts.push(conflict);
    }
    Merged { doc, conflicts }
}

fn field_names(base: &Doc, mine: &Doc, theirs: &Doc) -> Vec<String> {
    let mut names: Vec<String> = [base, mine, theirs]
        .iter()
        .flat_map(|d| d.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A delete on one side and an edit on the other is shown to a person: a
/// silent delete would lose the edit, a silent restore would undo the delete.
fn deleted_while_edited(base: &Doc, mine: &Doc, theirs: &Doc) -> Option<FieldConflict> {
    let edited = |d: &Doc| data_of(d) != data_of(base);
    let deleted = |d: &Doc| is_deleted(d) && !is_deleted(base);
    let clash = (deleted(mine) && edited(theirs) && !is_deleted(theirs))
        || (deleted(theirs) && edited(mine) && !is_deleted(mine));
    clash.then(|| FieldConflict {
        field: "deleted".into(),
        mine: Value::Bool(is_deleted(mine)),
        theirs: Value::Bool(is_deleted(theirs)),
    })
}

/// Items kept on both sides, plus those added on either; an item either side
/// removed is gone. Mine keep their order, theirs follow. Sources are then
/// one per address, mine first; when that drops their version of a source
/// (its details changed on both sides), the merge says so: a conflict.
fn merge_set(field: &str, base: &Value, mine: &Value, theirs: &Value) -> (Value, bool) {
    let items = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let (base, mine, theirs) = (items(base), items(mine), items(theirs));
    let removed = |item: &Value, side: &[Value]| base.contains(item) && !side.contains(item);
    let mut out: Vec<Value> = Vec::new();
    for item in mine.iter().chain(theirs.iter()) {
        if !out.contains(item) && !removed(item, &mine) && !removed(item, &theirs) {
            out.push(item.clone());
        }
    }
    let mut clash = false;
    if field == "sources" {
        let mut seen = Vec::new();
        out.retain(|s| {
            let url = s.get("url").cloned().unwrap_or(Value::Null);
            let first = !seen.contains(&url);
            clash |= !first;
            seen.push(url);
            first
        });
    }
    (Value::Array(out), clash)
}

/// The document to send: conflicting fields keep the server's value (the
/// base) until a person chooses, so the server never takes a side silently.
/// While a delete-against-edit waits, nothing of the incident is sent.
pub fn to_push(local: &Doc, base: Option<&Doc>, conflicted: &[String]) -> Doc {
    let mut doc = local.clone();
    if let Some(base) = base {
        if conflicted.iter().any(|f| f == "deleted") {
            return base.clone();
        }
        for field in conflicted {
            match base.get(field) {
                Some(v) => doc.insert(field.clone(), v.clone()),
                None => doc.remove(field),
            };
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(v: Value) -> Doc {
        v.as_object().cloned().unwrap_or_default()
    }

    fn base() -> Doc {
        doc(
            json!({"title": "Leak", "status": "reported", "records_affected": 10,
                   "events": [{"kind": "disclosed", "date": "2024-01-02"}],
                   "sources": [{"url": "https://a.example/1", "title": "A"}],
                   "deleted": false}),
        )
    }

    fn with(mut d: Doc, field: &str, value: Value) -> Doc {
        d.insert(field.into(), value);
        d
    }

    #[test]
    fn different_fields_merge_without_a_conflict() {
        let mine = with(base(), "title", json!("Leak of cards"));
        let theirs = with(base(), "records_affected", json!(12));
        let merged = merge(&base(), &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.doc["title"], json!("Leak of cards"));
        assert_eq!(merged.doc["records_affected"], json!(12));
    }

    #[test]
    fn the_same_field_changed_twice_is_one_conflict_keeping_both_values() {
        let mine = with(base(), "status", json!("sanctioned"));
        let theirs = with(base(), "status", json!("closed"));
        let merged = merge(&base(), &mine, &theirs);
        assert_eq!(
            merged.conflicts,
            vec![FieldConflict {
                field: "status".into(),
                mine: json!("sanctioned"),
                theirs: json!("closed")
            }]
        );
        assert_eq!(merged.doc["status"], json!("sanctioned"));
        let pushed = to_push(&merged.doc, Some(&theirs), &["status".into()]);
        assert_eq!(
            pushed["status"],
            json!("closed"),
            "the server keeps its value"
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let both = with(base(), "status", json!("closed"));
        assert!(merge(&base(), &both, &both).conflicts.is_empty());
    }

    #[test]
    fn events_added_on_both_sides_are_all_kept_and_a_removal_sticks() {
        let fined = json!({"kind": "fined", "date": "2024-05-01"});
        let appealed = json!({"kind": "appealed", "date": "2024-06-01"});
        let mine = with(base(), "events", json!([base()["events"][0], fined]));
        let theirs = with(base(), "events", json!([appealed]));
        let merged = merge(&base(), &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.doc["events"], json!([fined, appealed]));
    }

    #[test]
    fn a_source_whose_details_changed_on_both_sides_stays_one_source_and_is_shown() {
        let mine = with(
            base(),
            "sources",
            json!([{"url": "https://a.example/1", "title": "Mine"}]),
        );
        let theirs = with(
            base(),
            "sources",
            json!([{"url": "https://a.example/1", "title": "Theirs"}]),
        );
        let merged = merge(&base(), &mine, &theirs);
        assert_eq!(
            merged.doc["sources"],
            json!([{"url": "https://a.example/1", "title": "Mine"}])
        );
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].field, "sources");
        assert_eq!(merged.conflicts[0].theirs, theirs["sources"]);
    }

    #[test]
    fn a_delete_against_an_edit_is_shown_not_decided() {
        let mine = with(base(), "deleted", json!(true));
        let theirs = with(base(), "title", json!("Leak, revised"));
        let merged = merge(&base(), &mine, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].field, "deleted");
        assert!(is_deleted(&merged.doc), "stays deleted here until chosen");
        let untouched = merge(&base(), &mine, &base());
        assert!(untouched.conflicts.is_empty() && is_deleted(&untouched.doc));
    }
}
