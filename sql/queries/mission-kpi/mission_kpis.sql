-- mission_kpis: one row per mission with the PISAD requirement KPIs (pisad-domain.md §6).
-- Definitions (s = seconds from mission start; distances in local metres, §4, cos(origin lat)):
--   search start = first entry into SEARCHING. time_to_detection_s = first detection at or after
--   search start − search start. detecting_to_homing_latency_s = the first DETECTING→HOMING:
--   its time − the entry into DETECTING just before it; ..._max_s = the largest such latency over
--   the DETECTING visits entered with homing enabled (a DETECTING entered while homing was
--   disabled waits for the operator, which FR3 does not time); fr3_pass = max < 2 s.
--   time_to_locate_s = first HOLDING entry − search start.
--   Beacon reference: beacon_truth (nearest row); else, for simulated missions (complete truth),
--   no beacon exists; else the estimate $4/$5 when given ('estimate'); else unknown ('unknown').
--   A detection is TRUE by the Pi's rule (PISAD performance_analytics.analyze_false_positives):
--   the detection's recorded position (the vehicle's, else its telemetry as of then) lies
--   strictly within $2 m of the beacon reference. false_positives = detections not true (all
--   of them when no beacon exists, NULL when unknown); false_negatives = 1 when a beacon exists
--   and no detection is true (Pi: beacons with no detection within 100 m), else 0.
--   detection_range_m = distance from the vehicle to the beacon reference at the first detection
--   after search start that led to the beacon: its pursuit (from the detection until the state
--   machine next drops from DETECTING/HOMING/HOLDING to SEARCHING or IDLE) brought the vehicle
--   within $2 m of it. This keeps an interference detection far from the beacon out of the
--   range (and out of FR1); first_contact_range_m is the range at the first detection whatever
--   caused it. fr1_pass = detection_range_m ≥ 500 m with SNR > 12 dB at that detection.
--   approach_accuracy_m = FINAL distance: the last telemetry row inside a HOLDING interval to
--   the beacon reference (the Pi reports final distance; closest is approach_closest_m).
--   homing_efficiency_pct = straight line / flown path × 100 between the last entry into HOMING
--   before the first HOLDING entry and that HOLDING entry (telemetry rows in that window).
--   rssi_improvement_db = mean rssi_dbm over [HOLDING entry, +5 s) − over [homing start, +5 s).
--   search_time_min = time to locate, else search start → mission end, in minutes;
--   goal_70_pass = located and search_time_min ≤ 30 % of $3; story34_pass = approach ≤ 50 m;
--   nfr7_pass = false_positive_rate_pct < 5 (true when there are no detections).
-- Params: $1 mission_id VARCHAR (NULL = all), $2 true_detection_radius_m DOUBLE (NULL → 100),
--   $3 baseline_search_min DOUBLE (NULL → 120), $4 est_lat_deg DOUBLE, $5 est_lon_deg DOUBLE
--   (beacon estimate used only for missions without beacon_truth that are not simulated).
-- Returns: mission_id, beacon_reference VARCHAR (truth|none|estimate|unknown), duration_s,
--   rssi_samples, detections, noise_floor_p10_dbm, max_rssi_dbm, search_start_s,
--   first_detection_s, time_to_detection_s, detecting_to_homing_latency_s,
--   detecting_to_homing_latency_max_s, fr3_pass, time_to_locate_s, detection_range_m,
--   detection_range_snr_db, first_contact_range_m, fr1_pass, approach_accuracy_m,
--   approach_closest_m, homing_efficiency_pct, homing_path_m, rssi_improvement_db,
--   true_positives, false_positives, false_negatives, false_positive_rate_pct, nfr7_pass,
--   search_time_min, search_time_ratio, goal_70_pass, story34_pass
WITH params AS (
	SELECT coalesce($2::DOUBLE, 100) AS radius_m, coalesce($3::DOUBLE, 120) AS baseline_min,
		$4::DOUBLE AS est_lat, $5::DOUBLE AS est_lon
),
span AS (
	-- Last sample time (for missions without ended_at) and mean latitude (for missions without
	-- an origin), by GROUP BY: far cheaper in the wasm engine than correlated subqueries. Only
	-- such missions' rows are read (a semi join on none of them reads next to nothing).
	SELECT mission_id, max(t_rel_s) AS last_s, avg(lat_deg) AS lat_deg FROM (
		SELECT mission_id, t_rel_s, NULL::DOUBLE AS lat_deg FROM rssi_sample
		UNION ALL
		SELECT mission_id, t_rel_s, lat_deg FROM vehicle_telemetry
	) WHERE mission_id IN (SELECT mission_id FROM mission
		WHERE ($1::VARCHAR IS NULL OR mission_id = $1::VARCHAR)
			AND (ended_at IS NULL OR started_at IS NULL OR origin_lat_deg IS NULL))
	GROUP BY mission_id
),
m AS (
	SELECT mi.mission_id, coalesce(mi.source, '') = 'sim' AS truth_complete,
		coalesce(mi.origin_lat_deg, sp.lat_deg) AS origin_lat_deg, mi.origin_lon_deg,
		6371000 * pi() / 180 AS k_lat,
		6371000 * pi() / 180 * cos(radians(coalesce(mi.origin_lat_deg, sp.lat_deg))) AS k_lon,
		coalesce((epoch_us(mi.ended_at) - epoch_us(mi.started_at)) / 1e6, sp.last_s) AS duration_s
	FROM mission mi LEFT JOIN span sp USING (mission_id)
	WHERE ($1::VARCHAR IS NULL OR mi.mission_id = $1::VARCHAR)
),
ref AS (
	SELECT b.mission_id, b.lat_deg, b.lon_deg FROM beacon_truth b JOIN m USING (mission_id)
	UNION ALL
	SELECT m.mission_id, p.est_lat, p.est_lon FROM m, params p
	WHERE NOT m.truth_complete AND p.est_lat IS NOT NULL AND p.est_lon IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM beacon_truth b WHERE b.mission_id = m.mission_id)
),
ref_kind AS (
	SELECT m.mission_id,
		CASE WHEN EXISTS (SELECT 1 FROM beacon_truth b WHERE b.mission_id = m.mission_id) THEN 'truth'
			WHEN m.truth_complete THEN 'none'
			WHEN EXISTS (SELECT 1 FROM ref WHERE ref.mission_id = m.mission_id) THEN 'estimate'
			ELSE 'unknown' END AS beacon_reference
	FROM m
),
tr AS (
	SELECT s.mission_id, s.t_rel_s, s.from_state, s.to_state,
		lag(s.t_rel_s) OVER w AS prev_s, lag(s.homing_enabled) OVER w AS prev_homing_enabled,
		coalesce(lead(s.t_rel_s) OVER w, m.duration_s) AS next_s
	FROM state_transition s JOIN m USING (mission_id)
	WINDOW w AS (PARTITION BY s.mission_id ORDER BY s.t_rel_s, s.t)
),
st AS (
	SELECT mission_id,
		min(t_rel_s) FILTER (WHERE to_state = 'SEARCHING') AS search_start_s,
		min(t_rel_s) FILTER (WHERE to_state = 'HOLDING') AS hold_s,
		arg_min(t_rel_s - prev_s, t_rel_s)
			FILTER (WHERE from_state = 'DETECTING' AND to_state = 'HOMING') AS dh_first_s,
		max(t_rel_s - prev_s) FILTER (WHERE from_state = 'DETECTING' AND to_state = 'HOMING'
			AND prev_homing_enabled IS DISTINCT FROM false) AS dh_max_s
	FROM tr GROUP BY mission_id
),
st2 AS (
	SELECT st.*, (SELECT max(tr.t_rel_s) FROM tr WHERE tr.mission_id = st.mission_id
		AND tr.to_state = 'HOMING' AND tr.t_rel_s <= st.hold_s) AS home_s
	FROM st
),
tel AS (
	SELECT v.mission_id, v.t_rel_s,
		coalesce(v.north_m, (v.lat_deg - m.origin_lat_deg) * m.k_lat) AS n_m,
		coalesce(v.east_m, (v.lon_deg - m.origin_lon_deg) * m.k_lon) AS e_m,
		v.lat_deg, v.lon_deg
	FROM vehicle_telemetry v JOIN m USING (mission_id)
),
ends AS (
	SELECT mission_id, t_rel_s FROM tr
	WHERE to_state IN ('SEARCHING', 'IDLE') AND from_state IN ('DETECTING', 'HOMING', 'HOLDING')
),
det_missing AS (
	SELECT DISTINCT d.mission_id, d.t_rel_s FROM detection d JOIN m USING (mission_id)
	WHERE d.lat_deg IS NULL OR d.lon_deg IS NULL
),
det_missing_pos AS (
	-- The telemetry as of a detection without a position (the latest row at or before it). A plain
	-- join from the (usually empty) set of such detections: an ASOF join over every detection
	-- cost 3.7 s natively at 100 h, and a LATERAL lookup was planned over all of them.
	SELECT dm.mission_id, dm.t_rel_s,
		arg_max({'lat_deg': v.lat_deg, 'lon_deg': v.lon_deg}, v.t_rel_s) AS pos
	FROM det_missing dm JOIN tel v ON v.mission_id = dm.mission_id AND v.t_rel_s <= dm.t_rel_s
	GROUP BY dm.mission_id, dm.t_rel_s
),
det_at AS (
	SELECT d.mission_id, d.t_rel_s, d.snr_db,
		coalesce(d.lat_deg, p.pos.lat_deg) AS lat_deg, coalesce(d.lon_deg, p.pos.lon_deg) AS lon_deg
	FROM detection d JOIN m USING (mission_id)
	LEFT JOIN det_missing_pos p ON p.mission_id = d.mission_id AND p.t_rel_s = d.t_rel_s
),
det0 AS (
	SELECT d.mission_id, d.t_rel_s, d.snr_db, d.lat_deg, d.lon_deg,
		coalesce((SELECT min(e.t_rel_s) FROM ends e
			WHERE e.mission_id = d.mission_id AND e.t_rel_s > d.t_rel_s), m.duration_s) AS pursuit_end_s
	FROM det_at d JOIN m USING (mission_id)
),
-- A detection's pursuit reached the beacon when some telemetry row from the detection to the
-- pursuit's end lies within the radius of it. Such rows are few (near the beacon only): each
-- detection takes the first of them at or after it (an ASOF join over the few) and reached it
-- when that row is no later than its pursuit's end. Only telemetry from a mission's first
-- detection to its last pursuit end is measured. (A walk over every telemetry row in pursuit,
-- by a running last value, cost ~0.5 of 1.65 s natively at 100 h on one thread.)
pursuit_span AS (
	SELECT mission_id, min(t_rel_s) AS lo_s, max(pursuit_end_s) AS hi_s FROM det0 GROUP BY mission_id
),
near AS (
	SELECT DISTINCT v.mission_id, v.t_rel_s
	FROM tel v JOIN pursuit_span b USING (mission_id)
	JOIN ref ON ref.mission_id = v.mission_id
	JOIN m ON m.mission_id = v.mission_id, params p
	WHERE v.t_rel_s >= b.lo_s AND v.t_rel_s <= b.hi_s
		AND sqrt(((v.lat_deg - ref.lat_deg) * m.k_lat) ^ 2
			+ ((v.lon_deg - ref.lon_deg) * m.k_lon) ^ 2) < p.radius_m
),
pursuit AS (
	SELECT d.mission_id, d.t_rel_s, d.pursuit_end_s, n.t_rel_s <= d.pursuit_end_s AS reached
	FROM (SELECT DISTINCT mission_id, t_rel_s, pursuit_end_s FROM det0
		WHERE pursuit_end_s IS NOT NULL) d
	ASOF LEFT JOIN near n ON n.mission_id = d.mission_id AND n.t_rel_s >= d.t_rel_s
),
det AS (
	SELECT d.mission_id, d.t_rel_s, d.snr_db,
		(SELECT min(sqrt(((d.lat_deg - ref.lat_deg) * m.k_lat) ^ 2
			+ ((d.lon_deg - ref.lon_deg) * m.k_lon) ^ 2))
			FROM ref WHERE ref.mission_id = d.mission_id) AS dist_m,
		coalesce(pu.reached, false) AS reached
	FROM det0 d JOIN m USING (mission_id)
	LEFT JOIN pursuit pu ON pu.mission_id = d.mission_id AND pu.t_rel_s = d.t_rel_s
		AND pu.pursuit_end_s IS NOT DISTINCT FROM d.pursuit_end_s
),
dk AS (
	SELECT det.mission_id, count(*) AS detections, min(det.t_rel_s) AS first_any_s,
		count(*) FILTER (WHERE det.dist_m < p.radius_m) AS true_positives,
		min(det.t_rel_s) FILTER (WHERE det.t_rel_s >= st.search_start_s) AS first_s,
		arg_min(det.dist_m, det.t_rel_s) FILTER (WHERE det.t_rel_s >= st.search_start_s)
			AS first_contact_m,
		arg_min(det.dist_m, det.t_rel_s) FILTER (WHERE det.t_rel_s >= st.search_start_s
			AND det.reached) AS range_m,
		arg_min(det.snr_db, det.t_rel_s) FILTER (WHERE det.t_rel_s >= st.search_start_s
			AND det.reached) AS snr_db
	FROM det JOIN st USING (mission_id), params p
	GROUP BY det.mission_id
),
hold_tel AS (
	SELECT tel.mission_id, tel.t_rel_s,
		(SELECT min(sqrt(((tel.lat_deg - ref.lat_deg) * m.k_lat) ^ 2
			+ ((tel.lon_deg - ref.lon_deg) * m.k_lon) ^ 2))
			FROM ref WHERE ref.mission_id = tel.mission_id) AS dist_m
	FROM tel JOIN m USING (mission_id)
	JOIN tr ON tr.mission_id = tel.mission_id AND tr.to_state = 'HOLDING'
		AND tel.t_rel_s >= tr.t_rel_s AND tel.t_rel_s < tr.next_s
),
approach AS (
	SELECT mission_id, arg_max(dist_m, t_rel_s) AS final_m, min(dist_m) AS closest_m
	FROM hold_tel GROUP BY mission_id
),
homing_leg AS (
	SELECT tel.mission_id, tel.t_rel_s, tel.n_m, tel.e_m,
		sqrt((tel.n_m - lag(tel.n_m) OVER w) ^ 2 + (tel.e_m - lag(tel.e_m) OVER w) ^ 2) AS seg_m
	FROM tel JOIN st2 USING (mission_id)
	WHERE tel.t_rel_s >= st2.home_s AND tel.t_rel_s <= st2.hold_s
	WINDOW w AS (PARTITION BY tel.mission_id ORDER BY tel.t_rel_s)
),
homing AS (
	SELECT mission_id, coalesce(sum(seg_m), 0) AS path_m,
		sqrt((arg_max(n_m, t_rel_s) - arg_min(n_m, t_rel_s)) ^ 2
			+ (arg_max(e_m, t_rel_s) - arg_min(e_m, t_rel_s)) ^ 2) AS straight_m
	FROM homing_leg GROUP BY mission_id
),
rs AS (
	-- One pass over RSSI: counts, the p10 floor, the peak, and the mean over the first 5 s of
	-- HOLDING and of the homing leg (rssi_improvement_db).
	SELECT r.mission_id, count(*) AS rssi_samples,
		percentile_cont(0.1) WITHIN GROUP (ORDER BY r.rssi_dbm) AS noise_floor_p10_dbm,
		max(r.rssi_dbm) AS max_rssi_dbm,
		avg(r.rssi_dbm) FILTER (WHERE r.t_rel_s >= st2.hold_s AND r.t_rel_s < st2.hold_s + 5)
		- avg(r.rssi_dbm) FILTER (WHERE r.t_rel_s >= st2.home_s AND r.t_rel_s < st2.home_s + 5)
			AS rssi_improvement_db
	FROM rssi_sample r LEFT JOIN st2 USING (mission_id)
	WHERE ($1::VARCHAR IS NULL OR r.mission_id = $1::VARCHAR)
	GROUP BY r.mission_id
),
k AS (
	SELECT m.mission_id, rk.beacon_reference, m.duration_s,
		coalesce(rs.rssi_samples, 0) AS rssi_samples, coalesce(dk.detections, 0) AS detections,
		rs.noise_floor_p10_dbm, rs.max_rssi_dbm, st.search_start_s,
		dk.first_s AS first_detection_s, dk.first_s - st.search_start_s AS time_to_detection_s,
		st.dh_first_s AS detecting_to_homing_latency_s,
		st.dh_max_s AS detecting_to_homing_latency_max_s,
		st.hold_s - st.search_start_s AS time_to_locate_s,
		dk.range_m AS detection_range_m, dk.snr_db AS detection_range_snr_db,
		dk.first_contact_m AS first_contact_range_m,
		approach.final_m AS approach_accuracy_m, approach.closest_m AS approach_closest_m,
		100 * homing.straight_m / nullif(homing.path_m, 0) AS homing_efficiency_pct,
		homing.path_m AS homing_path_m, rs.rssi_improvement_db,
		CASE rk.beacon_reference WHEN 'unknown' THEN NULL WHEN 'none' THEN 0
			ELSE coalesce(dk.true_positives, 0) END AS true_positives,
		CASE rk.beacon_reference WHEN 'unknown' THEN NULL WHEN 'none' THEN coalesce(dk.detections, 0)
			ELSE coalesce(dk.detections, 0) - coalesce(dk.true_positives, 0) END AS false_positives,
		CASE rk.beacon_reference WHEN 'unknown' THEN NULL WHEN 'none' THEN 0
			ELSE (coalesce(dk.true_positives, 0) = 0)::INTEGER END AS false_negatives,
		coalesce(st.hold_s, m.duration_s) - st.search_start_s AS search_time_s,
		p.baseline_min
	FROM m CROSS JOIN params p
	JOIN ref_kind rk USING (mission_id)
	LEFT JOIN rs USING (mission_id)
	LEFT JOIN st2 st USING (mission_id)
	LEFT JOIN dk USING (mission_id)
	LEFT JOIN approach USING (mission_id)
	LEFT JOIN homing USING (mission_id)
)
SELECT mission_id, beacon_reference, duration_s, rssi_samples::INTEGER AS rssi_samples,
	detections::INTEGER AS detections, noise_floor_p10_dbm, max_rssi_dbm, search_start_s,
	first_detection_s, time_to_detection_s, detecting_to_homing_latency_s,
	detecting_to_homing_latency_max_s, detecting_to_homing_latency_max_s < 2 AS fr3_pass,
	time_to_locate_s, detection_range_m, detection_range_snr_db, first_contact_range_m,
	detection_range_m >= 500 AND detection_range_snr_db > 12 AS fr1_pass,
	approach_accuracy_m, approach_closest_m, homing_efficiency_pct, homing_path_m,
	rssi_improvement_db, true_positives::INTEGER AS true_positives,
	false_positives::INTEGER AS false_positives, false_negatives::INTEGER AS false_negatives,
	100 * false_positives / nullif(detections, 0) AS false_positive_rate_pct,
	CASE WHEN false_positives IS NULL THEN NULL WHEN detections = 0 THEN true
		ELSE 100 * false_positives / detections < 5 END AS nfr7_pass,
	search_time_s / 60 AS search_time_min,
	search_time_s / 60 / baseline_min AS search_time_ratio,
	time_to_locate_s IS NOT NULL AND search_time_s / 60 <= 0.3 * baseline_min AS goal_70_pass,
	approach_accuracy_m <= 50 AS story34_pass
FROM k
ORDER BY mission_id
