/**
 * Beacon posterior figures for `npm run bench` (issue 16), in Node on the beacon worker's own
 * code (`BeaconService`, what the page's worker runs): the review posterior of a 1-hour sortie
 * (goal ≤ 300 ms) and a live update (the new second's pulse peak added, re-solved, regions out)
 * with the first 59 minutes already recorded (goal p95 ≤ 50 ms), plus the next leg's scoring.
 *
 *   npx tsx src/node/bench-beacon.ts [--browser]     (this table alone)
 *
 * With the app built (`build/`), `npm run bench` and `--browser` add a row timing the review
 * page in real Chromium until the 90 % area shows (bench-beacon-browser.ts): the user's path.
 */
import { SITE } from '../lib/geo';
import { BeaconService } from '../lib/beacon-worker';
import { existsSync } from 'node:fs';
import { beaconSim } from './beacon-sim';
import { beaconBrowserRow, benchBeaconBrowser } from './bench-beacon-browser';

type Row = [string, string, string, string];

/** The review page's row (3 opens) when the app is built, else none. */
export async function beaconBrowserRows(): Promise<Row[]> {
	if (!existsSync('build/index.html')) return [];
	return [beaconBrowserRow(await benchBeaconBrowser(3))];
}

const quantile = (x: readonly number[], q: number) => {
	const s = [...x].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] ?? NaN;
};

/** Review and live posterior timings on the 1-hour sortie (seed 1); returns table rows. */
export function runBeaconBench(): Row[] {
	const m = beaconSim('sortie-1h', 1);
	const base = { origin: SITE, boundary: m.boundary };
	const review: number[] = [];
	for (let i = 0; i < 5; i++) {
		const s = new BeaconService();
		const t = performance.now();
		s.review({ ...base, observations: m.observations });
		review.push(performance.now() - t);
	}
	const live = new BeaconService();
	const tail = 60;
	const recorded = m.observations.slice(0, -tail);
	const req = { ...base, missionId: 'bench', drone: null, leg: false };
	live.live({ ...req, observations: recorded });
	const upd: number[] = [];
	const legs: number[] = [];
	for (const [i, o] of m.observations.slice(-tail).entries()) {
		const t = performance.now();
		const r = live.live({ ...req, observations: [o] });
		upd.push(performance.now() - t);
		if (r && i % 12 === 0) {
			const l = performance.now();
			live.live({ ...req, observations: [], drone: o, leg: true });
			legs.push(performance.now() - l);
		}
	}
	const ms = (x: number) => `${x.toFixed(0)} ms`;
	return [
		[
			`beacon posterior in review, 1-hour sortie (${m.observations.length} pulse peaks)`,
			ms(quantile(review, 0.5)),
			'≤ 300 ms',
			`5 runs, in the beacon worker's code (Node here, the page runs it off the main thread)`
		],
		[
			'live posterior update with a 1-hour flight recorded (add the new peak, solve, regions)',
			`p50 ${quantile(upd, 0.5).toFixed(1)} ms / p95 ${quantile(upd, 0.95).toFixed(1)} ms`,
			'p95 ≤ 50 ms',
			`${tail} one-second updates after ${recorded.length} peaks; in the worker, once a second`
		],
		[
			'next leg scored (16 candidate legs), with that second’s solve',
			ms(quantile(legs, 0.5)),
			'—',
			`${legs.length} scorings, every 15 s in the worker (the posterior waits for it)`
		]
	];
}

/** The rows as a markdown table. */
export function beaconTable(rows: Row[]): string {
	return ['| beacon posterior | median | goal | notes |', '|---|---|---|---|']
		.concat(rows.map((r) => `| ${r.join(' | ')} |`))
		.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const web = process.argv.includes('--browser') ? await beaconBrowserRows() : [];
	console.log(beaconTable([...runBeaconBench(), ...web]));
}
