import type { MissionTables } from '../contract';
import { PiSignalChain } from '../signal/chain';
import { distanceM, polygonGeoJson, type LocalPoint } from './geo';
import type { HomingController, HomingOutput } from './homing';
import { stepStateMachine } from './mission-logic';
import { beaconTruth, missionRow, waypointRows } from './mission-rows';
import { MissionRecorder, type PatternStatus } from './recorder';
import { buildPattern, type Pattern } from './patterns';
import { RadioEnvironment } from './propagation';
import { Rng } from './rng';
import { buildScenario, isScenario, type ScenarioConfig, type ScenarioName } from './scenarios';
import { StateMachine } from './state-machine';
import { TelemetryModel } from './telemetry';
import { Vehicle, type VehicleCommand } from './vehicle';
import type { WsMessage } from './ws';
import { periodicMessages } from './periodic';

export interface SimulateOptions {
	seed: number;
	scenario: ScenarioName | string;
	/** Epoch ms; default 2025-08-21T01:30:00Z + seed minutes. */
	startedAtMs?: number;
	missionId?: string;
}

export interface SimulationResult {
	tables: MissionTables;
	ws: WsMessage[];
}

const DT = 0.1;
const HOLD_RADIUS = 15;

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
	homing: HomingController | null;
	lastHoming: HomingOutput | null;
	holdCenter: LocalPoint | null;
	lossS: number;
	resumeAtS: number | null;
	reenableAtS: number | null;
	patrol: boolean;
}

/**
 * Simulates one mission deterministically from `seed`: 10 Hz RSSI through the Pi's own signal
 * chain, 5 Hz telemetry, the Pi's state machine, and the WebSocket messages the Pi would send.
 */
export function simulateMission(opts: SimulateOptions): SimulationResult {
	if (!isScenario(opts.scenario)) throw new Error(`unknown scenario ${opts.scenario}`);
	const rng = new Rng(opts.seed);
	const cfg = buildScenario(opts.scenario, rng.fork(11));
	const startMs = opts.startedAtMs ?? Date.UTC(2025, 7, 21, 1, 30) + opts.seed * 60_000;
	const missionId = opts.missionId ?? `sim-${cfg.name}-s${opts.seed}`;
	const rec = new MissionRecorder(missionId, startMs, cfg.frequencyHz);
	const pattern = buildPattern(cfg.pattern);
	const radio = new RadioEnvironment(cfg.radio, cfg.beacon, cfg.bursts, rng.fork(12), 1600);
	const f: Flight = {
		cfg,
		rng: rng.fork(13),
		rec,
		sm: new StateMachine(cfg.homingEnabled),
		v: new Vehicle(rng.range(0, 360)),
		tel: new TelemetryModel(rng.fork(14), cfg.batteryAh),
		pattern,
		patternId: `${missionId}-p1`,
		wpIdx: 0,
		patternDone: false,
		phase: 'ground',
		armed: false,
		mode: 'STABILIZE',
		homing: null,
		lastHoming: null,
		holdCenter: null,
		lossS: 0,
		resumeAtS: null,
		reenableAtS: null,
		patrol: false,
		confirmAtS: 0,
		batteryLevel: 0
	};
	const chain = new PiSignalChain();
	rec.tick(startMs);
	rec.send('connection', { status: 'connected' });
	rec.transition(f.sm.init(0), f.sm.allowed());
	waypointRows(f);
	rec.safety('preflight', 'arming_checks', { checks: ['gps', 'battery', 'geofence'] }, true);
	const maxTicks = Math.round((cfg.fixedDurationS ?? cfg.maxDurationS) / DT);
	let k = 0;
	for (; k < maxTicks && f.phase !== 'ended'; k++) {
		const tS = k * DT;
		rec.tick(startMs + tS * 1000 + f.rng.int(150, 2400) / 1000);
		f.v.step(DT, guidance(f, tS));
		f.tel.step(DT, f.v);
		const raw = radio.sample(tS, f.v.position, f.v.alt_m);
		const out = chain.push(raw);
		const gps = f.tel.gpsPosition(f.v);
		const pendingDetection = out.detection_started;
		stepStateMachine(f, tS, out, gps);
		if (pendingDetection) {
			f.sm.detectionCount++;
			f.sm.lastDetectionS = tS;
			rec.detection(f.sm.detectionCount, out, gps, f.sm.current);
		}
		rec.rssi(k, raw, out, f.sm.current);
		periodicMessages(f, k, tS, gps);
	}
	const endMs = rec.t;
	rec.tables.mission.push(missionRow(f, opts.seed, startMs, endMs));
	rec.tables.search_pattern.push({
		mission_id: missionId,
		pattern_id: f.patternId,
		pattern_type: cfg.pattern.type,
		spacing_m: cfg.pattern.spacing_m,
		velocity_mps: cfg.pattern.velocity_mps,
		altitude_m: cfg.pattern.altitude_m,
		boundary_geojson: polygonGeoJson(pattern.boundary)
	});
	beaconTruth(f);
	return { tables: rec.tables, ws: rec.ws };
}

