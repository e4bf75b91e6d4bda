import { describe, expect, it } from 'vitest';
import { SITE } from '../geo';
import type { GridSpec } from './grid';
import { credibleCells, massInCircle, outlineRings, reachM, regionFeature } from './regions';

const g: GridSpec = { north0_m: 0, east0_m: 0, cell_m: 10, rows: 4, cols: 4 };

describe('credible regions', () => {
	it('takes the highest cells first until the mass is reached', () => {
		const p = new Float64Array(16);
		p[5] = 0.5;
		p[6] = 0.3;
		p[9] = 0.15;
		p[0] = 0.05;
		expect(credibleCells(p, 0.5)).toEqual([5]);
		expect(credibleCells(p, 0.9).sort()).toEqual([5, 6, 9]);
		expect(massInCircle(g, p, { north_m: 15, east_m: 15 }, 1)).toBeCloseTo(0.5);
		expect(massInCircle(g, p, { north_m: 15, east_m: 20 }, 6)).toBeCloseTo(0.8);
	});

	it('outlines a 2×2 block as one counter-clockwise ring and a ring with a hole', () => {
		const rings = outlineRings(g, [5, 6, 9, 10]);
		expect(rings).toHaveLength(1);
		expect(rings[0]).toHaveLength(9);
		const f = regionFeature(g, [5, 6, 9, 10], SITE, { mass: 0.9 });
		expect(f.geometry.coordinates).toHaveLength(1);
		// All but the centre cell of a 3×3 block: an outer ring and one hole.
		const ring = [0, 1, 2, 4, 6, 8, 9, 10];
		const h = regionFeature(g, ring, SITE, {});
		expect(h.geometry.coordinates).toHaveLength(1);
		expect(h.geometry.coordinates[0]).toHaveLength(2);
	});

	it('reach is the farthest cell corner from the point', () => {
		expect(reachM(g, [5], { north_m: 15, east_m: 15 })).toBeCloseTo(Math.hypot(5, 5));
	});
});
