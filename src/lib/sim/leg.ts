import type { LocalPoint } from '../geo';
import { PiSignalChain } from '../signal/chain';
import { RadioEnvironment } from './propagation';
import { Rng } from './rng';
import { buildScenario, isScenario, type ScenarioName } from './scenarios';

/** One 10 Hz sample of an offline leg: where the drone was and what the Pi's chain read. */
export interface LegSample extends LocalPoint {
	t_rel_s: number;
	alt_rel_m: number;
	rssi_dbm: number;
	snr_db: number;
	noise_floor_dbm: number;
}

/** A path flown offline through a seeded mission's radio environment. */
export interface FlyLegOptions {
	seed: number;
	scenario: ScenarioName | string;
	/** Polyline to fly from its first point, local metres. */
	path: readonly LocalPoint[];
	speedMps: number;
	altM: number;
	/** Mission time at the first point, s (the beacon's pulse phase and noise drift follow it). */
	startS: number;
	/** At most this long, s (default: the whole path). */
	maxS?: number;
}

const DT = 0.1;
/** Samples of noise the chain reads before the leg, so its noise floor has settled. */
const WARMUP = 120;

/**
 * Flies `path` at constant speed and altitude through the same radio environment (beacon and
 * shadowing field) that `simulateMission` builds for this seed and scenario, and returns the
 * Pi's chain output every 0.1 s (issue 16 item 6: what the next leg would have measured).
 */
export function flyLeg(o: FlyLegOptions): LegSample[] {
	if (!isScenario(o.scenario)) throw new Error(`unknown scenario ${o.scenario}`);
	// The same forks in the same order as simulateMission: identical beacon and shadowing.
	const rng = new Rng(o.seed);
	const cfg = buildScenario(o.scenario, rng.fork(11));
	const radio = new RadioEnvironment(cfg.radio, cfg.beacon, cfg.bursts, rng.fork(12), 1600);
	const chain = new PiSignalChain();
	const start = o.path[0];
	if (!start) return [];
	for (let k = WARMUP; k > 0; k--) chain.push(radio.sample(o.startS - k * DT, start, o.altM));
	const out: LegSample[] = [];
	let seg = 0;
	let along = 0;
	let pos: LocalPoint = start;
	const maxS = o.maxS ?? Infinity;
	for (let t = 0; t <= maxS; t += DT) {
		const tS = o.startS + t;
		const s = chain.push(radio.sample(tS, pos, o.altM));
		out.push({
			t_rel_s: tS,
			...pos,
			alt_rel_m: o.altM,
			rssi_dbm: s.rssi_dbm,
			snr_db: s.snr_db,
			noise_floor_dbm: s.noise_floor_dbm
		});
		// Advance along the polyline by one step.
		let step = o.speedMps * DT;
		for (;;) {
			const a = o.path[seg];
			const b = o.path[seg + 1];
			if (!a || !b) return out;
			const len = Math.hypot(b.north_m - a.north_m, b.east_m - a.east_m);
			if (along + step <= len) {
				along += step;
				const f = len > 0 ? along / len : 0;
				pos = {
					north_m: a.north_m + f * (b.north_m - a.north_m),
					east_m: a.east_m + f * (b.east_m - a.east_m)
				};
				break;
			}
			step -= len - along;
			along = 0;
			seg++;
		}
	}
	return out;
}
