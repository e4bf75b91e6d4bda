/**
 * Parquet → Arrow IPC in WebAssembly (parquet-wasm: arrow-rs compiled to wasm). It decodes a
 * one-hour mission in ~30 ms where the JS path (hyparquet + an apache-arrow build) took ~370 ms
 * (`../shared/measured-anchors.md`), and it keeps the file's types (TIMESTAMPTZ, BIGINT,
 * VARCHAR), so the engine takes the columns as they are: no staging to DOUBLE and casting back.
 * It reads snappy, gzip, brotli, zstd and LZ4_RAW; `hyparquetToIpc` stays only for what it
 * cannot read (legacy LZ4 framing), see `parquetFileToIpc`.
 *
 * The wasm (4.9 MB, served by the app like DuckDB's) is instantiated once per thread: in the
 * decoding workers in the browser, from bytes in Node (tests, benchmarks).
 */
import init, { readParquet } from 'parquet-wasm/esm';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { projectParquet } from './parquet-project';

/** Rows per Arrow batch: the default 1 024 makes ~36 batches for one hour of RSSI. */
export const BATCH_ROWS = 65_536;

let ready: Promise<unknown> | null = null;

/**
 * Instantiate the wasm once: from a URL (the browser: the app's own asset) or from its bytes
 * (Node). Later calls return the first call's promise.
 */
export function initParquetWasm(source: URL | string | BufferSource): Promise<unknown> {
	ready ??= init({ module_or_path: source }).catch((e: unknown) => {
		ready = null;
		throw e;
	});
	return ready;
}

/** True once a source was given (the caller decides where the wasm comes from). */
export function parquetWasmStarted(): boolean {
	return ready !== null;
}

/**
 * Decode `columns` (all when omitted) of a whole Parquet file (or of some row groups, or of some
 * rows of them) to one Arrow IPC stream with the file's own types. Throws parquet-wasm's error
 * for a file it cannot read. `readParquet` ignores `columns`, so the file is first given a footer
 * that names only them (parquet-project.ts): the other columns are neither decoded nor returned.
 */
export async function parquetWasmToIpc(
	bytes: Uint8Array,
	columns?: string[],
	rowGroups?: number[],
	rows?: { offset: number; limit: number }
): Promise<Uint8Array> {
	if (!ready) throw new Error('parquet-wasm is not initialised (initParquetWasm first)');
	await ready;
	const projected = columns ? projectParquet(bytes, columns) : null;
	if (projected === 'empty') return onlyColumns(await parquetWasmToIpc(bytes), columns ?? []);
	const table = readParquet(projected ?? bytes, {
		batchSize: BATCH_ROWS,
		...(rowGroups ? { rowGroups } : {}),
		// Rows counted from the first of `rowGroups`: only they are decoded into the table.
		...(rows ?? {})
	});
	try {
		return table.intoIPCStream();
	} finally {
		// intoIPCStream consumes the table; free() is a no-op then, but guards an early throw.
		try {
			table.free();
		} catch {
			// already consumed
		}
	}
}

/** A stream with only `columns` (in the stream's order): for a file without rows, schema only. */
function onlyColumns(ipc: Uint8Array, columns: readonly string[]): Uint8Array {
	const t = tableFromIPC(ipc);
	return tableToIPC(
		t.select(t.schema.fields.map((f) => f.name).filter((n) => columns.includes(n))),
		'stream'
	);
}
