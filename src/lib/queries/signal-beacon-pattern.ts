/** Typed wrapper of sql/queries/signal/beacon_pattern.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface BeaconPatternRow {
	mission_id: string;
	/** Bucket start, s from mission start; null on the whole-mission row. */
	bucket_start_s: number | null;
	/** Bucket end, s (the last sample's t_rel_s on the whole-mission row). */
	bucket_end_s: number;
	samples: number;
	/** Samples whose RSSI rose more than deltaDb over the previous sample. */
	pulse_count: number;
	pulse_rate_hz: number | null;
	/** Mean 6-sample standard deviation of RSSI, dB (lower = steadier). */
	signal_stability_db: number | null;
	/** max − min RSSI, dB. */
	signal_range_db: number | null;
	mean_rssi_dbm: number | null;
	max_rssi_dbm: number | null;
	max_delta_db: number | null;
}

/**
 * The seed's beacon-pattern summary: per mission one whole-mission row (bucket_start_s null)
 * then one row per `windowS`-second bucket. `missionId` null = every mission.
 */
export function beaconPattern(
	db: Db,
	missionId: string | null,
	windowS = 30,
	deltaDb = 10
): Promise<BeaconPatternRow[]> {
	return db.query<BeaconPatternRow>(sqlText('queries/signal/beacon_pattern'), [
		missionId,
		windowS,
		deltaDb
	]);
}
