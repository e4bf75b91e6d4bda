import { localDistanceM, type LocalPoint } from '../geo';
import { patternStatus, type Flight } from './flight';
import type { VehicleCommand } from './vehicle';

/** Radius of the HOLDING orbit around the estimated beacon position, m. */
const HOLD_RADIUS = 15;
/** Radius of the re-acquisition orbit around the last strong point, m. */
const REACQUIRE_RADIUS = 50;

/** Guidance for this tick from the flight phase and the Pi's state. */
export function guidance(f: Flight, tS: number): VehicleCommand {
	const { v, cfg } = f;
	const alt = cfg.pattern.altitude_m;
	if (f.phase === 'ground') {
		if (tS >= 1) {
			f.armed = true;
			f.mode = 'GUIDED';
			f.phase = 'takeoff';
		}
		return { heading_deg: v.heading_deg, speed_mps: 0, alt_m: 0 };
	}
	if (f.phase === 'takeoff') return { heading_deg: v.heading_deg, speed_mps: 0, alt_m: alt };
	if (f.phase === 'rtl') {
		const home = { north_m: 0, east_m: 0 };
		const d = localDistanceM(v.position, home);
		return d > 3
			? v.commandTo(home, 8, alt)
			: { heading_deg: v.heading_deg, speed_mps: 0, alt_m: -1 };
	}
	const state = f.sm.current;
	if (state === 'HOMING' && f.lastHoming) {
		const h = f.lastHoming;
		return { heading_deg: h.target_heading_deg, speed_mps: h.cmd_forward_mps, alt_m: alt };
	}
	if (state === 'HOLDING' && f.holdCenter) return orbit(f, f.holdCenter, HOLD_RADIUS, 3);
	if (state === 'IDLE') return { heading_deg: v.heading_deg, speed_mps: 0, alt_m: alt };
	const r = f.reacquire;
	if (r && tS < r.untilS) {
		// After FR17 the operator re-enables homing; the vehicle circles the last strong point
		// (where detection is likely to come back) instead of resuming the far search pattern.
		return localDistanceM(v.position, r.centre) > REACQUIRE_RADIUS + 15
			? v.commandTo(r.centre, f.cfg.pattern.velocity_mps, alt)
			: orbit(f, r.centre, REACQUIRE_RADIUS, 6);
	}
	f.reacquire = null;
	return followPattern(f);
}

/** Orbit: aim at a point 40° ahead on the circle around `c`. */
function orbit(f: Flight, c: LocalPoint, radius: number, speed: number): VehicleCommand {
	const v = f.v;
	const ang = Math.atan2(v.east_m - c.east_m, v.north_m - c.north_m) + (40 * Math.PI) / 180;
	const target = {
		north_m: c.north_m + radius * Math.cos(ang),
		east_m: c.east_m + radius * Math.sin(ang)
	};
	return { ...v.commandTo(target, speed, f.cfg.pattern.altitude_m, 1), speed_mps: speed };
}

function followPattern(f: Flight): VehicleCommand {
	const { v, pattern } = f;
	const wps = pattern.waypoints;
	const wp = wps[f.wpIdx % wps.length] as LocalPoint;
	if (localDistanceM(v.position, wp) < 8) {
		const row = f.rec.tables.waypoint[f.wpIdx % wps.length];
		if (row && row.reached_at === null) row.reached_at = f.rec.t;
		f.wpIdx++;
		f.reacquireLeft = 2;
		if (f.wpIdx >= wps.length && f.cfg.fixedDurationS === null) f.patternDone = true;
		f.rec.patternMessage('pattern_update', patternStatus(f));
	}
	const next = wps[f.wpIdx % wps.length] as LocalPoint;
	return v.commandTo(next, f.cfg.pattern.velocity_mps, f.cfg.pattern.altitude_m, 6);
}
