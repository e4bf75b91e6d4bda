/**
 * The fleet archive as the browser reads it (issue 17 item 3), over real HTTP with range
 * requests: the manifest lists every mission with its library row and dwell; one mission's rows
 * come in by range reads of its row groups only, its neighbours in those row groups stay out,
 * and the app's KPIs on the loaded rows equal the manifest's (computed natively when added).
 */
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchiveMission } from '$lib/archive/load';
import { readArchive, type ArchiveMission } from '$lib/archive/manifest';
import type { Db } from '$lib/db';
import { openNodeDb } from '$lib/db/node';
import { missionKpiSql } from '$lib/queries/kpi-mission-kpis';
import { addToArchive } from '../../src/node/archive/add';
import { openNative } from '../../src/node/archive/native';
import { stageUnits } from '../../src/node/archive/stage';
import { serveStatic } from '../../src/node/serve';
import { miniMission } from '../support/mini-mission';
import { writeMissionDir } from '../support/mission-files';

let db: Db;
let root: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
/** The same archive as written before the row-group index: its manifest without `ranges`. */
let oldRoot: string;
let oldServer: Awaited<ReturnType<typeof serveStatic>>;
let missions: ArchiveMission[];
const requests: string[] = [];

beforeAll(async () => {
	const dir = join(mkdtempSync(join(tmpdir(), 'pisad-arcb-')), 'fleet');
	const inputs = [];
	for (const [i, id] of ['arb-a', 'arb-b', 'arb-c'].entries())
		inputs.push(await writeMissionDir(miniMission(id, i + 1, 300 + 60 * i), id));
	const r = await addToArchive(inputs, dir, { stage: stageUnits });
	expect(r.added).toHaveLength(3);
	server = await serveStatic(dir, 0);
	root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	const old = `${dir}-old`;
	cpSync(dir, old, { recursive: true });
	const con = await openNative();
	await con.run(
		`COPY (SELECT * EXCLUDE (ranges) FROM read_parquet('${dir}/missions.parquet')) TO '${old}/missions.parquet' (FORMAT parquet)`
	);
	con.closeSync();
	oldServer = await serveStatic(old, 0);
	oldRoot = `http://127.0.0.1:${(oldServer.address() as AddressInfo).port}/`;
	db = await openNodeDb();
}, 180_000);
afterAll(async () => {
	db?.close();
	server?.close();
	oldServer?.close();
});

/** The db, recording the table each Arrow insert goes to (a contract table: appended as it is). */
function inserts(d: Db): { db: Db; tables: string[] } {
	const tables: string[] = [];
	const insert = d.insertArrowIpc?.bind(d);
	return {
		tables,
		db: { ...d, insertArrowIpc: (t, ipc, append) => (tables.push(t), insert!(t, ipc, append)) }
	};
}

/** fetch that records what was asked (method, path and range). */
const recording: typeof fetch = (input, init) => {
	const req = new Request(input, init);
	requests.push(`${req.method} ${new URL(req.url).pathname} ${req.headers.get('range') ?? ''}`);
	return fetch(req);
};

describe('a fleet archive opened by URL', () => {
	it('lists every mission from the manifest alone, with its library row and dwell', async () => {
		missions = await readArchive(root, recording);
		expect(requests).toEqual(['GET /missions.parquet ']);
		expect(missions.map((m) => m.mission_id).sort()).toEqual(['arb-a', 'arb-b', 'arb-c']);
		const b = missions.find((m) => m.mission_id === 'arb-b')!;
		expect(b.row).toMatchObject({ mission_id: 'arb-b', rssi_samples: 360, source: 'sim' });
		expect(typeof b.row.started_at).toBe('number');
		expect(b.dwell.length).toBeGreaterThan(0);
		expect(b.rows.rssi_sample).toBe(360);
		expect(b.ranges()?.map((r) => r.part).sort()).toEqual([...b.parts].sort());
		expect(b.ranges()?.find((r) => r.part.startsWith('rssi_sample/'))?.rows).toBe(360);
	});

	it('loads one mission by range reads; its neighbours stay out; KPIs equal the manifest', async () => {
		requests.length = 0;
		const b = missions.find((m) => m.mission_id === 'arb-b')!;
		const spy = inserts(db);
		const r = await loadArchiveMission(spy.db, root, b, recording);
		expect(r.missionIds).toEqual(['arb-b']);
		// The index said which rows are the mission's: every table appended as it is, no stage table.
		expect(spy.tables.length).toBe(b.parts.length);
		expect(spy.tables).not.toContain('ingest_stage');
		// By the index: one range read per file (its row groups and footer, small files), no
		// size request, no whole file.
		expect(requests.every((q) => q.startsWith('GET') && q.includes('bytes='))).toBe(true);
		expect(requests).toHaveLength(b.parts.length);
		const n = await db.query<{ id: string; n: number }>(
			'SELECT mission_id AS id, count(*)::DOUBLE AS n FROM rssi_sample GROUP BY ALL'
		);
		expect(n).toEqual([{ id: 'arb-b', n: 360 }]);
		const [k] = await missionKpiSql(db, 'arb-b');
		for (const key of ['rssi_samples', 'detections', 'time_to_detection_s', 'detection_range_m'])
			expect(k?.[key as keyof typeof k]).toEqual(b.row[key]);
		// A second open is a no-op that says so.
		const again = await loadArchiveMission(db, root, b, recording);
		expect(again.missionIds).toEqual([]);
	});

	it('opens an archive written before the index by the files\' footers, with the same rows', async () => {
		const listed = await readArchive(oldRoot);
		const b = listed.find((m) => m.mission_id === 'arb-b')!;
		expect(b.ranges()).toBeNull();
		expect(b.row).toEqual(missions.find((m) => m.mission_id === 'arb-b')!.row);
		const other = await openNodeDb();
		try {
			requests.length = 0;
			const spy = inserts(other);
			expect((await loadArchiveMission(spy.db, oldRoot, b, recording)).missionIds).toEqual(['arb-b']);
			// Without the index the row groups hold neighbours too: staged and filtered.
			expect(spy.tables).toContain('ingest_stage');
			expect(requests.filter((q) => q.startsWith('HEAD'))).toHaveLength(b.parts.length);
			const sql = 'SELECT * FROM rssi_sample ORDER BY t';
			expect(await other.query(sql)).toEqual(await db.query(sql));
		} finally {
			other.close();
		}
	});

	it('names the URL when there is no archive there', async () => {
		await expect(readArchive(`${root}nowhere/`)).rejects.toThrow(/nowhere\/missions\.parquet answered HTTP 404/);
	});
});
