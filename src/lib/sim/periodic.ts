import type { LocalPoint } from '../geo';
import { angleDiffDeg, toLatLon } from '../geo';
import { patternStatus, type Flight } from './flight';

/** The Pi's yaw-rate P gain and limit (YAW_RATE_P_GAIN), for the logged homing command. */
const YAW_P = 0.5;
const YAW_MAX = 0.5;

/**
 * Rows and messages that repeat on a clock: homing_step 10 Hz and homing_status 5 Hz while
 * HOMING, vehicle_telemetry 5 Hz, telemetry 2 Hz, state 1 Hz, safety_status 0.5 Hz, and the
 * battery warnings.
 */
export function periodicMessages(f: Flight, k: number, tS: number, gps: LocalPoint): void {
	const { rec, sm, v, tel } = f;
	if (sm.current === 'HOMING' && f.lastHoming && f.homing) {
		const h = f.lastHoming;
		const err = (angleDiffDeg(h.target_heading_deg, v.heading_deg) * Math.PI) / 180;
		const yaw = Math.max(-YAW_MAX, Math.min(YAW_MAX, YAW_P * err));
		rec.tables.homing_step.push({
			mission_id: rec.missionId,
			t: rec.t,
			t_rel_s: rec.tRel,
			substage: h.substage,
			gradient_mag_db_per_m: h.fit?.mag_db_per_m ?? null,
			gradient_dir_deg: h.fit?.bearing_deg ?? null,
			gradient_conf_pct: h.fit ? h.fit.r2 * 100 : 0,
			target_heading_deg: h.target_heading_deg,
			cmd_forward_mps: h.cmd_forward_mps,
			cmd_yaw_rate_rps: yaw
		});
		if (k % 2 === 0) {
			const last = rec.tables.rssi_sample[rec.tables.rssi_sample.length - 1];
			rec.send('homing_status', {
				enabled: sm.homingEnabled,
				substage: h.substage,
				gradient_confidence: h.fit ? h.fit.r2 * 100 : 0,
				target_heading: h.target_heading_deg,
				velocity_command: { forward: h.cmd_forward_mps, yaw },
				rssi_history_size: f.homing.historySize,
				last_rssi: last?.rssi_dbm ?? null,
				gradient_direction: h.fit?.bearing_deg ?? null,
				algorithm_mode: 'GRADIENT'
			});
		}
	}
	if (k % 2 === 0) {
		rec.tables.vehicle_telemetry.push(tel.row(rec.missionId, rec.t, rec.tRel, v, f.mode, f.armed));
		batteryWarnings(f);
	}
	if (k % 5 === 0) {
		const g = toLatLon(gps);
		const interlocks = {
			mode_check: f.mode === 'GUIDED',
			armed_check: f.armed,
			battery_check: tel.soc > 0.2,
			geofence_check: true,
			signal_check: sm.current !== 'HOMING' || f.lossS < 10,
			operator_check: sm.homingEnabled
		};
		rec.send('telemetry', {
			position: { lat: g.lat_deg, lon: g.lon_deg, alt: 584 + v.alt_m },
			battery: Math.round(tel.soc * 1000) / 10,
			flightMode: f.mode,
			velocity: { forward: v.speed_mps, yaw: (v.yawRate_dps * Math.PI) / 180 },
			gpsStatus: '3D_FIX',
			armed: f.armed,
			safetyInterlocks: interlocks
		});
	}
	if (k % 10 === 0) stateMessage(f, tS);
	if (k % 20 === 0) {
		rec.safetyStatus({
			mode_check: [f.mode === 'GUIDED', f.mode === 'GUIDED' ? null : `Mode is ${f.mode}`],
			battery_check: [tel.soc > 0.2, tel.soc > 0.2 ? null : 'Battery below 20%'],
			geofence_check: [true, null],
			signal_check: [true, null]
		});
	}
}

function stateMessage(f: Flight, tS: number): void {
	const { sm, rec } = f;
	const st = patternStatus(f);
	rec.send('state', {
		current_state: sm.current,
		previous_state: sm.previous,
		allowed_transitions: [...sm.allowed()],
		state_duration_ms: sm.durationMs(tS),
		history: sm.history.slice(-10).map((h) => ({
			from_state: h.from_state,
			to_state: h.to_state,
			timestamp: new Date(rec.at(h.t_s)).toISOString().replace('Z', '000+00:00'),
			reason: h.reason
		})),
		search_status: {
			...st,
			progress_percent: Math.round((1000 * st.completed_waypoints) / st.total_waypoints) / 10
		},
		homing_enabled: sm.homingEnabled,
		detection_count: sm.detectionCount,
		time_since_detection: sm.lastDetectionS === null ? null : tS - sm.lastDetectionS
	});
}

function batteryWarnings(f: Flight): void {
	const pct = f.tel.soc * 100;
	const levels: [number, string][] = [
		[30, 'battery_low'],
		[20, 'battery_critical']
	];
	for (let i = f.batteryLevel; i < levels.length; i++) {
		const [limit, type] = levels[i] as [number, string];
		if (pct >= limit) break;
		f.batteryLevel = i + 1;
		f.rec.safety(type, `battery_pct<${limit}`, { battery_pct: Math.round(pct * 10) / 10 }, false);
	}
}
