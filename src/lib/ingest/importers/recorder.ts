/**
 * The Pi's telemetry recorder (10 Hz frames: 26 columns, `True`/`False`, ISO `+00:00` times) as
 * CSV or as a JSON list of frame objects, and the `_analysis.csv` export (4 `#` comment lines,
 * then 10 columns). Each file is one mission: rssi_sample and vehicle_telemetry from the frames,
 * state transitions from changes of system_state.
 */
import { bool, csvObjects, num, parseCsv, str } from './csv';
import { info, warn } from './quality';
import { baseName, missionIdFor } from './naming';
import { TimeParser } from './time';
import type { DraftMission, DraftNote, TimedRow } from './types';

/** The recorder's CSV header (pisad-domain.md §2). */
export const RECORDER_COLUMNS = [
	'timestamp',
	'latitude',
	'longitude',
	'altitude',
	'relative_altitude',
	'groundspeed',
	'airspeed',
	'climb_rate',
	'roll',
	'pitch',
	'yaw',
	'heading',
	'battery_percent',
	'battery_voltage',
	'battery_current',
	'gps_satellites',
	'gps_hdop',
	'rssi_dbm',
	'snr_db',
	'beacon_detected',
	'system_state',
	'armed',
	'mode',
	'cpu_percent',
	'memory_percent',
	'temperature_c'
] as const;

/** The `_analysis.csv` header. */
export const ANALYSIS_COLUMNS = [
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
] as const;

type Frame = Record<string, unknown>;

/** Recorder CSV or JSON frames → one draft mission. */
export function importRecorder(file: string, frames: Frame[], format: string): DraftMission {
	const notes: DraftNote[] = [];
	const tp = new TimeParser();
	const rssi: TimedRow[] = [];
	const tel: TimedRow[] = [];
	for (const f of frames) {
		const t = tp.parse(f.timestamp) ?? NaN;
		rssi.push({
			t,
			rssi_dbm: num(f.rssi_dbm),
			snr_db: num(f.snr_db),
			detected: bool(f.beacon_detected),
			system_state: str(f.system_state)
		});
		tel.push({
			t,
			lat_deg: num(f.latitude ?? null),
			lon_deg: num(f.longitude ?? null),
			alt_amsl_m: num(f.altitude ?? f.altitude_m),
			alt_rel_m: num(f.relative_altitude),
			groundspeed_mps: num(f.groundspeed ?? f.groundspeed_mps),
			climb_mps: num(f.climb_rate),
			roll_deg: num(f.roll),
			pitch_deg: num(f.pitch),
			yaw_deg: num(f.yaw),
			heading_deg: num(f.heading ?? f.heading_deg),
			battery_pct: num(f.battery_percent),
			battery_v: num(f.battery_voltage),
			battery_a: num(f.battery_current),
			gps_sats: num(f.gps_satellites),
			gps_hdop: num(f.gps_hdop),
			armed: bool(f.armed),
			flight_mode: str(f.mode),
			cpu_pct: num(f.cpu_percent),
			mem_pct: num(f.memory_percent),
			cpu_temp_c: num(f.temperature_c)
		});
	}
	timeNotes(tp, file, notes);
	const transitions = transitionsFromStates(rssi);
	if (transitions.length)
		info(notes, file, 'state transitions derived from changes of system_state', transitions.length);
	const t0 = Math.min(...rssi.map((r) => r.t).filter(Number.isFinite));
	return {
		mission_id: missionIdFor(format, t0, file),
		name: baseName(file),
		source: `import:${format}`,
		tables: { rssi_sample: rssi, vehicle_telemetry: tel, state_transition: transitions },
		notes
	};
}

/** Recorder CSV text → draft. */
export function importRecorderCsv(file: string, text: string): DraftMission {
	return importRecorder(file, csvObjects(parseCsv(text)), 'recorder-csv');
}

/** `_analysis.csv` text → draft; its comment lines go to mission.notes. */
export function importAnalysisCsv(file: string, text: string): DraftMission {
	const csv = parseCsv(text);
	const d = importRecorder(file, csvObjects(csv), 'analysis-csv');
	const comments = csv.comments.map((c) => c.replace(/^#\s*/, '')).join('\n');
	if (comments) d.mission = { notes: comments };
	return d;
}

/** Say which timestamps were naive (read as UTC) when a file mixes them with zoned ones. */
export function timeNotes(tp: TimeParser, file: string, notes: DraftNote[]): void {
	if (tp.mixed)
		warn(
			notes,
			file,
			tp.naive,
			'timestamps without a time zone mixed with zoned ones; read as UTC'
		);
	else if (tp.naive) info(notes, file, 'timestamps without a time zone read as UTC', tp.naive);
}

/** A transition at each change of a row's system_state (the first state is the start). */
export function transitionsFromStates(rows: TimedRow[]): TimedRow[] {
	const out: TimedRow[] = [];
	let prev: string | null = null;
	for (const r of rows) {
		const s = typeof r.system_state === 'string' ? r.system_state : null;
		if (s === null || s === prev || !Number.isFinite(r.t)) continue;
		out.push({ t: r.t, from_state: prev, to_state: s, reason: null, forced: false });
		prev = s;
	}
	return out;
}
