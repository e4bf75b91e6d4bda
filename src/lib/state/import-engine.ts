/**
 * The engine a library import runs in (Db.isolated), started ahead on the home page: once the
 * page has been shown for half a second (its first paint first) and held while it stays shown, so
 * files dropped or chosen there go in without waiting ~1 s for it (the folder dialog starts one
 * too, for a minute). Only where the library is stored: otherwise the tab's own engine imports.
 */
import { asset } from '$app/paths';
import type { Db } from '$lib/db/types';
import type { NamedBytes } from '$lib/ingest';
import { fetchMissionFiles } from '$lib/ingest/fetch';
import type { AppState } from './app.svelte';
import { warmImport } from './library-keep';

/** The demo missions' files (served by the app, fetched as a `?src=` folder is), for the warm-up. */
async function demoFiles(): Promise<NamedBytes[]> {
	const res = await fetch(asset('/demo/index.json'));
	if (!res.ok) return [];
	const { missions } = (await res.json()) as { missions: { path: string }[] };
	const root = new URL(asset('/'), location.href);
	return fetchMissionFiles(missions.map((m) => new URL(m.path, root).href));
}

/**
 * Once per tab: the code it compiles is shared by every engine the tab starts after (the wasm
 * module is one per page process), so a later visit to this page holds an engine without it.
 */
let warmed = false;

/**
 * The held engine readied (warmImport): its scratch catalog made, and once per tab a library
 * import's work done in it first, on the demo missions.
 */
async function warm(db: Db, taken: AbortSignal): Promise<void> {
	if (warmed) return warmImport(db, []);
	const files = await demoFiles();
	await warmImport(db, taken.aborted ? [] : files, taken);
	warmed = !taken.aborted;
}

/** How long after the page opens the engine is started, ms. */
export const AHEAD_AFTER_MS = 500;

/** Start it after AHEAD_AFTER_MS; the returned function (leaving the page) ends it if not taken. */
export function importEngineAhead(app: AppState): () => void {
	let left = false;
	const timer = setTimeout(() => {
		void Promise.all([app.db(), app.stored.ready()])
			.then(([db]) => {
				if (!left && app.stored.durable) db.prepareIsolated?.(true, warm);
			})
			.catch(() => undefined);
	}, AHEAD_AFTER_MS);
	return () => {
		left = true;
		clearTimeout(timer);
		void app
			.db()
			.then((db) => db.releaseIsolated?.())
			.catch(() => undefined);
	};
}
