-- snr_summary: per mission, how strong the signal was above the noise and for how long the Pi
--   held a detection (recorded snr_db and detected columns).
-- Time detected: each detected sample counts until the next sample (its own 0.1 s at 10 Hz, the
--   real gap if samples were dropped); a mission's last sample counts 0.
-- Params: $1 mission_id VARCHAR (NULL = all missions), $2 trigger_db DOUBLE (12)
-- Returns: mission_id VARCHAR, samples BIGINT, duration_s DOUBLE (s, first to last sample),
--          snr_p10_db, snr_p50_db, snr_p90_db, snr_max_db DOUBLE (dB; percentile_cont),
--          above_trigger_fraction DOUBLE (0..1, snr_db > $2), detected_samples BIGINT,
--          detected_s DOUBLE (s), detected_fraction DOUBLE (0..1 of duration_s)
WITH s AS (
  SELECT mission_id, t_rel_s, snr_db, detected,
    lead(t_rel_s) OVER (PARTITION BY mission_id ORDER BY seq) - t_rel_s AS dt_s
  FROM rssi_sample
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
)
SELECT mission_id,
  count(*) AS samples,
  max(t_rel_s) - min(t_rel_s) AS duration_s,
  percentile_cont(0.1) WITHIN GROUP (ORDER BY snr_db) AS snr_p10_db,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY snr_db) AS snr_p50_db,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY snr_db) AS snr_p90_db,
  max(snr_db) AS snr_max_db,
  avg(CASE WHEN snr_db > $2::DOUBLE THEN 1.0 ELSE 0.0 END) AS above_trigger_fraction,
  count(*) FILTER (WHERE detected) AS detected_samples,
  coalesce(sum(dt_s) FILTER (WHERE detected), 0) AS detected_s,
  coalesce(sum(dt_s) FILTER (WHERE detected), 0) / nullif(max(t_rel_s) - min(t_rel_s), 0)
    AS detected_fraction
FROM s
GROUP BY mission_id
ORDER BY mission_id
