/**
 * The library kept in the browser (see $lib/persist): what it holds, where (OPFS or this session
 * only, and why), the storage it uses, and its three moves: keep what a load brought (files now,
 * the mission's row once the library's KPIs answer), give a stored mission's files back to load
 * it (when it is opened, or all of them for SQL), and remove or forget.
 */
import type { NamedBytes } from '$lib/ingest';
import type { IngestSource } from '$lib/ingest/importers/route';
import { storageEstimate } from '$lib/persist/dir';
import {
	keepSource,
	type LibraryStore,
	type Source,
	type StoredMission
} from '$lib/persist/library-store';
import { openLibraryStore } from '$lib/persist/open';

export class StoredLibrary {
	/** The stored missions (the manifest), newest import last. */
	missions = $state.raw<StoredMission[]>([]);
	/** Where the library is kept, and why only for this session when so. */
	where = $state<'opfs' | 'memory' | null>(null);
	why = $state<string | null>(null);
	usage = $state.raw<{ usage: number; quota: number } | null>(null);
	#store: LibraryStore | null = null;
	// Bookkeeping, never rendered.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#pending = new Map<string, Source>();
	#ready: Promise<void>;
	/** The library's latest rows (see commit), for missions staged after they answered. */
	#rows: Parameters<StoredLibrary['commit']> | null = null;
	#turn: Promise<unknown> = Promise.resolve();

	/** `open` finds the store (this origin's OPFS; tests hand in one over memory). */
	constructor(open: () => Promise<LibraryStore> = openLibraryStore) {
		this.#ready = this.#open(open);
	}

	async #open(open: () => Promise<LibraryStore>): Promise<void> {
		try {
			this.#store = await open();
			this.where = this.#store.where;
			this.why = this.#store.why;
			this.#show(true);
			this.usage = await storageEstimate();
		} catch (e) {
			this.where = 'memory';
			this.why = e instanceof Error ? e.message : String(e);
		}
	}

	/** Resolves once the stored manifest is read (or known to be absent). */
	ready(): Promise<void> {
		return this.#ready;
	}

	/** True when this tab writes a library kept across reloads (OPFS, with the write lock). */
	get durable(): boolean {
		return this.where === 'opfs' && !!this.#store?.writable;
	}

	/**
	 * The stored ids, replaced whole with the manifest (the library asks per row, 1 000+ rows),
	 * and current while `missions` waits (see quietly).
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole with `missions`
	#ids: ReadonlySet<string> = new Set<string>();
	#quiet = 0;

	has(missionId: string): boolean {
		return this.#ids.has(missionId);
	}

	/**
	 * Run a long import with the shown list held back: each commit would redraw the library table
	 * and the five fleet charts (a 200–300 ms task at 100 missions, eighteen times over); they are
	 * shown once, at the end (the progress bar says how far it is). `has` stays current.
	 */
	async quietly<T>(run: () => Promise<T>): Promise<T> {
		this.#quiet++;
		try {
			return await run();
		} finally {
			this.#quiet--;
			this.#show(true);
			this.usage = await storageEstimate();
		}
	}

	#show(now = false): void {
		const store = this.#store;
		if (!store) return;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole with `missions`
		this.#ids = new Set(store.manifest.missions.map((m) => m.mission_id));
		if (this.#quiet && !now) return;
		this.missions = store.manifest.missions;
	}

	/** Remember what a load of files brought; kept once the library has the missions' rows. */
	async stage(files: NamedBytes[], sources: IngestSource[]): Promise<void> {
		await this.#ready;
		const byName: Record<string, NamedBytes> = Object.fromEntries(files.map((f) => [f.name, f]));
		// Where this tab keeps the library in OPFS, the hashing worker writes each source too.
		const folder = this.durable ? this.#store?.dir.opfsFolder : undefined;
		for (const s of sources) {
			const mine = s.files.map((n) => byName[n]).filter((f): f is NamedBytes => !!f);
			const { hash, written } = await keepSource(
				mine.map((f) => f.bytes),
				folder
			);
			const source: Source = { files: mine, hash, written };
			for (const id of s.missionIds) if (!this.has(id)) this.#pending.set(id, source);
		}
		// The library's rows may have answered while the files were hashed.
		if (this.#rows) await this.commit(...this.#rows);
	}

	/**
	 * Store the pending missions whose library rows are known now. Commits run one after another:
	 * each writes the manifest whole from the one before (a library import commits chunk by
	 * chunk while the page's own commit may also run).
	 */
	commit(
		rowOf: (missionId: string) => Record<string, unknown> | undefined,
		dwellOf: (missionId: string) => { state: string; dwell_s: number }[]
	): Promise<void> {
		this.#rows = [rowOf, dwellOf];
		const mine = this.#turn.then(() => this.#commit(rowOf, dwellOf));
		this.#turn = mine.catch(() => undefined);
		return mine;
	}

	async #commit(
		rowOf: (missionId: string) => Record<string, unknown> | undefined,
		dwellOf: (missionId: string) => { state: string; dwell_s: number }[]
	): Promise<void> {
		const store = this.#store;
		if (!store?.writable || !this.#pending.size) return;
		const ready = [...this.#pending].filter(([id]) => rowOf(id));
		if (!ready.length) return;
		for (const [id] of ready) this.#pending.delete(id);
		const sources = ready.map(([, src]) => src).filter((src, i, all) => all.indexOf(src) === i);
		const sourceOf: Record<string, Source> = Object.fromEntries(ready);
		try {
			await store.add(
				sources,
				ready.map(([id, src]) => ({
					mission_id: id,
					hash: src.hash,
					imported_at: Date.now(),
					row: rowOf(id) ?? {},
					dwell: dwellOf(id)
				})),
				(id) => sourceOf[id]
			);
			this.#show();
			if (!this.#quiet) this.usage = await storageEstimate();
		} catch (e) {
			this.why = `the browser refused to store the library (${e instanceof Error ? e.message : String(e)}); it is kept for this session only`;
			this.where = 'memory';
		}
	}

	/** The stored files of some missions, to load them into the engine again. */
	async read(missionIds: string[]): Promise<NamedBytes[]> {
		await this.#ready;
		return this.#store ? this.#store.read(missionIds) : [];
	}

	async remove(missionId: string): Promise<void> {
		this.#pending.delete(missionId);
		if (!this.#store?.writable || !this.has(missionId)) return;
		await this.#store.remove([missionId]);
		this.#show(true);
		this.usage = await storageEstimate();
	}

	async forget(): Promise<void> {
		this.#pending.clear();
		if (!this.#store?.writable) return;
		await this.#store.forget();
		this.#show(true);
		this.usage = await storageEstimate();
	}
}
