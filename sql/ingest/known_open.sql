-- known_open: the missions already in the database, read once per load into a temp table.
-- What it answers: which mission ids must a load skip? Reading them per mission folder scanned
-- every RSSI row each time (quadratic for a 100-hour library); the writer adds each mission it
-- writes (fresh_commit), so a later folder of the same mission in one drop is skipped too.
-- Params: none.
-- Creates: TEMP TABLE ingest_known (mission_id VARCHAR), by mission or rssi_sample rows.
CREATE OR REPLACE TEMP TABLE ingest_known AS
SELECT CAST(mission_id AS VARCHAR) AS mission_id FROM mission
UNION
SELECT DISTINCT CAST(mission_id AS VARCHAR) FROM rssi_sample
