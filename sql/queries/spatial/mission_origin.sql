-- mission_origin: the local origin of one mission (north_m = east_m = 0), from its mission row or
-- recovered from its telemetry (view mission_origin, sql/schema/21_mission_origin.sql).
-- Params: $1 VARCHAR mission_id.
-- Returns: lat_deg DOUBLE, lon_deg DOUBLE (no row when the mission is not loaded).
SELECT lat_deg, lon_deg FROM mission_origin WHERE mission_id = $1
