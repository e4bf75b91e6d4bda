/**
 * Simulated missions for tests/sql/signal.test.ts, loaded the way the product loads them: the
 * project's writer makes a Parquet folder, ingest reads it into the same DuckDB-WASM
 * engine the browser runs (openNodeDb).
 *
 * The simulator's tables are cached as JSON in the OS temp folder under a hash of the simulator
 * and signal-chain sources plus scenario and seed: a 1-hour mission takes the simulator 10–20 s,
 * which would put this file over its time budget on every run. Any source change misses the cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MissionTables } from '../../src/lib/contract';
import type { Db } from '../../src/lib/db/types';
import { ingest } from '../../src/lib/ingest';
import { simulateMission } from '../../src/lib/sim';
import { parquetFiles, writeMissionDir } from './mission-files';

const SRC = fileURLToPath(new URL('../../src/lib/', import.meta.url));

/** Hash of every source the simulated rows depend on. */
function sourceHash(): string {
	const h = createHash('sha256');
	for (const dir of ['sim', 'signal']) {
		for (const f of readdirSync(path.join(SRC, dir)).sort()) {
			if (f.endsWith('.ts') && !f.endsWith('.test.ts'))
				h.update(readFileSync(path.join(SRC, dir, f)));
		}
	}
	h.update(readFileSync(path.join(SRC, 'contract.ts')));
	return h.digest('hex').slice(0, 16);
}

/** The simulator's tables for (scenario, seed), from the cache when the sources are unchanged. */
export function simulatedTables(scenario: string, seed: number): MissionTables {
	const dir = path.join(tmpdir(), 'pisad-signal-tests');
	const file = path.join(dir, `${sourceHash()}-${scenario}-s${seed}.json`);
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as MissionTables;
	const { tables } = simulateMission({ seed, scenario });
	mkdirSync(dir, { recursive: true });
	writeFileSync(file, JSON.stringify(tables));
	return tables;
}

/** A generated mission: its id and the simulator's own tables (the truth the tests check). */
export interface TestMission {
	id: string;
	scenario: string;
	seed: number;
	tables: MissionTables;
}

/** Loads one mission's tables the product's way: Parquet folder → ingest. */
export async function loadMission(db: Db, tables: MissionTables): Promise<void> {
	const id = tables.mission[0]?.mission_id ?? '';
	const res = await ingest(db, parquetFiles(await writeMissionDir(tables, id)));
	if (res.missionIds.join() !== id) throw new Error(`loaded ${res.missionIds.join()} for ${id}`);
}

/** Simulates (or reads from the cache) and loads missions through Parquet; in the given order. */
export async function loadSimulated(
	db: Db,
	specs: readonly { scenario: string; seed: number }[]
): Promise<TestMission[]> {
	const out: TestMission[] = [];
	for (const s of specs) {
		const tables = simulatedTables(s.scenario, s.seed);
		await loadMission(db, tables);
		out.push({ id: tables.mission[0]?.mission_id ?? '', ...s, tables });
	}
	return out;
}
