/**
 * The one writer: contract rows, as Arrow, into the contract tables. Every format ends here
 * (contract Parquet decoded in workers, imported rows staged by `stageRows`), one mission or
 * mission folder per transaction. Rows travel with the same staging types (DOUBLE, VARCHAR,
 * BOOLEAN; times as DOUBLE µs) and SQL casts them to the contract types, so there is one
 * conversion path. Missions already loaded are skipped by the known-missions table of the load
 * (sql/ingest/known_open.sql), read once per load and kept up to date write by write.
 */
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { ContractTable } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { soon } from '$lib/db/held';
import { timed } from '$lib/perf';
import { sqlText } from '$lib/queries/sql';
import type { DataQualityNote, DraftRow } from './importers/types';
import { IngestError } from './notes';
import { contractColumns } from './columns';
import { appendable, knowMissions, newMissions, sqlString } from './write-exact';
import type { Staged } from './decode';
import { unstageExpr, type ContractColumn } from './parquet';

/** One table of a write: the file it came from, the contract columns it has, its rows. */
export interface TableWrite {
	table: ContractTable;
	file: string;
	cols: ContractColumn[];
	/** The rows as Arrow IPC (file types or staging types); null when the file has no mission_id. */
	ipc: (() => Promise<Staged>) | null;
	/** Its rows are all of the write's `only` missions (a fleet archive's index said which). */
	pure?: boolean;
}

/** What goes into the database in one transaction: one mission, or one folder of tables. */
export interface MissionWrite {
	/** Named in an error raised before the first table. */
	file: string;
	/** In insert order (mission first, so a bad mission.parquet stops before the big tables). */
	tables: TableWrite[];
	/** Data-quality notes, kept (table data_quality_note) for the missions this write adds. */
	quality?: DataQualityNote[];
	/** Called as each table is written. */
	onTable?(file: string): void;
	/** Only these missions' rows (a fleet archive's row groups hold neighbouring missions too). */
	only?: readonly string[];
}

// Loads nest (a .duckdb found in a drop): the known-missions table lives for the outermost one.
const depth = new WeakMap<Db, number>();

/**
 * Run a load with the known-missions table open: read once here (plus `known`, missions kept
 * elsewhere), then every write skips the missions in it and adds the ones it writes. Loads must
 * not run side by side on one connection (the app's loader runs them one after another).
 * `knownOnly`: every mission the database holds has a mission row or is in `known` (a library
 * import's scratch catalog), so its RSSI rows are not scanned for more.
 */
export async function withKnownMissions<T>(
	db: Db,
	run: () => Promise<T>,
	known: readonly string[] = [],
	knownOnly = false
): Promise<T> {
	const d = depth.get(db) ?? 0;
	const listed = known.map((id) => `(${sqlString(id)})`).join(', ');
	// Held back to go with the write's first statement that answers (see Db.defer).
	if (d === 0 && knownOnly)
		await soon(
			db,
			`CREATE OR REPLACE TEMP TABLE ingest_known AS SELECT CAST(mission_id AS VARCHAR) AS mission_id
			 FROM mission${listed ? ` UNION ALL SELECT * FROM (VALUES ${listed}) v(mission_id)` : ''}`
		);
	else if (d === 0) {
		await timed('import:known', () => db.exec(sqlText('ingest/known_open')));
		// Missions known outside this database.
		if (listed) await soon(db, `INSERT INTO ingest_known VALUES ${listed}`);
	}
	depth.set(db, d + 1);
	try {
		return await run();
	} finally {
		depth.set(db, d);
		if (d === 0) await soon(db, 'DROP TABLE IF EXISTS ingest_known').catch(() => undefined);
	}
}

/**
 * The transaction policy of every write: all or nothing, and a failure names the file being
 * written (`at` moves that name as the write goes from file to file).
 */
export async function inTransaction<T>(
	db: Db,
	file: string,
	run: (at: (file: string) => void) => Promise<T>
): Promise<T> {
	let current = file;
	await soon(db, 'BEGIN TRANSACTION');
	try {
		const out = await run((f) => (current = f));
		await timed('import:commit', () => db.exec('COMMIT'));
		return out;
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => undefined);
		throw IngestError.from(e, current);
	}
}

