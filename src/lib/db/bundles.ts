/**
 * Self-hosted DuckDB-WASM bundles: Vite copies the wasm and worker files into the build and gives
 * their URLs, so the app never touches a CDN and works in a field with no internet. The threaded
 * (coi) bundle needs cross-origin isolation headers and is left for later.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/** The bundles this app ships, all same-origin. */
export const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** Pick eh when the browser has wasm exceptions (all current ones), else mvp. */
export function pickBundle(): Promise<duckdb.DuckDBBundle> {
	return duckdb.selectBundle(BUNDLES);
}
