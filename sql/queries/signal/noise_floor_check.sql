-- noise_floor_check: data-quality check of the recorded noise_floor_dbm column. Recomputes the
--   Pi's rolling floor exactly as noise_floor_rolling.sql does (macro pi_noise_floor in
--   sql/schema/41_noise_floor.sql) and counts, per mission, the samples where the
--   recorded value differs by more than $6 dB. The product computes the floor once at ingest and
--   keeps the column; this says whether a file's column can be trusted.
-- Params: $1 mission_id VARCHAR (NULL = all missions), $2 window_samples INTEGER (100),
--         $3 min_samples INTEGER (10), $4 default_dbm DOUBLE (-85), $5 percentile DOUBLE (0.1),
--         $6 tolerance_db DOUBLE (0.01)
-- Returns: mission_id VARCHAR, samples BIGINT, recorded_null_samples BIGINT,
--          mismatched_samples BIGINT (|recomputed - recorded| > $6, NULL recorded counts too),
--          max_abs_diff_db DOUBLE (dB, over non-NULL recorded values),
--          first_mismatch_seq BIGINT (NULL when none)
SELECT mission_id,
  count(*) AS samples,
  count(*) FILTER (WHERE noise_floor_dbm IS NULL) AS recorded_null_samples,
  count(*) FILTER (WHERE noise_floor_dbm IS NULL OR abs(floor_dbm - noise_floor_dbm) > $6::DOUBLE)
    AS mismatched_samples,
  coalesce(max(abs(floor_dbm - noise_floor_dbm)), 0) AS max_abs_diff_db,
  min(seq) FILTER (WHERE noise_floor_dbm IS NULL OR abs(floor_dbm - noise_floor_dbm) > $6::DOUBLE)
    AS first_mismatch_seq
FROM pi_noise_floor($1::VARCHAR, $2::INTEGER, $3::INTEGER, $4::DOUBLE, $5::DOUBLE)
GROUP BY mission_id
ORDER BY mission_id
