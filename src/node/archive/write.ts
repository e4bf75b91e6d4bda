/**
 * One batch into the archive: the missions in the work database's contract tables are written
 * as new Parquet files per table and partition in `<dir>/.tmp-<batch>/` with the new manifest
 * (old rows plus the batch's, with the new files' row-group index), then renamed into place, the manifest last. A failure before the
 * renames removes the temp directory and leaves the archive as it was; a crash leaves the temp
 * directory, which `verify` reports. Old data files are never rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CONTRACT_VERSION, CONTRACT_VERSION_KEY, type ContractTable } from '../../lib/contract';
import { batchManifestSql, type BatchMission } from './manifest';
import { MANIFEST, ROW_GROUP_ROWS, TABLES, TEMP_PREFIX, orderOf, partPath } from './layout';
import { rowsOf, sqlStr } from './native';
import { missionRanges, withRanges } from './ranges';

/** Where each new mission came from and its content hash. */
export interface NewMission {
	mission_id: string;
	source: string;
	content_hash: string;
}

export interface BatchOptions {
	batch: string;
	/** Called after every file is written aside, before the first rename (tests fail here). */
	beforeRename?: () => void;
	/**
	 * The batch's manifest rows as a SELECT (default: the app's SQL on the batch's rows; copies
	 * of archived missions reuse their originals' rows, see replicate.ts).
	 */
	manifestSql?: (con: DuckDBConnection, missions: BatchMission[]) => Promise<string>;
}

/**
 * A content hash per mission of the tables in `schema` ('' = the main catalog): SHA-256 over
 * each table's row count and the sum of DuckDB's hash of its rows, so it does not depend on row
 * order or on which file shape the mission came in.
 */
export async function contentHashes(
	con: DuckDBConnection,
	schema = ''
): Promise<Map<string, string>> {
	const parts = new Map<string, string[]>();
	for (const t of TABLES) {
		const rows = await rowsOf<{ id: string; n: number; h: string }>(
			con,
			`SELECT mission_id AS id, count(*) AS n, sum(hash(r))::HUGEINT::VARCHAR AS h
			 FROM ${schema}${t} r GROUP BY ALL`
		);
		for (const r of rows) parts.set(r.id, [...(parts.get(r.id) ?? []), `${t}:${r.n}:${r.h}`]);
	}
	const out = new Map<string, string>();
	for (const [id, p] of parts) out.set(id, createHash('sha256').update(p.join('\n')).digest('hex'));
	return out;
}

/** Write the missions of the work database's contract tables as one batch; returns its files. */
export async function writeBatch(
	con: DuckDBConnection,
	dir: string,
	missions: NewMission[],
	opts: BatchOptions
): Promise<string[]> {
	const tmp = join(dir, `${TEMP_PREFIX}${opts.batch}`);
	mkdirSync(tmp, { recursive: true });
	try {
		const files = await writeAside(con, dir, tmp, missions, opts);
		opts.beforeRename?.();
		for (const f of files) {
			mkdirSync(dirname(join(dir, f)), { recursive: true });
			renameSync(join(tmp, f), join(dir, f));
		}
		renameSync(join(tmp, MANIFEST), join(dir, MANIFEST));
		rmSync(tmp, { recursive: true, force: true });
		return files;
	} catch (e) {
		rmSync(tmp, { recursive: true, force: true });
		throw e;
	}
}

async function writeAside(
	con: DuckDBConnection,
	dir: string,
	tmp: string,
	missions: NewMission[],
	{ batch, manifestSql = batchManifestSql }: BatchOptions
): Promise<string[]> {
	await con.run(
		'CREATE OR REPLACE TEMP TABLE part AS SELECT mission_id, year(started_at) AS y, month(started_at) AS mo FROM mission'
	);
	const facts = new Map<string, BatchMission>(
		missions.map((m) => [
			m.mission_id,
			{ ...m, rows: {} as Record<ContractTable, number>, parts: [] }
		])
	);
	const files: string[] = [];
	for (const t of TABLES) {
		const counts = await rowsOf<{ id: string; n: number; y: number; mo: number }>(
			con,
			`SELECT p.mission_id AS id, p.y, p.mo, count(r.mission_id) AS n
			 FROM part p LEFT JOIN ${t} r USING (mission_id) GROUP BY ALL`
		);
		const partitions = new Set<string>();
		for (const c of counts) {
			const f = facts.get(c.id);
			if (!f) continue;
			f.rows[t] = c.n;
			if (c.n === 0) continue;
			const path = partPath(t, c.y, c.mo, batch);
			f.parts.push(path);
			partitions.add(JSON.stringify([c.y, c.mo, path]));
		}
		for (const key of partitions) {
			const [y, mo, path] = JSON.parse(key) as [number, number, string];
			mkdirSync(dirname(join(tmp, path)), { recursive: true });
			await con.run(
				`COPY (SELECT * FROM ${t} WHERE mission_id IN (SELECT mission_id FROM part WHERE y = ${y} AND mo = ${mo})
				 ORDER BY ${orderOf(t)}) TO ${sqlStr(join(tmp, path))}
				 (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS},
				  KV_METADATA { ${sqlStr(CONTRACT_VERSION_KEY)}: ${sqlStr(CONTRACT_VERSION)} })`
			);
			files.push(path);
		}
	}
	// The row-group index of the new files (read back from them, as a reader will find them).
	const written = [...facts.values()].flatMap((f) =>
		f.parts.map((part) => ({ mission_id: f.mission_id, part }))
	);
	await missionRanges(con, tmp, written);
	const fresh = withRanges(await manifestSql(con, [...facts.values()]));
	const old = join(dir, MANIFEST);
	const all = existsSync(old)
		? `SELECT * FROM read_parquet(${sqlStr(old)}) UNION ALL BY NAME ${fresh}`
		: fresh;
	await con.run(
		`COPY (SELECT * FROM (${all}) ORDER BY started_at, mission_id) TO ${sqlStr(join(tmp, MANIFEST))}
		 (FORMAT parquet, COMPRESSION zstd)`
	);
	return files;
}

/** Stray temp directories of interrupted writes. */
export function strayTemps(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(TEMP_PREFIX)) : [];
}
