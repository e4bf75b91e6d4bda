/**
 * The coordinator (after Mosaic's split of connector / coordinator / clients): it owns the page's
 * access to the one `Db`, runs every panel's query through one serial priority queue, keeps the
 * last request's answer per panel, drops what a previous context asked for when the context
 * changes (another mission), holds back all but the first tier until the page's first frame,
 * and re-asks periodic panels while a live page is open and visible.
 *
 * A page creates one with its panel list and calls `open(ctx)`; it reads `panels.<name>`.
 */
import type { Db } from '$lib/db/types';
import { Resource } from './resource.svelte';
import {
	THEN,
	type AnyPanels,
	type PanelCtx,
	type PanelData,
	type PanelSpec,
	type Shared
} from './panel';
import { SerialQueue } from './queue';

export type Clients<S> = { [K in keyof S]: Resource<PanelData<S[K]>> };

export interface OpenOptions {
	/** Hold THEN/LAST panels until this settles (the first frame drawn)… */
	until?: Promise<unknown>;
	/** …or this many ms at most (default 2000). */
	atMost?: number;
}

interface Entry<C> {
	spec: PanelSpec<C, unknown>;
	client: Resource<unknown>;
	queued: boolean;
	running: boolean;
	again: boolean;
	lastKey: unknown;
	timer: ReturnType<typeof setInterval> | null;
}

export class Coordinator<S extends AnyPanels, C = PanelCtx<S>> {
	readonly panels: Clients<S>;
	#db: () => Promise<Db>;
	#queue = new SerialQueue();
	// Bookkeeping, never rendered: the panels' runes live in their Resources.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#entries = new Map<string, Entry<C>>();
	#ctx: C | null = null;
	// One per open(): a run of a previous context writes only into its own (never rendered).
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#shared = new Map<string, Promise<unknown>>();

	constructor(db: () => Promise<Db>, specs: S) {
		this.#db = db;
		const panels: Record<string, Resource<unknown>> = {};
		for (const [name, spec] of Object.entries(specs)) {
			const client = new Resource<unknown>();
			panels[name] = client;
			this.#entries.set(name, {
				// Every spec of S takes C (PanelCtx<S>); `never` only widened the constraint.
				spec: spec as PanelSpec<C, unknown>,
				client,
				queued: false,
				running: false,
				again: false,
				lastKey: undefined,
				timer: null
			});
		}
		this.panels = panels as Clients<S>;
	}

	/** The context the panels were last asked with (null: nothing open). */
	get context(): C | null {
		return this.#ctx;
	}

	/**
	 * Open a context (a mission): drop what the previous one asked, clear every panel and ask
	 * them all again, FIRST at once and the rest once `opts.until` settles or `atMost` ms pass.
	 * `null` closes: every panel is cleared and periodic refreshes stop.
	 */
	open(ctx: C | null, opts: OpenOptions = {}) {
		this.#stopTimers();
		this.#ctx = ctx;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, see #shared
		this.#shared = new Map();
		const gated = ctx !== null && opts.until !== undefined;
		const generation = this.#queue.reset(gated);
		for (const e of this.#entries.values()) {
			e.queued = e.again = false;
			e.lastKey = undefined;
			e.client.reset();
		}
		if (ctx === null) return;
		if (gated) {
			const wait = new Promise<void>((r) => setTimeout(r, opts.atMost ?? 2000));
			void Promise.race([opts.until, wait]).finally(() => {
				if (this.#queue.generation === generation) this.#queue.openGate();
			});
		}
		for (const name of this.#entries.keys()) this.request(name);
		for (const [name, e] of this.#entries) {
			if (!e.spec.every) continue;
			e.timer = setInterval(() => this.#tick(name), e.spec.every);
		}
	}

	/**
	 * Change the context without starting over (live: more rows were written). Nothing is
	 * cleared or dropped; the next request of each panel uses the new context.
	 */
	update(ctx: C) {
		this.#ctx = ctx;
	}

	/**
	 * Ask one panel again with the current context. Asked while queued: nothing more (it will
	 * read the newest context when it runs); asked while running: once more after it answers.
	 */
	request(name: keyof S & string) {
		const e = this.#entries.get(name);
		if (!e || this.#ctx === null) return;
		if (e.queued) return;
		if (e.running) return void (e.again = true);
		e.queued = true;
		const generation = this.#queue.generation;
		this.#queue.push({
			priority: e.spec.priority ?? THEN,
			generation,
			run: () => this.#run(name, e, generation)
		});
	}

	/** Resolves when no query runs or waits (tests, benchmarks). */
	idle(): Promise<void> {
		return this.#queue.idle();
	}

	/** Stop periodic refreshes, keeping every answer (a live link closed: nothing new comes). */
	stop() {
		this.#stopTimers();
	}

	/** Stop periodic refreshes and drop queued work (the page is going away). */
	dispose() {
		this.#ctx = null;
		this.#stopTimers();
		this.#queue.reset(false);
		for (const e of this.#entries.values()) e.client.reset();
	}

	async #run(name: string, e: Entry<C>, generation: number) {
		e.queued = false;
		const ctx = this.#ctx;
		if (ctx === null || generation !== this.#queue.generation) return;
		const key = e.spec.key?.(ctx);
		const shared = sharedOf(this.#shared);
		e.running = true;
		try {
			await e.client.run(
				async () => {
					const data = await e.spec.query(await this.#db(), ctx, shared);
					e.lastKey = key;
					return data;
				},
				name,
				e.spec.quiet
			);
		} finally {
			e.running = false;
			// Asked again while it ran (possibly for a newer context): ask now.
			if (e.again) {
				e.again = false;
				this.request(name);
			}
		}
	}

	#tick(name: string) {
		const e = this.#entries.get(name);
		if (!e || this.#ctx === null) return;
		if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
		if (e.spec.key && e.lastKey !== undefined && e.spec.key(this.#ctx) === e.lastKey) return;
		if (e.running || e.queued) return;
		this.request(name);
	}

	#stopTimers() {
		for (const e of this.#entries.values()) {
			if (e.timer) clearInterval(e.timer);
			e.timer = null;
		}
	}
}

/** The `Shared` view of one context's answers. */
function sharedOf(answers: Map<string, Promise<unknown>>): Shared {
	return {
		once<T>(key: string, ask: () => Promise<T>): Promise<T> {
			const known = answers.get(key);
			if (known) return known as Promise<T>;
			const p = ask();
			answers.set(key, p);
			// A failure is not kept: the next panel (or refresh) asks again.
			p.catch(() => answers.get(key) === p && answers.delete(key));
			return p;
		}
	};
}
