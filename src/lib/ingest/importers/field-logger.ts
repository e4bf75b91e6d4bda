/**
 * The field-test logger's folder: `telemetry.csv` (4 Hz, epoch s, NED velocities), `rssi.csv`
 * (10 Hz), `events.json` (`[{timestamp, datetime, type, description, data}]`) and an optional
 * 1 Hz `performance.csv`, joined by time into one mission.
 */
import { IngestError } from '../notes';
import { bool, csvObjects, num, parseCsv, str } from './csv';
import { info } from './quality';
import { missionIdFor } from './naming';
import { timeNotes, transitionsFromStates } from './recorder';
import { TimeParser } from './time';
import type { DraftMission, DraftNote, TimedRow } from './types';

/** File names of the logger folder (base names). */
export const LOGGER_FILES = ['telemetry.csv', 'rssi.csv', 'events.json', 'performance.csv'];

type Obj = Record<string, unknown>;

/** The folder's files by base name → one draft mission named after the folder. */
export function importFieldLogger(folder: string, files: Map<string, string>): DraftMission {
	const notes: DraftNote[] = [];
	const tp = new TimeParser();
	const at = (f: string): string => (folder ? `${folder}/${f}` : f);
	const tel = csvObjects(parseCsv(files.get('telemetry.csv') ?? '')).map((r): TimedRow => {
		const vx = num(r.vx);
		const vy = num(r.vy);
		const vz = num(r.vz);
		return {
			t: tp.parse(r.timestamp) ?? NaN,
			lat_deg: num(r.lat),
			lon_deg: num(r.lon),
			alt_amsl_m: num(r.alt),
			roll_deg: num(r.roll),
			pitch_deg: num(r.pitch),
			yaw_deg: num(r.yaw),
			// MAVLink velocities are NED: ground speed is the horizontal norm, climb is −vz.
			groundspeed_mps: vx !== null && vy !== null ? Math.hypot(vx, vy) : null,
			climb_mps: vz !== null ? -vz : null,
			battery_v: num(r.battery_voltage),
			battery_pct: num(r.battery_percent),
			gps_sats: num(r.gps_sats),
			gps_hdop: num(r.gps_hdop),
			flight_mode: str(r.mode),
			armed: bool(r.armed)
		};
	});
	const rssi = csvObjects(parseCsv(files.get('rssi.csv') ?? '')).map((r): TimedRow => {
		const mhz = num(r.frequency_mhz);
		const state = str(r.detection_state);
		return {
			t: tp.parse(r.timestamp) ?? NaN,
			rssi_dbm: num(r.rssi_dbm),
			snr_db: num(r.snr_db),
			frequency_hz: mhz === null ? null : mhz * 1e6,
			// detection_state is either a boolean or the Pi's state name; only the former is `detected`.
			detected: bool(state),
			system_state: state && bool(state) === null ? state : null
		};
	});
	joinPerformance(files.get('performance.csv'), tel, tp);
	const events = parseEvents(files.get('events.json'), at('events.json'));
	const trans: TimedRow[] = [];
	const safety: TimedRow[] = [];
	let other = 0;
	for (const e of events) {
		const d = (e.data && typeof e.data === 'object' ? e.data : {}) as Obj;
		const t = tp.parse(e.timestamp ?? e.datetime) ?? NaN;
		const type = String(e.type ?? '');
		if (str(d.to_state) !== null || (/state/i.test(type) && str(d.state) !== null)) {
			const reason = str(e.description ?? d.reason);
			trans.push({
				t,
				from_state: str(d.from_state),
				to_state: str(d.to_state ?? d.state),
				reason,
				forced: reason?.startsWith('FORCED') ?? false
			});
		} else if (/safety|emergency|failsafe|abort|battery|geofence/i.test(type)) {
			safety.push({
				t,
				event_id: str(e.id),
				event_type: type,
				trigger: str(e.description),
				details: JSON.stringify(d),
				resolved: null
			});
		} else other++;
	}
	const fromStates = trans.length ? [] : transitionsFromStates(rssi);
	if (fromStates.length)
		info(
			notes,
			at('rssi.csv'),
			'state transitions derived from detection_state',
			fromStates.length
		);
	if (other)
		info(
			notes,
			at('events.json'),
			'events that are neither state changes nor safety events not imported',
			other
		);
	timeNotes(tp, folder || 'field logger', notes);
	const t0 = Math.min(...[...tel, ...rssi].map((r) => r.t).filter(Number.isFinite));
	return {
		mission_id: missionIdFor('field-logger', t0, folder),
		name: folder || 'field test',
		source: 'import:field-logger',
		tables: {
			rssi_sample: rssi,
			vehicle_telemetry: tel,
			state_transition: trans.length ? trans : fromStates,
			safety_event: safety
		},
		notes
	};
}

function parseEvents(text: string | undefined, file: string): Obj[] {
	if (text === undefined || text.trim() === '') return [];
	try {
		const v: unknown = JSON.parse(text);
		return Array.isArray(v) ? v.filter((e): e is Obj => !!e && typeof e === 'object') : [];
	} catch {
		throw new IngestError(
			file,
			`${file} is not valid JSON`,
			'The logger writes a JSON list of events; check the copy finished, or remove the file to load the rest.'
		);
	}
}

/** cpu_pct and cpu_temp_c as of each telemetry row from the 1 Hz performance log. */
function joinPerformance(text: string | undefined, tel: TimedRow[], tp: TimeParser): void {
	if (!text) return;
	const perf = csvObjects(parseCsv(text))
		.map((r) => ({ t: tp.parse(r.timestamp) ?? NaN, cpu: num(r.cpu_percent), temp: num(r.temp_c) }))
		.filter((p) => Number.isFinite(p.t))
		.sort((a, b) => a.t - b.t);
	let j = -1;
	for (const r of [...tel].sort((a, b) => a.t - b.t)) {
		while (j + 1 < perf.length && perf[j + 1]!.t <= r.t) j++;
		const p = perf[j];
		if (p) {
			r.cpu_pct = p.cpu;
			r.cpu_temp_c = p.temp;
		}
	}
}
