/**
 * From a solved grid to what the UI shows (split from posterior.ts for its line budget): the
 * point, the calibrated 50 % and 90 % regions with their areas, reach and outlines.
 */
import { toLatLon, type LatLon, type LocalPoint } from '../geo';
import { cellCentre, type GridSpec } from './grid';
import { gridMoments } from './jackknife';
import type { NoiseModel } from './noise';
import type { BeaconPosterior, CredibleRegion } from './posterior';
import { byProbability, credibleCells, reachM, regionFeature } from './regions';
import { levelOf, REGION_MASS, regionWeights, type RegionLevel } from './calibration';

/**
 * The region claiming coverage `level` (calibration.ts): the highest-ranked cells holding
 * REGION_MASS[level] of the calibrated `weights` (`order`: cells by falling weight), with its raw
 * posterior mass in `prob`, area, reach from `point` and outline.
 */
export function credibleRegion(
	grid: GridSpec,
	prob: Float64Array,
	weights: Float64Array,
	level: RegionLevel,
	point: LocalPoint,
	origin: LatLon,
	order: readonly number[] = byProbability(weights)
): CredibleRegion {
	const cells = credibleCells(weights, REGION_MASS[level], order);
	let mass = 0;
	for (const k of cells) mass += prob[k] as number;
	const area = cells.length * grid.cell_m * grid.cell_m;
	const reach = reachM(grid, cells, point);
	// Outline properties as the map and the export expect; they tag the level in percent.
	const feature = regionFeature(grid, cells, origin, { mass, area_m2: area, reach_m: reach });
	return { level, mass, cells, area_m2: area, reach_m: reach, feature };
}

/** The posterior mean position. */
function meanOf(g: GridSpec, p: Float64Array): LocalPoint {
	const m = gridMoments(g, p);
	return { north_m: m.n, east_m: m.e };
}

/** Index of the largest value. */
export function argMax(p: Float64Array): number {
	let best = 0;
	for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
	return best;
}

/** The solved grid {@link summarise} turns into a {@link BeaconPosterior}. */
export interface SolvedGrid {
	prob: Float64Array;
	sharp: Float64Array;
	/** `prob` without the jackknife's temper, when the jackknife widened it (calibration.ts). */
	core?: Float64Array | null;
	a_db: number;
	n: number;
	sigma2: number;
	noise: NoiseModel;
	blur_m: number;
}

/**
 * Point and regions of a solved grid. `plain`, the plain least-squares fit ({@link plainFit}), is
 * the point when it lies in the cells holding 90 % of the posterior's mass, else the posterior
 * mean is (on short flights the
 * posterior is wide and its mean beats both its mode and the plain fit); without `plain` (live)
 * the sharp posterior's mode is the point. Measured in docs/beacon-posterior.md: no worse than
 * the plain fit in the median on any flight shape.
 */
export function summarise(
	grid: GridSpec,
	s: SolvedGrid,
	origin: LatLon,
	plain?: LocalPoint | null
): BeaconPosterior {
	// The point's test is on the raw posterior: is the plain fit in the cells holding 90 % of its
	// mass (O(cells), no second sort; live has no plain fit).
	const usePlain = !!plain && levelOf(grid, s.prob, plain) < 0.9;
	const source = plain === undefined ? 'mode' : usePlain ? 'plain' : 'mean';
	const p =
		plain && usePlain
			? plain
			: source === 'mean'
				? meanOf(grid, s.prob)
				: cellCentre(grid, argMax(s.sharp));
	const point = { ...p, ...toLatLon(p, origin) };
	const weights = regionWeights(s.prob, s.core);
	const order = byProbability(weights);
	return {
		grid,
		prob: s.prob,
		point,
		point_source: source,
		a_db: s.a_db,
		path_loss_exponent: s.n,
		sigma_db: Math.sqrt(s.sigma2),
		noise: s.noise,
		blur_m: s.blur_m,
		core: s.core ?? null,
		region50: credibleRegion(grid, s.prob, weights, 0.5, p, origin, order),
		region90: credibleRegion(grid, s.prob, weights, 0.9, p, origin, order),
		origin
	};
}
