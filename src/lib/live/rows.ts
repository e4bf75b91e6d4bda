/**
 * Parsed Pi messages → contract v1 rows of the live mission. Keeps the little context the rows
 * need: the current state, the last position (for detections), the local origin (first fix),
 * the RSSI sequence number and the Pi's debounce (pisad-domain.md §3) over the SNR it reports,
 * which yields the detection events (the Pi sends no detection message).
 */
import { PI_SIGNAL } from '$lib/contract';
import type { SafetyEventRow, StateTransitionRow, VehicleTelemetryRow } from '$lib/contract';
import { distanceM, toLocal } from '$lib/geo';
import type { PiMessage } from './protocol';
import type { LiveRows } from './tables';

/** The live mission's local origin: its first fix (or an earlier session's, see RowBuilder). */
export interface LiveOrigin {
	lat: number;
	lon: number;
	/** AMSL, m; heights above it are alt_rel_m. */
	alt: number | null;
}

export class RowBuilder {
	state: string | null = null;
	/** Pi time the current state began (from `state_duration_ms` or the transition). */
	stateSince: number | null = null;
	homing: boolean | null = null;
	pos: { lat: number; lon: number; north: number; east: number } | null = null;
	origin: LiveOrigin | null = null;
	seq = 0;
	detections = 0;
	#detected = false;
	#up = 0;
	#down = 0;

	/**
	 * `earlier`: the origin of an earlier session with this Pi. A session that starts in the air
	 * (the first fix armed: the tab was reloaded or the laptop joined mid-flight) keeps it when
	 * the fix is within 5 km of it, so its heights stay above the take-off point rather than
	 * above wherever the drone was when the tab caught up. On the ground, the first fix is it.
	 */
	constructor(
		readonly missionId: string,
		readonly startedAt: number,
		readonly earlier: LiveOrigin | null = null
	) {}

