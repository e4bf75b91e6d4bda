/**
 * A mission's own check on how sure the posterior may be: a delete-a-block jackknife over time.
 * The pulses are cut into K runs of consecutive pulses (longer than the shadowing's correlation
 * along the track); leaving out one run at a time and solving again shows how far the answer
 * moves when one stretch of the flight, with its own shadowing, is missing. When the posterior
 * is narrower than that spread, its likelihood is tempered until it is not. It only ever widens
 * (temper ≤ 1): N_eff from the residual kernel stays the model; the jackknife catches what the
 * kernel misses (a homing orbit inside one shadow blob pulls the fit with all its pulses).
 * Because the grid's sums add, each replicate is the total minus one block: K cheap solves.
 */
import { cellCentre, GridSums, type GridSpec } from './grid';
import type { BeaconObservation } from './observations';
import { cellPosterior } from './solve';

/** Blocks of the jackknife. */
export const JACKKNIFE_BLOCKS = 10;
/**
 * The jackknife's variance has K − 1 = 9 degrees of freedom: it exceeds the true variance by
 * 1.88× (χ²₉/9 at 95 %) by chance one time in twenty, so only a wider spread than that is taken
 * as the posterior being too sure. Measured: correcting on any excess (threshold 1) widened the
 * lawnmower and urban maps past their band (docs/beacon-posterior.md).
 */
export const JACKKNIFE_SIGNIFICANT = 1.88;

/** Mean and covariance (north, east) of a probability grid, m and m². */
export function gridMoments(
	g: GridSpec,
	p: Float64Array
): { n: number; e: number; vnn: number; vee: number; vne: number } {
	let n = 0;
	let e = 0;
	let snn = 0;
	let see = 0;
	let sne = 0;
	for (let k = 0; k < p.length; k++) {
		const w = p[k] as number;
		if (w === 0) continue;
		const c = cellCentre(g, k);
		n += w * c.north_m;
		e += w * c.east_m;
		snn += w * c.north_m * c.north_m;
		see += w * c.east_m * c.east_m;
		sne += w * c.north_m * c.east_m;
	}
	return { n, e, vnn: snn - n * n, vee: see - e * e, vne: sne - n * e };
}

function minus(total: GridSums, block: GridSums): GridSums {
	const r = total.clone();
	for (let k = 0; k < r.sl.length; k++) {
		r.sl[k] = (r.sl[k] as number) - (block.sl[k] as number);
		r.sll[k] = (r.sll[k] as number) - (block.sll[k] as number);
		r.syl[k] = (r.syl[k] as number) - (block.syl[k] as number);
	}
	r.w -= block.w;
	r.sy -= block.sy;
	r.syy -= block.syy;
	return r;
}

/** Sums of the whole set and of each of `k` runs of consecutive observations (time order). */
export function blockSums(
	grid: GridSpec,
	sel: readonly BeaconObservation[],
	k = JACKKNIFE_BLOCKS
): { total: GridSums; blocks: GridSums[] } {
	const total = new GridSums(grid);
	const blocks: GridSums[] = [];
	for (let b = 0; b < k; b++) {
		const s = new GridSums(grid);
		const lo = Math.floor((b * sel.length) / k);
		const hi = Math.floor(((b + 1) * sel.length) / k);
		for (let i = lo; i < hi; i++) s.add(sel[i] as BeaconObservation);
		blocks.push(s);
	}
	// The total is the blocks' sum: one pass over the pulses, not two.
	for (const s of blocks) {
		for (let c = 0; c < total.sl.length; c++) {
			total.sl[c] = (total.sl[c] as number) + (s.sl[c] as number);
			total.sll[c] = (total.sll[c] as number) + (s.sll[c] as number);
			total.syl[c] = (total.syl[c] as number) + (s.syl[c] as number);
		}
		total.w += s.w;
		total.sy += s.sy;
		total.syy += s.syy;
	}
	return { total, blocks };
}

/**
 * The temper (0–1] that widens the posterior to the jackknife's spread when that is
 * significantly wider ({@link JACKKNIFE_SIGNIFICANT}), else 1: the ratio of the
 * posterior's positional variance (trace of its covariance) to the jackknife variance of the
 * posterior mean, (K−1)/K·Σ‖θ₋ₖ − θ̄‖², each replicate solved with the same N_eff (scaled to its
 * share of the pulses). A likelihood raised to t spreads a Gaussian's variance by 1/t.
 */
export function jackknifeTemper(
	total: GridSums,
	blocks: readonly GridSums[],
	post: Float64Array,
	sigma2: number,
	nEff: number,
	logPrior?: Float64Array
): number {
	const g = total.grid;
	const m = gridMoments(g, post);
	const vPost = Math.max(1e-6, m.vnn + m.vee);
	const means: { n: number; e: number }[] = [];
	for (const b of blocks) {
		if (b.w === 0) continue;
		const r = minus(total, b);
		const share = r.w / total.w;
		means.push(gridMoments(g, cellPosterior(r, sigma2, nEff * share, logPrior)));
	}
	const k = means.length;
	if (k < 3) return 1;
	const mn = means.reduce((s, x) => s + x.n, 0) / k;
	const me = means.reduce((s, x) => s + x.e, 0) / k;
	let ss = 0;
	for (const x of means) ss += (x.n - mn) ** 2 + (x.e - me) ** 2;
	const vJack = ((k - 1) / k) * ss;
	return vJack > JACKKNIFE_SIGNIFICANT * vPost ? vPost / vJack : 1;
}
