-- name: track
-- answers: The flight path of one mission for the map, with signal and state along it.
-- params: $1 mission_id VARCHAR, $2 max_points INTEGER (>= 1)
-- returns: t_rel_s (s), lat_deg, lon_deg (deg), alt_rel_m (m above home),
--   system_state (state at that time: the last rssi_sample at or before it, else the last
--   state_transition), rssi_dbm (dBm) and snr_db (dB) from the last rssi_sample at or before
--   it, heading_deg (deg, 0 = north, clockwise), groundspeed_mps (m/s), in time order.
--   Telemetry rows without a position are skipped; n rows are evenly decimated to
--   min(n, max_points): row i is kept when it is the first of its bucket floor(i * max / n).
WITH v AS (
  SELECT
    mission_id, t, t_rel_s, lat_deg, lon_deg, alt_rel_m, heading_deg, groundspeed_mps,
    row_number() OVER (ORDER BY t) - 1 AS i,
    count(*) OVER () AS n
  FROM vehicle_telemetry
  WHERE mission_id = $1 AND lat_deg IS NOT NULL AND lon_deg IS NOT NULL
),
kept AS (
  SELECT * FROM v
  WHERE i = 0 OR (i * $2::BIGINT) // n <> ((i - 1) * $2::BIGINT) // n
),
r AS (SELECT mission_id, t, rssi_dbm, snr_db, system_state FROM rssi_sample WHERE mission_id = $1),
s AS (SELECT mission_id, t, to_state FROM state_transition WHERE mission_id = $1)
SELECT
  kept.t_rel_s,
  kept.lat_deg,
  kept.lon_deg,
  kept.alt_rel_m,
  COALESCE(r.system_state, s.to_state) AS system_state,
  r.rssi_dbm,
  r.snr_db,
  kept.heading_deg,
  kept.groundspeed_mps
FROM kept
ASOF LEFT JOIN r ON r.mission_id = kept.mission_id AND kept.t >= r.t
ASOF LEFT JOIN s ON s.mission_id = kept.mission_id AND kept.t >= s.t
ORDER BY kept.t
