-- beacon_pattern: the seed's pulse/stability/range summary (story 4.8 get_signal_pattern), per
--   mission over the whole flight and per $2-second bucket.
-- Per sample (window functions over each mission's continuous series, ordered by seq):
--   delta = rssi - LAG(rssi); volatility = STDDEV_SAMP(rssi) over the current and 5 preceding
--   samples (the seed's `ROWS BETWEEN 5 PRECEDING AND CURRENT ROW`; NULL on a mission's first
--   sample). The seed's query ran the windows inside its 30 s filter; here they run over the whole
--   series, so a bucket's first sample compares with the previous bucket's last one and the
--   buckets' pulse counts add up exactly to the mission's.
-- Per group: pulse_count = samples with delta > $3 dB, signal_stability_db = AVG(volatility)
--   (lower = steadier), signal_range_db = MAX - MIN of rssi.
-- Rows: one per mission with bucket_start_s NULL (whole mission), then one per bucket
--   [bucket_start_s, bucket_start_s + $2) of t_rel_s (GROUPING SETS).
-- Params: $1 mission_id VARCHAR (NULL = all missions), $2 window_s DOUBLE (s, 30),
--         $3 delta_db DOUBLE (dB, 10)
-- Returns: mission_id VARCHAR, bucket_start_s DOUBLE (s, NULL = whole mission),
--          bucket_end_s DOUBLE (s, last sample's t_rel_s for the whole-mission row),
--          samples BIGINT, pulse_count BIGINT, pulse_rate_hz DOUBLE (pulses / bucket seconds),
--          signal_stability_db DOUBLE (dB), signal_range_db DOUBLE (dB),
--          mean_rssi_dbm DOUBLE (dBm), max_rssi_dbm DOUBLE (dBm), max_delta_db DOUBLE (dB)
WITH analysis AS (
  SELECT mission_id, t_rel_s, rssi_dbm,
    rssi_dbm - lag(rssi_dbm) OVER w AS delta,
    stddev_samp(rssi_dbm) OVER w6 AS volatility,
    floor(t_rel_s / $2::DOUBLE) * $2::DOUBLE AS bucket
  FROM rssi_sample
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
  WINDOW w AS (PARTITION BY mission_id ORDER BY seq),
    w6 AS (PARTITION BY mission_id ORDER BY seq ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)
),
grouped AS (
  SELECT mission_id, bucket AS bucket_start_s,
    coalesce(bucket + $2::DOUBLE, max(t_rel_s)) AS bucket_end_s,
    count(*) AS samples,
    count(*) FILTER (WHERE delta > $3::DOUBLE) AS pulse_count,
    avg(volatility) AS signal_stability_db,
    max(rssi_dbm) - min(rssi_dbm) AS signal_range_db,
    avg(rssi_dbm) AS mean_rssi_dbm,
    max(rssi_dbm) AS max_rssi_dbm,
    max(delta) AS max_delta_db
  FROM analysis
  GROUP BY GROUPING SETS ((mission_id), (mission_id, bucket))
)
SELECT mission_id, bucket_start_s, bucket_end_s, samples, pulse_count,
  pulse_count / nullif(bucket_end_s - coalesce(bucket_start_s, 0), 0) AS pulse_rate_hz,
  signal_stability_db, signal_range_db, mean_rssi_dbm, max_rssi_dbm, max_delta_db
FROM grouped
ORDER BY mission_id, bucket_start_s NULLS FIRST
