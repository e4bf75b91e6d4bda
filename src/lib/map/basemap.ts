/**
 * Opt-in basemaps from PMTiles archives: a file the user dropped (read with the File API, never
 * uploaded) or a URL the user named (read with HTTP range requests). Nothing is fetched unless the
 * user asked for it; the default map has no basemap.
 *
 * `openBasemap` reads the archive's header and metadata, checks them and registers the archive
 * with MapLibre's `pmtiles://` protocol; `basemapStyle` turns the result into sources and layers
 * drawn under the mission's layers: raster archives as a raster layer, vector archives with a
 * generic style per vector layer (fills, lines and points coloured by what the layer's name says
 * it holds: water, land, roads, buildings, boundaries). Labels are not drawn: they need glyphs,
 * and the app ships none for arbitrary basemap fonts.
 */
import { maplibregl } from './maplibre';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { FileSource, PMTiles, Protocol, TileType } from 'pmtiles';

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

const FORMATS: Partial<Record<TileType, [BasemapKind, string]>> = {
	[TileType.Mvt]: ['vector', 'mvt'],
	[TileType.Png]: ['raster', 'png'],
	[TileType.Jpeg]: ['raster', 'jpg'],
	[TileType.Webp]: ['raster', 'webp'],
	[TileType.Avif]: ['raster', 'avif']
};

let protocol: Protocol | null = null;

/** Registers `pmtiles://` with MapLibre once per page. */
function ensureProtocol(): Protocol {
	if (!protocol) {
		protocol = new Protocol({ metadata: true });
		maplibregl.addProtocol('pmtiles', protocol.tile);
	}
	return protocol;
}

/** A message a person can act on, naming the archive. */
function problem(name: string, what: string): Error {
	return new Error(`${name}: ${what}`);
}

/**
 * Opens a PMTiles archive from a dropped file or a URL, checks it and registers it with MapLibre.
 * Throws an Error naming the file (or URL) and the problem.
 */
export async function openBasemap(source: File | string): Promise<Basemap> {
	const origin = typeof source === 'string' ? 'url' : 'file';
	const name = typeof source === 'string' ? source.trim() : source.name;
	let href = '';
	if (typeof source === 'string') {
		// Relative addresses (a basemap shipped next to the site) resolve against the page.
		try {
			href = new URL(name, document.baseURI).href;
		} catch {
			throw problem(name || '(empty)', 'this is not a URL.');
		}
		if (!/^https?:$/.test(new URL(href).protocol))
			throw problem(name, 'a basemap URL must be http:// or https://.');
	}
	const archive = new PMTiles(typeof source === 'string' ? href : new FileSource(source));
	let header: Awaited<ReturnType<PMTiles['getHeader']>>;
	try {
		header = await archive.getHeader();
	} catch (e) {
		const msg = e instanceof Error ? e.message : String(e);
		if (/wrong magic|Wrong magic|magic number/i.test(msg))
			throw problem(name, 'this is not a PMTiles archive (its first bytes are not "PMTiles").');
		if (/version/i.test(msg))
			throw problem(name, `${msg}. Convert it to PMTiles v3 (pmtiles convert).`);
		if (origin === 'url')
			throw problem(
				name,
				`could not read the archive (${msg}). Check the address, that the server answers range requests and allows this page (CORS).`
			);
		throw problem(name, `could not read the archive (${msg}).`);
	}
	const format = FORMATS[header.tileType];
	if (!format)
		throw problem(
			name,
			`its tiles are of a type this map cannot draw (PMTiles tile type ${header.tileType}); use PNG, JPEG, WebP or MVT tiles.`
		);
	if (header.numAddressedTiles === 0) throw problem(name, 'the archive holds no tiles.');
	let meta: Record<string, unknown> = {};
	try {
		meta = ((await archive.getMetadata()) ?? {}) as Record<string, unknown>;
	} catch {
		// Metadata is optional for drawing: raster needs none, vector falls back to no layers.
	}
	const layers = Array.isArray(meta.vector_layers)
		? (meta.vector_layers as { id?: unknown }[])
				.map((l) => (typeof l.id === 'string' ? l.id : null))
				.filter((x): x is string => x !== null)
		: [];
	if (format[0] === 'vector' && layers.length === 0)
		throw problem(
			name,
			'this vector archive does not list its layers (metadata "vector_layers"), so there is nothing to style.'
		);
	ensureProtocol().add(archive);
	const key = archive.source.getKey();
	return {
		origin,
		name,
		url: `pmtiles://${key}`,
		kind: format[0],
		format: format[1],
		minzoom: header.minZoom,
		maxzoom: header.maxZoom,
		bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
		layers,
		tileSize: typeof meta.tile_size === 'number' ? meta.tile_size : 256,
		attribution: typeof meta.attribution === 'string' ? meta.attribution : null
	};
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

/**
 * Puts a basemap under every other layer of a loaded map (just above its background), replacing
 * whichever basemap it had; null removes it.
 */
export function applyBasemap(m: maplibregl.Map, b: Basemap | null, theme: 'dark' | 'light') {
	for (const l of m.getStyle().layers ?? [])
		if (l.id.startsWith(`${BASEMAP_SOURCE}-`)) m.removeLayer(l.id);
	if (m.getSource(BASEMAP_SOURCE)) m.removeSource(BASEMAP_SOURCE);
	if (!b) return;
	const { source, layers } = basemapStyle(b, theme === 'dark' ? DARK_BASEMAP : LIGHT_BASEMAP);
	const above = m.getStyle().layers?.[1]?.id;
	m.addSource(BASEMAP_SOURCE, source);
	for (const l of layers) m.addLayer(l, above);
}

/** One line describing a basemap for the user. */
export function describeBasemap(b: Basemap): string {
	const what =
		b.kind === 'raster'
			? `raster ${b.format.toUpperCase()}`
			: `vector, ${b.layers.length} layer${b.layers.length === 1 ? '' : 's'}`;
	return `${what}, zoom ${b.minzoom}–${b.maxzoom}`;
}
