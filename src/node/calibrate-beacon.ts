/**
 * Calibration of the beacon posterior (issue 16 items 2–6) on simulated missions with known
 * truth: per scenario the point's median and p90 error against a plain least-squares fit, the
 * median 90 % area and how often the 50 % and 90 % regions hold the true beacon; the next leg
 * against continuing the Pi's pattern; review and live timings on a 1-hour sortie.
 *
 *   npx tsx src/node/calibrate-beacon.ts [--seeds 50] [--from 1] [--scenarios open-field,urban]
 *                                        [--legs 5] [--timing] [--min-snr 6] [--fit]
 *
 * `--fit` prints the region levels (calibration.ts REGION_MASS) that give 50 % and 90 % coverage
 * pooled over open field, urban and lawnmower on the seeds run (fitted on 1–50; `--from 51`
 * checks them on held-out seeds).
 *
 * Missions are simulated once and cached under .scratch/beacon-cache (src/node/beacon-sim.ts).
 * Output: docs/beacon-posterior.md keeps the latest table.
 */
import { parseArgs } from 'node:util';
import { SITE, type LocalPoint } from '../lib/geo';
import { beaconPosterior, fitObservations, type BeaconPosterior } from '../lib/beacon/posterior';
import { plainFit } from '../lib/beacon/plain-fit';
import { cellIndex } from '../lib/beacon/grid';
import { LivePosterior } from '../lib/beacon/live';
import { suggestNextLeg } from '../lib/beacon/next-leg';
import { medianNoiseFloor } from '../lib/beacon/explain';
import { pulsePeaks } from '../lib/beacon/observations';
import { flyLeg } from '../lib/sim';
import { calibratedLevelOf } from '../lib/beacon/calibration';
import { beaconSim, type BeaconSim } from './beacon-sim';

const { values } = parseArgs({
	options: {
		seeds: { type: 'string', default: '50' },
		from: { type: 'string', default: '1' },
		fit: { type: 'boolean', default: false },
		scenarios: {
			type: 'string',
			default: 'open-field,urban,lawnmower,open-field-partial,lawnmower-partial'
		},
		legs: { type: 'string', default: '0' },
		'min-snr': { type: 'string' },
		timing: { type: 'boolean', default: false }
	}
});

const quantile = (x: readonly number[], q: number) => {
	const s = [...x].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))] ?? NaN;
};
const dist = (a: LocalPoint, b: LocalPoint) =>
	Math.hypot(a.north_m - b.north_m, a.east_m - b.east_m);
const covers = (p: BeaconPosterior, mass: 50 | 90, t: LocalPoint) =>
	(mass === 50 ? p.region50 : p.region90).cells.includes(cellIndex(p.grid, t));

/** Per mission of the fit's scenarios, the calibrated share its truth needs (calibration.ts). */
const levels: number[] = [];
const FIT_SCENARIOS = ['open-field', 'urban', 'lawnmower'];

/** One scenario's calibration row. */
function calibrate(scenario: string, first: number, seeds: number): string {
	const err: number[] = [];
	const plain: number[] = [];
	const area: number[] = [];
	const mass50: number[] = [];
	const mass90: number[] = [];
	let c50 = 0;
	let c90 = 0;
	let none = 0;
	for (let seed = first; seed < first + seeds; seed++) {
		const m = beaconSim(scenario, seed);
		if (!m.truth) continue;
		const p = beaconPosterior(m.observations, SITE, m.boundary, opts);
		const f = plainFit(m.observations);
		if (!p || !f) {
			none++;
			continue;
		}
		err.push(dist(p.point, m.truth));
		plain.push(dist(f, m.truth));
		area.push(p.region90.area_m2);
		c50 += covers(p, 50, m.truth) ? 1 : 0;
		c90 += covers(p, 90, m.truth) ? 1 : 0;
		mass50.push(p.region50.mass);
		mass90.push(p.region90.mass);
		if (FIT_SCENARIOS.includes(scenario)) levels.push(calibratedLevelOf(p, m.truth));
	}
	const k = err.length;
	const f1 = (x: number) => x.toFixed(1);
	return `| ${scenario} | ${k}${none ? ` (+${none} none)` : ''} | ${f1(quantile(err, 0.5))} | ${f1(quantile(err, 0.9))} | ${f1(quantile(plain, 0.5))} | ${Math.round(quantile(area, 0.5))} | ${Math.round((100 * c50) / k)} % | ${Math.round((100 * c90) / k)} % | ${quantile(mass50, 0.5).toFixed(2)} / ${quantile(mass90, 0.5).toFixed(2)} |`;
}

