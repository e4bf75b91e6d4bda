/**
 * A panel is a declaration, not a schedule (Mosaic's client model): which typed query wrapper it
 * asks, with what from the page's context, how urgently, how its rows become what it shows, and
 * how often it is asked again while live. The coordinator decides when it runs.
 *
 * Adding a panel to a page is one entry in that page's panel list (`src/lib/panels/*`).
 */
import type { Db } from '$lib/db/types';

/** Asked at once: what the first frame draws (the map's track, the main chart, the summary). */
export const FIRST = 0;
/** Asked once the first frame is drawn (or after a short wait): the rest of the page. */
export const THEN = 1;
/** Asked after everything else: the heaviest questions (the beacon fit). */
export const LAST = 2;

/**
 * Answers the panels of one opened context share: a question two panels need (the search
 * pattern: drawn by one, the posterior's boundary in another) is asked once, by whichever runs
 * first. Panels stay independent of each other's names and order.
 */
export interface Shared {
	/** `ask()`'s answer under `key`, asked at most once per `open` (a failed one is asked again). */
	once<T>(key: string, ask: () => Promise<T>): Promise<T>;
}

export interface PanelSpec<C, T> {
	/**
	 * The question: a typed wrapper from `$lib/queries` called with the page's context (and the
	 * context's shared answers).
	 */
	query: (db: Db, ctx: C, shared: Shared) => Promise<T>;
	/** FIRST, THEN or LAST (default THEN). */
	priority?: number;
	/** Re-ask every `every` ms while the page is open and visible (live pages). */
	every?: number;
	/**
	 * With `every`: re-ask only when this value changed since the last answer (for example the
	 * number of rows written: a quiet or dropped link adds none, so nothing is recomputed).
	 */
	key?: (ctx: C) => unknown;
	/** Errors of this panel are not shown: a view aid whose next refresh retries (live). */
	quiet?: boolean;
}

/** A page's panels by name. */
export type PanelSet<C> = Record<string, PanelSpec<C, unknown>>;

/** Any page's panels (the context type is read back with `PanelCtx`). */
export type AnyPanels = PanelSet<never>;

/** The context a panel set is asked with. */
export type PanelCtx<S> = {
	[K in keyof S]: S[K] extends PanelSpec<infer C, unknown> ? C : never;
}[keyof S];

/** The answer type of one panel spec. */
export type PanelData<S> = S extends PanelSpec<infer _C, infer T> ? T : never;

/** Declare a panel (an identity function that fixes the types). */
export function panel<C, T>(spec: PanelSpec<C, T>): PanelSpec<C, T> {
	return spec;
}
