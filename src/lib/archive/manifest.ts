/**
 * A fleet archive opened by URL (issue 17, format in docs/archive.md): only its manifest,
 * missions.parquet (one row per mission: the library row, dwell per state, the data files that
 * hold the mission), is read up front; the library table and fleet view are drawn from it, and a
 * mission's rows are fetched by range reads when it is opened (load.ts). DuckDB-WASM has no
 * Parquet reader here, so the manifest is decoded by parquet-wasm, as dropped files are.
 */
import { tableFromIPC, type List, type Struct, type Vector } from 'apache-arrow';
import { arrowToRows } from '$lib/db/arrow';
import { decodeAllTyped } from '$lib/ingest/decode';
import { IngestError } from '$lib/ingest/notes';

/** One mission of an archive, as its manifest lists it. */
export interface ArchiveMission {
	mission_id: string;
	/** The library row (mission list columns and KPIs), with the mission's own `source`. */
	row: Record<string, unknown>;
	dwell: { state: string; dwell_s: number }[];
	/** Data files holding its rows, relative to the archive's root. */
	parts: string[];
	/** Its rows per contract table (`rows_<table>`). */
	rows: Record<string, number>;
	/**
	 * Where its rows are in each part (the row-group index); null in an archive without one. Read
	 * from the manifest's Arrow columns when asked (once per open): turning every mission's
	 * entries into objects up front doubled the manifest's decoding at 1 000 missions.
	 */
	ranges: () => PartRange[] | null;
}

/**
 * Where one mission's rows are in one data file (docs/archive.md, `ranges`): the file's size and
 * footer length (the footer is its last `footer_bytes + 8` bytes), the byte span of the row groups
 * `first_group`..`last_group` that hold them, and the rows to skip and take in those groups.
 */
export interface PartRange {
	part: string;
	file_bytes: number;
	footer_bytes: number;
	span_start: number;
	span_end: number;
	first_group: number;
	last_group: number;
	row_offset: number;
	rows: number;
}

/** The archive's root as a URL ending in `/` (a link to its missions.parquet works too). */
export function archiveRoot(url: string, base?: string): string {
	const u = new URL(url, base);
	u.pathname = u.pathname.replace(/missions\.parquet$/, '');
	if (!u.pathname.endsWith('/')) u.pathname += '/';
	u.search = '';
	return u.href;
}

/** Read an archive's manifest; throws an IngestError naming the URL and what is wrong. */
export async function readArchive(
	root: string,
	f: typeof fetch = fetch
): Promise<ArchiveMission[]> {
	const url = new URL('missions.parquet', root).href;
	let res: Response;
	try {
		res = await f(url);
	} catch (e) {
		throw new IngestError(
			url,
			`Could not reach the fleet archive at ${root} (${e instanceof Error ? e.message : String(e)})`,
			'Check the address and that the archive is served (npx serve, the Pi, a USB stick served locally).'
		);
	}
	if (!res.ok)
		throw new IngestError(
			url,
			`${url} answered HTTP ${res.status}: no fleet archive there`,
			'An archive folder holds missions.parquet (npm run archive -- add … --to <dir>).'
		);
	const ipc = await decodeAllTyped(new Uint8Array(await res.arrayBuffer())).catch(() => null);
	if (!ipc)
		throw new IngestError(
			url,
			`${url} is not a readable Parquet manifest`,
			'Run `npm run archive -- verify <dir>` on the archive and serve it again.'
		);
	const table = tableFromIPC(ipc);
	const index = table.getChild('ranges') as Vector<List<Struct>> | null;
	const names = table.schema.fields.map((f) => f.name).filter((n) => n !== 'ranges');
	return arrowToRows<Record<string, unknown>>(table.select(names)).map((r, i) =>
		missionOf(r, () => rangesAt(index, i))
	);
}

/** Row `i`'s index entries, or null (no `ranges` column, or NULL there). */
function rangesAt(index: Vector<List<Struct>> | null, i: number): PartRange[] | null {
	const list = index?.get(i);
	if (!list) return null;
	return [...list].flatMap((e) => (e ? [rangeOf(e.toJSON() as Record<string, unknown>)] : []));
}

/** A manifest row → the library row (docs/archive.md: `mission_source` is the mission's source). */
function missionOf(r: Record<string, unknown>, ranges: () => PartRange[] | null): ArchiveMission {
	const row: Record<string, unknown> = {};
	const rows: Record<string, number> = {};
	for (const [k, v] of Object.entries(r)) {
		if (k.startsWith('rows_')) rows[k.slice(5)] = Number(v ?? 0);
		else if (k === 'mission_source') row.source = v;
		else if (!['source', 'content_hash', 'ended_at', 'dwell', 'parts'].includes(k)) row[k] = v;
	}
	const dwell = (Array.isArray(r.dwell) ? r.dwell : []) as { state: string; dwell_s: number }[];
	return {
		mission_id: String(r.mission_id),
		row,
		dwell: dwell.map((d) => ({ state: String(d.state), dwell_s: Number(d.dwell_s) })),
		parts: (Array.isArray(r.parts) ? r.parts : []).map(String),
		rows,
		ranges
	};
}

function rangeOf(r: Record<string, unknown>): PartRange {
	const n = (k: keyof PartRange): number => Number(r[k]);
	return {
		part: String(r.part),
		file_bytes: n('file_bytes'),
		footer_bytes: n('footer_bytes'),
		span_start: n('span_start'),
		span_end: n('span_end'),
		first_group: n('first_group'),
		last_group: n('last_group'),
		row_offset: n('row_offset'),
		rows: n('rows')
	};
}
