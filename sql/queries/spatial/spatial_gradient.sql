-- spatial_gradient: direction and steepness of the RSSI field under the drone, over time.
--
-- Centred least-squares plane RSSI = a·north + b·east + c over a sliding time window
-- (pisad-domain.md §4): x = north − mean, y = east − mean, r = rssi − mean,
-- det = Sxx·Syy − Sxy², a = (Syy·Sxr − Sxy·Syr)/det, b = (Sxx·Syr − Sxy·Sxr)/det,
-- R² = (a·Sxr + b·Syr)/Srr (clamped to 0..1, 0 when Srr = 0). A fit needs n ≥ 3, det > 0 and
-- var(x) + var(y) ≥ 0.1 m² (population variances), else bearing/mag/r2 are NULL.
--
-- How: one evaluation point per step (the first sample at or after each multiple of step_s),
-- joined to the samples of its window through time buckets of window_s (an equi-join on two
-- buckets, then the exact range), and the centred sums taken by regr_sxx/regr_sxy/regr_syy,
-- which DuckDB accumulates with a stable co-moment update: no Σx² − (Σx)²/n cancellation.
-- This is 4x faster than the same sums as RANGE window aggregates (one segment tree per sum,
-- ~18 ms each per hour of data) when step_s is 1 s.
--
-- Params:
--   $1 mission_id VARCHAR, NULL = every mission
--   $2 window_s DOUBLE (> 0), window length in seconds, 10 by default: the samples with
--      t_rel_s in [t_rel_s − window_s, t_rel_s] of the evaluation point
--   $3 step_s DOUBLE (> 0), one evaluation per step, 1 by default
--   $4 pulse_period_s DOUBLE: 0 or NULL fits every sample (the Pi's way), > 0 fits only the
--      strongest sample of each pulse period (1 for the reference beacon). With a pulsed
--      beacon the off-pulse half of the samples is noise whose EWMA decay correlates with the
--      along-track position, so the all-sample fit rarely reaches R² 0.3; per-period maxima
--      make R² meaningful (measured: see tests/sql/spatial.test.ts).
-- Columns: mission_id, t (TIMESTAMPTZ of the window's last sample), t_rel_s (s), n (samples),
--   bearing_deg (steepest RSSI increase, 0..360 clockwise from north), mag_db_per_m (dB/m),
--   r2 (0..1), snr_max_db (highest SNR in the window: is there beacon signal at all),
--   north_m, east_m, lat_deg, lon_deg (window centroid), system_state (at t)
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
)
SELECT
  mission_id, t, t_rel_s, n,
  (degrees(atan2(b, a)) + 360) % 360 AS bearing_deg,
  sqrt(a * a + b * b) AS mag_db_per_m,
  CASE
    WHEN ok THEN CASE WHEN srr > 0 THEN greatest(0, least(1, (a * sxr + b * syr) / srr)) ELSE 0 END
  END AS r2,
  snr_max_db, north_m, east_m, lat_deg, lon_deg, system_state
FROM p
ORDER BY mission_id, t_rel_s
