/**
 * One archived mission into the engine by range reads. With the manifest's row-group index
 * (`ranges`), each data file's footer and the span of the mission's row groups are asked for at
 * once (one request when they nearly touch), and only the mission's rows of those groups are
 * decoded. Without it (an older archive): the file's size, its footer, then the row groups whose
 * `mission_id` statistics hold the mission (rows are sorted by mission). Decoded by parquet-wasm
 * (hyparquet where it cannot); neighbouring missions sharing those row groups are left out by the
 * writer (`only`); the transaction, checks and notes are the dropped files' own.
 */
import { isContractTable, type ContractTable } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { contractColumns } from '$lib/ingest/columns';
import { hasMissionId, presentColumns, sortByContract } from '$lib/ingest/contract-parquet';
import type { IngestResult } from '$lib/ingest';
import { IngestError } from '$lib/ingest/notes';
import { columnSpan, parquetInfoAsync, parquetInfoOfTail, parquetToIpc } from '$lib/ingest/parquet';
import { withKnownMissions, writeTables, type TableWrite } from '$lib/ingest/write';
import { httpRangeFile, type RangeFile } from '$lib/live/range';
import { decodeRowGroups, type Staged } from '$lib/ingest/decode';
import { decodeRowGroupsOffthread } from '$lib/ingest/parquet-offthread';
import type { ContractColumn } from '$lib/ingest/parquet';
import type { FilePiece } from '$lib/ingest/sparse';
import type { FileMetaData } from 'hyparquet';
import type { ArchiveMission, PartRange } from './manifest';

/** One data file of the mission: where it is, its footer, and the rows of it wanted. */
interface Part {
	table: ContractTable;
	url: string;
	file: RangeFile;
	info: Awaited<ReturnType<typeof parquetInfoAsync>>;
	first: number;
	last: number;
	/** The mission's rows counted from row group `first` (the index knows them). */
	rows?: { offset: number; limit: number };
	/** The row groups' bytes, fetched with the footer (the index knows where they are). */
	span?: FilePiece;
}

/** A gap up to this between the row groups and the footer is read rather than asked for twice. */
const MERGE_GAP = 256 * 1024;
/** Row groups' bytes up to this are decoded in the page's thread, larger ones in a worker. */
const IN_THREAD = 256 * 1024;

/** The row groups whose mission_id range holds `id` (all of one without statistics), in order. */
export function groupsOf(meta: FileMetaData, id: string): number[] {
	const out: number[] = [];
	meta.row_groups.forEach((g, i) => {
		const col = g.columns.find((c) => c.meta_data?.path_in_schema[0] === 'mission_id');
		const s = col?.meta_data?.statistics;
		const lo = s?.min_value ?? s?.min;
		const hi = s?.max_value ?? s?.max;
		// Without statistics a row group may hold anything: read it.
		if (typeof lo !== 'string' || typeof hi !== 'string' || (lo <= id && id <= hi)) out.push(i);
	});
	return out;
}

/** The rows [start, end) of row groups `first`..`last`. */
function rowSpan(meta: FileMetaData, first: number, last: number): [number, number] {
	const before = meta.row_groups.slice(0, first).reduce((n, g) => n + Number(g.num_rows), 0);
	const inside = meta.row_groups.slice(first, last + 1).reduce((n, g) => n + Number(g.num_rows), 0);
	return [before, before + inside];
}

/**
 * The size of a file on the server, to read it by ranges: HEAD's Content-Length (readable across
 * origins), else a one-byte range's Content-Range total (readable on the same origin, or where
 * the server exposes it).
 */
async function sizeOf(url: string, f: typeof fetch): Promise<number> {
	const head = await f(url, { method: 'HEAD' }).catch(() => null);
	const len = Number(head?.ok ? head.headers.get('content-length') : NaN);
	if (Number.isFinite(len) && len > 0) return len;
	const res = await f(url, { headers: { Range: 'bytes=0-0' } });
	const total = res.status === 206 ? res.headers.get('content-range')?.split('/')[1] : null;
	const n = Number(total ?? NaN);
	await res.body?.cancel().catch(() => undefined);
	if (!res.ok || !Number.isFinite(n) || n <= 0)
		throw new IngestError(
			url,
			`${url} answered HTTP ${res.status} without a size: the archive is missing this file`,
			'Run `npm run archive -- verify <dir>` on the archive.'
		);
	return n;
}

/**
 * Row groups `first`..`last` of a part (only the mission's rows of them when the index says
 * which): their column chunks fetched in one range request unless they came with the footer,
 * decoded by parquet-wasm (the file's types) in a decoding worker; hyparquet over the same rows
 * where it cannot.
 */
