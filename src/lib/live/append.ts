/**
 * Append live rows to the contract tables in Arrow batches: one Arrow IPC stream per table per
 * flush (never one INSERT per message), staged and cast by name like ingest does, all tables of a
 * flush in one transaction. Column names and types come from the open database (an allow-list),
 * so no identifier is spliced in from data.
 */
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { Db } from '$lib/db/types';
import { contractColumns, type ContractColumns } from '$lib/ingest/columns';
import { unstageExpr, type ContractColumn } from '$lib/ingest/parquet';
import { LIVE_TABLES, type LiveRows } from './tables';

const isTs = (type: string) => type.startsWith('TIMESTAMP');

/** Rows (objects keyed by column) → Arrow IPC stream, typed for staging. Exported for tests. */
export function rowsToIpc(rows: readonly object[], cols: readonly ContractColumn[]): Uint8Array {
	const vectors: Record<string, Vector> = {};
	for (const c of cols) {
		const get = (r: object) => (r as Record<string, unknown>)[c.name];
		if (c.type === 'BOOLEAN')
			vectors[c.name] = vectorFromArray(
				rows.map((r) => (typeof get(r) === 'boolean' ? (get(r) as boolean) : null)),
				new Bool()
			);
		else if (c.type === 'VARCHAR')
			vectors[c.name] = vectorFromArray(
				rows.map((r) => (typeof get(r) === 'string' ? (get(r) as string) : null)),
				new Utf8()
			);
		else {
			// Timestamps: epoch ms → whole µs for make_timestamp. Every other number as it is (a
			// rounded latitude is 100 km off).
			const ts = isTs(c.type);
			vectors[c.name] = vectorFromArray(
				rows.map((r) => {
					const v = get(r);
					if (typeof v !== 'number' || !Number.isFinite(v)) return null;
					return ts ? Math.round(v * 1000) : v;
				}),
				new Float64()
			);
		}
	}
	return tableToIPC(new Table(vectors), 'stream');
}

/** Appends rows to the contract tables of an open database. */
export class ArrowAppender {
	#cols: ContractColumns | null = null;
	#n = 0;
	constructor(readonly db: Db) {}

	/** Append every table of `batch` in one transaction; returns the rows written. */
	async append(batch: LiveRows): Promise<number> {
		const db = this.db;
		if (!db.insertArrowIpc) throw new Error('This database cannot take Arrow data');
		this.#cols ??= await contractColumns(db);
		let written = 0;
		const stage = `live_stage_${++this.#n % 1000}`;
		await db.exec('BEGIN TRANSACTION');
		try {
			for (const table of LIVE_TABLES) {
				const rows = batch[table];
				if (!rows?.length) continue;
				const cols = this.#cols.get(table) ?? [];
				await db.insertArrowIpc(stage, rowsToIpc(rows, cols));
				await db.exec(
					`INSERT INTO main."${table}" BY NAME SELECT ${cols.map((c) => unstageExpr(c)).join(', ')} FROM ${stage}`
				);
				await db.exec(`DROP TABLE ${stage}`);
				written += rows.length;
			}
			await db.exec('COMMIT');
		} catch (e) {
			await db.exec('ROLLBACK').catch(() => undefined);
			throw e;
		}
		return written;
	}
}

/** Merge `more` into `into` (per table, in order). */
export function mergeRows(into: LiveRows, more: LiveRows): void {
	for (const table of LIVE_TABLES) {
		const add = more[table];
		if (!add?.length) continue;
		const list = (into[table] ??= []) as unknown[];
		for (const r of add) list.push(r);
	}
}

/** Number of rows in a batch. */
export function countRows(b: LiveRows): number {
	let n = 0;
	for (const t of LIVE_TABLES) n += b[t]?.length ?? 0;
	return n;
}
