/**
 * Pure MapLibre style builders. The style is inline and has no remote sources, sprites or glyphs:
 * the map must draw in a field with no internet. Basemaps (PMTiles) come later as opt-in layers.
 */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';

export interface MapTheme {
	background: string;
	grid: string;
	track: string;
	detection: string;
	beacon: string;
	home: string;
}

export const DARK_MAP: MapTheme = {
	background: '#0d1b24',
	grid: '#1f3442',
	track: '#9ad1ff',
	detection: '#ff4d6d',
	beacon: '#ffd166',
	home: '#ffffff'
};

export const LIGHT_MAP: MapTheme = {
	background: '#f4f1ea',
	grid: '#d8d2c4',
	track: '#004b8d',
	detection: '#c1121f',
	beacon: '#8a5a00',
	home: '#000000'
};

/** RSSI colour ramp (dBm): weak blue → strong yellow, readable on dark and light backgrounds. */
export const RSSI_STOPS: readonly [number, string][] = [
	[-110, '#3b4cc0'],
	[-95, '#2c9fd6'],
	[-80, '#3bbf77'],
	[-65, '#f2c12e'],
	[-50, '#ff5a36']
];

export function rssiColorExpression(): ExpressionSpecification {
	const stops = RSSI_STOPS.flatMap(([v, c]) => [v, c]);
	return [
		'case',
		['==', ['get', 'rssi_dbm'], null],
		'#888888',
		['interpolate', ['linear'], ['get', 'rssi_dbm'], ...stops]
	] as ExpressionSpecification;
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** The whole map style: background, track coloured by RSSI, detections, home and true beacon. */
export function missionMapStyle(theme: MapTheme): StyleSpecification {
	return {
		version: 8,
		name: 'pisad-offline',
		sources: {
			track: { type: 'geojson', data: EMPTY },
			detections: { type: 'geojson', data: EMPTY },
			markers: { type: 'geojson', data: EMPTY }
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': theme.background } },
			{
				id: 'track-casing',
				type: 'line',
				source: 'track',
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': theme.grid, 'line-width': 5 }
			},
			{
				id: 'track',
				type: 'line',
				source: 'track',
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': rssiColorExpression(), 'line-width': 3 }
			},
			{
				id: 'detections',
				type: 'circle',
				source: 'detections',
				paint: {
					'circle-radius': 6,
					'circle-color': theme.detection,
					'circle-stroke-color': theme.home,
					'circle-stroke-width': 1.5
				}
			},
			{
				id: 'markers',
				type: 'circle',
				source: 'markers',
				paint: {
					'circle-radius': ['match', ['get', 'kind'], 'beacon', 8, 6],
					'circle-color': ['match', ['get', 'kind'], 'beacon', theme.beacon, theme.home],
					'circle-stroke-color': theme.background,
					'circle-stroke-width': 2
				}
			}
		]
	};
}
