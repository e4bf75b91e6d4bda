import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableToIPC, tableFromArrays } from 'apache-arrow';
import { soon } from './held';
import { openNodeDb } from './node';
import type { Db } from './types';

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
});
afterAll(async () => db?.close());

describe('held statements (Db.defer)', () => {
	it('run before the next statement, in order, and not before it', async () => {
		await soon(db, 'CREATE TABLE held_t (a INTEGER)');
		await soon(db, 'INSERT INTO held_t VALUES (1), (2)');
		// Nothing ran yet: another connection to the same catalog does not find the table.
		const other = await (db.fork as () => Promise<Db>)();
		await expect(other.query('SELECT count(*) AS n FROM held_t')).rejects.toThrow(/held_t/);
		await other.close();
		// With a plain query, in one script; with bound params, first on their own.
		expect(await db.query('SELECT count(*)::INTEGER AS n FROM held_t')).toEqual([{ n: 2 }]);
		await soon(db, 'INSERT INTO held_t VALUES (3)');
		expect(await db.query('SELECT sum(a)::INTEGER AS s FROM held_t WHERE a > $1', [0])).toEqual([
			{ s: 6 }
		]);
		await db.exec('DROP TABLE held_t');
	});

	it('run before an Arrow append, and a failing one is the next call’s error', async () => {
		await soon(db, 'CREATE TEMP TABLE held_arrow (a INTEGER)');
		const ipc = tableToIPC(tableFromArrays({ a: Int32Array.from([7, 8]) }), 'stream');
		await (db.insertArrowIpc as NonNullable<Db['insertArrowIpc']>)('held_arrow', ipc, true);
		expect(await db.query('SELECT sum(a)::INTEGER AS s FROM held_arrow')).toEqual([{ s: 15 }]);
		await soon(db, 'INSERT INTO no_such_table VALUES (1)');
		await expect(db.query('SELECT 1 AS one')).rejects.toThrow(/no_such_table/);
		// Taken with the call that failed: the next one runs clean.
		expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
	});
});
