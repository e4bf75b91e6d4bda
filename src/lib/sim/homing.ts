import type { GradientFit } from '../signal/gradient';
import { localBearingDeg, localDistanceM, type LocalPoint } from '../geo';
import { adaptiveFit } from './homing-gradient';
import { isBeaconCycle, localise, type Cycle, type Localisation } from './homing-fit';
import { flyRing, ringDecision, ringVerdict, type Survey } from './homing-survey';

/** The Pi's homing substages (HomingSubstage enum). */
export type HomingSubstage = 'IDLE' | 'GRADIENT_CLIMB' | 'SAMPLING' | 'APPROACH' | 'HOLDING';

export interface HomingParams {
	/** Plane-fit window in pulse periods (1 s each): long enough to span S-turns. */
	fitWindow: number;
	/** Below this R² (as %) the vehicle flies S-turns to gather cross-track diversity. */
	confThresholdPct: number;
	climbSpeed: number;
	samplingSpeed: number;
	approachSpeed: number;
	/** Periods before homing started that the fits may use (the Pi's RSSI history), s. */
	preHomingS: number;
	/** Radius of the survey orbit flown around the estimated beacon position, m. */
	surveyRadiusM: number;
	/** Surveys after which the controller holds at its best estimate anyway. */
	maxSurveys: number;
}

export const DEFAULT_HOMING: HomingParams = {
	fitWindow: 20,
	confThresholdPct: 30,
	climbSpeed: 7,
	samplingSpeed: 8,
	approachSpeed: 7,
	preHomingS: 300,
	surveyRadiusM: 80,
	maxSurveys: 4
};

export interface HomingOutput {
	substage: HomingSubstage;
	fit: GradientFit | null;
	target_heading_deg: number;
	cmd_forward_mps: number;
	/** Set when the controller decides where the beacon is (the HOLDING orbit centre). */
	hold_center: LocalPoint | null;
}

/**
 * Gradient homing with two additions a Pi could make with its own samples:
 *
 * 1. GRADIENT_CLIMB / SAMPLING: the §4 plane fit over the last 20 pulse periods steers, with a
 *    weave for cross-track diversity, S-turns when R² < 30 %, and a return to the strongest point
 *    seen when the level fades (the plane is only a local model and shadowing bends it).
 * 2. APPROACH: once the log-distance fit of all recent periods is well conditioned (2-D spread
 *    and a plausible slope), fly to its estimate; SAMPLING: orbit the estimate once so samples
 *    surround it, refit, and hold when the estimate no longer moves.
 */
export class HomingController {
	private refHeading: number;
	private readonly t0: number;
	private fit: GradientFit | null = null;
	private est: Localisation | null = null;
	private prevEst: Localisation | null = null;
	private best = -Infinity;
	private bestPos: LocalPoint | null = null;
	private level = -Infinity;
	private sinceFit = 0;
	private survey: Survey | null = null;
	private climbFrom: number;
	private surveys = 0;

	constructor(
		heading: number,
		tS: number,
		private readonly cycles: readonly Cycle[],
		readonly params: HomingParams = DEFAULT_HOMING
	) {
		this.refHeading = heading;
		this.t0 = tS;
		this.climbFrom = tS;
	}

	/** Number of periods in the plane-fit window (the Pi's rssi_history_size). */
	get historySize(): number {
		return this.window().length;
	}

	/** Best guess of the beacon position so far, for re-acquisition after a signal loss. */
	get lastStrong(): LocalPoint | null {
		return this.est && this.trusted(this.est) ? this.est : this.bestPos;
	}

	private window(): Cycle[] {
		const from = this.t0 - this.params.preHomingS;
		return this.cycles.filter((c) => c.t_s >= from && isBeaconCycle(c));
	}

