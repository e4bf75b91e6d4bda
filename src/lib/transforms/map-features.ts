/**
 * Rows → GeoJSON for the map's other layers: heat-map cells, the beacon estimate's uncertainty
 * circle, gradient arrows, the search pattern, and the replay drone. Pure.
 */
import type { FeatureCollection, PointFeature } from './track';
import { offsetPoint } from './replay';

type Props = Record<string, string | number | boolean | null>;
export interface PolygonFeature {
	type: 'Feature';
	geometry: { type: 'Polygon'; coordinates: [number, number][][] };
	properties: Props;
}
export interface LinesFeature {
	type: 'Feature';
	geometry: { type: 'LineString'; coordinates: [number, number][] };
	properties: Props;
}

const fc = <F>(features: F[]): FeatureCollection<F> => ({ type: 'FeatureCollection', features });

export interface HeatCell {
	lat0_deg: number | null;
	lon0_deg: number | null;
	lat1_deg: number | null;
	lon1_deg: number | null;
	rssi_max_dbm: number;
	rssi_p50_dbm: number;
	n: number;
}

/** Heat-map cells as polygons carrying their RSSI statistics. */
export function heatCells(rows: readonly HeatCell[]): FeatureCollection<PolygonFeature> {
	const out: PolygonFeature[] = [];
	for (const r of rows) {
		if (r.lat0_deg === null || r.lon0_deg === null || r.lat1_deg === null || r.lon1_deg === null)
			continue;
		const ring: [number, number][] = [
			[r.lon0_deg, r.lat0_deg],
			[r.lon1_deg, r.lat0_deg],
			[r.lon1_deg, r.lat1_deg],
			[r.lon0_deg, r.lat1_deg],
			[r.lon0_deg, r.lat0_deg]
		];
		out.push({
			type: 'Feature',
			geometry: { type: 'Polygon', coordinates: [ring] },
			properties: { rssi_dbm: r.rssi_max_dbm, rssi_p50_dbm: r.rssi_p50_dbm, n: r.n }
		});
	}
	return fc(out);
}

/** A circle of `radiusM` metres as a 64-gon (MapLibre has no metric circle primitive). */
export function circlePolygon(
	lat: number,
	lon: number,
	radiusM: number,
	props: Props = {}
): PolygonFeature {
	const ring: [number, number][] = [];
	for (let i = 0; i <= 64; i++) ring.push(offsetPoint(lat, lon, (i * 360) / 64, radiusM));
	return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: props };
}

export interface GradientArrow {
	lat_deg: number | null;
	lon_deg: number | null;
	bearing_deg: number | null;
	r2: number | null;
}

/** Gradient arrows: a shaft along the bearing plus two head strokes, length scaled by R². */
export function gradientArrows(
	rows: readonly GradientArrow[],
	every = 1,
	maxLenM = 40
): FeatureCollection<LinesFeature> {
	const out: LinesFeature[] = [];
	rows.forEach((r, i) => {
		if (
			i % every ||
			r.lat_deg === null ||
			r.lon_deg === null ||
			r.bearing_deg === null ||
			r.r2 === null
		)
			return;
		const len = 8 + maxLenM * Math.max(0, Math.min(1, r.r2));
		const tip = offsetPoint(r.lat_deg, r.lon_deg, r.bearing_deg, len);
		const [tlon, tlat] = tip;
		out.push({
			type: 'Feature',
			geometry: {
				type: 'LineString',
				coordinates: [
					[r.lon_deg, r.lat_deg],
					tip,
					offsetPoint(tlat, tlon, r.bearing_deg + 150, len * 0.3),
					tip,
					offsetPoint(tlat, tlon, r.bearing_deg - 150, len * 0.3)
				]
			},
			properties: { r2: r.r2 }
		});
	});
	return fc(out);
}

export interface PatternLike {
	boundary_geojson: string | null;
	waypoints: { idx: number; lat_deg: number | null; lon_deg: number | null }[];
}

/** Boundary polygon(s) and the planned waypoint path. Bad boundary JSON is ignored, not thrown. */
export function patternFeatures(p: PatternLike | null): {
	boundary: FeatureCollection<PolygonFeature>;
	path: FeatureCollection<LinesFeature>;
	waypoints: FeatureCollection<PointFeature>;
} {
	const boundary: PolygonFeature[] = [];
	if (p?.boundary_geojson) {
		try {
			const g = JSON.parse(p.boundary_geojson) as {
				type?: string;
				coordinates?: unknown;
				geometry?: { type?: string; coordinates?: unknown };
			};
			const geom = g.type === 'Feature' ? g.geometry : g;
			if (geom?.type === 'Polygon' && Array.isArray(geom.coordinates)) {
				boundary.push({
					type: 'Feature',
					geometry: { type: 'Polygon', coordinates: geom.coordinates as [number, number][][] },
					properties: {}
				});
			}
		} catch {
			// A boundary we cannot parse is simply not drawn; the rest of the map still is.
		}
	}
	const pts = (p?.waypoints ?? []).filter((w) => w.lat_deg !== null && w.lon_deg !== null);
	const coords = pts.map((w) => [w.lon_deg, w.lat_deg] as [number, number]);
	return {
		boundary: fc(boundary),
		path: fc(
			coords.length > 1
				? [
						{
							type: 'Feature',
							geometry: { type: 'LineString', coordinates: coords },
							properties: {}
						}
					]
				: []
		),
		waypoints: fc(
			pts.map((w) => ({
				type: 'Feature' as const,
				geometry: {
					type: 'Point' as const,
					coordinates: [w.lon_deg as number, w.lat_deg as number] as [number, number]
				},
				properties: { idx: w.idx }
			}))
		)
	};
}
