/**
 * The fleet archive (issue 17): `add` through the app's ingest into Hive-partitioned Parquet and
 * a manifest (idempotent, a bad file named and skipped, a failure before the renames leaves the
 * archive as it was), `verify`, and the app's SQL answering the same on native DuckDB over the
 * archive as in the wasm engine over the same missions.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db';
import { openNodeDb } from '$lib/db/node';
import { ingest } from '$lib/ingest';
import { missionKpiSql } from '$lib/queries/kpi-mission-kpis';
import { heatMap } from '$lib/queries/spatial-heat-map';
import { addToArchive } from '../../src/node/archive/add';
import { nativeDb, openArchive } from '../../src/node/archive/fleet-db';
import { openNative, rowsOf } from '../../src/node/archive/native';
import { indexArchive } from '../../src/node/archive/ranges';
import { replicateArchive } from '../../src/node/archive/replicate';
import { stageUnits } from '../../src/node/archive/stage';
import { verifyArchive } from '../../src/node/archive/verify';
import { miniMission } from '../support/mini-mission';
import { parquetFiles, writeMissionDir } from '../support/mission-files';

const dirs: Record<string, string> = {};
let archive: string;
const add = (paths: string[], beforeRename?: () => void) =>
	addToArchive(paths, archive, { stage: stageUnits, beforeRename });

/** Every file under `dir` with its bytes, to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string): void => {
		for (const e of readdirSync(d, { withFileTypes: true }))
			if (e.isDirectory()) walk(join(d, e.name));
			else out[relative(dir, join(d, e.name))] = readFileSync(join(d, e.name)).toString('base64');
	};
	walk(dir);
	return out;
}

beforeAll(async () => {
	archive = join(mkdtempSync(join(tmpdir(), 'pisad-arc-')), 'fleet');
	for (const [i, id] of ['arc-a', 'arc-b', 'arc-c'].entries())
		dirs[id] = await writeMissionDir(miniMission(id, i + 1, 300 + 60 * i), id);
}, 120_000);

describe('archive add and verify', () => {
	it('adds mission folders as partitioned Parquet with a manifest, and verify agrees', async () => {
		const r = await add([dirs['arc-a']!, dirs['arc-b']!]);
		expect(r.added.sort()).toEqual(['arc-a', 'arc-b']);
		expect(r.problems).toEqual([]);
		expect(r.files).toContain(`rssi_sample/year=2025/month=01/${r.files[0]!.split('/').pop()}`);
		const v = await verifyArchive(archive);
		expect(v.problems).toEqual([]);
		expect(v.missions).toBe(2);
		expect(v.rows.rssi_sample).toBe(300 + 360);
		const con = await openNative();
		const m = await rowsOf(con, `SELECT * FROM read_parquet('${archive}/missions.parquet') ORDER BY mission_id`);
		con.closeSync();
		expect(m.map((x) => [x.mission_id, x.rows_rssi_sample, x.mission_source])).toEqual([
			['arc-a', 300, 'sim'],
			['arc-b', 360, 'sim']
		]);
		expect(m[0]?.source).toMatch(/^arc-a(\/|$)/);
		expect((m[0]?.parts as string[]).every((p) => p.endsWith('.parquet'))).toBe(true);
	});

	it('adding the same missions again changes nothing and says so', async () => {
		const before = snapshot(archive);
		const r = await add([dirs['arc-a']!]);
		expect(r.added).toEqual([]);
		expect(r.unchanged).toEqual(['arc-a']);
		expect(snapshot(archive)).toEqual(before);
	});

	it('names a bad file and adds the rest', async () => {
		const bad = join(mkdtempSync(join(tmpdir(), 'pisad-bad-')), 'broken');
		mkdirSync(bad);
		const good = parquetFiles(dirs['arc-b']!)[0]!;
		writeFileSync(join(bad, 'rssi_sample.parquet'), good.bytes.slice(0, 200));
		const r = await add([bad, dirs['arc-c']!]);
		expect(r.added).toEqual(['arc-c']);
		expect(r.problems).toEqual(['broken/rssi_sample.parquet is not a Parquet file or is truncated']);
		expect((await verifyArchive(archive)).problems).toEqual([]);
	});

	it('adds a .duckdb file and a zip of a saved flight', async () => {
		const tmp = mkdtempSync(join(tmpdir(), 'pisad-in-'));
		const db = join(tmp, 'arc-e.duckdb');
		copyFileSync(join(await writeMissionDir(miniMission('arc-e', 5, 150), 'arc-e'), 'mission.duckdb'), db);
		const f = await writeMissionDir(miniMission('arc-f', 6, 150), 'arc-f');
		const zip = join(tmp, 'flight.zip');
		writeFileSync(zip, zipSync(Object.fromEntries(parquetFiles(f).map((x) => [x.name, x.bytes]))));
		const r = await add([db, zip]);
		expect(r.added.sort()).toEqual(['arc-e', 'arc-f']);
		expect((await verifyArchive(archive)).problems).toEqual([]);
	});

	it('indexes where each mission\'s rows are; verify checks it; `index` writes it for an older archive', async () => {
		const copy = `${archive}-idx`;
		cpSync(archive, copy, { recursive: true });
		const manifest = join(copy, 'missions.parquet');
		const con = await openNative();
		const read = (cols: string) =>
			rowsOf<{ mission_id: string; ranges: { part: string; rows: number }[] | null }>(
				con,
				`SELECT ${cols} FROM read_parquet('${manifest}') ORDER BY mission_id`
			);
		const indexed = await read('mission_id, ranges, parts, rows_rssi_sample');
		for (const m of indexed as unknown as { ranges: { part: string; rows: number }[]; parts: string[]; rows_rssi_sample: number }[]) {
			expect(m.ranges.map((r) => r.part).sort()).toEqual([...m.parts].sort());
			expect(m.ranges.find((r) => r.part.startsWith('rssi_sample/'))?.rows).toBe(m.rows_rssi_sample);
		}
		// An archive written before the index: verify is content, `index` writes the same index.
		const rewrite = async (select: string) => {
			await con.run(`CREATE OR REPLACE TABLE m AS ${select}`);
			await con.run(`COPY m TO '${manifest}' (FORMAT parquet)`);
		};
		await rewrite(`SELECT * EXCLUDE (ranges) FROM read_parquet('${manifest}')`);
		expect((await verifyArchive(copy)).problems).toEqual([]);
		expect(await indexArchive(copy)).toBe(indexed.length);
		expect(await read('mission_id, ranges')).toEqual(indexed.map(({ mission_id, ranges }) => ({ mission_id, ranges })));
		// A wrong entry is named.
		await rewrite(
			`SELECT * REPLACE (CASE WHEN mission_id = 'arc-b' THEN list_transform(ranges, r -> struct_update(r, span_start := r.span_start + 1)) ELSE ranges END AS ranges) FROM read_parquet('${manifest}')`
		);
		expect((await verifyArchive(copy)).problems).toEqual([
			`mission arc-b: the manifest's row-group index (ranges) does not match its files (npm run archive -- index ${copy})`
		]);
		con.closeSync();
	});

	it('a failure before the renames leaves the archive as it was', async () => {
		const before = snapshot(archive);
		const other = await writeMissionDir(miniMission('arc-d', 9, 200), 'arc-d');
		await expect(
			add([other], () => {
				throw new Error('simulated crash');
			})
		).rejects.toThrow('simulated crash');
		expect(snapshot(archive)).toEqual(before);
		// A hard crash leaves its temp directory: verify names it.
		mkdirSync(join(archive, '.tmp-crashed'));
		expect((await verifyArchive(archive)).problems).toEqual([
			`${join(archive, '.tmp-crashed')}: temp directory of an interrupted add (not in the archive; delete it)`
		]);
	});
});

describe('a generated archive (copies of the archived missions)', () => {
	it('copies keep their originals\' KPIs in the manifest, as the app\'s SQL finds on them', async () => {
		const big = join(mkdtempSync(join(tmpdir(), 'pisad-rep-')), 'big');
		const r = await replicateArchive(archive, big, 0.5);
		expect(r.missions).toBeGreaterThan(5);
		expect((await verifyArchive(big)).problems).toEqual([]);
		const con = await openArchive(big);
		try {
			const kpis = await missionKpiSql(nativeDb(con), null);
			const manifest = await rowsOf(con, `SELECT * FROM read_parquet('${big}/missions.parquet')`);
			expect(new Set(manifest.map((m) => m.started_at)).size).toBe(manifest.length);
			for (const k of kpis) {
				const m = manifest.find((x) => x.mission_id === k.mission_id)!;
				for (const c of ['duration_s', 'time_to_detection_s', 'detection_range_m', 'false_positives'] as const)
					expect(m[c], `${c} of ${k.mission_id}`).toBeCloseTo(Number(k[c] ?? NaN), 6);
			}
		} finally {
			con.closeSync();
		}
	});
});

describe('the same SQL in the browser engine and on native DuckDB over the archive', () => {
	let wasm: Db;
	let native: Db;
	beforeAll(async () => {
		wasm = await openNodeDb();
		await ingest(wasm, ['arc-a', 'arc-b', 'arc-c'].flatMap((id) => parquetFiles(dirs[id]!)));
		native = nativeDb(await openArchive(archive));
	}, 120_000);
	afterAll(async () => {
		await wasm?.close();
		await native?.close();
	});

	/** Rows compared value by value; numbers to 1e-9 relative (two builds of one engine). */
	const same = (a: Record<string, unknown>[], b: Record<string, unknown>[]): void => {
		expect(b.length).toBe(a.length);
		a.forEach((row, i) => {
			for (const [k, v] of Object.entries(row)) {
				const w = b[i]?.[k];
				if (typeof v === 'number' && typeof w === 'number')
					expect(w, `${k} of row ${i}`).toBeCloseTo(v, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(v) + 1))));
				else expect(w, `${k} of row ${i}`).toEqual(v);
			}
		});
	};

	// The archive also holds arc-e and arc-f (added above): the same three missions are compared.
	it('mission_kpis: every mission, every KPI', async () => {
		const a = await missionKpiSql(wasm, null);
		expect(a.length).toBe(3);
		const b = await missionKpiSql(native, null);
		same(a as never, b.filter((r) => a.some((x) => x.mission_id === r.mission_id)) as never);
	});

	it('heat_map (spatial): every cell of every mission', async () => {
		const a = await heatMap(wasm, null);
		expect(a.length).toBeGreaterThan(10);
		const b = await heatMap(native, null);
		same(a as never, b.filter((r) => a.some((x) => x.mission_id === r.mission_id)) as never);
	});
});
