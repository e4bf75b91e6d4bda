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
import { parquetInfoAsync, parquetToIpc } from '$lib/ingest/parquet';
import { withKnownMissions, writeTables, type TableWrite } from '$lib/ingest/write';
import { httpRangeFile } from '$lib/live/range';
import type { FileMetaData } from 'hyparquet';
import type { ArchiveMission } from './manifest';

/** The rows [start, end) of the row groups whose mission_id range holds `id`; null: none. */
export function rowsOf(meta: FileMetaData, id: string): [number, number] | null {
	let at = 0;
	let first = -1;
	let end = -1;
	for (const g of meta.row_groups) {
		const n = Number(g.num_rows);
		const col = g.columns.find((c) => c.meta_data?.path_in_schema[0] === 'mission_id');
		const s = col?.meta_data?.statistics;
		const lo = s?.min_value ?? s?.min;
		const hi = s?.max_value ?? s?.max;
		// Without statistics a row group may hold anything: read it.
		const holds = typeof lo !== 'string' || typeof hi !== 'string' || (lo <= id && id <= hi);
		if (holds) {
			if (first < 0) first = at;
			end = at + n;
		}
		at += n;
	}
	return first < 0 ? null : [first, end];
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
		const rows = rowsOf(p.info.metadata, m.mission_id);
		if (!rows || !hasMissionId(cols)) return [];
		const started = parquetToIpc(p.file, cols, p.info.metadata, rows).then((ipc) => ({
			ipc,
			typed: false
		}));
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
