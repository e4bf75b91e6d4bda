/**
 * openNodeDb: the SAME DuckDB-WASM engine as the browser (eh wasm, engine v1.4.3), run through
 * duckdb-wasm's blocking Node build, for tests and benchmarks. Same DDL, same Arrow → rows, same
 * error mapping as browser.ts. Node code imports this module directly; index.ts does not export it
 * so the browser bundle never sees node: modules.
 *
 * Why not read Parquet in SQL here: the npm wasm builds ship without the parquet extension and try
 * to download it on first use; in Node that download blocks forever (why `COPY ... TO` "hung").
 * Autoload is switched off so such a statement fails at once with a clear error instead.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Table } from 'apache-arrow';
import { arrowToRows } from './arrow';
import { toDbError } from './errors';
import { Held } from './held';
import { openScratch } from './scratch';
import {
	COMPRESSED_CATALOG,
	ISOLATED_SETTINGS,
	USE_CATALOG,
	sortSchemaPaths,
	splitSqlStatements
} from './schema';
import type { Db, Row, SqlParam } from './types';

/** Settings run on every new database: never fetch extensions (offline, and Node would hang). */
export const ENGINE_SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	...COMPRESSED_CATALOG
];

/** Options for tests: which schema directory to run (default: the repo's sql/schema). */
export interface NodeDbOptions {
	schemaDir?: string;
}

const require = createRequire(import.meta.url);
const dist = (file: string): string => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);

/** The repo's sql/schema, found relative to this file (works under Vitest and tsx alike). */
const DEFAULT_SCHEMA_DIR = fileURLToPath(new URL('../../../sql/schema', import.meta.url));

/** Read sql/schema/*.sql in file-name order and split into statements. */
export function readSchemaStatements(dir = DEFAULT_SCHEMA_DIR): string[] {
	const files = sortSchemaPaths(readdirSync(dir).filter((f) => f.endsWith('.sql')));
	return files.flatMap((f) => splitSqlStatements(readFileSync(`${dir}/${f}`, 'utf8')));
}

/** Open a fresh in-memory database (one per call; ~1 s to instantiate) with the contract DDL. */
export async function openNodeDb(opts: NodeDbOptions = {}): Promise<Db> {
	const bundles: duckdb.DuckDBBundles = {
		mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') }
	};
	const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await bindings.instantiate(() => {});
	bindings.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const schema = readSchemaStatements(opts.schemaDir);
	const db = connection(bindings, bindings.connect(), schema, true);
	db.isolated = async () => {
		const e = await openNodeDb(opts);
		for (const s of ISOLATED_SETTINGS) await e.exec(s);
		return e;
	};
	for (const s of ENGINE_SETTINGS) await db.exec(s);
	for (const s of schema) await db.exec(s);
	return db;
}

/** The facade over one connection (`owner`: closing it ends the engine). */
function connection(
	bindings: duckdb.DuckDBBindings,
	conn: duckdb.DuckDBConnection,
	schema: readonly string[],
	owner: boolean
): Db {
	const held = new Held();
	const run = (sql: string, params: readonly SqlParam[]): Table => {
		try {
			if (params.length === 0) return conn.query(held.before(sql));
			const first = held.take();
			if (first) conn.query(first);
			const stmt = conn.prepare(sql);
			try {
				return stmt.query(...params);
			} finally {
				stmt.close();
			}
		} catch (e) {
			throw toDbError(e, { sql });
		}
	};

	const db: Db = {
		async query<T = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
			return arrowToRows<T>(run(sql, params));
		},
		async exec(sql: string): Promise<void> {
			run(sql, []);
		},
		defer: (sql) => held.add(sql),
		async registerFile(name: string, bytes: Uint8Array): Promise<void> {
			bindings.registerFileBuffer(name, bytes);
		},
		async dropFile(name: string): Promise<void> {
			bindings.dropFile(name);
		},
		async insertArrowIpc(table: string, ipc: Uint8Array, append = false): Promise<void> {
			const first = held.take();
			if (first) run(first, []);
			try {
				conn.insertArrowFromIPCStream(ipc, { name: table, create: !append });
			} catch (e) {
				throw toDbError(e, { sql: `insert Arrow into ${table}` });
			}
		},
		async version(): Promise<string> {
			const [row] = await db.query<{ v: string }>('SELECT version() AS v');
			return row?.v ?? 'unknown';
		},
		fork: async () => {
			// The default catalog is per connection: a fork uses the compressed one too.
			const c = connection(bindings, bindings.connect(), schema, false);
			await c.exec(USE_CATALOG);
			return c;
		},
		scratch: (after = []) => openScratch(db.fork as () => Promise<Db>, [...schema, ...after]),
		async close(): Promise<void> {
			conn.close();
			if (owner) bindings.reset();
		}
	};
	return db;
}
