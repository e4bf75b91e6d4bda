import { CONTRACT_VERSION, CONTRACT_VERSION_KEY, isContractTable } from '$lib/contract';
import type { ContractTable } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { contractColumns, loadedMissionIds, type ContractColumns } from './columns';
import { loadDuckDbFile } from './duckdb-file';
import { detectKind } from './importers/detect';
import {
	importLoggerFolder,
	importSingle,
	importStory48Attached,
	importStory48Folder,
	type RouteOut
} from './importers/route';
import type { DataQualityNote } from './importers/types';
import { checkSize, emptyFile } from './limits';
import { IngestError, type IngestNote } from './notes';
import { expandZips } from './zip';
import type { AsyncBuffer } from 'hyparquet';
import {
	columnSpan,
	parquetInfo,
	parquetInfoAsync,
	parquetToIpc,
	prefetched,
	unstageExpr,
	type ContractColumn,
	type ParquetInfo
} from './parquet';
import { decodeParquet, decodeParquetPieces } from './parquet-offthread';
import type { FilePiece } from './sparse';

/** A file by name (a dropped folder keeps its relative path: `m1/rssi_sample.parquet`). */
export interface NamedFile {
	name: string;
	bytes: Uint8Array;
}

export interface LoadProgress {
	file: string;
	done: number;
	total: number;
}

export interface LoadResult {
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
}

export interface LoadOptions {
	onProgress?(p: LoadProgress): void;
	/** Largest file accepted, in bytes (default DEFAULT_MAX_BYTES). */
	maxBytes?: number;
}

/**
 * Load mission files into the contract tables. Contract Parquet files are grouped by folder (one
 * folder = one mission's tables; the file base name is the table); each folder loads in one
 * transaction, so a bad file leaves nothing of its mission behind. `.duckdb` files load whole
 * (contract v1, or the story-4.8 pisad.duckdb by session). Other formats are recognised by
 * content (importers/detect.ts): SQLite pisad.db, recorder CSV/JSON, _analysis.csv, field-logger
 * folders, WebSocket JSONL captures, story-4.8 export folders; any other Parquet/CSV opens as a
 * plain table. Missions already loaded are skipped with a note. Throws an IngestError (file, what
 * is wrong, what to do) at the first file that cannot be loaded; missions loaded before it stay.
 * Contract Parquet folders are the exception: each loads or fails on its own, a failing folder
 * is returned in `errors` while the others load, and only when none loads is its error thrown.
 */
export async function loadMissionFiles(
	db: Db,
	input: NamedFile[],
	opts: LoadOptions = {}
): Promise<LoadResult> {
	for (const f of input) checkSize(f.name, f.bytes.length, opts.maxBytes);
	const files: NamedFile[] = expandZips(input);
	const out: RouteOut = { missionIds: [], notes: [], quality: [], tables: [] };
	const mine = await contractColumns(db);
	for (const f of files) checkSize(f.name, f.bytes.length, opts.maxBytes);
	let done = 0;
	const tick = (file: string): void =>
		opts.onProgress?.({ file, done: ++done, total: files.length });
	const dirOf = (name: string): string => name.slice(0, Math.max(0, name.lastIndexOf('/')));
	const loadSqlDirs = new Set(
		files.filter((f) => /(^|\/)load\.sql$/i.test(f.name)).map((f) => dirOf(f.name))
	);
	const folders = new Map<string, { table: ContractTable; file: NamedFile }[]>();
	const logger = new Map<string, NamedFile[]>();
	const story = new Map<string, NamedFile[]>();
	const push = <T>(m: Map<string, T[]>, k: string, v: T): void =>
		void m.set(k, [...(m.get(k) ?? []), v]);
	for (const f of files) {
		const dir = dirOf(f.name);
		const kind = detectKind(f.name, f.bytes, loadSqlDirs.has(dir));
		const table = f.name.slice(f.name.lastIndexOf('/') + 1).replace(/\.parquet$/i, '');
		if (kind === 'empty') throw emptyFile(f.name);
		if (kind === 'contract-parquet' && isContractTable(table)) {
			push(folders, dir, { table, file: f });
			continue;
		}
		if (kind === 'logger-part') push(logger, dir, f);
		else if (kind === 'story48-parquet' || kind === 'export-sql') push(story, dir, f);
		else if (kind === 'duckdb')
			out.missionIds.push(
				...(await loadDuckDbFile(db, f, mine, out.notes, async (alias) => {
					const before = out.missionIds.length;
					await importStory48Attached(db, alias, f.name, mine, out);
					return out.missionIds.splice(before);
				}))
			);
		else await importSingle(db, f, kind === 'contract-parquet' ? 'parquet' : kind, mine, out);
		if (kind !== 'logger-part' && kind !== 'story48-parquet' && kind !== 'export-sql') tick(f.name);
	}
	for (const [dir, list] of logger) {
		await importLoggerFolder(db, dir, list, mine, out);
		list.forEach((f) => tick(f.name));
	}
	for (const [dir, list] of story) {
		await importStory48Folder(db, dir, list, mine, out);
		list.forEach((f) => tick(f.name));
	}
	// The missions already in the database, read once and kept up to date folder by folder:
	// reading them per folder scanned every RSSI row each time (quadratic for a 100-hour library).
	let known: Set<string> | null = null;
	const errors: IngestError[] = [];
	const groups = [...folders.values()];
	const plans: (FolderPlan | undefined)[] = [];
	const planOf = (i: number): FolderPlan => (plans[i] ??= planFolder(groups[i] ?? [], mine));
	for (let i = 0; i < groups.length; i++) {
		known ??= await loadedMissionIds(db);
		const plan = planOf(i);
		// The next folder decodes (in workers) while this one goes into DuckDB.
		if (i + 1 < groups.length) planOf(i + 1);
		try {
			out.missionIds.push(...(await loadParquetFolder(db, plan, out.notes, tick, known)));
		} catch (e) {
			// One bad folder of a library does not stop the others (its own transaction is undone).
			errors.push(IngestError.from(e, plan.first));
		}
		plans[i] = undefined;
	}
	if (errors.length && !out.missionIds.length && !out.tables.length) throw errors[0];
	const quality: Record<string, DataQualityNote[]> = {};
	for (const n of out.quality) (quality[n.mission_id] ??= []).push(n);
	return { missionIds: out.missionIds, notes: out.notes, quality, tables: out.tables, errors };
}

