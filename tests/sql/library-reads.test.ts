/**
 * A library import writes only the columns its library rows read (LIBRARY_READS) into a narrow
 * scratch catalog. The list columns, KPIs and dwell must come out exactly as they do from the
 * whole tables, on simulated missions that detect, home, hold and miss (so every KPI has a value
 * somewhere): a query that starts reading another column fails here, not in a user's library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/db/types';
import { openNodeDb } from '$lib/db/node';
import { ingest } from '$lib/ingest';
import { contractColumns, narrowing, sameColumns } from '$lib/ingest/columns';
import { simulateMission } from '$lib/sim';
import { LIBRARY_READS, libraryRows } from '$lib/state/library-keep';
import { importCounts } from '$lib/queries/ingest-import-counts';
import { parquetFiles, writeMissionDir } from '../support/mission-files';
import type { NamedBytes } from '$lib/ingest';

const SPECS = [
	{ scenario: 'open-field', seed: 1 },
	{ scenario: 'urban', seed: 2 },
	{ scenario: 'interference', seed: 3 },
	{ scenario: 'no-beacon', seed: 4 }
];

let db: Db;
const files: NamedBytes[] = [];

beforeAll(async () => {
	db = await openNodeDb();
	for (const s of SPECS) {
		const { tables } = simulateMission(s);
		const id = tables.mission[0]?.mission_id as string;
		files.push(...parquetFiles(await writeMissionDir(tables, id)));
	}
}, 120_000);
afterAll(async () => db?.close());

describe('library rows from the narrow scratch catalog', () => {
	it('equal the rows from the whole tables', async () => {
		const whole = await db.scratch!();
		sameColumns(whole, db);
		const narrow = await db.scratch!([
			narrowing(await contractColumns(db), LIBRARY_READS).join(';\n')
		]);
		sameColumns(narrow, db, LIBRARY_READS);
		try {
			const a = await ingest(whole, files);
			performance.clearMarks('pisad:import:bulk-fallback');
			const b = await ingest(narrow, files);
			// One batch: a narrowed file that decoded unlike the others (the no-beacon mission's
			// empty homing_step did) would send it folder by folder, silently.
			expect(performance.getEntriesByName('pisad:import:bulk-fallback')).toEqual([]);
			expect(b.missionIds.sort()).toEqual(a.missionIds.sort());
			expect(a.missionIds).toHaveLength(SPECS.length);
			expect(b.notes).toEqual(a.notes);
			expect(b.errors).toEqual(a.errors);
			// The narrow catalog holds only the columns named, and every row.
			const cols = await narrow.query<{ n: number }>(
				`SELECT count(*)::INTEGER AS n FROM information_schema.columns
				 WHERE table_catalog = current_database() AND table_name = 'rssi_sample'`
			);
			expect(cols[0]?.n).toBe(LIBRARY_READS.rssi_sample?.length);
			const count = 'SELECT count(*)::INTEGER AS n FROM vehicle_telemetry';
			expect(await narrow.query(count)).toEqual(await whole.query(count));
			const chunk = (r: typeof a) => [{ files, result: r }];
			const run = <T>(w: () => Promise<T>) => w();
			const rowsA = await libraryRows(whole, chunk(a), run);
			const rowsB = await libraryRows(narrow, chunk(b), run);
			expect(rowsB.kpis.length).toBe(SPECS.length);
			expect(rowsB.kpis.some((k) => k.time_to_locate_s !== null)).toBe(true);
			expect(rowsB.kpis.some((k) => k.homing_path_m !== null)).toBe(true);
			expect(rowsB.list).toEqual(rowsA.list);
			expect(rowsB.kpis).toEqual(rowsA.kpis);
			expect(rowsB.dwell).toEqual(rowsA.dwell);
			// The import's summary counts the same rows and span per table.
			expect(await importCounts(narrow)).toEqual(await importCounts(whole));
			expect((await importCounts(narrow)).some((c) => c.table_name === 'homing_step')).toBe(true);
		} finally {
			await whole.close();
			await narrow.close();
		}
	});
});
