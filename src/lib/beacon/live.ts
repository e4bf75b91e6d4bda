/**
 * The posterior during a flight (issue 16 item 5): pulse peaks arrive one a second; each adds its
 * terms to every cell's sums in O(cells), and {@link LivePosterior.solve} re-solves the profiled
 * A and the n marginal per cell from those sums, without touching the past rows. The residual
 * kernel (an O(N²) pass) is re-estimated only when the fit set has grown by a tenth.
 */
import type { LatLon, LocalPoint } from '../geo';
import { cellCentre, gridOver, GridSums, type GridSpec } from './grid';
import { applyPrior, blurGrid, medianHeight, shadowBlurM } from './blur';
import { estimateNoise, type NoiseModel } from './noise';
import type { BeaconObservation } from './observations';
import { boundaryLogPrior, boxAround } from './area';
import { leverage } from './noise';
import {
	DEFAULT_BLUR_SCALE,
	DEFAULT_TEMPER,
	MIN_SNR_DB,
	summarise,
	type BeaconPosterior
} from './posterior';
import { bestFit, cellPosterior, residuals } from './solve';
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- named in TSDoc
import type { suggestNextLeg } from './next-leg';

/** Where and how finely the live posterior is gridded. */
export interface LivePosteriorOptions {
	/** Search area as a local ring; without one, a square of `extentM` around the origin. */
	boundary?: readonly LocalPoint[] | null;
	/** Half-width of the square used without a boundary, m (1000). */
	extentM?: number;
	/** Margin around the area, m (150). */
	marginM?: number;
	/** Target number of cells (20,000): fixes the cell size, at least 5 m. */
	cells?: number;
	/** Measured SNR a pulse peak needs to enter the fit, dB ({@link MIN_SNR_DB}). */
	minSnrDb?: number;
	/** Prior weight outside the boundary (0.2). */
	outsidePrior?: number;
}

/** Incremental beacon posterior over a fixed grid. */
export class LivePosterior {
	readonly grid: GridSpec;
	private readonly sums: GridSums;
	private readonly logPrior: Float64Array | undefined;
	private readonly fitSet: BeaconObservation[] = [];
	private readonly minSnr: number;
	private noise: NoiseModel | null = null;
	private noiseAt = 0;
	/** Every observation added (the next-leg planner and the detections test read them). */
	readonly all: BeaconObservation[] = [];

	constructor(
		readonly origin: LatLon,
		o: LivePosteriorOptions = {}
	) {
		const ext = o.extentM ?? 1000;
		const area =
			o.boundary && o.boundary.length >= 3
				? o.boundary
				: [
						{ north_m: -ext, east_m: -ext },
						{ north_m: ext, east_m: ext }
					];
		const [min, max] = boxAround(area, o.marginM ?? 150);
		const a = (max.north_m - min.north_m) * (max.east_m - min.east_m);
		this.grid = gridOver(min, max, Math.max(5, Math.sqrt(a / (o.cells ?? 20_000))));
		this.sums = new GridSums(this.grid);
		this.logPrior = boundaryLogPrior(this.grid, o.boundary, o.outsidePrior ?? 0.2);
		this.minSnr = o.minSnrDb ?? MIN_SNR_DB;
	}

	/** Adds new pulse peaks (only those over the SNR cut change the sums). */
	add(obs: Iterable<BeaconObservation>): void {
		for (const o of obs) {
			this.all.push(o);
			if (o.snr_db < this.minSnr) continue;
			this.fitSet.push(o);
			this.sums.add(o);
		}
	}

	/** Pulse peaks in the fit so far. */
	get fitCount(): number {
		return this.fitSet.length;
	}

	/** The pulse peaks in the fit (what {@link suggestNextLeg} takes as `fit`). */
	get fit(): readonly BeaconObservation[] {
		return this.fitSet;
	}

	/** The current posterior, or null before 5 pulse peaks over the SNR cut. */
	solve(): BeaconPosterior | null {
		const sel = this.fitSet;
		if (sel.length < 5) return null;
		const fit = bestFit(this.sums, this.logPrior);
		const at = cellCentre(this.grid, fit.cell);
		const sigma2 = fit.sse / Math.max(1, sel.length - 3);
		if (!this.noise || sel.length >= this.noiseAt * 1.1) {
			this.noise = estimateNoise(sel, residuals(sel, at, fit.a_db, fit.n), leverage(sel, at));
			this.noiseAt = sel.length;
		}
		// N_eff grows with the fit set between two kernel estimates, in proportion.
		const nEff = (this.noise.n_eff * sel.length) / Math.max(1, this.noise.n_obs);
		const noise = { ...this.noise, n_obs: sel.length, n_eff: Math.min(sel.length, nEff) };
		const like = cellPosterior(this.sums, sigma2, noise.n_eff * DEFAULT_TEMPER);
		const blur =
			DEFAULT_BLUR_SCALE * shadowBlurM(noise, Math.sqrt(sigma2), fit.n, medianHeight(sel));
		const prob = applyPrior(blurGrid(this.grid, like, blur), this.logPrior);
		const sharp = applyPrior(like, this.logPrior);
		return summarise(
			this.grid,
			{ prob, sharp, a_db: fit.a_db, n: fit.n, sigma2, noise, blur_m: blur },
			this.origin
		);
	}
}
