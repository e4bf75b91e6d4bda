/**
 * Writes one mission (contract v1 tables plus the WebSocket capture) to a mission folder:
 * `<table>.parquet` per contract table (zstd, kv metadata `pisad.contract_version`),
 * `mission.duckdb` holding the same tables, and `ws_capture.jsonl`.
 *
 * Rows go into an in-memory DuckDB created from the contract DDL through the appender API
 * (tens of thousands of rows per second per column are cheap that way), and every output is
 * produced by DuckDB itself so the files carry exactly the contract's column types.
 */
import { DuckDBInstance, DuckDBTimestampTZValue } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	CONTRACT_TABLES,
	CONTRACT_VERSION,
	CONTRACT_VERSION_KEY,
	type ContractTable,
	type MissionTables
} from '../lib/contract';

/** Which outputs to write; each defaults to true. */
export interface WriteMissionOptions {
	parquet?: boolean;
	duckdb?: boolean;
	jsonl?: boolean;
}

/** What the simulator or live recorder hands over. */
export interface MissionWriteInput {
	tables: MissionTables;
	ws?: object[];
}

const DDL_PATH = fileURLToPath(new URL('../../sql/schema/contract_v1.sql', import.meta.url));

/** Names of the files a mission folder holds. */
export const MISSION_DUCKDB_FILE = 'mission.duckdb';
export const WS_CAPTURE_FILE = 'ws_capture.jsonl';

type ColumnKind = 'varchar' | 'timestamptz' | 'double' | 'integer' | 'bigint' | 'boolean';

interface ColumnSpec {
	name: string;
	kind: ColumnKind;
}

/** Maps a DuckDB type name from duckdb_columns() to the appender call that fills it. */
function kindOf(dataType: string): ColumnKind {
	switch (dataType) {
		case 'VARCHAR':
			return 'varchar';
		case 'TIMESTAMP WITH TIME ZONE':
			return 'timestamptz';
		case 'DOUBLE':
			return 'double';
		case 'INTEGER':
			return 'integer';
		case 'BIGINT':
			return 'bigint';
		case 'BOOLEAN':
			return 'boolean';
		default:
			throw new Error(`mission-writer: unsupported contract column type ${dataType}`);
	}
}

/** Runs the contract DDL statement by statement (the file's comments contain ';'). */
async function runDdl(conn: DuckDBConnection, ddl: string): Promise<void> {
	const extracted = await conn.extractStatements(ddl);
	for (let i = 0; i < extracted.count; i++) {
		const prepared = await extracted.prepare(i);
		await prepared.run();
	}
}

async function columnSpecs(conn: DuckDBConnection): Promise<Map<string, ColumnSpec[]>> {
	const reader = await conn.runAndReadAll(
		`SELECT table_name, column_name, data_type FROM duckdb_columns()
		 WHERE database_name = current_database() AND schema_name = 'main'
		 ORDER BY table_name, column_index`
	);
	const specs = new Map<string, ColumnSpec[]>();
	for (const row of reader.getRowObjectsJS()) {
		const table = String(row.table_name);
		const list = specs.get(table) ?? [];
		list.push({ name: String(row.column_name), kind: kindOf(String(row.data_type)) });
		specs.set(table, list);
	}
	return specs;
}

/** Epoch milliseconds (fractions down to µs) to a TIMESTAMPTZ value. */
function toTimestampTz(ms: number): DuckDBTimestampTZValue {
	return new DuckDBTimestampTZValue(BigInt(Math.round(ms * 1000)));
}

function appendValue(app: DuckDBAppender, spec: ColumnSpec, table: string, value: unknown): void {
	if (value === null || value === undefined || (typeof value === 'number' && !isFinite(value))) {
		app.appendNull();
		return;
	}
	const bad = (): never => {
		throw new Error(`mission-writer: ${table}.${spec.name} cannot hold ${JSON.stringify(value)}`);
	};
	switch (spec.kind) {
		case 'varchar':
			return app.appendVarchar(typeof value === 'string' ? value : JSON.stringify(value));
		case 'boolean':
			return typeof value === 'boolean' ? app.appendBoolean(value) : bad();
		case 'double':
			return typeof value === 'number' ? app.appendDouble(value) : bad();
		case 'integer':
			return typeof value === 'number' ? app.appendInteger(Math.round(value)) : bad();
		case 'bigint':
			if (typeof value === 'bigint') return app.appendBigInt(value);
			return typeof value === 'number' ? app.appendBigInt(BigInt(Math.round(value))) : bad();
		case 'timestamptz':
			return typeof value === 'number' ? app.appendTimestampTZ(toTimestampTz(value)) : bad();
	}
}

async function appendTable(
	conn: DuckDBConnection,
	table: ContractTable,
	specs: ColumnSpec[],
	rows: readonly object[]
): Promise<void> {
	if (rows.length === 0) return;
	const app = await conn.createAppender(table);
	for (const row of rows) {
		const record = row as Record<string, unknown>;
		for (const spec of specs) appendValue(app, spec, table, record[spec.name]);
		app.endRow();
	}
	app.closeSync();
}

function sqlString(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

/**
 * Writes `result` into `outDir` (created if missing; existing outputs are replaced).
 * Returns the written file paths, Parquet files in contract table order first.
 */
export async function writeMission(
	result: MissionWriteInput,
	outDir: string,
	opts: WriteMissionOptions = {}
): Promise<string[]> {
	const { parquet = true, duckdb = true, jsonl = true } = opts;
	await mkdir(outDir, { recursive: true });
	const written: string[] = [];
	const ddl = await readFile(DDL_PATH, 'utf8');
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		await runDdl(conn, ddl);
		const specs = await columnSpecs(conn);
		for (const table of CONTRACT_TABLES) {
			const tableSpecs = specs.get(table);
			if (!tableSpecs) throw new Error(`mission-writer: DDL lacks table ${table}`);
			await appendTable(conn, table, tableSpecs, result.tables[table]);
		}
		if (parquet) {
			const kv = `{${sqlString(CONTRACT_VERSION_KEY)}: ${sqlString(CONTRACT_VERSION)}}`;
			for (const table of CONTRACT_TABLES) {
				const file = path.join(outDir, `${table}.parquet`);
				await conn.run(
					`COPY ${table} TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, KV_METADATA ${kv})`
				);
				written.push(file);
			}
		}
		if (duckdb) written.push(await copyToDuckDbFile(conn, ddl, outDir));
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	if (jsonl && result.ws) {
		const file = path.join(outDir, WS_CAPTURE_FILE);
		const body = result.ws.map((m) => JSON.stringify(m)).join('\n');
		await writeFile(file, body.length > 0 ? body + '\n' : '');
		written.push(file);
	}
	return written;
}

/** Creates mission.duckdb from the same DDL (keeping its constraints) and copies the rows in. */
async function copyToDuckDbFile(conn: DuckDBConnection, ddl: string, outDir: string) {
	const file = path.join(outDir, MISSION_DUCKDB_FILE);
	await rm(file, { force: true });
	await rm(`${file}.wal`, { force: true });
	await conn.run(`ATTACH ${sqlString(file)} AS mission_file`);
	try {
		await conn.run('USE mission_file');
		await runDdl(conn, ddl);
		for (const table of CONTRACT_TABLES) {
			await conn.run(`INSERT INTO mission_file.main.${table} SELECT * FROM memory.main.${table}`);
		}
		await conn.run('CHECKPOINT mission_file');
	} finally {
		await conn.run('USE memory');
		await conn.run('DETACH mission_file');
	}
	return file;
}
