-- telemetry_summary: battery, altitude, speed and GPS quality of each mission's vehicle telemetry.
-- Battery drain is the least-squares slope of charge (and voltage) over time, sign flipped so a
-- draining pack is positive. Positions are local metres (north_m/east_m, or from lat/lon with
-- §4's formula about the mission origin when those are missing); a position jump is a step of
-- more than 50 m between consecutive rows (about 10× what the vehicle can fly between 5 Hz rows).
-- Params: $1 mission_id VARCHAR, NULL = all missions
-- Returns: mission_id VARCHAR, telemetry_samples INTEGER, span_s DOUBLE (first → last row, s),
--   battery_start_pct, battery_end_pct DOUBLE (%), battery_start_v, battery_end_v DOUBLE (V),
--   battery_drain_pct_per_min DOUBLE (%/min), battery_drain_v_per_min DOUBLE (V/min),
--   alt_rel_min_m, alt_rel_mean_m, alt_rel_max_m, alt_rel_stddev_m DOUBLE (m),
--   groundspeed_mean_mps, groundspeed_p95_mps, groundspeed_max_mps DOUBLE (m/s),
--   climb_max_mps, climb_min_mps DOUBLE (m/s, min = fastest descent),
--   gps_no_fix_pct, gps_2d_fix_pct, gps_3d_fix_pct, gps_rtk_pct DOUBLE (% of rows with a fix
--   value), gps_sats_min INTEGER, gps_sats_median DOUBLE, gps_hdop_median, gps_hdop_p95,
--   gps_hdop_max DOUBLE, position_jumps INTEGER (steps > 50 m), distance_km DOUBLE (km)
WITH tel AS (
	SELECT v.*,
		coalesce(v.north_m, (v.lat_deg - mi.origin_lat_deg) * 6371000 * pi() / 180) AS n_m,
		coalesce(v.east_m, (v.lon_deg - mi.origin_lon_deg) * 6371000 * pi() / 180
			* cos(radians(mi.origin_lat_deg))) AS e_m
	FROM vehicle_telemetry v LEFT JOIN mission mi USING (mission_id)
	WHERE ($1::VARCHAR IS NULL OR v.mission_id = $1::VARCHAR)
),
steps AS (
	SELECT *,
		sqrt((n_m - lag(n_m) OVER w) ^ 2 + (e_m - lag(e_m) OVER w) ^ 2) AS step_m
	FROM tel
	WINDOW w AS (PARTITION BY mission_id ORDER BY t_rel_s, t)
)
SELECT mission_id,
	count(*)::INTEGER AS telemetry_samples,
	max(t_rel_s) - min(t_rel_s) AS span_s,
	arg_min(battery_pct, t_rel_s) FILTER (WHERE battery_pct IS NOT NULL) AS battery_start_pct,
	arg_max(battery_pct, t_rel_s) FILTER (WHERE battery_pct IS NOT NULL) AS battery_end_pct,
	arg_min(battery_v, t_rel_s) FILTER (WHERE battery_v IS NOT NULL) AS battery_start_v,
	arg_max(battery_v, t_rel_s) FILTER (WHERE battery_v IS NOT NULL) AS battery_end_v,
	-60 * regr_slope(battery_pct, t_rel_s) AS battery_drain_pct_per_min,
	-60 * regr_slope(battery_v, t_rel_s) AS battery_drain_v_per_min,
	min(alt_rel_m) AS alt_rel_min_m,
	avg(alt_rel_m) AS alt_rel_mean_m,
	max(alt_rel_m) AS alt_rel_max_m,
	stddev_samp(alt_rel_m) AS alt_rel_stddev_m,
	avg(groundspeed_mps) AS groundspeed_mean_mps,
	percentile_cont(0.95) WITHIN GROUP (ORDER BY groundspeed_mps) AS groundspeed_p95_mps,
	max(groundspeed_mps) AS groundspeed_max_mps,
	max(climb_mps) AS climb_max_mps,
	min(climb_mps) AS climb_min_mps,
	100 * count(*) FILTER (WHERE gps_fix = 'NO_FIX') / nullif(count(gps_fix), 0) AS gps_no_fix_pct,
	100 * count(*) FILTER (WHERE gps_fix = '2D_FIX') / nullif(count(gps_fix), 0) AS gps_2d_fix_pct,
	100 * count(*) FILTER (WHERE gps_fix = '3D_FIX') / nullif(count(gps_fix), 0) AS gps_3d_fix_pct,
	100 * count(*) FILTER (WHERE gps_fix = 'RTK') / nullif(count(gps_fix), 0) AS gps_rtk_pct,
	min(gps_sats) AS gps_sats_min,
	percentile_cont(0.5) WITHIN GROUP (ORDER BY gps_sats) AS gps_sats_median,
	percentile_cont(0.5) WITHIN GROUP (ORDER BY gps_hdop) AS gps_hdop_median,
	percentile_cont(0.95) WITHIN GROUP (ORDER BY gps_hdop) AS gps_hdop_p95,
	max(gps_hdop) AS gps_hdop_max,
	count(*) FILTER (WHERE step_m > 50)::INTEGER AS position_jumps,
	coalesce(sum(step_m), 0) / 1000 AS distance_km
FROM steps
GROUP BY mission_id
ORDER BY mission_id
