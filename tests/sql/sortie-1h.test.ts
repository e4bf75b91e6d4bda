import { afterAll, beforeAll, expect, test } from 'vitest';
import { simulateMission } from '../../src/lib/sim';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { ingest } from '../../src/lib/ingest';
import { missionList } from '../../src/lib/queries/mission-list';
import { missionSummary } from '../../src/lib/queries/mission-summary';
import { rssiSeries } from '../../src/lib/queries/rssi-series';
import { track } from '../../src/lib/queries/track';
import { parquetFiles, writeMissionDir } from '../support/mission-files';
import { percentileCont } from '../support/mini-mission';
import type { MissionTables } from '../../src/lib/contract';

// A simulated 1-hour sortie (36,000 RSSI rows) through the real loader; timings are printed.
let db: Db;
let tables: MissionTables;
let id = '';
const ms = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
	const t0 = performance.now();
	const out = await f();
	console.log(`[timing] ${label}: ${(performance.now() - t0).toFixed(0)} ms`);
	return out;
};

beforeAll(async () => {
	tables = simulateMission({ seed: 7, scenario: 'sortie-1h' }).tables;
	id = tables.mission[0]?.mission_id ?? '';
	const dir = await writeMissionDir(tables, 'sortie');
	db = await ms('openNodeDb', () => openNodeDb());
	const res = await ms('load 1 h mission (Parquet folder)', () => ingest(db, parquetFiles(dir)));
	expect(res.missionIds).toEqual([id]);
});
afterAll(() => db?.close());

test('1-hour sortie: queries answer the simulator truth, quickly', async () => {
	const rssi = tables.rssi_sample.map((r) => r.rssi_dbm).filter((x): x is number => x !== null);
	const [row] = await ms('mission_list', () => missionList(db));
	expect(row?.rssi_samples).toBe(tables.rssi_sample.length);
	const s = await ms('mission_summary', () => missionSummary(db, id));
	expect(s?.telemetry_samples).toBe(tables.vehicle_telemetry.length);
	expect(s?.max_rssi_dbm).toBe(Math.max(...rssi));
	expect(s?.noise_floor_p10_dbm).toBeCloseTo(percentileCont(rssi, 0.1) ?? NaN, 9);
	expect(s?.detections).toBe(tables.detection.length);
	const tr = await ms('track (2000 points)', () => track(db, id, 2000));
	expect(tr).toHaveLength(2000);
	const series = await ms('rssi_series (1500 buckets)', () => rssiSeries(db, id, 1500));
	expect(series.length).toBeLessThanOrEqual(1500);
	expect(series.reduce((n, r) => n + r.samples, 0)).toBe(tables.rssi_sample.length);
});
