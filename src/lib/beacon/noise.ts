/**
 * How many independent observations a mission's pulse peaks are worth. Shadowing is spatially
 * correlated, so two pulses heard 10 m apart share most of their error: counting them as two
 * would make the posterior too sure. The correlation is estimated from the mission's own
 * residuals (never the simulator's constants): ρ(d) = w·exp(−d²/2ℓ²) fitted to the residual
 * correlation in distance bins, then N_eff = N / deff, deff = Σᵢⱼ wᵢwⱼρᵢⱼ / Σᵢ wᵢ² the design
 * effect of a sum weighted by each pulse's leverage on the position (ρ(0) = 1).
 */
import type { LocalPoint } from '../geo';
import type { BeaconObservation } from './observations';

/** The fitted residual kernel and the effective sample size it implies. */
export interface NoiseModel {
	/** Share of the residual variance that is spatially correlated (0–1). */
	corr_weight: number;
	/** Correlation length ℓ of exp(−d/ℓ), m. */
	corr_length_m: number;
	/** Observations in the fit. */
	n_obs: number;
	/** Effective number of independent observations (≤ n_obs). */
	n_eff: number;
}

const EDGES = [0, 5, 10, 20, 30, 45, 60, 90, 120, 180, 240, 320];
/** Gaussian: the residual correlation stays high to about ℓ, then falls (measured on sims). */
const KERNEL = (d: number, l: number) => Math.exp((-d * d) / (2 * l * l));
const LENGTHS = [5, 10, 15, 20, 30, 40, 60, 80, 120, 160, 240];
/** Above this many points the pair sums use an even subsample (O(N²) pairs). */
const MAX_PAIRS_N = 1000;

function thin<T>(x: readonly T[], max: number): T[] {
	if (x.length <= max) return [...x];
	const step = x.length / max;
	return Array.from({ length: max }, (_, i) => x[Math.floor(i * step)] as T);
}

/**
 * Fits the residual kernel and N_eff. `pts` are the observation positions, `res` their residuals
 * (same order) at the best fit, `weights` each pulse's leverage (default 1). Above
 * MAX_PAIRS_N pulses an even subsample gives the mean pair correlation for all.
 */
export function estimateNoise(
	pts: readonly LocalPoint[],
	res: readonly number[],
	weights?: readonly number[]
): NoiseModel {
	const n = pts.length;
	if (n < 4) return { corr_weight: 0, corr_length_m: 0, n_obs: n, n_eff: n };
	const idx = thin(
		Array.from({ length: n }, (_, i) => i),
		MAX_PAIRS_N
	);
	let v = 0;
	for (const i of idx) v += (res[i] as number) ** 2;
	v /= idx.length;
	const nb = EDGES.length - 1;
	const prod = new Float64Array(nb);
	const cnt = new Float64Array(nb);
	const wt = (i: number) => (weights ? (weights[i] as number) : 1);
	let sww = 0;
	for (const i of idx) {
		sww += wt(i) ** 2;
	}
	const m = idx.length;
	const pn = Float64Array.from(idx, (i) => (pts[i] as LocalPoint).north_m);
	const pe = Float64Array.from(idx, (i) => (pts[i] as LocalPoint).east_m);
	const pr = Float64Array.from(idx, (i) => res[i] as number);
	const pw = Float64Array.from(idx, (i) => wt(i));
	// Squared distances against squared edges: no Math.hypot (slow in V8) in the O(N²) loop.
	const edges2 = EDGES.map((e) => e * e);
	const maxD2 = edges2[nb] as number;
	for (let a = 0; a < m; a++) {
		for (let b = a + 1; b < m; b++) {
			const dn = (pn[a] as number) - (pn[b] as number);
			const de = (pe[a] as number) - (pe[b] as number);
			const d2 = dn * dn + de * de;
			if (d2 >= maxD2) continue;
			let k = 0;
			while (d2 >= (edges2[k + 1] as number)) k++;
			prod[k] = (prod[k] as number) + (pr[a] as number) * (pr[b] as number);
			cnt[k] = (cnt[k] as number) + 1;
		}
	}
	// Weighted least squares of the binned correlation on w·exp(−d/ℓ), ℓ on a grid, w in [0, 1].
	let best = { w: 0, l: LENGTHS[0] as number, sse: Infinity };
	for (const l of LENGTHS) {
		let sxy = 0;
		let sxx = 0;
		const f: number[] = [];
		for (let k = 0; k < nb; k++) {
			const mid = ((EDGES[k] as number) + (EDGES[k + 1] as number)) / 2;
			f.push(KERNEL(mid, l));
			const c = cnt[k] as number;
			if (c === 0) continue;
			const r = (prod[k] as number) / c / v;
			sxy += c * r * (f[k] as number);
			sxx += c * (f[k] as number) ** 2;
		}
		const w = Math.min(1, Math.max(0, sxx > 0 ? sxy / sxx : 0));
		let sse = 0;
		for (let k = 0; k < nb; k++) {
			const c = cnt[k] as number;
			if (c > 0) sse += c * ((prod[k] as number) / c / v - w * (f[k] as number)) ** 2;
		}
		if (sse < best.sse) best = { w, l, sse };
	}
	// Second pass for the cross terms (no pair list: 10⁶ pairs would be 10⁶ allocations).
	let cross = 0;
	const cut2 = (4 * best.l) ** 2;
	const inv = 1 / (2 * best.l * best.l);
	for (let a = 0; a < m; a++) {
		let row = 0;
		for (let b = a + 1; b < m; b++) {
			const dn = (pn[a] as number) - (pn[b] as number);
			const de = (pe[a] as number) - (pe[b] as number);
			const d2 = dn * dn + de * de;
			if (d2 < cut2) row += (pw[b] as number) * Math.exp(-d2 * inv);
		}
		cross += 2 * best.w * (pw[a] as number) * row;
	}
	// Design effect of a weighted sum: (Σw)² / Σᵢⱼ wᵢwⱼρᵢⱼ; the weights are each pulse's
	// leverage on the position, so redundancy where the information is counts most.
	// Design effect of the leverage-weighted sum, (Σw² + Σᵢ≠ⱼ wᵢwⱼρᵢⱼ) / Σw², scaled from the
	// subsample's m to all n pulses (the cross terms grow as n², Σw² as n): N_eff = n / deff.
	// Pulses far from the beacon (low leverage) neither add redundancy nor dilute N_eff.
	const deff = 1 + (cross / sww) * (n / m);
	const nEff = Math.max(Math.min(n, 3), n / deff);
	return { corr_weight: best.w, corr_length_m: best.l, n_obs: n, n_eff: Math.min(n, nEff) };
}

/**
 * How strongly each pulse pins the position: |∂ log10 d / ∂ position| = r / (d²·ln 10), r the
 * horizontal and d the slant distance to `at`.
 */
export function leverage(obs: readonly BeaconObservation[], at: LocalPoint): number[] {
	return obs.map((o) => {
		const r2 = (o.north_m - at.north_m) ** 2 + (o.east_m - at.east_m) ** 2;
		return Math.sqrt(r2) / (r2 + o.alt_rel_m ** 2 + 1);
	});
}
