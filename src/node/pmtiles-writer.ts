/**
 * Writes small but real PMTiles v3 archives for the basemap tests: a raster one (PNG tiles, a
 * solid colour with a checker so the test can find it on the map's canvas) and a vector one (MVT
 * tiles from geojson-vt + vt-pbf, a "water" polygon and a "roads" line). Directories and metadata
 * are uncompressed (compression 1 = none), which the spec allows and the pmtiles library reads.
 */
import { deflateSync } from 'node:zlib';
import GeoJSONVT from 'geojson-vt';
// @ts-expect-error vt-pbf ships no types
import vtpbf from 'vt-pbf';
import { zxyToTileId } from 'pmtiles';

export type Bounds = [number, number, number, number];

function lon2x(lon: number, z: number) {
	return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function lat2y(lat: number, z: number) {
	const r = (lat * Math.PI) / 180;
	return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/** Every z/x/y covering bounds at zooms minZ..maxZ. */
export function tilesCovering(b: Bounds, minZ: number, maxZ: number): [number, number, number][] {
	const out: [number, number, number][] = [];
	for (let z = minZ; z <= maxZ; z++)
		for (let x = lon2x(b[0], z); x <= lon2x(b[2], z); x++)
			for (let y = lat2y(b[3], z); y <= lat2y(b[1], z); y++) out.push([z, x, y]);
	return out;
}

function varint(out: number[], v: number) {
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}

/** Assembles a PMTiles v3 archive from tiles (z/x/y → bytes). */
export function writePmtiles(opts: {
	tiles: { z: number; x: number; y: number; data: Uint8Array }[];
	tileType: 1 | 2; // 1 MVT, 2 PNG
	bounds: Bounds;
	metadata: Record<string, unknown>;
}): Uint8Array {
	const tiles = opts.tiles
		.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), ...t }))
		.sort((a, b) => a.id - b.id);
	let offset = 0;
	const entries = tiles.map((t) => {
		const e = { id: t.id, offset, length: t.data.length };
		offset += t.data.length;
		return e;
	});
	const dir: number[] = [];
	varint(dir, entries.length);
	let last = 0;
	for (const e of entries) {
		varint(dir, e.id - last);
		last = e.id;
	}
	for (let i = 0; i < entries.length; i++) varint(dir, 1);
	for (const e of entries) varint(dir, e.length);
	for (const e of entries) varint(dir, e.offset + 1);
	const meta = new TextEncoder().encode(JSON.stringify(opts.metadata));
	const zooms = tiles.map((t) => t.z);
	const minZ = Math.min(...zooms);
	const maxZ = Math.max(...zooms);
	const rootOffset = 127;
	const metaOffset = rootOffset + dir.length;
	const dataOffset = metaOffset + meta.length;
	const total = dataOffset + offset;
	const out = new Uint8Array(total);
	const v = new DataView(out.buffer);
	out.set(new TextEncoder().encode('PMTiles'), 0);
	v.setUint8(7, 3);
	const u64 = (at: number, n: number) => {
		v.setUint32(at, n % 2 ** 32, true);
		v.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
	};
	u64(8, rootOffset);
	u64(16, dir.length);
	u64(24, metaOffset);
	u64(32, meta.length);
	u64(40, 0);
	u64(48, 0);
	u64(56, dataOffset);
	u64(64, offset);
	u64(72, tiles.length);
	u64(80, tiles.length);
	u64(88, tiles.length);
	v.setUint8(96, 1); // clustered
	v.setUint8(97, 1); // internal compression: none
	v.setUint8(98, 1); // tile compression: none
	v.setUint8(99, opts.tileType);
	v.setUint8(100, minZ);
	v.setUint8(101, maxZ);
	const e7 = (x: number) => Math.round(x * 1e7);
	v.setInt32(102, e7(opts.bounds[0]), true);
	v.setInt32(106, e7(opts.bounds[1]), true);
	v.setInt32(110, e7(opts.bounds[2]), true);
	v.setInt32(114, e7(opts.bounds[3]), true);
	v.setUint8(118, minZ);
	v.setInt32(119, e7((opts.bounds[0] + opts.bounds[2]) / 2), true);
	v.setInt32(123, e7((opts.bounds[1] + opts.bounds[3]) / 2), true);
	out.set(dir, rootOffset);
	out.set(meta, metaOffset);
	let at = dataOffset;
	for (const t of tiles) {
		out.set(t.data, at);
		at += t.data.length;
	}
	return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(bytes: Uint8Array) {
	let c = 0xffffffff;
	for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const v = new DataView(out.buffer);
	v.setUint32(0, data.length);
	const td = new Uint8Array(4 + data.length);
	td.set(new TextEncoder().encode(type), 0);
	td.set(data, 4);
	out.set(td, 4);
	v.setUint32(8 + data.length, crc32(td));
	return out;
}

