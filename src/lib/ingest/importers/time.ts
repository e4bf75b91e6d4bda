/**
 * Timestamps as the Pi's writers print them, to epoch ms (µs fractions kept):
 * ISO with `+00:00` or `Z` (recorder, safety_status), naive ISO (Python `utcnow().isoformat()`,
 * read as UTC), SQLite's `YYYY-MM-DD HH:MM:SS` (UTC by CURRENT_TIMESTAMP) and epoch numbers.
 * Date.parse would drop microseconds and read naive strings as local time, hence the regex.
 */

const ISO =
	/^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/** Counts what a parse saw, so an importer can say "N naive timestamps read as UTC". */
export class TimeParser {
	naive = 0;
	zoned = 0;
	bad = 0;

	/** Epoch ms of `v`, or null when it is not a time (counted in `bad`). */
	parse(v: unknown): number | null {
		const t = parseTime(v);
		if (t === null) this.bad++;
		else if (typeof v === 'string' && ISO.exec(v.trim())?.[8] === undefined) this.naive++;
		else if (typeof v === 'string') this.zoned++;
		return t;
	}

	/** True when both naive and zoned strings were seen (worth a note). */
	get mixed(): boolean {
		return this.naive > 0 && this.zoned > 0;
	}
}

/**
 * Epoch ms of a timestamp: numbers are epoch seconds below 1e11 (until year 5138) and epoch ms
 * above; numeric strings likewise. Returns null for anything else.
 */
export function parseTime(v: unknown): number | null {
	if (typeof v === 'number') return Number.isFinite(v) ? (Math.abs(v) < 1e11 ? v * 1000 : v) : null;
	if (typeof v === 'bigint') return Number(v) / 1000; // µs, as DuckDB and hyparquet give them
	if (typeof v !== 'string') return null;
	const s = v.trim();
	if (/^-?\d+(\.\d+)?$/.test(s)) return parseTime(Number(s));
	const m = ISO.exec(s);
	if (!m) return null;
	const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
	let ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +sec);
	if (frac) ms += Number(`0.${frac}`) * 1000;
	if (zone && zone.toUpperCase() !== 'Z') {
		const z = /([+-])(\d\d):?(\d\d)?/.exec(zone);
		const sign = z?.[1] === '-' ? -1 : 1;
		ms -= sign * (Number(z?.[2] ?? 0) * 60 + Number(z?.[3] ?? 0)) * 60_000;
	}
	return Number.isFinite(ms) ? ms : null;
}

/** `2025-08-21T01:30:00Z` → `20250821T013000Z`, for mission ids. */
export function compactUtc(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]|\.\d+/g, '');
}
