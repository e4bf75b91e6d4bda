-- detection_list: every detection event of one mission, in time order, with where it happened.
-- Params: $1 mission_id VARCHAR
-- Returns: detection_id INTEGER, t TIMESTAMPTZ, t_rel_s DOUBLE (s), rssi_dbm DOUBLE (dBm),
--          snr_db DOUBLE (dB), confidence_pct DOUBLE (%), lat_deg DOUBLE, lon_deg DOUBLE,
--          system_state VARCHAR
SELECT detection_id, t, t_rel_s, rssi_dbm, snr_db, confidence_pct, lat_deg, lon_deg, system_state
FROM detection
WHERE mission_id = $1::VARCHAR
ORDER BY t_rel_s, detection_id
