/**
 * Simulated missions written in the Pi's foreign formats (pisad-domain.md §2), so import tests can
 * check the numbers they recover against the simulator's own rows.
 */
import initSqlJs from 'sql.js';
import type { MissionTables, VehicleTelemetryRow } from '../../src/lib/contract';
import type { NamedBytes } from '../../src/lib/ingest';
import { RECORDER_COLUMNS } from '../../src/lib/ingest/importers/recorder';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');
const py = (b: boolean | null): string => (b === null ? '' : b ? 'True' : 'False');
const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The telemetry row as of each time (sorted rows). */
function asOf(
	tel: VehicleTelemetryRow[],
	t: number,
	from: { j: number }
): VehicleTelemetryRow | undefined {
	while (from.j + 1 < tel.length && tel[from.j + 1]!.t <= t) from.j++;
	return tel[Math.max(0, from.j)];
}

/** Recorder frames (10 Hz, one per RSSI sample with non-null RSSI). */
export function recorderFrames(
	m: MissionTables
): Record<string, string | number | boolean | null>[] {
	const from = { j: -1 };
	return m.rssi_sample
		.filter((r) => r.rssi_dbm !== null)
		.map((r) => {
			const v = asOf(m.vehicle_telemetry, r.t, from);
			return {
				timestamp: iso(r.t),
				latitude: v?.lat_deg ?? null,
				longitude: v?.lon_deg ?? null,
				altitude: v?.alt_amsl_m ?? null,
				relative_altitude: v?.alt_rel_m ?? null,
				groundspeed: v?.groundspeed_mps ?? null,
				airspeed: null,
				climb_rate: v?.climb_mps ?? null,
				roll: v?.roll_deg ?? null,
				pitch: v?.pitch_deg ?? null,
				yaw: v?.yaw_deg ?? null,
				heading: v?.heading_deg ?? null,
				battery_percent: v?.battery_pct ?? null,
				battery_voltage: v?.battery_v ?? null,
				battery_current: v?.battery_a ?? null,
				gps_satellites: v?.gps_sats ?? null,
				gps_hdop: v?.gps_hdop ?? null,
				rssi_dbm: r.rssi_dbm,
				snr_db: r.snr_db,
				beacon_detected: r.detected,
				system_state: r.system_state,
				armed: v?.armed ?? null,
				mode: v?.flight_mode ?? null,
				cpu_percent: 20,
				memory_percent: 30,
				temperature_c: 50
			};
		});
}

/** The recorder's CSV (26 columns, True/False, ISO +00:00). */
export function recorderCsv(m: MissionTables, name = 'telemetry_20250821.csv'): NamedBytes {
	const lines = recorderFrames(m).map((f) =>
		RECORDER_COLUMNS.map((c) =>
			typeof f[c] === 'boolean' ? py(f[c] as boolean) : cell(f[c])
		).join(',')
	);
	return { name, bytes: enc([RECORDER_COLUMNS.join(','), ...lines].join('\n') + '\n') };
}

/** The recorder's JSON form: a list of frame objects. */
export function recorderJson(m: MissionTables, name = 'telemetry_20250821.json'): NamedBytes {
	return { name, bytes: enc(JSON.stringify(recorderFrames(m))) };
}

/** `_analysis.csv`: 4 '#' lines, then 10 columns (no SNR or noise floor). */
export function analysisCsv(m: MissionTables, name = 'flight_analysis.csv'): NamedBytes {
	const head = [
		'timestamp',
		'latitude',
		'longitude',
		'altitude_m',
		'groundspeed_mps',
		'heading_deg',
		'rssi_dbm',
		'beacon_detected',
		'system_state',
		'battery_percent'
	];
	const lines = recorderFrames(m).map((f) =>
		[
			f.timestamp,
			f.latitude,
			f.longitude,
			f.altitude,
			f.groundspeed,
			f.heading,
			f.rssi_dbm,
			py(f.beacon_detected as boolean),
			f.system_state,
			f.battery_percent
		]
			.map(cell)
			.join(',')
	);
	const comments = [
		'# PISAD flight analysis',
		'# mission: sim',
		'# exported: 2025-08-21',
		'# units: dBm, m, m/s'
	];
	return { name, bytes: enc([...comments, head.join(','), ...lines].join('\n')) };
}

