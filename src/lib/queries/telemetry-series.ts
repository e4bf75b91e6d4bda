/** Typed wrapper of sql/queries/mission/telemetry_series.sql. */
import type { Db } from '$lib/db/types';
import { sqlText } from './sql';
import { positiveInt } from './track';

export interface TelemetrySeriesRow {
	t_rel_s: number;
	alt_rel_m: number | null;
	groundspeed_mps: number | null;
	battery_pct: number | null;
	battery_v: number | null;
	gps_sats: number | null;
	gps_hdop: number | null;
}

/** Telemetry over time in at most `maxPoints` buckets. */
export function telemetrySeries(
	db: Db,
	missionId: string,
	maxPoints: number
): Promise<TelemetrySeriesRow[]> {
	return db.query<TelemetrySeriesRow>(sqlText('queries/mission/telemetry_series'), [
		missionId,
		positiveInt(maxPoints)
	]);
}
