import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildStyle, specLayers, type LayerSpec } from './layers';
import { COMPARE_LAYERS, REVIEW_LAYERS, type ReviewMapData } from './review-layers';
import { LIVE_LAYERS, type LiveMapData } from './live-layers';
import { DARK_MAP, LIGHT_MAP, trackColor } from './theme';
import type { Basemap } from './basemap-style';

const LISTS = [REVIEW_LAYERS, LIVE_LAYERS, COMPARE_LAYERS] as LayerSpec<never>[][];

describe('buildStyle', () => {
	it('references no remote source, sprite or glyphs (offline)', () => {
		for (const theme of [DARK_MAP, LIGHT_MAP])
			for (const list of LISTS) {
				const style = buildStyle(list, theme, { mode: 'rssi' });
				expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
				expect(style.glyphs).toBeUndefined();
				expect(style.sprite).toBeUndefined();
				for (const src of Object.values(style.sources)) expect(src.type).toBe('geojson');
			}
	});

	it('has one source per spec, unique layer ids, background first, list order kept', () => {
		for (const list of LISTS) {
			const style = buildStyle(list, DARK_MAP, { mode: 'rssi' });
			const ids = style.layers.map((l) => l.id);
			expect(ids[0]).toBe('background');
			expect(new Set(ids).size).toBe(ids.length);
			expect(Object.keys(style.sources)).toEqual(list.map((s) => s.id));
			for (const l of style.layers)
				if ('source' in l) expect(style.sources[l.source]).toBeDefined();
		}
		const review = buildStyle(REVIEW_LAYERS, DARK_MAP, { mode: 'rssi' }).layers.map((l) => l.id);
		expect(review.indexOf('heat')).toBeLessThan(review.indexOf('track-casing'));
		expect(review.indexOf('track-casing')).toBeLessThan(review.indexOf('track'));
		expect(review.at(-1)).toBe('markers');
		expect(buildStyle(LIVE_LAYERS, DARK_MAP, { mode: 'rssi' }).layers.at(-1)?.id).toBe('drone');
	});

	it('puts a basemap between the background and the layers', () => {
		const b: Basemap = {
			origin: 'file',
			name: 'x.pmtiles',
			url: 'pmtiles://x.pmtiles',
			kind: 'raster',
			format: 'png',
			minzoom: 0,
			maxzoom: 14,
			bounds: [0, 0, 1, 1],
			layers: [],
			tileSize: 256,
			attribution: null
		};
		const style = buildStyle(LIVE_LAYERS, DARK_MAP, { mode: 'rssi' }, b);
		expect(style.layers.slice(0, 2).map((l) => l.id)).toEqual(['background', 'basemap-raster']);
		expect(style.sources.basemap).toMatchObject({ type: 'raster', url: 'pmtiles://x.pmtiles' });
	});

	it('paints the track by the colour mode', () => {
		const track = REVIEW_LAYERS.find((s) => s.id === 'track');
		const paint = (mode: 'rssi' | 'state') =>
			JSON.stringify(track && specLayers(track, DARK_MAP, { mode }));
		expect(paint('state')).toContain('HOMING');
		expect(paint('rssi')).toContain('rssi_dbm');
	});
});

describe('trackColor', () => {
	it('colours the track by RSSI, SNR, state or mission', () => {
		expect(JSON.stringify(trackColor('rssi'))).toContain('rssi_dbm');
		expect(JSON.stringify(trackColor('snr'))).toContain('snr_db');
		expect(JSON.stringify(trackColor('state'))).toContain('HOMING');
		expect(JSON.stringify(trackColor('mission'))).toContain('"A"');
	});
});

