/** Live queries and the Arrow appender on a small hand-made live mission (same wasm engine). */
import { beforeAll, describe, expect, test } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import type { Db } from '$lib/db/types';
import { liveCounts } from '$lib/queries/live-counts';
import { liveHeat } from '$lib/queries/live-heat';
import { ArrowAppender, mergeRows } from './append';
import { RowBuilder } from './rows';
import { liveMissionRow, type LiveRows } from './tables';

const T0 = Date.parse('2025-08-21T01:30:00Z');

function mission(): LiveRows {
	const rb = new RowBuilder('live-test', T0);
	const out: LiveRows = { mission: [liveMissionRow('live-test', T0, '127.0.0.1:8000')] };
	for (let i = 0; i < 100; i++) {
		const t = T0 + i * 100;
		if (i % 5 === 0)
			mergeRows(
				out,
				rb.rows({
					type: 'telemetry',
					t,
					lat: -35.36 + i * 1e-5,
					lon: 149.16,
					alt: 634,
					battery: 90,
					flightMode: 'GUIDED',
					forward: 5,
					gpsStatus: '3D_FIX',
					armed: true
				})
			);
		const snr = i >= 50 && i < 60 ? 20 : 2;
		mergeRows(
			out,
			rb.rows({
				type: 'rssi',
				t: t + 0.25,
				rssi: -100 + snr,
				noiseFloor: -100,
				snr,
				confidence: 50
			})
		);
	}
	mergeRows(out, { safety_event: [rb.gap(T0 + 2000, T0 + 3500)] });
	return out;
}

describe('live queries', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openNodeDb();
		await new ArrowAppender(db).append(mission());
	});

	test('counts what was appended, with the gap duration', async () => {
		const c = await liveCounts(db, 'live-test');
		expect(c).toMatchObject({
			rssi_samples: 100,
			telemetry_samples: 20,
			detections: 1,
			link_gaps: 1,
			gap_s: 1.5
		});
	});

	test('timestamps keep microseconds through the Arrow batch', async () => {
		const r = await db.query<{ t: number }>(
			'SELECT t FROM rssi_sample WHERE mission_id = $1 ORDER BY t LIMIT 1',
			['live-test']
		);
		expect(r[0]?.t).toBeCloseTo(T0 + 0.25, 6);
	});

	test('heat cells: RSSI ASOF-joined to the position at or before it', async () => {
		const cells = await liveHeat(db, 'live-test', 10);
		expect(cells.reduce((s, c) => s + c.n, 0)).toBe(100);
		const strongest = cells.at(-1);
		expect(strongest?.rssi_max_dbm).toBe(-80);
		// Samples 50..59 were taken between the fixes at 50 and 55: 5.5e-4 .. 6e-4 deg north.
		expect(strongest?.lat_deg).toBeGreaterThan(-35.36 + 4.9e-4);
	});
});
