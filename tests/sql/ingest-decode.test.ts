/**
 * Parquet decoding in WebAssembly (parquet-wasm) on the load path: contract files keep their own
 * types and load the same rows native DuckDB reads from them; a file whose time column is a bare
 * INT64 goes through the JS decoder's staging instead, with the same times.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { ingest } from '../../src/lib/ingest';
import { contractColumns } from '../../src/lib/ingest/columns';
import { decodeFile } from '../../src/lib/ingest/decode';
import { projectParquet } from '../../src/lib/ingest/parquet-project';
import { decodeAhead, decodeParquet } from '../../src/lib/ingest/parquet-offthread';
import { tableFromIPC } from 'apache-arrow';
import { miniMission } from '../support/mini-mission';
import { parquetFiles, writeMissionDir } from '../support/mission-files';

const FACTS = `SELECT count(*)::INTEGER AS n, round(sum(rssi_dbm), 6) AS s, min(t)::VARCHAR AS t0,
	max(seq)::BIGINT::INTEGER AS seq, count(*) FILTER (detected)::INTEGER AS det FROM `;

let db: Db;
let dir: string;

beforeAll(async () => {
	db = await openNodeDb();
	dir = await writeMissionDir(miniMission('decode-1', 3, 2000), 'decode-1');
});
afterAll(async () => db.close());

async function native(sql: string): Promise<Record<string, unknown>> {
	const con = await (await DuckDBInstance.create(':memory:')).connect();
	const rows = (await con.runAndReadAll(sql)).getRowObjectsJson();
	con.closeSync();
	return rows[0] as Record<string, unknown>;
}

describe('parquet-wasm on the load path', () => {
	it('decodes contract Parquet with its own types', async () => {
		const cols = (await contractColumns(db)).get('rssi_sample') ?? [];
		const bytes = new Uint8Array(readFileSync(path.join(dir, 'rssi_sample.parquet')));
		const staged = await decodeFile(bytes, cols);
		expect(staged.typed).toBe(true);
	});

	it('gives a decode started ahead to the first ask for the same columns, and only to it', async () => {
		const all = (await contractColumns(db)).get('rssi_sample') ?? [];
		const some = all.filter((c) => ['mission_id', 't', 'rssi_dbm'].includes(c.name));
		const bytes = new Uint8Array(readFileSync(path.join(dir, 'rssi_sample.parquet')));
		const early = await decodeAhead(bytes, some);
		if (!early) throw new Error('the decode ahead did not start');
		// Other columns of the same bytes are decoded anew; the ahead decode stays for its ask.
		expect(await decodeParquet(bytes, all)).not.toBe(early);
		expect(await decodeParquet(bytes, some)).toBe(early);
		// Taken once: its stream went to the engine, so the next ask decodes again, alike.
		const again = await decodeParquet(bytes, some);
		expect(again).not.toBe(early);
		expect(again.ipc).toEqual(early.ipc);
		// Bytes whose decoding an ingest asked for first get no decode ahead (it would be a second).
		const other = bytes.slice();
		const asked = decodeParquet(other, some);
		expect(decodeAhead(other, some)).toBeNull();
		expect((await asked).ipc).toEqual(early.ipc);
	});

	it('decodes only the asked columns (a new footer), with the same values and exact types', async () => {
		const all = (await contractColumns(db)).get('rssi_sample') ?? [];
		const cols = all.filter((c) => ['mission_id', 't', 't_rel_s', 'rssi_dbm'].includes(c.name));
		const bytes = new Uint8Array(readFileSync(path.join(dir, 'rssi_sample.parquet')));
		const narrow = await decodeFile(bytes, cols);
		const whole = await decodeFile(bytes, all);
		expect(narrow.exact).toBe(true);
		const a = tableFromIPC(narrow.ipc);
		const b = tableFromIPC(whole.ipc);
		expect(a.schema.fields.map((f) => f.name)).toEqual(cols.map((c) => c.name));
		expect(a.numRows).toBe(b.numRows);
		for (const c of cols) expect([...a.getChild(c.name)!]).toEqual([...b.getChild(c.name)!]);
		// The projection leaves the other columns' chunks undecoded: the stream is smaller.
		expect(narrow.ipc.length).toBeLessThan(whole.ipc.length / 2);
	});

	it('reads a footer it cannot project as the whole file (no projection, same rows)', () => {
		expect(projectParquet(new Uint8Array([1, 2, 3]), ['t'])).toBeNull();
		const bytes = new Uint8Array(readFileSync(path.join(dir, 'rssi_sample.parquet')));
		// Every column asked: nothing to leave out.
		expect(projectParquet(bytes, ['mission_id', 't', 't_rel_s', 'seq', 'rssi_dbm', 'rssi_raw_dbm',
			'noise_floor_dbm', 'snr_db', 'above_trigger', 'detected', 'confidence_pct', 'frequency_hz',
			'system_state'])).toBeNull();
	});

	it('loads the rows native DuckDB reads from the same file', async () => {
		const r = await ingest(db, parquetFiles(dir));
		expect(r.missionIds).toEqual(['decode-1']);
		const [mine] = await db.query(`${FACTS} rssi_sample WHERE mission_id = 'decode-1'`);
		const file = path.join(dir, 'rssi_sample.parquet');
		expect(mine).toEqual(await native(`${FACTS} read_parquet('${file}')`));
	});

	it('stages a file whose times are bare INT64 through the JS decoder, times kept', async () => {
		const other = await writeMissionDir(miniMission('decode-2', 4, 500), 'decode-2');
		const file = path.join(other, 'rssi_sample.parquet');
		const con = await (await DuckDBInstance.create(':memory:')).connect();
		await con.run(
			`COPY (SELECT * REPLACE (epoch_us(t) AS t) FROM read_parquet('${file}')) TO '${file}.x' (FORMAT parquet)`
		);
		await con.run(`COPY (SELECT * FROM read_parquet('${file}.x')) TO '${file}' (FORMAT parquet)`);
		con.closeSync();
		const cols = (await contractColumns(db)).get('rssi_sample') ?? [];
		const staged = await decodeFile(new Uint8Array(readFileSync(file)), cols);
		expect(staged.typed).toBe(false);
		const files = parquetFiles(other).filter((f) => !f.name.endsWith('.x'));
		expect((await ingest(db, files)).missionIds).toEqual(['decode-2']);
		const [t] = await db.query<{ t0: string }>(
			`SELECT min(t)::VARCHAR AS t0 FROM rssi_sample WHERE mission_id = 'decode-2'`
		);
		const want = await native(
			`SELECT make_timestamp(min(t))::TIMESTAMPTZ::VARCHAR AS t0 FROM read_parquet('${file}')`
		);
		expect(t?.t0).toBe(want.t0);
	});
});
