import { describe, expect, it } from 'vitest';
import {
	Table,
	Utf8,
	tableFromArrays,
	tableFromIPC,
	tableToIPC,
	vectorFromArray
} from 'apache-arrow';
import { concatStreams } from './ipc-concat';

// Plain Utf8 strings, as the writer's exact streams have (tableFromArrays would make dictionaries).
const stream = (from: number, n: number) =>
	tableToIPC(
		new Table({
			id: vectorFromArray(
				Array.from({ length: n }, (_, i) => `m-${from + i}`),
				new Utf8()
			),
			x: vectorFromArray(Float64Array.from({ length: n }, (_, i) => from + i))
		}),
		'stream'
	);

describe('concatStreams', () => {
	it('joins streams of one schema into one stream of all their rows, in order', () => {
		const joined = concatStreams([stream(0, 3), stream(3, 1000), stream(1003, 2)]);
		const t = tableFromIPC(joined as Uint8Array);
		expect(t.numRows).toBe(1005);
		expect([...(t.getChild('x') ?? [])].slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
		expect(t.getChild('id')?.get(1004)).toBe('m-1004');
	});

	it('gives null for streams whose schemas differ, or that are not framed as streams', () => {
		const other = tableToIPC(tableFromArrays({ id: ['a'] }), 'stream');
		expect(concatStreams([stream(0, 2), other])).toBeNull();
		expect(
			concatStreams([stream(0, 2), tableToIPC(tableFromArrays({ id: ['a'] }), 'file')])
		).toBeNull();
		expect(concatStreams([stream(0, 2), new Uint8Array(4)])).toBeNull();
		// Dictionary batches are not joined (their ids would repeat).
		const dict = (n: number) =>
			tableToIPC(tableFromArrays({ id: Array.from({ length: n }, (_, i) => `d${i}`) }), 'stream');
		expect(concatStreams([dict(2), dict(3)])).toBeNull();
	});

	it('hands a single stream back as it is', () => {
		const s = stream(0, 2);
		expect(concatStreams([s])).toBe(s);
		expect(concatStreams([])).toBeNull();
	});
});
