/**
 * A library import (issue 15): many missions chosen or dropped at once. Loaded in chunks of a few
 * mission folders, read from disk one chunk ahead, so the tab holds at most two chunks' file
 * bytes. A library too large to sit in this tab's engine (over {@link ENGINE_KEEP_BYTES}) and a
 * browser that keeps it (OPFS) keeps only what the library and the fleet view need: each chunk's
 * library rows and dwell are computed, its files stored, and its rows dropped from the engine;
 * a mission's rows come back when it is opened (or all, with "Load all"). Progress says files,
 * bytes, rows, time left, and the import can be cancelled between chunks (what was loaded stays).
 */
import type { Db } from '$lib/db/types';
import { ingest, type IngestResult, type NamedBytes } from '$lib/ingest';
import { sourceUnits, type PickedFile } from '$lib/ingest/dropped-files';
import { checkSize, DEFAULT_MAX_BYTES } from '$lib/ingest/limits';
import { IngestError } from '$lib/ingest/notes';
import { importCounts } from '$lib/queries/ingest-import-counts';
import { missionKpiSql } from '$lib/queries/kpi-mission-kpis';
import { stateDwell } from '$lib/queries/kpi-state-dwell';
import { deleteMissions } from '$lib/queries/mission-delete';
import { missionList } from '$lib/queries/mission-list';
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

/** A library up to this many bytes of files keeps its rows in the engine (about 25 flight hours). */
export const ENGINE_KEEP_BYTES = 96e6;
/** A chunk: at most this many load units (mission folders, files)… */
const CHUNK_UNITS = 8;
/** …and about this many bytes. */
const CHUNK_BYTES = 24e6;

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
	signal: AbortSignal
): Promise<LibraryImport> {
	const { units, skipped } = sourceUnits(picked);
	for (const u of units) for (const f of u) checkSize(f.path, f.file.size, DEFAULT_MAX_BYTES);
	const chunks = chunked(units);
	const bytesTotal = units.flat().reduce((n, f) => n + f.file.size, 0);
	const dropRows = deps.stored.durable && bytesTotal > ENGINE_KEEP_BYTES;
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
	let next = chunks.length ? readChunk(chunks[0] ?? []) : null;
	for (let i = 0; i < chunks.length && next; i++) {
		const { files, errors } = await next;
		out.errors.push(...errors);
		out.tally.failed += errors.length;
		if (signal.aborted) {
			out.cancelled = true;
			break;
		}
		// Read the next chunk from disk while this one goes into the engine.
		next = i + 1 < chunks.length ? readChunk(chunks[i + 1] ?? []) : null;
		const size = files.reduce((n, f) => n + f.bytes.length, 0);
		let result: IngestResult | null = null;
		try {
			result = await deps.inTurn(() =>
				ingest(deps.db, files, {
					onProgress: (p) => {
						filesDone++;
						report(`Importing ${p.file}`);
					}
				})
			);
		} catch (e) {
			out.errors.push(IngestError.from(e, files[0]?.name ?? 'the library'));
		}
		bytesDone += size;
		if (result) await settle(deps, out, files, result, dropRows);
		report('Importing the library');
	}
	return out;
}

/** Count a chunk's rows, then keep it: stored and dropped from the engine, or staged to keep. */
async function settle(
	deps: ImportDeps,
	out: LibraryImport,
	files: NamedBytes[],
	result: IngestResult,
	dropRows: boolean
): Promise<void> {
	const { db, stored } = deps;
	const ids = result.missionIds;
	out.missionIds.push(...ids);
	out.errors.push(...result.errors);
	out.notes.push(...result.notes);
	out.tally = addCounts(out.tally, ids.length ? await importCounts(db) : [], ids);
	out.tally.already += alreadyLoaded(result.notes);
	out.tally.failed += result.errors.length;
	if (!ids.length) return;
	// Rows kept in the engine: the files are kept once the library's KPIs answer (as any load).
	if (!dropRows) return void stored.stage(files, result.sources).catch(() => undefined);
	const [list, kpis, dwell] = await deps.inTurn(() =>
		Promise.all([missionList(db), missionKpiSql(db, null), stateDwell(db, null)])
	);
	await stored.stage(files, result.sources);
	await stored.commit(
		(id) => {
			const m = list.find((r) => r.mission_id === id);
			return m && ids.includes(id)
				? { ...(kpis.find((k) => k.mission_id === id) ?? {}), ...m }
				: undefined;
		},
		(id) =>
			dwell.filter((d) => d.mission_id === id).map((d) => ({ state: d.state, dwell_s: d.dwell_s }))
	);
	// Only what is safely stored leaves the engine (a refused write keeps the rows here).
	const kept = ids.filter((id) => stored.has(id));
	if (kept.length) await deps.inTurn(() => deleteMissions(db, kept));
}

/** Units in chunks of at most CHUNK_UNITS units and about CHUNK_BYTES. */
function chunked(units: PickedFile[][]): PickedFile[][][] {
	const out: PickedFile[][][] = [];
	let cur: PickedFile[][] = [];
	let bytes = 0;
	for (const u of units) {
		const b = u.reduce((n, f) => n + f.file.size, 0);
		if (cur.length && (cur.length >= CHUNK_UNITS || bytes + b > CHUNK_BYTES)) {
			out.push(cur);
			cur = [];
			bytes = 0;
		}
		cur.push(u);
		bytes += b;
	}
	if (cur.length) out.push(cur);
	return out;
}

/** A chunk's files read from disk; a file the browser cannot read is named, the rest go on. */
async function readChunk(
	units: PickedFile[][]
): Promise<{ files: NamedBytes[]; errors: IngestError[] }> {
	const errors: IngestError[] = [];
	const read = await Promise.all(
		units.flat().map(async (f): Promise<NamedBytes | null> => {
			try {
				return { name: f.path, bytes: new Uint8Array(await f.file.arrayBuffer()) };
			} catch (e) {
				errors.push(
					new IngestError(
						f.path,
						`${f.path} could not be read (${e instanceof Error ? e.message : String(e)})`,
						'Check the file is still there and readable, then import it again.'
					)
				);
				return null;
			}
		})
	);
	return { files: read.filter((f): f is NamedBytes => f !== null), errors };
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
		await app.stored.ready();
		performance.mark('pisad:load-start');
		const deps: ImportDeps = {
			db,
			stored: app.stored,
			inTurn: run.inTurn,
			progress: (p) => run.progress({ ...p, cancel: () => ctrl.abort() })
		};
		const r = await importLibrary(deps, picked, ctrl.signal);
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
