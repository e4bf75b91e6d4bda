/**
 * `npm run generate -- --hours N --archive DIR`: a test archive of N flight hours. A few hours of
 * missions are simulated once (cached in `.bench/archive-base-s<seed>/`) and added to a base
 * archive through the app's ingest, then REPLICATED under new ids and shifted dates across a
 * season (replicate.ts): simulating 1 000 hours would take about ten hours on this machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { addToArchive } from './add';
import { MANIFEST } from './layout';
import { replicateArchive } from './replicate';

/** Hours of simulated missions the copies are made of (varied scenarios). */
export const BASE_HOURS = 3;

/** The base archive for `seed`, simulated and added once. */
export async function baseArchive(seed: number): Promise<string> {
	const root = `.bench/archive-base-s${seed}`;
	const missions = join(root, 'missions');
	const archive = join(root, 'archive');
	if (existsSync(join(archive, MANIFEST))) return archive;
	if (!existsSync(missions) || !readdirSync(missions).length)
		execFileSync(
			'npx',
			[
				'tsx',
				'src/node/generate.ts',
				'--hours',
				String(BASE_HOURS),
				'--out',
				missions,
				'--seed',
				String(seed),
				'--no-duckdb'
			],
			{ stdio: 'inherit' }
		);
	// Contract Parquet only: a capture beside it would import as another mission.
	for (const m of readdirSync(missions))
		for (const f of readdirSync(join(missions, m)))
			if (!f.endsWith('.parquet')) rmSync(join(missions, m, f), { force: true });
	rmSync(archive, { recursive: true, force: true });
	const r = await addToArchive(
		readdirSync(missions).map((m) => join(missions, m)),
		archive
	);
	if (!r.added.length)
		throw new Error(`the base missions could not be added: ${r.problems.join('; ')}`);
	return archive;
}

/** Build the archive at `dir` (which must not hold an archive yet) with `hours` of flight. */
export async function generateArchive(dir: string, hours: number, seed: number) {
	if (existsSync(join(dir, MANIFEST)))
		throw new Error(`${dir} holds an archive already; choose a new folder`);
	const base = await baseArchive(seed);
	return replicateArchive(base, dir, hours, (line) => console.log(line));
}
