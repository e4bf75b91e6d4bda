-- noise_floor_rolling: the Pi's rolling noise floor recomputed from the recorded EWMA RSSI, sample
--   by sample, with the SNR it implies and the recorded floor beside it (PRD FR6).
-- Rule (src/lib/signal/chain.ts): the window W_i is the last $2 samples up to and INCLUDING
--   sample i (ordered by seq); n = |W_i|. If n < $3 the floor is $4, otherwise
--   sort_ascending(W_i)[floor($5 * (n - 1))] (0-based, IEEE double like Python's int()).
-- How: DuckDB's quantile_disc picks index ceil(n*q) - 1, not the Pi's floor(q*(n - 1)) (they agree
--   for q = 0.1 but not in general, e.g. q = 0.7, n = 5 gives 3 vs 2). A full window has a
--   constant n = $2, so quantile_disc at q' = (floor($5*($2-1)) + 0.5) / $2 hits exactly the Pi's
--   index k (n*q' = k + 0.5, far from any rounding edge) with DuckDB's fast windowed quantile.
--   The first $2 - 1 samples of each mission (growing window) use list_sort over their prefix,
--   which is cheap because it only touches those rows. Bound params do size the ROWS frame.
-- The computation is macro pi_noise_floor in sql/schema/41_noise_floor.sql (shared with
--   noise_floor_check.sql).
-- Assumes rssi_dbm is never NULL (the Pi's chain never emits NULL).
-- Params: $1 mission_id VARCHAR (NULL = all missions), $2 window_samples INTEGER (100),
--         $3 min_samples INTEGER (10), $4 default_dbm DOUBLE (-85), $5 percentile DOUBLE (0.1)
-- Returns: mission_id VARCHAR, seq BIGINT, t TIMESTAMPTZ, t_rel_s DOUBLE (s), rssi_dbm DOUBLE (dBm),
--          window_n BIGINT (samples in the window), noise_floor_dbm DOUBLE (dBm, recomputed),
--          snr_db DOUBLE (dB, rssi_dbm - recomputed floor),
--          recorded_noise_floor_dbm DOUBLE (dBm), floor_diff_db DOUBLE (dB, recomputed - recorded)
SELECT mission_id, seq, t, t_rel_s, rssi_dbm, window_n,
  floor_dbm AS noise_floor_dbm,
  rssi_dbm - floor_dbm AS snr_db,
  noise_floor_dbm AS recorded_noise_floor_dbm,
  floor_dbm - noise_floor_dbm AS floor_diff_db
FROM pi_noise_floor($1::VARCHAR, $2::INTEGER, $3::INTEGER, $4::DOUBLE, $5::DOUBLE)
ORDER BY mission_id, seq