-- Every live incident gets its identity on the team's server now (a random
-- UUID, version 4); incidents made later get theirs at their first sync.
INSERT INTO sync_objects (incident_id, uuid)
SELECT id,
       lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
       || substr(lower(hex(randomblob(2))), 2) || '-'
       || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2)
       || '-' || lower(hex(randomblob(6)))
FROM incidents WHERE deleted_at IS NULL;
