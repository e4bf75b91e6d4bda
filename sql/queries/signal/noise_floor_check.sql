-- noise_floor_check: data-quality check of the recorded noise_floor_dbm column. Recomputes the
--   Pi's rolling floor exactly as noise_floor_rolling.sql does (same rule, same CTEs: one
--   statement per file, so they are repeated here) and counts, per mission, the samples where the
--   recorded value differs by more than $6 dB. The product computes the floor once at ingest and
--   keeps the column; this says whether a file's column can be trusted.
-- Params: $1 mission_id VARCHAR (NULL = all missions), $2 window_samples INTEGER (100),
--         $3 min_samples INTEGER (10), $4 default_dbm DOUBLE (-85), $5 percentile DOUBLE (0.1),
--         $6 tolerance_db DOUBLE (0.01)
-- Returns: mission_id VARCHAR, samples BIGINT, recorded_null_samples BIGINT,
--          mismatched_samples BIGINT (|recomputed - recorded| > $6, NULL recorded counts too),
--          max_abs_diff_db DOUBLE (dB, over non-NULL recorded values),
--          first_mismatch_seq BIGINT (NULL when none)
WITH base AS (
  SELECT mission_id, seq, rssi_dbm, noise_floor_dbm,
    row_number() OVER (PARTITION BY mission_id ORDER BY seq) AS rn,
    quantile_disc(rssi_dbm, (floor($5::DOUBLE * ($2::INTEGER - 1)) + 0.5) / $2::INTEGER)
      OVER (PARTITION BY mission_id ORDER BY seq
            ROWS BETWEEN $2::INTEGER - 1 PRECEDING AND CURRENT ROW) AS full_floor
  FROM rssi_sample
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
),
warmup AS (
  SELECT mission_id, seq,
    list_sort(list(rssi_dbm) OVER (PARTITION BY mission_id ORDER BY seq
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS sorted
  FROM base
  WHERE rn < $2::INTEGER
),
floors AS (
  SELECT b.*, least(b.rn, $2::INTEGER) AS window_n,
    CASE
      WHEN least(b.rn, $2::INTEGER) < $3::INTEGER THEN $4::DOUBLE
      WHEN b.rn >= $2::INTEGER THEN b.full_floor
      ELSE w.sorted[floor($5::DOUBLE * (b.rn - 1))::BIGINT + 1]
    END AS floor_dbm
  FROM base b
  LEFT JOIN warmup w ON w.mission_id = b.mission_id AND w.seq = b.seq
)
SELECT mission_id,
  count(*) AS samples,
  count(*) FILTER (WHERE noise_floor_dbm IS NULL) AS recorded_null_samples,
  count(*) FILTER (WHERE noise_floor_dbm IS NULL OR abs(floor_dbm - noise_floor_dbm) > $6::DOUBLE)
    AS mismatched_samples,
  coalesce(max(abs(floor_dbm - noise_floor_dbm)), 0) AS max_abs_diff_db,
  min(seq) FILTER (WHERE noise_floor_dbm IS NULL OR abs(floor_dbm - noise_floor_dbm) > $6::DOUBLE)
    AS first_mismatch_seq
FROM floors
GROUP BY mission_id
ORDER BY mission_id
