/**
 * mission_origin: a mission whose row has no origin (recorded live: the ground station writes the
 * mission row before its first fix; or imported without one) still gets its beacon estimate and
 * heat map in latitude and longitude, from the origin recovered from its telemetry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db';
import { openNodeDb } from '$lib/db/node';
import { beaconEstimate } from '$lib/queries/spatial-beacon-estimate';
import { heatMap } from '$lib/queries/spatial-heat-map';
import { loadSpatialSims } from '../support/spatial-load';

let db: Db;
let id: string;
beforeAll(async () => {
	db = await openNodeDb();
	const [m] = await loadSpatialSims(db, 'open-field', [1]);
	if (!m) throw new Error('no mission loaded');
	id = m.id;
}, 120_000);
afterAll(async () => db?.close());

describe('mission_origin', () => {
	it('recovers the origin from telemetry to 1e-7° when the mission row has none', async () => {
		const [before] = await beaconEstimate(db, id);
		const heatBefore = await heatMap(db, id, 25);
		const [row] = await db.query<{ lat: number; lon: number }>(
			'SELECT origin_lat_deg AS lat, origin_lon_deg AS lon FROM mission WHERE mission_id = $1',
			[id]
		);
		await db.query(
			'UPDATE mission SET origin_lat_deg = NULL, origin_lon_deg = NULL WHERE mission_id = $1',
			[id]
		);
		const [o] = await db.query<{ lat_deg: number; lon_deg: number }>(
			'SELECT lat_deg, lon_deg FROM mission_origin WHERE mission_id = $1',
			[id]
		);
		expect(Math.abs((o?.lat_deg ?? 0) - (row?.lat ?? NaN))).toBeLessThan(1e-7);
		expect(Math.abs((o?.lon_deg ?? 0) - (row?.lon ?? NaN))).toBeLessThan(1e-7);
		const [after] = await beaconEstimate(db, id);
		expect(after?.est_lat_deg).not.toBeNull();
		expect(Math.abs((after?.est_lat_deg ?? 0) - (before?.est_lat_deg ?? NaN))).toBeLessThan(1e-7);
		expect(Math.abs((after?.est_lon_deg ?? 0) - (before?.est_lon_deg ?? NaN))).toBeLessThan(1e-7);
		const heatAfter = await heatMap(db, id, 25);
		expect(heatAfter.length).toBe(heatBefore.length);
		expect(heatAfter.every((c) => c.lat_deg !== null && c.lon_deg !== null)).toBe(true);
		expect(Math.abs((heatAfter[0]?.lat_deg ?? 0) - (heatBefore[0]?.lat_deg ?? NaN))).toBeLessThan(
			1e-7
		);
	});
});
