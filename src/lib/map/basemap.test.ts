/**
 * Basemap archives read back through the pmtiles library (the reader the app uses) from archives
 * written by the test writer, and the style built for them.
 */
import { describe, expect, it } from 'vitest';
import { FileSource, PMTiles, TileType } from 'pmtiles';
import { rasterArchive, tilesCovering, vectorArchive } from '../../node/pmtiles-writer';
import { basemapStyle, DARK_BASEMAP, layerRole, type Basemap } from './basemap';

const B: [number, number, number, number] = [149.1, -35.42, 149.23, -35.3];

const open = (bytes: Uint8Array, name: string) =>
	new PMTiles(new FileSource(new File([bytes as BlobPart], name)));

describe('PMTiles fixtures', () => {
	it('a raster archive reads back with its header, metadata and PNG tiles', async () => {
		const p = open(rasterArchive(B), 'r.pmtiles');
		const h = await p.getHeader();
		expect(h.tileType).toBe(TileType.Png);
		expect([h.minZoom, h.maxZoom]).toEqual([8, 14]);
		expect(h.minLon).toBeCloseTo(B[0], 5);
		const [z, x, y] = tilesCovering(B, 14, 14)[0] as [number, number, number];
		const t = await p.getZxy(z, x, y);
		expect(await p.getZxy(z, x + 40, y)).toBeUndefined();
		expect(t && [...new Uint8Array(t.data).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
		expect(((await p.getMetadata()) as { attribution: string }).attribution).toBe('test tiles');
	});
	it('a vector archive lists its layers and has MVT tiles', async () => {
		const p = open(vectorArchive(B), 'v.pmtiles');
		expect((await p.getHeader()).tileType).toBe(TileType.Mvt);
		const meta = (await p.getMetadata()) as { vector_layers: { id: string }[] };
		expect(meta.vector_layers.map((l) => l.id)).toEqual(['water', 'roads']);
		const [z, x, y] = tilesCovering(B, 10, 10)[0] as [number, number, number];
		expect((await p.getZxy(z, x, y))?.data.byteLength).toBeGreaterThan(10);
	});
});

describe('basemapStyle', () => {
	const base: Basemap = {
		origin: 'file',
		name: 'x.pmtiles',
		url: 'pmtiles://x.pmtiles',
		kind: 'vector',
		format: 'mvt',
		minzoom: 0,
		maxzoom: 14,
		bounds: B,
		layers: ['roads', 'buildings', 'water', 'earth', 'pois'],
		tileSize: 256,
		attribution: null
	};
	it('styles vector layers by role, land first and roads above water', () => {
		const { source, layers } = basemapStyle(base, DARK_BASEMAP);
		expect(source.type).toBe('vector');
		const order = [
			...new Set(layers.map((l) => (l as { 'source-layer': string })['source-layer']))
		];
		expect(order).toEqual(['earth', 'pois', 'water', 'buildings', 'roads']);
		expect(layers.every((l) => l.id.startsWith('basemap-'))).toBe(true);
		expect(JSON.stringify(layers)).not.toMatch(/text-field|glyph/);
	});
	it('draws a raster archive as one dimmed raster layer', () => {
		const { source, layers } = basemapStyle({ ...base, kind: 'raster', layers: [] }, DARK_BASEMAP);
		expect(source).toMatchObject({ type: 'raster', url: 'pmtiles://x.pmtiles', tileSize: 256 });
		expect(layers).toHaveLength(1);
	});
	it('knows the usual layer names', () => {
		expect(
			['ocean', 'waterway', 'transportation', 'building', 'boundaries', 'landcover', 'x'].map(
				layerRole
			)
		).toEqual(['water', 'water', 'road', 'building', 'boundary', 'land', 'other']);
	});
});
