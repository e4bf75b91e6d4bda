/**
 * The one entry from bytes to contract tables: `ingest` recognises each file (importers/detect.ts)
 * and routes it (contract Parquet folders to the fast path, .duckdb files, foreign formats to
 * their importers); everything is written by write.ts. Files read by ranges enter in remote.ts.
 */
import type { ContractTable } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { contractColumns } from './columns';
import {
	contractTableOf,
	planFolder,
	startDecoding,
	writeFolder,
	type FolderPlan
} from './contract-parquet';
import { loadDuckDbFile } from './duckdb-file';
import { dirOf, type NamedBytes } from './files';
import { detectKind } from './importers/detect';
import {
	importLoggerFolder,
	importSingle,
	importStory48Attached,
	importStory48Folder,
	type IngestSource,
	type RouteOut
} from './importers/route';
import type { DataQualityNote } from './importers/types';
import { checkSize, emptyFile, notDatabase } from './limits';
import { yieldToPage } from '$lib/perf';
import { IngestError, type IngestNote } from './notes';
import { withKnownMissions } from './write';
import { BATCH_FOLDERS, writeBulk } from './write-bulk';
import { expandZips } from './zip';

/** How far a load is: files done out of files to load. */
export interface IngestProgress {
	file: string;
	done: number;
	total: number;
}

/** What a load added, and what the user must be told about it. */
export interface IngestResult {
	/** Missions newly loaded by this call. */
	missionIds: string[];
	notes: IngestNote[];
	/** Data-quality notes of each newly loaded mission (also kept in table data_quality_note). */
	quality: Record<string, DataQualityNote[]>;
	/** Plain tables opened from files that are not missions (`user_<name>`), to query in SQL. */
	tables: string[];
	/**
	 * Mission folders that could not be loaded while others in the same call could (each names
	 * its file). When nothing loads, the first error is thrown instead.
	 */
	errors: IngestError[];
	/** Which files gave which new missions. */
	sources: IngestSource[];
}

export interface IngestOptions {
	onProgress?(p: IngestProgress): void;
	/** Largest file accepted, in bytes (default DEFAULT_MAX_BYTES). */
	maxBytes?: number;
	/** Missions to skip as already loaded besides the database's own (kept in the library). */
	known?: readonly string[];
	/**
	 * Every mission the database holds has a mission row or is in `known` (a library import's
	 * scratch catalog): its RSSI rows are not scanned for more (withKnownMissions).
	 */
	knownOnly?: boolean;
}

/**
 * Load files into the contract tables. Contract Parquet files are grouped by folder (one folder =
 * one mission's tables; the file base name is the table); each folder loads in one transaction,
 * so a bad file leaves nothing of its mission behind. `.duckdb` files load whole (contract v1,
 * or the story-4.8 pisad.duckdb by session). Other formats are recognised by content: SQLite
 * pisad.db, recorder CSV/JSON, _analysis.csv, field-logger folders, WebSocket JSONL captures,
 * story-4.8 export folders; any other Parquet/CSV opens as a plain table. Missions already
 * loaded are skipped with a note. Throws an IngestError (file, what is wrong, what to do) at the
 * first file that cannot be loaded; missions loaded before it stay. Contract Parquet folders are
 * the exception: each loads or fails on its own, a failing folder is returned in `errors` while
 * the others load, and only when none loads is its error thrown.
 */
export async function ingest(
	db: Db,
	input: NamedBytes[],
	opts: IngestOptions = {}
): Promise<IngestResult> {
	for (const f of input) checkSize(f.name, f.bytes.length, opts.maxBytes);
	const files = expandZips(input);
	for (const f of files) checkSize(f.name, f.bytes.length, opts.maxBytes);
	const mine = await contractColumns(db);
	const out: RouteOut = { missionIds: [], notes: [], quality: [], tables: [], sources: [] };
	let done = 0;
	const tick = (file: string): void =>
		opts.onProgress?.({ file, done: ++done, total: files.length });
	const errors = await withKnownMissions(
		db,
		async () => {
			const { folders, logger, story } = await routeFiles(db, files, out, tick);
			for (const [dir, list] of logger) {
				await unit(out, list, () => importLoggerFolder(db, dir, list, mine, out));
				list.forEach((f) => tick(f.name));
			}
			for (const [dir, list] of story) {
				await unit(out, list, () => importStory48Folder(db, dir, list, mine, out));
				list.forEach((f) => tick(f.name));
			}
			return writeFolders(db, [...folders.values()], out, tick);
		},
		opts.known,
		opts.knownOnly
	);
	if (errors.length && !out.missionIds.length && !out.tables.length) throw errors[0];
	const quality: Record<string, DataQualityNote[]> = {};
	for (const n of out.quality) (quality[n.mission_id] ??= []).push(n);
	const { missionIds, notes, tables, sources } = out;
	return { missionIds, notes, quality, tables, errors, sources };
}

/** Run one unit of a load and note which new missions its files gave. */
async function unit(out: RouteOut, files: NamedBytes[], run: () => Promise<unknown>) {
	const before = out.missionIds.length;
	await run();
	const missionIds = out.missionIds.slice(before);
	if (missionIds.length) out.sources.push({ files: files.map((f) => f.name), missionIds });
}

