/** Typed wrapper of sql/queries/mission-kpi/telemetry_summary.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface TelemetrySummaryRow {
	mission_id: string;
	telemetry_samples: number;
	span_s: number;
	battery_start_pct: number | null;
	battery_end_pct: number | null;
	battery_start_v: number | null;
	battery_end_v: number | null;
	/** Least-squares drain, positive when the pack discharges. */
	battery_drain_pct_per_min: number | null;
	battery_drain_v_per_min: number | null;
	alt_rel_min_m: number | null;
	alt_rel_mean_m: number | null;
	alt_rel_max_m: number | null;
	alt_rel_stddev_m: number | null;
	groundspeed_mean_mps: number | null;
	groundspeed_p95_mps: number | null;
	groundspeed_max_mps: number | null;
	climb_max_mps: number | null;
	/** Fastest descent (most negative climb). */
	climb_min_mps: number | null;
	gps_no_fix_pct: number | null;
	gps_2d_fix_pct: number | null;
	gps_3d_fix_pct: number | null;
	gps_rtk_pct: number | null;
	gps_sats_min: number | null;
	gps_sats_median: number | null;
	gps_hdop_median: number | null;
	gps_hdop_p95: number | null;
	gps_hdop_max: number | null;
	/** Steps of more than 50 m between consecutive telemetry rows. */
	position_jumps: number;
	distance_km: number;
}

/** Battery, altitude, speed and GPS-quality statistics per mission. */
export function telemetrySummary(db: Db, missionId: string | null): Promise<TelemetrySummaryRow[]> {
	return db.query<TelemetrySummaryRow>(sqlText('queries/mission-kpi/telemetry_summary'), [
		missionId
	]);
}
