/** The live recorder's Arrow batches keep every value: only timestamps are made whole (µs). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import type { RssiSampleRow, VehicleTelemetryRow } from '$lib/contract';
import { ArrowAppender } from './append';
import { liveMissionRow } from './tables';

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
});
afterAll(async () => db?.close());

describe('ArrowAppender', () => {
	test('fractional positions, levels and times arrive unrounded', async () => {
		const t = Date.UTC(2026, 10, 26, 12, 0, 0) + 0.123;
		const id = 'live-append-test';
		const base = { mission_id: id, t, t_rel_s: 1.25 };
		await new ArrowAppender(db).append({
			mission: [liveMissionRow(id, t, '127.0.0.1:8000')],
			vehicle_telemetry: [
				{
					...base,
					lat_deg: -35.363261,
					lon_deg: 149.16523,
					alt_amsl_m: 634.4,
					alt_rel_m: 50.4,
					north_m: 12.345,
					east_m: -6.789
				} as VehicleTelemetryRow
			],
			rssi_sample: [
				{
					...base,
					seq: 7,
					rssi_dbm: -87.65,
					noise_floor_dbm: -107.25,
					snr_db: 19.6
				} as RssiSampleRow
			]
		});
		const [v] = await db.query<Record<string, number>>(
			`SELECT lat_deg, lon_deg, alt_rel_m, north_m, east_m, t_rel_s, epoch_us(t) AS us
			 FROM vehicle_telemetry WHERE mission_id = $1`,
			[id]
		);
		expect(v).toMatchObject({
			lat_deg: -35.363261,
			lon_deg: 149.16523,
			alt_rel_m: 50.4,
			north_m: 12.345,
			east_m: -6.789,
			t_rel_s: 1.25
		});
		expect(Number(v?.us)).toBe(Math.round(t * 1000));
		const [r] = await db.query<Record<string, number>>(
			'SELECT seq, rssi_dbm, noise_floor_dbm, snr_db FROM rssi_sample WHERE mission_id = $1',
			[id]
		);
		expect(r).toMatchObject({ seq: 7, rssi_dbm: -87.65, noise_floor_dbm: -107.25, snr_db: 19.6 });
	});
});
