/**
 * What a live session reads from the Pi's REST side besides the stream: the state history (to
 * backfill transitions missed while the link was down) and the search-pattern preview.
 */
import { missedTransitions, parseHistory, type HistoryRow, type KnownTransition } from './backfill';
import { parsePatternPreview, type PiPattern } from './pattern';

/**
 * Transitions in the Pi's state history after `since` that `known` lacks, oldest first; none when
 * the Pi cannot be reached (the link may have dropped again: the next reconnect retries).
 */
export async function fetchMissedTransitions(
	http: string,
	get: typeof fetch,
	known: readonly KnownTransition[],
	since: number
): Promise<HistoryRow[]> {
	try {
		const res = await get(`${http}/api/system/state-history?limit=100`);
		if (!res.ok) return [];
		return missedTransitions(parseHistory(await res.json()), known, since);
	} catch {
		return [];
	}
}

/**
 * The Pi's search pattern, fetched one request at a time (events arriving meanwhile are answered
 * by the request in flight); `onChange` hears only a new or changed pattern.
 */
export class PatternWatch {
	current: PiPattern | null = null;
	#inFlight: Promise<void> | null = null;
	#key: string | null = null;

	constructor(
		readonly http: string,
		readonly get: () => typeof fetch,
		readonly onChange: (p: PiPattern) => void
	) {}

	/** The request in flight, if any (a stopping session waits for it). */
	get pending(): Promise<void> | null {
		return this.#inFlight;
	}

	fetch(): Promise<void> {
		if (this.#inFlight) return this.#inFlight;
		const run = (async () => {
			try {
				const res = await this.get()(`${this.http}/api/search/pattern/preview`);
				if (!res.ok) return;
				const p = parsePatternPreview(await res.json());
				const key = p && JSON.stringify(p);
				if (!p || key === this.#key) return;
				this.#key = key;
				this.current = p;
				this.onChange(p);
			} catch {
				// No pattern (a Pi without one, or the link dropped): the next event or reconnect retries.
			}
		})().finally(() => (this.#inFlight = null));
		this.#inFlight = run;
		return run;
	}
}
