/**
 * `archive add`: inputs through the app's ingest (stage.ts), then the missions the archive does
 * not hold yet written as one batch (write.ts). The same mission (id and content hash) again
 * changes nothing; the same id with other content is named and not added; a bad input is named
 * and skipped while the rest is added.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSchemaStatements } from '../../lib/db/node';
import { readInputs } from './inputs';
import type { ContractTable } from '../../lib/contract';
import { MANIFEST, TABLES, batchId, createdTable } from './layout';
import { openNative, rowsOf, sqlStr } from './native';
import type { Staged, Unit } from './stage';
import { viteImport } from './vite-load';
import { contentHashes, writeBatch, type NewMission } from './write';

/** What an add did, in words for the user and ids for tests. */
export interface AddReport {
	added: string[];
	unchanged: string[];
	/** Problems, each naming its file or mission. */
	problems: string[];
	notes: string[];
	files: string[];
}

export interface AddOptions {
	/** Called once the batch is written aside, before any rename (tests simulate a crash). */
	beforeRename?: () => void;
	/** The stager, when the caller runs under Vite already (tests): else loaded through Vite. */
	stage?: (units: Unit[], outDir: string) => Promise<Staged[]>;
}

/** Add `inputs` (paths) to the archive at `dir`. */
export async function addToArchive(
	inputs: string[],
	dir: string,
	opts: AddOptions = {}
): Promise<AddReport> {
	const report: AddReport = { added: [], unchanged: [], problems: [], notes: [], files: [] };
	const units: Unit[] = [];
	for (const input of inputs) {
		const r = readInputs(input);
		if (typeof r === 'string') report.problems.push(r);
		else units.push(r);
	}
	if (!units.length) return report;
	const work = mkdtempSync(join(tmpdir(), 'pisad-archive-'));
	try {
		const staged = await stage(units, work, opts.stage);
		for (const s of staged) {
			report.problems.push(...s.errors);
			report.notes.push(...s.notes);
		}
		const con = await openNative();
		try {
			await loadStaged(con, work);
			const fresh = await choose(con, dir, staged, report);
			if (!fresh.length) return report;
			for (const s of readSchemaStatements()) await con.run(s);
			const ids = `(SELECT unnest(${sqlStr(JSON.stringify(fresh.map((m) => m.mission_id)))}::JSON::VARCHAR[]))`;
			for (const t of TABLES)
				await con.run(`INSERT INTO ${t} SELECT * FROM staged.${t} WHERE mission_id IN ${ids}`);
			report.files = await writeBatch(con, dir, fresh, {
				batch: batchId(),
				beforeRename: opts.beforeRename
			});
			report.added = fresh.map((m) => m.mission_id);
		} finally {
			con.closeSync();
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	return report;
}

/** The staged tables (stage.ts) into schema `staged`, typed by the contract's DDL. */
async function loadStaged(con: DuckDBConnection, dir: string): Promise<void> {
	await con.run('CREATE SCHEMA staged');
	await con.run('USE memory.staged');
	for (const s of readSchemaStatements())
		if (TABLES.includes(createdTable(s) as ContractTable)) await con.run(s);
	await con.run('USE memory.main');
	for (const t of TABLES)
		await con.run(
			`COPY staged.${t} FROM ${sqlStr(join(dir, `${t}.csv`))} (FORMAT csv, HEADER, ALLOW_QUOTED_NULLS false)`
		);
}

/** The staged missions to write: not in the archive yet, each once. */
async function choose(
	con: DuckDBConnection,
	dir: string,
	staged: Staged[],
	report: AddReport
): Promise<NewMission[]> {
	const hashes = await contentHashes(con, 'staged.');
	const manifest = join(dir, MANIFEST);
	const kept = new Map(
		existsSync(manifest)
			? (
					await rowsOf<{ mission_id: string; content_hash: string; source: string }>(
						con,
						`SELECT mission_id, content_hash, source FROM read_parquet(${sqlStr(manifest)})`
					)
				).map((r) => [r.mission_id, r])
			: []
	);
	const fresh: NewMission[] = [];
	for (const s of staged)
		for (const [id, source] of Object.entries(s.missions)) {
			const hash = hashes.get(id) ?? '';
			const old = kept.get(id);
			if (old?.content_hash === hash) report.unchanged.push(id);
			else if (old)
				report.problems.push(
					`${source}: mission ${id} is in the archive already (from ${old.source}) with other content; not added`
				);
			else if (!fresh.some((m) => m.mission_id === id))
				fresh.push({ mission_id: id, source, content_hash: hash });
		}
	return fresh;
}

/** Run the stager given, or load the app's ingest through Vite's module runner. */
async function stage(units: Unit[], outDir: string, given: AddOptions['stage']) {
	if (given) return given(units, outDir);
	const { mod, close } = await viteImport<typeof import('./stage')>('/src/node/archive/stage.ts');
	try {
		return await mod.stageUnits(units, outDir);
	} finally {
		await close();
	}
}
