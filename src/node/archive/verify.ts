/**
 * `archive verify`: every data file opens, the manifest's row counts match the rows in the files,
 * every part it lists exists, its row-group index (`ranges`) says where each mission's rows are
 * in each file (a manifest without it is an older archive: readers use the footers), no data file is outside the manifest and no temp directory of an
 * interrupted write is left.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MANIFEST, TABLES } from './layout';
import { openNative, rowsOf, sqlStr } from './native';
import { missionRanges } from './ranges';
import { strayTemps } from './write';

export interface VerifyReport {
	problems: string[];
	missions: number;
	hours: number;
	files: number;
	bytes: number;
	rows: Record<string, number>;
}

function dataFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string): void => {
		for (const e of readdirSync(d, { withFileTypes: true }))
			if (e.isDirectory()) walk(join(d, e.name));
			else if (e.name.endsWith('.parquet')) out.push(relative(dir, join(d, e.name)));
	};
	for (const t of TABLES) if (existsSync(join(dir, t))) walk(join(dir, t));
	return out.sort();
}

/** Check the archive at `dir`. */
export async function verifyArchive(dir: string): Promise<VerifyReport> {
	const problems = strayTemps(dir).map(
		(t) => `${join(dir, t)}: temp directory of an interrupted add (not in the archive; delete it)`
	);
	const report: VerifyReport = { problems, missions: 0, hours: 0, files: 0, bytes: 0, rows: {} };
	const manifest = join(dir, MANIFEST);
	if (!existsSync(manifest)) {
		problems.push(`${manifest}: no manifest (not an archive, or nothing added yet)`);
		return report;
	}
	const con = await openNative();
	try {
		type M = { mission_id: string; parts: string[]; duration_s: number | null } & Record<
			string,
			unknown
		>;
		let missions: M[];
		try {
			missions = await rowsOf<M>(con, `SELECT * FROM read_parquet(${sqlStr(manifest)})`);
		} catch (e) {
			problems.push(`${manifest}: does not open (${e instanceof Error ? e.message : e})`);
			return report;
		}
		report.missions = missions.length;
		report.hours = missions.reduce((h, m) => h + (m.duration_s ?? 0), 0) / 3600;
		const listed = new Set(missions.flatMap((m) => m.parts));
		const found = new Map<string, number>();
		for (const f of dataFiles(dir)) {
			report.files++;
			report.bytes += statSync(join(dir, f)).size;
			if (!listed.has(f))
				problems.push(`${join(dir, f)}: data file not in the manifest (an interrupted add?)`);
			const table = f.slice(0, f.indexOf('/'));
			try {
				const rows = await rowsOf<{ id: string; n: number }>(
					con,
					`SELECT mission_id AS id, count(*) AS n FROM read_parquet(${sqlStr(join(dir, f))}) GROUP BY ALL`
				);
				for (const r of rows) {
					if (listed.has(f))
						found.set(`${table}\t${r.id}`, (found.get(`${table}\t${r.id}`) ?? 0) + r.n);
					report.rows[table] = (report.rows[table] ?? 0) + r.n;
				}
			} catch (e) {
				problems.push(
					`${join(dir, f)}: does not open (${e instanceof Error ? e.message.split('\n')[0] : e})`
				);
			}
		}
		problems.push(...(await indexProblems(con, dir, missions)));
		for (const m of missions) {
			for (const p of m.parts)
				if (!existsSync(join(dir, p)))
					problems.push(`${join(dir, p)}: part of mission ${m.mission_id} is missing`);
			for (const t of TABLES) {
				const want = Number(m[`rows_${t}`] ?? 0);
				const got = found.get(`${t}\t${m.mission_id}`) ?? 0;
				if (want !== got)
					problems.push(
						`mission ${m.mission_id}: manifest says ${want} ${t} rows, the files hold ${got}`
					);
			}
		}
	} finally {
		con.closeSync();
	}
	return report;
}

/**
 * Missions whose index entries differ from what their files say now (computed again from the
 * files that exist, as the writer does); missions without an index are an older archive's.
 */
async function indexProblems(
	con: DuckDBConnection,
	dir: string,
	missions: { mission_id: string; parts: string[]; ranges?: unknown }[]
): Promise<string[]> {
	const indexed = missions.filter((m) => Array.isArray(m.ranges));
	const parts = indexed.flatMap((m) =>
		m.parts
			.filter((p) => existsSync(join(dir, p)))
			.map((part) => ({ mission_id: m.mission_id, part }))
	);
	try {
		await missionRanges(con, dir, parts);
	} catch (e) {
		return [
			`${join(dir, MANIFEST)}: the row-group index could not be checked (${e instanceof Error ? e.message.split('\n')[0] : e})`
		];
	}
	const found = new Map(
		(
			await rowsOf<{ mission_id: string; ranges: unknown }>(con, 'SELECT * FROM mission_ranges')
		).map((r) => [r.mission_id, JSON.stringify(r.ranges)])
	);
	return indexed
		.filter((m) => JSON.stringify(m.ranges) !== (found.get(m.mission_id) ?? '[]'))
		.map(
			(m) =>
				`mission ${m.mission_id}: the manifest's row-group index (ranges) does not match its files (npm run archive -- index ${dir})`
		);
}