/** Guidance for this tick from the flight phase and the Pi's state. */
function guidance(f: Flight, tS: number): VehicleCommand {
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
		const d = distanceM(v.position, home);
		return d > 3
			? v.commandTo(home, 8, alt)
			: { heading_deg: v.heading_deg, speed_mps: 0, alt_m: -1 };
	}
	const state = f.sm.current;
	if (state === 'HOMING' && f.lastHoming) {
		const h = f.lastHoming;
		return { heading_deg: h.target_heading_deg, speed_mps: h.cmd_forward_mps, alt_m: alt };
	}
	if (state === 'HOLDING' && f.holdCenter) {
		// Orbit: aim at a point 40° ahead on the circle around the estimated beacon position.
		const c = f.holdCenter;
		const ang = Math.atan2(v.east_m - c.east_m, v.north_m - c.north_m) + (40 * Math.PI) / 180;
		const target = {
			north_m: c.north_m + HOLD_RADIUS * Math.cos(ang),
			east_m: c.east_m + HOLD_RADIUS * Math.sin(ang)
		};
		return { ...v.commandTo(target, 3, alt, 1), speed_mps: 3 };
	}
	if (state === 'IDLE') return { heading_deg: v.heading_deg, speed_mps: 0, alt_m: alt };
	return followPattern(f, tS);
}

function followPattern(f: Flight, tS: number): VehicleCommand {
	const { v, pattern } = f;
	const wps = pattern.waypoints;
	const wp = wps[f.wpIdx % wps.length] as LocalPoint;
	if (distanceM(v.position, wp) < 8) {
		const row = f.rec.tables.waypoint[f.wpIdx % wps.length];
		if (row && row.reached_at === null) row.reached_at = f.rec.t;
		f.wpIdx++;
		if (f.wpIdx >= wps.length && f.cfg.fixedDurationS === null) f.patternDone = true;
		f.rec.patternMessage('pattern_update', patternStatus(f, tS));
	}
	const next = wps[f.wpIdx % wps.length] as LocalPoint;
	return v.commandTo(next, f.cfg.pattern.velocity_mps, f.cfg.pattern.altitude_m, 6);
}

export function patternStatus(f: Flight, tS: number): PatternStatus {
	const total = f.pattern.waypoints.length;
	const done = Math.min(total, f.wpIdx);
	let rest = 0;
	let prev = f.v.position;
	for (let i = done; i < total; i++) {
		const w = f.pattern.waypoints[i] as LocalPoint;
		rest += distanceM(prev, w);
		prev = w;
	}
	void tS;
	return {
		pattern_id: f.patternId,
		state: done >= total ? 'COMPLETED' : f.sm.current === 'SEARCHING' ? 'EXECUTING' : 'PAUSED',
		completed_waypoints: done,
		total_waypoints: total,
		estimated_time_remaining: Math.round(rest / f.cfg.pattern.velocity_mps)
	};
}
