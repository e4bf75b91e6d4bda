-- fresh_open: an empty list of the missions the current write adds (inside its transaction).
-- Params: none.
-- Creates: TEMP TABLE ingest_fresh (mission_id VARCHAR).
CREATE OR REPLACE TEMP TABLE ingest_fresh (mission_id VARCHAR)
