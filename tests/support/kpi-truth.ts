/**
 * Independent JS versions of the mission-kpi definitions, computed from the simulator's rows, to
 * check the SQL against (tests/sql/kpi.test.ts). Positions come from the telemetry row at or
 * before an event, distances from north_m/east_m — not the paths the SQL takes.
 */
import type { MissionTables, VehicleTelemetryRow } from '../../src/lib/contract';

export interface Interval {
	state: string;
	start_s: number;
	end_s: number;
}

export const durationS = (t: MissionTables): number => {
	const m = t.mission[0];
	if (!m || m.ended_at === null) throw new Error('mission without ended_at');
	return (m.ended_at - m.started_at) / 1000;
};

/** State intervals from the transitions (first one from start-up). */
export function intervals(t: MissionTables): Interval[] {
	const tr = [...t.state_transition].sort((a, b) => a.t_rel_s - b.t_rel_s);
	return tr.map((r, i) => ({
		state: r.to_state,
		start_s: r.t_rel_s,
		end_s: tr[i + 1]?.t_rel_s ?? durationS(t)
	}));
}

/** percentile_cont: linear interpolation between closest ranks. */
export function percentileCont(values: number[], q: number): number {
	const s = [...values].sort((a, b) => a - b);
	const pos = q * (s.length - 1);
	const lo = Math.floor(pos);
	const a = s[lo] as number;
	const b = s[Math.min(lo + 1, s.length - 1)] as number;
	return a + (b - a) * (pos - lo);
}

/** Least-squares slope of y over x. */
export function slope(xs: number[], ys: number[]): number {
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < n; i++) {
		sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
		sxx += ((xs[i] as number) - mx) ** 2;
	}
	return sxy / sxx;
}

/** The telemetry row at or before `tS` (binary search over rows sorted by time). */
export function rowAt(rows: readonly VehicleTelemetryRow[], tS: number): VehicleTelemetryRow {
	let lo = 0;
	let hi = rows.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((rows[mid] as VehicleTelemetryRow).t_rel_s <= tS) lo = mid;
		else hi = mid - 1;
	}
	return rows[lo] as VehicleTelemetryRow;
}

export function distToBeacon(
	t: MissionTables,
	p: { north_m: number | null; east_m: number | null }
) {
	const b = t.beacon_truth[0];
	if (!b || b.north_m === null || b.east_m === null) return null;
	return Math.hypot((p.north_m ?? NaN) - b.north_m, (p.east_m ?? NaN) - b.east_m);
}

/** Detection classification as the SQL header defines it, from telemetry positions. */
export function detectionTruth(t: MissionTables, radiusM = 100) {
	const tel = t.vehicle_telemetry;
	const tr = [...t.state_transition].sort((a, b) => a.t_rel_s - b.t_rel_s);
	const searchStart = tr.find((r) => r.to_state === 'SEARCHING')?.t_rel_s ?? null;
	const pursuitEnd = (tS: number): number =>
		tr.find(
			(r) =>
				r.t_rel_s > tS &&
				['SEARCHING', 'IDLE'].includes(r.to_state) &&
				['DETECTING', 'HOMING', 'HOLDING'].includes(r.from_state ?? '')
		)?.t_rel_s ?? durationS(t);
	return [...t.detection]
		.sort((a, b) => a.t_rel_s - b.t_rel_s)
		.map((d) => {
			const dist = distToBeacon(t, rowAt(tel, d.t_rel_s));
			const end = pursuitEnd(d.t_rel_s);
			let pursuitMin = Infinity;
			for (const v of tel) {
				if (v.t_rel_s < d.t_rel_s || v.t_rel_s > end) continue;
				pursuitMin = Math.min(pursuitMin, distToBeacon(t, v) ?? Infinity);
			}
			return {
				t_rel_s: d.t_rel_s,
				snr_db: d.snr_db,
				dist_m: dist,
				isTrue: dist !== null && dist < radiusM,
				afterStart: searchStart !== null && d.t_rel_s >= searchStart,
				ledToBeacon: pursuitMin < radiusM
			};
		});
}
