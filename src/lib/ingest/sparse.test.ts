import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, test } from 'vitest';
import { columnSpan, parquetInfoAsync, parquetToIpc, piecesToIpc, prefetched } from './parquet';
import { sparseAsyncBuffer, type SparseFile } from './sparse';

const bytes = (from: number, n: number): Uint8Array =>
	Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);
const read = async (f: SparseFile, a: number, b?: number): Promise<number[]> => [
	...new Uint8Array(await sparseAsyncBuffer(f).slice(a, b))
];

describe('sparseAsyncBuffer', () => {
	// Bytes 10–19 and 20–29 (adjacent), 50–59 (apart); each byte holds its offset.
	const file: SparseFile = {
		name: 'm/rssi_sample.parquet',
		byteLength: 60,
		pieces: [
			{ offset: 50, bytes: bytes(50, 10) },
			{ offset: 10, bytes: bytes(10, 10) },
			{ offset: 20, bytes: bytes(20, 10) }
		]
	};
	const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

	test('a slice inside one piece', async () => {
		expect(await read(file, 12, 17)).toEqual(range(12, 17));
		expect(await read(file, 50)).toEqual(range(50, 60));
		expect(await read(file, 14, 14)).toEqual([]);
	});

	test('a slice across two adjacent pieces', async () => {
		expect(await read(file, 15, 25)).toEqual(range(15, 25));
		expect(await read(file, 10, 30)).toEqual(range(10, 30));
	});

	test('a slice across overlapping pieces, or from a view into a larger buffer', async () => {
		const big = bytes(0, 40);
		const f: SparseFile = {
			name: 'x',
			byteLength: 40,
			pieces: [
				{ offset: 0, bytes: big.subarray(0, 12) },
				{ offset: 8, bytes: big.subarray(8, 40) }
			]
		};
		expect(await read(f, 4, 30)).toEqual(range(4, 30));
		expect(await read(f, 9, 11)).toEqual([9, 10]);
	});

	test('a byte of no piece throws, naming the file and the bytes; nothing is fetched', async () => {
		const buf = sparseAsyncBuffer(file);
		await expect(buf.slice(0, 5)).rejects.toThrow(
			/m\/rssi_sample\.parquet: bytes 0–5 were not fetched/
		);
		await expect(buf.slice(25, 35)).rejects.toThrow(/bytes 30–35 were not fetched/);
		await expect(buf.slice(45, 55)).rejects.toThrow(/bytes 45–55 were not fetched/);
		await expect(buf.slice(55, 61)).rejects.toThrow(/outside the file \(60 bytes\)/);
	});
});

describe('piecesToIpc', () => {
	const n = 5000;
	const whole = new Uint8Array(
		parquetWriteBuffer({
			columnData: [
				{ name: 'mission_id', data: Array.from({ length: n }, () => 'm1'), type: 'STRING' },
				{ name: 'junk', data: Array.from({ length: n }, (_, i) => `x${i}`), type: 'STRING' },
				{
					name: 'rssi_dbm',
					data: Array.from({ length: n }, (_, i) => -90 + (i % 40)),
					type: 'DOUBLE'
				},
				{ name: 'seq', data: Array.from({ length: n }, (_, i) => i), type: 'DOUBLE' }
			],
			rowGroupSize: 1000
		})
	);
	const ranged = (reads: [number, number][]) => ({
		byteLength: whole.length,
		slice(a: number, b = whole.length) {
			reads.push([a, b]);
			return whole.slice(a, b).buffer;
		}
	});
	const cols = [
		{ name: 'mission_id', type: 'VARCHAR' },
		{ name: 'rssi_dbm', type: 'DOUBLE' }
	];

	test('footer and column span only: the same IPC as the whole file', async () => {
		const reads: [number, number][] = [];
		const src = ranged(reads);
		const info = await parquetInfoAsync(src);
		const span = columnSpan(
			info.metadata,
			cols.map((c) => c.name)
		);
		expect(span).not.toBeNull();
		const piece = await prefetched(src, span!, Promise.resolve()).piece;
		const file = { name: 't.parquet', byteLength: whole.length, pieces: [...info.footer, piece] };
		expect(await piecesToIpc(file, cols)).toEqual(await parquetToIpc(whole, cols));
		// Without the column chunks, decoding fails clearly instead of reading elsewhere.
		await expect(piecesToIpc({ ...file, pieces: info.footer }, cols)).rejects.toThrow(
			/t\.parquet: bytes \d+–\d+ were not fetched/
		);
	});
});
