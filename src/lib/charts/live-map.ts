/**
 * Pure MapLibre builders for the live map: style (offline, inline) with sources for the heat
 * cells, the trail, the drone, the beacon estimate (with its uncertainty circle once fitted) and
 * the gradient arrow, and the
 * GeoJSON each source takes.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { planLayers } from '$lib/map/style';

/** Colours of the live map (its own, so changes to the review map's theme do not move it). */
export interface LiveMapTheme {
	background: string;
	trail: string;
	drone: string;
	beacon: string;
	arrow: string;
	/** The planned pattern and the search boundary. */
	plan: string;
}
export const DARK_LIVE_MAP: LiveMapTheme = {
	background: '#0d1b24',
	trail: '#9ad1ff',
	drone: '#ffffff',
	beacon: '#ffd166',
	arrow: '#ff4d6d',
	plan: '#7f97a6'
};
export const LIGHT_LIVE_MAP: LiveMapTheme = {
	background: '#f4f1ea',
	trail: '#004b8d',
	drone: '#000000',
	beacon: '#8a5a00',
	arrow: '#c1121f',
	plan: '#5a6b78'
};

/** RSSI ramp (dBm), weak blue → strong red, as on the review map. */
const RSSI_RAMP: ExpressionSpecification = [
	'interpolate',
	['linear'],
	['coalesce', ['get', 'rssi_dbm'], -120],
	-110,
	'#3b4cc0',
	-95,
	'#2c9fd6',
	-80,
	'#3bbf77',
	-65,
	'#f2c12e',
	-50,
	'#ff5a36'
];

type Geometry =
	| { type: 'Point'; coordinates: [number, number] }
	| { type: 'LineString'; coordinates: [number, number][] };
export interface Feature {
	type: 'Feature';
	geometry: Geometry;
	properties: Record<string, string | number | null>;
}
export interface Collection {
	type: 'FeatureCollection';
	features: Feature[];
}

const EMPTY: Collection = { type: 'FeatureCollection', features: [] };
export const LIVE_SOURCES = [
	'boundary',
	'pattern',
	'waypoints',
	'heat',
	'estimate',
	'trail',
	'drone',
	'beacon',
	'arrow'
] as const;

const point = (lon: number, lat: number, properties: Feature['properties'] = {}): Feature => ({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [lon, lat] },
	properties
});
const collection = (features: Feature[]): Collection => ({ type: 'FeatureCollection', features });

/** Heat cells (RSSI max per grid cell) as points coloured by RSSI. */
export function heatFeatures(
	cells: readonly { lat_deg: number; lon_deg: number; rssi_max_dbm: number | null }[]
): Collection {
	return collection(cells.map((c) => point(c.lon_deg, c.lat_deg, { rssi_dbm: c.rssi_max_dbm })));
}

/** The trail as one line (older than `maxPoints` dropped). */
export function trailFeature(
	fixes: readonly { lat: number; lon: number }[],
	maxPoints = 1500
): Collection {
	const xs = fixes.slice(-maxPoints);
	if (xs.length < 2) return EMPTY;
	return collection([
		{
			type: 'Feature',
			geometry: { type: 'LineString', coordinates: xs.map((f) => [f.lon, f.lat]) },
			properties: {}
		}
	]);
}

export function pointFeature(p: { lat: number; lon: number } | null): Collection {
	return p ? collection([point(p.lon, p.lat)]) : EMPTY;
}

/** An arrow `lengthM` long from `p` along `bearingDeg` (clockwise from north). */
export function arrowFeature(
	p: { lat: number; lon: number } | null,
	bearingDeg: number | null,
	lengthM = 60
): Collection {
	if (!p || bearingDeg === null || !Number.isFinite(bearingDeg)) return EMPTY;
	const rad = (bearingDeg * Math.PI) / 180;
	const deg = 180 / Math.PI / 6371000;
	const tip: [number, number] = [
		p.lon + (lengthM * Math.sin(rad) * deg) / Math.cos((p.lat * Math.PI) / 180),
		p.lat + lengthM * Math.cos(rad) * deg
	];
	return collection([
		{
			type: 'Feature',
			geometry: { type: 'LineString', coordinates: [[p.lon, p.lat], tip] },
			properties: {}
		}
	]);
}

export function liveMapStyle(theme: LiveMapTheme): StyleSpecification {
	const sources = Object.fromEntries(
		LIVE_SOURCES.map((id) => [id, { type: 'geojson' as const, data: EMPTY }])
	);
	return {
		version: 8,
		name: 'pisad-live-offline',
		sources,
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': theme.background } },
			...planLayers(theme.plan, theme.plan),
			{
				id: 'heat',
				type: 'circle',
				source: 'heat',
				paint: {
					'circle-radius': 7,
					'circle-color': RSSI_RAMP,
					'circle-opacity': 0.55,
					'circle-blur': 0.4
				}
			},
			{
				id: 'estimate-area',
				type: 'fill',
				source: 'estimate',
				paint: { 'fill-color': theme.beacon, 'fill-opacity': 0.12 }
			},
			{
				id: 'estimate-edge',
				type: 'line',
				source: 'estimate',
				paint: { 'line-color': theme.beacon, 'line-width': 1.5, 'line-dasharray': [2, 1] }
			},
			{
				id: 'trail',
				type: 'line',
				source: 'trail',
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': theme.trail, 'line-width': 2 }
			},
			{
				id: 'arrow',
				type: 'line',
				source: 'arrow',
				paint: { 'line-color': theme.arrow, 'line-width': 3 }
			},
			{
				id: 'beacon',
				type: 'circle',
				source: 'beacon',
				paint: {
					'circle-radius': 9,
					'circle-color': theme.beacon,
					'circle-stroke-color': theme.background,
					'circle-stroke-width': 2
				}
			},
			{
				id: 'drone',
				type: 'circle',
				source: 'drone',
				paint: {
					'circle-radius': 7,
					'circle-color': theme.drone,
					'circle-stroke-color': theme.arrow,
					'circle-stroke-width': 2
				}
			}
		]
	};
}
