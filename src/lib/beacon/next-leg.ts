/**
 * The next leg to fly (issue 16 item 6): candidate legs from the drone's position (short straight
 * passes in 12 headings, and crossings of the 90 % region through the most probable point in 4
 * directions) are scored by the expected 90 % area after flying them. For a few beacon positions
 * drawn from the posterior, the fitted model predicts each pulse peak along the leg; those are
 * added to the sums and the posterior re-solved on a local grid around the region.
 */
import type { LocalPoint } from '../geo';
import { blurGrid } from './blur';
import { cellCentre, gridOver, GridSums, type GridSpec } from './grid';
import type { BeaconObservation } from './observations';
import { boxAround } from './area';
import { MIN_SNR_DB, type BeaconPosterior } from './posterior';
import { credibleCells } from './regions';
import { REGION_MASS, regionWeights } from './calibration';
import { cellPosterior } from './solve';

/** A candidate leg: a polyline from the drone's position. */
export interface Leg {
	kind: 'pass' | 'crossing';
	path: LocalPoint[];
	length_m: number;
	duration_s: number;
}

/** A leg with its expected 90 % area after flying it. */
export interface LegScore {
	leg: Leg;
	expected_area90_m2: number;
	/** Today's 90 % area (same local grid) minus the expected one, m². */
	expected_reduction_m2: number;
}

/** Options of {@link suggestNextLeg}. */
export interface NextLegOptions {
	/** Noise floor the predicted SNR is measured against, dBm. */
	noiseFloorDbm: number;
	speedMps?: number;
	altM?: number;
	/** Length of a straight pass, m (300). */
	passLengthM?: number;
	/** Beacon positions drawn from the posterior per leg (6). */
	samples?: number;
	minSnrDb?: number;
}

const len = (p: readonly LocalPoint[]) =>
	p
		.slice(1)
		.reduce((s, b, i) => s + Math.hypot(b.north_m - p[i]!.north_m, b.east_m - p[i]!.east_m), 0);

/** The candidate legs from `from` for a posterior. */
export function candidateLegs(post: BeaconPosterior, from: LocalPoint, o: NextLegOptions): Leg[] {
	const v = o.speedMps ?? 8;
	const pass = o.passLengthM ?? 300;
	const legs: Leg[] = [];
	const mk = (kind: Leg['kind'], path: LocalPoint[]) => {
		const l = len(path);
		legs.push({ kind, path, length_m: l, duration_s: l / v });
	};
	for (let h = 0; h < 12; h++) {
		const a = (h * Math.PI) / 6;
		mk('pass', [
			from,
			{ north_m: from.north_m + pass * Math.cos(a), east_m: from.east_m + pass * Math.sin(a) }
		]);
	}
	const r = Math.max(post.region90.reach_m, 100);
	for (let d = 0; d < 4; d++) {
		const a = (d * Math.PI) / 4;
		const u = { north_m: r * Math.cos(a), east_m: r * Math.sin(a) };
		const p1 = { north_m: post.point.north_m + u.north_m, east_m: post.point.east_m + u.east_m };
		const p2 = { north_m: post.point.north_m - u.north_m, east_m: post.point.east_m - u.east_m };
		const near =
			Math.hypot(p1.north_m - from.north_m, p1.east_m - from.east_m) <
			Math.hypot(p2.north_m - from.north_m, p2.east_m - from.east_m);
		mk('crossing', near ? [from, p1, p2] : [from, p2, p1]);
	}
	return legs;
}

/** Points along a polyline every `step` metres (the drone's position at each pulse). */
export function alongPath(path: readonly LocalPoint[], step: number): LocalPoint[] {
	const out: LocalPoint[] = [];
	let carry = 0;
	for (let i = 0; i + 1 < path.length; i++) {
		const a = path[i] as LocalPoint;
		const b = path[i + 1] as LocalPoint;
		const l = Math.hypot(b.north_m - a.north_m, b.east_m - a.east_m);
		for (let s = carry; s < l; s += step) {
			out.push({
				north_m: a.north_m + ((b.north_m - a.north_m) * s) / l,
				east_m: a.east_m + ((b.east_m - a.east_m) * s) / l
			});
		}
		carry = l > 0 ? (step - ((l - carry) % step)) % step : carry;
	}
	return out;
}

function area90(g: GridSpec, sums: GridSums, post: BeaconPosterior, nEff: number): number {
	const p = blurGrid(g, cellPosterior(sums, post.sigma_db ** 2, nEff), post.blur_m);
	// The calibrated 90 % region, as the map reports it (calibration.ts).
	return credibleCells(regionWeights(p), REGION_MASS[0.9]).length * g.cell_m * g.cell_m;
}

/**
 * Scores every candidate leg and returns them best first (smallest expected 90 % area); `fit`
 * are the pulse peaks the posterior was fitted on.
 */
export function suggestNextLeg(
	post: BeaconPosterior,
	fit: readonly BeaconObservation[],
	from: LocalPoint,
	o: NextLegOptions
): LegScore[] {
	const region = post.region90.cells.map((k) => cellCentre(post.grid, k));
	const [min, max] = boxAround(region, 60);
	const g = gridOver(
		min,
		max,
		Math.max(3, Math.sqrt(((max.north_m - min.north_m) * (max.east_m - min.east_m)) / 2500))
	);
	const base = new GridSums(g);
	for (const x of fit) base.add(x);
	const n0 = fit.length;
	const nEff0 = post.noise.n_eff;
	const baseArea = area90(g, base, post, nEff0);
	// Beacon positions drawn from the posterior at evenly spaced quantiles (deterministic).
	const order = credibleCells(post.prob, 0.999);
	const cum: number[] = [];
	let c = 0;
	for (const k of order) cum.push((c += post.prob[k] as number));
	const s = o.samples ?? 6;
	const beacons = Array.from({ length: s }, (_, i) => {
		const q = ((i + 0.5) / s) * c;
		const at = cum.findIndex((v) => v >= q);
		return cellCentre(post.grid, order[Math.max(0, at)] as number);
	});
	const alt = o.altM ?? 50;
	const minSnr = o.minSnrDb ?? MIN_SNR_DB;
	const scores = candidateLegs(post, from, o).map((leg) => {
		const pts = alongPath(leg.path, o.speedMps ?? 8);
		let total = 0;
		for (const b of beacons) {
			const sums = base.clone();
			let m = 0;
			for (const p of pts) {
				const d = Math.hypot(p.north_m - b.north_m, p.east_m - b.east_m, alt) + 0;
				const rssi = post.a_db - 10 * post.path_loss_exponent * Math.log10(Math.max(d, 1));
				if (rssi - o.noiseFloorDbm < minSnr) continue;
				sums.add({
					...p,
					t_rel_s: 0,
					alt_rel_m: alt,
					rssi_dbm: rssi,
					snr_db: rssi - o.noiseFloorDbm,
					noise_floor_dbm: o.noiseFloorDbm
				});
				m++;
			}
			total += area90(g, sums, post, (nEff0 * (n0 + m)) / Math.max(1, n0));
		}
		const expected = total / beacons.length;
		return { leg, expected_area90_m2: expected, expected_reduction_m2: baseArea - expected };
	});
	return scores.sort((a, b) => a.expected_area90_m2 - b.expected_area90_m2);
}