/** One mission folder ready to go into DuckDB: its files checked, their decoding under way. */
interface FolderPlan {
	/** The first file of the folder (named in notes about the whole folder). */
	first: string;
	/** A footer that could not be read: thrown when the folder's turn comes. */
	error?: unknown;
	notes: IngestNote[];
	/** In insert order (mission first); `ipc` null when the file has no mission_id column. */
	jobs: {
		table: ContractTable;
		name: string;
		cols: ContractColumn[];
		ipc: (() => Promise<Uint8Array>) | null;
	}[];
}

/** The contract columns a file has, in the contract's order. */
function presentColumns(mine: ContractColumns, table: ContractTable, info: ParquetInfo) {
	const present = new Set(info.columns);
	return (mine.get(table) ?? []).filter((c) => present.has(c.name));
}

/**
 * Check a dropped folder's footers and start decoding its files (in workers when there are
 * some; inserts follow in contract order as the files are ready). Nothing touches the database.
 */
function planFolder(
	group: { table: ContractTable; file: NamedFile }[],
	mine: ContractColumns
): FolderPlan {
	const plan: FolderPlan = { first: group[0]?.file.name ?? '', notes: [], jobs: [] };
	let infos: { table: ContractTable; file: NamedFile; info: ParquetInfo }[];
	try {
		// Every footer is checked before the database is touched: a truncated file fails fast.
		infos = group.map(({ table, file }) => ({
			table,
			file,
			info: checkedInfo(file.name, () => parquetInfo(file.bytes), plan.notes)
		}));
	} catch (e) {
		plan.error = e;
		return plan;
	}
	plan.jobs = sortByContract(infos).map(({ table, file, info }) => {
		const cols = presentColumns(mine, table, info);
		const started = cols.some((c) => c.name === 'mission_id')
			? decodeParquet(file.bytes, cols)
			: null;
		started?.catch(() => undefined);
		return { table, name: file.name, cols, ipc: started ? () => started : null };
	});
	return plan;
}

/** A contract Parquet file read by HTTP ranges (see loadRemoteParquetMission). */
export interface RemoteParquetFile {
	/** `folder/table.parquet`, as for dropped files. */
	name: string;
	/** Each slice must be a buffer of its own: it may be handed over to a decoding worker. */
	file: AsyncBuffer;
}

/**
 * Load one mission folder of contract Parquet files read by ranges: every footer first (a few
 * KiB each, in parallel; all checked before the database is touched or megabytes move), then
 * only the column chunks the contract needs, one table after another in the order they are
 * decoded, so the next table downloads while this one decodes (in a worker, with its footer
 * and column chunks: the page only does the network reads). Same transaction, checks and notes
 * as dropped files.
 */
