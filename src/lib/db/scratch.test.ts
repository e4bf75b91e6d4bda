import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from './node';
import type { Db } from './types';

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
});
afterAll(async () => db?.close());

const columns = (s: Db, table: string) =>
	s.query<{ column_name: string; is_nullable: string }>(
		`SELECT column_name, is_nullable FROM information_schema.columns
		 WHERE table_catalog = current_database() AND table_name = $1 ORDER BY ordinal_position`,
		[table]
	);

describe('a scratch catalog (Db.scratch)', () => {
	it('empties its tables and keeps them as narrowed, its views and macros working', async () => {
		const s = await (db.scratch as NonNullable<Db['scratch']>)([
			'ALTER TABLE rssi_sample DROP COLUMN rssi_raw_dbm'
		]);
		try {
			const before = await columns(s, 'rssi_sample');
			expect(before.map((c) => c.column_name)).not.toContain('rssi_raw_dbm');
			await s.exec(
				`INSERT INTO mission (mission_id, started_at) VALUES ('m1', TIMESTAMPTZ '2026-01-01 00:00:00Z');
				 INSERT INTO rssi_sample (mission_id, t, t_rel_s, rssi_dbm)
				 VALUES ('m1', TIMESTAMPTZ '2026-01-01 00:00:01Z', 1, -80)`
			);
			await s.empty();
			const counts = await s.query<{ m: number; r: number }>(
				'SELECT (SELECT count(*) FROM mission)::INT AS m, (SELECT count(*) FROM rssi_sample)::INT AS r'
			);
			expect(counts).toEqual([{ m: 0, r: 0 }]);
			expect(await columns(s, 'rssi_sample')).toEqual(before);
			// Constraints as they were: a mission without a start is refused.
			await expect(s.exec(`INSERT INTO mission (mission_id) VALUES ('m2')`)).rejects.toThrow(
				/NOT NULL/i
			);
			// The schema's views read the new tables; the app's catalog is untouched.
			await s.exec(
				`INSERT INTO rssi_sample (mission_id, t, t_rel_s, rssi_dbm)
				 VALUES ('m3', TIMESTAMPTZ '2026-01-01 00:00:02Z', 2, -70)`
			);
			expect(await s.query('SELECT count(*)::INT AS n FROM rssi_geo')).toEqual([{ n: 1 }]);
			expect(await db.query('SELECT count(*)::INT AS n FROM rssi_sample')).toEqual([{ n: 0 }]);
			// Twice in a row, then closed with the drop still held: no error.
			await s.empty();
			await s.empty();
			expect(await s.query('SELECT count(*)::INT AS n FROM rssi_sample')).toEqual([{ n: 0 }]);
			await s.empty();
		} finally {
			await s.close();
		}
	});
});
