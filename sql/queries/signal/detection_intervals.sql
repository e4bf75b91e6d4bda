-- detection_intervals: the Pi's debounced detection intervals (PRD FR7), recomputed in SQL from
--   the recorded snr_db with any thresholds, and described: start, end, peak, confidence, position.
-- Pi rule (src/lib/signal/chain.ts): off → on after $4 consecutive samples with snr > $2;
--   on → off after $5 consecutive samples with snr <= $3; counters reset on each change and the
--   'up' counter does not run while detected.
-- Set-based form (exact when $3 < $2, the hysteresis the Pi uses): let A = snr > $2 and
--   B = snr <= $3. An ON candidate is a sample where the current run of A reaches length $4, an
--   OFF candidate one where the run of B reaches length $5; the state after a sample is the type
--   of the latest candidate (off if none). Why this equals the Pi's counters:
--   docs/detection-intervals.md (tests/sql/signal.test.ts checks it sample by sample).
-- An interval runs from its ON sample to the sample where detection dropped (exclusive), or to
--   the mission's last sample (inclusive) if still on at the end (ended = false).
--   Positions are the last vehicle_telemetry fix at or before the sample (ASOF JOIN, 5 Hz).
--   The peak is the sample of maximum rssi_dbm (earliest on ties); confidence is the Pi's
--   clamp(50 + 2.5*(peak_snr_db - $2), 0, 100).
-- Params: $1 mission_id VARCHAR (NULL = all missions), $2 trigger_db DOUBLE (12),
--         $3 drop_db DOUBLE (6), $4 in_samples INTEGER (3), $5 out_samples INTEGER (5)
-- Returns: mission_id VARCHAR, detection_no BIGINT (1, 2, ... per mission),
--          start_seq BIGINT, start_t TIMESTAMPTZ, start_t_rel_s DOUBLE (s),
--          end_seq BIGINT, end_t TIMESTAMPTZ, end_t_rel_s DOUBLE (s), ended BOOLEAN,
--          duration_s DOUBLE (s, end - start), samples BIGINT (detected samples),
--          start_rssi_dbm DOUBLE, start_snr_db DOUBLE, peak_rssi_dbm DOUBLE (dBm),
--          peak_snr_db DOUBLE (dB), peak_confidence_pct DOUBLE (%), peak_t_rel_s DOUBLE (s),
--          start_lat_deg, start_lon_deg, start_north_m, start_east_m DOUBLE,
--          peak_lat_deg, peak_lon_deg, peak_north_m, peak_east_m DOUBLE
WITH s AS (
  SELECT mission_id, seq, t, t_rel_s, rssi_dbm, snr_db,
    coalesce(snr_db > $2::DOUBLE, false) AS a,
    coalesce(snr_db <= $3::DOUBLE, false) AS b
  FROM rssi_sample
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
),
candidates AS (
  -- a run reaches length k at this sample iff the last k samples are in it and the one before
  -- them is not (all windows share one sort by mission_id, seq)
  SELECT mission_id, seq, t, t_rel_s, rssi_dbm, snr_db,
    row_number() OVER m AS rn,
    CASE
      WHEN a AND sum(a::INTEGER) OVER win_in = $4::INTEGER
           AND NOT coalesce(lag(a, $4::INTEGER) OVER m, false) THEN true
      WHEN b AND sum(b::INTEGER) OVER win_out = $5::INTEGER
           AND NOT coalesce(lag(b, $5::INTEGER) OVER m, false) THEN false
    END AS event
  FROM s
  WINDOW m AS (PARTITION BY mission_id ORDER BY seq),
    win_in AS (PARTITION BY mission_id ORDER BY seq ROWS BETWEEN $4::INTEGER - 1 PRECEDING AND CURRENT ROW),
    win_out AS (PARTITION BY mission_id ORDER BY seq ROWS BETWEEN $5::INTEGER - 1 PRECEDING AND CURRENT ROW)
),
changes AS (
  -- the candidates that change the state (few rows): ON after OFF-or-nothing, OFF after ON
  SELECT mission_id, rn, t, t_rel_s, event AS detected,
    sum(event::INTEGER) OVER (PARTITION BY mission_id ORDER BY rn ROWS UNBOUNDED PRECEDING)
      AS detection_no
  FROM (
    SELECT *, lag(event) OVER (PARTITION BY mission_id ORDER BY rn) AS prev_event
    FROM candidates WHERE event IS NOT NULL
  )
  WHERE event IS DISTINCT FROM coalesce(prev_event, false)
),
detected AS (
  -- every sample takes the state of the latest change at or before it (one window pass; a hash
  -- join brings the few change rows in; measured faster than an ASOF join of all samples)
  SELECT * FROM (
    SELECT c.*,
      last_value(ch.detected IGNORE NULLS) OVER w AS is_on,
      last_value(ch.detection_no IGNORE NULLS) OVER w AS detection_no
    FROM candidates c
    LEFT JOIN changes ch ON ch.mission_id = c.mission_id AND ch.rn = c.rn
    WINDOW w AS (PARTITION BY c.mission_id ORDER BY c.rn ROWS UNBOUNDED PRECEDING)
  )
  WHERE is_on
),
ends AS (
  SELECT mission_id, detection_no, rn AS end_rn, seq AS end_seq, t AS end_t, t_rel_s AS end_t_rel_s
  FROM candidates JOIN (
    SELECT mission_id, rn, detection_no FROM changes WHERE NOT detected
  ) USING (mission_id, rn)
),
intervals AS (
  SELECT d.mission_id, d.detection_no,
    min(d.seq) AS start_seq, arg_min(d.t, d.rn) AS start_t, min(d.t_rel_s) AS start_t_rel_s,
    -- no OFF change after the start: still on at the mission's last sample
    coalesce(any_value(e.end_seq), max(d.seq)) AS end_seq,
    coalesce(any_value(e.end_t), max(d.t)) AS end_t,
    coalesce(any_value(e.end_t_rel_s), max(d.t_rel_s)) AS end_t_rel_s,
    any_value(e.end_seq) IS NOT NULL AS ended,
    count(*) AS samples,
    arg_min(d.rssi_dbm, d.rn) AS start_rssi_dbm, arg_min(d.snr_db, d.rn) AS start_snr_db,
    max(d.rssi_dbm) AS peak_rssi_dbm, max(d.snr_db) AS peak_snr_db,
    arg_max(d.t, (d.rssi_dbm, -d.rn)) AS peak_t, arg_max(d.t_rel_s, (d.rssi_dbm, -d.rn)) AS peak_t_rel_s
  FROM detected d
  LEFT JOIN ends e USING (mission_id, detection_no)
  GROUP BY d.mission_id, d.detection_no
),
fixes AS (
  SELECT mission_id, t, lat_deg, lon_deg, north_m, east_m
  FROM vehicle_telemetry
  WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
),
with_start AS (
  SELECT i.*, v.lat_deg AS start_lat_deg, v.lon_deg AS start_lon_deg,
    v.north_m AS start_north_m, v.east_m AS start_east_m
  FROM intervals i
  ASOF LEFT JOIN fixes v ON v.mission_id = i.mission_id AND i.start_t >= v.t
)
SELECT w.mission_id, w.detection_no, w.start_seq, w.start_t, w.start_t_rel_s,
  w.end_seq, w.end_t, w.end_t_rel_s, w.ended,
  w.end_t_rel_s - w.start_t_rel_s AS duration_s, w.samples,
  w.start_rssi_dbm, w.start_snr_db, w.peak_rssi_dbm, w.peak_snr_db,
  least(100, greatest(0, 50 + 2.5 * (w.peak_snr_db - $2::DOUBLE))) AS peak_confidence_pct,
  w.peak_t_rel_s,
  w.start_lat_deg, w.start_lon_deg, w.start_north_m, w.start_east_m,
  v.lat_deg AS peak_lat_deg, v.lon_deg AS peak_lon_deg,
  v.north_m AS peak_north_m, v.east_m AS peak_east_m
FROM with_start w
ASOF LEFT JOIN fixes v ON v.mission_id = w.mission_id AND w.peak_t >= v.t
ORDER BY w.mission_id, w.detection_no
