/**
 * The archive as the app's database in native DuckDB: one view per contract table over the data
 * files its manifest lists (so files of an interrupted add are never read), then the app's own
 * schema views and macros (sql/schema), and the app's `Db` facade over the connection, so the
 * browser's query wrappers (src/lib/queries) run unchanged on the command line.
 */
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { ContractTable } from '../../lib/contract';
import { readSchemaStatements } from '../../lib/db/node';
import type { Db, SqlParam } from '../../lib/db/types';
import { MANIFEST, TABLES, createdTable, viewStatements } from './layout';
import { openNative, rowsOf, sqlStr } from './native';

/**
 * The statements that open the archive at `dir`: `views` (a view per contract table, or its empty
 * table) and `schema` (the app's schema views and macros over them).
 */
export async function archiveStatements(
	con: DuckDBConnection,
	dir: string
): Promise<{ views: string[]; schema: string[] }> {
	const rows = await rowsOf<{ parts: string[] }>(
		con,
		`SELECT parts FROM read_parquet(${sqlStr(join(dir, MANIFEST))})`
	);
	const files = Object.fromEntries(TABLES.map((t) => [t, [] as string[]])) as Record<
		ContractTable,
		string[]
	>;
	for (const p of new Set(rows.flatMap((r) => r.parts)))
		files[p.slice(0, p.indexOf('/')) as ContractTable]?.push(p);
	const schema = readSchemaStatements();
	const ddl = (t: ContractTable): string => schema.find((s) => createdTable(s) === t) ?? '';
	const isContract = (s: string): boolean => TABLES.includes(createdTable(s) as ContractTable);
	return {
		views: viewStatements(dir, files, ddl),
		schema: schema.filter((s) => !isContract(s))
	};
}

/** A native connection with the archive at `dir` open as the app's tables. */
export async function openArchive(dir: string): Promise<DuckDBConnection> {
	const con = await openNative();
	const { views, schema } = await archiveStatements(con, dir);
	for (const s of [...views, ...schema]) await con.run(s);
	return con;
}

/**
 * The app's Db facade over a native connection. `keep`: every query's answer is also kept as
 * the temp table `fleet_result` (with DuckDB's own types), for writing it as CSV or Parquet.
 */
export function nativeDb(con: DuckDBConnection, keep = false): Db {
	const db: Db = {
		async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
			const values = params as DuckDBValue[];
			if (!keep) return rowsOf<T>(con, sql, values);
			await con.run(`CREATE OR REPLACE TEMP TABLE fleet_result AS ${sql}`, [...values]);
			return rowsOf<T>(con, 'SELECT * FROM fleet_result');
		},
		async exec(sql: string): Promise<void> {
			await con.run(sql);
		},
		async registerFile(): Promise<void> {
			throw new Error('registerFile: not used on an archive (its files are read in place)');
		},
		async dropFile(): Promise<void> {},
		async version(): Promise<string> {
			const [r] = await rowsOf<{ v: string }>(con, 'SELECT version() AS v');
			return r?.v ?? 'unknown';
		},
		async close(): Promise<void> {
			con.closeSync();
		}
	};
	return db;
}