export async function loadRemoteParquetMission(
	db: Db,
	files: RemoteParquetFile[],
	opts: Pick<LoadOptions, 'onProgress'> = {}
): Promise<LoadResult> {
	const notes: IngestNote[] = [];
	const mine = await contractColumns(db);
	const parts = await Promise.all(
		files.map(async (f) => {
			const table = f.name.slice(f.name.lastIndexOf('/') + 1).replace(/\.parquet$/i, '');
			if (!isContractTable(table))
				throw new IngestError(
					f.name,
					`${f.name} is not a contract table`,
					'Open the mission folder of contract v1 Parquet files.'
				);
			let info: Awaited<ReturnType<typeof parquetInfoAsync>>;
			try {
				info = await parquetInfoAsync(f.file);
			} catch (e) {
				throw IngestError.from(e, f.name);
			}
			checkedInfo(f.name, () => info, notes);
			return { table, name: f.name, source: f.file, info, metadata: info.metadata };
		})
	);
	// Each table's column chunks are fetched after the previous table's (one request each), so
	// the next table downloads while this one decodes. The network reads stay here; a table's
	// decoding starts as soon as its chunks are in, in a worker (its footer and chunks go with it).
	let after: Promise<unknown> = Promise.resolve();
	const jobs = sortByContract(parts).map((p) => {
		const cols = presentColumns(mine, p.table, p.info);
		const job = { table: p.table, name: p.name, cols, ipc: null };
		if (!cols.some((c) => c.name === 'mission_id')) return job;
		// Decoding in this thread, fetching what it needs: without a span (no needed column has
		// chunks), or when no worker could take the pieces.
		const inThread = () => parquetToIpc(p.source, cols, p.metadata);
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
	const plan: FolderPlan = { first: parts[0]?.name ?? '', notes: [], jobs };
	const missionIds = await loadParquetFolder(db, plan, notes, tick, await loadedMissionIds(db));
	return { missionIds, notes, quality: {}, tables: [], errors: [] };
}

/**
 * Load a contract .duckdb read in place over HTTP (DuckDB's HTTP file system: range requests
 * for the blocks it touches) instead of downloaded whole.
 */
export async function loadRemoteDuckDb(db: Db, name: string, url: string): Promise<LoadResult> {
	const notes: IngestNote[] = [];
	const mine = await contractColumns(db);
	const missionIds = await loadDuckDbFile(db, { name, url }, mine, notes);
	return { missionIds, notes, quality: {}, tables: [], errors: [] };
}

async function loadParquetFolder(
	db: Db,
	plan: FolderPlan,
	notes: IngestNote[],
	tick: (file: string) => void,
	known: Set<string>
): Promise<string[]> {
	if (!db.insertArrowIpc) throw new Error('This database cannot take Arrow data (insertArrowIpc)');
	notes.push(...plan.notes);
	if (plan.error !== undefined) throw plan.error;
	const jobs = plan.jobs;
	// Missions this folder adds (by mission or rssi_sample rows, as loadedMissionIds counts them).
	const fresh = new Set<string>();
	await db.exec('BEGIN TRANSACTION');
	let current = plan.first;
	try {
		await db.exec('CREATE OR REPLACE TEMP TABLE ingest_known (mission_id VARCHAR)');
		if (known.size)
			await db.exec(
				`INSERT INTO ingest_known VALUES ${[...known].map((id) => `(${sqlString(id)})`).join(', ')}`
			);
		for (const { table, name, cols, ipc } of jobs) {
			current = name;
			if (!ipc) {
				throw new IngestError(
					name,
					`${name} has no mission_id column`,
					'Export it again with data contract v1.'
				);
			}
			await db.insertArrowIpc('ingest_stage', await ipc());
			if (table === 'mission' || table === 'rssi_sample') {
				const ids = await db.query<{ mission_id: string }>(
					`SELECT DISTINCT CAST(mission_id AS VARCHAR) AS mission_id FROM ingest_stage
					 WHERE mission_id IS NOT NULL
					   AND CAST(mission_id AS VARCHAR) NOT IN (SELECT mission_id FROM ingest_known)`
				);
				for (const r of ids) fresh.add(r.mission_id);
			}
			await db.exec(
				`INSERT INTO main."${table}" BY NAME SELECT ${cols.map(unstageExpr).join(', ')}
				 FROM ingest_stage WHERE mission_id NOT IN (SELECT mission_id FROM ingest_known)`
			);
			await db.exec('DROP TABLE ingest_stage');
			tick(name);
		}
		await db.exec('DROP TABLE ingest_known');
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => undefined);
		throw IngestError.from(e, current);
	}
	for (const id of fresh) known.add(id);
	if (fresh.size === 0) {
		notes.push({ file: plan.first, message: 'mission already loaded; skipped' });
	}
	return [...fresh];
}

function checkedInfo(name: string, read: () => ParquetInfo, notes: IngestNote[]): ParquetInfo {
	let info: ParquetInfo;
	try {
		info = read();
	} catch (e) {
		throw IngestError.from(e, name);
	}
	const version = info.kv[CONTRACT_VERSION_KEY];
	if (version === undefined) {
		notes.push({
			file: name,
			message: `no ${CONTRACT_VERSION_KEY} metadata; loaded as v${CONTRACT_VERSION}`
		});
	} else if (version !== CONTRACT_VERSION) {
		throw new IngestError(
			name,
			`${name} is data contract version ${version}; this app reads version ${CONTRACT_VERSION}`,
			'Export the mission again with software that writes contract v1, or open it in a matching app version.'
		);
	}
	return info;
}

/** Mission first, so a failing mission.parquet stops the folder before the big tables. */
function sortByContract<T extends { table: ContractTable }>(items: T[]): T[] {
	const order = ['mission', 'rssi_sample', 'vehicle_telemetry'];
	const rank = (t: string): number => (order.includes(t) ? order.indexOf(t) : order.length);
	return [...items].sort((a, b) => rank(a.table) - rank(b.table));
}

/** A SQL string literal. */
function sqlString(v: string): string {
	return `'${v.replace(/'/g, "''")}'`;
}
