import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TABLES, type MissionTables } from '../lib/contract';
import { writeMission } from './mission-writer';

const T0 = Date.UTC(2025, 7, 21, 1, 30, 0);
const MID = 'test-mission';

/** A hand-made mission of a few rows: the writer must not depend on the simulator. */
function stubTables(n: number): MissionTables {
	const tables: MissionTables = {
		mission: [
			{
				mission_id: MID,
				name: 'stub',
				source: 'sim',
				started_at: T0,
				ended_at: T0 + n * 100,
				software_version: 'test',
				center_frequency_hz: 433e6,
				ewma_alpha: 0.3,
				noise_percentile: 0.1,
				noise_window_samples: 100,
				snr_trigger_db: 12,
				snr_drop_db: 6,
				debounce_in_samples: 3,
				debounce_out_samples: 5,
				origin_lat_deg: -35.363261,
				origin_lon_deg: 149.16523,
				origin_alt_amsl_m: 584,
				search_area_geojson: null,
				search_area_km2: 1,
				beacon_power_dbm: 10,
				scenario: 'open-field',
				seed: 1,
				config_json: '{}',
				notes: "it's a stub"
			}
		],
		rssi_sample: [],
		vehicle_telemetry: [],
		state_transition: [
			{
				mission_id: MID,
				t: T0,
				t_rel_s: 0,
				from_state: null,
				to_state: 'IDLE',
				reason: 'start',
				forced: false,
				operator_id: null,
				action_duration_ms: 3,
				homing_enabled: false
			}
		],
		detection: [],
		homing_step: [],
		search_pattern: [],
		waypoint: [],
		safety_event: [],
		beacon_truth: []
	};
	for (let i = 0; i < n; i++) {
		tables.rssi_sample.push({
			mission_id: MID,
			t: T0 + i * 100 + 0.123,
			t_rel_s: i / 10,
			seq: i,
			rssi_dbm: -100 + (i % 7),
			rssi_raw_dbm: i % 3 === 0 ? null : -101,
			noise_floor_dbm: -109,
			snr_db: 9,
			above_trigger: false,
			detected: i % 2 === 0,
			confidence_pct: 0,
			frequency_hz: 433e6,
			system_state: 'SEARCHING'
		});
	}
	return tables;
}

describe('writeMission', () => {
	let dir = '';
	let written: string[] = [];
	const tables = stubTables(40_000);
	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'pisad-writer-'));
		const ws = [{ type: 'connection', data: { status: 'connected', timestamp: 'x' } }];
		written = await writeMission({ tables, ws }, dir);
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('writes every table as Parquet, the duckdb file and the ws capture', async () => {
		const names = written.map((f) => path.basename(f));
		for (const t of CONTRACT_TABLES) expect(names).toContain(`${t}.parquet`);
		expect(names).toContain('mission.duckdb');
		expect((await readFile(path.join(dir, 'ws_capture.jsonl'), 'utf8')).split('\n')).toHaveLength(
			2
		);
		for (const f of written) expect((await stat(f)).size).toBeGreaterThan(0);
	});

	it('round-trips row counts, TIMESTAMPTZ µs and the contract kv metadata', async () => {
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
		const rssi = path.join(dir, 'rssi_sample.parquet');
		const [counts] = await q(
			`SELECT count(*)::INT n, typeof(any_value(t)) ty, count(rssi_raw_dbm)::INT raw,
			 max(epoch_us(t)) - min(epoch_us(t)) span FROM '${rssi}'`
		);
		expect(counts).toMatchObject({ n: 40_000, ty: 'TIMESTAMP WITH TIME ZONE', raw: 26_666 });
		expect(Number(counts?.span)).toBe((40_000 - 1) * 100_000);
		const [first] = await q(`SELECT epoch_us(t) us FROM '${rssi}' LIMIT 1`);
		expect(Number(first?.us)).toBe(T0 * 1000 + 123);
		const kv = await q(
			`SELECT decode(key) k, decode(value) v FROM parquet_kv_metadata('${dir}/*.parquet')`
		);
		const stamped = kv.filter((r) => r.k === 'pisad.contract_version' && r.v === '1');
		expect(stamped).toHaveLength(CONTRACT_TABLES.length);
		const [empty] = await q(`SELECT count(*)::INT n FROM '${dir}/detection.parquet'`);
		expect(empty?.n).toBe(0);
		await conn.run(`ATTACH '${dir}/mission.duckdb' AS m (READ_ONLY)`);
		const [m] = await q(
			`SELECT (SELECT count(*) FROM m.rssi_sample)::INT n,
			 (SELECT notes FROM m.mission) notes,
			 (SELECT data_type FROM duckdb_columns() WHERE database_name = 'm'
			  AND table_name = 'state_transition' AND column_name = 't') ty`
		);
		expect(m).toMatchObject({ n: 40_000, notes: "it's a stub", ty: 'TIMESTAMP WITH TIME ZONE' });
		conn.closeSync();
		db.closeSync();
	});
});
