/**
 * "Save flight": the live mission's rows from every contract table written into a new .duckdb
 * file (the contract's single-file form), which the review page opens like any mission file.
 * The file is built inside DuckDB-WASM (ATTACH a new file in its virtual file system, CREATE
 * TABLE … AS SELECT per table, CHECKPOINT, DETACH) and its bytes are copied out. Table names come
 * from the contract's allow-list; the mission id is a bound parameter.
 */
import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';
import type { LiveRows } from './rows';
import { ArrowAppender } from './append';

let counter = 0;

/** The mission's rows as a .duckdb file. `path` overrides the file name (Node tests: a path). */
export async function saveFlightDuckDb(
	db: Db,
	missionId: string,
	path?: string
): Promise<Uint8Array> {
	const exportFile = db.exportFile?.bind(db);
	if (!exportFile) throw new Error('This database cannot export files');
	const n = ++counter;
	const name = path ?? `pisad-save-${n}.duckdb`;
	const alias = `pisad_save_${n}`;
	// Each step names itself in the error, so a failure says where it happened.
	const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
		try {
			return await run();
		} catch (e) {
			const why = e instanceof Error ? e.message : String(e);
			throw new Error(`${what} failed: ${why || 'no message from the engine'}`);
		}
	};
	await step('creating the file', async () => db.createFile?.(name));
	await step('ATTACH', () => db.exec(`ATTACH '${name.replace(/'/g, "''")}' AS ${alias}`));
	try {
		for (const table of CONTRACT_TABLES) {
			await step(`copying ${table}`, () =>
				db.query(
					`CREATE TABLE ${alias}."${table}" AS SELECT * FROM main."${table}" WHERE mission_id = $1`,
					[missionId]
				)
			);
		}
		// A saved flight is over: close its time range at the last sample.
		await step('closing the mission', () =>
			db.query(
				`UPDATE ${alias}.mission SET ended_at = (
					SELECT max(t) FROM main.rssi_sample WHERE mission_id = $1
				) WHERE ended_at IS NULL`,
				[missionId]
			)
		);
		await step('CHECKPOINT', () => db.exec(`CHECKPOINT ${alias}`));
		// Read while still attached: after DETACH the engine has released the buffer-backed file
		// (copyFileToBuffer then fails with no message). The checkpoint has written every table.
		return await step('reading the file back', () => exportFile(name));
	} finally {
		await db.exec(`DETACH ${alias}`).catch(() => undefined);
		await db.dropFile(name).catch(() => undefined);
	}
}

/** File name for a saved flight: `<mission_id>.duckdb`. */
export function savedFileName(missionId: string): string {
	return `${missionId.replace(/[^\w.-]+/g, '_')}.duckdb`;
}

/** Load a recording (rows read back from the store) into DuckDB; returns its mission id. */
export async function restoreRows(db: Db, rows: LiveRows): Promise<string | null> {
	const id = rows.mission?.[0]?.mission_id ?? rows.rssi_sample?.[0]?.mission_id ?? null;
	if (!id) return null;
	const have = await db.query<{ n: number }>(
		'SELECT count(*) AS n FROM mission WHERE mission_id = $1',
		[id]
	);
	if ((have[0]?.n ?? 0) > 0) return id; // already in this tab's database
	await new ArrowAppender(db).append(rows);
	return id;
}
