/**
 * The per-cell solve: from a grid's sums, the log posterior of each cell with the transmit power
 * A profiled (closed-form least squares given n) and the exponent n marginalised over a grid
 * with a flat prior. The noise level comes from the best cell's residuals, scaled by N/N_eff.
 */
import type { LocalPoint } from '../geo';
import { cellCentre, logSlant, type GridSums } from './grid';
import type { BeaconObservation } from './observations';

/** Exponents n the posterior averages over (the EWMA peaks flatten n to ≈0.85× the true one). */
export const EXPONENTS = Array.from({ length: 15 }, (_, i) => 1 + 0.25 * i);

/** The best fit at one cell. */
export interface CellFit {
	cell: number;
	a_db: number;
	n: number;
	sse: number;
}

/** SSE of the fit with slope s = −10·n at cell k, and A. */
function fitAt(g: GridSums, k: number, n: number): { sse: number; a: number } {
	const s = -10 * n;
	const w = g.w;
	const sxx = (g.sll[k] as number) - (g.sl[k] as number) ** 2 / w;
	const sxy = (g.syl[k] as number) - (g.sy * (g.sl[k] as number)) / w;
	const syy = g.syy - (g.sy * g.sy) / w;
	return {
		sse: Math.max(0, syy - 2 * s * sxy + s * s * sxx),
		a: (g.sy - s * (g.sl[k] as number)) / w
	};
}

/** The cell and exponent of least squared error (the plain profile fit). */
export function bestFit(g: GridSums, prior?: Float64Array): CellFit {
	let best: CellFit = { cell: 0, a_db: 0, n: EXPONENTS[0] as number, sse: Infinity };
	for (let k = 0; k < g.sl.length; k++) {
		if (prior && (prior[k] as number) === -Infinity) continue;
		for (const n of EXPONENTS) {
			const { sse, a } = fitAt(g, k, n);
			if (sse < best.sse) best = { cell: k, a_db: a, n, sse };
		}
	}
	return best;
}

/** Residuals (measured − predicted) of the observations under a fit at a point. */
export function residuals(
	obs: readonly BeaconObservation[],
	at: LocalPoint,
	aDb: number,
	n: number
): number[] {
	return obs.map((o) => o.rssi_dbm - (aDb - 10 * n * logSlant(o, at)));
}

/**
 * Normalised posterior probabilities per cell: SSE^(−N_eff/2) marginalised over
 * {@link EXPONENTS}; `sigma2` (the best cell's residual variance) only sets a floor under SSE.
 * `logPrior` per cell (−Infinity excludes a cell) is optional.
 */
export function cellPosterior(
	g: GridSums,
	sigma2: number,
	nEff: number,
	logPrior?: Float64Array
): Float64Array {
	// σ² unknown and marginalised with a flat prior on log σ: the likelihood is SSE^(−N_eff/2),
	// a Student-t in the position with heavier tails than exp(−SSE/2σ²) (few effective dof).
	const half = nEff / 2;
	const floor = Math.max(sigma2, 1e-6) * 1e-3 * g.w;
	const m = g.sl.length;
	const lp = new Float64Array(m);
	let max = -Infinity;
	const tmp = new Float64Array(EXPONENTS.length);
	for (let k = 0; k < m; k++) {
		const pr = logPrior ? (logPrior[k] as number) : 0;
		if (pr === -Infinity) {
			lp[k] = -Infinity;
			continue;
		}
		let mx = -Infinity;
		for (let e = 0; e < EXPONENTS.length; e++) {
			const v = -half * Math.log(fitAt(g, k, EXPONENTS[e] as number).sse + floor);
			tmp[e] = v;
			if (v > mx) mx = v;
		}
		let s = 0;
		for (let e = 0; e < EXPONENTS.length; e++) s += Math.exp((tmp[e] as number) - mx);
		lp[k] = mx + Math.log(s) + pr;
		if ((lp[k] as number) > max) max = lp[k] as number;
	}
	let total = 0;
	for (let k = 0; k < m; k++) {
		const p = Math.exp((lp[k] as number) - max);
		lp[k] = p;
		total += p;
	}
	for (let k = 0; k < m; k++) lp[k] = (lp[k] as number) / total;
	return lp;
}

/** Centre of the best fit's cell. */
export function fitCentre(g: GridSums, f: CellFit): LocalPoint {
	return cellCentre(g.grid, f.cell);
}
