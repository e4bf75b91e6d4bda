import { planeFitGradient, type GradientFit, type GradientSample } from '../signal/gradient';
import { angleDiffDeg, bearingDeg, distanceM, type LocalPoint } from './geo';

/** The Pi's homing substages (HomingSubstage enum). */
export type HomingSubstage = 'IDLE' | 'GRADIENT_CLIMB' | 'SAMPLING' | 'APPROACH' | 'HOLDING';

export interface HomingParams {
	/** Plane-fit window, samples at 10 Hz (longer than the Pi's 10 for a spatially diverse fit). */
	fitWindow: number;
	/** Below this R² (as %) the vehicle flies S-turns to gather cross-track diversity. */
	confThresholdPct: number;
	climbSpeed: number;
	samplingSpeed: number;
	approachSpeed: number;
	/** Rise above the RSSI at homing start that counts as "close" (APPROACH), dB. */
	approachRiseDb: number;
	/** Drop below the best smoothed RSSI, after passing it, that means overshoot → HOLDING, dB. */
	overshootDropDb: number;
}

export const DEFAULT_HOMING: HomingParams = {
	fitWindow: 150,
	confThresholdPct: 30,
	climbSpeed: 5,
	samplingSpeed: 4,
	approachSpeed: 4,
	approachRiseDb: 12,
	overshootDropDb: 3
};

export interface HomingOutput {
	substage: HomingSubstage;
	fit: GradientFit | null;
	target_heading_deg: number;
	cmd_forward_mps: number;
	/** Set when the controller decides the beacon is under the best point seen. */
	hold_center: LocalPoint | null;
}

/**
 * Gradient homing as the Pi does it (plane fit, S-turn sampling when confidence is low), with
 * one adaptation: the beacon is pulsed, so each value fed to the fit is the maximum of the last
 * pulse period of EWMA RSSI (10 samples), not the raw sawtooth.
 */
export class HomingController {
	private readonly recent: number[] = [];
	private readonly hist: GradientSample[] = [];
	private readonly smooth: number[] = [];
	private refHeading: number;
	private startLevel: number | null = null;
	private best = -Infinity;
	private bestPos: LocalPoint = { north_m: 0, east_m: 0 };
	private t0: number;

	constructor(
		heading: number,
		tS: number,
		readonly params: HomingParams = DEFAULT_HOMING
	) {
		this.refHeading = heading;
		this.t0 = tS;
	}

	/** Number of samples in the fit window (the Pi's rssi_history_size). */
	get historySize(): number {
		return this.hist.length;
	}

	update(tS: number, pos: LocalPoint, rssiDbm: number, heading: number): HomingOutput {
		const p = this.params;
		this.recent.push(rssiDbm);
		if (this.recent.length > 10) this.recent.shift();
		const peak = Math.max(...this.recent);
		this.hist.push({ north_m: pos.north_m, east_m: pos.east_m, rssi_dbm: peak });
		if (this.hist.length > p.fitWindow) this.hist.shift();
		this.smooth.push(peak);
		if (this.smooth.length > 20) this.smooth.shift();
		const level = this.smooth.reduce((a, b) => a + b, 0) / this.smooth.length;
		const settled = tS - this.t0 > 2;
		if (settled && this.startLevel === null) this.startLevel = level;
		if (settled && level > this.best) {
			this.best = level;
			this.bestPos = pos;
		}
		const fit = this.hist.length >= 30 ? planeFitGradient(this.hist) : null;
		const conf = fit ? fit.r2 * 100 : 0;
		const risen = this.startLevel !== null && this.best - this.startLevel >= p.approachRiseDb;
		const reversed =
			fit !== null &&
			conf >= p.confThresholdPct &&
			Math.abs(angleDiffDeg(fit.bearing_deg, heading)) > 120;
		if (
			risen &&
			(level < this.best - p.overshootDropDb || (reversed && level > this.best - 1.5)) &&
			distanceM(pos, this.bestPos) > 20 &&
			Math.abs(angleDiffDeg(heading, this.refHeading)) < 100
		) {
			return {
				substage: 'HOLDING',
				fit,
				target_heading_deg: heading,
				cmd_forward_mps: 1,
				hold_center: this.bestPos
			};
		}
		if (fit && conf >= p.confThresholdPct) {
			this.refHeading = fit.bearing_deg;
			return {
				substage: risen ? 'APPROACH' : 'GRADIENT_CLIMB',
				fit,
				target_heading_deg: fit.bearing_deg,
				cmd_forward_mps: risen ? p.approachSpeed : p.climbSpeed,
				hold_center: null
			};
		}
		// Lost the gradient and the signal is fading: head back to the best point seen so far.
		if (level < this.best - 2 && distanceM(pos, this.bestPos) > 30) {
			this.refHeading = bearingDeg(pos, this.bestPos);
		}
		// S-turn around the last trusted bearing to make the fit well-conditioned.
		const weave = 80 * Math.sin((2 * Math.PI * (tS - this.t0)) / 14);
		return {
			substage: 'SAMPLING',
			fit,
			target_heading_deg: (this.refHeading + weave + 360) % 360,
			cmd_forward_mps: p.samplingSpeed,
			hold_center: null
		};
	}
}
