import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MissionTables } from '../../src/lib/contract';
import type { Db } from '../../src/lib/db/types';
import { openNodeDb } from '../../src/lib/db/node';
import { ingest, type NamedBytes } from '../../src/lib/ingest';
import { simulateMission } from '../../src/lib/sim';
import type { WsMessage } from '../../src/lib/sim/ws';
import { analysisCsv, loggerFolder, piStateDb, recorderCsv, recorderJson, wsJsonl } from '../support/ingest-formats';
import { folderFiles, writeStory48 } from '../support/ingest-story48';
import { miniMission } from '../support/mini-mission';
import { loadMission } from '../support/signal-missions';
import { coverage } from '../../src/lib/queries/spatial-coverage';
import { readFileSync } from 'node:fs';

let db: Db;
let sim: MissionTables;
let ws: WsMessage[];
const rssiOf = (m: MissionTables): number[] => m.rssi_sample.flatMap((r) => (r.rssi_dbm === null ? [] : [r.rssi_dbm]));

beforeAll(async () => {
	({ tables: sim, ws } = simulateMission({ seed: 1, scenario: 'open-field' }));
	db = await openNodeDb();
});
afterAll(() => db?.close());

async function stats(id: string) {
	const [r] = await db.query<{ n: number; mx: number; det: number; nf: number; tel: number; st: number; source: string; dq: number }>(
		`SELECT (SELECT count(*)::DOUBLE FROM rssi_sample WHERE mission_id = $1) AS n,
		        (SELECT max(rssi_dbm) FROM rssi_sample WHERE mission_id = $1) AS mx,
		        (SELECT count(*)::DOUBLE FROM detection WHERE mission_id = $1) AS det,
		        (SELECT count(noise_floor_dbm)::DOUBLE FROM rssi_sample WHERE mission_id = $1) AS nf,
		        (SELECT count(*)::DOUBLE FROM vehicle_telemetry WHERE mission_id = $1) AS tel,
		        (SELECT count(*)::DOUBLE FROM state_transition WHERE mission_id = $1) AS st,
		        (SELECT source FROM mission WHERE mission_id = $1) AS source,
		        (SELECT count(*)::DOUBLE FROM data_quality_note WHERE mission_id = $1) AS dq`,
		[id]
	);
	return r!;
}

