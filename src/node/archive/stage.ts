/**
 * Inputs through the app's own ingest (the browser's importers, in the same wasm engine the unit
 * tests run) into staging files that native DuckDB then writes as the archive. Loaded
 * by Vite's module runner (vite-load.ts): the ingest imports Vite-only assets (`?url`, SQL globs).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CONTRACT_TABLES } from '../../lib/contract';
import { openNodeDb } from '../../lib/db/node';
import { ingest, IngestError, type NamedBytes } from '../../lib/ingest';
import { initParquetWasm } from '../../lib/ingest/parquet-wasm';
import { sqlStr } from './native';

/** One input as given on the command line: its files, named relative to its parent folder. */
export interface Unit {
	input: string;
	files: NamedBytes[];
}

/** What one input gave: its new missions and where each came from, or why it gave none. */
export interface Staged {
	input: string;
	/** mission_id → the file or folder it came from (relative to the input's parent). */
	missions: Record<string, string>;
	notes: string[];
	/** Parts of the input that could not be read, each naming its file and the problem. */
	errors: string[];
}

const require = createRequire(import.meta.url);

/**
 * Ingest every unit (each on its own: a bad one is named and skipped), then write every contract
 * table to `<outDir>/<table>.csv` for native DuckDB. Why CSV: the wasm engine in Node has no
 * Parquet writer, and a `.duckdb` it writes to disk came back without its tables past a few
 * hours of data; DuckDB's CSV writes doubles in round-trip form and times to the microsecond.
 */
export async function stageUnits(units: Unit[], outDir: string): Promise<Staged[]> {
	await initParquetWasm(readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')));
	const db = await openNodeDb();
	const ids = async () =>
		(await db.query<{ id: string }>('SELECT mission_id AS id FROM mission')).map((r) => r.id);
	const out: Staged[] = [];
	try {
		for (const u of units) {
			const before = new Set(await ids());
			const s: Staged = { input: u.input, missions: {}, notes: [], errors: [] };
			try {
				const r = await ingest(db, u.files);
				s.notes.push(...r.notes.map((n) => `${n.file}: ${n.message}`));
				s.errors.push(...r.errors.map((e) => e.message));
				for (const src of r.sources)
					for (const id of src.missionIds) s.missions[id] = sourceOf(src.files);
			} catch (e) {
				s.errors.push(e instanceof IngestError || e instanceof Error ? e.message : String(e));
			}
			// Missions a failing file left loaded (each loads in its own transaction) are whole.
			for (const id of await ids()) if (!before.has(id)) s.missions[id] ??= u.input;
			out.push(s);
		}
		for (const t of CONTRACT_TABLES)
			await db.exec(
				`COPY (SELECT * FROM pisad.${t}) TO ${sqlStr(join(outDir, `${t}.csv`))} (FORMAT csv, HEADER)`
			);
	} finally {
		await db.close();
	}
	return out;
}

/** A load unit's name: its folder when it is several files, else the file. */
function sourceOf(files: string[]): string {
	const first = files[0] ?? '';
	if (files.length === 1) return first;
	return first.slice(0, Math.max(0, first.lastIndexOf('/'))) || first;
}
