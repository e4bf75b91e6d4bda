/**
 * One lane of a library import (see library-import.ts): it takes chunks until none is left,
 * writes each into a scratch catalog of an engine of its own (or the tab's engine without
 * storage), and keeps them every `settleBytes` (library-keep.ts).
 */
import type { Db, Scratch } from '$lib/db/types';
import { timed } from '$lib/perf';
import { ingest, type IngestResult, type NamedBytes } from '$lib/ingest';
import { contractColumns, narrowed } from '$lib/ingest/columns';
import { contractTableOf, decodeAheadOf } from '$lib/ingest/contract-parquet';
import { parquetInfo } from '$lib/ingest/parquet';
import { readUnits, type PickedFile } from '$lib/ingest/dropped-files';
import { IngestError } from '$lib/ingest/notes';
import { importCounts } from '$lib/queries/ingest-import-counts';
import { addCounts, alreadyLoaded, COUNTED_TABLES } from '$lib/transforms/import-summary';
import type { CHUNK, ImportDeps, LibraryImport } from './library-import';
import {
	LIBRARY_READS,
	importScratch,
	keep,
	libraryRows,
	scratchAhead,
	type Chunk
} from './library-keep';

/** What a lane of an import shares with the others. */
export interface Lane {
	deps: ImportDeps;
	chunk: typeof CHUNK;
	out: LibraryImport;
	/** Rows leave the engine once kept (the library is durable). */
	dropRows: boolean;
	scratchy: boolean;
	/** The next chunk to import, or null when none is left or the import is cancelled. */
	take(): PickedFile[][] | null;
	/** False once the import is cancelled (a chunk read ahead is then not imported). */
	live(): boolean;
	read(files: number): void;
	done(bytes: number): void;
}

