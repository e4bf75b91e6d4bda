/**
 * Basemaps as style: what an opened PMTiles archive is (`Basemap`), the palettes, and the pure
 * builder turning an archive into sources and layers drawn under the mission's layers: raster
 * archives as a raster layer, vector archives with a generic style per vector layer (fills, lines
 * and points coloured by what the layer's name says it holds: water, land, roads, buildings,
 * boundaries). Labels are not drawn: they need glyphs, and the app ships none for arbitrary
 * basemap fonts. Reading archives is `basemap-file.ts`; putting one on a live map is `map-calls.ts`.
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

export type BasemapKind = 'raster' | 'vector';

export interface Basemap {
	/** How the user gave it: a dropped file or a URL. */
	origin: 'file' | 'url';
	/** File name or URL, as shown to the user. */
	name: string;
	/** The `pmtiles://…` URL MapLibre reads it through. */
	url: string;
	kind: BasemapKind;
	/** png, jpg, webp, avif or mvt. */
	format: string;
	minzoom: number;
	maxzoom: number;
	/** [west, south, east, north], degrees. */
	bounds: [number, number, number, number];
	/** Vector layer names (vector archives only). */
	layers: string[];
	/** Raster tile size in pixels (raster archives only). */
	tileSize: number;
	/** The archive's attribution, when its metadata has one. */
	attribution: string | null;
}

export interface BasemapPalette {
	land: string;
	water: string;
	road: string;
	building: string;
	boundary: string;
	other: string;
	/** Raster basemaps are dimmed under the mission layers by this much (0–1 brightness). */
	rasterBrightnessMax: number;
}

export const DARK_BASEMAP: BasemapPalette = {
	land: '#15252f',
	water: '#0b3a53',
	road: '#3c5566',
	building: '#24394a',
	boundary: '#6f8798',
	other: '#2a4050',
	rasterBrightnessMax: 0.7
};
export const LIGHT_BASEMAP: BasemapPalette = {
	land: '#e9e4d8',
	water: '#a9cde6',
	road: '#ffffff',
	building: '#d3cbbb',
	boundary: '#7a6f60',
	other: '#d9d3c6',
	rasterBrightnessMax: 1
};

type Role = 'water' | 'land' | 'road' | 'building' | 'boundary' | 'other';

/** What a vector layer holds, from its name (Protomaps, OpenMapTiles and Shortbread names). */
export function layerRole(id: string): Role {
	const s = id.toLowerCase();
	if (/water|ocean|sea|lake|river/.test(s)) return 'water';
	if (/build/.test(s)) return 'building';
	if (/road|street|transport|highway|rail|path/.test(s)) return 'road';
	if (/bound|admin|border/.test(s)) return 'boundary';
	if (/earth|land|park|natural|green|forest|wood|grass|site/.test(s)) return 'land';
	return 'other';
}

const ROLE_ORDER: Role[] = ['land', 'other', 'water', 'building', 'road', 'boundary'];

/** Source id and layer id prefix of the basemap in the map's style. */
export const BASEMAP_SOURCE = 'basemap';

/** The basemap's source and layers, bottom to top, for a palette. Pure. */
export function basemapStyle(
	b: Basemap,
	p: BasemapPalette
): { source: SourceSpecification; layers: LayerSpecification[] } {
	if (b.kind === 'raster')
		return {
			source: {
				type: 'raster',
				url: b.url,
				tileSize: b.tileSize,
				...(b.attribution ? { attribution: b.attribution } : {})
			},
			layers: [
				{
					id: `${BASEMAP_SOURCE}-raster`,
					type: 'raster',
					source: BASEMAP_SOURCE,
					paint: { 'raster-brightness-max': p.rasterBrightnessMax, 'raster-opacity': 0.9 }
				}
			]
		};
	const byRole = [...b.layers].sort(
		(x, y) => ROLE_ORDER.indexOf(layerRole(x)) - ROLE_ORDER.indexOf(layerRole(y))
	);
	const layers: LayerSpecification[] = [];
	for (const id of byRole) {
		const c = p[layerRole(id)];
		const common = { source: BASEMAP_SOURCE, 'source-layer': id } as const;
		layers.push(
			{
				...common,
				id: `${BASEMAP_SOURCE}-${id}-fill`,
				type: 'fill',
				filter: ['==', ['geometry-type'], 'Polygon'],
				paint: { 'fill-color': c, 'fill-opacity': layerRole(id) === 'other' ? 0.5 : 0.9 }
			},
			{
				...common,
				id: `${BASEMAP_SOURCE}-${id}-line`,
				type: 'line',
				filter: ['==', ['geometry-type'], 'LineString'],
				paint: {
					'line-color': c,
					'line-width': layerRole(id) === 'road' ? 2 : 1,
					...(layerRole(id) === 'boundary' ? { 'line-dasharray': [3, 2] } : {})
				}
			},
			{
				...common,
				id: `${BASEMAP_SOURCE}-${id}-point`,
				type: 'circle',
				filter: ['==', ['geometry-type'], 'Point'],
				paint: { 'circle-color': c, 'circle-radius': 2 }
			}
		);
	}
	return {
		source: {
			type: 'vector',
			url: b.url,
			...(b.attribution ? { attribution: b.attribution } : {})
		},
		layers
	};
}

/** One line describing a basemap for the user. */
export function describeBasemap(b: Basemap): string {
	const what =
		b.kind === 'raster'
			? `raster ${b.format.toUpperCase()}`
			: `vector, ${b.layers.length} layer${b.layers.length === 1 ? '' : 's'}`;
	return `${what}, zoom ${b.minzoom}–${b.maxzoom}`;
}
