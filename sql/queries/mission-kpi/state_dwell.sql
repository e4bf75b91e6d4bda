-- state_dwell: how long a mission spent in each of the Pi's flight states.
-- Built from the same intervals as state_timeline.sql (macro state_intervals in
-- sql/schema/40_state_intervals.sql).
-- Params: $1 mission_id VARCHAR, NULL = all missions
-- Returns: mission_id VARCHAR, state VARCHAR, dwell_s DOUBLE (s, total), visits INTEGER,
--          share_pct DOUBLE (% of the mission's timeline), mean_visit_s DOUBLE (s),
--          max_visit_s DOUBLE (s)
SELECT mission_id, state,
	sum(duration_s) AS dwell_s,
	count(*)::INTEGER AS visits,
	100 * sum(duration_s) / nullif(sum(sum(duration_s)) OVER (PARTITION BY mission_id), 0)
		AS share_pct,
	avg(duration_s) AS mean_visit_s,
	max(duration_s) AS max_visit_s
FROM state_intervals($1::VARCHAR)
GROUP BY mission_id, state
ORDER BY mission_id, dwell_s DESC, state