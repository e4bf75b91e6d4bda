-- name: telemetry_series
-- answers: Vehicle telemetry over time for the small-multiple charts, bucketed for long missions.
-- params: $1 mission_id VARCHAR, $2 max_points INTEGER (>= 1)
-- returns: t_rel_s (s, bucket start), alt_rel_m (m, mean), groundspeed_mps (m/s, mean),
--   battery_pct (%, mean), battery_v (V, mean), gps_sats (min in bucket), gps_hdop (max in bucket)
WITH v AS (
  SELECT *, max(t_rel_s) OVER () AS last_s
  FROM vehicle_telemetry
  WHERE mission_id = $1::VARCHAR
)
SELECT
  min(t_rel_s) AS t_rel_s,
  avg(alt_rel_m) AS alt_rel_m,
  avg(groundspeed_mps) AS groundspeed_mps,
  avg(battery_pct) AS battery_pct,
  avg(battery_v) AS battery_v,
  min(gps_sats) AS gps_sats,
  max(gps_hdop) AS gps_hdop
FROM v
GROUP BY floor(t_rel_s * $2::BIGINT / greatest(last_s, 1e-9))
ORDER BY t_rel_s
