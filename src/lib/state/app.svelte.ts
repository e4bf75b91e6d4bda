/**
 * App-wide state: the one DuckDB-WASM database of this tab, the missions loaded into it, its
 * loads (loader.svelte.ts) and the messages (errors and data-quality notes) the user must see.
 * Shared through context (see context.ts); created once in the root layout.
 */
import { openBrowserDb, type Db } from '$lib/db';
import { contractColumns } from '$lib/ingest/columns';
import { warmParquetDecoder } from '$lib/ingest/parquet-offthread';
import { missionList, type MissionListRow } from '$lib/queries/mission-list';
import { BasemapState } from './basemap.svelte';
import type { LoadInput, LoadJob, LoadProgress, Opened } from './load-job.svelte';
import { Loader } from './loader.svelte';
import { errorText } from './messages';
import { StoredLibrary } from './stored-library.svelte';
import { ArchiveState } from './archive.svelte';

export interface AppMessage {
	id: number;
	kind: 'error' | 'note';
	text: string;
}

let nextMessageId = 1;

export class AppState {
	dbStatus = $state<'starting' | 'ready' | 'failed'>('starting');
	dbError = $state<string | null>(null);
	engineVersion = $state<string | null>(null);
	missions = $state.raw<MissionListRow[]>([]);
	/** The opt-in PMTiles basemap under every map. */
	readonly basemap = new BasemapState();
	messages = $state<AppMessage[]>([]);
	/**
	 * Loads as jobs (loader.svelte.ts). A drop starts one and opens the review page at once, which
	 * observes it: the page (and its map, whose WebGL start-up is slow under software GL) opens
	 * while DuckDB is still loading.
	 */
	readonly loader: Loader = new Loader(this);
	/** The library kept in the browser across reloads (OPFS), or for this session only. */
	readonly stored = new StoredLibrary();
	/** A fleet archive opened by URL (its manifest; rows load when a mission is opened). */
	readonly archive = new ArchiveState();
	#db: Promise<Db>;

	constructor() {
		// Start the wasm download and compile while the page renders: it is most of the
		// "open a mission" budget (measured-anchors.md).
		this.#db = openBrowserDb();
		this.#db.then(
			async (db) => {
				this.engineVersion = await db.version();
				performance.mark('pisad:first-query');
				this.dbStatus = 'ready';
				// Warm up while the user picks files: the contract's columns (read by every load).
				void contractColumns(db).catch(() => {});
				warmParquetDecoder();
				// MapLibre's workers too (a review page is the next thing most visits open).
				void import('$lib/map/maplibre').then((m) => m.prewarmMaps()).catch(() => {});
			},
			(e: unknown) => {
				this.dbStatus = 'failed';
				this.dbError = `The analysis engine (DuckDB-WASM) could not start: ${errorText(e)}. Reload the page; if it persists, this browser may lack WebAssembly support.`;
			}
		);
		void this.stored.ready().then(() => {
			if (this.stored.why)
				this.say('note', `The library is kept for this session only: ${this.stored.why}.`);
		});
	}

	db(): Promise<Db> {
		return this.#db;
	}

	/** Post a message; errors stay until dismissed. */
	say(kind: AppMessage['kind'], text: string) {
		this.messages = [...this.messages, { id: nextMessageId++, kind, text }];
	}

	dismiss(id: number) {
		this.messages = this.messages.filter((m) => m.id !== id);
	}

	async refresh() {
		const db = await this.#db;
		const next = await missionList(db);
		// The same list (after a library import whose rows left the engine, it is empty both
		// times) is not put back: the library table and the five fleet charts were drawn again
		// for nothing, a ~90 ms task at 100 hours.
		if (!sameRows(this.missions, next)) this.missions = next;
	}

	/** Start loading files (picked, or in memory) or URLs; the page observes the job. */
	load(input: LoadInput): LoadJob {
		return this.loader.start(input);
	}

	/** What a page's URL names, loaded (`?job=`, `?src=`, then `?m=`): see Loader.openFromUrl. */
	openFromUrl(url: URL): Promise<Opened> {
		return this.loader.openFromUrl(url);
	}

	/** The progress bar (loads, and the live page's downloads). */
	get progress(): LoadProgress | null {
		return this.loader.progress;
	}

	set progress(p: LoadProgress | null) {
		this.loader.progress = p;
	}
}

/** Same rows, field by field (the list's values are plain: strings, numbers, null). */
function sameRows<T extends object>(a: readonly T[], b: readonly T[]): boolean {
	if (a.length !== b.length) return false;
	return a.every((r, i) => {
		const o = b[i] as Record<string, unknown>;
		const e = Object.entries(r);
		return e.length === Object.keys(o).length && e.every(([k, v]) => Object.is(v, o[k]));
	});
}
