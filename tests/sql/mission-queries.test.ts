import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MissionTables } from '../../src/lib/contract';
import type { Db } from '../../src/lib/db/types';
import { openNodeDb } from '../../src/lib/db/node';
import { IngestError, ingest } from '../../src/lib/ingest';
import { deleteMission } from '../../src/lib/queries/mission-delete';
import { missionList } from '../../src/lib/queries/mission-list';
import { missionSummary } from '../../src/lib/queries/mission-summary';
import { rssiSeries } from '../../src/lib/queries/rssi-series';
import { track } from '../../src/lib/queries/track';
import { duckdbFile, parquetFiles, writeMissionDir } from '../support/mission-files';
import { miniMission, percentileCont } from '../support/mini-mission';

let db: Db;
let a: MissionTables;
let b: MissionTables;
let dirA = '';
let dirB = '';

beforeAll(async () => {
	a = miniMission('mini-a', 1, 400);
	b = miniMission('mini-b', 2, 300);
	[dirA, dirB] = await Promise.all([writeMissionDir(a, 'mini-a'), writeMissionDir(b, 'mini-b')]);
	db = await openNodeDb();
	const res = await ingest(db, parquetFiles(dirA));
	expect(res.missionIds).toEqual(['mini-a']);
});
afterAll(() => db?.close());

const nums = (xs: (number | null)[]): number[] => xs.filter((x): x is number => x !== null);

describe('mission queries on a hand-made mission', () => {
	test('mission_list', async () => {
		const [row] = await missionList(db);
		const rssi = nums(a.rssi_sample.map((s) => s.rssi_dbm));
		expect(row).toMatchObject({
			mission_id: 'mini-a', name: 'Mini mini-a', source: 'sim', scenario: 'mini',
			started_at: a.mission[0]?.started_at, rssi_samples: 400, detections: a.detection.length,
			max_rssi_dbm: Math.max(...rssi)
		});
		expect(row?.duration_s).toBeCloseTo(40, 9);
	});

	test('mission_summary', async () => {
		const s = await missionSummary(db, 'mini-a');
		const rssi = nums(a.rssi_sample.map((x) => x.rssi_dbm));
		expect(s?.rssi_samples).toBe(400);
		expect(s?.telemetry_samples).toBe(200);
		expect(s?.max_rssi_dbm).toBe(Math.max(...rssi));
		expect(s?.noise_floor_p10_dbm).toBeCloseTo(percentileCont(rssi, 0.1) ?? NaN, 9);
		expect(s?.detections).toBe(a.detection.length);
		expect(s?.first_detection_s).toBeCloseTo(Math.min(...a.detection.map((d) => d.t_rel_s)), 9);
		expect(s?.states_visited).toEqual(['IDLE', 'SEARCHING', 'DETECTING', 'HOMING']);
		expect(s?.beacon_lat_deg).toBe(47.001);
		expect(s?.beacon_lon_deg).toBe(8.002);
		expect(await missionSummary(db, 'nope')).toBeNull();
	});

	test('track: decimated, with rssi and state as of each point', async () => {
		const withPos = a.vehicle_telemetry.filter((v) => v.lat_deg !== null && v.lon_deg !== null);
		const all = await track(db, 'mini-a', 10_000);
		expect(all).toHaveLength(withPos.length);
		const some = await track(db, 'mini-a', 25);
		expect(some).toHaveLength(25);
		expect(some[0]?.t_rel_s).toBeCloseTo(withPos[0]?.t_rel_s ?? NaN, 9);
		for (const p of some) {
			const asOf = a.rssi_sample.filter((s) => s.t_rel_s <= p.t_rel_s).at(-1);
			expect(p.rssi_dbm).toBe(asOf?.rssi_dbm ?? null);
			expect(p.system_state).toBe(asOf?.system_state ?? null);
		}
	});

	test('rssi_series: one row per sample when short, time buckets when long', async () => {
		expect(await rssiSeries(db, 'mini-a', 1000)).toHaveLength(400);
		const rows = await rssiSeries(db, 'mini-a', 10);
		expect(rows).toHaveLength(10);
		const t1 = 39.9;
		for (let k = 0; k < 10; k++) {
			const inB = a.rssi_sample.filter((s) => Math.min(Math.floor((s.t_rel_s * 10) / t1), 9) === k);
			const row = rows[k];
			expect(row?.samples).toBe(inB.length);
			expect(row?.rssi_max_dbm).toBe(Math.max(...nums(inB.map((s) => s.rssi_dbm))));
			expect(row?.detected).toBe(inB.some((s) => s.detected));
		}
	});
});

describe('ingest', () => {
	test('the .duckdb gives the same summary as the Parquet folder', async () => {
		const other = await openNodeDb();
		try {
			const res = await ingest(other, [duckdbFile(dirA)]);
			expect(res.missionIds).toEqual(['mini-a']);
			expect(await missionSummary(other, 'mini-a')).toEqual(await missionSummary(db, 'mini-a'));
		} finally {
			await other.close();
		}
	});

	test('loading the same mission twice does not duplicate', async () => {
		const res = await ingest(db, [...parquetFiles(dirA), duckdbFile(dirA)]);
		expect(res.missionIds).toEqual([]);
		expect(res.notes.length).toBeGreaterThan(0);
		expect((await missionSummary(db, 'mini-a'))?.rssi_samples).toBe(400);
	});

	test('a truncated Parquet names the file and leaves other missions intact', async () => {
		const files = parquetFiles(dirB).map((f) =>
			f.name.endsWith('rssi_sample.parquet') ? { ...f, bytes: f.bytes.slice(0, f.bytes.length >> 1) } : f
		);
		const err = await ingest(db, files).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(IngestError);
		expect((err as IngestError).message).toBe('mini-b/rssi_sample.parquet is not a Parquet file or is truncated');
		expect((err as IngestError).file).toBe('mini-b/rssi_sample.parquet');
		expect((await missionList(db)).map((m) => m.mission_id)).toEqual(['mini-a']);
		expect((await missionSummary(db, 'mini-a'))?.rssi_samples).toBe(400);
	});

	test('deleteMission removes every row of one mission only', async () => {
		await ingest(db, parquetFiles(dirB));
		await deleteMission(db, 'mini-b');
		expect((await missionList(db)).map((m) => m.mission_id)).toEqual(['mini-a']);
		const [left] = await db.query<{ n: number }>("SELECT count(*) AS n FROM rssi_sample WHERE mission_id = 'mini-b'");
		expect(left?.n).toBe(0);
	});
});
