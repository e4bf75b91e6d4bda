import { afterAll, beforeAll, expect, test } from 'vitest';
import { openNodeDb } from './node';
import type { Db } from './types';

// Real DuckDB output (the same wasm engine as the browser), not hand-made Arrow.
let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
});
afterAll(() => db?.close());

test('TIMESTAMPTZ and TIMESTAMP → epoch ms with µs as the fraction; DATE → epoch ms', async () => {
	const [r] = await db.query(
		"SELECT TIMESTAMPTZ '2024-01-01 00:00:00.123456+00' AS tz, TIMESTAMP '2024-01-01 00:00:00.5' AS ts, DATE '2024-01-02' AS d"
	);
	expect(r?.tz).toBeCloseTo(Date.UTC(2024, 0, 1) + 123.456, 6);
	expect(r?.ts).toBe(Date.UTC(2024, 0, 1) + 500);
	expect(r?.d).toBe(Date.UTC(2024, 0, 2));
});

test('BIGINT, HUGEINT, DECIMAL → number; NULL → null; NaN stays NaN', async () => {
	const [r] = await db.query(
		"SELECT 9007199254740993::BIGINT AS big, 123456789012::BIGINT AS b, 42::HUGEINT AS h, 1.25::DECIMAL(10,2) AS dc, NULL::DOUBLE AS n, 'NaN'::DOUBLE AS nan, true AS ok, 'x' AS s"
	);
	expect(r?.b).toBe(123456789012);
	expect(r?.big).toBe(2 ** 53); // beyond 2^53: nearest double, documented
	expect(r?.h).toBe(42);
	expect(r?.dc).toBe(1.25);
	expect(r?.n).toBeNull();
	expect(r?.nan).toBeNaN();
	expect(r?.ok).toBe(true);
	expect(r?.s).toBe('x');
});

test('LIST → array, STRUCT → object, nested timestamps converted', async () => {
	const [r] = await db.query(
		"SELECT [1, 2, NULL] AS l, {'a': 1, 'b': 'x', 'c': NULL::VARCHAR} AS st, [{'t': TIMESTAMPTZ '2024-01-01 00:00:00+00'}] AS lt, []::INTEGER[] AS e"
	);
	expect(r?.l).toEqual([1, 2, null]);
	expect(r?.st).toEqual({ a: 1, b: 'x', c: null });
	expect(r?.lt).toEqual([{ t: Date.UTC(2024, 0, 1) }]);
	expect(r?.e).toEqual([]);
});

test('bound params and errors mapped', async () => {
	const rows = await db.query('SELECT $1::INTEGER + 1 AS x, $2 AS s', [41, 'hi']);
	expect(rows).toEqual([{ x: 42, s: 'hi' }]);
	await expect(db.query('SELECT * FROM nope')).rejects.toMatchObject({
		kind: 'missing-table',
		message: 'Table "nope" does not exist'
	});
	await expect(db.query("SELECT 'a'::INTEGER")).rejects.toMatchObject({ kind: 'conversion' });
	expect(await db.version()).toBe('v1.4.3');
});
