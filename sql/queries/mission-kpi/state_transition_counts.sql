-- state_transition_counts: how often each from → to pair of the Pi's flight states occurred,
-- and whether the Pi's state machine allows it (pisad-domain.md §5; view pi_allowed_transition in
-- sql/schema/40_state_intervals.sql, equal to ALLOWED_TRANSITIONS in src/lib/contract.ts).
-- The start-up record (from_state NULL) is listed with allowed NULL: it is not a transition.
-- Params: $1 mission_id VARCHAR, NULL = all missions (one row per mission and pair)
-- Returns: mission_id VARCHAR, from_state VARCHAR, to_state VARCHAR, transitions INTEGER,
--          forced INTEGER (of them forced: reason 'FORCED:...' or forced = true),
--          allowed BOOLEAN, first_s DOUBLE (s from mission start of the first occurrence)
SELECT s.mission_id, s.from_state, s.to_state,
	count(*)::INTEGER AS transitions,
	count(*) FILTER (WHERE coalesce(s.forced, false)
		OR coalesce(starts_with(s.reason, 'FORCED:'), false))::INTEGER AS forced,
	CASE WHEN s.from_state IS NULL THEN NULL ELSE bool_or(a.from_state IS NOT NULL) END AS allowed,
	min(s.t_rel_s) AS first_s
FROM state_transition s
LEFT JOIN pi_allowed_transition a ON a.from_state = s.from_state AND a.to_state = s.to_state
WHERE ($1::VARCHAR IS NULL OR s.mission_id = $1::VARCHAR)
GROUP BY s.mission_id, s.from_state, s.to_state
ORDER BY s.mission_id, transitions DESC, s.from_state NULLS FIRST, s.to_state
