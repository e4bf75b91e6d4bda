import { describe, expect, it } from 'vitest';
import { expandingSquare, lawnmower, pathLengthM, spiral } from './patterns';

describe('search patterns', () => {
	it('expanding square 100 m / 500 m: 15 waypoints, ≈5.6–5.7 km', () => {
		const w = expandingSquare(100, 500);
		expect(w).toHaveLength(15);
		expect(pathLengthM(w)).toBeGreaterThan(5500);
		expect(pathLengthM(w)).toBeLessThan(5800);
		expect(w.every((p) => Math.abs(p.north_m) <= 500 && Math.abs(p.east_m) <= 500)).toBe(true);
	});

	it('spiral stays inside its circle with rings one spacing apart', () => {
		const w = spiral(80, 600);
		expect(w.length).toBeGreaterThan(20);
		const r = w.map((p) => Math.hypot(p.north_m, p.east_m));
		expect(Math.max(...r)).toBeLessThanOrEqual(600 - 40);
		// Points a full turn apart (same angle) differ in radius by exactly the spacing.
		for (let i = 1; i < w.length; i++) {
			const a = Math.atan2(w[i]!.east_m, w[i]!.north_m);
			const j = w.findIndex(
				(q, k) => k > i && Math.abs(Math.atan2(q.east_m, q.north_m) - a) < 1e-9
			);
			if (j > 0) expect(r[j]! - r[i]!).toBeCloseTo(80, 6);
		}
		for (let i = 1; i < w.length; i++) {
			const d = Math.hypot(w[i]!.north_m - w[i - 1]!.north_m, w[i]!.east_m - w[i - 1]!.east_m);
			expect(d).toBeLessThanOrEqual(80);
		}
	});

	it('lawnmower lanes are one spacing apart, alternate and stay inside', () => {
		const w = lawnmower(50, 250);
		expect(w).toHaveLength(20);
		expect(w.every((p) => Math.abs(p.north_m) <= 250 && Math.abs(p.east_m) <= 250)).toBe(true);
		for (let i = 2; i < w.length; i += 2) {
			expect(w[i]!.east_m - w[i - 2]!.east_m).toBeCloseTo(50, 9);
			expect(Math.sign(w[i]!.north_m)).toBe(-Math.sign(w[i - 2]!.north_m));
		}
	});
});
