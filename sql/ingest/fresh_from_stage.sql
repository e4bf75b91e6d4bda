-- fresh_from_stage: note the missions of the staged table (mission or rssi_sample rows, as
-- known_open counts them) that are not loaded yet.
-- Params: none. Reads ingest_stage (the Arrow batch being written), ingest_known, ingest_fresh.
-- Writes: new rows of ingest_fresh.
INSERT INTO ingest_fresh
SELECT DISTINCT CAST(mission_id AS VARCHAR) FROM ingest_stage
WHERE mission_id IS NOT NULL
  AND CAST(mission_id AS VARCHAR) NOT IN (SELECT mission_id FROM ingest_known)
  AND CAST(mission_id AS VARCHAR) NOT IN (SELECT mission_id FROM ingest_fresh)
