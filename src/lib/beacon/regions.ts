/**
 * Credible regions of a gridded posterior: the smallest set of cells holding a given share of the
 * probability (highest-density cells first), their area, outline (as rings of cell edges, then
 * GeoJSON in lon/lat), the farthest point from a centre, and the mass inside a circle.
 */
import type { Feature, MultiPolygon, Position } from 'geojson';
import { toLatLon, type LatLon, type LocalPoint } from '../geo';
import { cellCentre, type GridSpec } from './grid';

/** Cells with any probability, most probable first. */
export function byProbability(p: Float64Array): number[] {
	const idx: number[] = [];
	for (let k = 0; k < p.length; k++) if ((p[k] as number) > 1e-12) idx.push(k);
	return idx.sort((a, b) => (p[b] as number) - (p[a] as number));
}

/**
 * Cell indices of the highest-density region holding `mass` of the probability `p`; `order`
 * (from {@link byProbability}) saves the sort when several regions come from one grid.
 */
export function credibleCells(
	p: Float64Array,
	mass: number,
	order: readonly number[] = byProbability(p)
): number[] {
	const out: number[] = [];
	let cum = 0;
	for (const k of order) {
		if (cum >= mass) break;
		out.push(k);
		cum += p[k] as number;
	}
	return out;
}

/** Farthest distance from `from` to any corner of the cells, m. */
export function reachM(g: GridSpec, cells: readonly number[], from: LocalPoint): number {
	let r = 0;
	const h = g.cell_m / 2;
	for (const k of cells) {
		const c = cellCentre(g, k);
		const dn = Math.abs(c.north_m - from.north_m) + h;
		const de = Math.abs(c.east_m - from.east_m) + h;
		r = Math.max(r, Math.hypot(dn, de));
	}
	return r;
}

/** Probability within `radiusM` of `centre` (cells counted by their centre). */
export function massInCircle(
	g: GridSpec,
	p: Float64Array,
	centre: LocalPoint,
	radiusM: number
): number {
	let s = 0;
	for (let k = 0; k < p.length; k++) {
		const c = cellCentre(g, k);
		if (Math.hypot(c.north_m - centre.north_m, c.east_m - centre.east_m) <= radiusM) {
			s += p[k] as number;
		}
	}
	return Math.min(1, s);
}

/** Closed rings (grid-corner coordinates i = row, j = col) outlining a set of cells. */
export function outlineRings(g: GridSpec, cells: readonly number[]): [number, number][][] {
	const inSet = new Set(cells);
	const has = (i: number, j: number) =>
		i >= 0 && j >= 0 && i < g.rows && j < g.cols && inSet.has(i * g.cols + j);
	// Directed boundary edges with the set on the left; keyed by start corner.
	const next = new Map<string, [number, number][]>();
	const push = (a: [number, number], b: [number, number]) => {
		const key = `${a[0]},${a[1]}`;
		const list = next.get(key) ?? [];
		list.push(b);
		next.set(key, list);
	};
	for (const k of inSet) {
		const i = Math.floor(k / g.cols);
		const j = k - i * g.cols;
		// Corners (row, col) = (north, east) steps: counter-clockwise, the cell on the left.
		if (!has(i - 1, j)) push([i, j], [i, j + 1]);
		if (!has(i, j + 1)) push([i, j + 1], [i + 1, j + 1]);
		if (!has(i + 1, j)) push([i + 1, j + 1], [i + 1, j]);
		if (!has(i, j - 1)) push([i + 1, j], [i, j]);
	}
	const rings: [number, number][][] = [];
	for (const [start, ends] of next) {
		while (ends.length > 0) {
			const first = start.split(',').map(Number) as [number, number];
			const ring: [number, number][] = [first];
			let cur = ends.pop() as [number, number];
			while (`${cur[0]},${cur[1]}` !== start) {
				ring.push(cur);
				const list = next.get(`${cur[0]},${cur[1]}`);
				if (!list || list.length === 0) break;
				cur = list.pop() as [number, number];
			}
			ring.push(first);
			rings.push(ring);
		}
	}
	return rings;
}

function signedArea(r: readonly Position[]): number {
	let s = 0;
	for (let i = 0; i + 1 < r.length; i++) {
		const a = r[i] as Position;
		const b = r[i + 1] as Position;
		s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
	}
	return s / 2;
}

function inside(pt: Position, ring: readonly Position[]): boolean {
	let c = false;
	const [x, y] = pt as [number, number];
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as [number, number];
		const [xj, yj] = ring[j] as [number, number];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
	}
	return c;
}

/**
 * The outline of a cell set as a GeoJSON MultiPolygon feature ([lon, lat], outer rings counter-
 * clockwise, holes inside the outer ring that contains them), with `properties` attached.
 */
export function regionFeature(
	g: GridSpec,
	cells: readonly number[],
	origin: LatLon,
	properties: Record<string, number | string>
): Feature<MultiPolygon> {
	const rings = outlineRings(g, cells).map((r) =>
		r.map(([i, j]) => {
			const ll = toLatLon(
				{ north_m: g.north0_m + i * g.cell_m, east_m: g.east0_m + j * g.cell_m },
				origin
			);
			return [ll.lon_deg, ll.lat_deg] as Position;
		})
	);
	const outers = rings.filter((r) => signedArea(r) > 0).map((r) => [r]);
	for (const hole of rings.filter((r) => signedArea(r) <= 0)) {
		const host = outers.find((p) => inside(hole[0] as Position, p[0] as Position[]));
		host?.push(hole);
	}
	return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: outers } };
}
