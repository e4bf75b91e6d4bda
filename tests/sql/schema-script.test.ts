/**
 * The schema and a scratch catalog's DDL run as one script (one exec, one worker round trip in
 * the browser): statements whose last line is a comment must still end where they end.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openNodeDb } from '$lib/db/node';
import { oneScript, splitSqlStatements } from '$lib/db/schema';
import type { Db } from '$lib/db/types';

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
});
afterAll(async () => db?.close());

it('runs split statements as one script, a trailing line comment included', async () => {
	const text = `CREATE TABLE script_a (x INTEGER); -- made here
INSERT INTO script_a VALUES (1), (2) -- two rows
;
INSERT INTO script_a VALUES (3)`;
	await db.exec(oneScript(splitSqlStatements(text)));
	expect(await db.query('SELECT count(*)::INTEGER AS n FROM script_a')).toEqual([{ n: 3 }]);
});
