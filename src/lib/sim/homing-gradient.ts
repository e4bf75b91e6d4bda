import { planeFitGradient, type GradientFit } from '../signal/gradient';
import type { LocalPoint } from '../geo';
import type { Cycle } from './homing-fit';

/** √(smaller eigenvalue) of the 2×2 covariance of positions: cross-track diversity, m. */
export function minorSpreadM(pts: readonly LocalPoint[]): number {
	const n = pts.length;
	if (n < 3) return 0;
	let mn = 0;
	let me = 0;
	for (const p of pts) {
		mn += p.north_m / n;
		me += p.east_m / n;
	}
	let a = 0;
	let b = 0;
	let c = 0;
	for (const p of pts) {
		const x = p.north_m - mn;
		const y = p.east_m - me;
		a += (x * x) / n;
		b += (x * y) / n;
		c += (y * y) / n;
	}
	const tr = (a + c) / 2;
	return Math.sqrt(Math.max(0, tr - Math.sqrt(((a - c) / 2) ** 2 + b * b)));
}

/**
 * The §4 plane fit over the shortest recent window (20 periods, doubling up to 4×) whose
 * positions spread at least 12 m across track: a straight search leg alone cannot tell left
 * from right, but the leg before it (at 90° in a square pattern) can.
 */
export function adaptiveFit(win: readonly Cycle[], base: number): GradientFit | null {
	for (let n = base; ; n *= 2) {
		const w = win.slice(-n);
		if (w.length < 8) return null;
		if (minorSpreadM(w) >= 12 || n >= 4 * base || w.length < n) return planeFitGradient(w);
	}
}
