/**
 * Many mission folders in one write: each contract table's rows of every folder go into one stage
 * table (Arrow appended folder by folder) and then into the contract table with one INSERT, all
 * in one transaction. A library's cost was statements, not rows: one transaction and four
 * statements per table per mission (~40 per mission, each a worker round trip and a plan); here
 * it is one append per file and three statements per table per batch. Anything that does not fit
 * the batch (a folder whose columns or decoder differ from the batch's) throws, and the caller
 * writes the batch's folders one by one instead, so a bad folder is named and the rest load.
 */
import { tableFromIPC } from 'apache-arrow';
import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { timed } from '$lib/perf';
import { sqlText } from '$lib/queries/sql';
import type { Staged } from './decode';
import { unstageExpr } from './parquet';
import { commitFresh, inTransaction, openFresh, type TableWrite } from './write';

/** Folders per bulk write: enough to amortise the statements, few enough to bound the memory. */
export const BATCH_FOLDERS = 8;

/** What a bulk write added, and the missions each folder holds (from its mission table). */
export interface BulkResult {
	fresh: string[];
	byFolder: string[][];
}

/** Write the tables of several folders in one transaction. */
export async function writeBulk(
	db: Db,
	folders: { first: string; tables: TableWrite[] }[],
	onTable: (file: string) => void
): Promise<BulkResult> {
	const byFolder: string[][] = folders.map(() => []);
	const insert = db.insertArrowIpc?.bind(db);
	if (!insert) throw new Error('This database cannot take Arrow data (insertArrowIpc)');
	return inTransaction(db, folders[0]?.first ?? '', async (at) => {
		await openFresh(db);
		for (const table of CONTRACT_TABLES) {
			const parts = folders.flatMap((f) => f.tables.filter((t) => t.table === table));
			if (!parts.length) continue;
			const first = parts[0] as TableWrite;
			const names = first.cols.map((c) => c.name).join(',');
			let typed: boolean | null = null;
			for (const t of parts) {
				at(t.file);
				if (!t.ipc || t.cols.map((c) => c.name).join(',') !== names)
					throw new Error(`${t.file} does not fit the batch`);
				const staged: Staged = await timed('import:decode-wait', () =>
					(t.ipc as () => Promise<Staged>)()
				);
				// Read before the buffer goes to the engine (it is transferred there).
				if (table === 'mission')
					byFolder[folders.findIndex((f) => f.tables.includes(t))]?.push(...idsOf(staged.ipc));
				if (typed !== null && staged.typed !== typed)
					throw new Error(`${t.file} does not fit the batch`);
				await timed('import:insert-arrow', () =>
					insert('ingest_stage', staged.ipc, typed !== null)
				);
				typed = staged.typed;
				onTable(t.file);
			}
			if (table === 'mission' || table === 'rssi_sample')
				await db.exec(sqlText('ingest/fresh_from_stage'));
			const list = first.cols.map((c) => unstageExpr(c, typed === true)).join(', ');
			await timed('import:insert-select', () =>
				db.exec(
					`INSERT INTO main."${table}" BY NAME SELECT ${list}
					 FROM ingest_stage WHERE mission_id NOT IN (SELECT mission_id FROM ingest_known)`
				)
			);
			await db.exec('DROP TABLE ingest_stage');
		}
		return { fresh: await commitFresh(db), byFolder };
	});
}

/** The mission ids of a mission table's rows. */
function idsOf(ipc: Uint8Array): string[] {
	const col = tableFromIPC(ipc).getChild('mission_id');
	return col ? [...new Set([...col].map(String))] : [];
}
