/**
 * Vitest runs the app's ingest in Node, where parquet-wasm cannot fetch its wasm from the app's
 * origin as the browser does: instantiate it from the package's file before any test decodes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initParquetWasm } from '$lib/ingest/parquet-wasm';

const require = createRequire(import.meta.url);
await initParquetWasm(readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
