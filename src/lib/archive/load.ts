/**
 * One archived mission into the engine by range reads: for each data file the manifest names,
 * its footer (one request), then only the row groups whose `mission_id` statistics hold the
 * mission (rows are sorted by mission, row groups of 100 000 rows), decoded by hyparquet from
 * the byte ranges it asks for. Neighbouring missions sharing those row groups are left out by
 * the writer (`only`); the transaction, checks and notes are the dropped files' own.
 */
import { isContractTable, type ContractTable } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { contractColumns } from '$lib/ingest/columns';
import { hasMissionId, presentColumns, sortByContract } from '$lib/ingest/contract-parquet';
import type { IngestResult } from '$lib/ingest';
import { IngestError } from '$lib/ingest/notes';
import { columnSpan, parquetInfoAsync, parquetToIpc } from '$lib/ingest/parquet';
import { withKnownMissions, writeTables, type TableWrite } from '$lib/ingest/write';
import { httpRangeFile, type RangeFile } from '$lib/live/range';
import { decodeRowGroups, type Staged } from '$lib/ingest/decode';
import type { ContractColumn } from '$lib/ingest/parquet';
import type { FileMetaData } from 'hyparquet';
import type { ArchiveMission } from './manifest';

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
 * Row groups `first`..`last` of a part: their column chunks fetched in one range request and
 * decoded by parquet-wasm (the file's types); hyparquet over the same rows where it cannot.
 */
async function decodeGroups(
	p: { url: string; file: RangeFile; info: Awaited<ReturnType<typeof parquetInfoAsync>> },
	cols: ContractColumn[],
	first: number,
	last: number
): Promise<Staged> {
	const meta = p.info.metadata;
	const span = columnSpan(
		meta,
		cols.map((c) => c.name),
		[first, last]
	);
	if (span) {
		const bytes = new Uint8Array(await p.file.slice(span[0], span[1]));
		const pieces = [...p.info.footer, { offset: span[0], bytes }];
		const groups = Array.from({ length: last - first + 1 }, (_, i) => first + i);
		const typed = await decodeRowGroups(
			{ name: p.url, byteLength: p.file.byteLength, pieces },
			cols,
			groups
		);
		if (typed) return typed;
	}
	const rows = rowSpan(meta, first, last);
	return { ipc: await parquetToIpc(p.file, cols, meta, rows), typed: false };
}

/** Load one archived mission; returns what a load returns (the mission, when it is new). */
export async function loadArchiveMission(
	db: Db,
	root: string,
	m: ArchiveMission,
	f: typeof fetch = fetch
): Promise<IngestResult> {
	const mine = await contractColumns(db);
	const parts = await Promise.all(
		m.parts.map(async (part) => {
			const table = part.split('/')[0] ?? '';
			const url = new URL(part, root).href;
			if (!isContractTable(table))
				throw new IngestError(url, `${part} is not a contract table's file`, 'Check the manifest.');
			const file = httpRangeFile(url, await sizeOf(url, f), undefined, f);
			const info = await parquetInfoAsync(file).catch((e: unknown) => {
				throw IngestError.from(e, url);
			});
			return { table: table as ContractTable, url, file, info };
		})
	);
	const tables = sortByContract(parts).flatMap((p): TableWrite[] => {
		const cols = presentColumns(mine, p.table, p.info);
		const groups = groupsOf(p.info.metadata, m.mission_id);
		const first = groups[0];
		const last = groups.at(-1);
		if (first === undefined || last === undefined || !hasMissionId(cols)) return [];
		const started = decodeGroups(p, cols, first, last);
		started.catch(() => undefined);
		return [{ table: p.table, file: p.url, cols, ipc: () => started }];
	});
	const missionIds = await withKnownMissions(db, () =>
		writeTables(db, { file: root, tables, only: [m.mission_id] })
	);
	const notes = missionIds.length
		? []
		: [{ file: root, message: `mission ${m.mission_id} is already loaded; skipped` }];
	return { missionIds, notes, quality: {}, tables: [], errors: [], sources: [] };
}
