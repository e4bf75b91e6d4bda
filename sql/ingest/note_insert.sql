-- note_insert: keep one data-quality note beside its mission, for the data-quality panel.
-- Params: $1 VARCHAR mission_id, $2 VARCHAR file, $3 VARCHAR severity (info | warning | error),
-- $4 VARCHAR message, $5 DOUBLE rows_affected.
-- Writes: one row of data_quality_note.
INSERT INTO data_quality_note (mission_id, file, severity, message, rows_affected)
VALUES ($1, $2, $3, $4, $5)
