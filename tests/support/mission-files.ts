/** Write missions to temp folders (with the project's writer) and read them back as NamedFiles. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MissionTables } from '../../src/lib/contract';
import type { NamedBytes } from '../../src/lib/ingest';
import { writeMission } from '../../src/node/mission-writer';

/** Write `tables` as `<tmp>/<folder>/{<table>.parquet, mission.duckdb}`; returns the folder path. */
export async function writeMissionDir(tables: MissionTables, folder: string): Promise<string> {
	const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pisad-sql-')), folder);
	await writeMission({ tables }, dir, { jsonl: false });
	return dir;
}

/** The Parquet files of a mission folder, named `<folder>/<file>` as a dropped folder would be. */
export function parquetFiles(dir: string): NamedBytes[] {
	const folder = path.basename(dir);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.parquet'))
		.map((f) => ({
			name: `${folder}/${f}`,
			bytes: new Uint8Array(readFileSync(path.join(dir, f)))
		}));
}

/** The mission.duckdb of a mission folder. */
export function duckdbFile(dir: string): NamedBytes {
	return {
		name: `${path.basename(dir)}.duckdb`,
		bytes: new Uint8Array(readFileSync(path.join(dir, 'mission.duckdb')))
	};
}
