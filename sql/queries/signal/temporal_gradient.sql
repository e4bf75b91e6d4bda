-- temporal_gradient: how fast RSSI is rising or falling, per sample: the seed's
--   regr_slope(rssi, epoch seconds) and regr_r2 over the samples of the last $2 seconds, at most
--   the last $3 of them (story 4.8's calculate_gradient, replayed at every sample of the flight).
-- Why per sample and not per 1-s bucket: the reference beacon pulses once a second, so evaluating
--   once a second samples the same phase of the pulse every time and aliases it into a steady
--   false slope; per sample, an average over any stretch weights all phases equally.
-- Window of sample i (ordered by seq, per mission): its n_i latest samples up to and including i,
--   n_i = least($3, number of samples with t_rel_s >= t_rel_s(i) - $2) (RANGE frame, so the older
--   bound is inclusive; the seed's strict '>' differs only on an exact microsecond tie).
--   DuckDB sizes a ROWS frame from a per-row expression, which is how both limits apply at once.
-- x is epoch seconds shifted to the mission start (t_rel_s): the slope and R² do not change with a
--   shift, and raw epoch seconds (~1.7e9) would spend 9 of a double's 16 digits on the offset.
-- Params: $1 mission_id VARCHAR (NULL = all missions), $2 window_s DOUBLE (s, 2.0),
--         $3 max_samples INTEGER (20)
-- Returns: mission_id VARCHAR, seq BIGINT, t TIMESTAMPTZ, t_rel_s DOUBLE (s), rssi_dbm DOUBLE
--          (dBm), system_state VARCHAR, window_n BIGINT (samples in the fit),
--          slope_db_per_s DOUBLE (dB/s, NULL below 3 samples), r2 DOUBLE (0..1, NULL below 3
--          samples or for a flat window)
WITH sized AS (
  SELECT mission_id, seq, t, t_rel_s, rssi_dbm, system_state,
    least($3::INTEGER, count(*) OVER (PARTITION BY mission_id ORDER BY t_rel_s
                                      RANGE BETWEEN $2::DOUBLE PRECEDING AND CURRENT ROW)) AS n
  FROM rssi_sample
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
),
fit AS (
  SELECT *,
    regr_slope(rssi_dbm, t_rel_s) OVER w AS slope,
    regr_r2(rssi_dbm, t_rel_s) OVER w AS r2
  FROM sized
  WINDOW w AS (PARTITION BY mission_id ORDER BY seq ROWS BETWEEN n - 1 PRECEDING AND CURRENT ROW)
)
SELECT mission_id, seq, t, t_rel_s, rssi_dbm, system_state,
  n AS window_n,
  CASE WHEN n >= 3 THEN slope END AS slope_db_per_s,
  CASE WHEN n >= 3 AND isfinite(r2) THEN r2 END AS r2
FROM fit
ORDER BY mission_id, seq
