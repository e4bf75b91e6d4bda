/**
 * The yardstick of issue 16 item 3: a plain least-squares log-distance fit on every per-second
 * RSSI peak (no SNR cut, no weighting, n free per candidate), the best of a 20 m grid refined to
 * 2 m. The posterior's most probable point must be no worse than this in the median.
 */
import type { LocalPoint } from '../geo';
import { cellCentre, gridOver, GridSums, type GridSpec } from './grid';
import type { BeaconObservation } from './observations';
import { boxAround } from './area';

function bestFree(g: GridSums): { cell: number; sse: number } {
	let best = { cell: 0, sse: Infinity };
	const syy = g.syy - (g.sy * g.sy) / g.w;
	for (let k = 0; k < g.sl.length; k++) {
		const sxx = (g.sll[k] as number) - (g.sl[k] as number) ** 2 / g.w;
		const sxy = (g.syl[k] as number) - (g.sy * (g.sl[k] as number)) / g.w;
		const sse = sxx > 0 ? syy - (sxy * sxy) / sxx : syy;
		if (sse < best.sse) best = { cell: k, sse };
	}
	return best;
}

/** The plain fit's position over the track's box plus `marginM` (20 m cells), or null with < 5 peaks. */
export function plainFit(obs: readonly BeaconObservation[], marginM = 150): LocalPoint | null {
	if (obs.length < 5) return null;
	const [min, max] = boxAround(obs, marginM);
	const coarse = new GridSums(gridOver(min, max, 20));
	for (const o of obs) coarse.add(o);
	return plainFitFrom(coarse, obs);
}

/**
 * The plain fit searched only over `box` (the posterior passes its fine grid's box at the coarse
 * cell size: the part of the map its 90 % region can be in), or null when the best cell there is
 * on the box's border: the plain fit's own minimum then lies outside, where the posterior would
 * not take it anyway. One pass over a few hundred cells, not the whole search area.
 */
export function plainFitWithin(
	box: GridSpec,
	obs: readonly BeaconObservation[]
): LocalPoint | null {
	if (obs.length < 5) return null;
	const sums = new GridSums(box);
	for (const o of obs) sums.add(o);
	const cell = bestFree(sums).cell;
	const i = Math.floor(cell / box.cols);
	const j = cell - i * box.cols;
	if (i === 0 || j === 0 || i === box.rows - 1 || j === box.cols - 1) return null;
	return plainFitFrom(sums, obs);
}

/** The plain fit from coarse sums of every peak in `obs`, refined at 2 m ±30 m around the best. */
function plainFitFrom(coarse: GridSums, obs: readonly BeaconObservation[]): LocalPoint {
	const c = cellCentre(coarse.grid, bestFree(coarse).cell);
	const fine = new GridSums(
		gridOver(
			{ north_m: c.north_m - 30, east_m: c.east_m - 30 },
			{ north_m: c.north_m + 30, east_m: c.east_m + 30 },
			2
		)
	);
	for (const o of obs) fine.add(o);
	return cellCentre(fine.grid, bestFree(fine).cell);
}
