/**
 * Builds story-4.8 files with native DuckDB from the seed's DDL (seed-story-4.8-duckdb-migration.md,
 * Sprint 2), adapted where DuckDB 1.4 without extensions cannot run it as written:
 * - `location GEOMETRY` → VARCHAR holding WKT `POINT (lon lat)` (GEOMETRY needs the spatial
 *   extension, which the browser build does not have);
 * - `snr ... GENERATED ALWAYS AS (...) STORED` → VIRTUAL (DuckDB only has virtual generated columns);
 * - `PARTITION BY RANGE (timestamp)` dropped (not DuckDB syntax);
 * - `metadata JSON` / `*_config JSON` kept as JSON (the json extension is built into native DuckDB).
 * Rows come from simulated missions so the import can be checked against known numbers.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MissionTables } from '../../src/lib/contract';
import type { NamedBytes } from '../../src/lib/ingest';

export const STORY48_DDL = `
CREATE SEQUENCE seq_config_profiles START 1;
CREATE TABLE config_profiles (
  id VARCHAR DEFAULT 'prof_' || nextval('seq_config_profiles')::VARCHAR PRIMARY KEY,
  name VARCHAR UNIQUE NOT NULL, description VARCHAR, sdr_config JSON, signal_config JSON,
  homing_config JSON, is_default BOOLEAN DEFAULT FALSE, created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW());
CREATE SEQUENCE seq_state_history START 1;
CREATE TABLE state_history (
  id BIGINT DEFAULT nextval('seq_state_history') PRIMARY KEY, from_state VARCHAR NOT NULL,
  to_state VARCHAR NOT NULL, timestamp TIMESTAMPTZ NOT NULL, reason VARCHAR, operator_id VARCHAR,
  action_duration_ms INTEGER, created_at TIMESTAMPTZ DEFAULT NOW(), session_id UUID,
  signal_strength DOUBLE, location VARCHAR);
CREATE INDEX idx_state_history_timestamp ON state_history(timestamp);
CREATE INDEX idx_state_history_session ON state_history(session_id);
CREATE TABLE rssi_buffer (timestamp TIMESTAMPTZ PRIMARY KEY, rssi DOUBLE NOT NULL,
  noise_floor DOUBLE, snr DOUBLE GENERATED ALWAYS AS (rssi - noise_floor) VIRTUAL,
  location VARCHAR, gradient DOUBLE);
CREATE TABLE telemetry (timestamp TIMESTAMPTZ, metric_name VARCHAR, metric_value DOUBLE, metadata JSON);
`;

const TEL_METRICS = [
	['latitude', 'lat_deg'],
	['longitude', 'lon_deg'],
	['altitude', 'alt_amsl_m'],
	['groundspeed', 'groundspeed_mps'],
	['battery_voltage', 'battery_v']
] as const;

const us = (ms: number): string => `make_timestamp(${Math.round(ms * 1000)}::BIGINT)::TIMESTAMPTZ`;

/**
 * Write `sessions` (one simulated mission each, with a session_id when `withSessionIds`) into one
 * pisad.duckdb; optionally also `EXPORT DATABASE ... (FORMAT PARQUET)` it. Returns the paths.
 */
export async function writeStory48(
	sessions: { tables: MissionTables; sessionId: string | null }[],
	opts: { exportDir?: boolean } = {}
): Promise<{ file: string; exportDir: string | null }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'pisad-48-'));
	const file = path.join(dir, 'pisad.duckdb');
	const inst = await DuckDBInstance.create(file);
	const c = await inst.connect();
	try {
		await c.run(STORY48_DDL);
		await c.run(`INSERT INTO config_profiles (name, sdr_config, signal_config, homing_config, is_default)
			VALUES ('field', '{"frequency": 433000000}', '{"snr_threshold": 12}', '{"enabled": true}', true)`);
		for (const { tables, sessionId } of sessions) {
			await c.run('BEGIN');
			const sid = sessionId ? `'${sessionId}'::UUID` : 'NULL';
			for (const s of tables.state_transition)
				await c.run(`INSERT INTO state_history (from_state, to_state, timestamp, reason, session_id, location)
					VALUES ('${s.from_state ?? 'IDLE'}', '${s.to_state}', ${us(s.t)}, '${(s.reason ?? '').replace(/'/g, "''")}', ${sid}, 'POINT (149.16 -35.36)')`);
			const rssiValues = tables.rssi_sample
				.filter((r) => r.rssi_dbm !== null)
				.map((r) => `(${us(r.t)}, ${r.rssi_dbm}, ${r.noise_floor_dbm})`);
			for (let i = 0; i < rssiValues.length; i += 2000)
				await c.run(
					`INSERT INTO rssi_buffer (timestamp, rssi, noise_floor) VALUES ${rssiValues.slice(i, i + 2000).join(',')}`
				);
			const telValues = tables.vehicle_telemetry.flatMap((v) =>
				TEL_METRICS.map(
					([m, col]) => `(${us(v.t)}, '${m}', ${v[col] ?? 'NULL'}, '{"src":"mavlink"}')`
				)
			);
			for (let i = 0; i < telValues.length; i += 4000)
				await c.run(`INSERT INTO telemetry VALUES ${telValues.slice(i, i + 4000).join(',')}`);
			await c.run('COMMIT');
		}
		let exportDir: string | null = null;
		if (opts.exportDir) {
			exportDir = path.join(dir, 'backup');
			await c.run(`EXPORT DATABASE '${exportDir}' (FORMAT PARQUET)`);
		}
		return { file, exportDir };
	} finally {
		c.closeSync();
		inst.closeSync();
	}
}

/** Files of an export folder as a dropped folder would name them (`backup/<file>`). */
export function folderFiles(dir: string): NamedBytes[] {
	const name = path.basename(dir);
	return readdirSync(dir).map((f) => ({
		name: `${name}/${f}`,
		bytes: new Uint8Array(readFileSync(path.join(dir, f)))
	}));
}
