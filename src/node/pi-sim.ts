/**
 * `npm run pi-sim -- --scenario open-field --seed 1 --speed 1 --port 8000`
 * A PISAD Pi on localhost for the ground station: WebSocket /ws and REST /api, replaying a
 * simulated mission, with fault injection (--drop-every/--drop-for seconds, --jitter ms,
 * --duplicate/--reorder/--malformed probabilities) and recorded missions to download over a
 * simulated radio link (--bandwidth-kbps, --latency-ms).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isScenario, simulateMission } from '../lib/sim';
import { writeMission } from './mission-writer';
import { startPiSim } from './pi-sim/server';

const { values } = parseArgs({
	options: {
		scenario: { type: 'string', default: 'open-field' },
		seed: { type: 'string', default: '1' },
		speed: { type: 'string', default: '1' },
		port: { type: 'string', default: '8000' },
		host: { type: 'string', default: '127.0.0.1' },
		'start-at': { type: 'string', default: '0' },
		'drop-every': { type: 'string' },
		'drop-for': { type: 'string' },
		jitter: { type: 'string' },
		duplicate: { type: 'string' },
		reorder: { type: 'string' },
		malformed: { type: 'string' },
		'missions-dir': { type: 'string' },
		'bandwidth-kbps': { type: 'string' },
		'latency-ms': { type: 'string' },
		'no-ranges': { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (values.help) {
	console.log(`Usage: npm run pi-sim -- [--scenario open-field|urban|no-beacon|interference|sortie-1h] [--seed N]
  [--speed X] [--port 8000] [--host 127.0.0.1] [--start-at SECONDS]
  [--drop-every S --drop-for S] [--jitter MS] [--duplicate P] [--reorder P] [--malformed P]
  [--missions-dir DIR]   (default: two recorded missions generated into a temp folder)
  [--bandwidth-kbps N] [--latency-ms MS]   (radio link for mission downloads, ranges included)
  [--no-ranges]   (answer Range requests with the whole file, like a server without range support)`);
	process.exit(0);
}
if (!isScenario(values.scenario)) {
	console.error(`Unknown scenario "${values.scenario}".`);
	process.exit(2);
}
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

let missionsDir = values['missions-dir'];
if (!missionsDir) {
	missionsDir = await mkdtemp(join(tmpdir(), 'pisad-pi-sim-'));
	for (const [scenario, seed] of [
		['open-field', 101],
		['urban', 102]
	] as const) {
		const id = `recorded-${scenario}-${seed}`;
		await writeMission(simulateMission({ seed, scenario, missionId: id }), join(missionsDir, id), {
			parquet: true,
			duckdb: true,
			jsonl: false
		});
	}
}

const sim = await startPiSim({
	scenario: values.scenario,
	seed: Number(values.seed),
	speed: Number(values.speed),
	port: Number(values.port),
	host: values.host,
	startAt_s: Number(values['start-at']),
	missionsDir,
	link: {
		bandwidthKbps: num(values['bandwidth-kbps']),
		latencyMs: num(values['latency-ms']),
		noRanges: values['no-ranges']
	},
	faults: {
		dropEvery_s: num(values['drop-every']),
		dropFor_s: num(values['drop-for']),
		jitterMs: num(values.jitter),
		duplicate: num(values.duplicate),
		reorder: num(values.reorder),
		malformed: num(values.malformed)
	}
});
console.log(
	`PISAD Pi simulator (${values.scenario}, seed ${values.seed}, ${values.speed}×) on ${sim.url}  ws: ${sim.url.replace('http', 'ws')}/ws  missions: ${missionsDir}`
);
const stop = async () => {
	await sim.close();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
