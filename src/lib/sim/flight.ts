import { localDistanceM, type LocalPoint } from '../geo';
import type { HomingController, HomingOutput } from './homing';
import type { CycleSampler } from './homing-fit';
import type { MissionRecorder, PatternStatus } from './recorder';
import type { Pattern } from './patterns';
import type { Rng } from './rng';
import type { ScenarioConfig } from './scenarios';
import type { StateMachine } from './state-machine';
import type { TelemetryModel } from './telemetry';
import type { Vehicle } from './vehicle';

/** Where to look again after FR17 switched homing off: the last strong point, until a time. */
export interface Reacquire {
	centre: LocalPoint;
	untilS: number;
}

/** Mutable per-mission flight state shared by the loop helpers. */
export interface Flight {
	cfg: ScenarioConfig;
	rng: Rng;
	rec: MissionRecorder;
	sm: StateMachine;
	v: Vehicle;
	tel: TelemetryModel;
	pattern: Pattern;
	patternId: string;
	wpIdx: number;
	patternDone: boolean;
	phase: 'ground' | 'takeoff' | 'mission' | 'rtl' | 'ended';
	confirmAtS: number;
	batteryLevel: number;
	armed: boolean;
	mode: string;
	/** The Pi's RSSI history reduced to pulse periods; homing fits read it. */
	sampler: CycleSampler;
	/** True on the sample that closed a pulse period. */
	cycleDone: boolean;
	homing: HomingController | null;
	lastHoming: HomingOutput | null;
	holdCenter: LocalPoint | null;
	lossS: number;
	resumeAtS: number | null;
	reenableAtS: number | null;
	reacquire: Reacquire | null;
	/** Best beacon position homing has known (the last strong point). */
	lastStrong: LocalPoint | null;
	/** The one long look around lastStrong after the pattern completed has been used. */
	finalLook: boolean;
	/** Re-acquisition orbits still allowed before the next search waypoint. */
	reacquireLeft: number;
	patrol: boolean;
}

/** Pattern progress for `state.search_status` and the `pattern_*` messages. */
export function patternStatus(f: Flight): PatternStatus {
	const total = f.pattern.waypoints.length;
	const done = Math.min(total, f.wpIdx);
	let rest = 0;
	let prev = f.v.position;
	for (let i = done; i < total; i++) {
		const w = f.pattern.waypoints[i] as LocalPoint;
		rest += localDistanceM(prev, w);
		prev = w;
	}
	return {
		pattern_id: f.patternId,
		state: done >= total ? 'COMPLETED' : f.sm.current === 'SEARCHING' ? 'EXECUTING' : 'PAUSED',
		completed_waypoints: done,
		total_waypoints: total,
		estimated_time_remaining: Math.round(rest / f.cfg.pattern.velocity_mps)
	};
}
