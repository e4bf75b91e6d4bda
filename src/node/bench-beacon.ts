/**
 * The beacon posterior's timings (issue 16) for `npm run bench`: review (the whole posterior of
 * a 1-hour sortie, goal ≤ 300 ms) and a live update (add one second's pulse peak and solve,
 * goal ≤ 50 ms p95 with the hour recorded). Pure TypeScript, so timed in Node's V8 (the engine
 * Chromium runs it in) on the simulator's 1-hour sortie (seed 1, cached by beacon-sim.ts).
 */
import { SITE } from '../lib/geo';
import { beaconPosterior } from '../lib/beacon/posterior';
import { LivePosterior } from '../lib/beacon/live';
import { beaconSim } from './beacon-sim';

const quantile = (x: readonly number[], q: number) => {
	const s = [...x].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))] ?? NaN;
};

/** The beacon bench's table (markdown), review and live rows. */
export function runBeaconBench(runs = 5): { table: string } {
	const m = beaconSim('sortie-1h', 1);
	const review: number[] = [];
	let post = null;
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		post = beaconPosterior(m.observations, SITE, m.boundary);
		review.push(performance.now() - t);
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
		}
	}
	const rows = [
		`| beacon posterior in review, 1-hour sortie (${m.observations.length} pulse peaks, ${live.fitCount} in the fit) | ${quantile(review, 0.5).toFixed(0)} ms | ≤ 300 ms | ${runs} runs, min ${Math.min(...review).toFixed(0)} ms; 90 % region ${Math.round(post?.region90.area_m2 ?? NaN)} m², point from the ${post?.point_source ?? '–'} |`,
		`| beacon posterior live update (add + solve), the hour recorded | ${quantile(upd, 0.95).toFixed(1)} ms p95 | ≤ 50 ms p95 | median ${quantile(upd, 0.5).toFixed(1)} ms, max ${Math.max(...upd).toFixed(1)} ms over ${upd.length} solves (every 5th second); grid ${live.grid.rows}×${live.grid.cols} |`
	];
	return { table: ['| measure | value | goal | notes |', '|---|---|---|---|', ...rows].join('\n') };
}
