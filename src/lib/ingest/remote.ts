/**
 * Entries for files that are not in memory: a mission folder of contract Parquet read by HTTP
 * ranges (a Pi's mission on a slow link), and a .duckdb read in place over HTTP. Both end in the
 * same checks and writer as dropped files (contract-parquet.ts, write.ts).
 */
import type { Db } from '$lib/db/types';
import { contractColumns } from './columns';
import {
	checkedInfo,
	contractTableOf,
	hasMissionId,
	presentColumns,
	sortByContract,
	writeFolder
} from './contract-parquet';
import { loadDuckDbFile } from './duckdb-file';
import type { RangedFile } from './files';
import type { IngestOptions, IngestResult } from './ingest';
import { IngestError, type IngestNote } from './notes';
import { columnSpan, parquetInfoAsync, parquetToIpc, prefetched } from './parquet';
import { decodeParquetPieces } from './parquet-offthread';
import type { FilePiece } from './sparse';
import { withKnownMissions, type TableWrite } from './write';

/**
 * Load one mission folder of contract Parquet files read by ranges: every footer first (a few
 * KiB each, in parallel; all checked before the database is touched or megabytes move), then
 * only the column chunks the contract needs, one table after another in the order they are
 * decoded, so the next table downloads while this one decodes (in a worker, with its footer
 * and column chunks: the page only does the network reads). Same transaction, checks and notes
 * as dropped files.
 */
export async function ingestRanged(
	db: Db,
	files: RangedFile[],
	opts: Pick<IngestOptions, 'onProgress'> = {}
): Promise<IngestResult> {
	const notes: IngestNote[] = [];
	const mine = await contractColumns(db);
	const parts = await Promise.all(
		files.map(async (f) => {
			const table = contractTableOf(f.name);
			if (!table)
				throw new IngestError(
					f.name,
					`${f.name} is not a contract table`,
					'Open the mission folder of contract v1 Parquet files.'
				);
			const info = await checkedInfoAsync(f, notes);
			return { table, name: f.name, source: f.file, info, metadata: info.metadata };
		})
	);
	// Each table's column chunks are fetched after the previous table's (one request each), so
	// the next table downloads while this one decodes. The network reads stay here; a table's
	// decoding starts as soon as its chunks are in, in a worker (its footer and chunks go with it).
	let after: Promise<unknown> = Promise.resolve();
	const tables = sortByContract(parts).map((p): TableWrite => {
		const cols = presentColumns(mine, p.table, p.info);
		const job: TableWrite = { table: p.table, file: p.name, cols, ipc: null };
		if (!hasMissionId(cols)) return job;
		// Decoding in this thread, fetching what it needs: without a span (no needed column has
		// chunks), or when no worker could take the pieces.
		const inThread = async () => ({
			ipc: await parquetToIpc(p.source, cols, p.metadata),
			typed: false
		});
		const span = columnSpan(
			p.metadata,
			cols.map((c) => c.name)
		);
		if (!span) return { ...job, ipc: inThread };
		// The footer's bytes are copied: the pieces are handed over to the worker.
		const footer = p.info.footer.map((f) => ({ offset: f.offset, bytes: f.bytes.slice() }));
		let chunks: Promise<FilePiece[]>;
		if (footer.some((f) => f.offset <= span[0] && f.offset + f.bytes.length >= span[1])) {
			chunks = Promise.resolve([]); // a small file: its footer read had it all
		} else {
			const pre = prefetched(p.source, span, after);
			after = pre.done;
			chunks = pre.piece.then((piece) => [piece]);
		}
		const started = chunks.then((got) =>
			decodeParquetPieces(
				{ name: p.name, byteLength: p.source.byteLength, pieces: [...footer, ...got] },
				cols,
				inThread
			)
		);
		started.catch(() => undefined);
		return { ...job, ipc: () => started };
	});
	let done = 0;
	const tick = (file: string): void =>
		opts.onProgress?.({ file, done: ++done, total: files.length });
	const plan = { first: parts[0]?.name ?? '', files: parts.map((f) => f.name), notes: [], tables };
	const missionIds = await withKnownMissions(db, () => writeFolder(db, plan, notes, tick));
	return { missionIds, notes, quality: {}, tables: [], errors: [], sources: [] };
}

/** A footer read by ranges, its contract version checked (see checkedInfo). */
async function checkedInfoAsync(f: RangedFile, notes: IngestNote[]) {
	let info: Awaited<ReturnType<typeof parquetInfoAsync>>;
	try {
		info = await parquetInfoAsync(f.file);
	} catch (e) {
		throw IngestError.from(e, f.name);
	}
	return checkedInfo(f.name, () => info, notes);
}

/**
 * Load a contract .duckdb read in place over HTTP (DuckDB's HTTP file system: range requests
 * for the blocks it touches) instead of downloaded whole.
 */
export async function ingestDuckDbUrl(db: Db, name: string, url: string): Promise<IngestResult> {
	const notes: IngestNote[] = [];
	const mine = await contractColumns(db);
	const missionIds = await loadDuckDbFile(db, { name, url }, mine, notes);
	return { missionIds, notes, quality: {}, tables: [], errors: [], sources: [] };
}