	#originFor(lat: number, lon: number, alt: number | null, armed: boolean | null): LiveOrigin {
		const e = this.earlier;
		if (
			armed &&
			e &&
			distanceM({ lat_deg: lat, lon_deg: lon }, { lat_deg: e.lat, lon_deg: e.lon }) < 5000
		)
			return e;
		return { lat, lon, alt };
	}

	#timed(t: number) {
		return { mission_id: this.missionId, t, t_rel_s: (t - this.startedAt) / 1000 };
	}

	/** Rows for one message (empty for messages that only update context). */
	rows(m: PiMessage): LiveRows {
		switch (m.type) {
			case 'rssi':
				return this.#rssi(m);
			case 'telemetry': {
				if (m.lat !== null && m.lon !== null && !this.origin)
					this.origin = this.#originFor(m.lat, m.lon, m.alt, m.armed);
				const o = this.origin;
				const local =
					o && m.lat !== null && m.lon !== null
						? toLocal({ lat_deg: m.lat, lon_deg: m.lon }, { lat_deg: o.lat, lon_deg: o.lon })
						: null;
				const ne = local && { north: local.north_m, east: local.east_m };
				if (ne && m.lat !== null && m.lon !== null) this.pos = { lat: m.lat, lon: m.lon, ...ne };
				const row: VehicleTelemetryRow = {
					...this.#timed(m.t),
					lat_deg: m.lat,
					lon_deg: m.lon,
					alt_amsl_m: m.alt,
					alt_rel_m: m.alt !== null && o?.alt != null ? m.alt - o.alt : null,
					north_m: ne?.north ?? null,
					east_m: ne?.east ?? null,
					groundspeed_mps: m.forward,
					climb_mps: null,
					heading_deg: null,
					roll_deg: null,
					pitch_deg: null,
					yaw_deg: null,
					battery_v: null,
					battery_a: null,
					battery_pct: m.battery,
					gps_fix: m.gpsStatus,
					gps_sats: null,
					gps_hdop: null,
					flight_mode: m.flightMode,
					armed: m.armed,
					cpu_pct: null,
					mem_pct: null,
					cpu_temp_c: null
				};
				return { vehicle_telemetry: [row] };
			}
			case 'state':
				this.state = m.current_state;
				if (m.state_duration_ms !== null) this.stateSince = m.t - m.state_duration_ms;
				if (m.homing_enabled !== null) this.homing = m.homing_enabled;
				return {};
			case 'state_change':
				this.state = m.to_state;
				this.stateSince = m.t;
				return { state_transition: [this.transition(m.t, m.from_state, m.to_state, m.reason)] };
			case 'homing_status':
				return {
					homing_step: [
						{
							...this.#timed(m.t),
							substage: m.substage,
							gradient_mag_db_per_m: null,
							gradient_dir_deg: m.gradient_direction,
							gradient_conf_pct: m.gradient_confidence,
							target_heading_deg: m.target_heading,
							cmd_forward_mps: m.forward,
							cmd_yaw_rate_rps: m.yaw
						}
					]
				};
			default:
				return {};
		}
	}

	/** A state_transition row (from a state_change message or the Pi's state history). */
	transition(
		t: number,
		from: string | null,
		to: string,
		reason: string | null,
		extra: { operator_id?: string | null; action_duration_ms?: number | null } = {}
	): StateTransitionRow {
		return {
			...this.#timed(t),
			from_state: from,
			to_state: to,
			reason,
			forced: reason?.startsWith('FORCED:') ?? null,
			operator_id: extra.operator_id ?? null,
			action_duration_ms: extra.action_duration_ms ?? null,
			homing_enabled: this.homing
		};
	}

	/**
	 * A link gap as a safety_event row (event_type 'link_gap'), times in epoch ms; `toT` null for a
	 * link that never came back before the session stopped (resolved = false).
	 */
	gap(fromT: number, toT: number | null): SafetyEventRow {
		const duration_s = toT === null ? null : (toT - fromT) / 1000;
		return {
			...this.#timed(fromT),
			event_id: `${this.missionId}-gap-${Math.round(fromT)}`,
			event_type: 'link_gap',
			trigger: 'websocket closed',
			details: JSON.stringify({ from_t: fromT, to_t: toT, duration_s }),
			resolved: toT !== null
		};
	}

	#rssi(m: Extract<PiMessage, { type: 'rssi' }>): LiveRows {
		const snr = m.snr ?? (m.noiseFloor !== null ? m.rssi - m.noiseFloor : null);
		const above = snr !== null && snr > PI_SIGNAL.snrTriggerDb;
		let started = false;
		if (!this.#detected) {
			this.#up = above ? this.#up + 1 : 0;
			if (this.#up >= PI_SIGNAL.debounceIn) [this.#detected, started, this.#up] = [true, true, 0];
		} else {
			this.#down = snr !== null && snr <= PI_SIGNAL.snrDropDb ? this.#down + 1 : 0;
			if (this.#down >= PI_SIGNAL.debounceOut) [this.#detected, this.#down] = [false, 0];
		}
		const out: LiveRows = {
			rssi_sample: [
				{
					...this.#timed(m.t),
					seq: this.seq++,
					rssi_dbm: m.rssi,
					rssi_raw_dbm: null,
					noise_floor_dbm: m.noiseFloor,
					snr_db: snr,
					above_trigger: snr === null ? null : above,
					detected: this.#detected,
					confidence_pct: m.confidence,
					frequency_hz: null,
					system_state: this.state
				}
			]
		};
		if (started) {
			const p = this.pos;
			out.detection = [
				{
					...this.#timed(m.t),
					detection_id: ++this.detections,
					frequency_hz: null,
					rssi_dbm: m.rssi,
					snr_db: snr,
					confidence_pct: m.confidence,
					lat_deg: p?.lat ?? null,
					lon_deg: p?.lon ?? null,
					north_m: p?.north ?? null,
					east_m: p?.east ?? null,
					system_state: this.state
				}
			];
		}
		return out;
	}
}
