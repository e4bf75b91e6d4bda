/**
 * The calibrated credible regions (issue 16 item 2): which cells the "50 %" and "90 %" regions
 * hold so that, on simulated missions with known truth, the beacon lies inside them about 50 %
 * and 90 % of the time. The posterior alone was not calibrated (seeds 1–50: open field's 90 %
 * region held the beacon in 82 %, the urban and lawnmower 50 % regions in 64–66 %): its core is
 * too flat where the block jackknife widened it, its tails too thin where it did not.
 *
 * Two steps, both a function of the mission's own posterior only (no simulator constant):
 * 1. Shape: cells are ranked by the mixture ½·posterior + ½·core, the core being the same
 *    posterior without the jackknife's temper (identical to it when the jackknife did not fire):
 *    a widened map keeps the sharp fit's core inside the jackknife's tails.
 * 2. Levels: the regions hold the shares {@link REGION_MASS} of that mixture raised to
 *    {@link REGION_TEMPER} (a flatter copy: heavier tails, so a peaked map claims less).
 * The constants were fitted once, pooled over open field, urban and lawnmower seeds 1–50 (one
 * pair of levels for all three shapes, `npx tsx src/node/calibrate-beacon.ts --fit`), and
 * checked on the held-out seeds 51–100: docs/beacon-posterior.md. The posterior itself (`prob`,
 * `posteriorMassInCircle`) stays the raw posterior mass; only the regions are calibrated.
 */
import type { BeaconPosterior } from './posterior';
import { cellIndex, type GridSpec } from './grid';
import type { LocalPoint } from '../geo';

/** Weight of the core (the posterior without the jackknife's temper) in the ranking mixture. */
export const REGION_CORE_WEIGHT = 0.5;
/** Power the mixture is raised to before its shares are counted (< 1: heavier tails). */
export const REGION_TEMPER = 0.5;
/** Share of the tempered mixture each reported region holds, by the coverage it claims. */
export const REGION_MASS = { 0.5: 0.202, 0.9: 0.629 } as const;

/** A coverage the regions claim. */
export type RegionLevel = keyof typeof REGION_MASS;

/**
 * The calibrated weight of each cell (summing to 1): the mixture of `prob` and `core`, raised to
 * {@link REGION_TEMPER}. Cells are ranked by it, and a region holds its share of it.
 */
export function regionWeights(prob: Float64Array, core?: Float64Array | null): Float64Array {
	const w = new Float64Array(prob.length);
	const a = core ? 1 - REGION_CORE_WEIGHT : 1;
	let total = 0;
	for (let k = 0; k < prob.length; k++) {
		const m = a * (prob[k] as number) + (core ? REGION_CORE_WEIGHT * (core[k] as number) : 0);
		// Cells with no probability stay out of every region (as in credibleCells).
		const v = m > 1e-12 ? m ** REGION_TEMPER : 0;
		w[k] = v;
		total += v;
	}
	for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) / total;
	return w;
}

/** The mass (share of `weights`) a region needs before it holds `p`; 1 outside the grid. */
export function levelOf(grid: GridSpec, weights: Float64Array, p: LocalPoint): number {
	const k = cellIndex(grid, p);
	if (k < 0) return 1;
	const at = weights[k] as number;
	let before = 0;
	for (let c = 0; c < weights.length; c++) {
		if ((weights[c] as number) > at) before += weights[c] as number;
	}
	return at > 0 ? before : 1;
}

/**
 * The calibrated share a point needs before the regions hold it: the region claiming coverage c
 * holds `p` when this is below REGION_MASS[c]. The calibration script counts it per mission.
 */
export function calibratedLevelOf(
	post: Pick<BeaconPosterior, 'grid' | 'prob' | 'core'>,
	p: LocalPoint
): number {
	return levelOf(post.grid, regionWeights(post.prob, post.core), p);
}
