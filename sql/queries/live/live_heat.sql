-- name: live_heat
-- answers: Where was the signal strong? Each RSSI sample gets the drone position at or before
--   its time (ASOF JOIN of the 10 Hz RSSI stream on the 2 Hz telemetry stream, within 2 s), and
--   the samples are binned on a grid of $2 metres: the live map's heat layer.
-- params: $1 mission_id VARCHAR, $2 cell_m DOUBLE (grid size, m)
-- returns: lat_deg, lon_deg (deg: mean position of the cell's samples), n (samples),
--   rssi_max_dbm, rssi_mean_dbm (dBm), snr_max_db (dB)
WITH r AS (
  SELECT s.t, s.rssi_dbm, s.snr_db, v.lat_deg, v.lon_deg, v.north_m, v.east_m
  FROM rssi_sample AS s
  ASOF JOIN vehicle_telemetry AS v
    ON v.mission_id = s.mission_id AND s.t >= v.t
  WHERE s.mission_id = $1 AND v.north_m IS NOT NULL
    AND epoch_us(s.t) - epoch_us(v.t) <= 2000000
)
SELECT
  avg(lat_deg) AS lat_deg,
  avg(lon_deg) AS lon_deg,
  count(*) AS n,
  max(rssi_dbm) AS rssi_max_dbm,
  avg(rssi_dbm) AS rssi_mean_dbm,
  max(snr_db) AS snr_max_db
FROM r
GROUP BY floor(north_m / $2::DOUBLE), floor(east_m / $2::DOUBLE)
ORDER BY rssi_max_dbm
