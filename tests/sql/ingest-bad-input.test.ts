import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/lib/db/types';
import { openNodeDb } from '../../src/lib/db/node';
import { IngestError, ingest, type NamedBytes } from '../../src/lib/ingest';
import { readFiles } from '../../src/lib/ingest/dropped-files';
import { RECORDER_COLUMNS } from '../../src/lib/ingest/importers/recorder';
import { parquetFiles, writeMissionDir } from '../support/mission-files';
import { miniMission } from '../support/mini-mission';

let db: Db;
let dir = '';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const fail = (p: Promise<unknown>): Promise<IngestError> => p.then(() => { throw new Error('expected an IngestError'); }, (e: unknown) => e as IngestError);

/** A recorder CSV of n frames at 10 Hz with `patch(i, frame)` applied to each frame. */
function recorder(name: string, n: number, patch: (i: number, f: Record<string, string>) => void): NamedBytes {
	const t0 = Date.UTC(2025, 7, 21, 2, 0, 0);
	const lines = Array.from({ length: n }, (_, i) => {
		const f: Record<string, string> = Object.fromEntries(RECORDER_COLUMNS.map((c) => [c, '']));
		Object.assign(f, { timestamp: new Date(t0 + i * 100).toISOString().replace('Z', '+00:00'), latitude: String(-35.3632 + i * 1e-6), longitude: '149.1652', rssi_dbm: String(-90 + (i % 7)), snr_db: '3', beacon_detected: 'False', system_state: 'SEARCHING', armed: 'True' });
		patch(i, f);
		return RECORDER_COLUMNS.map((c) => f[c]).join(',');
	});
	return { name, bytes: enc([RECORDER_COLUMNS.join(','), ...lines].join('\n')) };
}

beforeAll(async () => {
	dir = await writeMissionDir(miniMission('keep', 1, 200), 'keep');
	db = await openNodeDb();
	await ingest(db, parquetFiles(dir));
});
afterAll(() => db?.close());

async function stillThere(): Promise<void> {
	const [r] = await db.query<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM rssi_sample WHERE mission_id = 'keep'");
	expect(r?.n).toBe(200);
}

describe('bad files give a clear error and leave loaded missions alone', () => {
	test('truncated and corrupted Parquet', async () => {
		const files = parquetFiles(await writeMissionDir(miniMission('bad-pq', 2, 100), 'bad-pq'));
		const cut = files.map((f) => (f.name.endsWith('rssi_sample.parquet') ? { ...f, bytes: f.bytes.slice(0, 100) } : f));
		expect((await fail(ingest(db, cut))).message).toBe('bad-pq/rssi_sample.parquet is not a Parquet file or is truncated');
		const garbled = files.map((f) => {
			if (!f.name.endsWith('rssi_sample.parquet')) return f;
			const b = f.bytes.slice();
			for (let i = 4; i < b.length - 8; i += 3) b[i] = 0xff;
			return { ...f, bytes: b };
		});
		const err = await fail(ingest(db, garbled));
		expect(err).toBeInstanceOf(IngestError);
		expect(err.file).toBe('bad-pq/rssi_sample.parquet');
		const [n] = await db.query<{ n: number }>("SELECT count(*)::DOUBLE AS n FROM mission WHERE mission_id = 'bad-pq'");
		expect(n?.n).toBe(0);
		await stillThere();
	});

	test('a text file named .db is an error naming it, not a plain table', async () => {
		const e = await fail(ingest(db, [{ name: 'pisad.db', bytes: enc('hello, this is a note\n') }]));
		expect(e.file).toBe('pisad.db');
		expect(e.message).toBe('pisad.db is named like a database but is neither SQLite nor DuckDB (it starts with "hello, this is a note·")');
		await stillThere();
	});

	test('empty file, and a CSV with only its header', async () => {
		expect((await fail(ingest(db, [{ name: 'x/rssi.parquet', bytes: new Uint8Array() }]))).message).toBe('x/rssi.parquet is empty (0 bytes)');
		const header = recorder('header_only.csv', 0, () => undefined);
		expect((await fail(ingest(db, [header]))).message).toBe('header_only.csv holds no rows with a time (empty, or only a header)');
		await stillThere();
	});

	test('a .duckdb written by another storage version', async () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'pisad-v-')), 'old.duckdb');
		const inst = await DuckDBInstance.create(file);
		const c = await inst.connect();
		await c.run('CREATE TABLE t AS SELECT 1 AS a');
		c.closeSync();
		inst.closeSync();
		const bytes = new Uint8Array(readFileSync(file));
		bytes[12] = 51; // storage version of DuckDB 0.8/0.9
		const err = await fail(ingest(db, [{ name: 'old.duckdb', bytes }]));
		expect(err.message).toBe('old.duckdb was written by DuckDB 0.8 or 0.9 (storage version 51); this app reads storage version 64 (DuckDB 0.10 to 1.4)');
		expect(err.hint).toContain('EXPORT DATABASE');
		await stillThere();
	});

	test('a file larger than the tab can hold is refused before reading', async () => {
		const big = recorder('big.csv', 50, () => undefined);
		const err = await fail(ingest(db, [big], { maxBytes: 1000 }));
		expect(err.message).toMatch(/^big\.csv is 0\.\d+ MiB, more than this tab can hold/);
		let read = false;
		const file = { size: 2000, arrayBuffer: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) } as unknown as File;
		await expect(readFiles([{ file, path: 'huge.parquet' }], { maxBytes: 1000 })).rejects.toThrow(/huge\.parquet is .* more than this tab can hold/);
		expect(read).toBe(false);
	});
});

