/**
 * openBrowserDb: DuckDB-WASM in a Web Worker, opened ONCE per tab. The promise is memoised, so
 * pages may call it early (while the page loads) to hide the ~2 s wasm cold start, and every later
 * caller shares the same database. Marks `duckdb:start`, `duckdb:instantiated` and `duckdb:ready`
 * are left on the performance timeline; `dbTimings()` reads them.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { arrowToRows } from './arrow';
import { pickBundle } from './bundles';
import { toDbError } from './errors';
import { Held } from './held';
import { openScratch } from './scratch';
import {
	COMPRESSED_CATALOG,
	ISOLATED_SETTINGS,
	oneScript,
	USE_CATALOG,
	sortSchemaPaths,
	splitSqlStatements
} from './schema';
import type { Db, Row, SqlParam } from './types';

/** The contract DDL and views, bundled at build time (sql/schema/*.sql, run in file-name order). */
const schemaFiles = import.meta.glob<string>('/sql/schema/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
});

/** Never fetch extensions: the app must work offline (parquet is decoded in JS, see ingest). */
const SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	...COMPRESSED_CATALOG
];

let opening: Promise<Db> | null = null;

/** The tab's database. The first call starts DuckDB; later calls get the same promise. */
export function openBrowserDb(): Promise<Db> {
	opening ??= start().catch((e: unknown) => {
		opening = null; // let a later call retry (e.g. after a flaky asset load)
		throw toDbError(e);
	});
	return opening;
}

/** Start-up timings in ms (undefined until reached), from the performance marks. */
export function dbTimings(): { instantiateMs?: number; readyMs?: number } {
	const at = (name: string): number | undefined =>
		performance.getEntriesByName(name, 'mark')[0]?.startTime;
	const t0 = at('duckdb:start');
	const inst = at('duckdb:instantiated');
	const ready = at('duckdb:ready');
	return {
		...(t0 !== undefined && inst !== undefined ? { instantiateMs: inst - t0 } : {}),
		...(t0 !== undefined && ready !== undefined ? { readyMs: ready - t0 } : {})
	};
}

function start(): Promise<Db> {
	return startEngine(true);
}

/**
 * Start an engine in a worker of its own. `main`: the tab's database (marks its start-up on the
 * timeline and names its bundle); else a throwaway engine (see Db.isolated).
 */
async function startEngine(main: boolean): Promise<Db> {
	if (main) performance.mark('duckdb:start');
	const bundle = await pickBundle();
	if (!bundle.mainWorker) throw new Error('DuckDB bundle has no worker script');
	const worker = new Worker(bundle.mainWorker);
	const adb = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await adb.instantiate(bundle.mainModule, bundle.pthreadWorker);
	if (main) {
		performance.mark('duckdb:instantiated');
		// Which build runs (coi = threaded, only when cross-origin isolated): shown to tests and to
		// anyone inspecting the page, without threading it through app state.
		document.documentElement.dataset.duckdbBundle = bundle.name;
	}
	// filesystem: without it, 1.32 reads a file registered by URL (registerUrl) with one full GET;
	// with it, by range requests (checked against the Pi simulator: 1.0 MB of a 6.6 MB .duckdb
	// read for a count and time span), and still whole from a server without ranges.
	await adb.open({
		query: { castBigIntToDouble: true, castDecimalToDouble: true },
		filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false }
	});
	const conn = await adb.connect();
	const db = facade(adb, conn, worker, main ? 'main' : 'isolated');
	await db.exec(
		oneScript([...SETTINGS, ...(main ? [] : ISOLATED_SETTINGS), ...schemaStatements()])
	);
	if (main) performance.mark('duckdb:ready');
	return db;
}

/**
 * An isolated engine started ahead (see Db.prepareIsolated) and, unless held, how long it waits
 * to be taken.
 */
let spare: {
	ready: Promise<Db>;
	timer: ReturnType<typeof setTimeout> | null;
	/** Aborted when taken: a warm-up still running stops at its next step. */
	taken: AbortController;
} | null = null;
const SPARE_MS = 60_000;

function takeSpare(): Promise<Db> | null {
	if (!spare) return null;
	if (spare.timer) clearTimeout(spare.timer);
	const { ready, taken } = spare;
	taken.abort();
	spare = null;
	return ready;
}

