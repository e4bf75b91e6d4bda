/**
 * Self-hosted DuckDB-WASM bundles: Vite copies the wasm and worker files into the build and gives
 * their URLs, so the app never touches a CDN and works in a field with no internet.
 *
 * The threaded (coi) bundle runs queries on several threads, but SharedArrayBuffer only exists
 * when the page is cross-origin isolated, i.e. the host sends COOP/COEP headers (`npm run serve --
 * --isolated`). `duckdb.selectBundle` picks it only then, so the same build works on any plain
 * static host with the single-threaded eh/mvp bundles.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import coiWasm from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import coiWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiPthread from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';

/** The bundles this app ships, all same-origin. */
export const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker },
	coi: { mainModule: coiWasm, mainWorker: coiWorker, pthreadWorker: coiPthread }
};

/** Which build runs: 'coi' (threads), 'eh' (wasm exceptions) or 'mvp'. */
export type BundleName = 'coi' | 'eh' | 'mvp';

/** Pick coi when cross-origin isolated with threads, else eh, else mvp. */
export async function pickBundle(): Promise<duckdb.DuckDBBundle & { name: BundleName }> {
	const b = await duckdb.selectBundle(BUNDLES);
	const name: BundleName =
		b.mainModule === coiWasm ? 'coi' : b.mainModule === ehWasm ? 'eh' : 'mvp';
	return { ...b, name };
}
