/**
 * Pure MapLibre style builders. The style is inline and has no remote sources, sprites or glyphs:
 * the map must draw in a field with no internet. (Basemaps would be opt-in layers.)
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { STATE_COLORS } from '$lib/charts/theme';

export interface MapTheme {
	background: string;
	grid: string;
	boundary: string;
	path: string;
	detection: string;
	beacon: string;
	estimate: string;
	home: string;
	drone: string;
	arrow: string;
}

export const DARK_MAP: MapTheme = {
	background: '#0d1b24',
	grid: '#1f3442',
	boundary: '#8aa1b1',
	path: '#5b7385',
	detection: '#ff4d6d',
	beacon: '#ffd166',
	estimate: '#2ec27e',
	home: '#ffffff',
	drone: '#ffffff',
	arrow: '#c77dff'
};

export const LIGHT_MAP: MapTheme = {
	background: '#f4f1ea',
	grid: '#d8d2c4',
	boundary: '#3a4650',
	path: '#8797a3',
	detection: '#c1121f',
	beacon: '#8a5a00',
	estimate: '#00702f',
	home: '#000000',
	drone: '#000000',
	arrow: '#6a1b9a'
};

/** Colour ramps: RSSI (dBm) weak blue → strong red; SNR (dB) around the 6/12 dB thresholds. */
export const RSSI_STOPS: readonly [number, string][] = [
	[-110, '#3b4cc0'],
	[-100, '#2c9fd6'],
	[-90, '#3bbf77'],
	[-80, '#f2c12e'],
	[-65, '#ff5a36']
];
export const SNR_STOPS: readonly [number, string][] = [
	[0, '#3b4cc0'],
	[6, '#2c9fd6'],
	[12, '#f2c12e'],
	[25, '#ff5a36']
];

/** How the track is coloured; 'mission' tells two compared missions apart (property `mission`). */
export type ColorMode = 'rssi' | 'snr' | 'state' | 'mission';

/** Colours of compared missions A and B (distinct on dark and light backgrounds, colour-blind safe). */
export const COMPARE_COLORS = { A: '#ff9f1c', B: '#2ec4ff' } as const;

function ramp(prop: string, stops: readonly [number, string][]): ExpressionSpecification {
	return [
		'case',
		['==', ['get', prop], null],
		'#888888',
		['interpolate', ['linear'], ['get', prop], ...stops.flat()]
	] as ExpressionSpecification;
}

/** The track's line colour for a colour mode. */
export function trackColor(mode: ColorMode): ExpressionSpecification {
	if (mode === 'snr') return ramp('snr_db', SNR_STOPS);
	if (mode === 'mission') {
		return [
			'match',
			['get', 'mission'],
			'A',
			COMPARE_COLORS.A,
			'B',
			COMPARE_COLORS.B,
			'#888888'
		] as unknown as ExpressionSpecification;
	}
	if (mode === 'state') {
		return [
			'match',
			['get', 'system_state'],
			...Object.entries(STATE_COLORS).flat(),
			'#888888'
		] as unknown as ExpressionSpecification;
	}
	return ramp('rssi_dbm', RSSI_STOPS);
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Sources, in drawing order of their layers. */
export const MAP_SOURCES = [
	'heat',
	'boundary',
	'pattern',
	'waypoints',
	'track',
	'highlight',
	'arrows',
	'estimate',
	'detections',
	'markers',
	'drone'
] as const;
export type MapSource = (typeof MAP_SOURCES)[number];

/** The whole map style for a theme and track colour mode. */
export function missionMapStyle(theme: MapTheme, mode: ColorMode = 'rssi'): StyleSpecification {
	const sources = Object.fromEntries(
		MAP_SOURCES.map((s) => [s, { type: 'geojson' as const, data: EMPTY }])
	);
	return {
		version: 8,
		name: 'pisad-offline',
		sources,
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': theme.background } },
			{
				id: 'heat',
				type: 'fill',
				source: 'heat',
				paint: { 'fill-color': ramp('rssi_dbm', RSSI_STOPS), 'fill-opacity': 0.45 }
			},
			...planLayers(theme.boundary, theme.path),
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
				paint: { 'line-color': trackColor(mode), 'line-width': 3 }
			},
			{
				id: 'highlight',
				type: 'line',
				source: 'highlight',
				layout: { 'line-cap': 'round' },
				paint: { 'line-color': theme.home, 'line-width': 6, 'line-opacity': 0.5 }
			},
			{
				id: 'arrows',
				type: 'line',
				source: 'arrows',
				paint: {
					'line-color': theme.arrow,
					'line-width': 1.5,
					'line-opacity': ['+', 0.3, ['*', 0.7, ['get', 'r2']]]
				}
			},
			{
				id: 'estimate-area',
				type: 'fill',
				source: 'estimate',
				paint: { 'fill-color': theme.estimate, 'fill-opacity': 0.15 }
			},
			{
				id: 'estimate-edge',
				type: 'line',
				source: 'estimate',
				paint: { 'line-color': theme.estimate, 'line-width': 2 }
			},
			{
				id: 'detections',
				type: 'circle',
				source: 'detections',
				paint: {
					'circle-radius': 5,
					'circle-color': theme.detection,
					'circle-stroke-color': theme.home,
					'circle-stroke-width': 1
				}
			},
			{
				id: 'markers',
				type: 'circle',
				source: 'markers',
				paint: {
					'circle-radius': ['match', ['get', 'kind'], 'beacon', 8, 'estimate', 6, 6],
					'circle-color': [
						'match',
						['get', 'kind'],
						'beacon',
						theme.beacon,
						'estimate',
						theme.estimate,
						theme.home
					],
					'circle-stroke-color': theme.background,
					'circle-stroke-width': 2
				}
			},
			{
				id: 'drone-heading',
				type: 'line',
				source: 'drone',
				filter: ['==', ['get', 'kind'], 'heading'],
				paint: { 'line-color': theme.drone, 'line-width': 3 }
			},
			{
				id: 'drone',
				type: 'circle',
				source: 'drone',
				filter: ['==', ['get', 'kind'], 'drone'],
				paint: {
					'circle-radius': 7,
					'circle-color': theme.drone,
					'circle-stroke-color': theme.detection,
					'circle-stroke-width': 3
				}
			}
		]
	};
}

/**
 * The search plan, on the review and live maps alike: the boundary (dashed), the planned path
 * through the waypoints (dotted) and the waypoints, from sources named boundary, pattern and
 * waypoints.
 */
export function planLayers(boundary: string, path: string): LayerSpecification[] {
	return [
		{
			id: 'boundary',
			type: 'line',
			source: 'boundary',
			paint: { 'line-color': boundary, 'line-width': 1.5, 'line-dasharray': [3, 2] }
		},
		{
			id: 'pattern',
			type: 'line',
			source: 'pattern',
			paint: { 'line-color': path, 'line-width': 1, 'line-dasharray': [1, 2] }
		},
		{
			id: 'waypoints',
			type: 'circle',
			source: 'waypoints',
			paint: { 'circle-radius': 3, 'circle-color': path }
		}
	];
}
