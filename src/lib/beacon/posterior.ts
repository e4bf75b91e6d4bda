/**
 * The beacon posterior of a mission in review (issue 16 item 1): where the beacon is, as a
 * probability per cell over the search area plus a margin, from the mission's pulse peaks.
 * Coarse grid first, then a fine grid over the box holding 99.9 % of the coarse mass.
 * Method and measurements: docs/beacon-posterior.md.
 */
import type { Feature, MultiPolygon } from 'geojson';
import type { LatLon, LocalPoint } from '../geo';
import { cellCentre, gridOver, GridSums, type GridSpec } from './grid';
import { estimateNoise, leverage, type NoiseModel } from './noise';
import { boundaryLogPrior, boxAround } from './area';
import type { BeaconObservation } from './observations';
import { credibleCells, massInCircle } from './regions';
import { bestFit, cellPosterior, residuals } from './solve';
import { plainFitWithin } from './plain-fit';
import { applyPrior, blurGrid, medianHeight, shadowBlurM } from './blur';
import { blockSums, jackknifeTemper } from './jackknife';
import { summarise } from './summary';
import type { RegionLevel } from './calibration';

/** Tuning of {@link beaconPosterior}; every field has a default. */
export interface PosteriorOptions {
	/** Measured SNR a pulse peak needs to enter the fit, dB ({@link MIN_SNR_DB}). */
	minSnrDb?: number;
	/** Margin around the search area (or the track, without one), m (150). */
	marginM?: number;
	/** Coarse cell, m (20). */
	coarseM?: number;
	/** Target number of fine cells (4,000): fixes the fine cell size, at most coarse / 2. */
	fineCells?: number;
	/** Likelihood temper (≤ 1) for what N_eff does not capture; see docs/beacon-posterior.md. */
	temper?: number;
	/** Scale of the shadow-slope blur (see blur.ts). */
	blurScale?: number;
	/** Prior weight of a cell outside the search boundary relative to one inside (0.2). */
	outsidePrior?: number;
	/** Widen to the block jackknife's spread when it is wider (jackknife.ts; default on). */
	jackknife?: boolean;
}

/**
 * Measured SNR a pulse peak needs to enter the fit, dB. 3 rather than the Pi's 6: fewer peaks
 * at the edge of range are censored (only those that happen to read high pass a cut there), and
 * on 50 seeds per scenario it beat 6 on open field and urban (docs/beacon-posterior.md).
 */
export const MIN_SNR_DB = 3;

/** Default likelihood temper, measured on simulations (docs/beacon-posterior.md). */
export const DEFAULT_TEMPER = 1;
/** Share of the shadow-slope displacement applied as blur (docs/beacon-posterior.md). */
export const DEFAULT_BLUR_SCALE = 0;

/**
 * A credible region: the highest-ranked cells that hold the beacon `level` of the time on
 * simulations with known truth (calibration.ts); `mass` is the raw posterior mass they hold.
 */
export interface CredibleRegion {
	/** The coverage the region claims: 0.5 or 0.9. */
	level: RegionLevel;
	/** Raw posterior mass of its cells (not `level`: see calibration.ts). */
	mass: number;
	/** Row-major cell indices into the posterior's grid. */
	cells: number[];
	area_m2: number;
	/** Farthest distance from the most probable point to the region's edge, m. */
	reach_m: number;
	/** Outline as GeoJSON ([lon, lat]); properties: mass, area_m2, reach_m. */
	feature: Feature<MultiPolygon>;
}

/** The posterior over beacon positions and what the UI shows of it. */
export interface BeaconPosterior {
	grid: GridSpec;
	/** Probability per cell of `grid` (row-major), summing to 1. */
	prob: Float64Array;
	/** `prob` without the block jackknife's temper when that widened it, else null. */
	core?: Float64Array | null;
	/**
	 * The point: the plain least-squares fit when it lies in the 90 % region, else the posterior
	 * mean; live (no plain fit), the most probable cell's centre. See `point_source`.
	 */
	point: LocalPoint & LatLon;
	/** Which estimate gave `point`: the plain fit, the posterior mean or (live) the mode. */
	point_source?: 'plain' | 'mean' | 'mode';
	/** Best single fit at the point: A (dBm at 1 m), n, residual σ (dB). */
	a_db: number;
	path_loss_exponent: number;
	sigma_db: number;
	noise: NoiseModel;
	/** Shadow-slope blur applied to the likelihood (one-axis σ), m. */
	blur_m: number;
	region50: CredibleRegion;
	region90: CredibleRegion;
	origin: LatLon;
}

/** Pulse peaks that enter the fit: measured SNR ≥ minSnrDb. */
export function fitObservations(
	obs: readonly BeaconObservation[],
	minSnrDb = MIN_SNR_DB
): BeaconObservation[] {
	return obs.filter((o) => o.snr_db >= minSnrDb);
}

