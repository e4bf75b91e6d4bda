import { describe, expect, it } from 'vitest';
import { MemoryDir } from './dir';
import { sourceKey } from './hash';
import { LibraryStore, keepSource, parseManifest, type Source } from './library-store';

const bytes = (s: string) => new TextEncoder().encode(s);
const mission = (id: string, hash: string) => ({
	mission_id: id,
	hash,
	imported_at: 1,
	row: { mission_id: id, name: id },
	dwell: [{ state: 'SEARCHING', dwell_s: 60 }]
});
async function source(...files: [string, string][]): Promise<Source> {
	const named = files.map(([name, text]) => ({ name, bytes: bytes(text) }));
	return { files: named, hash: (await keepSource(named.map((f) => f.bytes))).hash };
}

describe('LibraryStore', () => {
	it('keeps a source packed in one file and gives its files back after a reopen', async () => {
		const dir = new MemoryDir();
		const a = new LibraryStore(dir, true, 'memory');
		const s = await source(['m1/mission.parquet', 'mm'], ['m1/rssi_sample.parquet', 'rrrr']);
		await a.add([s], [mission('m1', s.hash)], () => s);
		// The same content again is stored once.
		await a.add([s], [mission('m1', s.hash)], () => s);
		expect((await dir.list()).length).toBe(2); // one packed source + the manifest
		const b = new LibraryStore(dir, true, 'memory');
		expect((await b.load()).missions.map((x) => x.mission_id)).toEqual(['m1']);
		expect(await b.read(['m1'])).toEqual([
			{ name: 'm1/mission.parquet', bytes: bytes('mm') },
			{ name: 'm1/rssi_sample.parquet', bytes: bytes('rrrr') }
		]);
	});

	it('removes missions and then the sources no mission needs; forget empties it', async () => {
		const dir = new MemoryDir();
		const st = new LibraryStore(dir, true, 'memory');
		const a = await source(['a.parquet', 'a']);
		const b = await source(['b.parquet', 'b']);
		await st.add([a, b], [mission('a', a.hash), mission('b', b.hash)], (id) =>
			id === 'a' ? a : b
		);
		await st.remove(['a']);
		expect(st.manifest.files.map((f) => f.parts[0]?.name)).toEqual(['b.parquet']);
		expect((await dir.list()).length).toBe(2);
		await st.forget();
		expect(await dir.list()).toEqual(['manifest.json']);
		expect(st.manifest.missions).toEqual([]);
	});

	it('does not write a source the hashing worker wrote, and sweeps files no mission names', async () => {
		const dir = new MemoryDir();
		const st = new LibraryStore(dir, true, 'opfs');
		const s = await source(['w.parquet', 'www']);
		const key = sourceKey(s.hash);
		// Written ahead by the worker (here by hand): the store does not write it again.
		await dir.write(key, [bytes('www')]);
		const writes: string[] = [];
		const write = dir.write.bind(dir);
		dir.write = (name, parts) => (writes.push(name), write(name, parts));
		await st.add([{ ...s, written: true }], [mission('w', s.hash)], () => s);
		expect(writes).toEqual(['manifest.json']);
		expect(await st.read(['w'])).toEqual([{ name: 'w.parquet', bytes: bytes('www') }]);
		// An import closed before its commit leaves a written source that no mission names.
		await dir.write(sourceKey('f'.repeat(64)), [bytes('orphan')]);
		expect(await st.sweep()).toEqual([sourceKey('f'.repeat(64))]);
		expect((await dir.list()).sort()).toEqual([key, 'manifest.json'].sort());
		expect(await new LibraryStore(dir, false, 'opfs').sweep()).toEqual([]);
	});

	it('a tab without the write lock never writes', async () => {
		const st = new LibraryStore(new MemoryDir(), false, 'opfs', 'another tab');
		await expect(st.add([], [], () => undefined)).rejects.toThrow(/does not write/);
	});

	it('reads an unreadable manifest as an empty library', () => {
		expect(parseManifest('{oops').missions).toEqual([]);
		expect(parseManifest('{"version":2}').missions).toEqual([]);
	});
});
