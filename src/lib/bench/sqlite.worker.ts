/**
 * The bench's SQLite: sql.js (SQLite compiled to wasm) in its own worker, as DuckDB-WASM runs in
 * one, so every timed question includes one worker round trip on both sides. The wasm is served
 * by the app (Vite `?url`), never from a CDN. Parquet is decoded here with hyparquet, the same
 * decoder the app's ingest uses, and inserted in one transaction of prepared statements.
 */
import initSqlJs, { type Database, type SqlJsValue } from 'sql.js/dist/sql-wasm-browser.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { SQLITE_SCHEMA, askSqlite } from './sqlite-questions';
import type { LoadReply, MissionParquet, SqliteReply, SqliteRequest } from './sqlite-protocol';

const RSSI_COLUMNS = [
	'mission_id',
	'seq',
	't',
	't_rel_s',
	'rssi_dbm',
	'noise_floor_dbm',
	'snr_db',
	'detected',
	'system_state'
];
const TELEMETRY_COLUMNS = [
	'mission_id',
	't',
	't_rel_s',
	'lat_deg',
	'lon_deg',
	'north_m',
	'east_m',
	'alt_rel_m'
];

let opening: Promise<Database> | null = null;

function open(): Promise<Database> {
	opening ??= initSqlJs({ locateFile: () => wasmUrl, useOldExtensionFunctions: false }).then(
		(SQL) => {
			const db = new SQL.Database();
			db.exec(SQLITE_SCHEMA);
			return db;
		}
	);
	return opening;
}

/** A Parquet value as SQLite takes it: BIGINT/µs timestamps → number, booleans → 0/1. */
function sqliteValue(v: unknown): SqlJsValue {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'boolean') return v ? 1 : 0;
	if (typeof v === 'number' || typeof v === 'string') return v;
	if (v instanceof Date) return v.getTime() * 1000;
	return String(v);
}

async function decode(file: ArrayBuffer, columns: string[]): Promise<SqlJsValue[][]> {
	const rows = (await parquetReadObjects({
		file,
		columns,
		compressors,
		// Keep timestamps as exact µs (the default Date would drop microseconds).
		parsers: { timestampFromMicroseconds: (us: bigint) => us }
	})) as Record<string, unknown>[];
	return rows.map((r) => columns.map((c) => sqliteValue(r[c])));
}

async function load(missions: MissionParquet[]): Promise<LoadReply> {
	const db = await open();
	const insert = (table: string, columns: string[]) =>
		db.prepare(
			`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
		);
	const rssi = insert('rssi_sample', RSSI_COLUMNS);
	const tel = insert('vehicle_telemetry', TELEMETRY_COLUMNS);
	let decodeMs = 0;
	let insertMs = 0;
	let rssiRows = 0;
	let telemetryRows = 0;
	db.exec('BEGIN');
	try {
		// One mission at a time keeps only one mission's decoded rows in memory.
		for (const m of missions) {
			const t0 = performance.now();
			const r = await decode(m.rssi_sample, RSSI_COLUMNS);
			const v = await decode(m.vehicle_telemetry, TELEMETRY_COLUMNS);
			const t1 = performance.now();
			for (const row of r) rssi.run(row);
			for (const row of v) tel.run(row);
			insertMs += performance.now() - t1;
			decodeMs += t1 - t0;
			rssiRows += r.length;
			telemetryRows += v.length;
		}
		const t2 = performance.now();
		db.exec('COMMIT');
		insertMs += performance.now() - t2;
	} catch (e) {
		db.exec('ROLLBACK');
		throw e;
	} finally {
		rssi.free();
		tel.free();
	}
	const version = String(db.exec('SELECT sqlite_version()')[0]?.values[0]?.[0] ?? '?');
	return { version, decodeMs, insertMs, rssiRows, telemetryRows };
}

async function handle(req: SqliteRequest): Promise<SqliteReply> {
	if (req.kind === 'load') return { id: req.id, ok: true, load: await load(req.missions) };
	return { id: req.id, ok: true, rows: askSqlite(await open(), req.question, req.missionId) };
}

self.addEventListener('message', (e: MessageEvent<SqliteRequest>) => {
	const req = e.data;
	handle(req).then(
		(reply) => self.postMessage(reply),
		(err: unknown) =>
			self.postMessage({
				id: req.id,
				ok: false,
				error: err instanceof Error ? err.message : String(err)
			} satisfies SqliteReply)
	);
});
