-- noise_floor_window: the seed's time-window noise floor, percentile_cont($3) WITHIN GROUP
--   (ORDER BY rssi_dbm) over the trailing $2 seconds, evaluated once per 1-second bucket of each
--   mission (story 4.8's calculate_noise_floor, replayed over the whole flight).
-- Definition: bucket_s = floor(t_rel_s); the bucket is evaluated at its LAST sample (time t_e);
--   the window holds that mission's samples with t_e - $2 <= t_rel_s <= t_e (a RANGE frame, so
--   the older bound is inclusive; the seed's strict '>' differs only on an exact microsecond tie).
--   percentile_cont interpolates linearly between the two order statistics around p*(n-1).
--   DuckDB accepts the seed's `percentile_cont(p) WITHIN GROUP (ORDER BY x)` only as a plain
--   aggregate (as a window function it fails: "Aggregate Function with name percentile_cont does
--   not exist"); that spelling is rewritten to quantile_cont(x, p), which is what runs here, once
--   per sample over a RANGE frame, then one row per bucket is kept.
-- Params: $1 mission_id VARCHAR (NULL = all missions), $2 window_s DOUBLE (s, e.g. 10),
--         $3 percentile DOUBLE (0.1)
-- Returns: mission_id VARCHAR, bucket_s BIGINT (s), t TIMESTAMPTZ, t_rel_s DOUBLE (s, the
--          evaluation instant), window_n BIGINT (samples in the window),
--          noise_floor_dbm DOUBLE (dBm), rssi_dbm DOUBLE (dBm, at t), snr_db DOUBLE (dB,
--          rssi_dbm - noise_floor_dbm), recorded_noise_floor_dbm DOUBLE (dBm, the Pi's at t)
SELECT mission_id, bucket_s, t, t_rel_s, window_n,
  window_floor_dbm AS noise_floor_dbm,
  rssi_dbm,
  rssi_dbm - window_floor_dbm AS snr_db,
  recorded_noise_floor_dbm
FROM (
SELECT mission_id,
  floor(t_rel_s)::BIGINT AS bucket_s,
  t, t_rel_s,
  count(*) OVER w AS window_n,
  quantile_cont(rssi_dbm, $3::DOUBLE) OVER w AS window_floor_dbm,
  rssi_dbm,
  noise_floor_dbm AS recorded_noise_floor_dbm
FROM rssi_sample
WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
WINDOW w AS (PARTITION BY mission_id ORDER BY t_rel_s
             RANGE BETWEEN $2::DOUBLE PRECEDING AND CURRENT ROW)
QUALIFY row_number() OVER (PARTITION BY mission_id, floor(t_rel_s) ORDER BY t_rel_s DESC) = 1
)
ORDER BY mission_id, bucket_s
