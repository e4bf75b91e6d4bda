/**
 * Simulated missions as the beacon posterior sees them (pulse peaks, detections, search boundary,
 * truth), for the calibration script and the posterior tests. Simulating is CPU-heavy (1–8 s a
 * mission), so each mission's result is cached as JSON under .scratch/beacon-cache (gitignored).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MissionTables } from '../lib/contract';
import type { LocalPoint } from '../lib/geo';
import {
	pulsePeaks,
	type BeaconObservation,
	type PositionedSample
} from '../lib/beacon/observations';
import { buildPattern, buildScenario, Rng, simulateMission } from '../lib/sim';

const CACHE_DIR = '.scratch/beacon-cache';

/** What the beacon posterior needs from one simulated mission, plus its truth. */
export interface BeaconSim {
	scenario: string;
	seed: number;
	observations: BeaconObservation[];
	detections: { t_rel_s: number; north_m: number; east_m: number; snr_db: number }[];
	boundary: LocalPoint[];
	truth: LocalPoint | null;
	durationS: number;
}

/** Every RSSI sample at the position interpolated in time between its telemetry neighbours. */
export function positionedSamples(tables: MissionTables): PositionedSample[] {
	const tel = [...tables.vehicle_telemetry].sort((a, b) => a.t - b.t);
	const out: PositionedSample[] = [];
	let k = 0;
	for (const r of tables.rssi_sample) {
		while (k + 1 < tel.length && (tel[k + 1]?.t ?? Infinity) <= r.t) k++;
		const a = tel[k];
		if (!a || a.t > r.t || a.north_m === null || a.east_m === null || r.rssi_dbm === null) {
			continue;
		}
		const b = tel[k + 1];
		const f = b && b.t > a.t ? (r.t - a.t) / (b.t - a.t) : 0;
		const lerp = (x: number, y: number | null | undefined) => x + f * ((y ?? x) - x);
		out.push({
			t_rel_s: r.t_rel_s,
			rssi_dbm: r.rssi_dbm,
			snr_db: r.snr_db ?? 0,
			noise_floor_dbm: r.noise_floor_dbm ?? -109,
			north_m: lerp(a.north_m, b?.north_m),
			east_m: lerp(a.east_m, b?.east_m),
			alt_rel_m: lerp(a.alt_rel_m ?? 0, b?.alt_rel_m)
		});
	}
	return out;
}

/** Seconds a partial flight goes on after its first pulse over the fit's SNR cut. */
export const PARTIAL_AFTER_S = 300;

/**
 * A short or partial flight (issue 16 item 3): `<scenario>-partial` is that scenario's mission
 * cut PARTIAL_AFTER_S after the first pulse peak of ≥ 3 dB SNR, as when a sortie ends on its
 * battery or the weather soon after first hearing the beacon.
 */
function partial(m: BeaconSim): BeaconSim {
	const first = m.observations.find((o) => o.snr_db >= 3)?.t_rel_s ?? m.durationS;
	const cut = first + PARTIAL_AFTER_S;
	return {
		...m,
		scenario: `${m.scenario}-partial`,
		observations: m.observations.filter((o) => o.t_rel_s <= cut),
		detections: m.detections.filter((d) => d.t_rel_s <= cut),
		durationS: Math.min(cut, m.durationS)
	};
}

/** Simulates (or reads from the cache) one mission's beacon inputs. */
export function beaconSim(scenario: string, seed: number): BeaconSim {
	if (scenario.endsWith('-partial')) return partial(beaconSim(scenario.slice(0, -8), seed));
	const file = join(CACHE_DIR, `${scenario}-${seed}.json`);
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as BeaconSim;
	const { tables } = simulateMission({ seed, scenario });
	const truth = tables.beacon_truth[0];
	const cfg = buildScenario(scenario as never, new Rng(seed).fork(11));
	const sim: BeaconSim = {
		scenario,
		seed,
		observations: pulsePeaks(positionedSamples(tables), 1),
		detections: tables.detection.map((d) => ({
			t_rel_s: d.t_rel_s,
			north_m: d.north_m ?? 0,
			east_m: d.east_m ?? 0,
			snr_db: d.snr_db ?? 0
		})),
		boundary: buildPattern(cfg.pattern).boundary,
		truth: truth ? { north_m: truth.north_m ?? 0, east_m: truth.east_m ?? 0 } : null,
		durationS: tables.rssi_sample.at(-1)?.t_rel_s ?? 0
	};
	mkdirSync(CACHE_DIR, { recursive: true });
	writeFileSync(file, JSON.stringify(sim));
	return sim;
}
