import { describe, expect, it } from 'vitest';
import { isLibrary } from './dropped-files';

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
