import { CONTRACT_VERSION, CONTRACT_VERSION_KEY, isContractTable } from '$lib/contract';
import type { ContractTable } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { KNOWN_SQL, contractColumns, loadedMissionIds, type ContractColumns } from './columns';
import { loadDuckDbFile } from './duckdb-file';
import { IngestError, type IngestNote } from './notes';
import { parquetInfo, parquetToIpc, unstageExpr } from './parquet';

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
}

/**
 * Load mission files into the contract tables. Parquet files are grouped by folder (one folder =
 * one mission's tables; the file base name is the table); each folder loads in one transaction,
 * so a bad file leaves nothing of its mission behind. `.duckdb` files load whole. Missions already
 * loaded are skipped with a note. Throws an IngestError (file, what is wrong, what to do) at the
 * first file that cannot be loaded; folders loaded before it stay loaded.
 */
export async function loadMissionFiles(
	db: Db,
	files: NamedFile[],
	opts: { onProgress?(p: LoadProgress): void } = {}
): Promise<LoadResult> {
	const notes: IngestNote[] = [];
	const missionIds: string[] = [];
	const mine = await contractColumns(db);
	const folders = new Map<string, { table: ContractTable; file: NamedFile }[]>();
	let done = 0;
	const tick = (file: string): void =>
		opts.onProgress?.({ file, done: ++done, total: files.length });
	for (const f of files) {
		const base = f.name.slice(f.name.lastIndexOf('/') + 1);
		if (/\.duckdb$/i.test(base)) {
			missionIds.push(...(await loadDuckDbFile(db, f, mine, notes)));
			tick(f.name);
		} else if (/\.parquet$/i.test(base) && isContractTable(base.replace(/\.parquet$/i, ''))) {
			const dir = f.name.slice(0, Math.max(0, f.name.lastIndexOf('/')));
			const list = folders.get(dir) ?? [];
			list.push({ table: base.replace(/\.parquet$/i, '') as ContractTable, file: f });
			folders.set(dir, list);
		} else {
			notes.push({
				file: f.name,
				message: 'not a contract table file (.parquet/.duckdb); skipped'
			});
			tick(f.name);
		}
	}
	for (const group of folders.values()) {
		missionIds.push(...(await loadParquetFolder(db, group, mine, notes, tick)));
	}
	return { missionIds, notes };
}

async function loadParquetFolder(
	db: Db,
	group: { table: ContractTable; file: NamedFile }[],
	mine: ContractColumns,
	notes: IngestNote[],
	tick: (file: string) => void
): Promise<string[]> {
	if (!db.insertArrowIpc) throw new Error('This database cannot take Arrow data (insertArrowIpc)');
	// Check every footer before touching the database: a truncated file fails fast, nothing written.
	const infos = group.map(({ table, file }) => ({ table, file, info: checkedInfo(file, notes) }));
	const known = await loadedMissionIds(db);
	const before = new Set(known);
	await db.exec('BEGIN TRANSACTION');
	let current = group[0]?.file.name ?? '';
	try {
		await db.exec(`CREATE OR REPLACE TEMP TABLE ingest_known AS ${KNOWN_SQL}`);
		for (const { table, file, info } of sortByContract(infos)) {
			current = file.name;
			const present = new Set(info.columns);
			const cols = (mine.get(table) ?? []).filter((c) => present.has(c.name));
			if (!cols.some((c) => c.name === 'mission_id')) {
				throw new IngestError(
					file.name,
					`${file.name} has no mission_id column`,
					'Export it again with data contract v1.'
				);
			}
			await db.insertArrowIpc('ingest_stage', await parquetToIpc(file.bytes, cols));
			await db.exec(
				`INSERT INTO main."${table}" BY NAME SELECT ${cols.map(unstageExpr).join(', ')}
				 FROM ingest_stage WHERE mission_id NOT IN (SELECT mission_id FROM ingest_known)`
			);
			await db.exec('DROP TABLE ingest_stage');
			tick(file.name);
		}
		await db.exec('DROP TABLE ingest_known');
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => undefined);
		throw IngestError.from(e, current);
	}
	const after = await loadedMissionIds(db);
	const fresh = [...after].filter((id) => !before.has(id));
	if (fresh.length === 0) {
		const where = group[0]?.file.name ?? '';
		notes.push({ file: where, message: 'mission already loaded; skipped' });
	}
	return fresh;
}

function checkedInfo(file: NamedFile, notes: IngestNote[]): ReturnType<typeof parquetInfo> {
	let info: ReturnType<typeof parquetInfo>;
	try {
		info = parquetInfo(file.bytes);
	} catch (e) {
		throw IngestError.from(e, file.name);
	}
	const version = info.kv[CONTRACT_VERSION_KEY];
	if (version === undefined) {
		notes.push({
			file: file.name,
			message: `no ${CONTRACT_VERSION_KEY} metadata; loaded as v${CONTRACT_VERSION}`
		});
	} else if (version !== CONTRACT_VERSION) {
		throw new IngestError(
			file.name,
			`${file.name} is data contract version ${version}; this app reads version ${CONTRACT_VERSION}`,
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
