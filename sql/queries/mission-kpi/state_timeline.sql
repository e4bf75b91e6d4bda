-- state_timeline: the Pi's flight-state intervals of a mission, one row per visit of a state,
-- each with the transition that entered it judged against the Pi's state machine.
-- An interval runs from its entering transition to the next transition of the same mission, or,
-- for the last one, to the mission end (mission.ended_at, else the last RSSI/telemetry sample).
-- A first transition whose from_state is NULL is the Pi starting up: its interval is kept but its
-- `allowed` is NULL (there is no transition to judge). When the history starts mid-flight (the
-- first transition has a from_state and comes after mission start), the time from mission start
-- to it is an `inferred` interval of that from_state.
-- Allowed pairs: view pi_allowed_transition; the interval logic: macro state_intervals, both in
-- sql/schema/40_state_intervals.sql (shared with state_dwell and state_transition_counts).
-- Params: $1 mission_id VARCHAR, NULL = all missions
-- Returns: mission_id VARCHAR, visit INTEGER (0-based order within the mission), state VARCHAR,
--          from_state VARCHAR, next_state VARCHAR (NULL for the last interval),
--          start_t TIMESTAMPTZ, start_s DOUBLE (s from mission start), end_s DOUBLE (s),
--          duration_s DOUBLE (s), reason VARCHAR, forced BOOLEAN (reason starts 'FORCED:' or the
--          row says so), allowed BOOLEAN (NULL for the start-up row and inferred intervals),
--          inferred BOOLEAN, homing_enabled BOOLEAN
SELECT *
FROM state_intervals($1::VARCHAR)
ORDER BY mission_id, visit