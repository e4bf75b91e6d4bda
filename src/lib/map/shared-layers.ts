/**
 * Layer specs more than one page draws: the track (coloured by the colour mode), the search
 * plan (boundary, planned path, waypoints) and the beacon posterior's credible regions. Each takes
 * how to get its rows from the page's data.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { patternFeatures, type PatternLike } from '$lib/transforms/map-features';
import type { LayerSpec } from './layers';
import { trackColor, type MapTheme } from './theme';

/** The track with its casing, coloured by the colour mode; its first frame is "drawn". */
export function trackLayer<D>(data: (d: D) => FeatureCollection | null): LayerSpec<D> {
	return {
		id: 'track',
		data,
		ready: true,
		draw: (t, o) => [
			{
				id: 'track-casing',
				type: 'line',
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': t.grid, 'line-width': 5 }
			},
			{
				type: 'line',
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': trackColor(o.mode), 'line-width': 3 }
			}
		]
	};
}

/**
 * The search plan: the boundary (dashed), the planned path through the waypoints (dotted) and
 * the waypoints, in the colours `colors` picks from the theme.
 */
export function planLayers<D>(
	pattern: (d: D) => PatternLike | null,
	colors: (t: MapTheme) => { boundary: string; path: string }
): LayerSpec<D>[] {
	return [
		{
			id: 'boundary',
			data: (d) => patternFeatures(pattern(d)).boundary,
			draw: (t) => [
				{
					type: 'line',
					paint: { 'line-color': colors(t).boundary, 'line-width': 1.5, 'line-dasharray': [3, 2] }
				}
			]
		},
		{
			id: 'pattern',
			data: (d) => patternFeatures(pattern(d)).path,
			draw: (t) => [
				{
					type: 'line',
					paint: { 'line-color': colors(t).path, 'line-width': 1, 'line-dasharray': [1, 2] }
				}
			]
		},
		{
			id: 'waypoints',
			data: (d) => patternFeatures(pattern(d)).waypoints,
			draw: (t) => [
				{ type: 'circle', paint: { 'circle-radius': 3, 'circle-color': colors(t).path } }
			]
		}
	];
}

/** The 90 % and 50 % regions of a beacon posterior, tagged with their `level`. */
export interface RegionPair {
	region90: Feature;
	region50: Feature;
}

/**
 * The beacon posterior (issue 16): the 90 % region shaded, both regions outlined (the 50 %
 * thicker), from the regions `regions` picks out of the page's data.
 */
export function posteriorLayer<D>(regions: (d: D) => RegionPair | null): LayerSpec<D> {
	const tag = (f: Feature, level: number): Feature => ({ ...f, properties: { level } });
	return {
		id: 'posterior',
		data: (d) => {
			const r = regions(d);
			if (!r) return null;
			return { type: 'FeatureCollection', features: [tag(r.region90, 90), tag(r.region50, 50)] };
		},
		draw: (t) => [
			{
				id: 'posterior-90',
				type: 'fill',
				filter: ['==', ['get', 'level'], 90],
				paint: { 'fill-color': t.beacon, 'fill-opacity': 0.18 }
			},
			{
				id: 'posterior-edge',
				type: 'line',
				paint: {
					'line-color': t.beacon,
					'line-width': ['match', ['get', 'level'], 50, 2.5, 1.5],
					'line-dasharray': [2, 1]
				}
			}
		]
	};
}
