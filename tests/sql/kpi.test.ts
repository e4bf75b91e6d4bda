/**
 * mission-kpi queries (state timeline, dwell, transition counts, mission KPIs, telemetry summary)
 * run through the wasm engine on simulated missions and checked against truth computed here
 * from the simulator's rows (tests/support/kpi-truth.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceM } from '../../src/lib/geo';
import { ALLOWED_TRANSITIONS, type MissionTables } from '../../src/lib/contract';
import type { Db, SqlParam } from '../../src/lib/db/types';
import { openNodeDb } from '../../src/lib/db/node';
import { simulateMission } from '../../src/lib/sim';
import { loadTables, readSql } from '../support/kpi-load';
import * as truth from '../support/kpi-truth';
import type { MissionKpiSqlRow } from '../../src/lib/queries/kpi-mission-kpis';
import type { StateTimelineRow } from '../../src/lib/queries/kpi-state-timeline';
import type { StateDwellRow } from '../../src/lib/queries/kpi-state-dwell';
import type { StateTransitionCountRow } from '../../src/lib/queries/kpi-state-transition-counts';
import type { TelemetrySummaryRow } from '../../src/lib/queries/kpi-telemetry-summary';

const SPECS = [
	...[1, 2, 3, 4, 5].map((seed) => ({ scenario: 'open-field', seed })),
	{ scenario: 'urban', seed: 2 },
	{ scenario: 'interference', seed: 3 },
	{ scenario: 'no-beacon', seed: 4 }
];
const missions = new Map<string, MissionTables>();
let db: Db;

const q = <T>(name: string, params: SqlParam[]) =>
	db.query<T>(readSql(`queries/mission-kpi/${name}`), params);
const kpis = (id: string | null, extra: SqlParam[] = [null, null, null, null]) =>
	q<MissionKpiSqlRow>('mission_kpis', [id, ...extra]);

beforeAll(async () => {
	db = await openNodeDb();
	for (const s of SPECS) {
		const { tables } = simulateMission(s);
		const id = tables.mission[0]?.mission_id as string;
		missions.set(id, tables);
		await loadTables(db, tables);
	}
});
afterAll(() => db.close());

describe('state machine', () => {
	it('the allowed-transition view lists exactly ALLOWED_TRANSITIONS', async () => {
		const expected = Object.entries(ALLOWED_TRANSITIONS)
			.flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`))
			.sort();
		const rows = await db.query<{ p: string }>(
			"SELECT from_state || '>' || to_state AS p FROM pi_allowed_transition"
		);
		expect(rows.map((r) => r.p).sort()).toEqual(expected);
	});

	it('timeline intervals equal the transitions, dwell sums equal the duration', async () => {
		for (const [id, t] of missions) {
			const rows = await q<StateTimelineRow>('state_timeline', [id]);
			const want = truth.intervals(t);
			expect(rows.map((r) => r.state)).toEqual(want.map((w) => w.state));
			// 1 ms: t_rel_s is stored as given, the mission end comes from µs timestamps.
			rows.forEach((r, i) => expect(r.duration_s).toBeCloseTo(want[i]!.end_s - want[i]!.start_s, 3));
			// The simulator's state machine throws on an illegal transition: all must be allowed.
			expect(rows.slice(1).every((r) => r.allowed === true)).toBe(true);
			expect(rows[0]!.allowed).toBeNull();
			const dwell = await q<StateDwellRow>('state_dwell', [id]);
			const sum = dwell.reduce((a, d) => a + d.dwell_s, 0);
			expect(Math.abs(sum - truth.durationS(t))).toBeLessThan(0.01);
			expect(dwell.reduce((a, d) => a + (d.share_pct ?? 0), 0)).toBeCloseTo(100, 6);
			for (const d of dwell) {
				const mine = want.filter((w) => w.state === d.state);
				expect(d.visits).toBe(mine.length);
				expect(d.dwell_s).toBeCloseTo(mine.reduce((a, w) => a + w.end_s - w.start_s, 0), 3);
			}
			const counts = await q<StateTransitionCountRow>('state_transition_counts', [id]);
			expect(counts.reduce((a, c) => a + c.transitions, 0)).toBe(t.state_transition.length);
		}
	});

	it('flags an injected illegal transition, FORCED reasons and a mid-flight start', async () => {
		const t0 = Date.UTC(2025, 0, 1);
		await db.exec(`INSERT INTO mission (mission_id, source, started_at, ended_at) VALUES
			('kpi-inject', 'import', to_timestamp(${t0 / 1000}), to_timestamp(${t0 / 1000 + 10}))`);
		const tr = (s: number, from: string | null, to: string, reason: string) =>
			db.exec(`INSERT INTO state_transition (mission_id, t, t_rel_s, from_state, to_state, reason)
				VALUES ('kpi-inject', to_timestamp(${t0 / 1000 + s}), ${s},
				${from === null ? 'NULL' : `'${from}'`}, '${to}', '${reason}')`);
		await tr(4, 'SEARCHING', 'DETECTING', 'Signal detected');
		await tr(6, 'DETECTING', 'HOLDING', 'injected');
		await tr(8, 'HOLDING', 'IDLE', 'FORCED: operator');
		const rows = await q<StateTimelineRow>('state_timeline', ['kpi-inject']);
		expect(rows.map((r) => [r.state, r.allowed, r.forced, r.inferred, r.duration_s])).toEqual([
			['SEARCHING', null, false, true, 4],
			['DETECTING', true, false, false, 2],
			['HOLDING', false, false, false, 2],
			['IDLE', true, true, false, 2]
		]);
		const counts = await q<StateTransitionCountRow>('state_transition_counts', ['kpi-inject']);
		expect(counts.filter((c) => c.allowed === false).map((c) => c.to_state)).toEqual(['HOLDING']);
		expect(counts.find((c) => c.to_state === 'IDLE')?.forced).toBe(1);
		// Not simulated and no truth: unknown beacon → FP NULL; with an estimate it is measured.
		const [unknown] = await kpis('kpi-inject');
		expect([unknown?.beacon_reference, unknown?.false_positives]).toEqual(['unknown', null]);
		const [est] = await kpis('kpi-inject', [null, null, -35.36, 149.16]);
		expect([est?.beacon_reference, est?.false_positives]).toEqual(['estimate', 0]);
		await db.exec(`DELETE FROM state_transition WHERE mission_id = 'kpi-inject'`);
		await db.exec(`DELETE FROM mission WHERE mission_id = 'kpi-inject'`);
	});
});

describe('mission_kpis', () => {
	it('matches truth computed from the simulator rows', async () => {
		for (const [id, t] of missions) {
			const [k] = await kpis(id);
			if (!k) throw new Error(`no KPI row for ${id}`);
			const tr = [...t.state_transition].sort((a, b) => a.t_rel_s - b.t_rel_s);
			const rssi = t.rssi_sample.map((r) => r.rssi_dbm as number);
			expect(k.duration_s).toBeCloseTo(truth.durationS(t), 3);
			expect([k.rssi_samples, k.detections]).toEqual([rssi.length, t.detection.length]);
			expect(k.noise_floor_p10_dbm).toBeCloseTo(truth.percentileCont(rssi, 0.1), 9);
			expect(k.max_rssi_dbm).toBe(Math.max(...rssi));
			const start = tr.find((r) => r.to_state === 'SEARCHING')!.t_rel_s;
			const det = truth.detectionTruth(t);
			const first = det.find((d) => d.afterStart);
			close(k.time_to_detection_s, first ? first.t_rel_s - start : null, 6);
			// FR3: DETECTING → HOMING latency from the DETECTING entry just before it.
			const lat = tr.flatMap((r, i) =>
				r.from_state === 'DETECTING' && r.to_state === 'HOMING'
					? [{ s: r.t_rel_s - tr[i - 1]!.t_rel_s, enabled: tr[i - 1]!.homing_enabled }]
					: []
			);
			close(k.detecting_to_homing_latency_s, lat[0]?.s ?? null, 6);
			const maxLat = Math.max(...lat.filter((l) => l.enabled !== false).map((l) => l.s));
			expect(k.fr3_pass).toBe(lat.length ? maxLat < 2 : null);
			const hold = tr.find((r) => r.to_state === 'HOLDING')?.t_rel_s ?? null;
			close(k.time_to_locate_s, hold === null ? null : hold - start, 6);
			const beacon = t.beacon_truth.length > 0;
			// FP/TP: the SQL takes the detection row's own position, this test the telemetry row at
			// or before it (≤ 0.1 s, ≤ 1 m apart): only detections within 2 m of the radius may differ.
			const fp = det.filter((d) => !d.isTrue).length;
			const edge = det.filter((d) => d.dist_m !== null && Math.abs(d.dist_m - 100) < 2).length;
			expect(Math.abs((k.false_positives ?? NaN) - (beacon ? fp : det.length))).toBeLessThanOrEqual(edge);
			expect(k.false_negatives).toBe(beacon ? (det.some((d) => d.isTrue) ? 0 : 1) : 0);
			expect(k.nfr7_pass).toBe(k.detections === 0 ? true : k.false_positive_rate_pct! < 5);
			const led = det.find((d) => d.afterStart && d.ledToBeacon);
			// Detection range: same 1 m position difference as above, so 2 m.
			if (led) expect(Math.abs(k.detection_range_m! - led.dist_m!)).toBeLessThan(2);
			else expect(k.detection_range_m).toBeNull();
			if (!beacon) expect([k.beacon_reference, k.first_contact_range_m]).toEqual(['none', null]);
			checkApproach(k, t, tr, hold);
		}
	});

	it('interference burst detections are false positives', async () => {
		const id = 'sim-interference-s3';
		const t = missions.get(id)!;
		const cfg = JSON.parse(t.mission[0]!.config_json!) as { bursts: { start_s: number; end_s: number }[] };
		const burst = cfg.bursts[0]!;
		const det = truth.detectionTruth(t);
		const inBurst = det.filter((d) => d.t_rel_s >= burst.start_s && d.t_rel_s <= burst.end_s + 1);
		expect(inBurst.length).toBeGreaterThan(0);
		expect(inBurst.every((d) => !d.isTrue && !d.ledToBeacon)).toBe(true);
		const [k] = await kpis(id);
		expect(k!.false_positives).toBeGreaterThanOrEqual(inBurst.length);
		// The burst came first; the range is the beacon's, not the burst's.
		expect(k!.first_contact_range_m).toBeGreaterThan(k!.detection_range_m!);
	});

	it('open field: FR3 holds on every mission', async () => {
		const rows = (await kpis(null)).filter((r) => r.mission_id.startsWith('sim-open-field'));
		expect(rows.length).toBe(5);
		expect(rows.every((r) => r.fr3_pass === true)).toBe(true);
	});

	it('a detection without a position takes the telemetry as of then (the Pi rule)', async () => {
		const id = 'sim-interference-s3';
		const before = (await kpis(id))[0]!;
		const t = missions.get(id)!;
		// Positions cleared from every detection: each now lies where the telemetry last was.
		await db.exec(`UPDATE detection SET lat_deg = NULL, lon_deg = NULL WHERE mission_id = '${id}'`);
		try {
			const after = (await kpis(id))[0]!;
			const tel = [...t.vehicle_telemetry].sort((a, b) => a.t_rel_s - b.t_rel_s);
			const asOf = (s: number) => tel.filter((v) => v.t_rel_s <= s).at(-1);
			const b = t.beacon_truth[0]!;
			const ref = { lat_deg: b.lat_deg ?? NaN, lon_deg: b.lon_deg ?? NaN };
			const near = t.detection.filter((d) => {
				const v = asOf(d.t_rel_s);
				if (v?.lat_deg == null || v.lon_deg == null) return false;
				return distanceM({ lat_deg: v.lat_deg, lon_deg: v.lon_deg }, ref) < 100;
			}).length;
			expect(after.true_positives).toBe(near);
			expect(after.detections).toBe(before.detections);
			expect(after.detection_range_m).not.toBeNull();
		} finally {
			await db.exec(
				`UPDATE detection SET lat_deg = s.lat_deg, lon_deg = s.lon_deg FROM (SELECT unnest($1::DOUBLE[]) AS t, unnest($2::DOUBLE[]) AS lat_deg, unnest($3::DOUBLE[]) AS lon_deg) s WHERE mission_id = '${id}' AND detection.t_rel_s = s.t`.replace('$1', `[${t.detection.map((d) => d.t_rel_s).join(',')}]`).replace('$2', `[${t.detection.map((d) => d.lat_deg).join(',')}]`).replace('$3', `[${t.detection.map((d) => d.lon_deg).join(',')}]`)
			);
		}
		expect((await kpis(id))[0]).toEqual(before);
	});

	it('all missions at once equal the single-mission runs', async () => {
		const all = await kpis(null);
		expect(all.length).toBe(missions.size);
		for (const row of all) expect([row]).toEqual(await kpis(row.mission_id));
		const tl = await q<StateTimelineRow>('state_timeline', [null]);
		const one = await q<StateTimelineRow>('state_timeline', ['sim-urban-s2']);
		expect(tl.filter((r) => r.mission_id === 'sim-urban-s2')).toEqual(one);
		const ts = await q<TelemetrySummaryRow>('telemetry_summary', [null]);
		expect(ts.find((r) => r.mission_id === 'sim-urban-s2')).toEqual(
			(await q<TelemetrySummaryRow>('telemetry_summary', ['sim-urban-s2']))[0]
		);
	});
});

describe('telemetry_summary', () => {
	it('matches JS statistics over the simulator telemetry', async () => {
		for (const [id, t] of missions) {
			const [s] = await q<TelemetrySummaryRow>('telemetry_summary', [id]);
			const v = t.vehicle_telemetry;
			const col = (f: (r: (typeof v)[number]) => number | null) => v.map((r) => f(r) as number);
			const time = col((r) => r.t_rel_s);
			expect(s!.telemetry_samples).toBe(v.length);
			// Regressions and means over thousands of rows: 1e-6 relative is float noise only.
			expect(s!.battery_drain_pct_per_min).toBeCloseTo(-60 * truth.slope(time, col((r) => r.battery_pct)), 6);
			expect(s!.battery_drain_v_per_min).toBeCloseTo(-60 * truth.slope(time, col((r) => r.battery_v)), 6);
			expect([s!.battery_start_pct, s!.battery_end_pct]).toEqual([v[0]!.battery_pct, v.at(-1)!.battery_pct]);
			const alt = col((r) => r.alt_rel_m);
			const mean = alt.reduce((a, b) => a + b, 0) / alt.length;
			const sd = Math.sqrt(alt.reduce((a, b) => a + (b - mean) ** 2, 0) / (alt.length - 1));
			expect([s!.alt_rel_min_m, s!.alt_rel_max_m]).toEqual([Math.min(...alt), Math.max(...alt)]);
			expect(s!.alt_rel_mean_m).toBeCloseTo(mean, 6);
			expect(s!.alt_rel_stddev_m).toBeCloseTo(sd, 6);
			const gs = col((r) => r.groundspeed_mps);
			expect(s!.groundspeed_p95_mps).toBeCloseTo(truth.percentileCont(gs, 0.95), 9);
			expect(s!.gps_hdop_median).toBeCloseTo(truth.percentileCont(col((r) => r.gps_hdop), 0.5), 9);
			expect(s!.gps_sats_min).toBe(Math.min(...col((r) => r.gps_sats)));
			expect(s!.gps_3d_fix_pct).toBe(100);
			let km = 0;
			let jumps = 0;
			for (let i = 1; i < v.length; i++) {
				const d = Math.hypot(v[i]!.north_m! - v[i - 1]!.north_m!, v[i]!.east_m! - v[i - 1]!.east_m!);
				km += d / 1000;
				if (d > 50) jumps++;
			}
			expect(s!.distance_km).toBeCloseTo(km, 6);
			expect(s!.position_jumps).toBe(jumps);
		}
	});
});

type Tr = MissionTables['state_transition'];

/** Both NULL, or equal to `digits` decimals. */
function close(got: number | null, want: number | null, digits: number): void {
	if (want === null) expect(got).toBeNull();
	else expect(got).toBeCloseTo(want, digits);
}

