-- plane_fit_windows(mid, window_s, step_s, pulse_s): the centred least-squares plane fit of RSSI
-- over north/east per evaluation step (the sums a, b, sxr, syr, srr, n, ok and the window's
-- centroid and state) for mission `mid` (NULL = all). Shared by
-- sql/queries/spatial/spatial_gradient.sql, whose header states the method and parameters, and
-- spatial_gradient_accuracy.sql.
CREATE OR REPLACE MACRO plane_fit_windows(mid, window_s, step_s, pulse_s) AS TABLE
WITH s AS (
  SELECT
    mission_id, t, t_rel_s, system_state, lat_deg, lon_deg, north_m, east_m, rssi_dbm, snr_db,
    floor(t_rel_s / window_s)::BIGINT AS kb
  FROM rssi_geo
  WHERE (mid IS NULL OR mission_id = mid)
    AND north_m IS NOT NULL AND east_m IS NOT NULL AND rssi_dbm IS NOT NULL
  -- With a pulse period, only each period's strongest sample (the pulse-catching one) enters.
  QUALIFY coalesce(pulse_s, 0) <= 0 OR row_number() OVER (
    PARTITION BY mission_id, floor(t_rel_s / pulse_s) ORDER BY rssi_dbm DESC, t_rel_s
  ) = 1
),
pts AS (
  SELECT mission_id, arg_min(t, t_rel_s) AS t, min(t_rel_s) AS t_end,
    arg_min(system_state, t_rel_s) AS system_state
  FROM s
  GROUP BY mission_id, floor(t_rel_s / step_s)
),
pk AS (
  -- A window [t_end − w, t_end] lies within buckets floor(t_end / w) − 1 and floor(t_end / w).
  SELECT *, unnest([floor(t_end / window_s)::BIGINT - 1, floor(t_end / window_s)::BIGINT]) AS kb
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
  WHERE s.t_rel_s >= pk.t_end - window_s AND s.t_rel_s <= pk.t_end
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
)
SELECT * FROM p
