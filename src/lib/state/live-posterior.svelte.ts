/**
 * The live beacon posterior (issue 16 items 5–6) as the live page holds it: once a second the
 * pulse peaks completed since the last update go to the beacon worker (owned here, stopped with
 * the page), which adds them to its sums, re-solves and answers the regions; every 15 s it also
 * scores the next leg (and as soon as the first region exists). Only new peaks cross the thread boundary, so the cost per update does
 * not grow with the flight, and nothing of it runs on the main thread.
 */
import { BeaconWorker, type LiveRegions } from '$lib/beacon-worker';
import type { LocalPoint } from '$lib/geo';
import type { LiveSession } from '$lib/live/session';
import { patternView, type PiPattern } from '$lib/live/pattern';
import { localBoundary } from '$lib/transforms/beacon-regions';
import type { AppState } from './app.svelte';

/** The posterior is fed and re-solved this often (issue 16: at least once a second)… */
const POSTERIOR_MS = 1000;
/**
 * …and the next leg scored this often (0.3–1 s of the worker each time: every 5 s it took ~13 %
 * of a core, which a 2-core field laptop also needs for drawing the map under software GL).
 */
const LEG_MS = 15_000;

export class LivePosteriorState {
	/** Regions, most probable point and next leg (null until 5 peaks are in the fit). */
	regions = $state.raw<LiveRegions | null>(null);
	#worker: BeaconWorker | null = null;
	#busy = false;
	#said = false;
	#last = -Infinity;
	#lastLeg = -Infinity;
	#boundary: { pattern: PiPattern | null; ring: LocalPoint[] | null } | null = null;

	constructor(readonly app: AppState) {}

	/** A new session: nothing shown until its own peaks answer. */
	reset() {
		this.regions = null;
		this.#boundary = null;
		this.#last = this.#lastLeg = -Infinity;
		this.#said = false;
	}

	/**
	 * Called on the page's frames: at most once a second, hands the worker the new peaks (one
	 * request at a time: while it works they gather, so it never falls behind) and shows its answer.
	 * `current` tells whether the session is still the page's when the answer comes.
	 */
	tick(s: LiveSession, now: number, current: () => boolean) {
		const origin = s.rows?.origin;
		const missionId = s.missionId;
		if (this.#busy || now - this.#last < POSTERIOR_MS || !origin || !missionId) return;
		this.#last = now;
		const observations = s.pulses.drain();
		if (this.#boundary?.pattern !== s.pattern)
			this.#boundary = { pattern: s.pattern, ring: localBoundary(patternView(s.pattern), origin) };
		const fix = s.stats.lastFix;
		const drone =
			fix && fix.north_m !== null && fix.east_m !== null
				? { north_m: fix.north_m, east_m: fix.east_m, alt_rel_m: fix.alt_rel_m }
				: null;
		const leg = this.regions !== null && now - this.#lastLeg >= LEG_MS;
		// Nothing new (a quiet or dropped link): the answer would be the last one.
		if (!observations.length && !leg && this.regions) return;
		if (leg) this.#lastLeg = now;
		this.#busy = true;
		this.#worker ??= new BeaconWorker();
		this.#worker
			.live({ missionId, origin, boundary: this.#boundary.ring, observations, drone, leg })
			.then((r) => {
				if (r && current()) this.regions = r;
			})
			.catch((e: unknown) => {
				// A view aid: said once, the last regions stay, the next peaks try again.
				if (!this.#said) this.app.say('error', `Beacon map: ${errorText(e)}`);
				this.#said = true;
			})
			.finally(() => (this.#busy = false));
	}

	/** Stop the worker (the page is going away). */
	dispose() {
		this.#worker?.terminate();
		this.#worker = null;
	}
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
