-- Data-quality notes of imported missions: what an importer repaired, dropped, computed or
-- assumed, per mission and source file, so the data-quality panel can list them.
-- Written by src/lib/ingest/write.ts (sql/ingest/note_insert.sql); not a contract table (never exported).
-- severity: info (provenance: computed or assumed) | warning (rows repaired or dropped) | error.

CREATE TABLE IF NOT EXISTS data_quality_note (
  mission_id VARCHAR NOT NULL,
  file VARCHAR,
  severity VARCHAR NOT NULL,
  message VARCHAR NOT NULL,
  rows_affected BIGINT
)
