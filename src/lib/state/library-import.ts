/**
 * A library import (issue 15): many missions chosen or dropped at once, in chunks of a few mission
 * folders read from disk as the lane takes them (library-lane.ts), so the tab holds a chunk's file
 * bytes at a time (and the next one's, read ahead). Where the browser keeps the library (OPFS),
 * the rows never enter the tab's engine: each chunk goes into a scratch catalog of an engine of
 * the import's own, with only the columns the library rows read (LIBRARY_READS), its library
 * rows and dwell are computed there every `settleBytes`, the catalog is detached and
 * its files stored whole (library-keep.ts); the engine is ended with the import, so its memory
 * goes back. A
 * mission's rows come back when it is opened (or all, with "Load all"), exactly as after a reload.
 * Without storage the rows go into the tab's engine and stay. Progress says files, bytes, rows
 * and time left; the import can be cancelled between chunks (what was imported before stays).
 */
import type { Db } from '$lib/db/types';
import type { IngestResult } from '$lib/ingest';
import { contractColumns } from '$lib/ingest/columns';
import { chunker, sourceUnits, type PickedFile } from '$lib/ingest/dropped-files';
import { checkSize, DEFAULT_MAX_BYTES } from '$lib/ingest/limits';
import { IngestError } from '$lib/ingest/notes';
import { releaseParquetDecoder } from '$lib/ingest/parquet-offthread';
import { releaseHasher } from '$lib/persist/hash';
import { pageTurns } from '$lib/perf';
import { timeLeft, type RateBase } from '$lib/progress';
import {
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
import { runLane, type Lane } from './library-lane';

/**
 * A chunk: at most this many load units (mission folders, files) and about this many bytes read
 * and loaded at once (the ingest decodes a write batch ahead only inside one call); library rows
 * are computed, stored and dropped from the engine once about `settleBytes` have come in (the KPI
 * query costs the same for 8 missions as for 30); `lanes` chunks go in at once, each lane in an
 * engine of its own.
 */
export const CHUNK = { units: 8, bytes: 24e6, settleBytes: 48e6, lanes: 1 };

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
	/** Rows in the engine not yet in `tally` (by their files' footers; counted at the next settle). */
	unsettledRows: number;
	cancelled: boolean;
}

/** How often a library import's progress is shown, ms. */
export const PROGRESS_MS = 500;

/** Import picked files chunk by chunk (see the module comment). */
export async function importLibrary(
	deps: ImportDeps,
	picked: PickedFile[],
	signal: AbortSignal,
	chunk = CHUNK
): Promise<LibraryImport> {
	const { units, skipped } = sourceUnits(picked);
	// Chunks are made as the lanes take them, asking only their files' sizes (chunker), so the
	// first chunk is read at once; the total is summed in slices between page turns beside it.
	const nextChunk = chunker(units, chunk);
	let bytesTotal: number | null = null;
	void (async () => {
		const turn = pageTurns(40);
		let total = 0;
		for (const f of units.flat()) {
			total += f.file.size;
			await turn();
		}
		bytesTotal = total;
	})();
	await deps.stored.ready();
	const dropRows = deps.stored.durable;
	const out: LibraryImport = {
		missionIds: [],
		errors: [],
		notes: [],
		tally: { ...emptyTally(), notData: skipped.length },
		unsettledRows: 0,
		cancelled: false
	};
	let base: RateBase | null = null; // at the first chunk's end (see timeLeft)
	let bytesDone = 0;
	let filesDone = 0;
	const filesTotal = units.flat().length;
	// Files read are shown at most PROGRESS_MS apart (the last a little later), a chunk's end at
	// once: drawn per file, the bar repainted every frame of a 100-hour import, and the page and
	// the GPU process spent ~8 s of the two cores' ~42 on it under software GL.
	let shown = -Infinity;
	let later: ReturnType<typeof setTimeout> | null = null;
	const report = (label: string, now = performance.now(), force = false): void => {
		if (!force && now - shown < PROGRESS_MS) {
			later ??= setTimeout(
				() => {
					later = null;
					report(label);
				},
				PROGRESS_MS - (now - shown)
			);
			return;
		}
		shown = now;
		if (later) clearTimeout(later);
		later = null;
		deps.progress({
			label,
			done: filesDone,
			total: filesTotal,
			...(bytesTotal !== null ? { bytes: { done: bytesDone, total: bytesTotal } } : {}),
			rows: totalRows(out.tally) + out.unsettledRows,
			etaS: timeLeft(base, now, bytesDone, bytesTotal)
		});
	};
	report('Importing the library');
	// Rows that leave the engine once kept are written into scratch catalogs (db/scratch.ts):
	// uncompressed, so a COMMIT does not compress them, and detached whole once kept. They are
	// made in engines of the import's own where there can be (ended at the end: the memory their
	// work took, ~370 MB of wasm heap at 100 hours, goes back), one per lane. DuckDB-WASM runs one
	// thread, but two lanes on this 2-core box were 13 % faster for 730–830 MB, so one is the default.
	const scratchy = dropRows && !!deps.db.scratch;
	if (scratchy) await contractColumns(deps.db);
	const lanes = scratchy && deps.db.isolated ? chunk.lanes : 1;
	// A file the tab cannot hold is named and its unit left out; the rest goes on.
	const fits = (u: PickedFile[]): boolean => {
		for (const f of u)
			try {
				checkSize(f.path, f.file.size, DEFAULT_MAX_BYTES);
			} catch (e) {
				out.errors.push(IngestError.from(e, f.path));
				out.tally.failed += 1;
				return false;
			}
		return true;
	};
	const lane: Lane = {
		deps,
		chunk,
		out,
		dropRows,
		scratchy,
		live: () => {
			if (signal.aborted) out.cancelled = true;
			return !signal.aborted;
		},
		take: () => {
			if (signal.aborted) out.cancelled = true;
			for (let c = signal.aborted ? null : nextChunk(); c; c = nextChunk()) {
				const ok = c.filter(fits);
				if (ok.length) return ok;
			}
			return null;
		},
		read(files) {
			filesDone += files;
			report('Importing the library');
		},
		done(bytes) {
			bytesDone += bytes;
			base ??= { t: performance.now(), bytes: bytesDone };
			// A chunk's end is shown at once (its rows are in): a few per second at most.
			report('Importing the library', performance.now(), true);
		}
	};
	try {
		await Promise.all(Array.from({ length: lanes }, () => runLane(lane)));
	} finally {
		if (later) clearTimeout(later);
	}
	return out;
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
		// The import's own engine starts now, beside the files' sizes and plan (~1 s at 100 hours
		// before its lane asks for it); after the folder dialog it is up already.
		void app.stored
			.ready()
			.then(() => app.stored.durable && db.prepareIsolated?.())
			.catch(() => undefined);
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
