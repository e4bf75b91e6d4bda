/**
 * The review page's own queries (detections, search pattern, telemetry series, RSSI histogram),
 * on a simulated open-field mission, checked against the simulator's rows.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MissionTables } from '../../src/lib/contract';
import type { Db } from '../../src/lib/db/types';
import { openNodeDb } from '../../src/lib/db/node';
import { ingest } from '../../src/lib/ingest';
import { detectionList } from '../../src/lib/queries/detection-list';
import { rssiHistogram } from '../../src/lib/queries/rssi-histogram';
import { searchPattern } from '../../src/lib/queries/search-pattern';
import { telemetrySeries } from '../../src/lib/queries/telemetry-series';
import { track } from '../../src/lib/queries/track';
import { simulateMission } from '../../src/lib/sim';
import { writeMission } from '../../src/node/mission-writer';
import { parquetFiles } from '../support/mission-files';

const ID = 'review-open-field-3';
let db: Db;
let tables: MissionTables;

beforeAll(async () => {
	const sim = simulateMission({ seed: 3, scenario: 'open-field', missionId: ID });
	tables = sim.tables;
	const dir = join(await mkdtemp(join(tmpdir(), 'pisad-review-')), ID);
	await writeMission(sim, dir, { parquet: true, duckdb: false, jsonl: false });
	db = await openNodeDb();
	await ingest(db, parquetFiles(dir));
});
afterAll(() => db?.close());

describe('review queries', () => {
	test('detection_list returns every detection in time order with its position', async () => {
		const rows = await detectionList(db, ID);
		expect(rows).toHaveLength(tables.detection.length);
		const want = [...tables.detection].sort((a, b) => a.t_rel_s - b.t_rel_s);
		rows.forEach((r, i) => {
			expect(r.t_rel_s).toBeCloseTo(want[i]?.t_rel_s ?? NaN, 6);
			expect(r.lat_deg).toBe(want[i]?.lat_deg);
			expect(r.rssi_dbm).toBe(want[i]?.rssi_dbm);
		});
	});

	test('search_pattern returns the waypoints in order with reach times', async () => {
		const p = await searchPattern(db, ID);
		expect(p?.pattern_type).toBe(tables.search_pattern[0]?.pattern_type);
		expect(p?.waypoints.map((w) => w.idx)).toEqual(tables.waypoint.map((w) => w.idx).sort((a, b) => a - b));
		const start = tables.mission[0]?.started_at ?? 0;
		const firstReached = tables.waypoint.find((w) => w.reached_at !== null);
		const got = p?.waypoints.find((w) => w.idx === firstReached?.idx);
		// µs timestamps: 1e-3 s is far below any waypoint spacing, far above float noise.
		expect(got?.reached_s).toBeCloseTo(((firstReached?.reached_at ?? 0) - start) / 1000, 3);
		expect(await searchPattern(db, 'nope')).toBeNull();
	});

	test('telemetry_series buckets keep the extremes of sats and hdop and the mean of the rest', async () => {
		const rows = await telemetrySeries(db, ID, 100);
		expect(rows.length).toBeGreaterThan(50);
		expect(rows.length).toBeLessThanOrEqual(101);
		const sats = tables.vehicle_telemetry.map((v) => v.gps_sats ?? Infinity);
		expect(Math.min(...rows.map((r) => r.gps_sats ?? Infinity))).toBe(Math.min(...sats));
		const hdop = tables.vehicle_telemetry.map((v) => v.gps_hdop ?? -Infinity);
		expect(Math.max(...rows.map((r) => r.gps_hdop ?? -Infinity))).toBe(Math.max(...hdop));
		const alt = tables.vehicle_telemetry.map((v) => v.alt_rel_m ?? 0);
		const meanAlt = alt.reduce((s, x) => s + x, 0) / alt.length;
		// Bucket means of equal-size buckets average back to the overall mean (within one bucket's weight).
		const bucketMean = rows.reduce((s, r) => s + (r.alt_rel_m ?? 0), 0) / rows.length;
		expect(Math.abs(bucketMean - meanAlt)).toBeLessThan(2);
	});

	test('rssi_histogram counts every finite sample once, per state', async () => {
		const rows = await rssiHistogram(db, ID, 2);
		const total = rows.reduce((s, r) => s + r.n, 0);
		expect(total).toBe(tables.rssi_sample.filter((s) => Number.isFinite(s.rssi_dbm ?? NaN)).length);
		const searching = tables.rssi_sample.filter((s) => s.system_state === 'SEARCHING').length;
		expect(rows.filter((r) => r.system_state === 'SEARCHING').reduce((s, r) => s + r.n, 0)).toBe(searching);
		for (const state of new Set(rows.map((r) => r.system_state))) {
			const share = rows.filter((r) => r.system_state === state).reduce((s, r) => s + r.share, 0);
			expect(share).toBeCloseTo(1, 9);
		}
	});

	test('track carries heading, speed and SNR for replay and colouring', async () => {
		const rows = await track(db, ID, 500);
		expect(rows.length).toBeLessThanOrEqual(500);
		expect(rows.every((r) => r.heading_deg !== null && r.snr_db !== null)).toBe(true);
	});
});
