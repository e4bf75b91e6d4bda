import { describe, expect, it } from 'vitest';
import { MemoryDir } from './dir';
import { LibraryStore, contentHash, parseManifest } from './library-store';

const bytes = (s: string) => new TextEncoder().encode(s);
const mission = (id: string, hash: string) => ({
	mission_id: id,
	hash,
	imported_at: 1,
	row: { mission_id: id, name: id },
	dwell: [{ state: 'SEARCHING', dwell_s: 60 }]
});

describe('LibraryStore', () => {
	it('keeps files and missions across a reopen, each file once by content', async () => {
		const dir = new MemoryDir();
		const a = new LibraryStore(dir, true, 'memory');
		const f = {
			name: 'm1/rssi_sample.parquet',
			bytes: bytes('x'),
			hash: await contentHash(bytes('x'))
		};
		await a.add([f], [mission('m1', f.hash)], () => [f.name]);
		// The same file again under another name: stored once.
		await a.add([{ ...f, name: 'copy/rssi_sample.parquet' }], [mission('m2', f.hash)], () => [
			'copy/rssi_sample.parquet'
		]);
		expect((await dir.list()).length).toBe(2); // one file + the manifest
		const b = new LibraryStore(dir, true, 'memory');
		const m = await b.load();
		expect(m.missions.map((x) => x.mission_id)).toEqual(['m1', 'm2']);
		expect(await b.read(['m2'])).toEqual([{ name: 'm1/rssi_sample.parquet', bytes: bytes('x') }]);
	});

	it('removes missions and then the files no mission needs; forget empties it', async () => {
		const dir = new MemoryDir();
		const s = new LibraryStore(dir, true, 'memory');
		const f1 = { name: 'a.parquet', bytes: bytes('a'), hash: await contentHash(bytes('a')) };
		const f2 = { name: 'b.parquet', bytes: bytes('b'), hash: await contentHash(bytes('b')) };
		await s.add([f1, f2], [mission('a', f1.hash), mission('b', f2.hash)], (id) => [
			`${id}.parquet`
		]);
		await s.remove(['a']);
		expect(s.manifest.files.map((f) => f.name)).toEqual(['b.parquet']);
		expect((await dir.list()).sort()).toEqual([s.manifest.files[0]!.key, 'manifest.json'].sort());
		await s.forget();
		expect(await dir.list()).toEqual(['manifest.json']);
		expect(s.manifest.missions).toEqual([]);
	});

	it('a tab without the write lock never writes', async () => {
		const s = new LibraryStore(new MemoryDir(), false, 'opfs', 'another tab');
		await expect(s.add([], [], () => [])).rejects.toThrow(/does not write/);
	});

	it('reads an unreadable manifest as an empty library', () => {
		expect(parseManifest('{oops').missions).toEqual([]);
		expect(parseManifest('{"version":2}').missions).toEqual([]);
	});
});
