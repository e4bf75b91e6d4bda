import { describe, expect, it } from 'vitest';
import { gridOver } from './grid';
import { credibleCells } from './regions';
import { levelOf, REGION_MASS, REGION_TEMPER, regionWeights } from './calibration';

describe('calibrated region weights', () => {
	const p = Float64Array.from([0.5, 0.3, 0.15, 0.05]);
	it('are the posterior raised to the temper, normalised, without a core', () => {
		const w = regionWeights(p);
		const z = [...p].reduce((s, x) => s + x ** REGION_TEMPER, 0);
		expect([...w].reduce((s, x) => s + x, 0)).toBeCloseTo(1);
		expect(w[3]).toBeCloseTo(0.05 ** REGION_TEMPER / z);
	});
	it('rank cells by the mixture with the core when there is one', () => {
		const core = Float64Array.from([0, 0, 1, 0]);
		const w = regionWeights(p, core);
		expect(credibleCells(w, 0.01)).toEqual([2]);
	});
	it('give a point a level below a share exactly when that region holds it', () => {
		const g = gridOver({ north_m: 0, east_m: 0 }, { north_m: 20, east_m: 20 }, 10);
		const w = regionWeights(p);
		for (const share of Object.values(REGION_MASS)) {
			const cells = credibleCells(w, share);
			for (let k = 0; k < 4; k++) {
				const at = { north_m: Math.floor(k / 2) * 10 + 5, east_m: (k % 2) * 10 + 5 };
				expect(levelOf(g, w, at) < share).toBe(cells.includes(k));
			}
		}
		expect(levelOf(g, w, { north_m: -5, east_m: 5 })).toBe(1);
	});
});