/** Import chunks until none is left: into scratch catalogs of its own engine, or the tab's. */
export async function runLane(l: Lane): Promise<void> {
	const { deps, out } = l;
	const engine: Promise<Db> | null = !l.scratchy
		? null
		: deps.db.isolated
			? timed('import:engine', () => (deps.db.isolated as () => Promise<Db>)()).catch(
					() => deps.db // no second engine (a memory limit): the tab's own then
				)
			: Promise.resolve(deps.db);
	// The tab's engine takes writes in the loader's turn; an engine of the import's own does not.
	const turn = <T>(db: Db, run: () => Promise<T>): Promise<T> =>
		db === deps.db ? deps.inTurn(run) : run();
	let scratch: Scratch | null = null;
	// The lane's scratch catalog: made ahead in a held engine, or here as soon as the engine is up,
	// beside the first chunk's read (in turn it was 220 ms before the first write).
	const made: Promise<Scratch> | null = engine
		? engine.then(
				(e) => scratchAhead(e) ?? timed('import:scratch', () => importScratch(e, deps.db))
			)
		: null;
	made?.catch(() => undefined); // its error is the first chunk's
	const pending: Chunk[] = [];
	// Storing a settled batch (OPFS writes) runs beside the next chunk's ingest; one at a time.
	let storing: Promise<void> = Promise.resolve();
	const settle = async (db: Db): Promise<void> => {
		const batch = pending.splice(0);
		const rows = await libraryRows(db, batch, (run) => turn(db, run));
		// The batch's rows counted exactly, in the same pass as its library rows (counted per
		// chunk, each count scanned the whole scratch catalog: ~0.8 s of the engine at 100 h).
		out.tally = addCounts(out.tally, rows.counts, rows.ids);
		out.unsettledRows -= batch.reduce((n, c) => n + (c.footerRows ?? 0), 0);
		// The rows go; the catalog stays for the next chunk (with its tables as narrowed).
		await scratch?.empty();
		await storing;
		storing = keep(deps, db !== deps.db, batch, rows);
	};
	try {
		// The next chunk is read while this one goes in, and its decoding starts as soon as it is
		// read (decodeAheadOf), beside the engine's work on this one and on the library rows.
		const narrow = l.scratchy ? LIBRARY_READS : {};
		const planned = contractColumns(deps.db).then((cols) => narrowed(cols, narrow));
		const next = (): { units: PickedFile[][]; read: ReturnType<typeof readUnits> } | null => {
			const units = l.take();
			if (!units) return null;
			const read = readUnits(units);
			void Promise.all([read, planned])
				.then(([{ files }, mine]) => (l.live() ? decodeAheadOf(files, mine) : undefined))
				.catch(() => undefined);
			return { units, read };
		};
		for (let chunk = next(); chunk && l.live();) {
			const reading = chunk.read;
			const { files, errors } = await timed('import:wait-read', () => reading);
			chunk = next(); // null once cancelled (take() says so)
			out.errors.push(...errors);
			out.tally.failed += errors.length;
			if (made && !scratch) scratch = await made;
			const into = scratch ?? deps.db;
			let result: IngestResult | null = null;
			try {
				const known = scratch
					? [...deps.stored.missions.map((m) => m.mission_id), ...out.missionIds]
					: [];
				result = await timed('import:ingest', () =>
					turn(into, () =>
						ingest(into, files, { known, knownOnly: !!scratch, onProgress: () => l.read(1) })
					)
				);
			} catch (e) {
				out.errors.push(IngestError.from(e, files[0]?.name ?? 'the library'));
			}
			if (result) {
				// Rows whose library rows are computed at the next settle are counted exactly there;
				// until then the progress shows their files' row counts (from the footers).
				const footer = l.dropRows ? footerRows(files, result) : null;
				await tallyChunk(into, out, result, footer);
				if (!l.dropRows) void deps.stored.stage(files, result.sources).catch(() => undefined);
				else pending.push({ files, result, footerRows: footer ?? 0 });
			}
			l.done(bytesOf(files));
			if (pending.reduce((n, p) => n + bytesOf(p.files), 0) >= l.chunk.settleBytes)
				await settle(into);
		}
		if (pending.length) await settle(scratch ?? deps.db);
		await storing;
	} finally {
		// Made and not yet taken (a cancel, a failed read): closed all the same.
		await (scratch ?? (await made?.catch(() => null)))?.close();
		const e = await engine;
		if (e && e !== deps.db) await e.close();
	}
}

const bytesOf = (files: NamedBytes[]): number => files.reduce((n, f) => n + f.bytes.length, 0);

/** Rows of the missions a chunk added in the tables a summary counts, from their files' footers. */
function footerRows(files: NamedBytes[], result: IngestResult): number {
	const byName = new Map(files.map((f) => [f.name, f]));
	let n = 0;
	for (const s of result.sources)
		for (const name of s.files) {
			const f = byName.get(name);
			const table = f && contractTableOf(f.name);
			if (!f || !table || !COUNTED_TABLES.includes(table)) continue;
			try {
				n += parquetInfo(f.bytes).numRows;
			} catch {
				// not Parquet after all: counted at the settle
			}
		}
	return n;
}

/**
 * Add a chunk's missions, notes and errors to the import's tally, and its rows: counted by SQL
 * here, or (`footer`) known from its files' footers until its settle counts them (the progress's
 * rows move as each chunk goes in; counted only at settles, they stood at 0 through a 10-hour
 * import).
 */
async function tallyChunk(
	db: Db,
	out: LibraryImport,
	result: IngestResult,
	footer: number | null
): Promise<void> {
	const ids = result.missionIds;
	out.missionIds.push(...ids);
	out.errors.push(...result.errors);
	out.notes.push(...result.notes);
	if (footer !== null) out.unsettledRows += footer;
	else if (ids.length)
		out.tally = addCounts(out.tally, await timed('import:counts', () => importCounts(db)), ids);
	out.tally.already += alreadyLoaded(result.notes);
	out.tally.failed += result.errors.length;
}
