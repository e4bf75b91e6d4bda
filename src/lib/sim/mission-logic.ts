import type { SystemState } from '../contract';
import type { PiSignalOutput } from '../signal/chain';
import { localDistanceM, type LocalPoint } from '../geo';
import { HomingController } from './homing';
import { patternStatus, type Flight } from './flight';
import { detectionReason } from './state-machine';

/** How long the operator takes to react after a timeout to IDLE, s. */
const OPERATOR_RESUME_S: [number, number] = [2, 6];
/** FR17: homing disables after this much continuous signal loss, s. */
const SIGNAL_LOSS_S = 10;
/** How long the vehicle circles the last strong point after losing the signal before it
 * returns to the search pattern, s. */
const REACQUIRE_S = 120;

function go(f: Flight, tS: number, to: SystemState, reason: string, forced = false): void {
	f.rec.transition(f.sm.go(to, tS, reason, forced), f.sm.allowed());
	f.mode =
		to === 'IDLE' && f.phase === 'mission' ? 'LOITER' : f.phase === 'mission' ? 'GUIDED' : f.mode;
}

/**
 * A timeout to IDLE in the middle of a sortie: the Pi stops and the vehicle loiters; the simulated
 * operator re-enters SEARCHING a few seconds later (the search continues where it left off).
 */
function timeout(f: Flight, tS: number): boolean {
	const reason = f.sm.timeoutReason(tS);
	if (!reason) return false;
	go(f, tS, 'IDLE', reason);
	f.resumeAtS = tS + f.rng.range(...OPERATOR_RESUME_S);
	return true;
}

/** Drives the Pi's state machine for one sample: detections, homing, holding, timeouts. */
export function stepStateMachine(
	f: Flight,
	tS: number,
	out: PiSignalOutput,
	gps: LocalPoint
): void {
	const { sm, cfg, v } = f;
	if (f.phase === 'takeoff' && v.alt_m >= cfg.pattern.altitude_m - 2) {
		f.phase = 'mission';
		go(f, tS, 'SEARCHING', `Search started: ${cfg.pattern.type} pattern`);
		f.rec.patternMessage('pattern_created', patternStatus(f));
		return;
	}
	if (f.phase === 'rtl') {
		if (localDistanceM(v.position, { north_m: 0, east_m: 0 }) < 3) f.mode = 'LAND';
		if (f.mode === 'LAND' && v.alt_m < 0.2) {
			f.armed = false;
			f.phase = 'ended';
		}
		return;
	}
	if (f.phase !== 'mission') return;
	if (f.reenableAtS !== null && tS >= f.reenableAtS) {
		f.reenableAtS = null;
		sm.homingEnabled = true;
		f.rec.safety('homing_enabled', 'operator', { note: 'Operator re-enabled homing' }, true);
	}
	switch (sm.current) {
		case 'IDLE':
			if (f.resumeAtS !== null && tS >= f.resumeAtS) {
				f.resumeAtS = null;
				go(f, tS, 'SEARCHING', 'Search resumed by operator');
			}
			return;
		case 'SEARCHING':
			if (out.detection_started) {
				go(f, tS, 'DETECTING', detectionReason(out.rssi_dbm, out.confidence_pct));
				// FR3: the Pi confirms for about a second before it commands homing.
				f.confirmAtS = tS + f.rng.range(0.8, 1.6);
			} else if (f.patternDone && f.lastStrong && !f.finalLook) {
				// The operator does not fly home while a beacon was heard: one more, longer look
				// around the last strong point before giving up.
				f.finalLook = true;
				f.reacquireLeft = 3;
				f.reacquire = { centre: f.lastStrong, untilS: tS + 2 * REACQUIRE_S };
			} else if (f.patternDone && !f.reacquire) {
				go(f, tS, 'IDLE', 'Search pattern completed');
				f.phase = 'rtl';
				f.mode = 'RTL';
			} else timeout(f, tS);
			return;
		case 'DETECTING':
			if (!out.detected) go(f, tS, 'SEARCHING', 'Signal lost');
			else if (sm.homingEnabled && tS >= f.confirmAtS) {
				f.homing = new HomingController(v.heading_deg, tS, f.sampler.cycles);
				f.lastHoming = null;
				f.lossS = 0;
				f.reacquire = null;
				go(f, tS, 'HOMING', 'Homing enabled: following signal gradient');
			} else timeout(f, tS);
			return;
		case 'HOMING':
			return homingStep(f, tS, out, gps);
		case 'HOLDING':
			if (tS - sm.enteredAt >= cfg.holdEndS) {
				if (cfg.fixedDurationS === null) {
					go(f, tS, 'IDLE', 'Mission complete: beacon located');
					f.phase = 'ended';
				} else {
					// Long sortie: the operator marks the beacon, disables homing and patrols on.
					sm.homingEnabled = false;
					f.patrol = true;
					go(f, tS, 'SEARCHING', 'Beacon marked by operator, resuming search');
				}
			} else timeout(f, tS);
			return;
		case 'EMERGENCY':
			return;
	}
}

function homingStep(f: Flight, tS: number, out: PiSignalOutput, gps: LocalPoint): void {
	if (!f.homing) throw new Error('HOMING without a controller');
	const h = f.homing.update(tS, gps, f.v.heading_deg, f.v.alt_m, f.cycleDone);
	f.lastHoming = h;
	f.lossS = out.detected ? 0 : f.lossS + 0.1;
	if (f.lossS >= SIGNAL_LOSS_S - 1e-9) {
		f.sm.homingEnabled = false;
		f.rec.safety('homing_disabled', 'signal_loss', { lost_s: SIGNAL_LOSS_S, rule: 'FR17' }, false);
		go(f, tS, 'SEARCHING', 'Signal lost');
		const strong = f.homing.lastStrong;
		f.homing = null;
		if (!f.patrol) {
			f.reenableAtS = tS + f.rng.range(3, 8);
			if (strong) reacquire(f, strong, tS);
		}
	} else if (h.substage === 'HOLDING' && h.hold_center) {
		f.holdCenter = h.hold_center;
		go(f, tS, 'HOLDING', 'Beacon location reached, holding pattern');
	} else if (timeout(f, tS) && !f.patrol) {
		// HOMING timed out: once the operator resumes, look again around the best point.
		const strong = f.homing.lastStrong;
		if (strong) reacquire(f, strong, tS);
	}
}

/** Circle the last strong point, at most twice between two search waypoints (a shadowing
 * hot spot far from the beacon must not trap the vehicle). */
function reacquire(f: Flight, centre: LocalPoint, tS: number): void {
	f.lastStrong = centre;
	if (f.reacquireLeft <= 0) return;
	f.reacquireLeft--;
	f.reacquire = { centre, untilS: tS + REACQUIRE_S };
}
