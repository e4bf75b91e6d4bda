/**
 * State transitions missed while the link was down, from the Pi's persisted history
 * (`GET /api/system/state-history?limit=N`, newest first, pisad-domain.md §2). A transition is
 * "the same" as one already recorded when from/to match and the times are within `toleranceMs`:
 * the WebSocket `state_change` and the SQLite row are stamped by different calls on the Pi.
 */
import { parsePiTime } from './protocol';

export interface HistoryRow {
	t: number;
	from_state: string | null;
	to_state: string;
	reason: string | null;
	operator_id: string | null;
	action_duration_ms: number | null;
}

export interface KnownTransition {
	t: number;
	from_state: string | null;
	to_state: string;
}

/**
 * On the Pi both stamps come from the same transition call, milliseconds apart; transitions of
 * the same pair can follow each other within a second (DETECTING → SEARCHING, "Signal lost",
 * twice in 1 s), so the window must stay well below that.
 */
export const SAME_TRANSITION_MS = 250;

/** Parse the REST body; rows without a usable timestamp or to_state are dropped. */
export function parseHistory(body: unknown): HistoryRow[] {
	const list = (body as { history?: unknown } | null)?.history;
	if (!Array.isArray(list)) return [];
	const out: HistoryRow[] = [];
	for (const h of list as Record<string, unknown>[]) {
		const t = parsePiTime(h.timestamp);
		if (t === null || typeof h.to_state !== 'string') continue;
		out.push({
			t,
			from_state: typeof h.from_state === 'string' ? h.from_state : null,
			to_state: h.to_state,
			reason: typeof h.reason === 'string' ? h.reason : null,
			operator_id: typeof h.operator_id === 'string' ? h.operator_id : null,
			action_duration_ms: typeof h.action_duration_ms === 'number' ? h.action_duration_ms : null
		});
	}
	return out.sort((a, b) => a.t - b.t);
}

/** Is `r` already among `known` (same from/to within SAME_TRANSITION_MS)? */
export function isKnown(known: readonly KnownTransition[], r: KnownTransition): boolean {
	return known.some(
		(k) =>
			k.to_state === r.to_state &&
			(k.from_state === r.from_state || k.from_state === null || r.from_state === null) &&
			Math.abs(k.t - r.t) <= SAME_TRANSITION_MS
	);
}

/** History rows after `since` that are not yet known, oldest first (each known row matches once). */
export function missedTransitions(
	history: readonly HistoryRow[],
	known: readonly KnownTransition[],
	since: number
): HistoryRow[] {
	const left = [...known];
	const out: HistoryRow[] = [];
	for (const h of history) {
		if (h.t < since) continue;
		const i = left.findIndex((k) => isKnown([k], h));
		if (i >= 0) left.splice(i, 1);
		else out.push(h);
	}
	return out;
}
