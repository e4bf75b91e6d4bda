/** Splitting one long log into flight sessions. */

/**
 * Gap that separates sessions in one file: 30 min. The Pi's state machine times out of every
 * active state within 5 min (SEARCHING 300 s), and a battery lasts ~25 min, so 30 min of silence
 * means the system was off or idle between flights; shorter pauses stay in one mission.
 */
export const SESSION_GAP_MS = 30 * 60_000;

/** Split rows sorted by `t` where consecutive times are more than `gapMs` apart. */
export function splitByGap<T extends { t: number }>(rows: T[], gapMs = SESSION_GAP_MS): T[][] {
	const out: T[][] = [];
	let cur: T[] = [];
	for (const r of rows) {
		const last = cur.at(-1);
		if (last && r.t - last.t > gapMs) {
			out.push(cur);
			cur = [];
		}
		cur.push(r);
	}
	if (cur.length) out.push(cur);
	return out;
}

/**
 * Assign rows (any order) to sessions given by their start times (sorted): each row goes to the
 * last session that started at or before it (rows before the first go to the first).
 */
export function assignToSessions<T extends { t: number }>(rows: T[], starts: number[]): T[][] {
	const out: T[][] = starts.map(() => []);
	for (const r of rows) {
		let k = 0;
		while (k + 1 < starts.length && starts[k + 1]! <= r.t) k++;
		out[k]?.push(r);
	}
	return out;
}
