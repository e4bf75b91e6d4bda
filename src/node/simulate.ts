/**
 * CLI: simulate one mission and write its folder.
 *   npm run simulate -- --seed N --scenario NAME --out DIR [--no-duckdb] [--no-jsonl]
 */
import { parseArgs } from 'node:util';
import { SCENARIOS, isScenario, simulateMission } from '../lib/sim';
import type { SimulationResult } from '../lib/sim';
import { writeMission } from './mission-writer';

const HELP = `Usage: npm run simulate -- --seed N --scenario NAME --out DIR [options]
  --seed N         integer seed (default 1)
  --scenario NAME  ${SCENARIOS.join(' | ')} (default open-field)
  --out DIR        mission folder to write (Parquet per table, mission.duckdb, ws_capture.jsonl)
  --id ID          mission id (default sim-<scenario>-s<seed>)
  --no-duckdb      skip mission.duckdb
  --no-jsonl       skip ws_capture.jsonl
  --help           this text`;

/** One-line summary: mission id, samples, detections, final distance to the beacon. */
export function summarize(r: SimulationResult): string {
	const t = r.tables;
	const b = t.beacon_truth[0];
	const last = t.vehicle_telemetry[t.vehicle_telemetry.length - 1];
	const dist =
		b && last ? Math.hypot(last.north_m! - b.north_m!, last.east_m! - b.east_m!).toFixed(1) : 'n/a';
	const first = t.detection[0];
	return [
		`${t.mission[0]?.mission_id}`,
		`samples=${t.rssi_sample.length}`,
		`duration_s=${(t.rssi_sample.length / 10).toFixed(1)}`,
		`detections=${t.detection.length}`,
		`first_detection_s=${first ? first.t_rel_s.toFixed(1) : 'n/a'}`,
		`final_distance_m=${dist}`
	].join(' ');
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			seed: { type: 'string', default: '1' },
			scenario: { type: 'string', default: 'open-field' },
			out: { type: 'string' },
			id: { type: 'string' },
			'no-duckdb': { type: 'boolean', default: false },
			'no-jsonl': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		console.log(HELP);
		return;
	}
	const seed = Number(values.seed);
	if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
	const scenario = values.scenario ?? 'open-field';
	if (!isScenario(scenario)) throw new Error(`unknown scenario ${scenario}\n${HELP}`);
	if (!values.out) throw new Error(`--out DIR is required\n${HELP}`);
	const result = simulateMission({ seed, scenario, missionId: values.id });
	await writeMission(result, values.out, {
		duckdb: !values['no-duckdb'],
		jsonl: !values['no-jsonl']
	});
	console.log(summarize(result));
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
