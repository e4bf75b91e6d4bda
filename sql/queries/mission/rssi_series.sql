-- name: rssi_series
-- answers: The RSSI chart of one mission, small enough to draw fast even for a 1-hour mission.
-- params: $1 mission_id VARCHAR, $2 max_points INTEGER (>= 1)
-- returns: t_rel_s (s: first sample time in the bucket), samples (count),
--   rssi_min_dbm, rssi_max_dbm, rssi_mean_dbm (dBm), noise_floor_dbm (dBm: mean),
--   snr_db (dB: max), detected (bool_or), in time order.
--   n <= max_points samples: one row per sample. Otherwise max_points equal time buckets over
--   [first, last] t_rel_s: bucket = least(floor((t_rel_s - t0) * max / (t1 - t0)), max - 1);
--   empty buckets are absent.
WITH s AS (
  SELECT seq, t_rel_s, rssi_dbm, noise_floor_dbm, snr_db, detected
  FROM rssi_sample
  WHERE mission_id = $1
),
b AS (SELECT count(*) AS n, min(t_rel_s) AS t0, max(t_rel_s) AS t1 FROM s),
keyed AS (
  SELECT
    s.*,
    CASE
      WHEN b.n <= $2::BIGINT THEN row_number() OVER (ORDER BY s.t_rel_s, s.seq)
      ELSE least(
        floor((s.t_rel_s - b.t0) * $2::BIGINT / nullif(b.t1 - b.t0, 0)), $2::BIGINT - 1
      )
    END AS bucket
  FROM s CROSS JOIN b
)
SELECT
  min(t_rel_s) AS t_rel_s,
  count(*) AS samples,
  min(rssi_dbm) AS rssi_min_dbm,
  max(rssi_dbm) AS rssi_max_dbm,
  avg(rssi_dbm) AS rssi_mean_dbm,
  avg(noise_floor_dbm) AS noise_floor_dbm,
  max(snr_db) AS snr_db,
  bool_or(detected) AS detected
FROM keyed
GROUP BY bucket
ORDER BY t_rel_s
