import type { LocalPoint } from '../geo';
import type { Rng } from './rng';

/**
 * Radio environment: the raw RSSI (dBm, after the Pi's −10 dB calibration, which is folded into
 * `excessLossDb`) the Pi would measure for one 10 Hz sample.
 *
 * received = P_tx − (40 + 10·n·log10(d_slant)) − excess + shadow(north, east) + fading
 * raw      = 10·log10(10^(noise/10) + 10^(received/10) [if the pulse is on]
 *            + 10^(interference/10) [during a burst]) + N(0, σ_meas)
 */
export interface RadioParams {
	pathLossExponent: number;
	excessLossDb: number;
	shadowSigmaDb: number;
	shadowCorrM: number;
	/** Per-sample multipath fading: 'none', 'rician' (σ ≈ 1 dB) or 'rayleigh' (urban). */
	fading: 'none' | 'rician' | 'rayleigh';
	measNoiseDb: number;
}

export interface Beacon extends LocalPoint {
	power_dbm: number;
	pulse_period_s: number;
	pulse_width_s: number;
	/** Pulse phase offset, s. */
	phase_s: number;
}

/** A strong, continuous interferer active for [start, end) seconds. */
export interface Burst extends LocalPoint {
	start_s: number;
	end_s: number;
	eirp_dbm: number;
}

/** Seeded Gaussian grid, bilinearly interpolated: spatially correlated shadowing. */
export class ShadowField {
	private readonly cells: Float64Array;
	private readonly size: number;
	private readonly cell: number;
	private readonly half: number;

	constructor(rng: Rng, sigmaDb: number, corrM: number, extentM: number) {
		this.cell = Math.max(5, corrM);
		this.size = Math.ceil((2 * extentM) / this.cell) + 2;
		this.half = (this.size * this.cell) / 2;
		this.cells = new Float64Array(this.size * this.size);
		// Bilinear interpolation lowers the variance between nodes; scaling by 1.25 keeps the
		// field's overall standard deviation close to sigmaDb.
		for (let i = 0; i < this.cells.length; i++) this.cells[i] = rng.normal(0, sigmaDb * 1.25);
	}

	at(p: LocalPoint): number {
		const x = Math.min(Math.max((p.north_m + this.half) / this.cell, 0), this.size - 1.001);
		const y = Math.min(Math.max((p.east_m + this.half) / this.cell, 0), this.size - 1.001);
		const i = Math.floor(x);
		const j = Math.floor(y);
		const fx = x - i;
		const fy = y - j;
		const g = (a: number, b: number) => this.cells[a * this.size + b] as number;
		return (
			g(i, j) * (1 - fx) * (1 - fy) +
			g(i + 1, j) * fx * (1 - fy) +
			g(i, j + 1) * (1 - fx) * fy +
			g(i + 1, j + 1) * fx * fy
		);
	}
}

/** Mean received power (no fading, no noise) at slant distance d, dBm. */
export function pathPowerDbm(p: RadioParams, txDbm: number, slantM: number): number {
	return txDbm - (40 + 10 * p.pathLossExponent * Math.log10(Math.max(slantM, 1))) - p.excessLossDb;
}

const lin = (dbm: number) => 10 ** (dbm / 10);

export class RadioEnvironment {
	private readonly shadow: ShadowField;
	private noiseDrift = 0;

	constructor(
		readonly params: RadioParams,
		readonly beacon: Beacon | null,
		readonly bursts: readonly Burst[],
		private readonly rng: Rng,
		extentM: number
	) {
		this.shadow = new ShadowField(rng.fork(1), params.shadowSigmaDb, params.shadowCorrM, extentM);
		this.noisePhase = rng.range(0, 2 * Math.PI);
	}

	private readonly noisePhase: number;

	/** Receiver noise floor at time t: −109 dBm ± 1 dB, slow sinusoid plus a bounded walk. */
	noiseFloorDbm(tS: number): number {
		return -109 + 0.6 * Math.sin((2 * Math.PI * tS) / 900 + this.noisePhase) + this.noiseDrift;
	}

	/** True when the beacon transmits at time t (the sample catches the pulse). */
	pulseOn(tS: number): boolean {
		const b = this.beacon;
		if (!b) return false;
		const ph = (((tS - b.phase_s) % b.pulse_period_s) + b.pulse_period_s) % b.pulse_period_s;
		return ph < b.pulse_width_s;
	}

	private fadingDb(): number {
		const f = this.params.fading;
		if (f === 'none') return 0;
		if (f === 'rician') return this.rng.normal(0, 1);
		// Rayleigh envelope: power is exponential; clamp the deep nulls at −25 dB.
		return Math.max(-25, 10 * Math.log10(-Math.log(1 - this.rng.next())));
	}

	/** Raw RSSI for one sample at time t with the vehicle at p and altitude alt (AGL). */
	sample(tS: number, p: LocalPoint, altM: number): number {
		this.noiseDrift = Math.max(-0.4, Math.min(0.4, this.noiseDrift + this.rng.normal(0, 0.01)));
		let mw = lin(this.noiseFloorDbm(tS));
		const b = this.beacon;
		if (b && this.pulseOn(tS)) {
			const d = Math.hypot(p.north_m - b.north_m, p.east_m - b.east_m, altM);
			mw += lin(pathPowerDbm(this.params, b.power_dbm, d) + this.shadow.at(p) + this.fadingDb());
		}
		for (const burst of this.bursts) {
			if (tS < burst.start_s || tS >= burst.end_s) continue;
			const d = Math.hypot(p.north_m - burst.north_m, p.east_m - burst.east_m, altM);
			mw += lin(pathPowerDbm(this.params, burst.eirp_dbm, d) + this.fadingDb());
		}
		return 10 * Math.log10(mw) + this.rng.normal(0, this.params.measNoiseDb);
	}

	/** Shadowing at p (for diagnostics and tests). */
	shadowAt(p: LocalPoint): number {
		return this.shadow.at(p);
	}
}
