/**
 * The part of the position error that more pulses do not shrink: a spatially correlated shadow
 * has a slope, and near the beacon a slope s (dB/m) moves the best fit by about s / |μ''|, μ'' the
 * model's curvature under the drone: 10·n / (ln 10 · h²) dB/m² at height h. With the mission's own
 * residual kernel, s ≈ √w·σ / ℓ (w the correlated share of the residual variance σ², ℓ its
 * length). The likelihood is blurred by a Gaussian of that width (docs/beacon-posterior.md).
 */
import type { GridSpec } from './grid';
import type { NoiseModel } from './noise';
import type { BeaconObservation } from './observations';

/** One-axis standard deviation of the shadow-slope displacement, m. */
export function shadowBlurM(
	noise: NoiseModel,
	sigmaDb: number,
	n: number,
	heightM: number
): number {
	if (noise.corr_length_m <= 0 || noise.corr_weight <= 0) return 0;
	const slope = (Math.sqrt(noise.corr_weight) * sigmaDb) / noise.corr_length_m;
	const curvature = (10 * n) / (Math.LN10 * Math.max(heightM, 5) ** 2);
	return slope / curvature;
}

function kernel(sigmaCells: number): Float64Array {
	const r = Math.max(1, Math.ceil(3 * sigmaCells));
	const k = new Float64Array(2 * r + 1);
	for (let i = -r; i <= r; i++) k[i + r] = Math.exp((-i * i) / (2 * sigmaCells * sigmaCells));
	return k;
}

/** Separable Gaussian blur of a row-major grid (σ in metres), renormalised to sum 1. */
export function blurGrid(g: GridSpec, p: Float64Array, sigmaM: number): Float64Array {
	const s = sigmaM / g.cell_m;
	if (s < 0.3) return p;
	const k = kernel(s);
	const r = (k.length - 1) / 2;
	const tmp = new Float64Array(p.length);
	const out = new Float64Array(p.length);
	for (let i = 0; i < g.rows; i++) {
		for (let j = 0; j < g.cols; j++) {
			let v = 0;
			for (let d = -r; d <= r; d++) {
				const jj = j + d;
				if (jj >= 0 && jj < g.cols) v += (k[d + r] as number) * (p[i * g.cols + jj] as number);
			}
			tmp[i * g.cols + j] = v;
		}
	}
	let total = 0;
	for (let i = 0; i < g.rows; i++) {
		for (let j = 0; j < g.cols; j++) {
			let v = 0;
			for (let d = -r; d <= r; d++) {
				const ii = i + d;
				if (ii >= 0 && ii < g.rows) v += (k[d + r] as number) * (tmp[ii * g.cols + j] as number);
			}
			out[i * g.cols + j] = v;
			total += v;
		}
	}
	for (let q = 0; q < out.length; q++) out[q] = (out[q] as number) / total;
	return out;
}

/** Multiplies by exp(logPrior) and renormalises (no prior: unchanged). */
export function applyPrior(p: Float64Array, logPrior: Float64Array | undefined): Float64Array {
	if (!logPrior) return p;
	let total = 0;
	const out = new Float64Array(p.length);
	for (let k = 0; k < p.length; k++) {
		out[k] = (p[k] as number) * Math.exp(logPrior[k] as number);
		total += out[k] as number;
	}
	for (let k = 0; k < p.length; k++) out[k] = (out[k] as number) / total;
	return out;
}

/** Median flying height of the observations, m. */
export function medianHeight(obs: readonly BeaconObservation[]): number {
	const h = obs.map((o) => o.alt_rel_m).sort((a, b) => a - b);
	return h[Math.floor(h.length / 2)] ?? 0;
}
