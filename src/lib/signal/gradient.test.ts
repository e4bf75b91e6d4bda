import { describe, expect, it } from 'vitest';
import { planeFitGradient } from './gradient';

describe('planeFitGradient', () => {
	it('recovers an exact plane: bearing clockwise from north, magnitude, R² = 1', () => {
		const samples = [];
		for (let i = 0; i < 20; i++) {
			const n = Math.cos(i) * 30;
			const e = Math.sin(i * 1.7) * 30;
			samples.push({ north_m: n + 1000, east_m: e - 500, rssi_dbm: -90 + 0.1 * n - 0.1 * e });
		}
		const g = planeFitGradient(samples)!;
		expect(g.bearing_deg).toBeCloseTo(315, 6);
		expect(g.mag_db_per_m).toBeCloseTo(Math.SQRT2 * 0.1, 9);
		expect(g.r2).toBeCloseTo(1, 9);
	});

	it('points east for a gradient along east', () => {
		const s = [0, 1, 2, 3].flatMap((i) =>
			[0, 1, 2].map((j) => ({ north_m: i * 5, east_m: j * 5, rssi_dbm: j }))
		);
		expect(planeFitGradient(s)!.bearing_deg).toBeCloseTo(90, 9);
	});

	it('returns null on a straight line (det 0) and on tiny spread', () => {
		const line = [0, 1, 2, 3, 4].map((i) => ({ north_m: i, east_m: 2 * i, rssi_dbm: i }));
		expect(planeFitGradient(line)).toBeNull();
		const tiny = [0, 1, 2, 3].map((i) => ({
			north_m: (i % 2) * 0.2,
			east_m: (i >> 1) * 0.2,
			rssi_dbm: i
		}));
		expect(planeFitGradient(tiny)).toBeNull();
		expect(planeFitGradient([])).toBeNull();
	});
});
