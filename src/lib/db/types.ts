/**
 * The DB facade's contract. Everything outside src/lib/db talks to DuckDB through this interface;
 * the browser implementation runs DuckDB-WASM in a worker, the Node implementation (tests,
 * benchmarks) runs the very same wasm engine through duckdb-wasm's Node build.
 */

/** A bound parameter. duckdb-wasm sends params as JSON: cast in SQL (`$2::TIMESTAMPTZ`). */
export type SqlParam = string | number | boolean | null;

/** A plain JS value converted from Arrow (see arrow.ts): TIMESTAMPTZ → epoch ms number. */
export type SqlValue = string | number | boolean | null | SqlValue[] | { [key: string]: SqlValue };

export type Row = Record<string, SqlValue>;

export interface Db {
	/** Run one statement with bound params and return typed rows (Arrow converted in one place). */
	query<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
	/** Run one or more statements without params (DDL, SET, ...). */
	exec(sql: string): Promise<void>;
	/**
	 * Hold a statement that answers nothing back to go with the next call, in order (one round
	 * trip instead of two; see held.ts). Its error, if any, is that next call's. Use `soon()`.
	 */
	defer?(sql: string): void;
	/** Make bytes readable by SQL under `name` (e.g. read_parquet('name') or ATTACH 'name'). */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Make a remote file readable by SQL under `name`, read with HTTP range requests. */
	registerUrl?(name: string, url: string): Promise<void>;
	dropFile(name: string): Promise<void>;
	/**
	 * Create table `table` (in the default schema) from an Arrow IPC *stream*. This is how Parquet
	 * rows reach the engine: the npm duckdb-wasm builds do not contain the parquet extension (it is
	 * downloaded on demand, which an offline app cannot do), so ingest decodes Parquet in JS and
	 * hands DuckDB Arrow. Optional so test doubles need not implement it. `append`: add the rows
	 * to an existing table of the same columns (a bulk write stages many missions in one table).
	 */
	insertArrowIpc?(table: string, ipc: Uint8Array, append?: boolean): Promise<void>;
	/**
	 * Another connection to the same database. Transactions are per connection: a writer that
	 * runs its own transactions beside the app's (the live recorder's batches while a file loads)
	 * must use its own, or the two would nest. Closing a fork closes only that connection.
	 */
	fork?(): Promise<Db>;
	/**
	 * A connection to a fresh, uncompressed in-memory catalog with the contract schema (see
	 * scratch.ts): the same SQL runs there, and closing it drops every row it holds at once.
	 * `after`: statements run once the schema is in (a library import narrows its tables).
	 */
	scratch?(after?: readonly string[]): Promise<Scratch>;
	/**
	 * A new engine of its own (its own worker, the contract schema, nothing loaded). Closing it
	 * ends the worker, and the memory its work took goes back to the system: a wasm heap never
	 * shrinks, so a library import that runs in one leaves the tab's engine as small as it was.
	 */
	isolated?(): Promise<Db>;
	/**
	 * Start now the engine the next `isolated()` returns (the folder dialog is open: a library
	 * import is likely), so it is ready when the files arrive. Ended if not taken within a minute,
	 * unless `hold`: then it waits until taken or `releaseIsolated()`. `warm` runs in it first
	 * (its failure is ignored); `isolated()` returns it once that is done, and aborts `taken`
	 * (a warm-up still running then stops at its next step).
	 */
	prepareIsolated?(hold?: boolean, warm?: (db: Db, taken: AbortSignal) => Promise<void>): void;
	/** End the engine `prepareIsolated` started, if it was not taken. */
	releaseIsolated?(): void;
	/** Engine version, e.g. 'v1.4.3'. */
	version(): Promise<string>;
	close(): Promise<void>;
}

/** A scratch catalog's connection: `empty()` lets every row it holds go, and keeps it open. */
export interface Scratch extends Db {
	/**
	 * Drop and make again every table of the catalog, as its schema (and `after`) left them: their
	 * memory goes back as with a close, and the next chunk writes into the same catalog. Making a
	 * new one ran the whole schema again (views, macros, the narrowing): 85–105 ms of the engine
	 * per settle in the browser, 220 ms for the first. Held to go with the next statement.
	 */
	empty(): Promise<void>;
}
