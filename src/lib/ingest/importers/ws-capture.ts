/**
 * A JSONL capture of the Pi's WebSocket messages (one `{"type", "data"}` per line) → one mission.
 * rssi → rssi_sample, telemetry → vehicle_telemetry, state_change (and the first state) →
 * state_transition, homing_status → homing_step; detections from the debounced SNR. Naive
 * timestamps are UTC (Python utcnow). Unknown types, flat messages (config, frequency_changed)
 * and lines that are not JSON are skipped and counted in the notes.
 */
import { bool, num, str } from './csv';
import { info, warn } from './quality';
import { baseName, missionIdFor } from './naming';
import { timeNotes } from './recorder';
import { TimeParser } from './time';
import type { DraftMission, DraftNote, TimedRow } from './types';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
	v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};

/** JSONL text → draft mission. */
export function importWsCapture(file: string, text: string): DraftMission {
	const notes: DraftNote[] = [];
	const tp = new TimeParser();
	const rssi: TimedRow[] = [];
	const tel: TimedRow[] = [];
	const trans: TimedRow[] = [];
	const homing: TimedRow[] = [];
	const skipped = new Map<string, number>();
	let malformed = 0;
	let firstState: TimedRow | null = null;
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		let msg: Obj;
		try {
			msg = obj(JSON.parse(line));
		} catch {
			malformed++;
			continue;
		}
		const type = typeof msg.type === 'string' ? msg.type : '';
		const data = obj(msg.data);
		const t = tp.parse(data.timestamp) ?? NaN;
		if (type === 'rssi') {
			rssi.push({
				t,
				rssi_dbm: num(data.rssi),
				noise_floor_dbm: num(data.noiseFloor),
				snr_db: num(data.snr),
				confidence_pct: num(data.confidence)
			});
		} else if (type === 'telemetry') {
			const pos = obj(data.position);
			const vel = obj(data.velocity);
			tel.push({
				t,
				lat_deg: num(pos.lat),
				lon_deg: num(pos.lon),
				alt_amsl_m: num(pos.alt),
				battery_pct: num(data.battery),
				flight_mode: str(data.flightMode),
				groundspeed_mps: num(vel.forward),
				gps_fix: str(data.gpsStatus),
				armed: bool(data.armed)
			});
		} else if (type === 'state_change') {
			const reason = str(data.reason);
			trans.push({
				t,
				from_state: str(data.from_state),
				to_state: str(data.to_state ?? data.current_state),
				reason,
				forced: reason?.startsWith('FORCED') ?? false,
				homing_enabled: bool(data.homing_enabled)
			});
		} else if (type === 'state') {
			// The Pi does not broadcast its start-up state as a change: take it from `state`.
			firstState ??= {
				t,
				from_state: null,
				to_state: str(data.current_state),
				reason: 'first state seen in capture',
				forced: false
			};
		} else if (type === 'homing_status') {
			const cmd = obj(data.velocity_command);
			homing.push({
				t,
				substage: str(data.substage),
				gradient_conf_pct: num(data.gradient_confidence),
				gradient_dir_deg: num(data.gradient_direction),
				target_heading_deg: num(data.target_heading),
				cmd_forward_mps: num(cmd.forward),
				cmd_yaw_rate_rps: num(cmd.yaw)
			});
		} else skipped.set(type || '(no type)', (skipped.get(type || '(no type)') ?? 0) + 1);
	}
	if (firstState?.to_state && !(trans[0] && trans[0].t <= firstState.t)) trans.unshift(firstState);
	warn(notes, file, malformed, 'lines that are not JSON skipped');
	const other = [...skipped.values()].reduce((a, b) => a + b, 0);
	if (other)
		info(
			notes,
			file,
			`messages not used for tables skipped: ${[...skipped].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
			other
		);
	if (homing.length)
		info(
			notes,
			file,
			'homing_step at the 5 Hz of homing_status (the Pi computes at 10 Hz)',
			homing.length
		);
	timeNotes(tp, file, notes);
	const t0 = Math.min(...[...rssi, ...tel, ...trans].map((r) => r.t).filter(Number.isFinite));
	return {
		mission_id: missionIdFor('ws-capture', t0, file),
		name: baseName(file),
		source: 'import:ws-capture',
		tables: {
			rssi_sample: rssi,
			vehicle_telemetry: tel,
			state_transition: trans,
			homing_step: homing
		},
		notes
	};
}
