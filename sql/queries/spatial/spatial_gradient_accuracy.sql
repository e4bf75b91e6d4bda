-- spatial_gradient_accuracy: does the spatial gradient point at the beacon, by confidence?
--
-- Runs the same fit as spatial_gradient (macro plane_fit_windows, same params) on missions
-- with a beacon_truth, and compares each fitted bearing with
-- the true bearing from the window centroid to the beacon. Only windows holding beacon signal
-- (snr_max_db ≥ min_snr_db) count: without signal there is nothing to point at.
-- R² bands: [0, 0.3), [0.3, 0.6), [0.6, 1].
--
-- Params: $1 mission_id VARCHAR (NULL = every mission), $2 window_s DOUBLE (10), $3 step_s
--   DOUBLE (1), $4 pulse_period_s DOUBLE (1), $5 min_snr_db DOUBLE (6)
-- Columns: mission_id (NULL on the rows pooling every mission asked for), r2_band ('<0.3',
--   '0.3-0.6', '>=0.6'), r2_lo, r2_hi, n (windows), median_abs_err_deg, p90_abs_err_deg,
--   mean_dist_m (mean distance from window centroid to the beacon)
WITH e AS (
  SELECT
    g.mission_id, g.r2,
    abs(((g.bearing_deg - (degrees(atan2(b.east_m - g.east_m, b.north_m - g.north_m)) + 360) % 360)
      + 540) % 360 - 180) AS err_deg,
    sqrt((b.east_m - g.east_m) ^ 2 + (b.north_m - g.north_m) ^ 2) AS dist_m
  FROM (
    SELECT mission_id, n, snr_max_db, north_m, east_m,
      (degrees(atan2(b, a)) + 360) % 360 AS bearing_deg,
      CASE WHEN srr > 0 THEN greatest(0, least(1, (a * sxr + b * syr) / srr)) ELSE 0 END AS r2
    FROM plane_fit_windows($1::VARCHAR, $2::DOUBLE, $3::DOUBLE, $4::DOUBLE) WHERE ok
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
