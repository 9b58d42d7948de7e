-- The list at a million incidents: what each row shows and sorts by is kept on
-- the incident itself (written by the store with every save), so that a page
-- is read from one index instead of being computed for every row.

ALTER TABLE incidents ADD COLUMN company_name TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN regulators TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN first_event TEXT;
ALTER TABLE incidents ADD COLUMN latest_event TEXT;

UPDATE incidents SET
    company_name = (SELECT name FROM companies c WHERE c.id = incidents.company_id),
    first_event = (SELECT min(date) FROM events e WHERE e.incident_id = incidents.id),
    latest_event = (SELECT max(date) FROM events e WHERE e.incident_id = incidents.id),
    regulators = coalesce((SELECT group_concat(n, ', ') FROM (
        SELECT DISTINCT coalesce(r.short_name, r.name) AS n
        FROM events e JOIN regulators r ON r.id = e.regulator_id
        WHERE e.incident_id = incidents.id ORDER BY n)), '');

-- One index per sort column, over live incidents only, with the id as the
-- tie-breaker that keyset pagination continues from.
CREATE INDEX incidents_by_latest ON incidents(latest_event, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_company ON incidents(company_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_title ON incidents(title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_regulators ON incidents(regulators COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_records ON incidents(records_affected, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_users ON incidents(users_affected, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_status ON incidents(status, latest_event, id) WHERE deleted_at IS NULL;
CREATE INDEX incidents_by_company_id ON incidents(company_id, latest_event, id) WHERE deleted_at IS NULL;
DROP INDEX incidents_status;
CREATE INDEX events_by_date ON events(date);

-- Full-text search over what analysts look for: company (with its aliases),
-- title, summary and event notes. The trigram tokenizer finds a word inside
-- Korean and Chinese text, which has no spaces between words.
CREATE VIRTUAL TABLE incidents_fts USING fts5(
    company, title, summary, notes, tokenize = 'trigram'
);
INSERT INTO incidents_fts (rowid, company, title, summary, notes)
SELECT i.id,
       c.name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM company_aliases a WHERE a.company_id = c.id), ''),
       i.title, coalesce(i.summary, ''),
       coalesce((SELECT group_concat(note, ' ') FROM events e WHERE e.incident_id = i.id), '')
FROM incidents i JOIN companies c ON c.id = i.company_id
WHERE i.deleted_at IS NULL;
