-- spatial_gradient: direction and steepness of the RSSI field under the drone, over time.
--
-- Centred least-squares plane RSSI = a·north + b·east + c over a sliding time window
-- (pisad-domain.md §4): x = north − mean, y = east − mean, r = rssi − mean,
-- det = Sxx·Syy − Sxy², a = (Syy·Sxr − Sxy·Syr)/det, b = (Sxx·Syr − Sxy·Sxr)/det,
-- R² = (a·Sxr + b·Syr)/Srr (clamped to 0..1, 0 when Srr = 0). A fit needs n ≥ 3, det > 0 and
-- var(x) + var(y) ≥ 0.1 m² (population variances), else bearing/mag/r2 are NULL.
--
-- One evaluation point per step, joined to its window's samples through time buckets; sums by
-- regr_* (stable co-moments). Why this shape and what it replaced: docs/spatial-gradient.md.
--
-- The fit itself is macro plane_fit_windows in sql/schema/42_plane_fit.sql (shared with
-- spatial_gradient_accuracy.sql).
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
SELECT
  mission_id, t, t_rel_s, n,
  (degrees(atan2(b, a)) + 360) % 360 AS bearing_deg,
  sqrt(a * a + b * b) AS mag_db_per_m,
  CASE
    WHEN ok THEN CASE WHEN srr > 0 THEN greatest(0, least(1, (a * sxr + b * syr) / srr)) ELSE 0 END
  END AS r2,
  snr_max_db, north_m, east_m, lat_deg, lon_deg, system_state
FROM plane_fit_windows($1::VARCHAR, $2::DOUBLE, $3::DOUBLE, $4::DOUBLE)
ORDER BY mission_id, t_rel_s
