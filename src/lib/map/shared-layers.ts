/**
 * Layer specs more than one page draws: the track (coloured by the colour mode) and the search
 * plan (boundary, planned path, waypoints). Each takes how to get its rows from the page's data.
 */
import type { FeatureCollection } from 'geojson';
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
