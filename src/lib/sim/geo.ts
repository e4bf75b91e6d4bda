/** Local tangent-plane conversions exactly as pisad-domain.md §4 and the contract DDL. */
export const EARTH_RADIUS_M = 6_371_000;

/** ArduPilot SITL default site (pisad-domain.md §7). */
export const SITE = { lat_deg: -35.363261, lon_deg: 149.16523, alt_amsl_m: 584 } as const;

export interface LatLon {
	lat_deg: number;
	lon_deg: number;
}

export interface LocalPoint {
	north_m: number;
	east_m: number;
}

const RAD = Math.PI / 180;

/** north = Δlat·R·π/180, east = Δlon·R·π/180·cos(lat0). */
export function toLocal(p: LatLon, origin: LatLon = SITE): LocalPoint {
	return {
		north_m: (p.lat_deg - origin.lat_deg) * EARTH_RADIUS_M * RAD,
		east_m: (p.lon_deg - origin.lon_deg) * EARTH_RADIUS_M * RAD * Math.cos(origin.lat_deg * RAD)
	};
}

/** Inverse of toLocal. */
export function toLatLon(p: LocalPoint, origin: LatLon = SITE): LatLon {
	return {
		lat_deg: origin.lat_deg + p.north_m / (EARTH_RADIUS_M * RAD),
		lon_deg: origin.lon_deg + p.east_m / (EARTH_RADIUS_M * RAD * Math.cos(origin.lat_deg * RAD))
	};
}

/** Bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: LocalPoint, b: LocalPoint): number {
	const d = (Math.atan2(b.east_m - a.east_m, b.north_m - a.north_m) * 180) / Math.PI;
	return (d + 360) % 360;
}

export function distanceM(a: LocalPoint, b: LocalPoint): number {
	return Math.hypot(b.north_m - a.north_m, b.east_m - a.east_m);
}

/** Signed smallest difference a − b in degrees, in (−180, 180]. */
export function angleDiffDeg(a: number, b: number): number {
	const d = (((a - b) % 360) + 540) % 360;
	return d - 180 === -180 ? 180 : d - 180;
}

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

export function round(x: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}