async function decodeGroups(p: Part, cols: ContractColumn[]): Promise<Staged> {
	const { metadata: meta, footer } = p.info;
	const { first, last } = p;
	const span = columnSpan(
		meta,
		cols.map((c) => c.name),
		[first, last]
	);
	if (span) {
		const piece = p.span ?? {
			offset: span[0],
			bytes: new Uint8Array(await p.file.slice(span[0], span[1]))
		};
		const groups = Array.from({ length: last - first + 1 }, (_, i) => first + i);
		// A small span decodes here in a few ms, where a worker's queue would keep it waiting
		// behind the big tables (and the writer takes the mission table first).
		const decode = piece.bytes.length < IN_THREAD ? decodeRowGroups : decodeRowGroupsOffthread;
		const typed = await decode(
			{ name: p.url, byteLength: p.file.byteLength, pieces: [...footer, piece] },
			cols,
			groups,
			p.rows
		);
		if (typed) return typed;
	}
	const [start, end] = rowSpan(meta, first, last);
	const rows: [number, number] = p.rows
		? [start + p.rows.offset, start + p.rows.offset + p.rows.limit]
		: [start, end];
	return { ipc: await parquetToIpc(p.file, cols, meta, rows), typed: false };
}

/** A part by the index: its footer and its row groups asked for at once, no size request. */
async function indexedPart(url: string, r: PartRange, f: typeof fetch): Promise<Part | null> {
	const file = httpRangeFile(url, r.file_bytes, undefined, f);
	const at = r.file_bytes - r.footer_bytes - 8;
	const merged = at - r.span_end <= MERGE_GAP;
	const [tail, span] = await Promise.all([
		file.slice(merged ? r.span_start : at, r.file_bytes),
		merged ? null : file.slice(r.span_start, r.span_end)
	]);
	const bytes = new Uint8Array(tail);
	let info: Part['info'];
	try {
		info = parquetInfoOfTail(merged ? bytes.subarray(at - r.span_start) : bytes, at);
	} catch (e) {
		throw IngestError.from(e, url);
	}
	return {
		table: tableOf(url, r.part),
		url,
		file,
		info,
		first: r.first_group,
		last: r.last_group,
		rows: { offset: r.row_offset, limit: r.rows },
		span: { offset: r.span_start, bytes: span ? new Uint8Array(span) : bytes }
	};
}

/** A part without the index: its size, its footer, then its groups by their statistics. */
async function footerPart(url: string, part: string, id: string, f: typeof fetch) {
	const file = httpRangeFile(url, await sizeOf(url, f), undefined, f);
	const info = await parquetInfoAsync(file).catch((e: unknown) => {
		throw IngestError.from(e, url);
	});
	const groups = groupsOf(info.metadata, id);
	const first = groups[0];
	const last = groups.at(-1);
	if (first === undefined || last === undefined) return null;
	return { table: tableOf(url, part), url, file, info, first, last };
}

function tableOf(url: string, part: string): ContractTable {
	const table = part.split('/')[0] ?? '';
	if (!isContractTable(table))
		throw new IngestError(url, `${part} is not a contract table's file`, 'Check the manifest.');
	return table;
}

/**
 * A mission's data files fetched (footers and row groups) and their decoding under way: all a
 * load needs before it writes. Started on its own when a link to the mission is pressed, so
 * the network and decoding overlap the page's navigation.
 */
export async function prepareArchiveMission(
	db: Db,
	root: string,
	m: ArchiveMission,
	f: typeof fetch = fetch
): Promise<TableWrite[]> {
	const ranges = new Map((m.ranges() ?? []).map((r) => [r.part, r]));
	const [mine, found] = await Promise.all([
		contractColumns(db),
		Promise.all(
			m.parts.map(async (part) => {
				const url = new URL(part, root).href;
				const r = ranges.get(part);
				return r ? indexedPart(url, r, f) : footerPart(url, part, m.mission_id, f);
			})
		)
	]);
	const parts = found.filter((p): p is Part => p !== null);
	return sortByContract(parts).flatMap((p): TableWrite[] => {
		const cols = presentColumns(mine, p.table, p.info);
		if (!hasMissionId(cols)) return [];
		const started = decodeGroups(p, cols);
		started.catch(() => undefined);
		// Only the mission's rows when the index said which: appended as they are (write-exact.ts).
		return [{ table: p.table, file: p.url, cols, ipc: () => started, pure: !!p.rows }];
	});
}

/**
 * Load one archived mission (`prepared`: its files already under way, see
 * prepareArchiveMission); returns what a load returns (the mission, when it is new).
 */
export async function loadArchiveMission(
	db: Db,
	root: string,
	m: ArchiveMission,
	f: typeof fetch = fetch,
	prepared?: Promise<TableWrite[]>
): Promise<IngestResult> {
	const tables = await (prepared ?? prepareArchiveMission(db, root, m, f));
	const missionIds = await withKnownMissions(db, () =>
		writeTables(db, { file: root, tables, only: [m.mission_id] })
	);
	const notes = missionIds.length
		? []
		: [{ file: root, message: `mission ${m.mission_id} is already loaded; skipped` }];
	return { missionIds, notes, quality: {}, tables: [], errors: [], sources: [] };
}
