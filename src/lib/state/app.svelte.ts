/**
 * App-wide state: the one DuckDB-WASM database of this tab, the missions loaded into it, load
 * progress and the messages (errors and data-quality notes) the user must see.
 * Shared through context (see context.ts); created once in the root layout.
 */
import { openBrowserDb, type Db } from '$lib/db';
import { fetchMissionFiles, loadMissionFiles, type LoadResult } from '$lib/ingest';
import { contractColumns } from '$lib/ingest/columns';
import { warmParquetDecoder } from '$lib/ingest/parquet-offthread';
import type { NamedBytes } from '$lib/ingest/dropped-files';
import { missionList, type MissionListRow } from '$lib/queries/mission-list';
import { BasemapState } from './basemap.svelte';

export interface LoadProgress {
	label: string;
	done: number;
	total: number;
}

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
	progress = $state<LoadProgress | null>(null);
	messages = $state<AppMessage[]>([]);
	/**
	 * Files dropped on the library, handed to the review page to load: the review page (and its
	 * map, whose WebGL start-up is slow under software GL) opens while DuckDB is still loading.
	 */
	pending = $state.raw<NamedBytes[] | null>(null);
	/** URLs already loaded in this tab, so reopening a link does not load twice. */
	// A plain cache, never rendered: no reactivity wanted.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#loadedUrls = new Map<string, string[]>();
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
	}

	/** Take the pending dropped files (once). */
	takePending(): NamedBytes[] | null {
		const files = this.pending;
		this.pending = null;
		return files;
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
		this.missions = await missionList(db);
	}

	/** Load files already in memory; returns the mission ids that are now available. */
	async loadFiles(files: NamedBytes[], opts: { refresh?: boolean } = {}): Promise<string[]> {
		const db = await this.#db;
		this.progress = { label: 'Loading into DuckDB', done: 0, total: files.length };
		performance.mark('pisad:load-start');
		try {
			const result = await loadMissionFiles(db, files, {
				onProgress: (p) =>
					(this.progress = { label: `Loading ${p.file}`, done: p.done, total: p.total })
			});
			return await this.#loaded(result, opts.refresh !== false);
		} catch (e) {
			this.say('error', errorText(e));
			return [];
		} finally {
			this.progress = null;
		}
	}

	/**
	 * Load with another loader (files read by HTTP ranges). Unlike loadFiles, a failure is thrown,
	 * not said: the caller may fall back to downloading the files whole.
	 */
	async loadWith(run: (db: Db) => Promise<LoadResult>): Promise<string[]> {
		const db = await this.#db;
		performance.mark('pisad:load-start');
		return this.#loaded(await run(db), true);
	}

	async #loaded(result: LoadResult, refresh: boolean): Promise<string[]> {
		performance.mark('pisad:loaded');
		for (const n of result.notes) this.say('note', noteText(n));
		for (const e of result.errors) this.say('error', errorText(e));
		for (const t of result.tables ?? []) {
			this.say(
				'note',
				`Opened as table ${t}: it is not a PISAD mission, but the SQL engine can query it.`
			);
		}
		if (refresh) await this.refresh();
		return result.missionIds;
	}

	/** The URL a loaded mission came from (a `?src=` link or demo), so links to it can be shared. */
	urlOf(missionId: string): string | null {
		for (const [url, ids] of this.#loadedUrls) if (ids.includes(missionId)) return url;
		return null;
	}

	/**
	 * Fetch missions by URL (`?src=`, demo links) and load them; failures become messages. Up to
	 * four URLs download at once while earlier ones load into DuckDB (a library shared as many
	 * links opens in about the time its loading takes, not loading plus every download).
	 */
	async loadUrls(urls: string[]): Promise<string[]> {
		const ids: string[] = [];
		const todo = urls.filter((u) => !this.#loadedUrls.has(u));
		// Local bookkeeping for this call, never rendered.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const fetched = new Map<string, Promise<NamedBytes[]>>();
		let next = 0;
		const startNext = () => {
			const url = todo[next++];
			if (url === undefined) return;
			const p = fetchMissionFiles([url]);
			p.catch(() => undefined);
			fetched.set(url, p);
		};
		for (let i = 0; i < 4; i++) startNext();
		let done = 0;
		for (const url of urls) {
			const known = this.#loadedUrls.get(url);
			if (known) {
				ids.push(...known);
				continue;
			}
			try {
				this.progress = {
					label: todo.length > 1 ? `Opening ${url}` : `Fetching ${url}`,
					done,
					total: todo.length
				};
				const files = await (fetched.get(url) ?? fetchMissionFiles([url]));
				startNext();
				const got = await this.loadFiles(files, { refresh: false });
				if (got.length) this.#loadedUrls.set(url, got);
				ids.push(...got);
			} catch (e) {
				startNext();
				this.say('error', `Could not open ${url}: ${errorText(e)}`);
			} finally {
				done++;
				this.progress = null;
			}
		}
		if (todo.length) await this.refresh();
		return ids;
	}
}

export function errorText(e: unknown): string {
	if (e && typeof e === 'object' && 'message' in e) {
		const m = e as { message: unknown; hint?: unknown };
		return typeof m.hint === 'string' && m.hint
			? `${String(m.message)} ${m.hint}`
			: String(m.message);
	}
	return String(e);
}

function noteText(n: unknown): string {
	if (typeof n === 'string') return n;
	if (n && typeof n === 'object') {
		const o = n as { file?: unknown; message?: unknown };
		return o.file ? `${String(o.file)}: ${String(o.message)}` : String(o.message);
	}
	return String(n);
}