function checkApproach(k: MissionKpiSqlRow, t: MissionTables, tr: Tr, hold: number | null): void {
	if (hold === null || t.beacon_truth.length === 0) {
		expect([k.approach_accuracy_m, k.homing_efficiency_pct]).toEqual([null, null]);
		return;
	}
	const holds = truth.intervals(t).filter((i) => i.state === 'HOLDING');
	const inHold = t.vehicle_telemetry.filter((v) =>
		holds.some((h) => v.t_rel_s >= h.start_s && v.t_rel_s < h.end_s)
	);
	// Same telemetry rows, different arithmetic (lat/lon in SQL, north/east here): 1 mm.
	expect(k.approach_accuracy_m).toBeCloseTo(truth.distToBeacon(t, inHold.at(-1)!)!, 3);
	expect(k.story34_pass).toBe(k.approach_accuracy_m! <= 50);
	const home = Math.max(...tr.filter((r) => r.to_state === 'HOMING' && r.t_rel_s <= hold).map((r) => r.t_rel_s));
	const leg = t.vehicle_telemetry.filter((v) => v.t_rel_s >= home && v.t_rel_s <= hold);
	let path = 0;
	for (let i = 1; i < leg.length; i++) {
		path += Math.hypot(leg[i]!.north_m! - leg[i - 1]!.north_m!, leg[i]!.east_m! - leg[i - 1]!.east_m!);
	}
	const a = leg[0]!;
	const b = leg.at(-1)!;
	const straight = Math.hypot(b.north_m! - a.north_m!, b.east_m! - a.east_m!);
	expect(k.homing_efficiency_pct).toBeCloseTo((100 * straight) / path, 6);
	const mean = (from: number) => {
		const w = t.rssi_sample.filter((r) => r.t_rel_s >= from && r.t_rel_s < from + 5);
		return w.reduce((s, r) => s + r.rssi_dbm!, 0) / w.length;
	};
	expect(k.rssi_improvement_db).toBeCloseTo(mean(hold) - mean(home), 9);
}