	/** Called every sample; `cycleDone` when the sampler has just closed a pulse period. */
	update(
		tS: number,
		pos: LocalPoint,
		heading: number,
		altM: number,
		cycleDone: boolean
	): HomingOutput {
		const p = this.params;
		if (cycleDone) this.onCycle(tS);
		if (this.survey) return this.surveyStep(tS, pos, heading, altM);
		const est = this.est && this.trusted(this.est) ? this.est : null;
		if (est) {
			if (localDistanceM(pos, est) < 12) {
				this.startSurvey(tS, est);
				return this.surveyStep(tS, pos, heading, altM);
			}
			const weave = localDistanceM(pos, est) > 40 ? 20 * Math.sin((2 * Math.PI * tS) / 10) : 0;
			return this.out('APPROACH', localBearingDeg(pos, est) + weave, p.approachSpeed);
		}
		const bp = this.bestPos;
		if (bp && this.level < this.best - 2.5 && localDistanceM(pos, bp) > 30) {
			// Passed the strongest point (or drifted off it): survey around it.
			this.startSurvey(tS, bp);
			return this.surveyStep(tS, pos, heading, altM);
		}
		if (this.fit && this.fit.r2 * 100 >= p.confThresholdPct) {
			this.refHeading = this.fit.bearing_deg;
			const weave = 35 * Math.sin((2 * Math.PI * (tS - this.t0)) / 12);
			return this.out('GRADIENT_CLIMB', this.refHeading + weave, p.climbSpeed);
		}
		const weave = 75 * Math.sin((2 * Math.PI * (tS - this.t0)) / 14);
		return this.out('SAMPLING', this.refHeading + weave, p.samplingSpeed);
	}

	private onCycle(tS: number): void {
		const win = this.window();
		this.fit = adaptiveFit(win, this.params.fitWindow);
		const last = win.slice(-3);
		if (last.length > 0) {
			this.level = last.reduce((a, c) => a + c.rssi_dbm, 0) / last.length;
			const mid = last[Math.floor(last.length / 2)] as Cycle;
			if (tS - this.climbFrom > 2 && this.level > this.best) {
				this.best = this.level;
				this.bestPos = { north_m: mid.north_m, east_m: mid.east_m };
			}
		}
		if (++this.sinceFit >= 5) {
			this.sinceFit = 0;
			const e = localise(win.slice(-240));
			if (e) {
				this.prevEst = this.est;
				this.est = e;
			}
		}
	}

	/** A plausible, well-conditioned estimate that agrees with the previous one. */
	private trusted(e: Localisation): boolean {
		const prev = this.prevEst;
		return (
			e.spreadM >= 15 &&
			e.slope > 1.2 &&
			e.slope < 3.8 &&
			e.rmsDb < 3 &&
			prev !== null &&
			localDistanceM(prev, e) < 40
		);
	}

	private startSurvey(tS: number, centre: LocalPoint): void {
		this.survey = { centre, swept: 0, lastAng: NaN, n: this.surveys++, t0: tS, centred: false };
	}

	private surveyStep(tS: number, pos: LocalPoint, heading: number, altM: number): HomingOutput {
		const s = this.survey as Survey;
		const p = this.params;
		if (!s.centred) {
			// Pass over the centre first: the ring is judged against the level there.
			s.centred = localDistanceM(pos, s.centre) < 15;
			if (!s.centred) return this.out('SAMPLING', localBearingDeg(pos, s.centre), p.samplingSpeed);
		}
		const ring = flyRing(s, pos, p.surveyRadiusM);
		if (!ring.done) return this.out('SAMPLING', ring.heading_deg, p.samplingSpeed);
		// The ring surrounds the centre, so the log-distance fit is now well conditioned.
		this.est = localise(this.window().slice(-240)) ?? this.est;
		const v = ringVerdict(this.cycles, s, p.surveyRadiusM);
		const next = ringDecision(this.est, s, v, p.surveyRadiusM, p.maxSurveys);
		this.survey = null;
		if (next.kind === 'hold') return { ...this.out('HOLDING', heading, 5), hold_center: next.at };
		if (next.kind === 'resurvey') {
			this.startSurvey(tS, next.at);
			return this.surveyStep(tS, pos, heading, altM);
		}
		this.refHeading = next.bearing_deg;
		this.best = -Infinity;
		this.bestPos = null;
		this.climbFrom = tS;
		return this.update(tS, pos, heading, altM, false);
	}

	private out(substage: HomingSubstage, heading: number, speed: number): HomingOutput {
		return {
			substage,
			fit: this.fit,
			target_heading_deg: (heading + 720) % 360,
			cmd_forward_mps: speed,
			hold_center: null
		};
	}
}
