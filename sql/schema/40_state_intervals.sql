-- Shared by the state queries in sql/queries/mission-kpi (one statement per query file cannot
-- share CTEs, so the reference list and the interval logic live here, created when a database
-- opens).

-- The Pi's allowed state transitions (pisad-domain.md §5), kept equal to ALLOWED_TRANSITIONS in
-- src/lib/contract.ts by tests/sql/kpi.test.ts.
CREATE OR REPLACE VIEW pi_allowed_transition AS
SELECT * FROM (VALUES ('IDLE', 'SEARCHING'), ('IDLE', 'EMERGENCY'),
		('SEARCHING', 'IDLE'), ('SEARCHING', 'DETECTING'), ('SEARCHING', 'EMERGENCY'),
		('DETECTING', 'SEARCHING'), ('DETECTING', 'HOMING'), ('DETECTING', 'IDLE'),
		('DETECTING', 'EMERGENCY'),
		('HOMING', 'HOLDING'), ('HOMING', 'SEARCHING'), ('HOMING', 'IDLE'), ('HOMING', 'EMERGENCY'),
		('HOLDING', 'HOMING'), ('HOLDING', 'SEARCHING'), ('HOLDING', 'IDLE'),
		('HOLDING', 'EMERGENCY'),
		('EMERGENCY', 'IDLE')
) AS v(from_state, to_state);

-- state_intervals(mid): the flight-state intervals of mission `mid` (NULL = every mission), one
-- row per visit of a state; definitions in sql/queries/mission-kpi/state_timeline.sql.
CREATE OR REPLACE MACRO state_intervals(mid) AS TABLE
WITH last_sample AS (
	-- Only needed when mission.ended_at is NULL; a plain GROUP BY is far cheaper in the wasm
	-- engine than a correlated subquery per mission.
	SELECT mission_id, max(t_rel_s) AS last_s FROM (
		SELECT mission_id, t_rel_s FROM rssi_sample
		WHERE (mid IS NULL OR mission_id = mid)
		UNION ALL
		SELECT mission_id, t_rel_s FROM vehicle_telemetry
		WHERE (mid IS NULL OR mission_id = mid)
	) GROUP BY mission_id
),
mission_end AS (
	SELECT m.mission_id, m.started_at,
		coalesce((epoch_us(m.ended_at) - epoch_us(m.started_at)) / 1e6, ls.last_s) AS end_s
	FROM mission m LEFT JOIN last_sample ls USING (mission_id)
	WHERE (mid IS NULL OR m.mission_id = mid)
),
tr AS (
	SELECT s.mission_id, s.t, s.t_rel_s, s.from_state, s.to_state, s.reason,
		coalesce(s.forced, false) OR coalesce(starts_with(s.reason, 'FORCED:'), false) AS forced,
		s.homing_enabled,
		row_number() OVER (PARTITION BY s.mission_id ORDER BY s.t_rel_s, s.t) AS n
	FROM state_transition s
	WHERE (mid IS NULL OR s.mission_id = mid)
),
intervals AS (
	-- The state before the first recorded transition, when the history starts mid-flight.
	SELECT tr.mission_id, 0 AS n, tr.from_state AS state, NULL::VARCHAR AS from_state,
		me.started_at AS start_t, 0.0 AS start_s, NULL::VARCHAR AS reason, false AS forced,
		NULL::BOOLEAN AS allowed, true AS inferred, NULL::BOOLEAN AS homing_enabled
	FROM tr JOIN mission_end me USING (mission_id)
	WHERE tr.n = 1 AND tr.from_state IS NOT NULL AND tr.t_rel_s > 0
	UNION ALL
	SELECT tr.mission_id, tr.n, tr.to_state, tr.from_state, tr.t, tr.t_rel_s, tr.reason, tr.forced,
		CASE WHEN tr.from_state IS NULL THEN NULL ELSE a.from_state IS NOT NULL END,
		false, tr.homing_enabled
	FROM tr LEFT JOIN pi_allowed_transition a ON a.from_state = tr.from_state AND a.to_state = tr.to_state
)
SELECT i.mission_id,
	(row_number() OVER w - 1)::INTEGER AS visit,
	i.state, i.from_state,
	lead(i.state) OVER w AS next_state,
	i.start_t, i.start_s,
	greatest(coalesce(lead(i.start_s) OVER w, me.end_s), i.start_s) AS end_s,
	greatest(coalesce(lead(i.start_s) OVER w, me.end_s), i.start_s) - i.start_s AS duration_s,
	i.reason, i.forced, i.allowed, i.inferred, i.homing_enabled
FROM intervals i JOIN mission_end me USING (mission_id)
WINDOW w AS (PARTITION BY i.mission_id ORDER BY i.n)
