#!/usr/bin/env bash
# The import floor: how long SQLite itself takes to put the rows of our own
# export into our schema, with no CSV parsing, no validation and no Rust, in
# one transaction. It answers "how close to `.import` can an import get while
# it writes what the store holds?" (docs/PERFORMANCE.md, "The import floor").
#
#   docs/bench/import_floor.sh INCIDENTS_BIN EXPORT.csv
#
# Prints one line per step with sqlite3's timer, for three layouts:
#   bare     `.import` into a table of its own (the peer of the scale issue)
#   rows     incidents, sources, their links and history rows, no secondary
#            index of incidents and no search rows
#   indexed  the same with the nine indexes of incidents kept while inserting
set -euo pipefail
bin=$1
csv=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== bare: sqlite3 .import"
/usr/bin/time -f "%e s" sqlite3 "$work/bare.db" ".import --csv $csv incidents"

# An empty database in our schema (made by importing the header and one row,
# then emptied), with the companies already in place.
head -2 "$csv" >"$work/one.csv"
"$bin" --db "$work/ours.db" import "$work/one.csv" >/dev/null
cp "$work/ours.db" "$work/indexed.db"

load() { # $1: database, $2: "drop" to drop the incidents' secondary indexes
    local drops=""
    if [ "$2" = drop ]; then
        drops=$(sqlite3 "$1" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master
                               WHERE type = 'index' AND tbl_name = 'incidents' AND sql IS NOT NULL")
    fi
    sqlite3 "$1" <<SQL
PRAGMA cache_size = -131072;
ATTACH '$work/bare.db' AS b;
BEGIN;
DELETE FROM history; DELETE FROM incident_sources; DELETE FROM incidents_fts;
DELETE FROM incidents; DELETE FROM sources;
INSERT INTO companies (name, name_key) SELECT DISTINCT company, lower(company)
  FROM b.incidents WHERE true ON CONFLICT DO NOTHING;
$drops
.timer on
INSERT INTO incidents (company_id, title, summary, counterparty, country, records_affected,
    users_affected, status, version, created_at, updated_at, company_name, regulators,
    first_event, latest_event, fines, source_urls, event_count)
  SELECT c.id, i.title, i.summary, nullif(i.counterparty, ''), i.country,
         nullif(i.records_affected, ''), nullif(i.users_affected, ''), i.status, 1,
         i.created_at, i.updated_at, i.company, i.regulators, i.first_event,
         i.latest_event, i.fines, i.source_urls, 0
  FROM b.incidents i JOIN companies c ON c.name = i.company;
INSERT INTO sources (url, title, publisher, published, language)
  SELECT source_urls, nullif(source_titles, ''), nullif(source_publishers, ''),
         nullif(source_published, ''), nullif(source_languages, '') FROM b.incidents;
INSERT INTO incident_sources (incident_id, source_id, position) SELECT rowid, rowid, 0 FROM sources;
INSERT INTO history (incident_id, at, actor, version, field, new_value)
  SELECT id, created_at, 'floor', 1, 'created', title FROM incidents;
COMMIT;
SQL
}
echo "== rows: incidents without secondary indexes, sources, links, history"
load "$work/ours.db" drop
echo "== indexed: the same with the nine indexes of incidents"
load "$work/indexed.db" keep
echo "== search: the trigram full-text rows of those incidents, on top of indexed"
sqlite3 "$work/indexed.db" <<SQL
PRAGMA cache_size = -131072;
.timer on
INSERT INTO incidents_fts (rowid, company, title, summary, notes)
  SELECT id, company_name, title, coalesce(summary, ''), '' FROM incidents;
SQL
