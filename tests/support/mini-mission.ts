/**
 * A tiny hand-made mission with numbers known in advance (a few hundred rows), for SQL tests that
 * must compare against values computed independently from the source rows.
 */
import type { MissionTables, RssiSampleRow, VehicleTelemetryRow } from '../../src/lib/contract';

const STATES = ['IDLE', 'SEARCHING', 'DETECTING', 'HOMING'] as const;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `samples` RSSI rows at 10 Hz, telemetry at 5 Hz, 3 state changes, detections, a beacon. */
export function miniMission(id: string, seed: number, samples = 400): MissionTables {
	const r = rng(seed);
	const start = Date.UTC(2025, 0, 1, 12, 0, 0) + seed * 60_000;
	const stateAt = (s: number): string =>
		STATES[Math.min(3, Math.floor((s / (samples / 10)) * 4))] ?? 'IDLE';
	const rssi: RssiSampleRow[] = [];
	for (let i = 0; i < samples; i++) {
		const t_rel_s = i / 10;
		const detected = i > samples / 2;
		rssi.push({
			mission_id: id,
			t: start + t_rel_s * 1000,
			t_rel_s,
			seq: i,
			rssi_dbm: i % 37 === 5 ? null : -90 + 30 * r() + (detected ? 15 : 0),
			rssi_raw_dbm: null,
			noise_floor_dbm: -85 + r(),
			snr_db: 20 * r(),
			above_trigger: detected,
			detected,
			confidence_pct: null,
			frequency_hz: 406e6,
			system_state: stateAt(t_rel_s)
		});
	}
	const tel: VehicleTelemetryRow[] = [];
	for (let i = 0; i < samples / 2; i++) {
		const t_rel_s = i / 5 + 0.05;
		tel.push({
			mission_id: id,
			t: start + t_rel_s * 1000,
			t_rel_s,
			lat_deg: i % 50 === 7 ? null : 47 + i * 1e-5,
			lon_deg: 8 + i * 1e-5,
			alt_amsl_m: 500,
			alt_rel_m: 30 + (i % 5),
			north_m: i,
			east_m: i,
			groundspeed_mps: 5,
			climb_mps: 0,
			heading_deg: 90,
			roll_deg: 0,
			pitch_deg: 0,
			yaw_deg: 90,
			battery_v: 16,
			battery_a: 10,
			battery_pct: 90,
			gps_fix: '3D_FIX',
			gps_sats: 12,
			gps_hdop: 0.8,
			flight_mode: 'GUIDED',
			armed: true,
			cpu_pct: null,
			mem_pct: null,
			cpu_temp_c: null
		});
	}
	const transitions = [1, 2, 3].map((k) => ({
		mission_id: id,
		t: start + ((k * samples) / 40) * 1000,
		t_rel_s: (k * samples) / 40,
		from_state: STATES[k - 1] ?? null,
		to_state: STATES[k] ?? 'IDLE',
		reason: 'test',
		forced: false,
		operator_id: null,
		action_duration_ms: 5,
		homing_enabled: true
	}));
	const detection = rssi
		.filter((s) => s.detected && s.seq % 20 === 0)
		.map((s, k) => ({
			mission_id: id,
			t: s.t,
			t_rel_s: s.t_rel_s,
			detection_id: k,
			frequency_hz: 406e6,
			rssi_dbm: s.rssi_dbm,
			snr_db: s.snr_db,
			confidence_pct: 80,
			lat_deg: 47,
			lon_deg: 8,
			north_m: 0,
			east_m: 0,
			system_state: s.system_state
		}));
	return {
		mission: [
			{
				mission_id: id,
				name: `Mini ${id}`,
				source: 'sim',
				started_at: start,
				ended_at: start + (samples / 10) * 1000,
				software_version: 'test',
				center_frequency_hz: 406e6,
				ewma_alpha: 0.3,
				noise_percentile: 0.1,
				noise_window_samples: 100,
				snr_trigger_db: 12,
				snr_drop_db: 6,
				debounce_in_samples: 3,
				debounce_out_samples: 5,
				origin_lat_deg: 47,
				origin_lon_deg: 8,
				origin_alt_amsl_m: 470,
				search_area_geojson: null,
				search_area_km2: 1,
				beacon_power_dbm: 10,
				scenario: 'mini',
				seed,
				config_json: null,
				notes: null
			}
		],
		rssi_sample: rssi,
		vehicle_telemetry: tel,
		state_transition: transitions,
		detection,
		homing_step: [],
		search_pattern: [],
		waypoint: [],
		safety_event: [],
		beacon_truth: [
			{
				mission_id: id,
				beacon_id: 'b1',
				lat_deg: 47.001,
				lon_deg: 8.002,
				alt_amsl_m: 470,
				north_m: 111,
				east_m: 150,
				power_dbm: 10,
				frequency_hz: 406e6,
				pulse_period_s: 1,
				pulse_width_s: 0.02
			}
		]
	};
}

/** percentile_cont as SQL defines it: linear interpolation at (n - 1) * q over sorted values. */
export function percentileCont(values: number[], q: number): number | null {
	const v = [...values].sort((a, b) => a - b);
	if (v.length === 0) return null;
	const pos = (v.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	const a = v[lo] as number;
	const b = v[hi] as number;
	return a + (b - a) * (pos - lo);
}
