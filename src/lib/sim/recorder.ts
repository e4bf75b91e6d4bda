import type { MissionTables, SystemState } from '../contract';
import type { PiSignalOutput } from '../signal/chain';
import { toLatLon, type LocalPoint } from '../geo';
import type { TransitionRecord } from './state-machine';
import { pyIsoUtc, wsMessage, type WsMessage } from './ws';

/** Pattern progress as `state.search_status` and `pattern_*` report it. */
export interface PatternStatus {
	pattern_id: string;
	state: 'EXECUTING' | 'PAUSED' | 'COMPLETED';
	completed_waypoints: number;
	total_waypoints: number;
	estimated_time_remaining: number;
}

/**
 * Collects the contract rows and the WebSocket capture of one mission. Timestamps: tick times
 * are epoch ms; messages sent in the same tick get increasing 0.2 ms offsets so that the capture
 * is strictly in send order.
 */
export class MissionRecorder {
	readonly tables: MissionTables = {
		mission: [],
		rssi_sample: [],
		vehicle_telemetry: [],
		state_transition: [],
		detection: [],
		homing_step: [],
		search_pattern: [],
		waypoint: [],
		safety_event: [],
		beacon_truth: []
	};
	readonly ws: WsMessage[] = [];
	private tickMs = 0;
	private sent = 0;
	private safetyId = 0;

	constructor(
		readonly missionId: string,
		readonly startMs: number,
		readonly frequencyHz: number
	) {}

	/** Starts a new 10 Hz tick at epoch ms `tMs`. */
	tick(tMs: number): void {
		this.tickMs = tMs;
		this.sent = 0;
	}

	get t(): number {
		return this.tickMs;
	}

	get tRel(): number {
		return (this.tickMs - this.startMs) / 1000;
	}

	/** Epoch ms at relative seconds (for events recorded with their own time). */
	at(tS: number): number {
		return this.startMs + tS * 1000;
	}

	send(type: string, data: Record<string, unknown>): void {
		this.sent++;
		this.ws.push(wsMessage(type, this.tickMs + 0.2 * this.sent + 0.0137, data));
	}

	rssi(seq: number, raw: number, o: PiSignalOutput, state: SystemState): void {
		this.tables.rssi_sample.push({
			mission_id: this.missionId,
			t: this.t,
			t_rel_s: this.tRel,
			seq,
			rssi_dbm: o.rssi_dbm,
			rssi_raw_dbm: raw,
			noise_floor_dbm: o.noise_floor_dbm,
			snr_db: o.snr_db,
			above_trigger: o.above_trigger,
			detected: o.detected,
			confidence_pct: o.confidence_pct,
			frequency_hz: this.frequencyHz,
			system_state: state
		});
		this.send('rssi', {
			rssi: o.rssi_dbm,
			noiseFloor: o.noise_floor_dbm,
			snr: o.snr_db,
			confidence: o.confidence_pct
		});
	}

	transition(r: TransitionRecord, allowed: readonly SystemState[]): void {
		this.tables.state_transition.push({
			mission_id: this.missionId,
			t: this.t,
			t_rel_s: this.tRel,
			from_state: r.from_state,
			to_state: r.to_state,
			reason: r.reason,
			forced: r.forced,
			operator_id: null,
			action_duration_ms: r.action_duration_ms,
			homing_enabled: r.homing_enabled
		});
		if (r.from_state === null) return; // the Pi's start-up state is not broadcast
		this.send('state_change', {
			from_state: r.from_state,
			to_state: r.to_state,
			current_state: r.to_state,
			reason: r.reason,
			allowed_transitions: [...allowed]
		});
	}

	detection(id: number, o: PiSignalOutput, pos: LocalPoint, state: SystemState): void {
		const g = toLatLon(pos);
		this.tables.detection.push({
			mission_id: this.missionId,
			t: this.t,
			t_rel_s: this.tRel,
			detection_id: id,
			frequency_hz: this.frequencyHz,
			rssi_dbm: o.rssi_dbm,
			snr_db: o.snr_db,
			confidence_pct: o.confidence_pct,
			lat_deg: g.lat_deg,
			lon_deg: g.lon_deg,
			north_m: pos.north_m,
			east_m: pos.east_m,
			system_state: state
		});
	}

	safety(type: string, trigger: string, details: object, resolved: boolean): void {
		this.tables.safety_event.push({
			mission_id: this.missionId,
			t: this.t,
			t_rel_s: this.tRel,
			event_id: `${this.missionId}-se${++this.safetyId}`,
			event_type: type,
			trigger,
			details: JSON.stringify(details),
			resolved
		});
	}

	patternMessage(type: 'pattern_created' | 'pattern_update', s: PatternStatus): void {
		const pct = (100 * s.completed_waypoints) / Math.max(1, s.total_waypoints);
		this.send(type, { ...s, progress_percent: Math.round(pct * 10) / 10 });
	}

	/** `safety_status` (sent at 0.5 Hz to keep captures small; the Pi sends 2 Hz). */
	safetyStatus(checks: Record<string, [boolean, string | null]>): void {
		const last = pyIsoUtc(this.t);
		const out: Record<string, unknown> = {};
		for (const [name, [ok, why]] of Object.entries(checks)) {
			out[name] = { name, is_safe: ok, last_check: last, failure_reason: why };
		}
		this.send('safety_status', { emergency_stopped: false, checks: out });
	}
}
