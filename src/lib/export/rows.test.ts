import { describe, expect, it } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
import { columnKind, columnsOf, rowsToCsv, rowsToJson, rowsToParquet, safeFileName } from './rows';

const rows = [
	{ t: 1_700_000_000_000, name: 'a, "quoted"\nline', snr_db: 12.5, detected: true, extra: null },
	{ t: 1_700_000_000_100, name: 'plain', snr_db: null, detected: false, extra: { k: [1, 2] } }
];

describe('rowsToCsv', () => {
	it('quotes commas, quotes and newlines (RFC 4180) and leaves nulls empty', () => {
		const csv = rowsToCsv(rows);
		expect(csv.split('\r\n')[0]).toBe('t,name,snr_db,detected,extra');
		expect(csv).toContain('1700000000000,"a, ""quoted""\nline",12.5,true,\r\n');
		expect(csv).toContain('1700000000100,plain,,false,"{""k"":[1,2]}"\r\n');
	});
	it('writes only the header for no rows', () => {
		expect(rowsToCsv([], ['a', 'b'])).toBe('a,b\r\n');
	});
});

describe('rowsToJson', () => {
	it('round-trips and turns non-finite numbers into null', () => {
		expect(JSON.parse(rowsToJson(rows))).toEqual(rows);
		expect(rowsToJson([{ x: NaN, y: Infinity }])).toBe('[{"x":null,"y":null}]');
	});
});

describe('rowsToParquet', () => {
	it('writes a file hyparquet reads back with the same values', async () => {
		const bytes = rowsToParquet(rows, columnsOf(rows), { 'pisad.export': 'test' });
		expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('PAR1');
		const back = await parquetReadObjects({ file: bytes.slice().buffer });
		expect(back).toHaveLength(2);
		expect(back[0]).toMatchObject({ t: 1_700_000_000_000, snr_db: 12.5, detected: true });
		expect(back[0]?.name).toBe(rows[0]?.name);
		expect(back[1]?.snr_db).toBeNull();
		expect(JSON.parse(String(back[1]?.extra))).toEqual({ k: [1, 2] });
	});
	it('types columns by their values', () => {
		expect(columnKind(rows, 't')).toBe('DOUBLE');
		expect(columnKind(rows, 'detected')).toBe('BOOLEAN');
		expect(columnKind(rows, 'name')).toBe('STRING');
		expect(columnKind([{ m: 1 }, { m: 'x' }], 'm')).toBe('JSON');
	});
	it('handles a million rows quickly', () => {
		const many = Array.from({ length: 1_000_000 }, (_, i) => ({ range: i }));
		const t0 = performance.now();
		const bytes = rowsToParquet(many);
		expect(bytes.length).toBeGreaterThan(1000);
		expect(performance.now() - t0).toBeLessThan(15_000);
	});
});

describe('safeFileName', () => {
	it('strips path and markup characters from data-provided names', () => {
		expect(safeFileName('../<img src=x>/Open field — s1', 'csv')).toBe(
			'img-src-x-Open-field-s1.csv'
		);
		expect(safeFileName('', 'json')).toBe('export.json');
	});
});
