-- Rows per mission and contract table, with the time span of the mission's samples: what a load
-- is said to have brought (the import summary) and the rows a library import counts as inserted.
-- One row per mission and table that has rows; $1 is a mission id or NULL for every mission.
WITH counts AS (
  SELECT mission_id, 'rssi_sample' AS tbl, count(*) AS n, min(t) AS t0, max(t) AS t1
    FROM rssi_sample GROUP BY mission_id
  UNION ALL SELECT mission_id, 'vehicle_telemetry', count(*), min(t), max(t)
    FROM vehicle_telemetry GROUP BY mission_id
  UNION ALL SELECT mission_id, 'state_transition', count(*), min(t), max(t)
    FROM state_transition GROUP BY mission_id
  UNION ALL SELECT mission_id, 'detection', count(*), min(t), max(t)
    FROM detection GROUP BY mission_id
  UNION ALL SELECT mission_id, 'homing_step', count(*), min(t), max(t)
    FROM homing_step GROUP BY mission_id
  UNION ALL SELECT mission_id, 'safety_event', count(*), min(t), max(t)
    FROM safety_event GROUP BY mission_id
  UNION ALL SELECT mission_id, 'waypoint', count(*), NULL, NULL
    FROM waypoint GROUP BY mission_id
)
SELECT mission_id, tbl AS table_name, n::DOUBLE AS n_rows,
       epoch_ms(t0)::DOUBLE AS t0_ms, epoch_ms(t1)::DOUBLE AS t1_ms
FROM counts
WHERE $1 IS NULL OR mission_id = $1
ORDER BY mission_id, tbl
