/**
 * Opt-in basemaps from PMTiles archives: a file the user dropped (read with the File API, never
 * uploaded) or a URL the user named (read with HTTP range requests). Nothing is fetched unless the
 * user asked for it; the default map has no basemap. `openBasemap` reads the archive's header and
 * metadata, checks them and registers the archive with MapLibre's `pmtiles://` protocol. I/O only:
 * the style built from it is `basemap-style.ts`.
 */
import { maplibregl } from './maplibre';
import { FileSource, PMTiles, Protocol, TileType } from 'pmtiles';
import type { Basemap, BasemapKind } from './basemap-style';

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
