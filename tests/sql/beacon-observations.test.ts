/**
 * beacon_observations through the real DuckDB-WASM engine: the per-pulse peaks of a simulated
 * mission equal a plain-JS reference (positions interpolated from the simulator's own rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db';
import { openNodeDb } from '$lib/db/node';
import { pulsePeaks } from '$lib/beacon/observations';
import { beaconObservations } from '$lib/queries/spatial-beacon-observations';
import { positionedSamples } from '../../src/node/beacon-sim';
import { loadSpatialSims, type SpatialMission } from '../support/spatial-load';

let db: Db;
let m: SpatialMission;

beforeAll(async () => {
	db = await openNodeDb();
	[m] = (await loadSpatialSims(db, 'open-field', [2])) as [SpatialMission];
}, 120_000);
afterAll(async () => {
	await db?.close();
});

describe('beacon_observations', () => {
	it('returns one pulse peak per second with its position, as the JS reference', async () => {
		const rows = await beaconObservations(db, m.id);
		const ref = pulsePeaks(positionedSamples(m.tables), 1);
		expect(rows.length).toBe(ref.length);
		rows.forEach((r, i) => {
			const e = ref[i]!;
			expect(r.t_rel_s).toBeCloseTo(e.t_rel_s, 6);
			expect(r.rssi_dbm).toBeCloseTo(e.rssi_dbm, 9);
			expect(r.snr_db).toBeCloseTo(e.snr_db, 9);
			expect(r.north_m).toBeCloseTo(e.north_m, 3);
			expect(r.east_m).toBeCloseTo(e.east_m, 3);
			expect(r.alt_rel_m).toBeCloseTo(e.alt_rel_m, 3);
		});
	});

	it('returns no row for an unknown mission', async () => {
		expect(await beaconObservations(db, 'nope')).toEqual([]);
	});
});
