/**
 * The beacon worker's service as the live page drives it (issue 16 item 5): fed only the new
 * pulse peaks of each update, it shows a region from the first detections on, the region shrinks
 * as the flight goes on, a repeated batch (a reconnecting link) adds nothing, and the next leg is
 * scored with its expected gain. The review request gives the same posterior as the library.
 */
import { describe, expect, it } from 'vitest';
import { SITE } from '$lib/geo';
import { beaconPosterior } from '$lib/beacon';
import { BeaconService } from '$lib/beacon-worker';
import { beaconSim } from '../../src/node/beacon-sim';

describe('beacon worker service', () => {
	it('live: region from the first peaks, shrinking, repeats ignored, next leg scored', () => {
		const m = beaconSim('open-field', 3);
		const s = new BeaconService();
		const base = { missionId: 'live-1', origin: SITE, boundary: m.boundary, drone: null };
		const areas: number[] = [];
		let first = -1;
		const obs = m.observations.slice(0, 600);
		for (let i = 0; i < obs.length; i += 20) {
			const batch = obs.slice(i, i + 20);
			const r = s.live({ ...base, observations: batch, leg: false });
			if (r && first < 0) first = i;
			if (r) areas.push(r.area90_m2);
			// The link drops and the same peaks come again: counted once.
			const again = s.live({ ...base, observations: batch, leg: false });
			expect(again?.pulses ?? i + batch.length).toBe(i + batch.length);
		}
		expect(first).toBeGreaterThanOrEqual(0);
		expect(areas.at(-1)).toBeLessThan(areas[0]!);
		const last = obs.at(-1)!;
		const r = s.live({ ...base, observations: [], drone: last, leg: true })!;
		expect(r.next).not.toBeNull();
		expect(r.next!.path.length).toBeGreaterThanOrEqual(2);
		expect(r.next!.gain_pct).toBeGreaterThan(0);
		expect(r.next!.gain_pct).toBeLessThanOrEqual(100);
		// Kept until the next scoring.
		expect(s.live({ ...base, observations: [], leg: false })?.next).toEqual(r.next);
		// Another mission starts over.
		expect(s.live({ ...base, missionId: 'live-2', observations: [], leg: false })).toBeNull();
	}, 60_000);

	it('review: the same posterior as the library computes', () => {
		const m = beaconSim('open-field', 3);
		const s = new BeaconService();
		const r = s.review({ observations: m.observations, origin: SITE, boundary: m.boundary });
		const p = beaconPosterior(m.observations, SITE, m.boundary);
		expect(r?.region90.area_m2).toBe(p?.region90.area_m2);
		expect(r?.point).toEqual(p?.point);
	}, 60_000);
});
