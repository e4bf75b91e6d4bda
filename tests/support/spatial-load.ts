/**
 * Fast loading of simulated missions for tests/sql/spatial.test.ts: only the columns the spatial
 * queries read, built column-wise with tableFromArrays (Float64Array for numbers). The generic
 * row-wise tableFromJSON loader takes ~100 s for the ~400k rows this file needs; this takes a
 * few seconds. Timestamps go in as epoch µs and become TIMESTAMPTZ in SQL.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Db } from '$lib/db';
import type { MissionTables } from '$lib/contract';
import { simulateMission } from '$lib/sim';

const COLUMNS = {
	mission: ['mission_id', 'started_at', 'origin_lat_deg', 'origin_lon_deg', 'search_area_km2'],
	rssi_sample: ['mission_id', 't', 't_rel_s', 'seq', 'rssi_dbm', 'noise_floor_dbm', 'snr_db'],
	vehicle_telemetry: [
		'mission_id',
		't',
		't_rel_s',
		'lat_deg',
		'lon_deg',
		'north_m',
		'east_m',
		'alt_rel_m'
	],
	beacon_truth: ['mission_id', 'north_m', 'east_m']
} as const;
const TS = new Set(['t', 'started_at']);

/** Loads the spatial columns of one mission's tables. */
export async function loadSpatial(db: Db, tables: MissionTables): Promise<void> {
	if (!db.insertArrowIpc) throw new Error('this Db cannot insert Arrow IPC');
	for (const [name, cols] of Object.entries(COLUMNS)) {
		const rows = tables[name as keyof MissionTables] as unknown as Record<string, unknown>[];
		if (rows.length === 0) continue;
		const arrays: Record<string, Float64Array | string[]> = {};
		for (const c of cols) {
			arrays[c] =
				c === 'mission_id'
					? rows.map((r) => String(r[c]))
					: Float64Array.from(rows, (r) => (r[c] === null ? NaN : Number(r[c])));
		}
		const staging = `_spatial_load_${name}`;
		await db.insertArrowIpc(staging, tableToIPC(tableFromArrays(arrays), 'stream'));
		const sel = cols
			.map((c) =>
				TS.has(c)
					? `make_timestamp(round(${c} * 1000)::BIGINT)::TIMESTAMPTZ AS ${c}`
					: c === 'mission_id'
						? c
						: `CASE WHEN isnan(${c}) THEN NULL ELSE ${c} END AS ${c}`
			)
			.join(', ');
		await db.exec(`INSERT INTO ${name} BY NAME SELECT ${sel} FROM ${staging}`);
		await db.exec(`DROP TABLE ${staging}`);
	}
}

/** A simulated mission: id plus the simulator's own tables (the truth the tests check). */
export interface SpatialMission {
	id: string;
	tables: MissionTables;
}

/** Simulates and loads missions, in order. */
export async function loadSpatialSims(
	db: Db,
	scenario: string,
	seeds: readonly number[]
): Promise<SpatialMission[]> {
	const out: SpatialMission[] = [];
	for (const seed of seeds) {
		const { tables } = simulateMission({ seed, scenario });
		await loadSpatial(db, tables);
		out.push({ id: (tables.mission[0] as { mission_id: string }).mission_id, tables });
	}
	return out;
}