/** Begin the list of missions the current transaction adds (see inTransaction). */
export function openFresh(db: Db): Promise<void> {
	return soon(db, sqlText('ingest/fresh_open'));
}

/** The missions the current transaction added, now known to the rest of the load. */
export async function commitFresh(db: Db): Promise<string[]> {
	const rows = await db.query<{ mission_id: string }>(sqlText('ingest/fresh_ids'));
	await db.exec(sqlText('ingest/fresh_commit'));
	await db.exec('DROP TABLE ingest_fresh');
	return rows.map((r) => r.mission_id);
}

/**
 * Write one mission (or folder) in one transaction, skipping missions already loaded. Returns
 * the missions it added (none: every one was loaded before). Needs withKnownMissions around it.
 */
export async function writeTables(db: Db, w: MissionWrite): Promise<string[]> {
	const insert = db.insertArrowIpc?.bind(db);
	if (!insert) throw new Error('This database cannot take Arrow data (insertArrowIpc)');
	const only = w.only?.map(sqlString).join(', ');
	const mine = await contractColumns(db);
	return inTransaction(db, w.file, async (at) => {
		// New missions named by the mission table (within `only`): exact tables are appended.
		const named = (await newMissions(db, [w]))?.flat() ?? null;
		const direct = named && (!w.only || named.every((id) => w.only?.includes(id))) ? named : null;
		if (!direct) await openFresh(db);
		for (const t of w.tables) {
			at(t.file);
			if (!t.ipc)
				throw new IngestError(
					t.file,
					`${t.file} has no mission_id column`,
					'Export it again with data contract v1.'
				);
			const staged = await t.ipc();
			if (direct && (only === undefined || t.pure) && appendable(t, staged, mine)) {
				await insert(t.table, staged.ipc, true);
				w.onTable?.(t.file);
				continue;
			}
			await insert('ingest_stage', staged.ipc);
			if (only !== undefined)
				await db.exec(`DELETE FROM ingest_stage WHERE mission_id NOT IN (${only || "''"})`);
			// Missions are counted by mission or rssi_sample rows, as known_open counts them.
			if (!direct && (t.table === 'mission' || t.table === 'rssi_sample'))
				await db.exec(sqlText('ingest/fresh_from_stage'));
			await db.exec(
				`INSERT INTO main."${t.table}" BY NAME SELECT ${t.cols.map((c) => unstageExpr(c, staged.typed)).join(', ')}
				 FROM ingest_stage WHERE mission_id NOT IN (SELECT mission_id FROM ingest_known)`
			);
			await db.exec('DROP TABLE ingest_stage');
			w.onTable?.(t.file);
		}
		const fresh = direct ?? (await commitFresh(db));
		if (direct) await knowMissions(db, direct);
		await saveNotes(
			db,
			(w.quality ?? []).filter((n) => fresh.includes(n.mission_id))
		);
		return fresh;
	});
}

/** Keep notes in data_quality_note so the data-quality panel can list them per mission. */
export async function saveNotes(db: Db, notes: DataQualityNote[]): Promise<void> {
	for (const n of notes)
		await db.query(sqlText('ingest/note_insert'), [
			n.mission_id,
			n.file,
			n.severity,
			n.message,
			n.rows_affected
		]);
}

/** Rows → Arrow IPC stream typed for staging (every contract column, missing ones NULL). */
export function stageRows(rows: DraftRow[], cols: ContractColumn[]): Uint8Array {
	const vectors: Record<string, Vector> = {};
	for (const c of cols) {
		const values = rows.map((r) => r[c.name]);
		if (c.type === 'VARCHAR')
			vectors[c.name] = vectorFromArray(
				values.map((v) => (v === null || v === undefined ? null : String(v))),
				new Utf8()
			);
		else if (c.type === 'BOOLEAN')
			vectors[c.name] = vectorFromArray(
				values.map((v) => (typeof v === 'boolean' ? v : null)),
				new Bool()
			);
		else {
			const scale = c.type.startsWith('TIMESTAMP') ? 1000 : 1; // contract ms → staged µs
			vectors[c.name] = vectorFromArray(
				values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v * scale : null)),
				new Float64()
			);
		}
	}
	return tableToIPC(new Table(vectors), 'stream');
}
