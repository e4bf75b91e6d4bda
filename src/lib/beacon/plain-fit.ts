/**
 * The yardstick of issue 16 item 3: a plain least-squares log-distance fit on every per-second
 * RSSI peak (no SNR cut, no weighting, n free per candidate), the best of a 20 m grid refined to
 * 2 m. The posterior's most probable point must be no worse than this in the median.
 */
import type { LocalPoint } from '../geo';
import { cellCentre, gridOver, GridSums, logSlant, type GridSpec } from './grid';
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

/** The plain fit's position over the track's box plus `marginM`, or null with < 5 peaks. */
export function plainFit(obs: readonly BeaconObservation[], marginM = 150): LocalPoint | null {
	if (obs.length < 5) return null;
	const [min, max] = boxAround(obs, marginM);
	const coarse = new GridSums(gridOver(min, max, 20));
	for (const o of obs) coarse.add(o);
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

/** SSE of the plain fit (A and n free) for a beacon at each of `at`; the best index. */
function bestOf(at: readonly LocalPoint[], obs: readonly BeaconObservation[]): number {
	let w = 0;
	let sy = 0;
	let syy = 0;
	for (const o of obs) {
		w++;
		sy += o.rssi_dbm;
		syy += o.rssi_dbm ** 2;
	}
	const syy0 = syy - (sy * sy) / w;
	let best = { i: -1, sse: Infinity };
	for (const [i, c] of at.entries()) {
		let sl = 0;
		let sll = 0;
		let syl = 0;
		for (const o of obs) {
			const l = logSlant(o, c);
			sl += l;
			sll += l * l;
			syl += o.rssi_dbm * l;
		}
		const sxx = sll - (sl * sl) / w;
		const sxy = syl - (sy * sl) / w;
		const sse = sxx > 0 ? syy0 - (sxy * sxy) / sxx : syy0;
		if (sse < best.sse) best = { i, sse };
	}
	return best.i;
}

/**
 * The plain fit's best cell among `cells` of `grid` (every peak, no SNR cut, n free), or −1.
 * O(cells · peaks): only the candidate cells (the posterior's 90 % region) are scored.
 */
export function plainFitCell(
	grid: GridSpec,
	cells: readonly number[],
	obs: readonly BeaconObservation[]
): number {
	return (
		cells[
			bestOf(
				cells.map((k) => cellCentre(grid, k)),
				obs
			)
		] ?? -1
	);
}

/** The plain fit refined on a 2 m lattice ±30 m around `c` (as {@link plainFit} refines). */
export function plainFitNear(c: LocalPoint, obs: readonly BeaconObservation[]): LocalPoint {
	const at: LocalPoint[] = [];
	for (let dn = -29; dn < 30; dn += 2) {
		for (let de = -29; de < 30; de += 2) {
			at.push({ north_m: c.north_m + dn, east_m: c.east_m + de });
		}
	}
	return at[bestOf(at, obs)] ?? c;
}
