/**
 * The Pi simulator's clock: replays a simulated mission's WebSocket messages in mission time,
 * scaled by `speed`, restamped so that mission start = when the simulator started (as a live Pi
 * stamps `utcnow()` at send time), with fault injection on the wire.
 */
import { pyIsoNaive, pyIsoUtc, type WsMessage } from '../../lib/sim';

export interface Faults {
	/**
	 * Link drop: every `dropEvery_s` wall seconds, counted from the first ground station's
	 * connection, the link goes down for `dropFor_s` seconds (counted from the simulator's start,
	 * a ground station slow to connect missed the first drop and saw the last one end after the
	 * mission's last message: no gap it could close).
	 */
	dropEvery_s?: number;
	dropFor_s?: number;
	/** Extra random delay per message, 0..jitterMs. */
	jitterMs?: number;
	/** Probability a message is sent twice. */
	duplicate?: number;
	/** Probability a message is held back and sent after the next one. */
	reorder?: number;
	/** Probability a malformed frame (bad JSON, missing fields, unknown type) is sent. */
	malformed?: number;
}

export interface TimedMessage {
	/** Mission time of the message, ms since the first message. */
	at_ms: number;
	msg: WsMessage;
}

const AWARE = /\+00:00$/;

/** Parse the Pi's timestamps (naive = UTC, or +00:00) to epoch ms. */
export function parsePiTimestamp(ts: string): number {
	return Date.parse(AWARE.test(ts) || ts.endsWith('Z') ? ts : `${ts}Z`);
}

/** Messages with their mission-time offsets, in send order. */
export function timeline(ws: readonly WsMessage[]): TimedMessage[] {
	const first = ws[0] ? parsePiTimestamp(String(ws[0].data.timestamp)) : 0;
	return ws.map((msg) => ({ at_ms: parsePiTimestamp(String(msg.data.timestamp)) - first, msg }));
}

/** Copy of `msg` with its timestamps moved by `shiftMs`, keeping each type's format. */
export function restamp(msg: WsMessage, shiftMs: number): WsMessage {
	const data: Record<string, unknown> = { ...msg.data };
	const ts = data.timestamp;
	if (typeof ts === 'string') {
		const ms = parsePiTimestamp(ts) + shiftMs;
		data.timestamp = AWARE.test(ts) ? pyIsoUtc(ms) : pyIsoNaive(ms);
	}
	if (Array.isArray(data.history)) {
		data.history = data.history.map((h: Record<string, unknown>) =>
			typeof h.timestamp === 'string'
				? { ...h, timestamp: pyIsoUtc(parsePiTimestamp(h.timestamp) + shiftMs) }
				: h
		);
	}
	return { type: msg.type, data };
}

/** Deterministic PRNG for fault injection (so a failing run can be replayed). */
export function faultRng(seed: number): () => number {
	let a = seed >>> 0 || 1;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Malformed frames a real link or a buggy Pi build could produce; a client must survive them. */
export const MALFORMED_FRAMES = [
	'{"type":"rssi","data":{"rssi":',
	'not json at all',
	'{"type":"rssi"}',
	'{"type":"rssi","data":{"rssi":"NaN","timestamp":"yesterday"}}',
	'{"type":"future_message_type","data":{"x":1}}',
	'[1,2,3]'
];
