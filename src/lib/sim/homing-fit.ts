import type { LocalPoint } from '../geo';
import { minorSpreadM } from './homing-gradient';

/** One beacon pulse period reduced to a single observation (what the homing fits use). */
export interface Cycle extends LocalPoint {
	t_s: number;
	/** Height above ground at the peak, m (the slant range needs it). */
	alt_m: number;
	/** Peak EWMA RSSI of the period, dBm. */
	rssi_dbm: number;
	/** Peak minus the Pi's noise floor, dB. */
	snr_db: number;
	/** Peak minus the lowest EWMA value of the period, dB: ~0 for a continuous carrier. */
	depth_db: number;
}

/**
 * Groups the 10 Hz EWMA stream into 1 s periods (the beacon's pulse period). The EWMA is a
 * sawtooth (rises during the pulse, decays after it), so a single sample says little; the peak
 * of a period is steady to about ±1 dB and is tagged with the GPS position where it occurred.
 */
export class CycleSampler {
	private n = 0;
	private max = -Infinity;
	private min = Infinity;
	private at: LocalPoint = { north_m: 0, east_m: 0 };
	private floor = 0;
	private alt = 0;
	readonly cycles: Cycle[] = [];

	constructor(
		readonly samplesPerCycle = 10,
		readonly keep = 360
	) {}

	/** Feeds one sample; returns the finished period when this sample closes one. */
	push(tS: number, gps: LocalPoint, altM: number, rssiDbm: number, floorDbm: number) {
		if (rssiDbm > this.max) {
			this.max = rssiDbm;
			this.at = gps;
			this.floor = floorDbm;
			this.alt = altM;
		}
		this.min = Math.min(this.min, rssiDbm);
		if (++this.n < this.samplesPerCycle) return null;
		const c: Cycle = {
			north_m: this.at.north_m,
			east_m: this.at.east_m,
			t_s: tS,
			alt_m: this.alt,
			rssi_dbm: this.max,
			snr_db: this.max - this.floor,
			depth_db: this.max - this.min
		};
		this.n = 0;
		this.max = -Infinity;
		this.min = Infinity;
		this.cycles.push(c);
		if (this.cycles.length > this.keep) this.cycles.shift();
		return c;
	}
}

/**
 * True when a period looks like the pulsed beacon: clearly above the floor and modulated (a
 * continuous interferer raises the whole period, so its depth stays near zero).
 */
export function isBeaconCycle(c: Cycle, minSnrDb = 6): boolean {
	return c.snr_db >= minSnrDb && c.depth_db >= 0.4 * c.snr_db && c.alt_m > 20;
}

/** Beacon position estimated from the RSSI field, with the fitted model's quality. */
export interface Localisation extends LocalPoint {
	/** Fitted slope of RSSI against 10·log10(slant), dB per decade (the effective n). */
	slope: number;
	/** RMS residual of the fit, dB. */
	rmsDb: number;
	/** Smaller eigenvalue's square root of the sample positions' covariance, m. */
	spreadM: number;
	used: number;
}

const SLOPE_MIN = 1;
const SLOPE_MAX = 4;

/** Sum of squared residuals of rssi = A − B·10·log10(slant) at candidate q (B fitted, clamped). */
function sse(cs: readonly Cycle[], q: LocalPoint): [number, number] {
	const n = cs.length;
	const ls = new Float64Array(n);
	let ml = 0;
	let mr = 0;
	for (let i = 0; i < n; i++) {
		const c = cs[i] as Cycle;
		const d2 = (c.north_m - q.north_m) ** 2 + (c.east_m - q.east_m) ** 2 + c.alt_m ** 2;
		ls[i] = 5 * Math.log10(d2);
		ml += (ls[i] as number) / n;
		mr += c.rssi_dbm / n;
	}
	let sll = 0;
	let slr = 0;
	for (let i = 0; i < n; i++) {
		const l = (ls[i] as number) - ml;
		sll += l * l;
		slr += l * ((cs[i] as Cycle).rssi_dbm - mr);
	}
	const slope = Math.min(SLOPE_MAX, Math.max(SLOPE_MIN, sll > 0 ? -slr / sll : SLOPE_MIN));
	let s = 0;
	for (let i = 0; i < n; i++) {
		const r = (cs[i] as Cycle).rssi_dbm - mr + slope * ((ls[i] as number) - ml);
		s += r * r;
	}
	return [s, slope];
}

/**
 * Least-squares fit of the log-distance law to the periods seen so far: the beacon is where
 * rssi = A − B·10·log10(√(horizontal² + alt²)) explains the samples best, with A (unknown
 * transmit power and losses) and B (unknown path-loss exponent) fitted for each candidate. Only
 * the Pi's own samples, GPS and altitude are used. Coarse 20 m grid, then 4 m and 1 m refinements
 * (the error surface is smooth on the scale of the 50 m flight altitude).
 */
export function localise(cs: readonly Cycle[], marginM = 250): Localisation | null {
	if (cs.length < 12) return null;
	let n0 = Infinity;
	let n1 = -Infinity;
	let e0 = Infinity;
	let e1 = -Infinity;
	for (const c of cs) {
		n0 = Math.min(n0, c.north_m);
		n1 = Math.max(n1, c.north_m);
		e0 = Math.min(e0, c.east_m);
		e1 = Math.max(e1, c.east_m);
	}
	let best: LocalPoint = { north_m: 0, east_m: 0 };
	let bestS = Infinity;
	const scan = (cn: number, ce: number, half: number, step: number) => {
		for (let dn = -half; dn <= half + 1e-9; dn += step) {
			for (let de = -half; de <= half + 1e-9; de += step) {
				const q = { north_m: cn + dn, east_m: ce + de };
				const [s] = sse(cs, q);
				if (s < bestS) {
					bestS = s;
					best = q;
				}
			}
		}
	};
	const half = Math.max(n1 - n0, e1 - e0) / 2 + marginM;
	scan((n0 + n1) / 2, (e0 + e1) / 2, Math.ceil(half / 20) * 20, 20);
	scan(best.north_m, best.east_m, 16, 4);
	scan(best.north_m, best.east_m, 3, 1);
	const [s, slope] = sse(cs, best);
	return {
		...best,
		slope,
		rmsDb: Math.sqrt(s / cs.length),
		spreadM: minorSpreadM(cs),
		used: cs.length
	};
}