/** Posterior on one grid: sums, best fit, noise from its residuals, probabilities. */
export function posteriorOn(
	grid: GridSpec,
	sel: readonly BeaconObservation[],
	logPrior: Float64Array | undefined,
	temper = DEFAULT_TEMPER,
	blurScale = DEFAULT_BLUR_SCALE,
	jackknife = false,
	coreTemper?: number
): {
	prob: Float64Array;
	sharp: Float64Array;
	/** The posterior at `coreTemper` when that differs from `temper` (calibration.ts), else null. */
	core: Float64Array | null;
	sums: GridSums;
	a_db: number;
	n: number;
	sigma2: number;
	noise: NoiseModel;
	blur_m: number;
	/** The temper applied: `temper` times the jackknife's, when asked. */
	temper: number;
} {
	const jk = jackknife ? blockSums(grid, sel) : null;
	const sums = jk ? jk.total : new GridSums(grid);
	if (!jk) for (const o of sel) sums.add(o);
	const fit = bestFit(sums, logPrior);
	const at = cellCentre(grid, fit.cell);
	const res = residuals(sel, at, fit.a_db, fit.n);
	const noise = estimateNoise(sel, res, leverage(sel, at));
	const sigma2 = fit.sse / Math.max(1, sel.length - 3);
	let like = cellPosterior(sums, sigma2, noise.n_eff * temper);
	if (jk) {
		const t = jackknifeTemper(
			sums,
			jk.blocks,
			applyPrior(like, logPrior),
			sigma2,
			noise.n_eff * temper,
			logPrior
		);
		temper *= t;
		if (t < 1) like = cellPosterior(sums, sigma2, noise.n_eff * temper);
	}
	const blur = blurScale * shadowBlurM(noise, Math.sqrt(sigma2), fit.n, medianHeight(sel));
	const prob = applyPrior(blurGrid(grid, like, blur), logPrior);
	// The point is the sharp posterior's mode: blurring spreads the mass, it adds no evidence.
	const sharp = applyPrior(like, logPrior);
	const core =
		coreTemper === undefined || coreTemper === temper
			? null
			: applyPrior(cellPosterior(sums, sigma2, noise.n_eff * coreTemper), logPrior);
	const fitted = { a_db: fit.a_db, n: fit.n, sigma2, noise, blur_m: blur, temper };
	return { prob, sharp, core, sums, ...fitted };
}

/**
 * The beacon posterior from a mission's pulse peaks; null with fewer than 5 peaks over
 * minSnrDb (no beacon heard). `boundary` is the search area as a local ring, when there is one.
 */
export function beaconPosterior(
	observations: readonly BeaconObservation[],
	origin: LatLon,
	boundary?: readonly LocalPoint[] | null,
	o: PosteriorOptions = {}
): BeaconPosterior | null {
	const sel = fitObservations(observations, o.minSnrDb ?? MIN_SNR_DB);
	if (sel.length < 5) return null;
	const area0 = boundary && boundary.length >= 3 ? [...boundary, ...sel] : observations;
	const [min, max] = boxAround(area0, o.marginM ?? 150);
	// At most ~2,500 coarse cells: a 1-hour sortie's area at 20 m would be 11,000.
	const coarseM = Math.max(
		o.coarseM ?? 20,
		Math.sqrt(((max.north_m - min.north_m) * (max.east_m - min.east_m)) / 2500)
	);
	const outside = o.outsidePrior ?? 0.2;
	const coarse = gridOver(min, max, coarseM);
	const c = posteriorOn(
		coarse,
		sel,
		boundaryLogPrior(coarse, boundary, outside),
		o.temper ?? DEFAULT_TEMPER,
		o.blurScale,
		o.jackknife ?? true
	);
	const keep = credibleCells(c.prob, 0.999).map((k) => cellCentre(coarse, k));
	const [fmin, fmax] = boxAround(keep, coarseM);
	const boxArea = (fmax.north_m - fmin.north_m) * (fmax.east_m - fmin.east_m);
	const fineM = Math.min(coarseM / 2, Math.max(1, Math.sqrt(boxArea / (o.fineCells ?? 4000))));
	const grid = gridOver(fmin, fmax, fineM);
	// The fine grid keeps the coarse grid's temper (the jackknife's included); the core without
	// the jackknife's share of it ranks the calibrated regions' cells (calibration.ts).
	const f = posteriorOn(
		grid,
		sel,
		boundaryLogPrior(grid, boundary, outside),
		c.temper,
		o.blurScale,
		false,
		o.temper ?? DEFAULT_TEMPER
	);
	// The plain fit (the point when it lies in the 90 % region), searched where that can be.
	const plain = plainFitWithin(gridOver(fmin, fmax, coarseM), observations);
	return summarise(grid, f, origin, plain);
}

export { argMax, credibleRegion, summarise, type SolvedGrid } from './summary';

/** Probability that the beacon lies within `radiusM` of `centre` (local metres). */
export function posteriorMassInCircle(
	post: Pick<BeaconPosterior, 'grid' | 'prob'>,
	centre: LocalPoint,
	radiusM: number
): number {
	return massInCircle(post.grid, post.prob, centre, radiusM);
}
