-- heat_map: RSSI and SNR per square grid cell over the mission area.
--
-- Cells of cell_m × cell_m metres aligned on the mission origin (cell i covers
-- north in [i·cell_m, (i+1)·cell_m)), from rssi_geo (positions interpolated in time).
-- Lat/lon use the contract's local projection around the mission origin (view mission_origin:
-- the mission row's, else recovered from telemetry; R = 6371000 m, east scaled by cos(origin lat)).
--
-- Params:
--   $1 mission_id VARCHAR, NULL = every mission
--   $2 cell_m DOUBLE (> 0), cell size in metres, 25 by default
-- Columns: mission_id, cell_i (north index), cell_j (east index), n (samples),
--   rssi_p10_dbm, rssi_p50_dbm, rssi_p90_dbm, rssi_max_dbm, snr_p50_db, snr_max_db,
--   north_m, east_m (cell centre), lat_deg, lon_deg (cell centre),
--   lat0_deg, lon0_deg, lat1_deg, lon1_deg (south-west and north-east corners of the cell)
WITH c AS (
  SELECT
    mission_id,
    floor(north_m / $2::DOUBLE)::BIGINT AS cell_i,
    floor(east_m / $2::DOUBLE)::BIGINT AS cell_j,
    count(*) AS n,
    quantile_cont(rssi_dbm, [0.1, 0.5, 0.9]) AS q,
    max(rssi_dbm) AS rssi_max_dbm,
    median(snr_db) AS snr_p50_db,
    max(snr_db) AS snr_max_db
  FROM rssi_geo
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
    AND north_m IS NOT NULL AND east_m IS NOT NULL
  GROUP BY ALL
),
g AS (
  SELECT
    c.*,
    (cell_i + 0.5) * $2::DOUBLE AS north_m,
    (cell_j + 0.5) * $2::DOUBLE AS east_m,
    degrees(1 / 6371000) AS dlat_per_m,
    degrees(1 / (6371000 * cos(radians(m.lat_deg)))) AS dlon_per_m,
    m.lat_deg AS lat_o,
    m.lon_deg AS lon_o
  FROM c LEFT JOIN mission_origin m USING (mission_id)
)
SELECT
  mission_id, cell_i, cell_j, n,
  q[1] AS rssi_p10_dbm, q[2] AS rssi_p50_dbm, q[3] AS rssi_p90_dbm, rssi_max_dbm,
  snr_p50_db, snr_max_db, north_m, east_m,
  lat_o + north_m * dlat_per_m AS lat_deg,
  lon_o + east_m * dlon_per_m AS lon_deg,
  lat_o + cell_i * $2::DOUBLE * dlat_per_m AS lat0_deg,
  lon_o + cell_j * $2::DOUBLE * dlon_per_m AS lon0_deg,
  lat_o + (cell_i + 1) * $2::DOUBLE * dlat_per_m AS lat1_deg,
  lon_o + (cell_j + 1) * $2::DOUBLE * dlon_per_m AS lon1_deg
FROM g
ORDER BY mission_id, cell_i, cell_j
