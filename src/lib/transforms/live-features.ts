/**
 * Live rows → GeoJSON for the live map: the trail, the live heat cells (as points), the drone's
 * gradient arrow. Pure; the shared shapes and helpers are in `track.ts` and `map-features.ts`.
 */
import type { FeatureCollection, PointFeature } from './track';
import { offsetPoint } from './replay';

type LonLat = [number, number];
interface Line {
	type: 'Feature';
	geometry: { type: 'LineString'; coordinates: LonLat[] };
	properties: Record<string, never>;
}
const line = (coordinates: LonLat[]): FeatureCollection<Line> => ({
	type: 'FeatureCollection',
	features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: {} }]
});
const EMPTY: FeatureCollection<never> = { type: 'FeatureCollection', features: [] };

/** Heat cells (RSSI max per grid cell) as points carrying `rssi_dbm`. */
export function heatPoints(
	cells: readonly { lat_deg: number; lon_deg: number; rssi_max_dbm: number | null }[]
): FeatureCollection<PointFeature> {
	return {
		type: 'FeatureCollection',
		features: cells.map((c) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [c.lon_deg, c.lat_deg] },
			properties: { rssi_dbm: c.rssi_max_dbm }
		}))
	};
}

/** The trail as one line through the last `maxPoints` fixes; empty under two fixes. */
export function trailLine(
	fixes: readonly { lat_deg: number; lon_deg: number }[],
	maxPoints = 1500
): FeatureCollection<Line> {
	const xs = fixes.slice(-maxPoints);
	return xs.length < 2 ? EMPTY : line(xs.map((f) => [f.lon_deg, f.lat_deg]));
}

/** An arrow `lengthM` long from `p` along `bearingDeg` (clockwise from north); empty without either. */
export function bearingArrow(
	p: { lat_deg: number; lon_deg: number } | null,
	bearingDeg: number | null,
	lengthM = 60
): FeatureCollection<Line> {
	if (!p || bearingDeg === null || !Number.isFinite(bearingDeg)) return EMPTY;
	return line([[p.lon_deg, p.lat_deg], offsetPoint(p.lat_deg, p.lon_deg, bearingDeg, lengthM)]);
}
