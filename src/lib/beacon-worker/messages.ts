/**
 * The typed messages of the beacon worker (one API for review and live): a request names what
 * to compute, the reply carries its result or an error as a plain object (duckdb-wasm's pattern).
 */
import type { Feature, MultiPolygon } from 'geojson';
import type { BeaconObservation, BeaconPosterior } from '$lib/beacon';
import type { LatLon, LocalPoint } from '$lib/geo';

/** Review: the posterior of a whole mission's pulse peaks. */
export interface ReviewRequest {
	kind: 'review';
	observations: BeaconObservation[];
	origin: LatLon;
	/** The search area as a local ring, when the mission has one. */
	boundary: LocalPoint[] | null;
}

/** Live: the pulse peaks completed since the last request, and where the drone is. */
export interface LiveRequest {
	kind: 'live';
	/** The live mission: a new one starts a new posterior (and drops the last one). */
	missionId: string;
	origin: LatLon;
	boundary: LocalPoint[] | null;
	/** Only the new peaks; any at or before the last one added are dropped (keyed by time). */
	observations: BeaconObservation[];
	/** Where the drone is now (local metres, height above home): the next leg starts there. */
	drone: (LocalPoint & { alt_rel_m: number | null }) | null;
	/** Score the next leg in this update too (it costs ~0.3–1 s: every few seconds). */
	leg: boolean;
}

export type BeaconRequest = ReviewRequest | LiveRequest;

/** The leg to fly next, as drawn. */
export interface NextLegView {
	kind: 'pass' | 'crossing';
	/** From the drone, [lat, lon] points. */
	path: LatLon[];
	duration_s: number;
	/** Expected 90 % area after the leg, m². */
	expected_area90_m2: number;
	/** Expected reduction of the 90 % area, % of today's. */
	gain_pct: number;
}

/** What the live page shows of the posterior (small: the grid stays in the worker). */
export interface LiveRegions {
	missionId: string;
	/** Pulse peaks added so far, and those in the fit (over the SNR cut). */
	pulses: number;
	fit: number;
	point: LatLon;
	region90: Feature<MultiPolygon>;
	region50: Feature<MultiPolygon>;
	area90_m2: number;
	area50_m2: number;
	reach90_m: number;
	/** The last next leg scored (kept between scorings), or null. */
	next: NextLegView | null;
	/** Time the worker spent on this update (add + solve + regions), ms. */
	update_ms: number;
}

/** Result type per request kind. */
export interface BeaconResults {
	review: BeaconPosterior | null;
	live: LiveRegions | null;
}

/** A reply: the request's id and its result, or the error's message. */
export type BeaconReply =
	| { id: number; ok: true; result: BeaconResults[BeaconRequest['kind']] }
	| { id: number; ok: false; error: string };
