/**
 * Loads simulator output straight into a Db for the KPI tests (the shared ingest loader was not
 * there yet): each contract table goes in as an Arrow IPC stream into a staging table, then
 * INSERT BY NAME into the contract table so the contract's column types apply; epoch-ms
 * timestamps become TIMESTAMPTZ with to_timestamp. Columns that are NULL in every row are left
 * out (they stay NULL).
 */
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { CONTRACT_TABLES, type MissionTables } from '../../src/lib/contract';
import type { Db } from '../../src/lib/db/types';

const TIME_COLUMNS = new Set(['t', 'started_at', 'ended_at', 'reached_at']);

/** The text of sql/<name>.sql, as sqlText() would return it. */
export function readSql(name: string): string {
	return readFileSync(new URL(`../../sql/${name}.sql`, import.meta.url), 'utf8');
}

function column(values: unknown[]): Vector | null {
	const first = values.find((v) => v !== null && v !== undefined);
	const clean = values.map((v) => (v === undefined ? null : v));
	if (typeof first === 'number') return vectorFromArray(clean as (number | null)[], new Float64());
	if (typeof first === 'string') return vectorFromArray(clean as (string | null)[], new Utf8());
	if (typeof first === 'boolean') return vectorFromArray(clean as (boolean | null)[], new Bool());
	return null;
}

/** Inserts one mission's tables. */
export async function loadTables(db: Db, tables: MissionTables): Promise<void> {
	if (!db.insertArrowIpc) throw new Error('this Db cannot insert Arrow');
	for (const name of CONTRACT_TABLES) {
		const rows = tables[name] as readonly object[];
		if (rows.length === 0) continue;
		const keys = Object.keys(rows[0] as object);
		const cols: Record<string, Vector> = {};
		for (const k of keys) {
			const v = column(rows.map((r) => (r as Record<string, unknown>)[k]));
			if (v) cols[k] = v;
		}
		const stage = `_kpi_stage_${name}`;
		await db.insertArrowIpc(stage, tableToIPC(new Table(cols), 'stream'));
		const select = Object.keys(cols)
			.map((k) => (TIME_COLUMNS.has(k) ? `to_timestamp("${k}" / 1000) AS "${k}"` : `"${k}"`))
			.join(', ');
		await db.exec(`INSERT INTO ${name} BY NAME SELECT ${select} FROM ${stage}`);
		await db.exec(`DROP TABLE ${stage}`);
	}
}