/** The field-test logger folder: telemetry.csv (epoch s), rssi.csv, events.json, performance.csv. */
export function loggerFolder(m: MissionTables, folder = 'field_test_001'): NamedBytes[] {
	const s = (ms: number): string => (ms / 1000).toFixed(3);
	const tel = [
		'timestamp,lat,lon,alt,roll,pitch,yaw,vx,vy,vz,battery_voltage,battery_percent,gps_sats,gps_hdop,mode,armed',
		...m.vehicle_telemetry.map((v) =>
			[
				s(v.t),
				v.lat_deg,
				v.lon_deg,
				v.alt_amsl_m,
				v.roll_deg,
				v.pitch_deg,
				v.yaw_deg,
				v.groundspeed_mps,
				0,
				-(v.climb_mps ?? 0),
				v.battery_v,
				v.battery_pct,
				v.gps_sats,
				v.gps_hdop,
				v.flight_mode,
				py(v.armed)
			]
				.map(cell)
				.join(',')
		)
	];
	const rssi = [
		'timestamp,rssi_dbm,snr_db,frequency_mhz,detection_state,beacon_distance_m',
		...m.rssi_sample
			.filter((r) => r.rssi_dbm !== null)
			.map((r) =>
				[s(r.t), r.rssi_dbm, r.snr_db, (r.frequency_hz ?? 0) / 1e6, py(r.detected), '']
					.map(cell)
					.join(',')
			)
	];
	const events: Record<string, unknown>[] = m.state_transition.map((t) => ({
		timestamp: t.t / 1000,
		datetime: iso(t.t),
		type: 'state_change',
		description: t.reason,
		data: { from_state: t.from_state, to_state: t.to_state }
	}));
	events.push({
		timestamp: m.rssi_sample[0]!.t / 1000,
		datetime: '',
		type: 'note',
		description: 'operator note',
		data: { from_state: null, to_state: null }
	});
	const perf = [
		'timestamp,cpu_percent,ram_mb,usb_throughput_mbps,mavlink_latency_ms,processing_latency_ms,temp_c',
		...m.vehicle_telemetry.filter((_, i) => i % 5 === 0).map((v) => `${s(v.t)},25,800,12,30,5,55`)
	];
	return [
		{ name: `${folder}/telemetry.csv`, bytes: enc(tel.join('\n')) },
		{ name: `${folder}/rssi.csv`, bytes: enc(rssi.join('\n')) },
		{ name: `${folder}/events.json`, bytes: enc(JSON.stringify(events)) },
		{ name: `${folder}/performance.csv`, bytes: enc(perf.join('\n')) }
	];
}

/** The WebSocket capture as JSONL, plus lines a real capture has: a flat config, junk, unknown. */
export function wsJsonl(ws: object[], name = 'ws_capture.jsonl'): NamedBytes {
	const extra = [
		'{"type":"config","action":"profile_activated","profile":{"name":"x"}}',
		'{"type":"sdrpp_connection","data":{"connected":true,"timestamp":"2025-08-21T01:31:00.5"}}',
		'{"type":"rssi","data":{"rssi":-7'
	];
	return { name, bytes: enc([...ws.map((m) => JSON.stringify(m)), ...extra].join('\n')) };
}

/**
 * The Pi's own SQLite pisad.db (state history only, no RSSI): three sessions of 5, 10 and 15
 * state changes (30 in all, 6 of them FORCED), split by the importer at the gaps between them.
 */
export async function piStateDb(): Promise<Uint8Array> {
	const SQL = await initSqlJs();
	const s = new SQL.Database();
	s.exec(`CREATE TABLE state_history (id INTEGER PRIMARY KEY AUTOINCREMENT, from_state TEXT NOT NULL, to_state TEXT NOT NULL, timestamp DATETIME NOT NULL, reason TEXT, operator_id TEXT, action_duration_ms INTEGER, created_at DATETIME DEFAULT CURRENT_TIMESTAMP);
		CREATE TABLE current_state (id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT NOT NULL, previous_state TEXT NOT NULL, homing_enabled BOOLEAN DEFAULT 0, last_detection_time REAL DEFAULT 0, detection_count INTEGER DEFAULT 0, updated_at DATETIME);
		CREATE TABLE config_profiles (id TEXT PRIMARY KEY, name TEXT UNIQUE NOT NULL, description TEXT, sdr_config TEXT, signal_config TEXT, homing_config TEXT, is_default BOOLEAN DEFAULT 0, created_at TIMESTAMP, updated_at TIMESTAMP);
		INSERT INTO current_state VALUES (1, 'IDLE', 'EMERGENCY', 0, 0, 3, '2025-08-20 10:00:00');`);
	const starts = [Date.UTC(2025, 7, 18, 9), Date.UTC(2025, 7, 18, 14), Date.UTC(2025, 7, 19, 9)];
	const cycle = [
		['IDLE', 'SEARCHING', 'Search started'],
		['SEARCHING', 'DETECTING', 'Signal detected at -65.0dBm with 70.0% confidence'],
		['DETECTING', 'SEARCHING', 'Signal lost'],
		['SEARCHING', 'EMERGENCY', 'FORCED: test'],
		['EMERGENCY', 'IDLE', 'Emergency Stop: cleared']
	];
	starts.forEach((t0, k) => {
		for (let i = 0; i < 5 * (k + 1); i++) {
			const [f, t, r] = cycle[i % 5]!;
			const ts = new Date(t0 + i * 60_000).toISOString().replace('Z', '+00:00');
			s.exec(
				`INSERT INTO state_history (from_state, to_state, timestamp, reason, created_at) VALUES ('${f}', '${t}', '${ts}', '${r}', '${ts.slice(0, 19).replace('T', ' ')}')`
			);
		}
	});
	const bytes = s.export();
	s.close();
	return bytes;
}