/** End the spare engine, if one waits. */
function endSpare(): void {
	void takeSpare()
		?.then((db) => db.close())
		.catch(() => undefined);
}

/** The contract DDL, views and macros as statements, in the order they run. */
function schemaStatements(): string[] {
	const paths = sortSchemaPaths(Object.keys(schemaFiles));
	return paths.flatMap((p) => splitSqlStatements(schemaFiles[p] ?? ''));
}

/** Statements measured so far (see `run`). */
let measured = 0;

function facade(
	adb: duckdb.AsyncDuckDB,
	conn: duckdb.AsyncDuckDBConnection,
	worker: Worker,
	owner: 'main' | 'isolated' | false
): Db {
	const held = new Held();
	const run = async (sql: string, params: readonly SqlParam[]): Promise<Table> => {
		const start = performance.now();
		try {
			if (params.length === 0) return await conn.query(held.before(sql));
			const first = held.take();
			if (first) await conn.query(first);
			const stmt = await conn.prepare(sql);
			try {
				return await stmt.query(...params);
			} finally {
				await stmt.close();
			}
		} catch (e) {
			throw toDbError(e, { sql });
		} finally {
			// One entry per statement (its first line names the query file): the bench reads them to
			// split "drop to drawn" into engine time and page time. Kept to the last few hundred, so
			// a long live session (queries at 5 Hz for hours) does not pile them up.
			if (++measured % 500 === 0) performance.clearMeasures('pisad:sql');
			performance.measure('pisad:sql', { start, detail: sql.slice(0, 80).split('\n')[0] });
		}
	};
	const db: Db = {
		async query<T = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
			return arrowToRows<T>(await run(sql, params));
		},
		async exec(sql: string): Promise<void> {
			await run(sql, []);
		},
		defer: (sql) => held.add(sql),
		registerFile: (name, bytes) => adb.registerFileBuffer(name, bytes),
		// HTTP protocol: DuckDB reads with range requests, so a big remote file is not downloaded whole.
		registerUrl: (name, url) =>
			adb.registerFileURL(name, url, duckdb.DuckDBDataProtocol.HTTP, false),
		dropFile: async (name) => {
			await adb.dropFile(name);
		},
		async insertArrowIpc(table: string, ipc: Uint8Array, append = false): Promise<void> {
			// Held statements are posted first, and the append right behind them (appends may be
			// posted several at once: each must go in the order it was called).
			const first = held.take();
			const before = first ? run(first, []) : Promise.resolve(null);
			const into = conn.insertArrowFromIPCStream(ipc, { name: table, create: !append });
			const [b] = await Promise.allSettled([before, into]);
			if (b.status === 'rejected') throw b.reason;
			try {
				await into;
			} catch (e) {
				throw toDbError(e, { sql: `insert Arrow into ${table}` });
			}
		},
		fork: async () => {
			// The default catalog is per connection: a fork uses the compressed one too.
			const c = await adb.connect();
			await c.query(USE_CATALOG);
			return facade(adb, c, worker, false);
		},
		scratch: (after = []) =>
			openScratch(db.fork as () => Promise<Db>, [...schemaStatements(), ...after]),
		isolated: () => {
			const ready = takeSpare();
			if (!ready) return startEngine(false);
			performance.mark('pisad:import:spare-taken');
			return ready.catch(() => startEngine(false));
		},
		prepareIsolated: (hold = false, warm) => {
			if (spare) {
				// Held now: a dialog's minute no longer ends it.
				if (hold && spare.timer) clearTimeout(spare.timer);
				if (hold) spare.timer = null;
				return;
			}
			const t0 = performance.now();
			const taken = new AbortController();
			const ready = startEngine(false).then(async (db) => {
				await warm?.(db, taken.signal).catch(() => undefined);
				return db;
			});
			// When it was up (a measure: a drop clears the marks), for the tests and the bench.
			ready.then(
				() => performance.measure('pisad:engine-ahead', { start: t0, end: performance.now() }),
				() => undefined
			);
			spare = { ready, taken, timer: hold ? null : setTimeout(endSpare, SPARE_MS) };
		},
		releaseIsolated: endSpare,
		version: () => adb.getVersion(),
		async close(): Promise<void> {
			await conn.close();
			if (!owner) return;
			await adb.terminate();
			worker.terminate();
			if (owner === 'main') opening = null;
		}
	};
	return db;
}
