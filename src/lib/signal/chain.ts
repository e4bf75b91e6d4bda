import { PI_SIGNAL } from '../contract';
import { RollingPercentile } from './rolling-percentile';

/** Signal-chain parameters; defaults are the Pi's (PI_SIGNAL, pisad-domain.md §3). */
export interface PiSignalConfig {
	ewmaAlpha: number;
	noisePercentile: number;
	noiseWindowSamples: number;
	noiseMinSamples: number;
	noiseDefaultDbm: number;
	snrTriggerDb: number;
	snrDropDb: number;
	debounceIn: number;
	debounceOut: number;
}

/** What one pushed sample yields (the columns of rssi_sample plus the edge flags). */
export interface PiSignalOutput {
	rssi_dbm: number;
	noise_floor_dbm: number;
	snr_db: number;
	above_trigger: boolean;
	detected: boolean;
	confidence_pct: number;
	/** true on the sample where `detected` turned on. */
	detection_started: boolean;
	/** true on the sample where `detected` turned off. */
	detection_ended: boolean;
}

/**
 * The Pi's RSSI → detection chain, sample by sample. For sample i (raw dBm x_i):
 *
 * 1. EWMA: `e_0 = x_0`; `e_i = α·x_i + (1 − α)·e_{i−1}` (α = 0.3). `rssi_dbm = e_i`.
 * 2. Noise floor: the window W_i holds the last `noiseWindowSamples` (100) EWMA values
 *    e_{i−99..i}, INCLUDING e_i; n = |W_i| = min(i + 1, 100). If n < `noiseMinSamples` (10,
 *    i.e. for i = 0..8) the floor is `noiseDefaultDbm` (−85); otherwise it is
 *    `sort_ascending(W_i)[Math.floor(0.1 * (n − 1))]` (index computed in IEEE double, like
 *    Python's `int(0.1 * (n - 1))`; for n = 100 the index is 9). In SQL: a window
 *    `ROWS BETWEEN 99 PRECEDING AND CURRENT ROW` ordered by seq, lower-index discrete quantile.
 * 3. `snr_db = rssi_dbm − noise_floor_dbm`; `above_trigger = snr_db > 12` (strictly).
 * 4. Debounce (state before the sample: `detected`, counters `up`, `down`, all start 0/false):
 *    - not detected: `up = above_trigger ? up + 1 : 0`; if `up >= 3` → detected, `up = 0`,
 *      `down = 0`, detection_started.
 *    - detected: `down = snr_db <= 6 ? down + 1 : 0`; if `down >= 5` → not detected,
 *      `down = 0`, `up = 0`, detection_ended. (While detected `up` is not counted, so a
 *      re-detection needs 3 fresh samples above the trigger after the end.)
 * 5. `confidence_pct = clamp(50 + 2.5·(snr_db − 12), 0, 100)` for every sample (12 is
 *    `snrTriggerDb`), independent of the detection state.
 */
export class PiSignalChain {
	readonly config: PiSignalConfig;
	private readonly floor: RollingPercentile;
	private ewma: number | null = null;
	private detected = false;
	private up = 0;
	private down = 0;

	constructor(config: Partial<PiSignalConfig> = {}) {
		this.config = { ...PI_SIGNAL, ...config };
		this.floor = new RollingPercentile(this.config.noiseWindowSamples, this.config.noisePercentile);
	}

	/** Current debounced detection state. */
	get isDetected(): boolean {
		return this.detected;
	}

	/** Feeds one raw RSSI sample (dBm, after calibration) and returns the chain outputs. */
	push(rawDbm: number): PiSignalOutput {
		const c = this.config;
		const e = this.ewma === null ? rawDbm : c.ewmaAlpha * rawDbm + (1 - c.ewmaAlpha) * this.ewma;
		this.ewma = e;
		this.floor.push(e);
		const floor = this.floor.size < c.noiseMinSamples ? c.noiseDefaultDbm : this.floor.value();
		const snr = e - floor;
		const above = snr > c.snrTriggerDb;
		let started = false;
		let ended = false;
		if (!this.detected) {
			this.up = above ? this.up + 1 : 0;
			if (this.up >= c.debounceIn) {
				this.detected = true;
				started = true;
				this.up = 0;
				this.down = 0;
			}
		} else {
			this.down = snr <= c.snrDropDb ? this.down + 1 : 0;
			if (this.down >= c.debounceOut) {
				this.detected = false;
				ended = true;
				this.up = 0;
				this.down = 0;
			}
		}
		return {
			rssi_dbm: e,
			noise_floor_dbm: floor,
			snr_db: snr,
			above_trigger: above,
			detected: this.detected,
			confidence_pct: confidenceFromSnr(snr, c.snrTriggerDb),
			detection_started: started,
			detection_ended: ended
		};
	}
}

/** The Pi's confidence: clamp(50 + 2.5·(snr − trigger), 0, 100) percent. */
export function confidenceFromSnr(snrDb: number, triggerDb: number = PI_SIGNAL.snrTriggerDb) {
	return Math.min(100, Math.max(0, 50 + 2.5 * (snrDb - triggerDb)));
}
