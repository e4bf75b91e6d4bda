/**
 * The engine a library import runs in (Db.isolated), started ahead on the home page: once the
 * page has been shown for a second (its first paint first) and held while it stays shown, so
 * files dropped or chosen there go in without waiting ~1 s for it (the folder dialog starts one
 * too, for a minute). Only where the library is stored: otherwise the tab's own engine imports.
 */
import type { AppState } from './app.svelte';

/** How long after the page opens the engine is started, ms. */
export const AHEAD_AFTER_MS = 1000;

/** Start it after AHEAD_AFTER_MS; the returned function (leaving the page) ends it if not taken. */
export function importEngineAhead(app: AppState): () => void {
	let left = false;
	const timer = setTimeout(() => {
		void Promise.all([app.db(), app.stored.ready()])
			.then(([db]) => {
				if (!left && app.stored.durable) db.prepareIsolated?.(true);
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
