/**
 * The app's one geo module: the contract's local tangent plane (pisad-domain.md §4), distances and
 * bearings. Positions are `{ lat_deg, lon_deg }`, local offsets `{ north_m, east_m }`; the app and
 * the simulator both import this module (the simulator never exports it to the app).
 */

/** Earth radius the contract DDL uses for every projection and distance, m. */
export const EARTH_RADIUS_M = 6_371_000;

/** ArduPilot SITL default site (pisad-domain.md §7). */
export const SITE = { lat_deg: -35.363261, lon_deg: 149.16523, alt_amsl_m: 584 } as const;

/** A position in degrees. */
export interface LatLon {
	lat_deg: number;
	lon_deg: number;
}

/** An offset in the local tangent plane from some origin, m. */
export interface LocalPoint {
	north_m: number;
	east_m: number;
}

const RAD = Math.PI / 180;

/** Local offset of `p` from `origin`: north = Δlat·R·π/180, east = Δlon·R·π/180·cos(lat0). */
export function toLocal(p: LatLon, origin: LatLon = SITE): LocalPoint {
	return {
		north_m: (p.lat_deg - origin.lat_deg) * EARTH_RADIUS_M * RAD,
		east_m: (p.lon_deg - origin.lon_deg) * EARTH_RADIUS_M * RAD * Math.cos(origin.lat_deg * RAD)
	};
}

/** Inverse of {@link toLocal}. */
export function toLatLon(p: LocalPoint, origin: LatLon = SITE): LatLon {
	return {
		lat_deg: origin.lat_deg + p.north_m / (EARTH_RADIUS_M * RAD),
		lon_deg: origin.lon_deg + p.east_m / (EARTH_RADIUS_M * RAD * Math.cos(origin.lat_deg * RAD))
	};
}

/** Great-circle distance between two positions, m (haversine; at mission scales the method makes no difference). */
export function distanceM(a: LatLon, b: LatLon): number {
	const dLat = (b.lat_deg - a.lat_deg) * RAD;
	const dLon = (b.lon_deg - a.lon_deg) * RAD;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat_deg * RAD) * Math.cos(b.lat_deg * RAD) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing from `a` to `b`, degrees clockwise from true north, in [0, 360). */
export function bearingDeg(a: LatLon, b: LatLon): number {
	const dLon = (b.lon_deg - a.lon_deg) * RAD;
	const y = Math.sin(dLon) * Math.cos(b.lat_deg * RAD);
	const x =
		Math.cos(a.lat_deg * RAD) * Math.sin(b.lat_deg * RAD) -
		Math.sin(a.lat_deg * RAD) * Math.cos(b.lat_deg * RAD) * Math.cos(dLon);
	return (((Math.atan2(y, x) / RAD) % 360) + 360) % 360;
}

/** Straight-line distance between two local points, m. */
export function localDistanceM(a: LocalPoint, b: LocalPoint): number {
	return Math.hypot(b.north_m - a.north_m, b.east_m - a.east_m);
}

/** Bearing from local point `a` to `b`, degrees clockwise from north, in [0, 360). */
export function localBearingDeg(a: LocalPoint, b: LocalPoint): number {
	const d = Math.atan2(b.east_m - a.east_m, b.north_m - a.north_m) / RAD;
	return (d + 360) % 360;
}

/** Signed smallest difference a − b between two bearings, degrees, in (−180, 180]. */
export function angleDiffDeg(a: number, b: number): number {
	const d = (((a - b) % 360) + 540) % 360;
	return d - 180 === -180 ? 180 : d - 180;
}