type Groups<T> = Map<string, T[]>;

/**
 * Recognise every file: self-contained files load at once; contract Parquet, logger and
 * story-4.8 export files are grouped by folder for the caller.
 */
async function routeFiles(
	db: Db,
	files: NamedBytes[],
	out: RouteOut,
	tick: (file: string) => void
) {
	const mine = await contractColumns(db);
	const loadSqlDirs = new Set(
		files.filter((f) => /(^|\/)load\.sql$/i.test(f.name)).map((f) => dirOf(f.name))
	);
	const folders: Groups<{ table: ContractTable; file: NamedBytes }> = new Map();
	const logger: Groups<NamedBytes> = new Map();
	const story: Groups<NamedBytes> = new Map();
	const push = <T>(m: Groups<T>, k: string, v: T): void => void m.set(k, [...(m.get(k) ?? []), v]);
	for (const f of files) {
		const dir = dirOf(f.name);
		const kind = detectKind(f.name, f.bytes, loadSqlDirs.has(dir));
		const table = contractTableOf(f.name);
		if (kind === 'empty') throw emptyFile(f.name);
		if (kind === 'not-database') throw notDatabase(f.name, f.bytes);
		if (kind === 'contract-parquet' && table) push(folders, dir, { table, file: f });
		else if (kind === 'logger-part') push(logger, dir, f);
		else if (kind === 'story48-parquet' || kind === 'export-sql') push(story, dir, f);
		else {
			await unit(out, [f], async () => {
				if (kind === 'duckdb')
					out.missionIds.push(
						...(await loadDuckDbFile(db, f, mine, out.notes, async (alias) => {
							const before = out.missionIds.length;
							await importStory48Attached(db, alias, f.name, mine, out);
							return out.missionIds.splice(before);
						}))
					);
				else await importSingle(db, f, kind === 'contract-parquet' ? 'parquet' : kind, mine, out);
			});
			tick(f.name);
		}
	}
	return { folders, logger, story };
}

/**
 * Write contract Parquet folders in batches (write-bulk.ts: one transaction per batch), the next
 * batch decoding in the workers while this one goes into DuckDB. A batch that fails is written
 * again folder by folder, each in its own transaction, so a bad folder is named (returned) and
 * does not stop the others.
 */
async function writeFolders(
	db: Db,
	groups: { table: ContractTable; file: NamedBytes }[][],
	out: RouteOut,
	tick: (file: string) => void
): Promise<IngestError[]> {
	const mine = await contractColumns(db);
	const errors: IngestError[] = [];
	const plans: (FolderPlan | undefined)[] = [];
	const planOf = (i: number): FolderPlan => {
		const t0 = performance.now();
		plans[i] ??= planFolder(groups[i] ?? [], mine, true);
		performance.measure('pisad:import:plan', { start: t0, end: performance.now() });
		return plans[i];
	};
	for (let i = 0; i < groups.length; i += BATCH_FOLDERS) {
		const batch: FolderPlan[] = [];
		for (let k = i; k < Math.min(groups.length, i + BATCH_FOLDERS); k++) {
			if (!plans[k]) await yieldToPage();
			batch.push(planOf(k));
		}
		startDecoding(batch);
		// The next batch decodes while this one is written (planned one folder per page turn).
		const ahead: FolderPlan[] = [];
		for (let k = i + BATCH_FOLDERS; k < Math.min(groups.length, i + 2 * BATCH_FOLDERS); k++) {
			await yieldToPage();
			ahead.push(planOf(k));
		}
		startDecoding(ahead);
		const whole = batch.filter((p) => p.error === undefined);
		let written = false;
		if (whole.length > 1) {
			try {
				const { fresh, byFolder } = await writeBulk(db, whole, tick, mine);
				whole.forEach((p, k) => {
					out.notes.push(...p.notes);
					const ids = byFolder[k]?.filter((id) => fresh.includes(id)) ?? [];
					if (ids.length) out.sources.push({ files: p.files, missionIds: ids });
					if (!byFolder[k]?.some((id) => fresh.includes(id)))
						out.notes.push({ file: p.first, message: 'mission already loaded; skipped' });
				});
				out.missionIds.push(...fresh);
				written = true;
			} catch (e) {
				// Written again folder by folder below: the bad one is named, the others load. Marked
				// (with why) so a bench or test sees a batch that silently took the slow way.
				performance.mark('pisad:import:bulk-fallback', { detail: String(e) });
			}
		}
		// Anew: the batch's Arrow buffers went to the engine (transferred, so unusable here).
		const again = written
			? batch.filter((p) => p.error !== undefined)
			: batch.map((p, k) => (whole.length > 1 ? planFolder(groups[i + k] ?? [], mine) : p));
		for (const plan of again) {
			try {
				const ids = await writeFolder(db, plan, out.notes, tick);
				out.missionIds.push(...ids);
				if (ids.length) out.sources.push({ files: plan.files, missionIds: ids });
			} catch (e) {
				errors.push(IngestError.from(e, plan.first));
			}
		}
		for (let k = i; k < i + batch.length; k++) plans[k] = undefined;
	}
	return errors;
}