describe('layer data', () => {
	const rows = <T>(data: T) => ({ data });
	const track = [0, 1, 2, 3].map((i) => ({
		lat_deg: -35.36 + i * 1e-4,
		lon_deg: 149.16,
		t_rel_s: i * 10,
		rssi_dbm: -90,
		system_state: 'SEARCHING'
	}));
	const review: ReviewMapData = {
		view: {
			track: rows(track),
			summary: rows({ beacon_lat_deg: -35.35, beacon_lon_deg: 149.17 }),
			kpis: rows({ beacon_est_lat: -35.35, beacon_est_lon: 149.17, beacon_est_err_m: 20 }),
			detections: rows([{ lat_deg: -35.36, lon_deg: 149.16, t_rel_s: 5 }]),
			heat: rows([]),
			gradient: rows([]),
			pattern: rows(null),
			posterior: rows({
				region50: { feature: square(0.001) },
				region90: { feature: square(0.002) },
				point: { lat_deg: -35.35, lon_deg: 149.17 }
			})
		},
		range: [10, 30]
	};
	function square(h: number): Feature {
		const [x, y] = [149.17, -35.35];
		const ring = [
			[x - h, y - h],
			[x + h, y - h],
			[x + h, y + h],
			[x - h, y + h],
			[x - h, y - h]
		];
		return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: {} };
	}
	const of = <D>(list: LayerSpec<D>[], id: string, d: D) =>
		list.find((s) => s.id === id)?.data(d)?.features.length;

	it('review: the posterior layer holds the 90 % and 50 % regions', () => {
		expect(of(REVIEW_LAYERS, 'posterior', review)).toBe(2);
	});

	it('review: track, brushed range, markers and estimate circle from the panels', () => {
		expect(of(REVIEW_LAYERS, 'track', review)).toBe(3);
		expect(of(REVIEW_LAYERS, 'highlight', review)).toBe(2);
		expect(of(REVIEW_LAYERS, 'markers', review)).toBe(3);
		expect(of(REVIEW_LAYERS, 'estimate', review)).toBe(1);
		const loading = { ...review, view: { ...review.view, track: rows(null) } };
		expect(REVIEW_LAYERS.find((s) => s.id === 'track')?.data(loading)).toBeNull();
	});

	it('live: trail, drone, arrow, fit circle, posterior regions and next leg', () => {
		const live: LiveMapData = {
			trail: track.map((p) => ({ lat_deg: p.lat_deg, lon_deg: p.lon_deg })),
			heat: [{ lat_deg: -35.36, lon_deg: 149.16, rssi_max_dbm: -70 }],
			drone: { lat_deg: -35.36, lon_deg: 149.16 },
			beacon: { lat_deg: -35.35, lon_deg: 149.17, uncertainty_m: 30 },
			gradientDeg: 90,
			pattern: null,
			posterior: {
				region90: square(0.002),
				region50: square(0.001),
				point: { lat_deg: -35.35, lon_deg: 149.17 },
				next: { path: track.slice(0, 2) }
			}
		};
		for (const id of ['trail', 'heat', 'drone', 'arrow', 'beacon', 'estimate'])
			expect(of(LIVE_LAYERS, id, live)).toBe(1);
		expect(of(LIVE_LAYERS, 'posterior', live)).toBe(2);
		expect(of(LIVE_LAYERS, 'posterior-point', live)).toBe(1);
		expect(of(LIVE_LAYERS, 'next-leg', live)).toBe(1);
		expect(of(LIVE_LAYERS, 'next-leg', { ...live, posterior: null })).toBe(0);
		expect(of(LIVE_LAYERS, 'arrow', { ...live, gradientDeg: null })).toBe(0);
		expect(
			of(LIVE_LAYERS, 'estimate', { ...live, beacon: { ...live.drone!, uncertainty_m: null } })
		).toBe(0);
	});

	it('compare: both tracks tagged A and B', () => {
		const fc = COMPARE_LAYERS[0]?.data([track, track.slice(0, 2)]);
		expect(fc?.features.map((f) => f.properties?.mission)).toEqual(['A', 'A', 'A', 'B']);
	});
});
