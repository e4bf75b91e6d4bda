/**
 * Benchmark data: N hours of simulated missions, one folder each.
 *   npm run generate -- --hours N --out DIR [--seed S]
 * or a fleet archive of N hours made by replicating a few simulated hours (archive/generate-archive.ts):
 *   npm run generate -- --hours N --archive DIR [--seed S]
 * Scenarios cycle through open-field, urban, interference, no-beacon and sortie-1h; most
 * missions last 20–60 min, so the total slightly exceeds N hours.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simulateMission, type ScenarioName } from '../lib/sim';
import { BASE_HOURS, generateArchive } from './archive/generate-archive';
import { writeMission } from './mission-writer';

const USAGE = `Usage:
  npm run generate -- --hours N --out DIR [--seed S] [--no-duckdb]
      N hours of simulated missions, one folder each (about 40 s per hour here).
  npm run generate -- --hours N --archive DIR [--seed S]
      A fleet archive of N hours. It REPLICATES: ${BASE_HOURS} hours of missions are simulated once
      (cached in .bench/) and copied under new mission ids with dates shifted across a season,
      each copy in its own partition with its own manifest row.`;

const MIX: ScenarioName[] = ['open-field', 'urban', 'interference', 'no-beacon', 'sortie-1h'];

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			hours: { type: 'string', default: '1' },
			out: { type: 'string' },
			archive: { type: 'string' },
			seed: { type: 'string', default: '1000' },
			'no-duckdb': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help || !(values.out || values.archive)) {
		console.log(USAGE);
		return;
	}
	if (values.archive) {
		const t0 = performance.now();
		const r = await generateArchive(values.archive, Number(values.hours), Number(values.seed));
		const s = ((performance.now() - t0) / 1000).toFixed(1);
		console.log(`${values.archive}: ${r.missions} missions, ${r.hours.toFixed(2)} h in ${s} s`);
		return;
	}
	if (!values.out) return;
	const hours = Number(values.hours);
	let seed = Number(values.seed);
	let total = 0;
	let i = 0;
	const t0 = performance.now();
	while (total < hours * 3600) {
		const scenario = MIX[i % MIX.length] as ScenarioName;
		// Missions start one after another, an hour apart, from a fixed day.
		const startedAtMs = Date.UTC(2025, 7, 1, 0, 0) + i * 3_600_000;
		const r = simulateMission({ seed, scenario, startedAtMs });
		const dur = r.tables.rssi_sample.length / 10;
		// Keep the benchmark missions to the 20–60 min a real sortie lasts.
		if (dur >= 20 * 60 || scenario === 'sortie-1h') {
			const id = r.tables.mission[0]?.mission_id ?? `m${i}`;
			await writeMission(r, join(values.out, id), { duckdb: !values['no-duckdb'] });
			total += dur;
			console.log(`${id}: ${(dur / 60).toFixed(1)} min (total ${(total / 3600).toFixed(2)} h)`);
			i++;
		}
		seed++;
		if (seed - Number(values.seed) > 100_000)
			throw new Error('could not reach the requested hours');
	}
	console.log(
		`${i} missions, ${(total / 3600).toFixed(2)} h in ${((performance.now() - t0) / 1000).toFixed(1)} s`
	);
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