/** A 256×256 RGB PNG: colour `a` with 32-px checks of colour `b`. */
export function checkerPng(a: [number, number, number], b: [number, number, number]): Uint8Array {
	const w = 256;
	const raw = new Uint8Array((w * 3 + 1) * w);
	for (let y = 0; y < w; y++) {
		raw[y * (w * 3 + 1)] = 0;
		for (let x = 0; x < w; x++) {
			const c = ((x >> 5) + (y >> 5)) % 2 ? b : a;
			raw.set(c, y * (w * 3 + 1) + 1 + x * 3);
		}
	}
	const ihdr = new Uint8Array(13);
	const v = new DataView(ihdr.buffer);
	v.setUint32(0, w);
	v.setUint32(4, w);
	ihdr.set([8, 2, 0, 0, 0], 8);
	const parts = [
		new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', new Uint8Array(deflateSync(raw))),
		chunk('IEND', new Uint8Array())
	];
	const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** A raster archive over bounds: every tile the same magenta/purple checker PNG. */
export function rasterArchive(b: Bounds, minZ = 8, maxZ = 14): Uint8Array {
	const png = checkerPng([255, 0, 255], [160, 0, 160]);
	return writePmtiles({
		tiles: tilesCovering(b, minZ, maxZ).map(([z, x, y]) => ({ z, x, y, data: png })),
		tileType: 2,
		bounds: b,
		metadata: { name: 'test raster', attribution: 'test tiles', type: 'baselayer' }
	});
}

/** A vector archive over bounds: layer "water" (one polygon over all of it), layer "roads". */
export function vectorArchive(b: Bounds, minZ = 8, maxZ = 14): Uint8Array {
	const [w, s, e, n] = b;
	const water = new GeoJSONVT(
		{
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { kind: 'lake' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[w, s],
								[e, s],
								[e, n],
								[w, n],
								[w, s]
							]
						]
					}
				}
			]
		},
		{ maxZoom: maxZ, indexMaxZoom: maxZ, indexMaxPoints: 0 }
	);
	const roads = new GeoJSONVT(
		{
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { kind: 'major' },
					geometry: {
						type: 'LineString',
						coordinates: [
							[w, (s + n) / 2],
							[e, (s + n) / 2]
						]
					}
				}
			]
		},
		{ maxZoom: maxZ, indexMaxZoom: maxZ, indexMaxPoints: 0 }
	);
	const tiles = tilesCovering(b, minZ, maxZ).map(([z, x, y]) => {
		const layers: Record<string, unknown> = {};
		const tw = water.getTile(z, x, y);
		const tr = roads.getTile(z, x, y);
		if (tw) layers.water = tw;
		if (tr) layers.roads = tr;
		return { z, x, y, data: new Uint8Array(vtpbf.fromGeojsonVt(layers, { version: 2 })) };
	});
	return writePmtiles({
		tiles,
		tileType: 1,
		bounds: b,
		metadata: {
			name: 'test vector',
			vector_layers: [
				{ id: 'water', fields: { kind: 'String' } },
				{ id: 'roads', fields: { kind: 'String' } }
			]
		}
	});
}
