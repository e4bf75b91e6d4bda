-- name: mission_list
-- answers: Which missions are loaded? One row per mission for the library list, newest first.
-- params: none
-- returns: mission_id, name, source, scenario, started_at (epoch ms in JS),
--   duration_s (s: ended_at - started_at, else the last rssi_sample t_rel_s),
--   rssi_samples (count), detections (count of detection rows), max_rssi_dbm (dBm, NULL if none),
--   beacon_power_dbm (dBm: the configured/known beacon power, NULL if unknown)
WITH r AS (
  SELECT mission_id, count(*) AS rssi_samples, max(rssi_dbm) AS max_rssi_dbm, max(t_rel_s) AS last_s
  FROM rssi_sample
  GROUP BY mission_id
),
d AS (
  SELECT mission_id, count(*) AS detections
  FROM detection
  GROUP BY mission_id
)
SELECT
  m.mission_id,
  m.name,
  m.source,
  m.scenario,
  m.started_at,
  -- epoch_us works on TIMESTAMPTZ without the ICU extension (TIMESTAMPTZ - TIMESTAMPTZ does not)
  COALESCE((epoch_us(m.ended_at) - epoch_us(m.started_at)) / 1e6, r.last_s) AS duration_s,
  COALESCE(r.rssi_samples, 0) AS rssi_samples,
  COALESCE(d.detections, 0) AS detections,
  r.max_rssi_dbm,
  m.beacon_power_dbm
FROM mission AS m
LEFT JOIN r USING (mission_id)
LEFT JOIN d USING (mission_id)
ORDER BY m.started_at DESC, m.mission_id
