/**
 * missionKpis: everything the review page's KPI grid needs in one call, per mission. It runs
 * mission_kpis.sql and, with `spatial`, the beacon estimate and coverage, and re-runs the KPIs
 * against the estimate for missions whose true beacon is unknown (so approach accuracy and false
 * positives are then measured against the estimate). Without `spatial` (the library at 100 hours:
 * one pass over every mission), beacon_est_* and coverage_km2 are NULL.
 */
import { REVIEW_KPI_NAMES } from '$lib/contract';
import type { Db } from '$lib/db';
import { missionKpiSql, type MissionKpiParams, type MissionKpiSqlRow } from './kpi-mission-kpis';
import { beaconEstimate } from './spatial-beacon-estimate';
import { coverage } from './spatial-coverage';

/** A KPI row: the SQL columns plus the spatial ones, named as the UI's data-kpi attributes. */
export interface MissionKpiRow extends MissionKpiSqlRow {
	beacon_est_lat: number | null;
	beacon_est_lon: number | null;
	/** Uncertainty radius of the estimate, m. */
	beacon_est_err_m: number | null;
	coverage_km2: number | null;
}

/** The names the review view renders as `data-kpi`; the compiler checks the row has them all. */
export const MISSION_KPI_NAMES = REVIEW_KPI_NAMES satisfies readonly (keyof MissionKpiRow)[];

/** KPIs of one mission, or of every mission with `missionId` NULL. */
export async function missionKpis(
	db: Db,
	missionId: string | null,
	opts: { params?: MissionKpiParams; spatial?: boolean } = {}
): Promise<MissionKpiRow[]> {
	const params = opts.params ?? {};
	const rows = await missionKpiSql(db, missionId, params);
	const estimates = opts.spatial ? await beaconEstimate(db, missionId) : [];
	const covered = opts.spatial ? await coverage(db, missionId) : [];
	const est = new Map(estimates.map((e) => [e.mission_id, e]));
	const cov = new Map(covered.map((c) => [c.mission_id, c.covered_km2]));
	const out: MissionKpiRow[] = [];
	for (const row of rows) {
		const e = est.get(row.mission_id);
		let base = row;
		if (row.beacon_reference === 'unknown' && e?.est_lat_deg != null && e.est_lon_deg != null) {
			const estimate = { lat_deg: e.est_lat_deg, lon_deg: e.est_lon_deg };
			const [again] = await missionKpiSql(db, row.mission_id, { ...params, estimate });
			if (again) base = again;
		}
		out.push({
			...base,
			beacon_est_lat: e?.est_lat_deg ?? null,
			beacon_est_lon: e?.est_lon_deg ?? null,
			beacon_est_err_m: e?.uncertainty_m ?? null,
			coverage_km2: cov.get(row.mission_id) ?? null
		});
	}
	return out;
}