/** Next leg against the Pi's own pattern, from the posterior 20 s after the first detection. */
function legTrial(m: BeaconSim): string | null {
	const first = m.detections[0]?.t_rel_s;
	if (first === undefined || !m.truth) return null;
	const t0 = first + 20;
	const before = m.observations.filter((o) => o.t_rel_s <= t0);
	const post = beaconPosterior(before, SITE, m.boundary);
	const last = before.at(-1);
	if (!post || !last) return null;
	const nf = medianNoiseFloor(before);
	const best = suggestNextLeg(post, fitObservations(before), last, { noiseFloorDbm: nf })[0];
	if (!best) return null;
	const dur = best.leg.duration_s;
	const flown = pulsePeaks(
		flyLeg({
			seed: m.seed,
			scenario: m.scenario,
			path: best.leg.path,
			speedMps: 8,
			altM: last.alt_rel_m,
			startS: t0 + 1
		}),
		1
	);
	const cont = m.observations.filter((o) => o.t_rel_s > t0 && o.t_rel_s <= t0 + dur);
	const pLeg = beaconPosterior([...before, ...flown], SITE, m.boundary);
	const pCont = beaconPosterior([...before, ...cont], SITE, m.boundary);
	const a = (p: BeaconPosterior | null) => (p ? Math.round(p.region90.area_m2) : NaN);
	const e = (p: BeaconPosterior | null) => (p && m.truth ? dist(p.point, m.truth).toFixed(1) : '–');
	return `| ${m.scenario} ${m.seed} | ${Math.round(t0)} | ${a(post)} | ${best.leg.kind}, ${Math.round(dur)} s | ${Math.round(best.expected_area90_m2)} | ${a(pLeg)} (${e(pLeg)} m) | ${a(pCont)} (${e(pCont)} m) |`;
}

/** Review and live timings on a 1-hour sortie. */
function timing(): void {
	const m = beaconSim('sortie-1h', 1);
	const runs: number[] = [];
	for (let i = 0; i < 5; i++) {
		const t = performance.now();
		beaconPosterior(m.observations, SITE, m.boundary);
		runs.push(performance.now() - t);
	}
	const live = new LivePosterior(SITE, { boundary: m.boundary });
	const upd: number[] = [];
	for (const [i, o] of m.observations.entries()) {
		const t = performance.now();
		live.add([o]);
		// Every 5th second is solved and timed (all would take minutes; the cost does not depend
		// on which seconds are timed).
		if (i % 5 === 0) {
			live.solve();
			upd.push(performance.now() - t);
		} else live.add([]);
	}
	console.log(
		`\n1-hour sortie (${m.observations.length} pulse peaks, ${live.fitCount} in the fit, live grid ${live.grid.rows}×${live.grid.cols}):`
	);
	console.log(
		`review posterior: median ${quantile(runs, 0.5).toFixed(0)} ms; live update (add + solve): median ${quantile(upd, 0.5).toFixed(1)} ms, p95 ${quantile(upd, 0.95).toFixed(1)} ms, max ${Math.max(...upd).toFixed(1)} ms`
	);
}

const seeds = Number(values.seeds);
const opts = values['min-snr'] === undefined ? {} : { minSnrDb: Number(values['min-snr']) };
const first = Number(values.from);
if (seeds > 0) {
	console.log(`Seeds ${first}–${first + seeds - 1} per scenario.\n`);
	console.log(
		'| scenario | missions | median error m | p90 error m | plain fit median m | median 90 % area m² | 50 % covers | 90 % covers | median raw mass 50 % / 90 % |'
	);
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const s of values.scenarios.split(',')) console.log(calibrate(s, first, seeds));
	if (values.fit && levels.length > 0) {
		// Coverage at share q is the fraction of missions whose truth needs less: its quantiles.
		const q = (x: number) => quantile(levels, x).toFixed(3);
		console.log(
			`\nREGION_MASS fitted on ${levels.length} missions (${FIT_SCENARIOS.join(', ')}): 0.5 → ${q(0.5)}, 0.9 → ${q(0.9)}`
		);
	}
}
const legs = Number(values.legs);
if (legs > 0) {
	console.log(
		'\n| mission | t s | 90 % area now m² | suggested leg | expected m² | after the leg m² (error) | after the pattern m² (error) |'
	);
	console.log('|---|---|---|---|---|---|---|');
	for (const sc of ['open-field', 'lawnmower']) {
		for (let seed = 1; seed <= legs; seed++) {
			const row = legTrial(beaconSim(sc, seed));
			if (row) console.log(row);
		}
	}
}
if (values.timing) timing();
