/**
 * The beacon posterior on simulated missions with known truth (issue 16): the 90 % region holds
 * the beacon often enough to catch an overconfident map, it shrinks when a pass over the beacon
 * is added, the live class agrees with the review computation, the next leg is scored, and the
 * interference scenario's far detection is not explained by the beacon; on a partial flight the
 * point is no worse than the plain least-squares fit. Missions are cached
 * under .scratch/beacon-cache (about 40 s to simulate them all the first time).
 */
import { describe, expect, it } from 'vitest';
import { SITE, localDistanceM } from '$lib/geo';
import { beaconPosterior, fitObservations } from '$lib/beacon/posterior';
import { cellIndex } from '$lib/beacon/grid';
import { explainDetections, medianNoiseFloor } from '$lib/beacon/explain';
import { LivePosterior } from '$lib/beacon/live';
import { suggestNextLeg } from '$lib/beacon/next-leg';
import { pulsePeaks } from '$lib/beacon/observations';
import { plainFit } from '$lib/beacon/plain-fit';
import { flyLeg } from '$lib/sim';
import { beaconSim } from '../../src/node/beacon-sim';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)] as number;

/** How many of seeds 1–20 of a scenario have the true beacon in the 50 % and 90 % regions. */
const covered = new Map<string, { in50: number; in90: number }>();
function coverage(scenario: string): { in50: number; in90: number } {
	const done = covered.get(scenario);
	if (done) return done;
	let in50 = 0;
	let in90 = 0;
	for (const seed of SEEDS) {
		const m = beaconSim(scenario, seed);
		const p = beaconPosterior(m.observations, SITE, m.boundary);
		expect(p, `${scenario} seed ${seed}`).not.toBeNull();
		const k = cellIndex(p!.grid, m.truth!);
		if (p!.region90.cells.includes(k)) in90++;
		if (p!.region50.cells.includes(k)) in50++;
		expect(p!.region50.area_m2).toBeLessThan(p!.region90.area_m2);
		expect(p!.region90.reach_m).toBeGreaterThan(0);
		// The regions are calibrated; the mass they report is the raw posterior's.
		expect(p!.region50.mass).toBeLessThan(p!.region90.mass);
		expect(p!.region90.mass).toBeLessThanOrEqual(1);
	}
	const c = { in50, in90 };
	covered.set(scenario, c);
	return c;
}

describe('beacon posterior on open-field missions', () => {
	// Seeds 1–20 cover 60 % / 90 % now; a map 4× too sure (temper 4) covers 45 % / 65 %.
	it('holds the true beacon in its 90 % region on ≥ 80 % of 20 seeds, its 50 % on ≥ 35 %', () => {
		const { in50, in90 } = coverage('open-field');
		expect(in90 / SEEDS.length).toBeGreaterThanOrEqual(0.8);
		expect(in50 / SEEDS.length).toBeGreaterThanOrEqual(0.35);
	}, 120_000);

	// Open field and lawnmower seeds 1–20 (40 missions): the 50 % region holds the beacon in 50 %
	// now; a map 2× too wide (temper 0.5) in 70 %, 4× (temper 0.25) in 92 %.
	it('does not make its 50 % region too wide: it holds the beacon in ≤ 65 % of 40 missions', () => {
		const a = coverage('open-field');
		const b = coverage('lawnmower');
		expect((a.in50 + b.in50) / (2 * SEEDS.length)).toBeLessThanOrEqual(0.65);
		expect((a.in90 + b.in90) / (2 * SEEDS.length)).toBeGreaterThanOrEqual(0.8);
	}, 120_000);

	it('on partial flights its point is no worse than the plain fit in the median (20 seeds)', () => {
		const err: number[] = [];
		const plain: number[] = [];
		for (const seed of SEEDS) {
			const m = beaconSim('lawnmower-partial', seed);
			const p = beaconPosterior(m.observations, SITE, m.boundary)!;
			err.push(localDistanceM(p.point, m.truth!));
			plain.push(localDistanceM(plainFit(m.observations)!, m.truth!));
		}
		expect(median(err)).toBeLessThanOrEqual(median(plain));
	}, 120_000);

	it('shrinks the 90 % region when a pass over the beacon is added', () => {
		const m = beaconSim('open-field', 3);
		const t0 = fitObservations(m.observations)[29]!.t_rel_s;
		const early = m.observations.filter((o) => o.t_rel_s <= t0);
		const before = beaconPosterior(early, SITE, m.boundary)!;
		const b = m.truth!;
		const pass = pulsePeaks(
			flyLeg({
				seed: 3,
				scenario: 'open-field',
				path: [
					{ north_m: b.north_m - 200, east_m: b.east_m },
					{ north_m: b.north_m + 200, east_m: b.east_m }
				],
				speedMps: 8,
				altM: 50,
				startS: t0 + 1
			})
		);
		const after = beaconPosterior([...early, ...pass], SITE, m.boundary)!;
		expect(after.region90.area_m2).toBeLessThan(before.region90.area_m2);
	}, 60_000);

	it('live: incremental sums give the review point within a few metres', () => {
		const m = beaconSim('open-field', 2);
		const live = new LivePosterior(SITE, { boundary: m.boundary });
		expect(live.solve()).toBeNull();
		for (const o of m.observations) live.add([o]);
		const a = live.solve()!;
		const b = beaconPosterior(m.observations, SITE, m.boundary)!;
		expect(localDistanceM(a.point, b.point)).toBeLessThan(3 * live.grid.cell_m);
		expect(a.region90.feature.geometry.coordinates.length).toBeGreaterThan(0);
	});

	it('next leg: every candidate is scored, best first, none expected to grow the region', () => {
		const m = beaconSim('open-field', 4);
		const t0 = fitObservations(m.observations)[29]!.t_rel_s;
		const early = m.observations.filter((o) => o.t_rel_s <= t0);
		const post = beaconPosterior(early, SITE, m.boundary)!;
		const legs = suggestNextLeg(post, fitObservations(early), early.at(-1)!, {
			noiseFloorDbm: medianNoiseFloor(early)
		});
		expect(legs.length).toBe(16);
		for (let i = 1; i < legs.length; i++) {
			expect(legs[i]!.expected_area90_m2).toBeGreaterThanOrEqual(legs[i - 1]!.expected_area90_m2);
		}
		expect(legs[0]!.expected_reduction_m2).toBeGreaterThan(0);
	});
});

describe('detections explained', () => {
	it('calls the interference burst unexplained and the beacon’s detections explained', () => {
		const m = beaconSim('interference', 3);
		const post = beaconPosterior(m.observations, SITE, m.boundary)!;
		const ex = explainDetections(post, m.detections, {
			noiseFloorDbm: medianNoiseFloor(m.observations)
		});
		const far = ex.filter((e) => localDistanceM(e.detection, m.truth!) > 300);
		const near = ex.filter((e) => localDistanceM(e.detection, m.truth!) <= 300);
		expect(far.length).toBeGreaterThan(0);
		for (const e of far) expect(e.explained).toBe(false);
		expect(near.filter((e) => e.explained).length / near.length).toBeGreaterThanOrEqual(0.9);
	});
});
