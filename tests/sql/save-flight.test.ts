/**
 * "Save flight" round trip: a mission written as a zip of contract Parquet files by the app's own
 * writer loads back through the ingest with the same rows (timestamps to the microsecond).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { openNodeDb } from '../../src/lib/db/node';
import { IngestError, ingest } from '../../src/lib/ingest';
import { saveFlightZip } from '../../src/lib/live/save-parquet';
import { simulateMission } from '../../src/lib/sim';
import { writeMission } from '../../src/node/mission-writer';
import { parquetFiles } from '../support/mission-files';

const ID = 'save-roundtrip';
let a: Db;
let b: Db;

beforeAll(async () => {
	const sim = simulateMission({ seed: 2, scenario: 'interference', missionId: ID });
	const dir = join(await mkdtemp(join(tmpdir(), 'pisad-save-')), ID);
	await writeMission(sim, dir, { parquet: true, duckdb: false, jsonl: false });
	[a, b] = await Promise.all([openNodeDb(), openNodeDb()]);
	await ingest(a, parquetFiles(dir));
});
afterAll(async () => {
	await a?.close();
	await b?.close();
});

test('a saved flight zip reloads with identical rows', async () => {
	const zip = await saveFlightZip(a, ID);
	const res = await ingest(b, [{ name: `${ID}.zip`, bytes: zip }]);
	expect(res.missionIds).toEqual([ID]);
	for (const table of ['rssi_sample', 'vehicle_telemetry', 'state_transition', 'detection', 'waypoint', 'beacon_truth']) {
		const q = `SELECT count(*) AS n, sum(epoch_us(${table === 'waypoint' || table === 'beacon_truth' ? 'NULL::TIMESTAMPTZ' : 't'})) AS us FROM "${table}" WHERE mission_id = $1`;
		const [x] = await a.query<{ n: number; us: number | null }>(q, [ID]);
		const [y] = await b.query<{ n: number; us: number | null }>(q, [ID]);
		expect(y, table).toEqual(x);
	}
	const rssi = 'SELECT max(rssi_dbm) AS m, sum(seq) AS s FROM rssi_sample';
	expect(await b.query(rssi)).toEqual(await a.query(rssi));
});

test('a corrupt zip is refused by name', async () => {
	const bad = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
	await expect(ingest(b, [{ name: 'broken.zip', bytes: bad }])).rejects.toBeInstanceOf(IngestError);
});
