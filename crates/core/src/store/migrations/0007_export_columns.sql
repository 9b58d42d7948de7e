-- The incidents CSV at the speed of a table scan: the money per currency, the
-- five source columns and the event count are kept on the incident itself
-- (written by the store with every save, store/kept.rs), so an export reads one
-- row per incident and aggregates nothing.

ALTER TABLE incidents ADD COLUMN fines TEXT;
ALTER TABLE incidents ADD COLUMN proposed_fines TEXT;
ALTER TABLE incidents ADD COLUMN settlements TEXT;
ALTER TABLE incidents ADD COLUMN source_urls TEXT;
ALTER TABLE incidents ADD COLUMN source_titles TEXT;
ALTER TABLE incidents ADD COLUMN source_publishers TEXT;
ALTER TABLE incidents ADD COLUMN source_published TEXT;
ALTER TABLE incidents ADD COLUMN source_languages TEXT;
ALTER TABLE incidents ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;

-- Money in major units per the currency's exponent, as money::format_major
-- writes it (the currencies with 0 and 3 decimals, all others 2).
CREATE TEMP TABLE kept_money AS
SELECT e.incident_id AS id, e.kind AS kind, e.currency AS cur,
       CASE WHEN e.currency IN ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF',
                                'UGX','VND','VUV','XAF','XOF','XPF')
            THEN CAST(sum(e.amount_minor) AS TEXT)
            WHEN e.currency IN ('BHD','IQD','JOD','KWD','LYD','OMR','TND')
            THEN rtrim(rtrim(printf('%d.%03d', sum(e.amount_minor) / 1000, sum(e.amount_minor) % 1000), '0'), '.')
            ELSE rtrim(rtrim(printf('%d.%02d', sum(e.amount_minor) / 100, sum(e.amount_minor) % 100), '0'), '.')
       END AS major
FROM events e
WHERE e.amount_minor IS NOT NULL AND e.kind IN ('fined', 'proposed_fine', 'settled')
GROUP BY e.incident_id, e.kind, e.currency;
CREATE INDEX temp.kept_money_id ON kept_money(id, kind, cur);

UPDATE incidents SET
    fines = (SELECT group_concat(cur || ' ' || major, '; ') FROM
        (SELECT cur, major FROM kept_money m WHERE m.id = incidents.id AND m.kind = 'fined' ORDER BY cur)),
    proposed_fines = (SELECT group_concat(cur || ' ' || major, '; ') FROM
        (SELECT cur, major FROM kept_money m WHERE m.id = incidents.id AND m.kind = 'proposed_fine' ORDER BY cur)),
    settlements = (SELECT group_concat(cur || ' ' || major, '; ') FROM
        (SELECT cur, major FROM kept_money m WHERE m.id = incidents.id AND m.kind = 'settled' ORDER BY cur)),
    source_urls = (SELECT group_concat(s.url, char(10)) FROM (SELECT s.* FROM incident_sources l
        JOIN sources s ON s.id = l.source_id WHERE l.incident_id = incidents.id ORDER BY l.position) s),
    source_titles = (SELECT group_concat(coalesce(s.title, ''), char(10)) FROM (SELECT s.* FROM incident_sources l
        JOIN sources s ON s.id = l.source_id WHERE l.incident_id = incidents.id ORDER BY l.position) s),
    source_publishers = (SELECT group_concat(coalesce(s.publisher, ''), char(10)) FROM (SELECT s.* FROM incident_sources l
        JOIN sources s ON s.id = l.source_id WHERE l.incident_id = incidents.id ORDER BY l.position) s),
    source_published = (SELECT group_concat(coalesce(s.published, ''), char(10)) FROM (SELECT s.* FROM incident_sources l
        JOIN sources s ON s.id = l.source_id WHERE l.incident_id = incidents.id ORDER BY l.position) s),
    source_languages = (SELECT group_concat(coalesce(s.language, ''), char(10)) FROM (SELECT s.* FROM incident_sources l
        JOIN sources s ON s.id = l.source_id WHERE l.incident_id = incidents.id ORDER BY l.position) s),
    event_count = (SELECT count(*) FROM events e WHERE e.incident_id = incidents.id);

DROP TABLE kept_money;
