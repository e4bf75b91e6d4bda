-- beacon_observations: the beacon posterior's input, one row per beacon pulse.
--
-- The strongest sample of each pulse period (the EWMA peaks once per pulse, so only that sample
-- carries the beacon's signal; ties: the earliest) with the drone's position at that sample, as
-- beacon_estimate reads them. The posterior itself (src/lib/beacon, docs/beacon-posterior.md) is
-- computed in TypeScript from these rows: it is a grid of likelihoods, not a set operation.
-- A 1-hour mission is 3,600 rows.
--
-- Params:
--   $1 mission_id VARCHAR
--   $2 pulse_period_s DOUBLE: beacon pulse period (1 for the reference beacon); 0 = every sample
-- Columns (time order): t_rel_s (s), north_m, east_m (m from the mission origin), alt_rel_m (m
--   above home, 0 when unknown), rssi_dbm, snr_db (dB), noise_floor_dbm
SELECT
  p.t_rel_s AS t_rel_s, p.n AS north_m, p.e AS east_m, coalesce(p.alt, 0) AS alt_rel_m,
  rssi AS rssi_dbm, coalesce(p.snr, 0) AS snr_db, coalesce(p.nf, -109) AS noise_floor_dbm
FROM (
  SELECT
    max(rssi_dbm) AS rssi,
    arg_max(
      {'t_rel_s': t_rel_s, 'n': north_m, 'e': east_m, 'alt': alt_rel_m, 'snr': snr_db,
       'nf': noise_floor_dbm},
      -- Ties go to the earliest sample: the larger −t_rel_s wins among equal RSSI.
      (rssi_dbm, -t_rel_s)
    ) AS p
  FROM rssi_geo
  WHERE mission_id = $1::VARCHAR
    AND north_m IS NOT NULL AND east_m IS NOT NULL AND rssi_dbm IS NOT NULL
  GROUP BY CASE WHEN $2::DOUBLE > 0 THEN floor(t_rel_s / $2::DOUBLE) ELSE seq END
)
ORDER BY t_rel_s
