/**
 * The fleet archive this tab has open (issue 17), if any: its root URL and the missions of its
 * manifest. The library lists them beside the engine's and the stored ones; opening one loads its
 * rows by range reads (the loader does, in turn with the other loads).
 */
import { archiveRoot, readArchive, type ArchiveMission } from '$lib/archive/manifest';

export class ArchiveState {
	root = $state<string | null>(null);
	missions = $state.raw<ArchiveMission[]>([]);
	/** By id (a lookup for 1 000+ missions), replaced whole with the missions. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
	#byId = $derived(new Map(this.missions.map((m) => [m.mission_id, m])));
	#opening: { root: string; done: Promise<void> } | null = null;

	/** Open an archive by URL (its root, or its missions.parquet); the same one again is a no-op. */
	open(url: string): Promise<void> {
		const root = archiveRoot(url, typeof location === 'undefined' ? undefined : location.href);
		if (this.#opening?.root === root) return this.#opening.done;
		const done = readArchive(root).then((missions) => {
			this.missions = missions;
			this.root = root;
			performance.mark('pisad:archive-listed');
		});
		this.#opening = { root, done };
		done.catch(() => (this.#opening = null));
		return done;
	}

	get(missionId: string): ArchiveMission | undefined {
		return this.#byId.get(missionId);
	}
}
