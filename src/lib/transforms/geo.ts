/** Distances and bearings between latitude/longitude points (R = 6371 km, as in the contract). */

const R = 6_371_000;
const rad = Math.PI / 180;

/** Great-circle distance, m (haversine; at mission scales the method makes no difference). */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const dLat = (lat2 - lat1) * rad;
	const dLon = (lon2 - lon1) * rad;
	const a =
		Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from the first point to the second, degrees clockwise from true north, [0, 360). */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
	const dLon = (lon2 - lon1) * rad;
	const y = Math.sin(dLon) * Math.cos(lat2 * rad);
	const x =
		Math.cos(lat1 * rad) * Math.sin(lat2 * rad) -
		Math.sin(lat1 * rad) * Math.cos(lat2 * rad) * Math.cos(dLon);
	return (((Math.atan2(y, x) / rad) % 360) + 360) % 360;
}
