/**
 * Loading as jobs the pages observe: a drop, a picked folder or `?src=` links become a LoadJob
 * (status, mission ids, errors), the one progress bar follows the job that runs, and every page
 * reopens from its URL with `openFromUrl`. Each file is read once, by its job. Jobs write one
 * after another: the connection answers one statement at a time and a load is transactions.
 */
import { asset } from '$app/paths';
import type { Db } from '$lib/db';
import {
	DEFAULT_MAX_BYTES,
	fetchMissionFiles,
	ingest,
	type IngestResult,
	type NamedBytes
} from '$lib/ingest';
import { readFiles, type PickedFile } from '$lib/ingest/dropped-files';
import { releaseParquetDecoder } from '$lib/ingest/parquet-offthread';
import type { AppState } from './app.svelte';
import { runLibraryImport } from './library-import';
import { restore, restoreAll } from './restore';
import { LoadJob, type LoadInput, type LoadProgress, type Opened } from './load-job.svelte';
import { sayLoad } from './load-report';
import { errorText } from './messages';

/** The tab's loads: starts jobs, runs their writes in turn, keeps which URL holds which mission. */
export class Loader {
	progress = $state<LoadProgress | null>(null);
	#app: AppState;
	// Plain bookkeeping, never rendered: no reactivity wanted.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#jobs = new Map<number, LoadJob>();
	/** Each URL's load (once per tab: reopening a link does not load it again). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#urls = new Map<string, Promise<string[]>>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#urlIds = new Map<string, string[]>();
	#turn: Promise<unknown> = Promise.resolve();
	#writes = 0;

	constructor(app: AppState) {
		this.#app = app;
	}

	/** Start loading; the page observes the job (or awaits `job.done`). */
	start(input: LoadInput): LoadJob {
		const job = new LoadJob((j) =>
			'urls' in input
				? this.#loadUrls(j, input.urls)
				: 'library' in input
					? this.#loadLibrary(j, input.library)
					: this.#loadBytes(j, 'picked' in input ? this.#read(input.picked) : input.files)
		);
		this.#jobs.set(job.id, job);
		return job;
	}

	/** A job of this tab by id (`?job=` of a page opened on a drop); none after a reload. */
	job(id: number): LoadJob | undefined {
		return this.#jobs.get(id);
	}

	/** The URL a loaded mission came from (a `?src=` link or demo), so links to it can be shared. */
	urlOf(missionId: string): string | null {
		for (const [url, ids] of this.#urlIds) if (ids.includes(missionId)) return url;
		return null;
	}

	/**
	 * What a page's URL names, loaded: waits for `?job=`, loads every `?src=` not loaded yet, then
	 * resolves `?m=` (an unknown one is said). Review, report and compare open this way, so each
	 * reopens from its URL after a reload.
	 */
	async openFromUrl(url: URL): Promise<Opened> {
		const q = url.searchParams;
		// `?src=` is relative to the app's root (demo/…/); throwaway URLs, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const root = new URL(asset('/'), url);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const srcs = q.getAll('src').map((s) => new URL(s, root).href);
		const archive = q.get('archive');
		if (archive)
			await this.#app.archive.open(archive).catch((e) => this.#app.say('error', errorText(e)));
		const ids = [...((await this.job(Number(q.get('job')))?.done) ?? [])];
		if (srcs.length) ids.push(...(await this.start({ urls: srcs }).done));
		if (!this.#app.missions.length) await this.#app.refresh();
		await restore(
			this.#app,
			this,
			['m', 'a', 'b'].map((k) => q.get(k))
		);
		const known = this.#app.missions.map((m) => m.mission_id);
		const m = q.get('m');
		if (m && !known.includes(m))
			this.#app.say(
				'error',
				`Mission "${m}" is not loaded in this tab. Open its files or a ?src= link first.`
			);
		const first = ids.find((id) => known.includes(id)) ?? known[0] ?? null;
		return { ids, missionId: m && known.includes(m) ? m : first };
	}

	/** Load every stored mission not in the engine yet (for SQL over the whole library). */
	restoreAll(): Promise<LoadJob> {
		return restoreAll(this.#app, this);
	}

	/**
	 * Load with another ingest entry (files read by HTTP ranges), in turn with the jobs. Unlike a
	 * job, a failure is thrown, not said: the caller may fall back to downloading files whole.
	 */
	async run(load: (db: Db) => Promise<IngestResult>): Promise<string[]> {
		const db = await this.#app.db();
		performance.mark('pisad:load-start');
		const result = await this.#inTurn(() => load(db));
		return this.#report(result, true);
	}

	async #read(picked: PickedFile[]): Promise<NamedBytes[]> {
		// The size guard runs before any bytes are read: a file larger than the tab can hold
		// gets a clear message instead of a crashed tab.
		const { loaded, skipped } = await readFiles(picked, { maxBytes: DEFAULT_MAX_BYTES });
		if (skipped.length)
			this.#app.say(
				'note',
				`Skipped ${skipped.length} file(s) that are not mission data: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? '…' : ''}`
			);
		if (!loaded.length)
			throw new Error('None of the dropped files is a Parquet or .duckdb mission file.');
		return loaded;
	}