describe('repairable files load with data-quality notes', () => {
	test('NaN/±Inf/NULL and wrongly typed RSSI, 0/0 and km jumps, disorder, duplicates, mixed zones', async () => {
		const file = recorder('messy.csv', 300, (i, f) => {
			if (i === 10) f.rssi_dbm = 'NaN';
			if (i === 11) f.rssi_dbm = 'inf';
			if (i === 12) f.rssi_dbm = '-Infinity';
			if (i === 13) f.rssi_dbm = '';
			if (i === 14) f.rssi_dbm = 'weak';
			if (i >= 20 && i < 25) Object.assign(f, { latitude: '0', longitude: '0' });
			if (i === 40 || i === 41) f.latitude = '-35.40'; // ~4 km south and back
			if (i === 60) f.timestamp = new Date(Date.UTC(2025, 7, 21, 2, 0, 0) + 59 * 100).toISOString().replace('Z', '+00:00'); // duplicate of 59
			if (i === 100) f.timestamp = '2025-08-21T02:00:05'; // naive, and out of order (10.0 s → 5 s)
		});
		const res = await ingest(db, [file]);
		const id = res.missionIds[0]!;
		const q = res.quality[id] ?? [];
		const find = (s: string) => q.find((n) => n.message.includes(s));
		expect(find('NaN, ±Inf')?.rows_affected).toBe(5);
		expect(find('0/0')?.rows_affected).toBe(5);
		expect(find('position jumps')?.rows_affected).toBe(2);
		expect(find('position jumps')?.message).toContain('4.1 km');
		// frame 60 repeats frame 59's time; frame 100 (naive 02:00:05) lands on frame 50's
		expect(find('rssi_sample: duplicate timestamps')?.rows_affected).toBe(2);
		expect(find('out of time order')?.severity).toBe('warning');
		expect(find('mixed with zoned')?.rows_affected).toBe(1);
		const [r] = await db.query<{ n: number; pos: number }>('SELECT (SELECT count(*)::DOUBLE FROM rssi_sample WHERE mission_id = $1) AS n, (SELECT count(lat_deg)::DOUBLE FROM vehicle_telemetry WHERE mission_id = $1) AS pos', [id]);
		// 300 frames − 2 duplicates − 5 bad RSSI; positions: 298 rows − 5 at 0/0 − 2 jumps
		expect(r?.n).toBe(293);
		expect(r?.pos).toBe(298 - 5 - 2);
		const saved = await db.query<{ n: number; rows: number }>('SELECT count(*)::DOUBLE AS n, sum(rows_affected)::DOUBLE AS rows FROM data_quality_note WHERE mission_id = $1', [id]);
		expect(saved[0]?.n).toBe(q.length);
		expect(saved[0]?.rows).toBe(q.reduce((a, n) => a + n.rows_affected, 0));
		await stillThere();
	});
});

describe('data_quality_notes query', () => {
	test('lists one mission, most severe first, and all missions with NULL', async () => {
		const { dataQualityNotes } = await import('../../src/lib/queries/ingest-data-quality');
		const [id] = (await db.query<{ mission_id: string }>("SELECT mission_id FROM mission WHERE source = 'import:recorder-csv'")).map((r) => r.mission_id);
		const rows = await dataQualityNotes(db, id ?? '');
		expect(rows.length).toBeGreaterThan(5);
		expect(rows[0]?.severity).toBe('warning');
		expect(rows.at(-1)?.severity).toBe('info');
		expect((await dataQualityNotes(db, null)).length).toBe(rows.length);
		expect(await dataQualityNotes(db, 'keep')).toEqual([]);
	});
});
