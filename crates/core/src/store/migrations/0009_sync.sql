-- Team sync (docs/TEAM.md). An incident that has been synced, or is about to
-- be, has its identity on the server here, the server version of the copy it
-- last synced and that copy itself: the base of the three-way merge.
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

-- Registry changes (rename, alias, merge) as operations, in the order made
-- here or replayed from the server (sync/registry.rs).
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

-- A field changed both here and on the server since the last sync. The local
-- value stays here, the server keeps its own, until a person picks one.
CREATE TABLE sync_conflicts (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    mine        TEXT NOT NULL,
    theirs      TEXT NOT NULL,
    theirs_by   TEXT NOT NULL,
    theirs_at   TEXT NOT NULL,
    PRIMARY KEY (incident_id, field)
);