	async #loadBytes(
		job: LoadJob,
		input: NamedBytes[] | Promise<NamedBytes[]>,
		refresh = true
	): Promise<string[]> {
		try {
			const files = await input;
			const db = await this.#app.db();
			this.progress = { label: 'Loading into DuckDB', done: 0, total: files.length };
			performance.mark('pisad:load-start');
			const result = await this.#inTurn(() =>
				ingest(db, files, {
					onProgress: (p) =>
						(this.progress = { label: `Loading ${p.file}`, done: p.done, total: p.total })
				})
			);
			job.errors = [...job.errors, ...result.errors.map(errorText)];
			// Kept in the browser's library (files now, rows when the library's KPIs answer).
			void this.#app.stored.stage(files, result.sources).catch(() => undefined);
			return await this.#report(result, refresh);
		} catch (e) {
			this.#fail(job, errorText(e));
			return [];
		} finally {
			this.progress = null;
		}
	}

	async #loadLibrary(job: LoadJob, picked: PickedFile[]): Promise<string[]> {
		// The decoding workers stay up for the whole import (between two chunks no write is in
		// turn, which would end them, and each restart compiles parquet-wasm again).
		this.#writes++;
		try {
			const r = await runLibraryImport(
				{ app: this.#app, inTurn: (w) => this.#inTurn(w), progress: (p) => (this.progress = p) },
				picked
			);
			job.errors = [...job.errors, ...r.errors];
			return r.missionIds;
		} catch (e) {
			this.#fail(job, errorText(e));
			return [];
		} finally {
			if (--this.#writes === 0) releaseParquetDecoder();
		}
	}

	/**
	 * Up to four URLs download at once while earlier ones load into DuckDB (a library shared as
	 * many links opens in about the time its loading takes, not loading plus every download).
	 * URLs load in order, and once per tab: reopening a link waits for its first load.
	 */
	async #loadUrls(job: LoadJob, urls: string[]): Promise<string[]> {
		const todo = urls.filter((u) => !this.#urls.has(u));
		const fetches: Promise<NamedBytes[]>[] = [];
		const fetchAt = (i: number): void => {
			const url = todo[i];
			if (url === undefined || fetches[i]) return;
			fetches[i] = fetchMissionFiles([url]);
			fetches[i].catch(() => undefined);
		};
		let before: Promise<unknown> = Promise.resolve();
		todo.forEach((url, i) => {
			const label = todo.length > 1 ? `Opening ${url}` : `Fetching ${url}`;
			const loaded = before.then(async () => {
				for (let k = i; k < i + 4; k++) fetchAt(k);
				this.progress = { label, done: i, total: todo.length };
				const files = (fetches[i] ?? Promise.resolve([])).catch(this.#couldNotOpen(url));
				const ids = await this.#loadBytes(job, files, false);
				if (ids.length) this.#urlIds.set(url, ids);
				else this.#urls.delete(url); // a failed link may be tried again
				return ids;
			});
			this.#urls.set(url, loaded);
			before = loaded;
		});
		const ids: string[] = [];
		for (const url of urls) ids.push(...((await this.#urls.get(url)) ?? []));
		if (todo.length) await this.#app.refresh();
		return ids;
	}

	#couldNotOpen(url: string) {
		return (e: unknown): never => {
			throw new Error(`Could not open ${url}: ${errorText(e)}`);
		};
	}

	#fail(job: LoadJob, text: string) {
		job.errors = [...job.errors, text];
		this.#app.say('error', text);
	}

	async #report(result: IngestResult, refresh: boolean): Promise<string[]> {
		performance.mark('pisad:loaded');
		await sayLoad(await this.#app.db(), result, (kind, text) => this.#app.say(kind, text));
		if (refresh) await this.#app.refresh();
		return result.missionIds;
	}

	/** Run `write` after every write started before it. */
	#inTurn<T>(write: () => Promise<T>): Promise<T> {
		this.#writes++;
		const mine = this.#turn.then(write).finally(() => {
			// The last write done: the decoding workers' memory goes back (they restart on demand).
			if (--this.#writes === 0) releaseParquetDecoder();
		});
		this.#turn = mine.catch(() => undefined);
		return mine;
	}
}
