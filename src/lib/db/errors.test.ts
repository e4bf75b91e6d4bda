import { expect, test } from 'vitest';
import { DbError, toDbError } from './errors';
import { splitSqlStatements, sortSchemaPaths } from './schema';

test('not a Parquet file → names the file', () => {
	const e = toDbError(new Error('Invalid Input Error: No magic bytes found at end of file'), {
		file: 'm1/rssi_sample.parquet'
	});
	expect(e.kind).toBe('not-parquet');
	expect(e.message).toBe('m1/rssi_sample.parquet is not a Parquet file or is truncated');
	expect(e.detail).toContain('No magic bytes');
	expect(toDbError('parquet file invalid (footer != PAR1)', { file: 'x' }).kind).toBe(
		'not-parquet'
	);
});

test('out of memory, catalog, extension, conversion, sql', () => {
	expect(
		toDbError(new Error('Out of Memory Error: failed to allocate'), { file: 'big.parquet' }).message
	).toBe('big.parquet is too large for this tab (the engine ran out of memory)');
	expect(toDbError('Catalog Error: Table with name foo does not exist!').message).toBe(
		'Table "foo" does not exist'
	);
	expect(
		toDbError(
			'Catalog Error: Table Function with name "read_parquet" is not in the catalog, but it exists in the parquet extension.'
		).kind
	).toBe('missing-extension');
	const c = toDbError("Conversion Error: Could not convert string 'a' to INT32\n\nLINE 1", {
		file: 'f'
	});
	expect(c.message).toBe(
		"f holds a value of the wrong type: Could not convert string 'a' to INT32"
	);
	expect(toDbError('Parser Error: syntax error at or near "x"', { sql: 'x' }).kind).toBe('sql');
});

test('serialises to plain data and keeps DbErrors as they are', () => {
	const e = toDbError(new Error('boom'), { sql: 'SELECT 1' });
	expect(JSON.parse(JSON.stringify(e))).toEqual({
		kind: 'unknown',
		message: 'boom',
		detail: 'boom',
		hint: e.hint,
		sql: 'SELECT 1'
	});
	expect(toDbError(e)).toBe(e);
	expect(e).toBeInstanceOf(DbError);
});

test('statement splitter respects strings, comments and dollar quotes', () => {
	const sql =
		'-- a; comment\nCREATE TABLE a (x VARCHAR); /* b; */ SELECT \';\' AS "x;y";\nSELECT $$a;b$$;\n-- end only';
	expect(splitSqlStatements(sql)).toEqual([
		'-- a; comment\nCREATE TABLE a (x VARCHAR)',
		'/* b; */ SELECT \';\' AS "x;y"',
		'SELECT $$a;b$$'
	]);
	expect(sortSchemaPaths(['/s/20_views.sql', '/s/contract_v1.sql', '/s/10_x.sql'])).toEqual([
		'/s/contract_v1.sql',
		'/s/10_x.sql',
		'/s/20_views.sql'
	]);
});

test('a Parquet file whose pages do not decode is called damaged, not a failed transfer', () => {
	const e = toDbError(new Error('missing eof marker'), { file: 'corrupt.parquet' });
	expect(e.kind).toBe('corrupt-parquet');
	expect(e.message).toBe(
		'corrupt.parquet is a Parquet file whose data is damaged (a compressed page does not decode)'
	);
	expect(e.hint).toMatch(/opening it again will not help/);
});
