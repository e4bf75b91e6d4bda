import { describe, expect, it } from 'vitest';
import { pointFeatures, trackBounds, trackSegments, validPosition } from './track';

const p = (lat: number | null, lon: number | null, t: number) => ({
	lat_deg: lat,
	lon_deg: lon,
	t_rel_s: t,
	rssi_dbm: -90 + t,
	system_state: 'SEARCHING'
});

describe('track transforms', () => {
	it('rejects 0/0, NaN, null and out-of-range positions', () => {
		expect(validPosition(0, 0)).toBe(false);
		expect(validPosition(Number.NaN, 1)).toBe(false);
		expect(validPosition(null, 1)).toBe(false);
		expect(validPosition(91, 1)).toBe(false);
		expect(validPosition(-35.36, 149.16)).toBe(true);
	});

	it('makes one segment per consecutive valid pair, carrying the later point', () => {
		const fc = trackSegments([
			p(-35, 149, 0),
			p(-35.001, 149.001, 1),
			p(0, 0, 2),
			p(-35.002, 149.002, 3)
		]);
		expect(fc.features).toHaveLength(2);
		expect(fc.features[0]?.geometry.coordinates).toEqual([
			[149, -35],
			[149.001, -35.001]
		]);
		expect(fc.features[0]?.properties.rssi_dbm).toBe(-89);
		expect(fc.features[1]?.properties.t_rel_s).toBe(3);
	});

	it('computes bounds and point features over valid points only', () => {
		const pts = [p(-35, 149, 0), p(0, 0, 1), p(-35.5, 149.5, 2)];
		expect(trackBounds(pts)).toEqual([
			[149, -35.5],
			[149.5, -35]
		]);
		expect(trackBounds([p(0, 0, 0)])).toBeNull();
		expect(pointFeatures(pts, (r) => ({ t: r.t_rel_s })).features).toHaveLength(2);
	});
});
