-- Marks the file as ours ("PITR" = 0x50495452) in the SQLite header, so that a
-- database of another program is recognised and refused before any write.
PRAGMA application_id = 1346982994;
