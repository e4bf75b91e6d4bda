import type { MissionTables } from '../contract';
import { PiSignalChain } from '../signal/chain';
import type { Flight } from './flight';
import { polygonGeoJson } from './rings';
import { guidance } from './guidance';
import { CycleSampler } from './homing-fit';
import { stepStateMachine } from './mission-logic';
import { beaconTruth, missionRow, waypointRows } from './mission-rows';
import { MissionRecorder } from './recorder';
import { buildPattern } from './patterns';
import { RadioEnvironment } from './propagation';
import { Rng } from './rng';
import { buildScenario, isScenario, type ScenarioName } from './scenarios';
import { StateMachine } from './state-machine';
import { TelemetryModel } from './telemetry';
import { Vehicle } from './vehicle';
import type { WsMessage } from './ws';
import { periodicMessages } from './periodic';

export type { Flight } from './flight';

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
		sampler: new CycleSampler(),
		cycleDone: false,
		homing: null,
		lastHoming: null,
		holdCenter: null,
		lossS: 0,
		resumeAtS: null,
		reenableAtS: null,
		reacquire: null,
		reacquireLeft: 2,
		lastStrong: null,
		finalLook: false,
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
		f.cycleDone = f.sampler.push(tS, gps, f.v.alt_m, out.rssi_dbm, out.noise_floor_dbm) !== null;
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
