/**
 * The contract-Parquet fast path, before the writer: a mission folder's footers checked (contract
 * version, notes) before the database is touched, and its tables' decoding started in the worker
 * pool in contract order. The writer (write.ts) then inserts the Arrow batches as they are ready.
 * Folders read by ranges are planned the same way in remote.ts.
 */
import {
	CONTRACT_TABLES,
	CONTRACT_VERSION,
	CONTRACT_VERSION_KEY,
	isContractTable
} from '$lib/contract';
import type { ContractTable } from '$lib/contract';
import type { Db } from '$lib/db/types';
import type { ContractColumns } from './columns';
import { fileOf, type NamedBytes } from './files';
import { IngestError, type IngestNote } from './notes';
import { parquetInfo, type ContractColumn, type ParquetInfo } from './parquet';
import type { Staged } from './decode';
import { decodeAhead, decodeParquet } from './parquet-offthread';
import { pageTurns } from '$lib/perf';
import { writeTables, type TableWrite } from './write';

/** One mission folder ready to go into DuckDB: its files checked, their decoding under way. */
export interface FolderPlan {
	/** The first file of the folder (named in notes about the whole folder). */
	first: string;
	/** Every file of the folder. */
	files: string[];
	/** A footer that could not be read: thrown when the folder's turn comes. */
	error?: unknown;
	notes: IngestNote[];
	/** In insert order (mission first). */
	tables: TableWrite[];
}

/** The contract table a Parquet file fills (its base name), or null when it names none. */
export function contractTableOf(name: string): ContractTable | null {
	const table = fileOf(name).replace(/\.parquet$/i, '');
	return isContractTable(table) ? table : null;
}

/** The contract columns a file has, in the contract's order. */
export function presentColumns(
	mine: ContractColumns,
	table: ContractTable,
	info: ParquetInfo
): ContractColumn[] {
	const present = new Set(info.columns);
	return (mine.get(table) ?? []).filter((c) => present.has(c.name));
}

/** True when the rows can be written (the writer needs mission_id to tell missions apart). */
export function hasMissionId(cols: ContractColumn[]): boolean {
	return cols.some((c) => c.name === 'mission_id');
}

/**
 * Check a dropped folder's footers and start decoding its files (in workers when there are
 * some; inserts follow in contract order as the files are ready). Nothing touches the database.
 */
export function planFolder(
	group: { table: ContractTable; file: NamedBytes }[],
	mine: ContractColumns,
	defer = false
): FolderPlan {
	const plan: FolderPlan = {
		first: group[0]?.file.name ?? '',
		files: group.map((g) => g.file.name),
		notes: [],
		tables: []
	};
	let infos: { table: ContractTable; file: NamedBytes; info: ParquetInfo }[];
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
	plan.tables = sortByContract(infos).map(({ table, file, info }) => {
		const cols = presentColumns(mine, table, info);
		if (!hasMissionId(cols)) return { table, file: file.name, cols, ipc: null };
		let started: Promise<Staged> | null = null;
		const ipc = (): Promise<Staged> => {
			if (!started) {
				started = decodeParquet(file.bytes, cols);
				started.catch(() => undefined);
			}
			return started;
		};
		if (!defer) void ipc();
		return { table, file: file.name, cols, ipc };
	});
	return plan;
}

/**
 * Start decoding deferred plans (planFolder's `defer`) table by table across the folders, in the
 * order a bulk write takes them: every folder's mission table first (the write reads its ids
 * before anything goes in), then their rssi_sample, and so on. Started folder by folder, the
 * last folder's mission table waited behind the whole batch.
 */
export function startDecoding(plans: FolderPlan[]): void {
	for (const table of CONTRACT_TABLES)
		for (const p of plans) for (const t of p.tables) if (t.table === table) void t.ipc?.();
}

/**
 * Start decoding the contract Parquet files of a load before it is ingested (their columns as
 * `mine` would plan them, mission tables first): a library import starts a chunk's decodes as
 * soon as the chunk is read, so the first one decodes while the import's engine starts (its
 * ingest begins only after the engine and a scratch catalog are up, so it finds them started).
 * The ingest's plans take these decodes (decodeParquet); a file that is not what its name says
 * is left to the ingest.
 */
export async function decodeAheadOf(files: NamedBytes[], mine: ContractColumns): Promise<void> {
	// The page gets a turn every AHEAD_SLICE_MS: a chunk's 80 footers read, files copied and
	// posted in one go made one task of 55–86 ms, several times in a 100-hour import.
	const turn = pageTurns(AHEAD_SLICE_MS);
	const jobs: { table: ContractTable; bytes: Uint8Array; cols: ContractColumn[] }[] = [];
	for (const f of files) {
		const table = contractTableOf(f.name);
		if (!table) continue;
		let info: ParquetInfo;
		try {
			info = parquetInfo(f.bytes);
		} catch {
			continue;
		}
		const cols = presentColumns(mine, table, info);
		if (hasMissionId(cols)) jobs.push({ table, bytes: f.bytes, cols });
		await turn();
	}
	for (const j of sortByContract(jobs)) {
		void decodeAhead(j.bytes, j.cols);
		await turn();
	}
}

/** How long decodeAheadOf works before the page gets a turn, ms. */
export const AHEAD_SLICE_MS = 12;

/**
 * Write a planned folder in one transaction; returns the missions it added. A folder whose
 * missions were all loaded before adds a note.
 */
export async function writeFolder(
	db: Db,
	plan: FolderPlan,
	notes: IngestNote[],
	onTable: (file: string) => void
): Promise<string[]> {
	notes.push(...plan.notes);
	if (plan.error !== undefined) throw plan.error;
	const fresh = await writeTables(db, { file: plan.first, tables: plan.tables, onTable });
	if (fresh.length === 0)
		notes.push({ file: plan.first, message: 'mission already loaded; skipped' });
	return fresh;
}

/** A footer's contract version checked: a note when it has none, an error when it differs. */
export function checkedInfo<T extends ParquetInfo>(
	name: string,
	read: () => T,
	notes: IngestNote[]
): T {
	let info: T;
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
export function sortByContract<T extends { table: ContractTable }>(items: T[]): T[] {
	const order = ['mission', 'rssi_sample', 'vehicle_telemetry'];
	const rank = (t: string): number => (order.includes(t) ? order.indexOf(t) : order.length);
	return [...items].sort((a, b) => rank(a.table) - rank(b.table));
}