describe('foreign formats recover the simulated mission', () => {
	test('telemetry-recorder CSV and its JSON form', async () => {
		for (const [file, format] of [[recorderCsv(sim), 'recorder-csv'], [recorderJson(sim), 'recorder-json']] as const) {
			const res = await ingest(db, [file]);
			expect(res.missionIds).toHaveLength(1);
			const id = res.missionIds[0]!;
			const s = await stats(id);
			expect(s.source).toBe(`import:${format}`);
			expect(s.n).toBe(rssiOf(sim).length);
			expect(s.mx).toBe(Math.max(...rssiOf(sim)));
			expect(s.det).toBe(sim.detection.length);
			// noise floor = rssi − snr, recovered to rounding
			const [d] = await db.query<{ e: number }>(
				`SELECT max(abs(i.noise_floor_dbm - s.nf)) AS e FROM rssi_sample i JOIN (SELECT unnest($2::DOUBLE[]) AS nf, unnest($3::DOUBLE[]) AS seq) s ON i.seq = s.seq WHERE i.mission_id = $1`,
				[id, JSON.stringify(sim.rssi_sample.filter((r) => r.rssi_dbm !== null).map((r) => r.noise_floor_dbm)), JSON.stringify(sim.rssi_sample.filter((r) => r.rssi_dbm !== null).map((_, i) => i))]
			);
			expect(d?.e).toBeLessThan(1e-9);
			expect(res.quality[id]?.some((n) => n.message.includes('derived from changes of system_state'))).toBe(true);
		}
	});

	test('_analysis.csv: comments kept, noise floor and SNR computed with the Pi chain', async () => {
		const res = await ingest(db, [analysisCsv(sim)]);
		const id = res.missionIds[0]!;
		const s = await stats(id);
		expect(s.n).toBe(rssiOf(sim).length);
		const [m] = await db.query<{ notes: string }>('SELECT notes FROM mission WHERE mission_id = $1', [id]);
		expect(m?.notes.split('\n')).toHaveLength(4);
		const rows = await db.query<{ nf: number; snr: number }>('SELECT noise_floor_dbm AS nf, snr_db AS snr FROM rssi_sample WHERE mission_id = $1 ORDER BY seq', [id]);
		const truth = sim.rssi_sample.filter((r) => r.rssi_dbm !== null);
		// The sim's chain has no gaps (no null RSSI), so the recomputed floor is exactly the Pi's.
		expect(truth.length).toBe(sim.rssi_sample.length);
		const err = Math.max(...rows.map((r, i) => Math.abs(r.nf - (truth[i]!.noise_floor_dbm ?? NaN))));
		expect(err).toBeLessThan(1e-9);
		expect(res.quality[id]?.some((n) => n.severity === 'info' && n.message.includes("Pi's chain"))).toBe(true);
	});

	test('field-test logger folder', async () => {
		const res = await ingest(db, loggerFolder(sim));
		const id = res.missionIds[0]!;
		const s = await stats(id);
		expect(s.source).toBe('import:field-logger');
		expect(s.n).toBe(rssiOf(sim).length);
		expect(s.tel).toBe(sim.vehicle_telemetry.length);
		expect(s.st).toBe(sim.state_transition.length);
		const [p] = await db.query<{ n: number }>('SELECT count(cpu_pct)::DOUBLE AS n FROM vehicle_telemetry WHERE mission_id = $1', [id]);
		expect(p?.n).toBe(sim.vehicle_telemetry.length);
		// epoch seconds printed to ms: times within 1 ms of the source
		const [t] = await db.query<{ t: number }>('SELECT min(t) AS t FROM vehicle_telemetry WHERE mission_id = $1', [id]);
		expect(Math.abs((t?.t ?? 0) - sim.vehicle_telemetry[0]!.t)).toBeLessThan(1);
	});

	test('WebSocket JSONL capture', async () => {
		const res = await ingest(db, [wsJsonl(ws)]);
		const id = res.missionIds[0]!;
		const s = await stats(id);
		expect(s.source).toBe('import:ws-capture');
		expect(s.n).toBe(ws.filter((m) => m.type === 'rssi').length);
		expect(s.mx).toBe(Math.max(...rssiOf(sim)));
		expect(s.tel).toBe(ws.filter((m) => m.type === 'telemetry').length);
		expect(s.st).toBe(sim.state_transition.length);
		expect(s.det).toBe(sim.detection.length);
		const [h] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM homing_step WHERE mission_id = $1', [id]);
		expect(h?.n).toBe(ws.filter((m) => m.type === 'homing_status').length);
		const q = res.quality[id] ?? [];
		expect(q.find((n) => n.message.startsWith('lines that are not JSON'))?.rows_affected).toBe(1);
		expect(q.find((n) => n.message.startsWith('messages not used'))?.message).toContain('config ×1');
	});

	test('story-4.8 pisad.duckdb (two sessions by session_id) and its EXPORT DATABASE folder', async () => {
		const other = miniMission('m2', 3, 300);
		const sessions = [
			{ tables: sim, sessionId: '11111111-2222-3333-4444-555555555555' },
			{ tables: other, sessionId: '99999999-2222-3333-4444-555555555555' }
		];
		const { file, exportDir } = await writeStory48(sessions, { exportDir: true });
		const res = await ingest(db, [{ name: 'pisad.duckdb', bytes: new Uint8Array(readFileSync(file)) }]);
		expect(res.missionIds).toHaveLength(2);
		// Sessions come back in start order: the mini mission (January) before the simulated one (August).
		const [b, a] = await Promise.all(res.missionIds.map(stats));
		expect(a?.source).toBe('import:duckdb-4.8');
		expect(a?.n).toBe(rssiOf(sim).length);
		expect(a?.mx).toBe(Math.max(...rssiOf(sim)));
		expect(a?.st).toBe(sim.state_transition.length);
		expect(a?.tel).toBe(sim.vehicle_telemetry.length);
		expect(b?.n).toBe(rssiOf(other).length);
		// Issue 15: the Pi logs altitude above sea level only; height above home is derived from
		// it, so the airborne filter, slant ranges and coverage work (coverage was empty).
		const aId = res.missionIds[1]!;
		const [alt] = await db.query<{ err: number; n: number }>(
			`SELECT max(abs(v.alt_rel_m - s.alt)) AS err, count(v.alt_rel_m)::DOUBLE AS n
			 FROM vehicle_telemetry v JOIN (SELECT unnest($2::DOUBLE[]) AS alt, unnest($3::DOUBLE[]) AS k) s
			   ON s.k = v.t_rel_s - (SELECT min(t_rel_s) FROM vehicle_telemetry WHERE mission_id = $1)
			 WHERE v.mission_id = $1`,
			[aId, JSON.stringify(sim.vehicle_telemetry.map((r) => r.alt_rel_m)), JSON.stringify(sim.vehicle_telemetry.map((r) => r.t_rel_s - sim.vehicle_telemetry[0]!.t_rel_s))]
		);
		expect(alt?.n).toBeGreaterThan(0);
		// The sim's first fix is at home on the ground (within its GPS altitude noise).
		expect(alt?.err).toBeLessThan(3);
		const [cov48] = await coverage(db, aId);
		const simDb = await openNodeDb();
		await loadMission(simDb, sim);
		const [covSim] = await coverage(simDb, sim.mission[0]!.mission_id);
		simDb.close();
		expect(cov48?.covered_km2).toBeGreaterThan(0);
		expect(Math.abs(cov48!.covered_km2 - covSim!.covered_km2) / covSim!.covered_km2).toBeLessThan(0.05);
		const exp = await ingest(db, folderFiles(exportDir!));
		expect(exp.missionIds).toHaveLength(2);
		const [, ea] = await Promise.all(exp.missionIds.map(stats));
		expect(ea?.source).toBe('import:duckdb-4.8-export');
		expect(ea?.n).toBe(a?.n);
		expect(ea?.mx).toBe(a?.mx);
		expect(ea?.tel).toBe(a?.tel);
	});

	test('story-4.8 without session ids splits at 30-minute gaps', async () => {
		const later = miniMission('m3', 200, 200); // starts 200 min after seed-0 time: a gap
		const first = miniMission('m4', 1, 200);
		const { file } = await writeStory48([{ tables: first, sessionId: null }, { tables: later, sessionId: null }]);
		const local = await openNodeDb();
		try {
			const res = await ingest(local, [{ name: 'old/pisad.duckdb', bytes: new Uint8Array(readFileSync(file)) }]);
			expect(res.missionIds).toHaveLength(2);
		} finally {
			await local.close();
		}
	});

	test('SQLite pisad.db: sessions by gaps, FORCED transitions, no RSSI', async () => {
		const bytes = await piStateDb();
		const res = await ingest(db, [{ name: 'data/pisad.db', bytes }]);
		expect(res.missionIds).toHaveLength(3);
		const counts = await Promise.all(res.missionIds.map(stats));
		expect(counts.map((c) => c.st)).toEqual([5, 10, 15]);
		expect(counts.every((c) => c.n === 0 && c.source === 'import:sqlite')).toBe(true);
		const [f] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM state_transition WHERE forced AND mission_id IN (SELECT unnest($1::VARCHAR[]))', [JSON.stringify(res.missionIds)]);
		expect(f?.n).toBe(1 + 2 + 3);
	});

	test('other Parquet and CSV open as user_ tables with a note of missing columns', async () => {
		const csv: NamedBytes = { name: 'misc/Battery Log.csv', bytes: new TextEncoder().encode('time,volts\n1,24.1\n2,24.0\n') };
		const res = await ingest(db, [csv]);
		expect(res.tables).toEqual(['user_battery_log']);
		expect(res.notes[0]?.message).toContain('missing contract columns mission_id, t, rssi_dbm');
		const [r] = await db.query<{ n: number; v: number }>('SELECT count(*)::DOUBLE AS n, max(volts) AS v FROM user_battery_log');
		expect(r).toEqual({ n: 2, v: 24.1 });
	});
});
