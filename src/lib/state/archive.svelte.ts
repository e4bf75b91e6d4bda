/**
 * The fleet archive this tab has open (issue 17), if any: its root URL and the missions of its
 * manifest. The library lists them beside the engine's and the stored ones; opening one loads its
 * rows by range reads (the loader does, in turn with the other loads), fetched from the moment
 * its link is pressed (`prepare`).
 */
import { prepareArchiveMission } from '$lib/archive/load';
import { archiveRoot, readArchive, type ArchiveMission } from '$lib/archive/manifest';
import type { Db } from '$lib/db/types';
import type { TableWrite } from '$lib/ingest/write';

export class ArchiveState {
	root = $state<string | null>(null);
	missions = $state.raw<ArchiveMission[]>([]);
	/** By id (a lookup for 1 000+ missions), replaced whole with the missions. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never mutated
	#byId = $derived(new Map(this.missions.map((m) => [m.mission_id, m])));
	#opening: { root: string; done: Promise<void> } | null = null;
	/** The one mission whose files are fetched ahead of its load (plain: never rendered). */
	#prepared: { root: string; id: string; tables: Promise<TableWrite[]> } | null = null;

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

	/**
	 * Start fetching and decoding a mission's files before its page asks for it (a link to it
	 * pressed): the load then only writes. One at a time; a later one replaces it.
	 */
	prepare(missionId: string, db: Promise<Db>): void {
		const m = this.get(missionId);
		const root = this.root;
		if (!m || !root || this.#prepared?.id === missionId) return;
		const tables = db.then((d) => prepareArchiveMission(d, root, m));
		tables.catch(() => undefined);
		this.#prepared = { root, id: missionId, tables };
	}

	/** The prepared files of a mission, handed over once (undefined: none were prepared). */
	take(missionId: string): Promise<TableWrite[]> | undefined {
		const p = this.#prepared;
		if (p?.id !== missionId || p.root !== this.root) return undefined;
		this.#prepared = null;
		return p.tables;
	}
}
