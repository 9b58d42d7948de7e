CREATE TABLE companies (
    id      INTEGER PRIMARY KEY,
    name     TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
    -- names::name_key(name): "Kakao Pay Corp." and "KakaoPay" both become "kakaopay".
    name_key TEXT NOT NULL,
    country  TEXT,
    sector   TEXT
, party TEXT NOT NULL DEFAULT 'organisation'
    CHECK (party IN ('organisation', 'unnamed', 'individual')));
CREATE INDEX companies_name_key ON companies(name_key);
CREATE TABLE company_aliases (
    alias      TEXT PRIMARY KEY COLLATE NOCASE,
    alias_key  TEXT NOT NULL,
    company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE
);
CREATE INDEX company_aliases_company ON company_aliases(company_id);
CREATE INDEX company_aliases_key ON company_aliases(alias_key);
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
CREATE INDEX events_by_date ON events(date);
CREATE INDEX events_incident ON events(incident_id, date);
CREATE INDEX events_regulator ON events(regulator_id, date, incident_id);
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
CREATE TABLE import_keys (
    layout      TEXT NOT NULL,
    key         TEXT NOT NULL,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    PRIMARY KEY (layout, key)
);
CREATE INDEX import_keys_incident ON import_keys(incident_id);
CREATE TABLE incident_sources (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (incident_id, source_id)
);
CREATE INDEX incident_sources_source ON incident_sources(source_id);
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
, company_name TEXT NOT NULL DEFAULT '', regulators TEXT NOT NULL DEFAULT '', first_event TEXT, latest_event TEXT, title_made INTEGER NOT NULL DEFAULT 0, fines TEXT, proposed_fines TEXT, settlements TEXT, source_urls TEXT, source_titles TEXT, source_publishers TEXT, source_published TEXT, source_languages TEXT, event_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX incidents_by_company ON incidents(company_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_company_id ON incidents(company_id, latest_event, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_latest ON incidents(latest_event, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_records ON incidents(records_affected, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_regulators ON incidents(regulators COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_status ON incidents(status, latest_event, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_title ON incidents(title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_users ON incidents(users_affected, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_company ON incidents(company_id);
CREATE VIRTUAL TABLE incidents_fts USING fts5(
    company, title, summary, notes, tokenize = 'trigram'
);
CREATE TABLE 'incidents_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'incidents_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3);
CREATE TABLE 'incidents_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'incidents_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'incidents_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
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
CREATE TABLE regulator_aliases (
    regulator_id INTEGER NOT NULL REFERENCES regulators(id) ON DELETE CASCADE,
    alias        TEXT NOT NULL COLLATE NOCASE, alias_key TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (regulator_id, alias)
);
CREATE INDEX regulator_aliases_alias ON regulator_aliases(alias);
CREATE INDEX regulator_aliases_key ON regulator_aliases(alias_key);
CREATE TABLE regulators (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    short_name TEXT,
    country    TEXT NOT NULL, level TEXT
    CHECK (level IS NULL OR level IN ('national', 'regional', 'sector', 'supranational')), website TEXT, name_key TEXT NOT NULL DEFAULT '', short_key TEXT NOT NULL DEFAULT '', label TEXT NOT NULL DEFAULT '',
    UNIQUE (name, country)
);
CREATE INDEX regulators_name_key ON regulators(name_key);
CREATE INDEX regulators_short_key ON regulators(short_key);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    url       TEXT NOT NULL UNIQUE,
    title     TEXT,
    publisher TEXT,
    published TEXT,
    language  TEXT
);
CREATE TABLE sync_conflicts (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    mine        TEXT NOT NULL,
    theirs      TEXT NOT NULL,
    theirs_by   TEXT NOT NULL,
    theirs_at   TEXT NOT NULL,
    PRIMARY KEY (incident_id, field)
);
CREATE TABLE sync_objects (
    incident_id   INTEGER PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
    uuid          TEXT NOT NULL UNIQUE,
    -- 0 until the server has taken the incident.
    version       INTEGER NOT NULL DEFAULT 0,
    -- JSON of the incident as last synced (sync/doc.rs); NULL before that.
    base          TEXT,
    -- incidents.version when the local copy last equalled what the server
    -- has; any save bumps incidents.version, so a difference means "to push".
    local_version INTEGER,
    -- JSON of the copy last sent for an incident the server had not taken
    -- yet: if the answer was lost, it is what the server holds, so it is the
    -- base of the merge when the incident comes back.
    sent          TEXT
);
CREATE TABLE sync_ops (
    id     INTEGER PRIMARY KEY,
    uuid   TEXT NOT NULL UNIQUE,
    -- JSON of a RegistryOp.
    op     TEXT NOT NULL,
    -- 0: made here and not yet taken by the server.
    pushed INTEGER NOT NULL DEFAULT 0,
    -- Its place in the server's order, once known: the last change to name
    -- a company decides its name on every desktop.
    version INTEGER
);
