/**
 * Missions a page names (`?m=`, `?a=`, `?b=`) that are not in the engine yet come back from where
 * they are kept: the browser's stored library (their files, loaded as a drop would be), then the
 * open fleet archive (their rows, by range reads).
 */
import { loadArchiveMission } from '$lib/archive/load';
import type { AppState } from './app.svelte';
import type { LoadJob } from './load-job.svelte';
import type { Loader } from './loader.svelte';
import { errorText } from './messages';

/** Load the named missions that are kept (stored or archived) but not in the engine. */
export async function restore(
	app: AppState,
	loader: Loader,
	named: (string | null)[]
): Promise<void> {
	const { stored, archive } = app;
	await stored.ready();
	const known = new Set(app.missions.map((m) => m.mission_id));
	const want = named.filter((id): id is string => !!id && !known.has(id) && stored.has(id));
	if (want.length) await loader.start({ files: await stored.read(want) }).done;
	for (const id of named) {
		const m = id && !known.has(id) && !stored.has(id) ? archive.get(id) : undefined;
		const root = archive.root;
		if (m && root)
			await loader
				.run((db) => loadArchiveMission(db, root, m, fetch, archive.take(m.mission_id)))
				.catch((e: unknown) => app.say('error', errorText(e)));
	}
}

/** Load every stored mission not in the engine yet (for SQL over the whole library). */
export async function restoreAll(app: AppState, loader: Loader): Promise<LoadJob> {
	const known = new Set(app.missions.map((m) => m.mission_id));
	const want = app.stored.missions.map((m) => m.mission_id).filter((id) => !known.has(id));
	return loader.start({ files: await app.stored.read(want) });
}
