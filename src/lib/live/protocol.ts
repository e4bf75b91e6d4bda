/**
 * The Pi's WebSocket frames (pisad-domain.md §2) parsed into typed messages. Tolerant by design:
 * a frame that is not JSON, lacks `data`, or carries an unusable timestamp or number is reported
 * as `malformed` (counted by the caller), types we do not use are `ignored`, flat messages such as
 * `config` and `frequency_changed` are `ignored` too. Nothing here throws.
 */

/** `2025-08-21T01:38:16.400509` (naive = UTC) or `...+00:00` / `Z` → epoch ms with µs fraction. */
export function parsePiTime(ts: unknown): number | null {
	if (typeof ts !== 'string') return null;
	const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2})?$/.exec(ts);
	if (!m) return null;
	const whole = Date.parse(`${m[1]}${m[3] === undefined || m[3] === 'Z' ? 'Z' : m[3]}`);
	if (!Number.isFinite(whole)) return null;
	const frac = m[2] ? Number(m[2].padEnd(6, '0')) / 1000 : 0;
	return whole + frac;
}

export interface RssiMsg {
	type: 'rssi';
	t: number;
	rssi: number;
	noiseFloor: number | null;
	snr: number | null;
	confidence: number | null;
}
export interface TelemetryMsg {
	type: 'telemetry';
	t: number;
	lat: number | null;
	lon: number | null;
	alt: number | null;
	battery: number | null;
	flightMode: string | null;
	forward: number | null;
	gpsStatus: string | null;
	armed: boolean | null;
}
export interface StateMsg {
	type: 'state';
	t: number;
	current_state: string;
	state_duration_ms: number | null;
	homing_enabled: boolean | null;
	detection_count: number | null;
}
export interface StateChangeMsg {
	type: 'state_change';
	t: number;
	from_state: string | null;
	to_state: string;
	reason: string | null;
}
export interface HomingMsg {
	type: 'homing_status';
	t: number;
	substage: string | null;
	gradient_confidence: number | null;
	target_heading: number | null;
	gradient_direction: number | null;
	forward: number | null;
	yaw: number | null;
}
export type PiMessage =
	| RssiMsg
	| TelemetryMsg
	| StateMsg
	| StateChangeMsg
	| HomingMsg
	| { type: 'connection'; t: number }
	| { type: 'pong' };

export type Parsed =
	| { kind: 'message'; msg: PiMessage; /** type + raw timestamp: the de-dup key */ key: string }
	| { kind: 'ignored'; type: string }
	| { kind: 'malformed'; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

const bad = (reason: string): Parsed => ({ kind: 'malformed', reason });

/** Parse one text frame. */
export function parseFrame(text: string): Parsed {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return bad('not JSON');
	}
	if (!isObj(raw) || typeof raw.type !== 'string') return bad('no type');
	const type = raw.type;
	if (type === 'pong') return { kind: 'message', msg: { type: 'pong' }, key: '' };
	const known = ['rssi', 'telemetry', 'state', 'state_change', 'homing_status', 'connection'];
	if (!known.includes(type)) return { kind: 'ignored', type };
	const d = raw.data;
	if (!isObj(d)) return bad(`${type} without data`);
	const t = parsePiTime(d.timestamp);
	if (t === null) return bad(`${type} with a bad timestamp`);
	const msg = build(type, t, d);
	if (!msg) return bad(`${type} with missing fields`);
	return { kind: 'message', msg, key: `${type}|${String(d.timestamp)}` };
}

function build(type: string, t: number, d: Obj): PiMessage | null {
	switch (type) {
		case 'rssi': {
			const rssi = num(d.rssi);
			if (rssi === null) return null;
			return {
				type,
				t,
				rssi,
				noiseFloor: num(d.noiseFloor),
				snr: num(d.snr),
				confidence: num(d.confidence)
			};
		}
		case 'telemetry': {
			const p = isObj(d.position) ? d.position : {};
			const v = isObj(d.velocity) ? d.velocity : {};
			return {
				type,
				t,
				lat: num(p.lat),
				lon: num(p.lon),
				alt: num(p.alt),
				battery: num(d.battery),
				flightMode: str(d.flightMode),
				forward: num(v.forward),
				gpsStatus: str(d.gpsStatus),
				armed: bool(d.armed)
			};
		}
		case 'state': {
			const current = str(d.current_state);
			if (current === null) return null;
			return {
				type,
				t,
				current_state: current,
				state_duration_ms: num(d.state_duration_ms),
				homing_enabled: bool(d.homing_enabled),
				detection_count: num(d.detection_count)
			};
		}
		case 'state_change': {
			const to = str(d.to_state) ?? str(d.current_state);
			if (to === null) return null;
			return { type, t, from_state: str(d.from_state), to_state: to, reason: str(d.reason) };
		}
		case 'homing_status': {
			const v = isObj(d.velocity_command) ? d.velocity_command : {};
			return {
				type,
				t,
				substage: str(d.substage),
				gradient_confidence: num(d.gradient_confidence),
				target_heading: num(d.target_heading),
				gradient_direction: num(d.gradient_direction),
				forward: num(v.forward),
				yaw: num(v.yaw)
			};
		}
		default:
			return { type: 'connection', t };
	}
}

/** Remembers the last `capacity` keys: duplicated or reordered frames are seen once. */
export class RecentKeys {
	readonly #set = new Set<string>();
	readonly #ring: string[] = [];
	#head = 0;
	constructor(readonly capacity = 4096) {}

	/** True the first time a key is offered (within the last `capacity` keys). */
	add(key: string): boolean {
		if (this.#set.has(key)) return false;
		if (this.#ring.length < this.capacity) this.#ring.push(key);
		else {
			this.#set.delete(this.#ring[this.#head] as string);
			this.#ring[this.#head] = key;
			this.#head = (this.#head + 1) % this.capacity;
		}
		this.#set.add(key);
		return true;
	}
}
