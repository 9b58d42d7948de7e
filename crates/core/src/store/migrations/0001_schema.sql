-- The first schema. Counts and money are integers; dates are ISO text prefixes
-- (YYYY, YYYY-MM, YYYY-MM-DD) so that they sort as text and keep their precision.

CREATE TABLE companies (
    id      INTEGER PRIMARY KEY,
    name     TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    -- names::name_key(name): "Kakao Pay Corp." and "KakaoPay" both become "kakaopay".
    name_key TEXT NOT NULL,
    country  TEXT,
    sector   TEXT
);
CREATE INDEX companies_name_key ON companies(name_key);

-- Other spellings of a company (카카오페이, KakaoPay). An alias belongs to one company.
CREATE TABLE company_aliases (
    alias      TEXT PRIMARY KEY COLLATE NOCASE,
    alias_key  TEXT NOT NULL,
    company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE
);
CREATE INDEX company_aliases_key ON company_aliases(alias_key);
CREATE INDEX company_aliases_company ON company_aliases(company_id);

CREATE TABLE regulators (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    short_name TEXT,
    country    TEXT NOT NULL,
    UNIQUE (name, country)
);

-- The same alias may name regulators of two countries ("Datatilsynet");
-- look-ups report such a name as ambiguous instead of guessing.
CREATE TABLE regulator_aliases (
    regulator_id INTEGER NOT NULL REFERENCES regulators(id) ON DELETE CASCADE,
    alias        TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (regulator_id, alias)
);
CREATE INDEX regulator_aliases_alias ON regulator_aliases(alias);

CREATE TABLE incidents (
    id               INTEGER PRIMARY KEY,
    company_id       INTEGER NOT NULL REFERENCES companies(id),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    summary          TEXT,
    counterparty     TEXT,
    country          TEXT,
    records_affected INTEGER CHECK (records_affected BETWEEN 0 AND 10000000000000),
    users_affected   INTEGER CHECK (users_affected BETWEEN 0 AND 10000000000000),
    status           TEXT NOT NULL CHECK (status IN ('reported', 'under_investigation',
                         'findings_published', 'sanctioned', 'appealed', 'settled', 'closed')),
    -- Bumped on every save; an edit made from an older version is a conflict.
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    -- Soft delete: history and sources stay readable after a delete.
    deleted_at       TEXT
);
CREATE INDEX incidents_company ON incidents(company_id);
CREATE INDEX incidents_status ON incidents(status);

CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    url       TEXT NOT NULL UNIQUE,
    title     TEXT,
    publisher TEXT,
    published TEXT,
    language  TEXT
);

CREATE TABLE incident_sources (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (incident_id, source_id)
);
CREATE INDEX incident_sources_source ON incident_sources(source_id);

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('started', 'ceased', 'discovered', 'disclosed',
                     'reported_to_regulator', 'investigation_opened', 'findings_published',
                     'proposed_fine', 'fined', 'corrective_order', 'settled', 'appealed',
                     'court_ruling', 'closed', 'other')),
    date         TEXT NOT NULL,
    -- Redundant with the length of `date`, and checked against it, so that a
    -- query can filter on precision without string tricks.
    precision    TEXT NOT NULL CHECK (precision = CASE length(date)
                     WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END),
    regulator_id INTEGER REFERENCES regulators(id),
    amount_minor INTEGER CHECK (amount_minor >= 0),
    currency     TEXT CHECK (currency IS NULL OR length(currency) = 3),
    note         TEXT,
    source_id    INTEGER REFERENCES sources(id),
    -- Order of entry, to keep same-day events in the order the analyst gave them.
    position     INTEGER NOT NULL,
    CHECK ((amount_minor IS NULL) = (currency IS NULL))
);
CREATE INDEX events_incident ON events(incident_id, date);
CREATE INDEX events_regulator ON events(regulator_id, date);

-- Every change of an incident or its events: a revised count keeps its old value.
CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    -- The incident's version after this change, to tell an editor what changed
    -- since the version it started from.
    version     INTEGER NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX history_incident ON history(incident_id, id);

-- Small facts about this database file, such as whether sample data was loaded.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
