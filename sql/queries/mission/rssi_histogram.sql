-- name: rssi_histogram
-- answers: How RSSI was distributed in each flight state (histogram by state).
-- params: $1 mission_id VARCHAR, $2 bin_db DOUBLE (bin width, dB, > 0)
-- returns: system_state, bin_dbm (dBm, lower edge), n (samples), share (fraction of that
--   state's samples)
WITH b AS (
  SELECT
    COALESCE(system_state, 'UNKNOWN') AS system_state,
    floor(rssi_dbm / $2::DOUBLE) * $2::DOUBLE AS bin_dbm,
    count(*) AS n
  FROM rssi_sample
  WHERE mission_id = $1::VARCHAR AND isfinite(rssi_dbm)
  GROUP BY 1, 2
)
SELECT system_state, bin_dbm, n, n / sum(n) OVER (PARTITION BY system_state) AS share
FROM b
ORDER BY system_state, bin_dbm
