/** The search area as the posterior sees it: a flat prior over the boundary, and boxes. */
import type { LocalPoint } from '../geo';
import { cellCentre, type GridSpec } from './grid';

function pointInRing(p: LocalPoint, ring: readonly LocalPoint[]): boolean {
	let c = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const a = ring[i] as LocalPoint;
		const b = ring[j] as LocalPoint;
		if (
			a.east_m > p.east_m !== b.east_m > p.east_m &&
			p.north_m <
				((b.north_m - a.north_m) * (p.east_m - a.east_m)) / (b.east_m - a.east_m) + a.north_m
		) {
			c = !c;
		}
	}
	return c;
}

/** Log prior per cell: 0 inside the boundary, log(outside) outside it (flat without one). */
export function boundaryLogPrior(
	g: GridSpec,
	boundary: readonly LocalPoint[] | null | undefined,
	outside: number
): Float64Array | undefined {
	if (!boundary || boundary.length < 3) return undefined;
	const lp = new Float64Array(g.rows * g.cols);
	const lo = Math.log(outside);
	for (let k = 0; k < lp.length; k++) lp[k] = pointInRing(cellCentre(g, k), boundary) ? 0 : lo;
	return lp;
}

/** Bounding box of points, grown by `margin` on every side. */
export function boxAround(pts: readonly LocalPoint[], margin: number): [LocalPoint, LocalPoint] {
	const ns = pts.map((p) => p.north_m);
	const es = pts.map((p) => p.east_m);
	return [
		{ north_m: Math.min(...ns) - margin, east_m: Math.min(...es) - margin },
		{ north_m: Math.max(...ns) + margin, east_m: Math.max(...es) + margin }
	];
}
