import { describe, expect, it } from 'vitest';
import { indexAt, nearestRow, offsetPoint, positionAt } from './replay';

const rows = [
	{ t_rel_s: 0, lat_deg: -35, lon_deg: 149, heading_deg: 350 },
	{ t_rel_s: 10, lat_deg: -35.001, lon_deg: 149.002, heading_deg: 10 },
	{ t_rel_s: 20, lat_deg: -35.002, lon_deg: 149.004, heading_deg: 90 }
];

describe('replay transforms', () => {
	it('finds the last row at or before t', () => {
		expect(indexAt(rows, -5)).toBe(0);
		expect(indexAt(rows, 0)).toBe(0);
		expect(indexAt(rows, 9.99)).toBe(0);
		expect(indexAt(rows, 10)).toBe(1);
		expect(indexAt(rows, 99)).toBe(2);
		expect(indexAt([], 1)).toBe(-1);
	});

	it('interpolates position and heading the short way round north', () => {
		const p = positionAt(rows, 5);
		expect(p?.lat_deg).toBeCloseTo(-35.0005, 9);
		expect(p?.lon_deg).toBeCloseTo(149.001, 9);
		expect(p?.heading_deg).toBeCloseTo(0, 9);
		expect(positionAt(rows, 50)?.lat_deg).toBe(-35.002);
	});

	it('finds the nearest row to a click', () => {
		expect(nearestRow(rows, -35.0011, 149.0021)?.t_rel_s).toBe(10);
	});

	it('offsets a point along a heading by metres', () => {
		const [lon, lat] = offsetPoint(-35, 149, 0, 111.195);
		expect(lat).toBeCloseTo(-34.999, 5);
		expect(lon).toBeCloseTo(149, 9);
	});
});
