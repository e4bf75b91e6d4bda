/**
 * What a load brought, said in one sentence (issue 15 item 7): the missions, the rows per table
 * (a table with none is said too: the Pi's pisad.db holds state history and no RSSI), the time
 * span, and what was skipped. A library import adds its chunks up in one tally. Pure.
 */
import { formatUtc } from './format';

/** Rows of one mission in one table (a row of sql/queries/ingest/import_counts.sql). */
export interface TableCount {
	mission_id: string;
	table_name: string;
	n_rows: number;
	t0_ms: number | null;
	t1_ms: number | null;
}

/** A load's running total. */
export interface ImportTally {
	missions: number;
	/** Rows per contract table. */
	rows: Record<string, number>;
	t0: number | null;
	t1: number | null;
	/** Missions skipped because they were loaded (or kept) before. */
	already: number;
	/** Files skipped because they are not mission data. */
	notData: number;
	/** Folders or files that could not be loaded (each also named in its own error). */
	failed: number;
}

/** The tables a summary names, in the order a crew reads them, with their plural nouns. */
const NOUNS: [string, string][] = [
	['rssi_sample', 'RSSI samples'],
	['vehicle_telemetry', 'telemetry rows'],
	['detection', 'detections'],
	['state_transition', 'state transitions'],
	['homing_step', 'homing steps'],
	['safety_event', 'safety events'],
	['waypoint', 'waypoints']
];
/** The tables whose rows a summary counts (sql/queries/ingest/import_counts.sql). */
export const COUNTED_TABLES: readonly string[] = NOUNS.map(([t]) => t);

/** Tables whose absence is worth saying (a mission with no RSSI cannot be analysed for signal). */
const SAID_WHEN_EMPTY = new Set(['rssi_sample', 'vehicle_telemetry', 'detection']);

export function emptyTally(): ImportTally {
	return { missions: 0, rows: {}, t0: null, t1: null, already: 0, notData: 0, failed: 0 };
}

/** Add the counted rows of the missions a load (or chunk) added. */
export function addCounts(
	t: ImportTally,
	counts: readonly TableCount[],
	ids: string[]
): ImportTally {
	const fresh = new Set(ids);
	const rows = { ...t.rows };
	let { t0, t1 } = t;
	for (const c of counts) {
		if (!fresh.has(c.mission_id)) continue;
		rows[c.table_name] = (rows[c.table_name] ?? 0) + c.n_rows;
		if (c.t0_ms !== null && (t0 === null || c.t0_ms < t0)) t0 = c.t0_ms;
		if (c.t1_ms !== null && (t1 === null || c.t1_ms > t1)) t1 = c.t1_ms;
	}
	return { ...t, missions: t.missions + fresh.size, rows, t0, t1 };
}

/** Rows of every table in the tally. */
export function totalRows(t: ImportTally): number {
	return Object.values(t.rows).reduce((a, b) => a + b, 0);
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`): string =>
	`${count(n)} ${n === 1 ? one : many}`;

/** "Imported 31 missions: 2,702 state transitions; no RSSI samples, … From … to …. Skipped: …". */
export function summaryText(t: ImportTally): string {
	const parts: string[] = [];
	if (t.missions) {
		const have = NOUNS.filter(([k]) => (t.rows[k] ?? 0) > 0).map(([k, noun]) =>
			plural(t.rows[k] ?? 0, noun.slice(0, -1), noun)
		);
		const none = NOUNS.filter(([k]) => SAID_WHEN_EMPTY.has(k) && !(t.rows[k] ?? 0)).map(
			([, noun]) => noun
		);
		const what = [have.join(', '), none.length ? `no ${none.join(', no ')}` : '']
			.filter(Boolean)
			.join('; ');
		parts.push(`Imported ${plural(t.missions, 'mission')}${what ? `: ${what}` : ''}.`);
		if (t.t0 !== null && t.t1 !== null)
			parts.push(`From ${formatUtc(t.t0)} to ${formatUtc(t.t1)}.`);
	} else parts.push('No new missions were imported.');
	const skipped = [
		t.already ? `${plural(t.already, 'mission')} already in the library` : '',
		t.notData
			? `${plural(t.notData, 'file')} that ${t.notData === 1 ? 'is' : 'are'} not mission data`
			: '',
		t.failed
			? `${plural(t.failed, 'folder or file', 'folders or files')} that could not be read (named above)`
			: ''
	].filter(Boolean);
	if (skipped.length) parts.push(`Skipped: ${skipped.join('; ')}.`);
	return parts.join(' ');
}

/** Missions a load skipped as already loaded, from its notes. */
export function alreadyLoaded(notes: readonly { message: string }[]): number {
	return notes.filter((n) => /already loaded; skipped/.test(n.message)).length;
}
