/** The beacon posterior as one GeoJSON file: the 90 % and 50 % regions and the most probable point. */
import type { Feature } from 'geojson';
import { toLocal, type LatLon, type LocalPoint } from '$lib/geo';
import { patternFeatures, type PatternLike } from './map-features';

interface RegionLike {
	feature: Feature;
	area_m2: number;
	reach_m: number;
	mass: number;
}

/** GeoJSON text (lon/lat, WGS 84) with each region's level, area and reach in its properties. */
export function regionsGeoJson(p: {
	region50: RegionLike;
	region90: RegionLike;
	point: { lat_deg: number; lon_deg: number };
}): string {
	const region = (r: RegionLike, level: number): Feature => ({
		...r.feature,
		properties: { level, mass: r.mass, area_m2: r.area_m2, reach_m: r.reach_m }
	});
	return JSON.stringify({
		type: 'FeatureCollection',
		features: [
			region(p.region90, 90),
			region(p.region50, 50),
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [p.point.lon_deg, p.point.lat_deg] },
				properties: { kind: 'most probable point' }
			}
		]
	});
}

/** The search boundary's outer ring in local metres (null when the pattern has none). */
export function localBoundary(pattern: PatternLike | null, origin: LatLon): LocalPoint[] | null {
	const ring = patternFeatures(pattern).boundary.features[0]?.geometry.coordinates[0];
	return ring?.length
		? ring.map(([lon, lat]) => toLocal({ lat_deg: lat as number, lon_deg: lon as number }, origin))
		: null;
}
