import { describe, expect, it } from 'vitest';
import {
	cellText,
	errorLine,
	gridWindow,
	groupSchema,
	lineOffset,
	paramCount,
	parseParam
} from './sql-console';

describe('paramCount', () => {
	it('finds the highest $n outside strings and comments', () => {
		expect(paramCount('SELECT * FROM t WHERE a = $1 AND b > $3')).toBe(3);
		expect(paramCount("SELECT '$5' -- $9\n, $2 /* $7 */")).toBe(2);
		expect(paramCount('SELECT 1')).toBe(0);
	});
});

describe('parseParam', () => {
	it('types values like a person means them', () => {
		expect(parseParam('')).toBeNull();
		expect(parseParam('NULL')).toBeNull();
		expect(parseParam('12.5')).toBe(12.5);
		expect(parseParam('-3e2')).toBe(-300);
		expect(parseParam('true')).toBe(true);
		expect(parseParam('open-field-s1')).toBe('open-field-s1');
	});
});

describe('errorLine / lineOffset', () => {
	it('reads DuckDB "LINE n:" markers', () => {
		expect(
			errorLine('Parser Error: syntax error at or near "FORM"\n\nLINE 2: FORM x\n        ^')
		).toBe(2);
		expect(errorLine('Catalog Error: Table with name x does not exist!')).toBeNull();
		expect(lineOffset('SELECT 1\nFORM x\n', 2)).toBe(9);
	});
});

describe('groupSchema', () => {
	it('groups columns by table, tables before views', () => {
		const g = groupSchema([
			{
				table_schema: 'main',
				table_name: 'v',
				table_type: 'VIEW',
				column_name: 'a',
				data_type: 'INTEGER'
			},
			{
				table_schema: 'main',
				table_name: 't',
				table_type: 'BASE TABLE',
				column_name: 'x',
				data_type: 'DOUBLE'
			},
			{
				table_schema: 'main',
				table_name: 't',
				table_type: 'BASE TABLE',
				column_name: 'y',
				data_type: 'VARCHAR'
			},
			{
				table_schema: 'u',
				table_name: 'w',
				table_type: 'BASE TABLE',
				column_name: 'z',
				data_type: 'BIGINT'
			}
		]);
		expect(g.map((t) => t.name)).toEqual(['t', 'u.w', 'v']);
		expect(g[0]?.columns).toEqual([
			{ name: 'x', type: 'DOUBLE' },
			{ name: 'y', type: 'VARCHAR' }
		]);
	});
});

describe('gridWindow', () => {
	it('renders only the rows in view', () => {
		const w = gridWindow(0, 400, 24, 1_000_000);
		expect(w.first).toBe(0);
		expect(w.last - w.first).toBeLessThanOrEqual(18);
		expect(w.spacer).toBe(8_000_000);
	});
	it('reaches the very last row of a million at the bottom of a capped spacer', () => {
		const w = gridWindow(8_000_000, 400, 24, 1_000_000);
		expect(w.last).toBe(1_000_000);
		expect(w.first).toBeGreaterThan(1_000_000 - 18);
	});
	it('is exact (no scaling) when the rows fit', () => {
		const w = gridWindow(240, 400, 24, 100);
		expect(w).toMatchObject({ spacer: 2400, first: 10, offset: 0 });
	});
	it('handles no rows', () => {
		expect(gridWindow(0, 400, 24, 0)).toMatchObject({ first: 0, last: 0 });
	});
});

describe('cellText', () => {
	it('formats values for the grid', () => {
		expect(cellText(null)).toBe('');
		expect(cellText(3)).toBe('3');
		expect(cellText(0.1 + 0.2)).toBe('0.3');
		expect(cellText({ a: 1 })).toBe('{"a":1}');
	});
});
