/**
 * A library import (issue 15): many missions chosen or dropped at once. Loaded in chunks of a few
 * dozen mission folders (three write batches, so the workers decode one batch while the engine
 * writes the one before), read from disk when the one before is kept, so the tab holds one
 * chunk's file bytes at a time. Where the browser keeps the library (OPFS), the engine keeps
 * only what the library table and the fleet view need: each chunk's library rows and dwell are
 * computed, its files stored, and its rows dropped from the engine (DuckDB gives the memory
 * back). A mission's rows come back when it is opened (or all, with "Load all"), exactly as after
 * a reload: one state, whatever the size, and 100 flight hours fit in the tab. Without storage
 * the rows stay in the engine. Progress says files, bytes, rows and time left; the import can be
 * cancelled between chunks (what was imported before stays).
 */
import type { Db } from '$lib/db/types';
import { timed } from '$lib/perf';
import { ingest, type IngestResult, type NamedBytes } from '$lib/ingest';
import { contractColumns, sameColumns } from '$lib/ingest/columns';
import { chunkUnits, readUnits, sourceUnits, type PickedFile } from '$lib/ingest/dropped-files';
import { checkSize, DEFAULT_MAX_BYTES } from '$lib/ingest/limits';
import { IngestError } from '$lib/ingest/notes';
import { releaseParquetDecoder } from '$lib/ingest/parquet-offthread';
import { releaseHasher } from '$lib/persist/hash';
import { importCounts } from '$lib/queries/ingest-import-counts';
import {
	addCounts,
	alreadyLoaded,
	emptyTally,
	summaryText,
	totalRows,
	type ImportTally
} from '$lib/transforms/import-summary';
import { errorText, noteText } from './messages';
import type { LoadProgress } from './load-job.svelte';
import type { AppState } from './app.svelte';
import type { StoredLibrary } from './stored-library.svelte';
import { keep, libraryRows, type Chunk } from './library-keep';

/**
 * A chunk: at most this many load units (mission folders, files) and about this many bytes read
 * and loaded at once (the ingest decodes a write batch ahead only inside one call); library rows
 * are computed, stored and dropped from the engine once about `settleBytes` have come in (the KPI
 * query costs the same for 8 missions as for 30).
 */
export const CHUNK = { units: 8, bytes: 24e6, settleBytes: 48e6 };

/** What a library import needs from the app. */
export interface ImportDeps {
	db: Db;
	stored: StoredLibrary;
	/** Run a write after the writes started before it (the loader's turn). */
	inTurn<T>(write: () => Promise<T>): Promise<T>;
	progress(p: LoadProgress): void;
}

/** What the import brought (the missions, errors and the tally for the summary). */
export interface LibraryImport {
	missionIds: string[];
	errors: IngestError[];
	notes: IngestResult['notes'];
	tally: ImportTally;
	cancelled: boolean;
}

