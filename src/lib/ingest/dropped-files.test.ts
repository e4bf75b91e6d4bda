import { describe, expect, it } from 'vitest';
import { chunker, isLibrary, type PickedFile } from './dropped-files';

const p = (...paths: string[]) => paths.map((path) => ({ path }));

describe('isLibrary', () => {
	it('one mission folder, one file or one database is not a library', () => {
		expect(isLibrary(p('m1/mission.parquet', 'm1/rssi_sample.parquet'))).toBe(false);
		expect(isLibrary(p('pisad.duckdb'))).toBe(false);
		expect(isLibrary(p('rssi_sample.parquet', 'mission.parquet'))).toBe(false);
	});
	it('several mission folders or several databases are', () => {
		expect(isLibrary(p('lib/m1/mission.parquet', 'lib/m2/mission.parquet'))).toBe(true);
		expect(isLibrary(p('a.duckdb', 'b.duckdb'))).toBe(true);
		expect(isLibrary(p('a.zip', 'm1/mission.parquet'))).toBe(true);
	});
});

describe('chunker', () => {
	const unit = (name: string, size: number): PickedFile[] => [
		{ path: `${name}/mission.parquet`, file: new File([new Uint8Array(size)], 'mission.parquet') }
	];
	const all = (take: () => PickedFile[][] | null) => {
		const out: string[][] = [];
		for (let c = take(); c; c = take()) out.push(c.map((u) => u[0]?.path.split('/')[0] ?? ''));
		return out;
	};
	it('makes chunks of units and bytes, in order', () => {
		const units = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => unit(n, 10));
		expect(all(chunker(units, { units: 3, bytes: 1e6 }))).toEqual([
			['a', 'b', 'c'],
			['d', 'e', 'f'],
			['g']
		]);
		// About `bytes` a chunk; a unit bigger than that is a chunk of its own.
		const sized = [unit('a', 10), unit('b', 30), unit('c', 10), unit('d', 10)];
		expect(all(chunker(sized, { units: 3, bytes: 25 }))).toEqual([['a'], ['b'], ['c', 'd']]);
	});
});
