/**
 * Timestamps and envelopes of the Pi's WebSocket messages (pisad-domain.md §2).
 * Python's `datetime.utcnow().isoformat()` is naive UTC; it prints microseconds only when they
 * are non-zero, and so does this formatter. `safety_status` and `pattern_*` use the aware form
 * with `+00:00`.
 */
export interface WsMessage {
	type: string;
	data: Record<string, unknown>;
}

/** Epoch ms (µs fractions allowed) → Python naive isoformat. */
export function pyIsoNaive(ms: number): string {
	const us = Math.round(ms * 1000);
	const whole = Math.floor(us / 1e6);
	const frac = us - whole * 1e6;
	const base = new Date(whole * 1000).toISOString().slice(0, 19);
	return frac === 0 ? base : `${base}.${String(frac).padStart(6, '0')}`;
}

/** Epoch ms → Python aware isoformat in UTC (`+00:00`). */
export function pyIsoUtc(ms: number): string {
	return `${pyIsoNaive(ms)}+00:00`;
}

/** Messages whose timestamps carry `+00:00`. */
export function isAwareType(type: string): boolean {
	return type === 'safety_status' || type.startsWith('pattern_');
}

/** Builds `{type, data}` with data.timestamp in the format the Pi uses for that type. */
export function wsMessage(type: string, tMs: number, data: Record<string, unknown>): WsMessage {
	const timestamp = isAwareType(type) ? pyIsoUtc(tMs) : pyIsoNaive(tMs);
	return { type, data: { ...data, timestamp } };
}
