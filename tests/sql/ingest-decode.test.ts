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
