-- Regulators and companies become data the analyst edits, aliases and merges;
-- an import remembers the keys of the files it read.

-- What kind of authority a regulator is, and where it publishes.
ALTER TABLE regulators ADD COLUMN level TEXT
    CHECK (level IS NULL OR level IN ('national', 'regional', 'sector', 'supranational'));
ALTER TABLE regulators ADD COLUMN website TEXT;
-- Comparison keys (names::name_key) of the name, short name and aliases, kept
-- by the store with every write, so that any spelling resolves by index.
ALTER TABLE regulators ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE regulators ADD COLUMN short_key TEXT NOT NULL DEFAULT '';
ALTER TABLE regulator_aliases ADD COLUMN alias_key TEXT NOT NULL DEFAULT '';
-- How an event names its regulator: the short name, or "CNPD (PT)" where the
-- short name alone would name two; it resolves back to the same regulator.
ALTER TABLE regulators ADD COLUMN label TEXT NOT NULL DEFAULT '';
CREATE INDEX regulators_name_key ON regulators(name_key);
CREATE INDEX regulators_short_key ON regulators(short_key);
CREATE INDEX regulator_aliases_key ON regulator_aliases(alias_key);

-- A party that is not known by name ("Unknown") or is a private person gets a
-- company row of its own per incident: such rows never match one another.
ALTER TABLE companies ADD COLUMN party TEXT NOT NULL DEFAULT 'organisation'
    CHECK (party IN ('organisation', 'unnamed', 'individual'));

-- A title the import made from what was known ("Fine by UODO, 2019").
ALTER TABLE incidents ADD COLUMN title_made INTEGER NOT NULL DEFAULT 0;

-- Every change of a regulator or a company (rename, alias, merge).
CREATE TABLE registry_history (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL CHECK (entity IN ('regulator', 'company')),
    entity_id INTEGER NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX registry_history_entity ON registry_history(entity, entity_id, id);

-- The incident each key of an imported file became, per file layout (its
-- header), so that importing a newer copy of the file updates instead of
-- adding, and keys of different trackers never collide.
CREATE TABLE import_keys (
    layout      TEXT NOT NULL,
    key         TEXT NOT NULL,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    PRIMARY KEY (layout, key)
);
CREATE INDEX import_keys_incident ON import_keys(incident_id);
