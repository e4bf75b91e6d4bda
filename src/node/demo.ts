/**
 * Generates the demo missions into static/demo/ at build time (deterministic for their seeds,
 * so every build ships the same demo) and writes static/demo/index.json for the home page.
 * Skips the work when the index already matches this generator's version.
 */
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { simulateMission } from '../lib/sim';
import { writeMission } from './mission-writer';

/** Sources whose content decides the demo files: a change to any of them regenerates the demo. */
const INPUTS = [
	'src/lib/sim',
	'src/lib/signal',
	'src/node/mission-writer.ts',
	'src/node/demo.ts',
	'sql/schema'
];

async function inputsHash(): Promise<string> {
	const h = createHash('sha256');
	const walk = async (p: string): Promise<void> => {
		if ((await stat(p)).isDirectory()) {
			for (const f of (await readdir(p)).sort()) await walk(join(p, f));
		} else if (!p.endsWith('.test.ts')) {
			h.update(p).update(await readFile(p));
		}
	};
	for (const p of INPUTS) await walk(p);
	return h.digest('hex').slice(0, 16);
}
const OUT = 'static/demo';

const DEMOS = [
	{
		id: 'open-field-s1',
		scenario: 'open-field',
		seed: 1,
		name: 'Open field — detect and home',
		description: '10 dBm beacon, expanding square, homing to the beacon'
	},
	{
		id: 'urban-s2',
		scenario: 'urban',
		seed: 2,
		name: 'Urban — shadowing and multipath',
		description: 'Heavy shadowing, harder homing'
	},
	{
		id: 'interference-s3',
		scenario: 'interference',
		seed: 3,
		name: 'Interference — false positive',
		description: 'An interference burst triggers a false detection'
	},
	{
		id: 'no-beacon-s4',
		scenario: 'no-beacon',
		seed: 4,
		name: 'No beacon in range',
		description: 'A full search that never finds the beacon'
	}
] as const;

async function dirBytes(dir: string): Promise<{ files: string[]; bytes: number }> {
	const files = (await readdir(dir)).filter((f) => f.endsWith('.parquet')).sort();
	let bytes = 0;
	for (const f of files) bytes += (await stat(join(dir, f))).size;
	return { files, bytes };
}

async function main() {
	const indexPath = join(OUT, 'index.json');
	const DEMO_VERSION = await inputsHash();
	const existing = await readFile(indexPath, 'utf8').catch(() => null);
	if (
		existing &&
		(JSON.parse(existing) as { version?: string }).version === DEMO_VERSION &&
		!process.argv.includes('--force')
	) {
		console.log(`demo missions up to date (${indexPath})`);
		return;
	}
	await rm(OUT, { recursive: true, force: true });
	await mkdir(OUT, { recursive: true });
	const missions = [];
	for (const d of DEMOS) {
		const t0 = performance.now();
		const result = simulateMission({ seed: d.seed, scenario: d.scenario, missionId: d.id });
		const row = result.tables.mission[0];
		if (row) row.name = d.name;
		const dir = join(OUT, d.id);
		// Demo folders ship Parquet only (the smallest form); .duckdb and JSONL stay simulator output.
		await writeMission(result, dir, { parquet: true, duckdb: false, jsonl: false });
		const { files, bytes } = await dirBytes(dir);
		const m = result.tables.mission[0];
		const duration_s = m && m.ended_at ? (m.ended_at - m.started_at) / 1000 : 0;
		await writeFile(join(dir, 'index.json'), JSON.stringify({ files }, null, 1));
		missions.push({
			id: d.id,
			name: d.name,
			scenario: d.scenario,
			description: d.description,
			path: `demo/${d.id}/`,
			files,
			bytes,
			duration_s
		});
		console.log(
			`demo ${d.id}: ${(bytes / 1e6).toFixed(2)} MB in ${Math.round(performance.now() - t0)} ms`
		);
	}
	await writeFile(indexPath, JSON.stringify({ version: DEMO_VERSION, missions }, null, 1));
}

await main();
