-- pi_noise_floor(mid, win, min_n, default_dbm, pct): the Pi's rolling noise floor recomputed per
-- sample (column floor_dbm, plus window_n and the recorded noise_floor_dbm) for mission `mid`
-- (NULL = all). Shared by sql/queries/signal/noise_floor_rolling.sql, whose header states the
-- rule and how DuckDB's quantile_disc is made to hit the Pi's index, and noise_floor_check.sql.
CREATE OR REPLACE MACRO pi_noise_floor(mid, win, min_n, default_dbm, pct) AS TABLE
WITH base AS (
  SELECT mission_id, seq, t, t_rel_s, rssi_dbm, noise_floor_dbm,
    row_number() OVER (PARTITION BY mission_id ORDER BY seq) AS rn,
    quantile_disc(rssi_dbm, (floor(pct * (win - 1)) + 0.5) / win)
      OVER (PARTITION BY mission_id ORDER BY seq
            ROWS BETWEEN win - 1 PRECEDING AND CURRENT ROW) AS full_floor
  FROM rssi_sample
  WHERE (mid IS NULL OR mission_id = mid)
),
warmup AS (
  SELECT mission_id, seq,
    list_sort(list(rssi_dbm) OVER (PARTITION BY mission_id ORDER BY seq
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS sorted
  FROM base
  WHERE rn < win
),
floors AS (
  SELECT b.*, least(b.rn, win) AS window_n,
    CASE
      WHEN least(b.rn, win) < min_n THEN default_dbm
      WHEN b.rn >= win THEN b.full_floor
      ELSE w.sorted[floor(pct * (b.rn - 1))::BIGINT + 1]
    END AS floor_dbm
  FROM base b
  LEFT JOIN warmup w ON w.mission_id = b.mission_id AND w.seq = b.seq
)
SELECT * FROM floors
