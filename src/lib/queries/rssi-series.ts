import type { Db } from '$lib/db/types';
import { sqlText } from './sql';
import { positiveInt } from './track';

/** One row of sql/queries/mission/rssi_series.sql: a sample, or a time bucket of samples. */
export interface RssiSeriesRow {
	t_rel_s: number;
	samples: number;
	rssi_min_dbm: number | null;
	rssi_max_dbm: number | null;
	rssi_mean_dbm: number | null;
	noise_floor_dbm: number | null;
	snr_db: number | null;
	detected: boolean | null;
}

/** RSSI over time, one row per sample or at most `maxPoints` time buckets. */
export function rssiSeries(db: Db, missionId: string, maxPoints: number): Promise<RssiSeriesRow[]> {
	return db.query<RssiSeriesRow>(sqlText('queries/mission/rssi_series'), [
		missionId,
		positiveInt(maxPoints)
	]);
}
