import { planeFitGradient } from '../signal/gradient';
import { angleDiffDeg, localBearingDeg, localDistanceM, type LocalPoint } from '../geo';
import { isBeaconCycle, type Cycle, type Localisation } from './homing-fit';

/** A survey orbit ("search in bearings") around a candidate beacon position. */
export interface Survey {
	centre: LocalPoint;
	/** Angle swept on the ring so far, degrees. */
	swept: number;
	lastAng: number;
	/** How many surveys this homing run flew before this one. */
	n: number;
	t0: number;
	/** The vehicle has passed over the centre (the ring is judged against the level there). */
	centred: boolean;
}

export interface RingVerdict {
	/** The centre is a local maximum at the ring's scale: the beacon is inside the ring. */
	peak: boolean;
	/** Direction in which the ring's plane fit says RSSI rises, degrees. */
	bearing_deg: number;
	/** Centre level minus the ring's mean level, dB. */
	dropDb: number;
	/** Plane-fit slope across the ring times its radius: how lopsided the ring is, dB. */
	tiltDb: number;
	/** Strongest 3-period mean on the ring minus the centre level, dB. */
	ringMaxDb: number;
	/** Where that strongest stretch of the ring is. */
	ringMaxAt: LocalPoint;
}

/**
 * Judges a finished survey from the Pi's own periods. With the beacon inside a ring of radius
 * R flown at height h, every ring point is farther than the centre: the ring is uniformly weaker
 * (≈ 0.83·10·n·log10(√(R² + h²)/h) dB, about 4 dB for R 60 m, h 50 m, n 2.4; 0.83 is the EWMA's
 * pulse-peak gain). A shadowing bump far from the beacon instead gives a lopsided ring whose
 * plane fit points at the beacon. So: peak when the drop is clear and exceeds the tilt.
 */
export function ringVerdict(cycles: readonly Cycle[], s: Survey, radiusM: number): RingVerdict {
	const ring: Cycle[] = [];
	const inner: number[] = [];
	for (const c of cycles) {
		if (!isBeaconCycle(c, 3)) continue;
		const d = localDistanceM(c, s.centre);
		if (c.t_s >= s.t0 && d > 0.5 * radiusM && d < 1.5 * radiusM) ring.push(c);
		else if (d < 0.3 * radiusM && c.t_s >= s.t0 - 120) inner.push(c.rssi_dbm);
	}
	const fit = planeFitGradient(ring);
	const ringMean = ring.reduce((a, c) => a + c.rssi_dbm, 0) / Math.max(1, ring.length);
	const centre = inner.length > 0 ? inner.reduce((a, b) => a + b, 0) / inner.length : -Infinity;
	const dropDb = centre - ringMean;
	let ringMax = -Infinity;
	let ringMaxAt: LocalPoint = s.centre;
	for (let i = 1; i + 1 < ring.length; i++) {
		const [a, b, c] = [ring[i - 1], ring[i], ring[i + 1]] as [Cycle, Cycle, Cycle];
		const m = (a.rssi_dbm + b.rssi_dbm + c.rssi_dbm) / 3;
		if (m > ringMax) {
			ringMax = m;
			ringMaxAt = { north_m: b.north_m, east_m: b.east_m };
		}
	}
	const tiltDb = fit ? fit.mag_db_per_m * radiusM : Infinity;
	return {
		peak: ring.length >= 10 && dropDb >= 1.5 && tiltDb < dropDb,
		bearing_deg: fit?.bearing_deg ?? 0,
		dropDb,
		tiltDb,
		ringMaxDb: ringMax - centre,
		ringMaxAt
	};
}

/** Advances the ring: counts the angle swept once clear of the centre, and steers 30° ahead. */
export function flyRing(
	s: Survey,
	pos: LocalPoint,
	radiusM: number
): { done: boolean; heading_deg: number } {
	const ang = Math.atan2(pos.east_m - s.centre.east_m, pos.north_m - s.centre.north_m);
	if (!Number.isNaN(s.lastAng) && localDistanceM(pos, s.centre) > 0.5 * radiusM) {
		s.swept += Math.abs(angleDiffDeg((ang * 180) / Math.PI, (s.lastAng * 180) / Math.PI));
	}
	s.lastAng = ang;
	const a = ang + (30 * Math.PI) / 180;
	const target = {
		north_m: s.centre.north_m + radiusM * Math.cos(a),
		east_m: s.centre.east_m + radiusM * Math.sin(a)
	};
	return { done: s.swept >= 350, heading_deg: localBearingDeg(pos, target) };
}

export type RingDecision =
	| { kind: 'hold'; at: LocalPoint }
	| { kind: 'resurvey'; at: LocalPoint }
	| { kind: 'climb'; bearing_deg: number };

/**
 * After a ring: hold at the log-distance estimate when it lies well inside the ring and no part
 * of the ring is clearly stronger than the centre or lopsided; survey again around the estimate
 * when it is near; otherwise climb the ring's own plane fit. After `maxSurveys` rings, hold.
 */
export function ringDecision(
	est: Localisation | null,
	s: Survey,
	v: RingVerdict,
	radiusM: number,
	maxSurveys: number
): RingDecision {
	const off = est ? localDistanceM(est, s.centre) : Infinity;
	const last = s.n + 1 >= maxSurveys;
	if (est && off < 0.5 * radiusM && v.tiltDb < 3.5 && v.ringMaxDb < 3.5) {
		return { kind: 'hold', at: est };
	}
	if (last) return { kind: 'hold', at: est && off < radiusM ? est : s.centre };
	if (est && off < 1.5 * radiusM) return { kind: 'resurvey', at: est };
	return { kind: 'climb', bearing_deg: v.bearing_deg };
}
