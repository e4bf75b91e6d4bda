/**
 * Many mission folders in one write: each contract table's rows of every folder go into one stage
 * table (Arrow appended folder by folder) and then into the contract table with one INSERT, all
 * in one transaction. A library's cost was statements, not rows: one transaction and four
 * statements per table per mission (~40 per mission, each a worker round trip and a plan); here
 * it is one append per file and three statements per table per batch. Anything that does not fit
 * the batch (a folder whose columns or decoder differ from the batch's) throws, and the caller
 * writes the batch's folders one by one instead, so a bad folder is named and the rest load.
 */
import { Table, tableFromIPC, tableToIPC, type Schema } from 'apache-arrow';
import { CONTRACT_TABLES } from '$lib/contract';
import type { Db } from '$lib/db/types';
import { timed, yieldToPage } from '$lib/perf';
import { sqlText } from '$lib/queries/sql';
import type { ContractColumns } from './columns';
import type { Staged } from './decode';
import { concatStreams } from './ipc-concat';
import { IngestError } from './notes';
import { appendable, idsOf, knowMissions, newMissions } from './write-exact';
import { unstageExpr } from './parquet';
import { commitFresh, inTransaction, openFresh, type TableWrite } from './write';

/** Folders per bulk write: enough to amortise the statements, few enough to bound the memory. */
export const BATCH_FOLDERS = 8;

/** What a bulk write added, and the missions each folder holds (from its mission table). */
export interface BulkResult {
	fresh: string[];
	byFolder: string[][];
}

/**
 * Write the tables of several folders in one transaction. When every folder names its missions
 * (mission.parquet) and none is loaded yet, a table whose files decoded to exactly the contract's
 * columns and types is appended to as it is (no stage table, no INSERT … SELECT: 40 % of the
 * write at 100 hours); any other table goes through the stage table and SQL casts.
 */
export async function writeBulk(
	db: Db,
	folders: { first: string; tables: TableWrite[] }[],
	onTable: (file: string) => void,
	mine: ContractColumns
): Promise<BulkResult> {
	const insert = db.insertArrowIpc?.bind(db);
	if (!insert) throw new Error('This database cannot take Arrow data (insertArrowIpc)');
	return inTransaction(db, folders[0]?.first ?? '', async (at) => {
		const direct = await timed('import:new-missions', () => newMissions(db, folders));
		const byFolder: string[][] = direct ?? folders.map(() => []);
		if (!direct) await openFresh(db);
		// Appends are posted without waiting for the one before (the engine takes them in order,
		// back to back, not a round trip apart); each settles to its error naming its file, and
		// they are all in before any other statement of the write.
		const appends: Promise<IngestError | null>[] = [];
		const appended = async (): Promise<void> => {
			const failed = (await Promise.all(appends.splice(0))).find((e) => e !== null);
			if (failed) throw failed;
		};
		for (const table of CONTRACT_TABLES) {
			const parts = folders.flatMap((f) => f.tables.filter((t) => t.table === table));
			if (!parts.length) continue;
			const first = parts[0] as TableWrite;
			const names = first.cols.map((c) => c.name).join(',');
			let typed: boolean | null = null;
			let exact = direct !== null;
			const ready: Uint8Array[] = [];
			for (const t of parts) {
				at(t.file);
				if (!t.ipc || t.cols.map((c) => c.name).join(',') !== names)
					throw new Error(`${t.file} does not fit the batch`);
				const staged: Staged = await timed('import:decode-wait', () =>
					(t.ipc as () => Promise<Staged>)()
				);
				// Read before the buffer goes to the engine (it is transferred there).
				if (table === 'mission' && !direct)
					byFolder[folders.findIndex((f) => f.tables.includes(t))]?.push(...idsOf(staged.ipc));
				if (typed !== null && staged.typed !== typed)
					throw new Error(`${t.file} does not fit the batch`);
				typed = staged.typed;
				exact &&= appendable(t, staged, mine);
				ready.push(staged.ipc);
				onTable(t.file);
			}
			if (exact) {
				const joined = concatStreams(ready);
				const file = parts.at(-1)?.file ?? first.file;
				for (const ipc of joined ? [joined] : oneStream(ready))
					appends.push(
						timed('import:append', () => insert(table, ipc, true)).then(
							() => null,
							(e: unknown) => IngestError.from(e, file)
						)
					);
				// The next table's join in a task of its own: no longer split by the wait for this
				// append, a chunk's joins made one task of up to ~100 ms.
				await yieldToPage();
				continue;
			}
			await appended();
			// One append per table per batch: each call is a worker round trip and an append plan.
			await timed('import:insert-arrow', async () => {
				for (const [k, ipc] of oneStream(ready).entries()) await insert('ingest_stage', ipc, k > 0);
			});
			if (!direct && (table === 'mission' || table === 'rssi_sample'))
				await timed('import:fresh', () => db.exec(sqlText('ingest/fresh_from_stage')));
			const list = first.cols.map((c) => unstageExpr(c, typed === true)).join(', ');
			await timed('import:insert-select', () =>
				db.exec(
					`INSERT INTO main."${table}" BY NAME SELECT ${list}
					 FROM ingest_stage WHERE mission_id NOT IN (SELECT mission_id FROM ingest_known)`
				)
			);
			await timed('import:drop-stage', () => db.exec('DROP TABLE ingest_stage'));
		}
		await appended();
		if (!direct)
			return { fresh: await timed('import:commit-fresh', () => commitFresh(db)), byFolder };
		const fresh = direct.flat();
		await knowMissions(db, fresh);
		return { fresh, byFolder };
	});
}

/**
 * The batch's Arrow streams of one table as one stream (their record batches under the first
 * schema), or as they are when their schemas differ (each is then appended on its own).
 */
function oneStream(streams: Uint8Array[]): Uint8Array[] {
	if (streams.length < 2) return streams;
	try {
		const tables = streams.map((s) => tableFromIPC(s));
		const schema = tables[0]?.schema;
		if (!schema || tables.some((t) => !sameFields(t.schema, schema))) return streams;
		return [
			tableToIPC(
				new Table(
					schema,
					tables.flatMap((t) => t.batches)
				),
				'stream'
			)
		];
	} catch {
		return streams;
	}
}

function sameFields(a: Schema, b: Schema): boolean {
	return (
		a.fields.length === b.fields.length &&
		a.fields.every((f, i) => {
			const g = b.fields[i];
			return !!g && f.name === g.name && String(f.type) === String(g.type);
		})
	);
}
