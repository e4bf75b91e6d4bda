-- fresh_commit: the missions this write added become known (still inside its transaction, so a
-- rollback forgets them too).
-- Params: none.
-- Writes: rows of ingest_known.
INSERT INTO ingest_known SELECT mission_id FROM ingest_fresh
