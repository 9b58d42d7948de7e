//! `incidents stats --json` against the events CSV of the same database: the
//! numbers are recomputed here from the exported rows, independently of the
//! SQL that produced them.

#![allow(clippy::unwrap_used)]

mod common;
use common::*;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// One group's numbers as the events CSV gives them.
#[derive(Debug, Default)]
struct Expected {
    incidents: BTreeSet<i64>,
    fines: BTreeMap<String, f64>,
}

/// Groups the events CSV by `key` of each row; counts come per incident.
fn from_csv(
    path: &Path,
    key: impl Fn(&HashMap<String, String>) -> Option<String>,
) -> (BTreeMap<String, Expected>, HashMap<i64, (i64, i64)>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut groups: BTreeMap<String, Expected> = BTreeMap::new();
    let mut counts = HashMap::new();
    for record in reader.records() {
        let row: HashMap<String, String> = headers
            .iter()
            .cloned()
            .zip(record.unwrap().iter().map(str::to_string))
            .collect();
        let id: i64 = row["incident_id"].parse().unwrap();
        let n = |c: &str| row[c].parse::<i64>().unwrap_or(0);
        counts.insert(id, (n("records_affected"), n("users_affected")));
        let Some(k) = key(&row) else { continue };
        let group = groups.entry(k).or_default();
        group.incidents.insert(id);
        if row["event_kind"] == "fined" && !row["amount"].is_empty() {
            let amount: f64 = row["amount"].parse().unwrap();
            *group.fines.entry(row["currency"].clone()).or_default() += amount;
        }
    }
    (groups, counts)
}

fn stats_json(db: &Path, by: &str) -> Vec<Value> {
    let out = incidents(db, &["stats", "--by", by, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn compare(
    db: &Path,
    by: &str,
    csv: &Path,
    key: impl Fn(&HashMap<String, String>) -> Option<String>,
) {
    let (groups, counts) = from_csv(csv, key);
    let rows = stats_json(db, by);
    assert_eq!(rows.len(), groups.len(), "{by}: one row per group");
    for row in rows {
        let key = row["key"].as_str().unwrap();
        let want = &groups[key];
        assert_eq!(row["incidents"], want.incidents.len() as i64, "{by} {key}");
        let records: i64 = want.incidents.iter().map(|i| counts[i].0).sum();
        let users: i64 = want.incidents.iter().map(|i| counts[i].1).sum();
        assert_eq!(row["records_affected"], records, "{by} {key}");
        assert_eq!(row["users_affected"], users, "{by} {key}");
        let fines = row["fines"].as_object().unwrap();
        assert_eq!(fines.len(), want.fines.len(), "{by} {key}: currencies");
        for (currency, total) in &want.fines {
            let got = fines[currency].as_f64().unwrap();
            assert!(
                (got - total).abs() <= total.abs() * 1e-9 + 1e-6,
                "{by} {key} {currency}: {got} vs {total}"
            );
        }
    }
}

#[test]
fn stats_by_regulator_and_by_year_agree_with_the_events_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(incidents(&db, &["demo"]).status.success());
    assert!(
        incidents(&db, &["generate", "--incidents", "400", "--seed", "3"])
            .status
            .success()
    );
    let csv = dir.path().join("events.csv");
    let out = incidents(
        &db,
        &[
            "export",
            "--format",
            "events-csv",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    compare(&db, "regulator", &csv, |r| {
        Some(r["regulator"].clone()).filter(|k| !k.is_empty())
    });
    compare(&db, "year", &csv, |r| {
        Some(r["event_date"][..4].to_string())
    });
    compare(&db, "kind", &csv, |r| Some(r["event_kind"].clone()));
}

#[test]
fn stats_follow_the_filters_and_refuse_an_unknown_grouping() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(incidents(&db, &["demo"]).status.success());
    let out = incidents(
        &db,
        &["stats", "--by", "country", "--json", "--regulator", "PIPC"],
    );
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["key"], "KR");
    assert_eq!(rows[0]["incidents"], 2);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let out = incidents(&db, &["stats", "--by", "planet"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown grouping 'planet'"), "{err}");
    assert!(
        err.contains("year, regulator, country, company, kind"),
        "{err}"
    );
}
