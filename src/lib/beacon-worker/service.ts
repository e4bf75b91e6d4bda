/**
 * What the beacon worker computes, framework- and thread-free (the worker, its in-thread
 * fallback, the tests and the benchmark all call it): the review posterior of a mission, and
 * the live posterior fed only the new pulse peaks of each update (`LivePosterior`: O(cells) per
 * peak, a cheap re-solve), with the next leg scored every few seconds.
 */
import {
	beaconPosterior,
	LivePosterior,
	medianNoiseFloor,
	suggestNextLeg,
	type BeaconPosterior
} from '$lib/beacon';
import { toLatLon, type LocalPoint } from '$lib/geo';
import type { LiveRegions, LiveRequest, NextLegView, ReviewRequest } from './messages';

/** Drone height for the next leg when the last fix has none, m. */
const DEFAULT_ALT_M = 50;

interface LiveRun {
	missionId: string;
	boundaryKey: string;
	post: LivePosterior;
	/** Time of the last peak added, s: anything at or before it is a repeat. */
	lastT: number;
	next: NextLegView | null;
}

/** The review posterior and one live posterior at a time. */
export class BeaconService {
	#live: LiveRun | null = null;

	/** The posterior of a whole mission. */
	review(r: Omit<ReviewRequest, 'kind'>): BeaconPosterior | null {
		return beaconPosterior(r.observations, r.origin, r.boundary);
	}

	/** Adds the new peaks to the live posterior and solves it; null before 5 peaks in the fit. */
	live(r: Omit<LiveRequest, 'kind'>): LiveRegions | null {
		const t0 = performance.now();
		const run = this.#run(r);
		const fresh = r.observations.filter((o) => o.t_rel_s > run.lastT);
		run.post.add(fresh);
		run.lastT = fresh.at(-1)?.t_rel_s ?? run.lastT;
		const post = run.post.solve();
		if (!post) return null;
		const out: LiveRegions = {
			missionId: r.missionId,
			pulses: run.post.all.length,
			fit: run.post.fitCount,
			point: { lat_deg: post.point.lat_deg, lon_deg: post.point.lon_deg },
			region90: post.region90.feature,
			region50: post.region50.feature,
			area90_m2: post.region90.area_m2,
			area50_m2: post.region50.area_m2,
			reach90_m: post.region90.reach_m,
			next: run.next,
			update_ms: performance.now() - t0
		};
		if (r.leg && r.drone) out.next = run.next = this.#nextLeg(run, post, r.drone);
		return out;
	}

	/** The live run of this mission and boundary (a new mission or boundary starts over). */
	#run(r: Omit<LiveRequest, 'kind'>): LiveRun {
		const key = JSON.stringify(r.boundary);
		const run = this.#live;
		if (run && run.missionId === r.missionId && run.boundaryKey === key) return run;
		const post = new LivePosterior(r.origin, { boundary: r.boundary });
		// The same mission with a boundary now known (the Pi's pattern came late): re-add its peaks.
		const kept = run?.missionId === r.missionId ? run.post.all : [];
		post.add(kept);
		this.#live = {
			missionId: r.missionId,
			boundaryKey: key,
			post,
			lastT: kept.at(-1)?.t_rel_s ?? -Infinity,
			next: null
		};
		return this.#live;
	}

	#nextLeg(run: LiveRun, post: BeaconPosterior, drone: LiveRequest['drone']): NextLegView | null {
		if (!drone) return null;
		const from: LocalPoint = { north_m: drone.north_m, east_m: drone.east_m };
		const [best] = suggestNextLeg(post, run.post.fit, from, {
			noiseFloorDbm: medianNoiseFloor(run.post.fit),
			altM: drone.alt_rel_m ?? DEFAULT_ALT_M
		});
		if (!best) return null;
		const now = best.expected_area90_m2 + best.expected_reduction_m2;
		return {
			kind: best.leg.kind,
			path: best.leg.path.map((p) => toLatLon(p, run.post.origin)),
			duration_s: best.leg.duration_s,
			expected_area90_m2: best.expected_area90_m2,
			gain_pct: now > 0 ? (100 * best.expected_reduction_m2) / now : 0
		};
	}
}
