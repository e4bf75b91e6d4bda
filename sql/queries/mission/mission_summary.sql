-- name: mission_summary
-- answers: The headline numbers of one mission (review page header). No row if not loaded.
-- params: $1 mission_id VARCHAR
-- returns: mission_id, name, source, scenario, started_at (epoch ms in JS),
--   duration_s (s: ended_at - started_at, else the last rssi_sample t_rel_s),
--   rssi_samples, telemetry_samples (counts),
--   states_visited (VARCHAR[]: distinct states in order of first visit, from rssi_sample.system_state
--     and state_transition from/to states),
--   max_rssi_dbm (dBm), noise_floor_p10_dbm (dBm: percentile_cont(0.1) over all rssi_dbm),
--   detections (count of detection rows), first_detection_s (s: earliest detection t_rel_s),
--   beacon_lat_deg, beacon_lon_deg (deg: beacon truth, NULL when unknown)
WITH r AS (
  SELECT
    count(*) AS rssi_samples,
    max(rssi_dbm) AS max_rssi_dbm,
    percentile_cont(0.1) WITHIN GROUP (ORDER BY rssi_dbm) AS noise_floor_p10_dbm,
    max(t_rel_s) AS last_s
  FROM rssi_sample
  WHERE mission_id = $1
),
seen AS (
  -- A transition's from_state was visited no later than the transition: rank it before to_state.
  SELECT system_state AS state, t_rel_s, 1 AS k FROM rssi_sample
  WHERE mission_id = $1 AND system_state IS NOT NULL
  UNION ALL
  SELECT from_state, t_rel_s, 0 FROM state_transition
  WHERE mission_id = $1 AND from_state IS NOT NULL
  UNION ALL
  SELECT to_state, t_rel_s, 1 FROM state_transition
  WHERE mission_id = $1
),
first_seen AS (
  SELECT state, min(t_rel_s) AS t_rel_s, min(k) AS k FROM seen GROUP BY state
)
SELECT
  m.mission_id,
  m.name,
  m.source,
  m.scenario,
  m.started_at,
  COALESCE((epoch_us(m.ended_at) - epoch_us(m.started_at)) / 1e6, r.last_s) AS duration_s,
  r.rssi_samples,
  (SELECT count(*) FROM vehicle_telemetry WHERE mission_id = $1) AS telemetry_samples,
  COALESCE((SELECT list(state ORDER BY t_rel_s, k, state) FROM first_seen), []) AS states_visited,
  r.max_rssi_dbm,
  r.noise_floor_p10_dbm,
  (SELECT count(*) FROM detection WHERE mission_id = $1) AS detections,
  (SELECT min(t_rel_s) FROM detection WHERE mission_id = $1) AS first_detection_s,
  b.lat_deg AS beacon_lat_deg,
  b.lon_deg AS beacon_lon_deg
FROM mission AS m
CROSS JOIN r
LEFT JOIN (
  SELECT lat_deg, lon_deg FROM beacon_truth WHERE mission_id = $1 ORDER BY beacon_id LIMIT 1
) AS b ON true
WHERE m.mission_id = $1
