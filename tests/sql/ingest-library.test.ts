/**
 * Several mission folders in one load (a library): every mission arrives once, with its own
 * rows; loading a folder again adds nothing and says so; two folders of the same mission in one
 * drop load it once. The loader keeps the set of known missions across folders instead of
 * rescanning the RSSI table per folder, so these pin down that bookkeeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db';
import { openNodeDb } from '$lib/db/node';
import { ingest, type NamedBytes } from '$lib/ingest';
import { miniMission } from '../support/mini-mission';
import { parquetFiles, writeMissionDir } from '../support/mission-files';

let db: Db;
const folders: NamedBytes[][] = [];
const ids = ['lib-a', 'lib-b', 'lib-c'];

beforeAll(async () => {
	db = await openNodeDb();
	for (const [i, id] of ids.entries())
		folders.push(parquetFiles(await writeMissionDir(miniMission(id, i + 1, 300 + 50 * i), id)));
}, 120_000);
afterAll(async () => db?.close());

const counts = async () =>
	Object.fromEntries(
		(
			await db.query<{ mission_id: string; n: number }>(
				'SELECT mission_id, count(*)::INTEGER AS n FROM rssi_sample GROUP BY ALL ORDER BY 1'
			)
		).map((r) => [r.mission_id, r.n])
	);

describe('loading a library of mission folders', () => {
	it('loads every folder of one drop, each mission once', async () => {
		const r = await ingest(db, [...folders[0]!, ...folders[1]!]);
		expect(r.missionIds.sort()).toEqual(['lib-a', 'lib-b']);
		expect(await counts()).toEqual({ 'lib-a': 300, 'lib-b': 350 });
	});

	it('skips folders already loaded with a note, and loads the new one beside them', async () => {
		const r = await ingest(db, [...folders[0]!, ...folders[2]!]);
		expect(r.missionIds).toEqual(['lib-c']);
		expect(r.notes.map((n) => n.message)).toContain('mission already loaded; skipped');
		expect(await counts()).toEqual({ 'lib-a': 300, 'lib-b': 350, 'lib-c': 400 });
	});

	it('loads the good folders of a drop and names the bad one', async () => {
		const fresh = await openNodeDb();
		try {
			const bad = folders[1]!.map((f) =>
				f.name.endsWith('rssi_sample.parquet') ? { ...f, bytes: f.bytes.slice(0, 200) } : f
			);
			const r = await ingest(fresh, [...folders[0]!, ...bad, ...folders[2]!]);
			expect(r.missionIds.sort()).toEqual(['lib-a', 'lib-c']);
			expect(r.errors.map((e) => e.message)).toEqual([
				'lib-b/rssi_sample.parquet is not a Parquet file or is truncated'
			]);
			// Nothing of the bad mission stays behind (its folder is one transaction).
			expect(await fresh.query("SELECT * FROM mission WHERE mission_id = 'lib-b'")).toEqual([]);
		} finally {
			await fresh.close();
		}
	});

	it('throws when no folder of a drop loads', async () => {
		const fresh = await openNodeDb();
		try {
			const bad = folders[1]!.map((f) => ({ ...f, bytes: f.bytes.slice(0, 200) }));
			await expect(ingest(fresh, bad)).rejects.toThrow('is not a Parquet file');
		} finally {
			await fresh.close();
		}
	});

	it('loads a mission given twice in one drop once', async () => {
		const copy = folders[1]!.map((f) => ({ ...f, name: f.name.replace('lib-b/', 'copy-of-b/') }));
		const fresh = await openNodeDb();
		try {
			const r = await ingest(fresh, [...folders[1]!, ...copy]);
			expect(r.missionIds).toEqual(['lib-b']);
			const [{ n }] = (await fresh.query<{ n: number }>(
				'SELECT count(*)::INTEGER AS n FROM rssi_sample'
			)) as [{ n: number }];
			expect(n).toBe(350);
		} finally {
			await fresh.close();
		}
	});
});
