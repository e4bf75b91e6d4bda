-- name: live_counts
-- answers: How much of the live mission is recorded in DuckDB (the live view's counters).
-- params: $1 mission_id VARCHAR
-- returns: rssi_samples, telemetry_samples, state_transitions, detections, homing_steps,
--   link_gaps (safety_event rows with event_type 'link_gap'), gap_s (s: total gap duration),
--   max_rssi_dbm (dBm), last_t_rel_s (s)
SELECT
  (SELECT count(*) FROM rssi_sample WHERE mission_id = $1) AS rssi_samples,
  (SELECT count(*) FROM vehicle_telemetry WHERE mission_id = $1) AS telemetry_samples,
  (SELECT count(*) FROM state_transition WHERE mission_id = $1) AS state_transitions,
  (SELECT count(*) FROM detection WHERE mission_id = $1) AS detections,
  (SELECT count(*) FROM homing_step WHERE mission_id = $1) AS homing_steps,
  (SELECT count(*) FROM safety_event WHERE mission_id = $1 AND event_type = 'link_gap') AS link_gaps,
  -- regexp, not json_extract: the npm DuckDB-WASM build has no json extension (offline app).
  (SELECT COALESCE(sum(TRY_CAST(regexp_extract(details, '"duration_s":\s*([-0-9.eE+]+)', 1) AS DOUBLE)), 0)
   FROM safety_event WHERE mission_id = $1 AND event_type = 'link_gap') AS gap_s,
  (SELECT max(rssi_dbm) FROM rssi_sample WHERE mission_id = $1) AS max_rssi_dbm,
  (SELECT max(t_rel_s) FROM rssi_sample WHERE mission_id = $1) AS last_t_rel_s
