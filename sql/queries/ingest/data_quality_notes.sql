-- data_quality_notes: the data-quality notes of one mission, or of all missions.
-- What it answers: what did the importers repair, drop, compute or assume for this mission?
-- Params: $1 VARCHAR mission_id, or NULL for every mission.
-- Returns: mission_id, file, severity (info | warning | error), message, rows_affected,
-- most severe first, then in the order they were written.
SELECT mission_id, file, severity, message, rows_affected::DOUBLE AS rows_affected
FROM data_quality_note
WHERE $1::VARCHAR IS NULL OR mission_id = $1::VARCHAR
ORDER BY mission_id, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, rowid
