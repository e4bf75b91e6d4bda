/**
 * Track rows → GeoJSON for the map. Pure: no DOM, no DB.
 */

/** A decimated track point, as returned by the `track` query. */
export interface TrackPoint {
	lat_deg: number | null;
	lon_deg: number | null;
	t_rel_s: number;
	rssi_dbm: number | null;
	system_state: string | null;
}

export interface LineFeature {
	type: 'Feature';
	geometry: { type: 'LineString'; coordinates: [number, number][] };
	properties: { rssi_dbm: number | null; system_state: string | null; t_rel_s: number };
}
export interface PointFeature {
	type: 'Feature';
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: Record<string, string | number | boolean | null>;
}
export interface FeatureCollection<F> {
	type: 'FeatureCollection';
	features: F[];
}

/** True when a position can be drawn (finite and not the 0/0 "no fix" placeholder). */
export function validPosition(lat: number | null, lon: number | null): lat is number {
	return (
		lat !== null &&
		lon !== null &&
		Number.isFinite(lat) &&
		Number.isFinite(lon) &&
		Math.abs(lat) <= 90 &&
		Math.abs(lon) <= 180 &&
		!(lat === 0 && lon === 0)
	);
}

/**
 * One two-point LineString per consecutive pair, carrying the later point's RSSI and state, so
 * the map can colour the track by either without recomputing geometry.
 */
export function trackSegments(points: readonly TrackPoint[]): FeatureCollection<LineFeature> {
	const features: LineFeature[] = [];
	let prev: TrackPoint | undefined;
	for (const p of points) {
		if (!validPosition(p.lat_deg, p.lon_deg)) continue;
		if (prev && validPosition(prev.lat_deg, prev.lon_deg)) {
			features.push({
				type: 'Feature',
				geometry: {
					type: 'LineString',
					coordinates: [
						[prev.lon_deg as number, prev.lat_deg],
						[p.lon_deg as number, p.lat_deg]
					]
				},
				properties: { rssi_dbm: p.rssi_dbm, system_state: p.system_state, t_rel_s: p.t_rel_s }
			});
		}
		prev = p;
	}
	return { type: 'FeatureCollection', features };
}

/** Points as GeoJSON, skipping invalid positions. */
export function pointFeatures<T extends { lat_deg: number | null; lon_deg: number | null }>(
	rows: readonly T[],
	props: (row: T) => Record<string, string | number | boolean | null>
): FeatureCollection<PointFeature> {
	const features: PointFeature[] = [];
	for (const r of rows) {
		if (!validPosition(r.lat_deg, r.lon_deg)) continue;
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [r.lon_deg as number, r.lat_deg] },
			properties: props(r)
		});
	}
	return { type: 'FeatureCollection', features };
}

/** [[west, south], [east, north]] of the valid points, or null when there are none. */
export function trackBounds(
	points: readonly { lat_deg: number | null; lon_deg: number | null }[]
): [[number, number], [number, number]] | null {
	let w = Infinity,
		s = Infinity,
		e = -Infinity,
		n = -Infinity;
	for (const p of points) {
		if (!validPosition(p.lat_deg, p.lon_deg)) continue;
		const lon = p.lon_deg as number;
		w = Math.min(w, lon);
		e = Math.max(e, lon);
		s = Math.min(s, p.lat_deg);
		n = Math.max(n, p.lat_deg);
	}
	return Number.isFinite(w)
		? [
				[w, s],
				[e, n]
			]
		: null;
}

/** Two missions' track segments in one collection, each tagged `mission: 'A' | 'B'`. */
export function comparedTracks(
	a: readonly TrackPoint[],
	b: readonly TrackPoint[]
): FeatureCollection<
	Omit<LineFeature, 'properties'> & {
		properties: LineFeature['properties'] & { mission: 'A' | 'B' };
	}
> {
	const tag = (rows: readonly TrackPoint[], mission: 'A' | 'B') =>
		trackSegments(rows).features.map((f) => ({ ...f, properties: { ...f.properties, mission } }));
	return { type: 'FeatureCollection', features: [...tag(a, 'A'), ...tag(b, 'B')] };
}
