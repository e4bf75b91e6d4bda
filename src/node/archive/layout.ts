/**
 * The archive's layout (a contract: docs/archive.md; the browser reads it too):
 * `<dir>/<table>/year=YYYY/month=MM/<batch>.parquet` per contract table (a mission's rows in the
 * partition of its start), `<dir>/missions.parquet` (the manifest), new files written aside in
 * `<dir>/.tmp-<batch>/` and renamed into place, the manifest last.
 */
import { join } from 'node:path';
import { CONTRACT_TABLES, type ContractTable } from '../../lib/contract';
import { sqlStr } from './native';

/** The manifest's file name. */
export const MANIFEST = 'missions.parquet';

/** Prefix of a batch's directory while it is written. */
export const TEMP_PREFIX = '.tmp-';

/** Rows per row group: small enough that a mission's range read skips most of a file. */
export const ROW_GROUP_ROWS = 100_000;

/** Tables with a time column `t` (rows sorted by mission_id, t); the others by mission_id. */
const UNTIMED: readonly ContractTable[] = ['mission', 'search_pattern', 'waypoint', 'beacon_truth'];

/** The sort order of a table's rows in its files. */
export function orderOf(table: ContractTable): string {
	if (table === 'waypoint') return 'mission_id, idx';
	return UNTIMED.includes(table) ? 'mission_id' : 'mission_id, t';
}

/** Every contract table, in load order. */
export const TABLES: readonly ContractTable[] = CONTRACT_TABLES;

/** A new batch's id: UTC time of the write and a random tail (names sort by write time). */
export function batchId(): string {
	const t = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	return `b${t}-${Math.random().toString(16).slice(2, 8)}`;
}

/** The relative path of one data file. */
export function partPath(table: ContractTable, year: number, month: number, batch: string) {
	return `${table}/year=${year}/month=${String(month).padStart(2, '0')}/${batch}.parquet`;
}

/**
 * The statements that make an archive's tables queryable as the app's contract tables: one view
 * per table over the files the manifest lists (`parts`), without the partition columns. A table
 * no mission has rows in gets the contract's empty table instead (`ddl`: its CREATE TABLE).
 */
export function viewStatements(
	dir: string,
	files: Record<ContractTable, string[]>,
	ddl: (table: ContractTable) => string
): string[] {
	return TABLES.map((table) => {
		const list = files[table];
		if (!list.length) return ddl(table);
		const paths = list.map((p) => sqlStr(join(dir, p))).join(', ');
		return `CREATE OR REPLACE VIEW ${table} AS SELECT * EXCLUDE (year, month) FROM read_parquet([${paths}], hive_partitioning = true)`;
	});
}

/** The table a `CREATE TABLE IF NOT EXISTS <name>` schema statement creates, if it is one. */
export function createdTable(statement: string): string | undefined {
	return /CREATE TABLE IF NOT EXISTS (\w+)/i.exec(statement)?.[1];
}
