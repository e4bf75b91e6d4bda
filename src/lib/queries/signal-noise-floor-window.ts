/** Typed wrapper of sql/queries/signal/noise_floor_window.sql. */
import type { Db } from '$lib/db';
import { sqlText } from './sql';

export interface NoiseFloorWindowRow {
	mission_id: string;
	/** floor(t_rel_s) of the bucket, s. */
	bucket_s: number;
	/** Evaluation instant: the bucket's last sample. */
	t: number;
	t_rel_s: number;
	window_n: number;
	/** percentile_cont over the trailing window, dBm. */
	noise_floor_dbm: number;
	rssi_dbm: number;
	snr_db: number;
	recorded_noise_floor_dbm: number | null;
}

/**
 * The seed's time-window floor: percentile_cont(`percentile`) of RSSI over the trailing
 * `windowS` seconds, once per 1-second bucket. `missionId` null = every mission.
 */
export function noiseFloorWindow(
	db: Db,
	missionId: string | null,
	windowS = 10,
	percentile = 0.1
): Promise<NoiseFloorWindowRow[]> {
	return db.query<NoiseFloorWindowRow>(sqlText('queries/signal/noise_floor_window'), [
		missionId,
		windowS,
		percentile
	]);
}
