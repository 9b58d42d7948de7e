-- The list filtered by a regulator asks which incidents the regulator acted
-- in: with the incident in the index, that question is answered from the index
-- alone, without reading each event row (at a million incidents the busiest
-- regulator's filtered page went from about 40 ms to 13 ms). The regulator
-- view still reads its events in date order from the same index.
DROP INDEX events_regulator;
CREATE INDEX events_regulator ON events(regulator_id, date, incident_id);
