/**
 * A library import (issue 15 items 3, 5, 6, 7) on the real engine with a real stored library (its
 * store over memory, as OPFS would hold it): chunk by chunk, each chunk's library rows are kept
 * and its rows leave the engine; progress counts files, bytes and rows; a cancel stops between
 * chunks and keeps what came in; the tally says what was imported and skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db';
import { openNodeDb } from '$lib/db/node';
import type { PickedFile } from '$lib/ingest/dropped-files';
import { MemoryDir } from '$lib/persist/dir';
import { LibraryStore } from '$lib/persist/library-store';
import { importLibrary, type ImportDeps } from '$lib/state/library-import';
import { LIBRARY_READS, scratchAhead, warmImport } from '$lib/state/library-keep';
import type { LoadProgress } from '$lib/state/load-job.svelte';
import { StoredLibrary } from '$lib/state/stored-library.svelte';
import { summaryText } from '$lib/transforms/import-summary';
import { miniMission } from '../support/mini-mission';
import { parquetFiles, writeMissionDir } from '../support/mission-files';

let db: Db;
const picked: PickedFile[] = [];
const ids = ['imp-a', 'imp-b', 'imp-c', 'imp-d'];

beforeAll(async () => {
	db = await openNodeDb();
	for (const [i, id] of ids.entries())
		for (const f of parquetFiles(await writeMissionDir(miniMission(id, i + 1, 200 + 10 * i), id)))
			picked.push({ file: new File([f.bytes as Uint8Array<ArrayBuffer>], f.name), path: `season/${f.name}` });
	picked.push({ file: new File(['notes'], 'README.md'), path: 'season/README.md' });
}, 120_000);
afterAll(async () => db?.close());

const stored = () => new StoredLibrary(async () => new LibraryStore(new MemoryDir(), true, 'opfs'));
const engineIds = async () =>
	(await db.query<{ id: string }>('SELECT mission_id AS id FROM mission ORDER BY 1')).map((r) => r.id);

function deps(library: StoredLibrary, seen: LoadProgress[]): ImportDeps {
	return { db, stored: library, inTurn: (w) => w(), progress: (p) => seen.push(p) };
}

describe('library import', () => {
	it('keeps every mission in the stored library and leaves the engine empty of their rows', async () => {
		const library = stored();
		const seen: LoadProgress[] = [];
		const r = await importLibrary(deps(library, seen), picked, new AbortController().signal, {
			units: 2,
			bytes: 1e9,
			settleBytes: 1e9,
			lanes: 2
		});
		expect(r.missionIds.sort()).toEqual(ids);
		expect(library.missions.map((m) => m.mission_id).sort()).toEqual(ids);
		// The library row (list columns and KPIs) and dwell are kept for the table and fleet view.
		const a = library.missions.find((m) => m.mission_id === 'imp-a');
		expect(a?.row).toMatchObject({ mission_id: 'imp-a', rssi_samples: 200 });
		expect(a?.dwell.length).toBeGreaterThan(0);
		expect(await engineIds()).toEqual([]);
		// Progress: files and bytes end complete, rows add up to what was inserted.
		const last = seen.at(-1)!;
		const bytes = picked.filter((p) => p.path.endsWith('.parquet')).reduce((n, p) => n + p.file.size, 0);
		expect(last.bytes).toEqual({ done: bytes, total: bytes });
		expect(last.done).toBe(last.total);
		expect(last.rows).toBe(Object.values(r.tally.rows).reduce((x, y) => x + y, 0));
		expect(r.tally.rows.rssi_sample).toBe(200 + 210 + 220 + 230);
		// Rows move as chunks go in, not only when the (single, final) settle comes.
		expect(seen.some((p) => (p.rows ?? 0) > 0 && (p.rows ?? 0) < (last.rows ?? 0))).toBe(true);
		expect(summaryText(r.tally)).toMatch(/^Imported 4 missions: 860 RSSI samples, .* Skipped: 1 file that is not mission data\.$/);
		// Its files come back to load a mission when it is opened.
		expect((await library.read(['imp-c'])).map((f) => f.name).sort()).toContain('season/imp-c/rssi_sample.parquet');
		// The contract files were appended as they are (no stage table), into a scratch catalog.
		expect(performance.getEntriesByName('pisad:import:append').length).toBeGreaterThan(0);
		expect(performance.getEntriesByName('pisad:import:scratch').length).toBeGreaterThan(0);
		// The same folder again: every mission is already kept, nothing is imported twice.
		const again = await importLibrary(deps(library, []), picked, new AbortController().signal);
		expect(again.missionIds).toEqual([]);
		expect(again.tally.already).toBe(4);
		expect(library.missions).toHaveLength(4);
	});

	it('settling every chunk in one scratch catalog, each mission is counted once with its own rows', async () => {
		const library = stored();
		// The missions each settle's counts see in the catalog (the import's own engine, spied on).
		const perSettle: number[] = [];
		const spied: Db = {
			...db,
			isolated: async () => {
				const e = await (db.isolated as () => Promise<Db>)();
				return {
					...e,
					scratch: async (after) => {
						const sc = await (e.scratch as NonNullable<Db['scratch']>)(after);
						return {
							...sc,
							query: async (sql, params) => {
								const rows = await sc.query(sql, params);
								if (/ingest_import_counts|FROM counts/.test(sql))
									perSettle.push(new Set(rows.map((r) => (r as { mission_id: string }).mission_id)).size);
								return rows;
							}
						} as typeof sc;
					}
				};
			}
		};
		performance.clearMeasures('pisad:import:scratch');
		const r = await importLibrary({ ...deps(library, []), db: spied }, picked, new AbortController().signal, {
			units: 1,
			bytes: 1e9,
			settleBytes: 0,
			lanes: 1
		});
		// One catalog for the lane (made once), emptied after each of the four settles.
		expect(performance.getEntriesByName('pisad:import:scratch').length).toBe(1);
		expect(perSettle).toEqual([1, 1, 1, 1]);
		expect(r.tally.rows.rssi_sample).toBe(200 + 210 + 220 + 230);
		const samples = Object.fromEntries(
			library.missions.map((m) => [m.mission_id, (m.row as { rssi_samples: number }).rssi_samples])
		);
		expect(samples).toEqual({ 'imp-a': 200, 'imp-b': 210, 'imp-c': 220, 'imp-d': 230 });
	});

	it("the held engine's warm-up does an import's work (here on this season) and leaves an empty scratch catalog that the import takes", async () => {
		const e = await (db.isolated as () => Promise<Db>)();
		const files = await Promise.all(
			picked
				.filter((p) => p.path.endsWith('.parquet'))
				.map(async (p) => ({ name: p.path, bytes: new Uint8Array(await p.file.arrayBuffer()) }))
		);
		// Its failures are ignored where it runs (the engine is still held): here one shows.
		await warmImport(e, files);
		const s = scratchAhead(e);
		if (!s) throw new Error('no scratch catalog made ahead');
		expect(scratchAhead(e)).toBeNull(); // taken once
		const left = await s.query<{ n: number }>(
			`SELECT (SELECT count(*) FROM mission) + (SELECT count(*) FROM rssi_sample)
			      + (SELECT count(*) FROM vehicle_telemetry) AS n`
		);
		expect(left).toEqual([{ n: 0 }]);
		const cols = await s.query<{ c: string }>(
			`SELECT column_name AS c FROM information_schema.columns
			 WHERE table_catalog = current_database() AND table_name = 'rssi_sample' ORDER BY ordinal_position`
		);
		expect(cols.map((r) => r.c)).toEqual(LIBRARY_READS.rssi_sample);
		// Taken before it starts (files came at once), it only makes the scratch catalog; an import
		// given that engine writes into it rather than making one.
		const again = await (db.isolated as () => Promise<Db>)();
		await warmImport(again, files, AbortSignal.abort());
		await s.close();
		await e.close();
		performance.clearMeasures('pisad:import:scratch');
		const library = stored();
		const r = await importLibrary(
			{ ...deps(library, []), db: { ...db, isolated: async () => again } },
			picked,
			new AbortController().signal
		);
		expect(r.missionIds.sort()).toEqual(ids);
		expect(performance.getEntriesByName('pisad:import:scratch')).toHaveLength(0);
	});

	it('names a file too big for the tab and imports the rest of the library', async () => {
		// Sizes are asked as chunks are taken: this one is refused there, and the rest goes on.
		class Huge extends File {
			override get size(): number {
				return 600 * 1024 * 1024;
			}
		}
		const big: PickedFile = {
			file: new Huge([new Uint8Array(8)], 'rssi_sample.parquet'),
			path: 'season/imp-huge/rssi_sample.parquet'
		};
		const library = stored();
		const r = await importLibrary(deps(library, []), [big, ...picked], new AbortController().signal, {
			units: 2,
			bytes: 1e9,
			settleBytes: 1e9,
			lanes: 1
		});
		expect(r.missionIds.sort()).toEqual(ids);
		expect(r.errors.map((e) => e.message)).toEqual([
			expect.stringMatching(/^season\/imp-huge\/rssi_sample\.parquet is 600(\.0)? MiB, more than this tab can hold/)
		]);
		expect(r.tally.failed).toBe(1);
		expect(library.missions).toHaveLength(4);
	});

	it('a cancel stops between chunks and keeps what came in', async () => {
		const library = stored();
		const ctrl = new AbortController();
		const seen: LoadProgress[] = [];
		const d = deps(library, seen);
		const r = await importLibrary(
			{ ...d, progress: (p) => (seen.push(p), (p.rows ?? 0) > 0 && ctrl.abort()) },
			picked,
			ctrl.signal,
			{ units: 2, bytes: 1e9, settleBytes: 0, lanes: 1 }
		);
		expect(r.cancelled).toBe(true);
		expect(r.missionIds.sort()).toEqual(['imp-a', 'imp-b']);
		expect(library.missions).toHaveLength(2);
	});

	it('a store that refuses its files (quota) loads them into the tab instead: nothing is lost', async () => {
		class FullDir extends MemoryDir {
			override async write(): Promise<void> {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			}
		}
		const library = new StoredLibrary(async () => new LibraryStore(new FullDir(), true, 'opfs'));
		const r = await importLibrary(deps(library, []), picked, new AbortController().signal, {
			units: 2,
			bytes: 1e9,
			settleBytes: 0,
			lanes: 1
		});
		expect(r.missionIds.sort()).toEqual(ids);
		expect(library.missions).toEqual([]);
		expect(library.where).toBe('memory');
		expect(library.why).toMatch(/refused to store/);
		// The scratch catalogs' rows went with them; the files were loaded into the tab's engine.
		expect(await engineIds()).toEqual(ids);
		const [n] = await db.query<{ n: number }>(
			"SELECT count(*)::INTEGER AS n FROM rssi_sample WHERE mission_id = 'imp-d'"
		);
		expect(n?.n).toBe(230);
	});
});
