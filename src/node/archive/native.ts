/**
 * Native DuckDB (@duckdb/node-api, the wasm engine's version 1.4.3) for the archive and the fleet
 * command: one in-memory instance per command, times in UTC, answers as plain JS values shaped
 * like the browser's (TIMESTAMPTZ → epoch ms, integers → numbers), so the two engines' answers
 * compare directly.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

/** A plain value as the browser's Db facade gives it. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** One answer row. */
export type PlainRow = Record<string, Plain>;

/**
 * A connection to a fresh in-memory database. TimeZone is UTC: native DuckDB has ICU (the wasm
 * build has not), and without it a TIMESTAMPTZ's year and month would follow the machine's zone.
 */
export async function openNative(): Promise<DuckDBConnection> {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	await con.run("SET TimeZone = 'UTC'");
	return con;
}

/** Run one statement with bound parameters and return its rows as plain values. */
export async function rowsOf<T = PlainRow>(
	con: DuckDBConnection,
	sql: string,
	params: readonly DuckDBValue[] = []
): Promise<T[]> {
	const reader = await con.runAndReadAll(sql, params.length ? [...params] : undefined);
	return reader.getRowObjectsJS().map((r) => plain(r) as T);
}

function plain(v: unknown): Plain {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) return v.getTime();
	if (Array.isArray(v)) return v.map(plain);
	if (typeof v === 'object')
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
	return v as Plain;
}

/** A SQL string literal (paths and ids are spliced only where DuckDB takes no parameter). */
export function sqlStr(s: string): string {
	return `'${s.replace(/'/g, "''")}'`;
}
