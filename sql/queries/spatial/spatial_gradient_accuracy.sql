-- spatial_gradient_accuracy: does the spatial gradient point at the beacon, by confidence?
--
-- Runs spatial_gradient (same statement, same params; keep the two in step: the test checks
-- that the counts agree) on missions with a beacon_truth, and compares each fitted bearing with
-- the true bearing from the window centroid to the beacon. Only windows holding beacon signal
-- (snr_max_db ≥ min_snr_db) count: without signal there is nothing to point at.
-- R² bands: [0, 0.3), [0.3, 0.6), [0.6, 1].
--
-- Params: $1 mission_id VARCHAR (NULL = every mission), $2 window_s DOUBLE (10), $3 step_s
--   DOUBLE (1), $4 pulse_period_s DOUBLE (1), $5 min_snr_db DOUBLE (6)
-- Columns: mission_id (NULL on the rows pooling every mission asked for), r2_band ('<0.3',
--   '0.3-0.6', '>=0.6'), r2_lo, r2_hi, n (windows), median_abs_err_deg, p90_abs_err_deg,
--   mean_dist_m (mean distance from window centroid to the beacon)
WITH s AS (
  SELECT
    mission_id, t, t_rel_s, system_state, lat_deg, lon_deg, north_m, east_m, rssi_dbm, snr_db,
    floor(t_rel_s / $2::DOUBLE)::BIGINT AS kb
  FROM rssi_geo
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
    AND north_m IS NOT NULL AND east_m IS NOT NULL AND rssi_dbm IS NOT NULL
  -- With a pulse period, only each period's strongest sample (the pulse-catching one) enters.
  QUALIFY coalesce($4::DOUBLE, 0) <= 0 OR row_number() OVER (
    PARTITION BY mission_id, floor(t_rel_s / $4::DOUBLE) ORDER BY rssi_dbm DESC, t_rel_s
  ) = 1
),
pts AS (
  SELECT mission_id, arg_min(t, t_rel_s) AS t, min(t_rel_s) AS t_end,
    arg_min(system_state, t_rel_s) AS system_state
  FROM s
  GROUP BY mission_id, floor(t_rel_s / $3::DOUBLE)
),
pk AS (
  -- A window [t_end − w, t_end] lies within buckets floor(t_end / w) − 1 and floor(t_end / w).
  SELECT *, unnest([floor(t_end / $2::DOUBLE)::BIGINT - 1, floor(t_end / $2::DOUBLE)::BIGINT]) AS kb
  FROM pts
),
g AS (
  SELECT
    pk.mission_id, pk.t, pk.t_end AS t_rel_s, pk.system_state,
    count(*) AS n,
    max(s.snr_db) AS snr_max_db,
    avg(s.north_m) AS north_m,
    avg(s.east_m) AS east_m,
    avg(s.lat_deg) AS lat_deg,
    avg(s.lon_deg) AS lon_deg,
    regr_sxx(s.rssi_dbm, s.north_m) AS sxx,
    regr_sxx(s.rssi_dbm, s.east_m) AS syy,
    regr_sxy(s.north_m, s.east_m) AS sxy,
    regr_sxy(s.rssi_dbm, s.north_m) AS sxr,
    regr_sxy(s.rssi_dbm, s.east_m) AS syr,
    regr_syy(s.rssi_dbm, s.north_m) AS srr
  FROM pk
  JOIN s ON s.mission_id = pk.mission_id AND s.kb = pk.kb
  WHERE s.t_rel_s >= pk.t_end - $2::DOUBLE AND s.t_rel_s <= pk.t_end
  GROUP BY ALL
),
f AS (
  SELECT *, n >= 3 AND sxx * syy - sxy * sxy > 0 AND (sxx + syy) / n >= 0.1 AS ok
  FROM g
),
p AS (
  SELECT
    *,
    CASE WHEN ok THEN (syy * sxr - sxy * syr) / (sxx * syy - sxy * sxy) END AS a,
    CASE WHEN ok THEN (sxx * syr - sxy * sxr) / (sxx * syy - sxy * sxy) END AS b
  FROM f
),
e AS (
  SELECT
    g.mission_id, g.r2,
    abs(((g.bearing_deg - (degrees(atan2(b.east_m - g.east_m, b.north_m - g.north_m)) + 360) % 360)
      + 540) % 360 - 180) AS err_deg,
    sqrt((b.east_m - g.east_m) ^ 2 + (b.north_m - g.north_m) ^ 2) AS dist_m
  FROM (
    SELECT mission_id, n, snr_max_db, north_m, east_m,
      (degrees(atan2(b, a)) + 360) % 360 AS bearing_deg,
      CASE WHEN srr > 0 THEN greatest(0, least(1, (a * sxr + b * syr) / srr)) ELSE 0 END AS r2
    FROM p WHERE ok
  ) g
  JOIN beacon_truth b USING (mission_id)
  WHERE g.snr_max_db >= $5::DOUBLE
),
banded AS (
  SELECT *,
    CASE WHEN r2 < 0.3 THEN 0 WHEN r2 < 0.6 THEN 1 ELSE 2 END AS band
  FROM e
)
SELECT
  mission_id,
  ['<0.3', '0.3-0.6', '>=0.6'][band + 1] AS r2_band,
  [0, 0.3, 0.6][band + 1] AS r2_lo,
  [0.3, 0.6, 1][band + 1] AS r2_hi,
  count(*) AS n,
  median(err_deg) AS median_abs_err_deg,
  quantile_cont(err_deg, 0.9) AS p90_abs_err_deg,
  avg(dist_m) AS mean_dist_m
FROM banded
GROUP BY GROUPING SETS ((mission_id, band), (band))
ORDER BY mission_id NULLS FIRST, band
