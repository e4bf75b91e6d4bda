/** Search-area rings of the simulator, in the local plane of the shared geo module. */
import { SITE, toLatLon, type LatLon, type LocalPoint } from '../geo';

/** GeoJSON Polygon (closed ring, [lon, lat]) of local points. */
export function polygonGeoJson(ring: readonly LocalPoint[], origin: LatLon = SITE): string {
	const coords = [...ring, ring[0] as LocalPoint].map((p) => {
		const g = toLatLon(p, origin);
		return [round(g.lon_deg, 7), round(g.lat_deg, 7)];
	});
	return JSON.stringify({ type: 'Polygon', coordinates: [coords] });
}

/** Shoelace area of a local ring, km². */
export function ringAreaKm2(ring: readonly LocalPoint[]): number {
	let s = 0;
	for (let i = 0; i < ring.length; i++) {
		const a = ring[i] as LocalPoint;
		const b = ring[(i + 1) % ring.length] as LocalPoint;
		s += a.east_m * b.north_m - b.east_m * a.north_m;
	}
	return Math.abs(s) / 2 / 1e6;
}

/** Square of half-width r centred on the origin. */
export function squareRing(r: number): LocalPoint[] {
	return [
		{ north_m: r, east_m: -r },
		{ north_m: r, east_m: r },
		{ north_m: -r, east_m: r },
		{ north_m: -r, east_m: -r }
	];
}

/** Regular 36-gon approximating a circle of radius r. */
export function circleRing(r: number): LocalPoint[] {
	return Array.from({ length: 36 }, (_, i) => ({
		north_m: r * Math.cos((i * 10 * Math.PI) / 180),
		east_m: r * Math.sin((i * 10 * Math.PI) / 180)
	}));
}

function round(x: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}
