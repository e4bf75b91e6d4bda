-- fresh_ids: the missions the current write added.
-- Params: none.
-- Returns: mission_id VARCHAR, one row per mission.
SELECT mission_id FROM ingest_fresh