/** Import picked files chunk by chunk (see the module comment). */
export async function importLibrary(
	deps: ImportDeps,
	picked: PickedFile[],
	signal: AbortSignal,
	chunk = CHUNK
): Promise<LibraryImport> {
	const { units, skipped } = sourceUnits(picked);
	for (const u of units) for (const f of u) checkSize(f.path, f.file.size, DEFAULT_MAX_BYTES);
	const chunks = chunkUnits(units, chunk);
	const bytesTotal = units.flat().reduce((n, f) => n + f.file.size, 0);
	await deps.stored.ready();
	const dropRows = deps.stored.durable;
	const out: LibraryImport = {
		missionIds: [],
		errors: [],
		notes: [],
		tally: { ...emptyTally(), notData: skipped.length },
		cancelled: false
	};
	const started = performance.now();
	let bytesDone = 0;
	let filesDone = 0;
	const filesTotal = units.flat().length;
	const report = (label: string): void => {
		const s = (performance.now() - started) / 1000;
		const left = bytesDone > 0 && s > 1 ? (s * (bytesTotal - bytesDone)) / bytesDone : null;
		deps.progress({
			label,
			done: filesDone,
			total: filesTotal,
			bytes: { done: bytesDone, total: bytesTotal },
			rows: totalRows(out.tally),
			etaS: left
		});
	};
	report('Importing the library');
	// Rows that leave the engine once kept are written into a scratch catalog (db/scratch.ts):
	// uncompressed, so a COMMIT does not compress them, and detached whole once they are kept.
	// The catalogs are made in an engine of the import's own where there can be one (ended at
	// the end: the memory its work took, ~370 MB of wasm heap at 100 hours, goes back), started
	// while the first chunk is read.
	const scratchy = dropRows && !!deps.db.scratch;
	const engine: Promise<Db> | null = !scratchy
		? null
		: deps.db.isolated
			? timed('import:engine', () => (deps.db.isolated as () => Promise<Db>)()).catch(
					() => deps.db // no second engine (a memory limit): the tab's own then
				)
			: Promise.resolve(deps.db);
	let scratch: Db | null = null;
	if (engine) await contractColumns(deps.db);
	const pending: Chunk[] = [];
	// Storing a settled batch (OPFS writes) runs beside the next chunk's ingest; one at a time.
	let storing: Promise<void> = Promise.resolve();
	const settle = async (db: Db): Promise<void> => {
		const batch = pending.splice(0);
		const rows = await libraryRows(deps, db, batch);
		await scratch?.close();
		scratch = null;
		await storing;
		storing = keep(deps, db !== deps.db, batch, rows);
	};
	let next = chunks.length ? readUnits(chunks[0] ?? []) : null;
	try {
		for (let i = 0; i < chunks.length && next; i++) {
			const { files, errors } = await timed(
				'import:wait-read',
				() => next as ReturnType<typeof readUnits>
			);
			out.errors.push(...errors);
			out.tally.failed += errors.length;
			if (signal.aborted) {
				out.cancelled = true;
				break;
			}
			if (engine) {
				const e = await engine;
				if (!scratch) {
					scratch = await timed('import:scratch', () => (e.scratch as () => Promise<Db>)());
					sameColumns(scratch, deps.db);
				}
			}
			const into = scratch ?? deps.db;
			const size = bytesOf(files);
			let result: IngestResult | null = null;
			try {
				const known = scratch
					? [...deps.stored.missions.map((m) => m.mission_id), ...out.missionIds]
					: [];
				result = await timed('import:ingest', () =>
					deps.inTurn(() =>
						ingest(into, files, {
							known,
							onProgress: (p) => {
								filesDone++;
								report(`Importing ${p.file}`);
							}
						})
					)
				);
			} catch (e) {
				out.errors.push(IngestError.from(e, files[0]?.name ?? 'the library'));
			}
			bytesDone += size;
			if (result) {
				await tallyChunk(into, out, result);
				if (!dropRows) void deps.stored.stage(files, result.sources).catch(() => undefined);
				else pending.push({ files, result });
			}
			const last = i + 1 === chunks.length || signal.aborted;
			if (last || pending.reduce((n, p) => n + bytesOf(p.files), 0) >= chunk.settleBytes)
				await settle(into);
			// The next chunk is read once this one's bytes are let go (reading is the quick part).
			next = i + 1 < chunks.length ? readUnits(chunks[i + 1] ?? []) : null;
			report('Importing the library');
		}
		if (pending.length) await settle(scratch ?? deps.db);
		await storing;
	} finally {
		await scratch?.close();
		const e = await engine;
		if (e && e !== deps.db) await e.close();
	}
	return out;
}

const bytesOf = (files: NamedBytes[]): number => files.reduce((n, f) => n + f.bytes.length, 0);

/** Add a chunk's missions, rows, notes and errors to the import's tally. */
async function tallyChunk(db: Db, out: LibraryImport, result: IngestResult): Promise<void> {
	const ids = result.missionIds;
	out.missionIds.push(...ids);
	out.errors.push(...result.errors);
	out.notes.push(...result.notes);
	const counts = ids.length ? await timed('import:counts', () => importCounts(db)) : [];
	out.tally = addCounts(out.tally, counts, ids);
	out.tally.already += alreadyLoaded(result.notes);
	out.tally.failed += result.errors.length;
}

/** The app's side of a library import: the engine, the stored library, messages, the list. */
export interface ImportRun extends Pick<ImportDeps, 'inTurn'> {
	app: Pick<AppState, 'db' | 'stored' | 'say' | 'refresh'>;
	progress(p: LoadProgress | null): void;
}

/**
 * Run a library import for a job: progress with a Cancel, each failed file named, one summary
 * note (missions, rows per table, time span, what was skipped), then the library list refreshed.
 * Returns the missions imported; throws only when nothing could be started.
 */
export async function runLibraryImport(
	run: ImportRun,
	picked: PickedFile[]
): Promise<{ missionIds: string[]; errors: string[] }> {
	const ctrl = new AbortController();
	const { app } = run;
	try {
		const db = await app.db();
		performance.mark('pisad:load-start');
		const deps: ImportDeps = {
			db,
			stored: app.stored,
			inTurn: run.inTurn,
			progress: (p) => run.progress({ ...p, cancel: () => ctrl.abort() })
		};
		const r = await app.stored.quietly(() => importLibrary(deps, picked, ctrl.signal));
		// The decoding and hashing workers' memory goes back before the library is drawn (a wasm
		// heap never shrinks; ~130 MB at 100 hours); the next load starts them again.
		releaseParquetDecoder();
		releaseHasher();
		const errors = r.errors.map(errorText);
		for (const e of errors) app.say('error', e);
		// "Already loaded" is counted in the summary rather than said once per mission.
		for (const n of r.notes) if (!alreadyLoaded([n])) app.say('note', noteText(n));
		const lead = r.cancelled ? 'Import cancelled; what was imported before is kept. ' : '';
		app.say('note', lead + summaryText(r.tally));
		performance.mark('pisad:loaded');
		await app.refresh();
		return { missionIds: r.missionIds, errors };
	} finally {
		run.progress(null);
	}
}
